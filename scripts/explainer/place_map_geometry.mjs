// Geometry of the "Where it happened" map, run by place_map.py at build time: Natural Earth land and country
// borders (npm world-atlas, 1:50m TopoJSON, decoded by topojson-client) projected by d3-geo into an SVG frame.
// Reads {extent: [[west, south], [east, north]], width, places: [{id, lon, lat}]} as JSON on
// stdin; writes {width, height, land, borders, places: {id: [x, y]}} (SVG path data, points) as JSON on stdout.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoConicEqualArea, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";

const require = createRequire(import.meta.url);
const countries = require("world-atlas/countries-50m.json");
const land = require("world-atlas/land-50m.json");
const input = JSON.parse(readFileSync(0, "utf8"));
const [[west, south], [east, north]] = input.extent;
const { width } = input;

// The frame's corners and edge midpoints, as a MultiPoint (no polygon winding question arises).
const frame = { type: "MultiPoint", coordinates: [] };
for (const lon of [west, (west + east) / 2, east]) {
  for (const lat of [south, (south + north) / 2, north]) frame.coordinates.push([lon, lat]);
}
// Conic equal-area with standard parallels inside the region (a sixth of its height in from each edge): areas true,
// shapes little distorted across it; centred on the region's middle meridian so north is up in the middle.
const projection = geoConicEqualArea()
  .parallels([south + (north - south) / 6, north - (north - south) / 6])
  .rotate([-(west + east) / 2, 0])
  .fitWidth(width, frame);
const height = Math.ceil(geoPath(projection).bounds(frame)[1][1]);
projection.clipExtent([[0, 0], [width, height]]);
// Whole pixels: at this size a finer outline only adds bytes (the figure is inline on three pages).
const path = geoPath(projection).digits(0);
const round = (v) => Math.round(v * 10) / 10;

process.stdout.write(
  JSON.stringify({
    width,
    height,
    land: path(feature(land, land.objects.land)) || "",
    borders: path(mesh(countries, countries.objects.countries, (a, b) => a !== b)) || "",
    places: Object.fromEntries(input.places.map((p) => [p.id, projection([p.lon, p.lat]).map(round)])),
  }),
);
