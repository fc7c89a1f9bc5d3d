"""The "Where it happened" map: its place data checked at load, and the figure as a reader meets it in Chromium
from file:// with the network off — on home, incident and fallout, in light, dark and print."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import OfflinePage
from conftest import ROOT
from explainer import place_map
from explainer.data import load_data
from explainer.errors import ExplainerError, Problem
from explainer.render.timeline import event_date_label

MAP_PAGES = ("index.html", "topics/incident.html", "topics/fallout.html")
PLACES = {"Shenyang", "Beijing", "Pyongyang", "Seoul", "Tokyo", "Manila"}
EVENTS = {e.id: e for e in load_data(ROOT / "sources").events}
ENTITY = """- id: shenyang
  name: Shenyang
  kind: place
  role: City
  aliases: [Shenyang]
  background: general reference
"""


def problems(folder: Path) -> list[str]:
    with pytest.raises(ExplainerError) as caught:
        load_data(folder)
    return [f"{p.path.name}:{p.line}: {p.message}" for p in caught.value.problems]


def test_map_coordinates_are_read_with_their_basis_and_checked(tmp_path: Path) -> None:
    shutil.copy2(ROOT / "sources" / "story.yml", tmp_path / "story.yml")  # every explainer has its story file
    (tmp_path / "entities.yml").write_text(
        ENTITY + "  map: {label: Tokyo, lat: 35.68, lon: 139.69, basis: gazetteer}\n", encoding="utf-8"
    )
    point = load_data(tmp_path).entities[0].map
    assert point is not None and (point.label, point.lat, point.lon, point.basis) == (
        "Tokyo",
        35.68,
        139.69,
        "gazetteer",
    )
    (tmp_path / "entities.yml").write_text(
        ENTITY
        + "  map: {lat: 95, lon: 123.4, basis: b}\n"
        + ENTITY.replace("id: shenyang", "id: b")
        + "  map: {lat: 41.8, lon: 123.4}\n",
        encoding="utf-8",
    )
    assert problems(tmp_path) == [
        "entities.yml:7: entity 'shenyang': map lat '95' must be from -90 to 90",
        "entities.yml:14: entity 'b': field 'map' must be "
        "{lat: <° north>, lon: <° east>, basis: <text>[, label: <text>]}",
    ]


def test_what_the_map_draws_is_checked_against_the_data_with_file_and_line(tmp_path: Path) -> None:
    data = load_data(ROOT / "sources")
    spec = tmp_path / "map.yml"
    spec.write_text(
        "pages: [index.md, topics/nowhere.md]\n"
        "emphasis: {place: tokyo, note: consulate-general-shenyang, note_text: Consulate, note_role: there}\n"
        "route:\n"
        "  - {from: shenyang, to: manila, event: five-leave-china}\n"
        "  - {from: manila, to: seoul, event: no-such-event}\n"
        "labels: {beijing: above, atlantis: left}\n"
        "extent: {west: 150, south: 11, east: 146, north: 95}\n"
        "description: A map\nroute_label: The route\n",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    assert place_map.load_spec(spec, data.entities, data.events, {"index.md"}, problems) is None
    assert [f"{p.path.name}:{p.line}: {p.message}" for p in problems] == [
        "map.yml:1: map: page 'topics/nowhere.md' is not a narrative page",
        "map.yml:1: map: field 'route_note' is missing",
        "map.yml:2: map: emphasis: place 'tokyo' is not a place with 'map' in entities.yml",
        "map.yml:5: map: route: event 'no-such-event' is not an event in events.yml",
        "map.yml:6: map: label of 'beijing': side 'above' is not one of right, left, below",
        "map.yml:6: map: label of 'atlantis': not a place with 'map' in entities.yml",
        "map.yml:7: map: extent: north 95 is outside -90..90 degrees",
        "map.yml:7: map: extent: west must be less than east, and south less than north",
    ]
    shipped = place_map.load_spec(
        ROOT / "sources" / "map.yml",
        data.entities,
        data.events,
        {"index.md", "topics/incident.md", "topics/fallout.md"},
        [],
    )
    assert shipped and [(leg.start, leg.end) for leg in shipped.route] == [("shenyang", "manila"), ("manila", "seoul")]


def test_every_mapped_place_in_the_story_data_has_coordinates_with_a_basis() -> None:
    mapped = {e.map.label: e for e in load_data(ROOT / "sources").entities if e.map}
    assert set(mapped) == PLACES
    assert all(e.map and e.map.basis for e in mapped.values())


def _figure_facts(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => {
        const fig = document.querySelector('figure.place-map');
        if (!fig) return null;
        const svg = fig.querySelector('svg');
        const view = svg.viewBox.baseVal;
        const links = [...svg.querySelectorAll('a.place-map-place')].map(a => {
            const box = a.querySelector('text').getBBox();
            return {label: a.textContent.trim(), href: a.getAttribute('href'),
                    r: +a.querySelector('circle:not(.place-map-ring)').getAttribute('r'),
                    box: [box.x, box.y, box.x + box.width, box.y + box.height]};
        });
        const note = svg.querySelector('.place-map-note text').getBBox();
        return {
            links, view: [view.width, view.height],
            note: [note.x, note.y, note.x + note.width, note.y + note.height],
            land: (svg.querySelector('.place-map-land')?.getAttribute('d') || '').length,
            borders: (svg.querySelector('.place-map-borders')?.getAttribute('d') || '').length,
            route: [...svg.querySelectorAll('.place-map-route')].map(p => p.getTotalLength()),
            dashed: [...svg.querySelectorAll('.place-map-route')]
                .map(p => getComputedStyle(p).strokeDasharray !== 'none'),
            caption: fig.querySelector('figcaption').innerText,
        };
    }"""
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_the_map_shows_the_places_and_the_route_on_the_three_pages_offline(
    built_site: Path, browser: Any, width: int
) -> None:
    for name in MAP_PAGES:
        with OfflinePage(browser, width=width, height=844) as offline:
            page = offline.open(built_site / name)
            facts = _figure_facts(page)
            assert facts, f"{name}: no map"
            assert {link["label"] for link in facts["links"]} == PLACES, name
            assert facts["land"] > 5000 and facts["borders"] > 500, f"{name}: boundaries missing"
            assert len(facts["route"]) == 2 and all(length > 100 for length in facts["route"]), name
            # The consulate's city stands out; every label lies inside the frame and clear of every other.
            radius = {link["label"]: link["r"] for link in facts["links"]}
            assert radius["Shenyang"] > max(r for label, r in radius.items() if label != "Shenyang")
            boxes = [link["box"] for link in facts["links"]] + [facts["note"]]
            width, height = facts["view"]
            for i, (x1, y1, x2, y2) in enumerate(boxes):
                assert x1 >= 0 and x2 <= width and y1 >= 0 and y2 <= height, (name, boxes[i])
                for a1, b1, a2, b2 in boxes[i + 1 :]:
                    assert x2 <= a1 or a2 <= x1 or y2 <= b1 or b2 <= y1, f"{name}: labels overlap"
            # The text alternative names every place and the route's events with their dates, each date a link to
            # the event on the timeline (its basis and citations); the leg whose start no source gives is dashed,
            # and the caption says so.
            caption = facts["caption"]
            assert all(place in caption for place in PLACES), caption
            for event_id in ("five-leave-china", "five-arrive-seoul"):
                event = EVENTS[event_id]
                assert f"{event.title}, {event_date_label(event)}" in caption, caption
                assert page.locator(f'figcaption a[href$="timeline.html#event-{event_id}"]').count() == 1
            assert facts["dashed"] == [True, False], facts["dashed"]
            assert "do not say where in China" in caption
            marked = page.locator("figcaption .place-map-places .claim-marked").all_inner_texts()
            assert marked == ["capital of North Koreabackground", "capital of Japanbackground"], marked
            assert not offline.blocked and not offline.errors, (offline.blocked, offline.errors)


