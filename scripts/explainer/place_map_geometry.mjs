// Geometry of the "Where it happened" map, run by place_map.py at build time: Natural Earth country boundaries
// (npm world-atlas, 1:50m) projected with d3-geo into an SVG frame. Reads {extent, width, height, places, legs}
// as JSON on stdin; writes {land, borders, places, legs} (SVG path data and points) as JSON on stdout.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoConicEqualArea, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";

const require = createRequire(import.meta.url);
const topology = require("world-atlas/countries-50m.json");
const land = require("world-atlas/land-50m.json");
const input = JSON.parse(readFileSync(0, "utf8"));
const [[west, south], [east, north]] = input.extent;
const { width, height } = input;

// Fitted to the frame's corners and edge midpoints (a MultiPoint, so no polygon winding question arises).
const frame = { type: "MultiPoint", coordinates: [] };
for (const lon of [west, (west + east) / 2, east]) for (const lat of [south, (south + north) / 2, north]) {
  frame.coordinates.push([lon, lat]);
}
// Conic equal-area with standard parallels across the region: areas true, shapes little distorted from 10° to 50° N.
const projection = geoConicEqualArea()
  .parallels([south + (north - south) / 6, north - (north - south) / 6])
  .rotate([-(west + east) / 2, 0])
  .fitExtent([[0, 0], [width, height]], frame);
projection.clipExtent([[0, 0], [width, height]]);
// Whole pixels: at this size a finer outline only adds bytes (the figure is inline on three pages).
const path = geoPath(projection).digits(0);

const coast = path(feature(land, land.objects.land)) || "";
const borders = path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) || "";
const places = Object.fromEntries(
  input.places.map((p) => [p.id, projection([p.lon, p.lat]).map((v) => Math.round(v * 10) / 10)]),
);
// Each leg along the great circle between its two places, as d3 draws a LineString.
const legs = input.legs.map(([a, b]) => path({ type: "LineString", coordinates: [a, b] }));
process.stdout.write(JSON.stringify({ land: coast, borders, places, legs }));
