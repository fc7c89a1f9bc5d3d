"""Work a page spares the browser as it loads (README, Performance): on a phone, where the timeline's controls do
not stick, the timeline filter writes no style on <html> (a custom property there makes Chromium recalculate the
style of the whole page); where they stick, it writes their height. Also `make bench-pages PAGES=…`'s choice of
page types."""

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


def test_the_timeline_writes_no_style_on_html_on_a_phone(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser, width=412, height=823, touch=True) as offline:
        offline.page.add_init_script(_RECORD)
        page = offline.open(built_site / "timeline.html")
        page.wait_for_function("() => window.component$ !== undefined")  # Material has mounted the page
        page.wait_for_timeout(300)
        late = _changes_after_body(page)
        assert [r for r in late if r["attribute"] == "style"] == []
        # the record works: Material's bundle swaps no-js for js on <html> once <body> exists
        assert [r for r in late if r["attribute"] == "class"] != []
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
