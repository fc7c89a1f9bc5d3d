"""The "Where it happened" map: the region of the story with its places and a dated route, as inline SVG.

The boundaries are Natural Earth's (npm `world-atlas`, 1:50m TopoJSON) projected at build time by `d3-geo`, the
projection library web maps are drawn with, in `place_map_geometry.mjs` (Node runs it; npm installed both). The
land and borders are one fragment (`docs/includes/place-map.md`) included by each page that shows the map; the
places, their links and the route are written into the page, since links are relative to it. What it shows
(pages, region, the place that stands out, the route and its words, where labels sit) is story data, in
sources/map.yml. Colours come from the theme's variables (explainer.css), so the one drawing reads in light, dark
and print, with no network.
"""

from __future__ import annotations

import functools
import json
import math
import shutil
import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

from . import safe_yaml
from .data import Entity, Event, Record
from .errors import ExplainerError, Problem
from .inputs import read_input_text

SPEC_FILE = "map.yml"  # under sources/
FRAGMENT = "includes/place-map.md"
WIDTH = 560
LABEL_SIDES = ("right", "left", "below")
SCRIPT = Path(__file__).with_name("place_map_geometry.mjs")


@dataclass(frozen=True)
class Geometry:
    width: int
    height: int
    land: str
    borders: str
    places: dict[str, tuple[float, float]]


def mapped(entities: list[Entity]) -> list[Entity]:
    return [e for e in entities if e.map is not None]


@dataclass(frozen=True)
class Leg:
    """A leg of the route, from place to place, dated by its event on the timeline."""

    start: str
    end: str
    event: str
    start_unreported: bool = False  # the sources do not say where this leg began: drawn dashed


@dataclass(frozen=True)
class MapSpec:
    """What sources/map.yml says: the pages that show the map, the place that stands out (with the entity named
    beside it), the route and where labels sit."""

    pages: tuple[str, ...]
    extent: tuple[tuple[float, float], tuple[float, float]]  # (west, south), (east, north) in degrees
    description: str  # the drawing's accessible name
    place: str
    note: str
    note_text: str
    note_role: str  # after the note's entity in the caption: "where … happened"
    route_label: str
    route_entity: str  # the entity the route label links to ("" for none)
    route_note: str  # what the arrows do and do not show
    route: tuple[Leg, ...]
    labels: dict[str, str]


def load_spec(
    path: Path, entities: list[Entity], events: list[Event], pages: set[str], problems: list[Problem]
) -> MapSpec | None:
    """sources/map.yml checked against the data: every problem appended with its line; None when any."""
    before = len(problems)
    try:  # a regular file inside the project, UTF-8, YAML without aliases or deep nesting (as all curated data)
        root = safe_yaml.compose(read_input_text(path, path.parent), path)
    except ExplainerError as exc:
        problems.extend(exc.problems)
        return None
    if root is None:
        problems.append(Problem(path, "is empty", 1))
        return None
    r = Record(root, path, "map", problems)
    fields = {"pages", "description", "extent", "emphasis", "route", "route_label", "route_entity", "route_note"}
    r.check_known(fields | {"labels"})
    places = {e.id for e in mapped(entities)}
    ids, event_ids = {e.id for e in entities}, {e.id for e in events}

    def known(record: Record, name: str, allowed: set[str] | tuple[str, ...], what: str) -> str:
        value = record.text(name)
        if value and value not in allowed:
            record.problem(record.line_of(name), f"{name} {value!r} is not {what}")
        return value

    listed = r.strings("pages")
    for page, node in zip(listed, r.items("pages", required=False), strict=False):
        if page not in pages:
            r.problem(node.start_mark.line + 1, f"page {page!r} is not a narrative page")
    extent = _extent(r)
    description, route_label, route_note = r.text("description"), r.text("route_label"), r.text("route_note")
    route_entity = known(r, "route_entity", ids, "an entity") if "route_entity" in r.fields else ""
    emphasis = r.sub("emphasis")
    place = note = note_text = note_role = ""
    if emphasis:
        emphasis.check_known({"place", "note", "note_text", "note_role"})
        place = known(emphasis, "place", places, "a place with 'map' in entities.yml")
        note = known(emphasis, "note", ids, "an entity")
        note_text, note_role = emphasis.text("note_text"), emphasis.text("note_role")
    route = []
    for node in r.items("route"):
        leg = Record(node, path, "map: route", problems)
        leg.check_known({"from", "to", "event", "start_unreported"})
        start = known(leg, "from", places, "a place with 'map' in entities.yml")
        end = known(leg, "to", places, "a place with 'map' in entities.yml")
        event = known(leg, "event", event_ids, "an event in events.yml")
        route.append(Leg(start, end, event, leg.flag("start_unreported")))
    labels: dict[str, str] = {}
    node = r.fields.get("labels")
    if node is not None and not isinstance(node, yaml.MappingNode):
        r.problem(node.start_mark.line + 1, "field 'labels' must map a place to a side (right, left, below)")
    elif node is not None:
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value not in places:
                r.problem(line, f"label of {key.value!r}: not a place with 'map' in entities.yml")
            elif value.value not in LABEL_SIDES:
                r.problem(line, f"label of {key.value!r}: side {value.value!r} is not one of right, left, below")
            else:
                labels[key.value] = value.value
    if len(problems) > before:
        problems[before:] = sorted(problems[before:], key=lambda p: p.line or 0)  # in the file's order
        return None
    return MapSpec(
        listed,
        extent,
        description,
        place,
        note,
        note_text,
        note_role,
        route_label,
        route_entity,
        route_note,
        tuple(route),
        labels,
    )


