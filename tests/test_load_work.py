"""Work a page spares the browser as it loads (README, Performance): once <body> exists, nothing changes <html>'s
classes (each change makes Chromium recalculate the style of the whole page: overrides/main.html sets the classes
Material's bundle would set), and on a phone, where the timeline's controls do not stick, the timeline filter writes
no style on <html>. Also `make bench-pages PAGES=…`'s choice of page types."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.lighthouse import PAGES, chosen_pages
from browser_helpers import OfflinePage

# Every change of <html>'s attributes, each with whether <body> existed when it was reported (a mutation observer's
# records come after the script that made the change, so a change made while <head> is parsed reports no body).
_RECORD = """
window.__htmlChanges = [];
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target !== document.documentElement) continue;
    window.__htmlChanges.push({attribute: r.attributeName, before: r.oldValue,
                               after: r.target.getAttribute(r.attributeName), body: document.body !== null});
  }
}).observe(document, {attributes: true, attributeOldValue: true, subtree: true});
"""


def _tokens(value: str | None) -> list[str]:
    return sorted((value or "").split())


def _changed(record: dict[str, Any]) -> bool:
    if record["attribute"] == "class":
        return _tokens(record["before"]) != _tokens(record["after"])
    return record["before"] != record["after"]


def _changes_after_body(page: Any) -> list[dict[str, Any]]:
    """Changes reported once <body> existed that changed something (setting a class or attribute to the value it
    has is reported too, and costs nothing)."""
    return [r for r in page.evaluate("window.__htmlChanges") if r["body"] and _changed(r)]


@pytest.mark.parametrize("touch", [False, True])
def test_html_classes_are_set_before_the_body_and_material_changes_none(
    built_site: Path, browser: Any, touch: bool
) -> None:
    width = 412 if touch else 1280
    with OfflinePage(browser, width=width, height=823, touch=touch) as offline:
        offline.page.add_init_script(_RECORD)
        for name in ("timeline.html", "index.html", "topics/incident.html", "entities/index.html"):
            page = offline.open(built_site / name)
            page.wait_for_function("() => window.component$ !== undefined")  # Material has mounted the page
            page.wait_for_timeout(300)
            classes = _tokens(page.evaluate("document.documentElement.className"))
            assert classes == ["js", "js-focus-visible"], (name, classes)
            assert page.evaluate("document.documentElement.hasAttribute('data-js-focus-visible')"), name
            late = _changes_after_body(page)
            class_changes = [r for r in late if r["attribute"] == "class"]
            assert class_changes == [], (name, class_changes)
            if touch:  # the controls do not stick on a phone: nothing to write on <html>
                assert [r for r in late if r["attribute"] == "style"] == [], name
        assert offline.blocked == [] and offline.errors == []


def test_the_timeline_controls_height_is_written_where_they_stick(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser, width=1280, height=900) as offline:
        page = offline.open(built_site / "timeline.html")
        height = page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--timeline-controls-height')"
        )
        controls = page.evaluate("document.querySelector('.timeline-controls').offsetHeight")
        assert height.strip() == f"{controls}px"
        assert offline.errors == []


def test_bench_pages_measures_the_page_types_named() -> None:
    assert chosen_pages(None) == PAGES
    assert chosen_pages("timeline, topic-incident") == {
        "timeline": "timeline.html",
        "topic: incident": "topics/incident.html",
    }
    assert list(chosen_pages("who's who,who-s-who")) == ["who's who"]
    with pytest.raises(SystemExit, match="unknown page type 'timelines'"):
        chosen_pages("timelines")
