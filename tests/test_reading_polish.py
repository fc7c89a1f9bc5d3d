"""Reading faults found by trying the site as a new reader, checked in real Chromium from file://."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from browser_helpers import OfflinePage

NARRATIVE_PAGES = ("index.html", "topics/incident.html", "topics/fallout.html", "topics/pledge.html")

# For each citation marker: does it show a comma before it, does a marker come right before it (nothing but
# space between), and would the old `sup + sup` rule have matched it (a marker element before it, text or not).
_MARKERS = """
() => [...document.querySelectorAll('sup[id^="fnref"]')].map(sup => {
  const isMarker = n => n && n.nodeType === 1 && n.matches('sup[id^="fnref"]');
  let node = sup.previousSibling;
  while (node && node.nodeType === 3 && !node.textContent.trim()) node = node.previousSibling;
  return {
    comma: getComputedStyle(sup, '::before').content === '","',
    adjacent: isMarker(node),
    siblingRule: isMarker(sup.previousElementSibling),
  };
})
"""


def test_a_comma_separates_neighbouring_citation_markers_only(built_site: Path, browser: Any) -> None:
    seen = {"adjacent": 0, "words between": 0}
    with OfflinePage(browser) as offline:
        for name in NARRATIVE_PAGES:
            page = offline.open(built_site / name)
            for marker in page.evaluate(_MARKERS):
                assert marker["comma"] == marker["adjacent"], (name, marker)
                seen["adjacent"] += bool(marker["adjacent"])
                seen["words between"] += bool(marker["siblingRule"] and not marker["adjacent"])
        assert offline.blocked == [] and offline.errors == []
    # Both cases occur on the real pages, so the check above tells them apart (the old rule failed the second).
    assert seen["adjacent"] > 0 and seen["words between"] > 0, seen


def test_a_quoted_sentence_that_starts_with_a_quote_mark_shows_nested_marks(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "entities" / "yoriko-kawaguchi.html")
        items = page.locator("li").all_inner_texts()
        stances = [t for t in items if "The stances are different" in t]
        assert stances and stances[0].startswith("“‘The stances are different"), stances
        doubled = [t for t in items if re.search(r"“\s*[\"“”]", t)]
        assert doubled == []
        footnotes = offline.open(built_site / "topics" / "fallout.html").locator(".footnote li").all_inner_texts()
        assert footnotes and [t for t in footnotes if re.search(r"“\s*[\"“”]", t)] == []
        assert offline.blocked == [] and offline.errors == []


def test_nested_quote_turns_inner_double_marks_into_single_ones() -> None:
    from explainer.render.text import nested_quote

    assert nested_quote('"The stances differ," Kawaguchi said.') == "‘The stances differ,’ Kawaguchi said."
    assert nested_quote("“The stances”, she said (“calmly”)") == "‘The stances’, she said (‘calmly’)"
    assert nested_quote('He called it "a preliminary solution."') == "He called it ‘a preliminary solution.’"
    assert nested_quote("no quotation marks, it's kept") == "no quotation marks, it's kept"