def _extent(r: Record) -> tuple[tuple[float, float], tuple[float, float]]:
    """`extent: {west: 107, south: 11, east: 146, north: 46}`: the region drawn, in degrees."""
    sides = r.sub("extent")
    if sides is None:
        return ((0.0, 0.0), (0.0, 0.0))
    sides.check_known({"west", "south", "east", "north"})
    values = {}
    for name, low, high in (("west", -180, 180), ("south", -90, 90), ("east", -180, 180), ("north", -90, 90)):
        text = sides.text(name)
        try:
            values[name] = float(text)
        except ValueError:
            if text:
                sides.problem(sides.line_of(name), f"{name} {text!r} is not a number of degrees")
            continue
        if not low <= values[name] <= high:
            sides.problem(sides.line_of(name), f"{name} {text} is outside {low}..{high} degrees")
    if len(values) == 4 and (values["west"] >= values["east"] or values["south"] >= values["north"]):
        r.problem(r.line_of("extent"), "extent: west must be less than east, and south less than north")
    return (values.get("west", 0.0), values.get("south", 0.0)), (values.get("east", 0.0), values.get("north", 0.0))


def geometry(entities: list[Entity], extent: tuple[tuple[float, float], tuple[float, float]]) -> Geometry:
    points = tuple((e.id, e.map.lon, e.map.lat) for e in mapped(entities) if e.map)
    return _geometry(points, extent)


