"""The explainer as a reader uses it, in real Chromium from file:// with the network off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_helpers import OfflinePage
from conftest import ROOT
from explainer.data import load_data
from explainer.narrative import CitationUse, load_narrative

DATA = load_data(ROOT / "sources")


def test_hover_a_citation_then_follow_it_to_the_highlighted_quote(built_site: Path, browser: Any) -> None:
    incident = next(p for p in load_narrative(ROOT / "sources" / "narrative") if p.path == "topics/incident.md")
    first = next(u.citation for u in incident.uses if isinstance(u, CitationUse))
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "topics" / "incident.html")
        marker = page.locator("sup a.footnote-ref").first
        marker.hover()
        tooltip = page.locator(".md-tooltip2")
        tooltip.wait_for(state="visible")
        assert " ".join(first.quote.split()[:8]) in tooltip.inner_text()
        marker.click()
        page.locator("li#fn\\:1 a[href*='sources/']").click()
        page.wait_for_load_state("load")
        assert f"sources/{first.source}.html#p-" in page.url
        quote = page.locator("mark.cited:target")
        assert quote.inner_text().startswith(" ".join(first.quote.split()[:4]))
        assert quote.evaluate("e => getComputedStyle(e).backgroundColor") not in {"rgba(0, 0, 0, 0)", "transparent"}
        box, viewport = quote.bounding_box(), page.viewport_size
        assert box and viewport and 0 <= box["y"] < viewport["height"]
        assert offline.blocked == [] and offline.errors == []


def test_a_citation_preview_can_be_entered_and_its_source_followed_and_shows_on_keyboard_focus(
    built_site: Path, browser: Any
) -> None:
    # previews.js builds the preview when pointed at (Material's own would be mounted for every marker at load):
    # it lingers long enough to move into it, its links work, and the keyboard opens it as the pointer does.
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "timeline.html")
        assert page.locator(".md-tooltip2").count() == 0  # nothing built before a reader points at a marker
        marker = page.locator("sup a.footnote-ref").nth(3)
        marker.scroll_into_view_if_needed()
        marker.hover()
        preview = page.locator(".md-tooltip2--active")
        preview.wait_for(state="visible")
        assert marker.get_attribute("aria-controls") == preview.get_attribute("id")
        assert preview.get_attribute("role") == "dialog"
        link = preview.locator("a[href*='sources/']").first
        link.hover()  # the pointer leaves the marker for the preview: it stays
        page.wait_for_timeout(400)
        assert preview.is_visible()
        link.click()
        page.wait_for_load_state("load")
        assert "/sources/" in page.url and "#p-" in page.url
        page.go_back()
        page.wait_for_load_state("load")
        page.mouse.move(0, 0)
        first = page.locator("sup a.footnote-ref").first
        first.focus()
        focused = page.locator(f"#{first.get_attribute('aria-controls')}.md-tooltip2--active")
        focused.wait_for(state="visible")
        assert focused.inner_text().strip()
        page.keyboard.press("Tab")  # focus leaves the marker: its preview goes
        focused.wait_for(state="detached")
        assert first.get_attribute("aria-controls") is None
        assert offline.blocked == [] and offline.errors == []


def test_timeline_thread_filter_shows_one_thread(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "timeline.html")
        items = page.locator(".nt-timeline-item")
        assert items.count() == len(DATA.events)
        page.get_by_role("button", name="The written pledge").click()
        visible = [i for i in range(items.count()) if items.nth(i).is_visible()]
        assert len(visible) == sum(e.thread == "pledge" for e in DATA.events)
        assert all("thread-pledge" in (items.nth(i).get_attribute("class") or "") for i in visible)
        assert page.get_by_role("button", name="The written pledge").get_attribute("aria-pressed") == "true"
        page.get_by_role("button", name="All threads").click()
        assert sum(items.nth(i).is_visible() for i in range(items.count())) == len(DATA.events)
        assert offline.blocked == [] and offline.errors == []


def test_timeline_is_chronological_with_precision_and_inferred_marks(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "timeline.html")
        # The title as read without its marks and note numbers: the date, then what happened.
        titles = page.eval_on_selector_all(
            ".nt-timeline-title",
            "ps => ps.map(p => { const c = p.cloneNode(true); c.querySelectorAll('sup').forEach(s => s.remove());"
            " return c.textContent; })",
        )
        subtitles = page.locator(".nt-timeline-sub-title").all_inner_texts()
        assert titles[0].startswith("1972: ") and titles[-1].startswith("8 or 9 December 2011: Foreign Minister Gemba")
        # A worked-out date carries the inferred mark in the title, once per inferred event.
        assert page.locator(".nt-timeline-title .claim-mark").count() == sum(e.inferred for e in DATA.events)
        assert any("approximate date" in s for s in subtitles) and any("exact day" in s for s in subtitles)


def test_dark_scheme_screenshot(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser, scheme="dark") as offline:
        page = offline.open(built_site / "timeline.html")
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        red, green, blue = (int(x) for x in background[background.index("(") + 1 : -1].split(",")[:3])
        assert red + green + blue < 200, background  # a dark page, not the light theme
        dot = page.locator(".nt-timeline-item.thread-pledge .nt-timeline-dot").first
        assert dot.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(165, 214, 167)"
        shot = offline.screenshot("timeline-dark")
        assert shot.stat().st_size > 10_000


def test_every_person_has_a_page_reachable_from_the_narrative(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "index.html")
        page.get_by_role("link", name="who's who").first.click()
        page.wait_for_load_state("load")
        people = [e for e in DATA.entities if e.kind == "person"]
        for person in people:
            link = page.get_by_role("link", name=person.name, exact=True)
            assert link.count() == 1, person.name
        page.get_by_role("link", name="Yoriko Kawaguchi", exact=True).click()
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text().removesuffix("¶") == "Yoriko Kawaguchi"
        assert "川口順子" in page.locator("article").inner_text()
        assert offline.blocked == []


def test_back_links_and_permalinks_are_named_but_only_citations_and_terms_get_tooltips(
    built_site: Path, browser: Any
) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "topics" / "incident.html")
        names = page.eval_on_selector_all(
            "a.footnote-backref, a.headerlink", "links => links.map(a => [a.title, a.getAttribute('aria-label')])"
        )
        notes = page.locator("sup a.footnote-ref").count()
        expected = [f"Jump back to footnote {n} in the text" for n in range(1, notes + 1)]
        assert notes > 0 and all(title == "" for title, _ in names)  # no title: no tooltip mounted for them
        assert [label for _, label in names if label != "Permanent link"] == expected
        assert len(names) > notes  # the headings' permalinks, named too
        term = page.locator("article abbr:not(a abbr)").first  # a term inside a link belongs to the link
        term.hover()
        tooltip = page.locator(".md-tooltip2")
        tooltip.wait_for(state="visible")  # a glossary term still shows its definition on hover
        assert tooltip.inner_text().strip()
        assert offline.blocked == [] and offline.errors == []