def test_each_place_on_the_map_opens_its_entity_page(built_site: Path, browser: Any) -> None:
    entities = {e.map.label: e.name for e in load_data(ROOT / "sources").entities if e.map}
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "topics/fallout.html")
        for label, entity_name in sorted(entities.items()):
            offline.open(built_site / "topics/fallout.html")
            page.locator("svg.place-map-drawing a.place-map-place", has_text=label).click()
            page.wait_for_load_state("load")
            assert page.locator("h1").first.inner_text().rstrip("¶ \n") == entity_name, label
        assert not offline.blocked and not offline.errors


def _pixel(page: Any, x: float, y: float) -> str:
    """The colour of one screen pixel, as the hash of a 1 × 1 screenshot (equal colours, equal bytes)."""
    return hashlib.sha256(page.screenshot(clip={"x": x, "y": y, "width": 1, "height": 1})).hexdigest()


SAMPLE_POINTS = """() => {
    const svg = document.querySelector('svg.place-map-drawing');
    svg.scrollIntoView({block: 'center'});
    const land = svg.querySelector('.place-map-land');
    const view = svg.viewBox.baseVal, ctm = svg.getScreenCTM();
    const at = (x, y) => { const p = svg.createSVGPoint(); p.x = x; p.y = y; return p; };
    const clear = (x, y, inside) => [[0, 0], [8, 0], [-8, 0], [0, 8], [0, -8]]
        .every(([dx, dy]) => land.isPointInFill(at(x + dx, y + dy)) === inside);
    const find = (inside, x0, x1) => {
        for (let y = view.height * 0.3; y < view.height * 0.9; y += 4)
            for (let x = view.width * x0; x < view.width * x1; x += 4)
                if (clear(x, y, inside) && !document.elementsFromPoint(x * ctm.a + ctm.e, y * ctm.d + ctm.f)
                        .some(e => e.closest('a, .place-map-route'))) return [x * ctm.a + ctm.e, y * ctm.d + ctm.f];
        return null;
    };
    const route = svg.querySelector('.place-map-route');
    const mid = route.getPointAtLength(route.getTotalLength() / 2);
    return {land: find(true, 0.02, 0.3), sea: find(false, 0.7, 0.98),
            route: [mid.x * ctm.a + ctm.e, mid.y * ctm.d + ctm.f]};
}"""


@pytest.mark.parametrize("mode", ["light", "dark", "print"])
def test_land_sea_and_route_are_told_apart_in_light_dark_and_print(built_site: Path, browser: Any, mode: str) -> None:
    with OfflinePage(browser, scheme="dark" if mode == "dark" else "light") as offline:
        page = offline.open(built_site / "index.html")
        if mode == "print":
            page.emulate_media(media="print")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme == ("slate" if mode == "dark" else "default"), scheme
        points = page.evaluate(SAMPLE_POINTS)
        assert points["land"] and points["sea"], points
        offline.screenshot(f"place-map-{mode}")
        land, sea, route = (_pixel(page, *points[key]) for key in ("land", "sea", "route"))
        assert land != sea, f"{mode}: land and sea drawn in one colour"
        assert route not in {land, sea}, f"{mode}: the route does not stand out"