@functools.lru_cache(maxsize=4)
def _geometry(
    points: tuple[tuple[str, float, float], ...], extent: tuple[tuple[float, float], tuple[float, float]]
) -> Geometry:
    node = shutil.which("node")
    if node is None:
        raise ExplainerError.one(SCRIPT, "node not found: the map's boundaries are projected with Node (npm ci)")
    # Node resolves the script's imports from the checkout the script is in (a project under --root has none).
    modules = SCRIPT.parents[2] / "node_modules"
    if not (modules / "world-atlas").is_dir():
        raise ExplainerError.one(modules, "world-atlas missing: run `npm ci` (or `make site`)")
    request = {"extent": extent, "width": WIDTH, "places": [{"id": i, "lon": x, "lat": y} for i, x, y in points]}
    result = subprocess.run([node, str(SCRIPT)], input=json.dumps(request), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise ExplainerError.one(SCRIPT, f"projecting the map failed: {last}")
    out = json.loads(result.stdout)
    places = {key: (float(x), float(y)) for key, (x, y) in out["places"].items()}
    return Geometry(int(out["width"]), int(out["height"]), out["land"], out["borders"], places)


def fragment(geo: Geometry) -> str:
    """Sea, land and borders: the part every map page shares (no blank line: it sits inside an HTML block)."""
    return (
        f'<rect class="place-map-sea" width="{geo.width}" height="{geo.height}"/>\n'
        f'<path class="place-map-land" d="{geo.land}"/>\n'
        f'<path class="place-map-borders" d="{geo.borders}"/>\n'
    )


def _leg(start: tuple[float, float], end: tuple[float, float], gap: float) -> str:
    """A leg of the route as a gentle arc (bowing to the right of travel), stopping short of both dots."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    cx, cy = (x1 + x2) / 2 - uy * length * 0.12, (y1 + y2) / 2 + ux * length * 0.12
    # Start and end pulled back along the lines to the control point, so the arrowhead meets the dot's edge.
    sx, sy = _toward((x1, y1), (cx, cy), gap)
    ex, ey = _toward((x2, y2), (cx, cy), gap + 2)
    return f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"


def _toward(point: tuple[float, float], target: tuple[float, float], distance: float) -> tuple[float, float]:
    (x, y), (tx, ty) = point, target
    length = math.hypot(tx - x, ty - y) or 1.0
    return x + (tx - x) / length * distance, y + (ty - y) / length * distance


def _label(entity: Entity, side: str, x: float, y: float, radius: float) -> str:
    dx, dy, anchor = {
        "right": (radius + 4, 4, "start"),
        "left": (-radius - 4, 4, "end"),
        "below": (0, radius + 14, "middle"),
    }[side]
    label = escape(entity.map.label if entity.map else entity.name)
    return f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">{label}</text>'


@dataclass(frozen=True)
class PlaceMap:
    spec: MapSpec
    geometry: Geometry


def figure(place_map: PlaceMap, entities: list[Entity], link: dict[str, str], event_text: dict[str, str]) -> str:
    """The figure for one page: `link` maps entity id → href relative to that page (built pages, `.html`);
    `event_text` maps event id → the event as the caption tells it (its title and its date, linked to its place on
    the timeline, where its basis and citations are; HTML)."""
    spec, geo = place_map.spec, place_map.geometry
    by_id = {e.id: e for e in entities}
    places = mapped(entities)
    legs = []
    for leg in spec.route:
        d = _leg(geo.places[leg.start], geo.places[leg.end], 6.5)
        cls = "place-map-route place-map-route-unreported" if leg.start_unreported else "place-map-route"
        legs.append(f'<path class="{cls}" d="{d}" marker-end="url(#place-map-arrow)"/>')
    marks = []
    for entity in places:
        x, y = geo.places[entity.id]
        big = entity.id == spec.place
        radius = 6.5 if big else 4
        dot = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}"/>'
        ring = f'<circle class="place-map-ring" cx="{x:.1f}" cy="{y:.1f}" r="{radius + 4}"/>' if big else ""
        cls = "place-map-place place-map-consulate" if big else "place-map-place"
        label = _label(entity, spec.labels.get(entity.id, "right"), x, y, radius)
        marks.append(f'<a class="{cls}" href="{link[entity.id]}">{ring}{dot}{label}</a>')
    cx, cy = geo.places[spec.place]
    marks.append(
        f'<a class="place-map-note" href="{link[spec.note]}"><text x="{cx - 14:.1f}" y="{cy - 16:.1f}" '
        f'text-anchor="end">{escape(spec.note_text)}</text></a>'
    )
    svg = (
        # The names drawn on the map are not a sentence: kept out of search excerpts (the caption says them).
        f'<svg class="place-map-drawing" data-search-exclude viewBox="0 0 {geo.width} {geo.height}" role="group" '
        f'aria-label="{escape(spec.description)}">\n'
        '<defs><marker id="place-map-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>\n'
        f'<g aria-hidden="true">\n{{!{FRAGMENT.removeprefix("includes/")}!}}\n</g>\n'
        + "\n".join(legs)
        + "\n"
        + "\n".join(marks)
        + "\n</svg>"
    )
    items = []
    for entity in places:
        name = escape(entity.map.label if entity.map else entity.name)
        if entity.id == spec.place:
            note = f' (the <a href="{link[spec.note]}">{escape(by_id[spec.note].name)}</a>, {escape(spec.note_role)})'
        elif entity.map and entity.map.label != entity.name:
            # That a capital stands for its country is general knowledge, marked as such (no source says it).
            capital = f"capital of {escape(entity.name)}"
            note = f' (<span class="claim-marked">{capital}<sup class="claim-mark">background</sup></span>)'
        else:
            note = ""
        items.append(f'<a href="{link[entity.id]}">{name}</a>{note}')
    # One sentence, not a list: links in running text, each a word to tap, as in the rest of the page.
    listed = ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)
    route = "; ".join(event_text[event] for event in dict.fromkeys(leg.event for leg in spec.route))
    label = escape(spec.route_label)
    if spec.route_entity:
        label = f'<a href="{link[spec.route_entity]}">{label}</a>'
    basis = escape(places[0].map.basis) if places and places[0].map else ""
    caption = (
        f"<figcaption>\n<p><strong>Where it happened.</strong> {label} (arrows): {route}.</p>\n"
        f'<p class="place-map-places">Places: {listed}.</p>\n'
        f'<p class="place-map-credit">Boundaries: Natural Earth (1:50m, public domain). Places: {basis}. '
        f"{escape(spec.route_note)}</p>\n</figcaption>"
    )
    return f'<figure class="place-map">\n{svg}\n{caption}\n</figure>\n'
