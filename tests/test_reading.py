"""Reading on desktop and phone, in real Chromium from file:// with the network off: touch targets and previews,
tables on a phone, the timeline's filter kept in the address, inference shown once, who's who, source pages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from browser_helpers import OfflinePage, first_three
from conftest import ROOT
from explainer.data import load_data

DATA = load_data(ROOT / "sources")
PHONE = {"width": 390, "height": 844}


def test_a_tap_on_a_citation_shows_its_quote_in_place(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser, **PHONE, touch=True) as offline:
        page = offline.open(built_site / "topics" / "fallout.html")
        marker = page.locator("a.footnote-ref").nth(2)
        marker.scroll_into_view_if_needed()
        box = marker.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, box  # WCAG 2.2 target size
        marker.tap()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(state="visible")
        assert "“" in tooltip.inner_text()  # the quote itself, in place
        assert "#fn" not in page.url  # no jump to the notes
        # The quote as the reader sees it once the preview has faded in (Material animates its opacity).
        # (expect, not wait_for_function: a string predicate is eval'd in the page, which its security policy forbids)
        expect(page.locator(".md-tooltip2--active")).to_have_css("opacity", "1")
        offline.screenshot("phone-tap-citation")
        assert offline.blocked == [] and offline.errors == []


def test_a_glossary_term_is_a_24px_target_that_shows_its_definition(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser, **PHONE, touch=True) as offline:
        page = offline.open(built_site / "topics" / "fallout.html")
        term = page.locator("article abbr[title]").first
        term.scroll_into_view_if_needed()
        box = term.bounding_box()
        assert box and box["height"] >= 24, box
        term.tap()
        page.locator(".md-tooltip2--active").wait_for(state="visible")
        assert page.locator("article a abbr").evaluate_all(
            "terms => terms.every(t => getComputedStyle(t).pointerEvents === 'none')"
        )


@pytest.mark.parametrize(
    "name", ["entities/index.html", "figures.html", "disputes.html", "sources/index.html", "claims.html"]
)
def test_no_table_is_wider_than_a_phone(built_site: Path, browser: Any, name: str) -> None:
    with OfflinePage(browser, **PHONE) as offline:
        page = offline.open(built_site / name)
        wide = page.evaluate(
            """() => { const width = document.querySelector('article').clientWidth;
                       return [...document.querySelectorAll('article table')]
                         .filter(t => t.getBoundingClientRect().width > width + 1).length; }"""
        )
        assert wide == 0
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        offline.screenshot("phone-" + name.replace("/", "-").removesuffix(".html"))


def test_the_timeline_filter_lives_in_the_address_and_survives_back(built_site: Path, browser: Any) -> None:
    fallout = [e for e in DATA.events if e.thread == "fallout"]
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "topics" / "fallout.html")
        page.get_by_role("link", name=f"The {len(fallout)} events of this thread on the timeline").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("timeline.html#fallout")
        button = page.locator('button[data-thread="fallout"]')
        assert button.get_attribute("aria-pressed") == "true"
        assert f"· {len(fallout)}" in button.inner_text()  # the button counts its events
        assert page.locator(".nt-timeline-item:visible").count() == len(fallout)
        page.locator('button[data-thread="pledge"]').click()
        assert page.url.endswith("timeline.html#pledge")
        page.locator(".nt-timeline-item:visible a[href*='entities/']").first.click()
        page.wait_for_load_state("load")
        page.go_back()
        page.wait_for_load_state("load")
        assert page.locator('button[data-thread="pledge"]').get_attribute("aria-pressed") == "true"
        pledge = [e for e in DATA.events if e.thread == "pledge"]
        assert page.locator(".nt-timeline-item:visible").count() == len(pledge)
        # Years without a pledge event are hidden with their heading; the year index jumps within the page.
        assert page.locator("h2#year-2002").is_hidden()
        assert page.locator("h2#year-2011").is_visible()
        offline.screenshot("timeline-filtered-pledge")
        assert offline.blocked == [] and offline.errors == []


def test_the_year_index_stays_in_view_on_desktop_and_stays_compact_on_a_phone(built_site: Path, browser: Any) -> None:
    years = sorted({e.date[:4] for e in DATA.events})
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "timeline.html")
        index = page.get_by_role("navigation", name="Years")
        assert index.get_by_role("link").all_inner_texts() == years
        index.get_by_role("link", name=years[-1]).click()
        heading = page.locator(f"h2#year-{years[-1]}")
        assert page.url.endswith(f"#year-{years[-1]}") and heading.is_visible()
        page.mouse.wheel(0, 600)  # scrolled on, the index and the filter are still on screen to jump again
        box = index.bounding_box()
        assert box and 0 <= box["y"] < 900 and page.evaluate("scrollY") > 0
        assert page.locator(".thread-filter").bounding_box()["y"] >= 0
    with OfflinePage(browser, **PHONE, touch=True) as offline:
        page = offline.open(built_site / "timeline.html")
        index = page.get_by_role("navigation", name="Years")
        box = index.bounding_box()
        assert box and box["height"] < 40  # one line, whatever the number of years
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.mouse.wheel(0, 2000)
        assert index.bounding_box()["y"] < 0  # not sticky on a phone: the page keeps its height for events
        assert offline.blocked == [] and offline.errors == []


def test_a_year_reached_from_the_index_shows_below_the_sticky_controls(built_site: Path, browser: Any) -> None:
    years = sorted({e.date[:4] for e in DATA.events})
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "timeline.html")
        for year in (years[len(years) // 2], years[-1]):
            page.get_by_role("navigation", name="Years").get_by_role("link", name=year).click()
            page.wait_for_timeout(100)
            controls = page.locator(".timeline-controls").bounding_box()
            heading = page.locator(f"h2#year-{year}").bounding_box()
            assert controls and heading and page.evaluate("scrollY") > 0
            # The heading is not under the controls (which stay on screen), and it is on screen.
            assert heading["y"] >= controls["y"] + controls["height"] - 1, (year, heading, controls)
            assert heading["y"] + heading["height"] <= 900, (year, heading)
        assert offline.blocked == [] and offline.errors == []


def test_a_link_to_what_the_filter_hides_shows_every_thread(built_site: Path, browser: Any) -> None:
    context = next(e for e in DATA.events if e.thread == "context")
    pledge_years = {e.date[:4] for e in DATA.events if e.thread == "pledge"}
    hidden_year = next(e.date[:4] for e in DATA.events if e.date[:4] not in pledge_years)
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "timeline.html")
        page.locator('button[data-thread="pledge"]').click()
        assert page.locator(f"h2#year-{hidden_year}").is_hidden()
        page.get_by_role("navigation", name="Years").get_by_role("link", name=hidden_year).click()
        expect(page.locator(f"h2#year-{hidden_year}")).to_be_in_viewport()
        assert page.locator('button[data-thread="all"]').get_attribute("aria-pressed") == "true"
        page.locator('button[data-thread="pledge"]').click()
        page.evaluate(f"location.hash = 'event-{context.id}'")
        expect(page.locator(f"#event-{context.id}")).to_be_in_viewport()
        assert page.locator(".nt-timeline-item:visible").count() == len(DATA.events)
        assert offline.blocked == [] and offline.errors == []


def test_an_entity_page_links_each_of_its_events_to_its_place_on_the_timeline(built_site: Path, browser: Any) -> None:
    for entity in DATA.entities:
        events = [e for e in DATA.events if entity.id in e.entities]
        text = (built_site / "entities" / f"{entity.id}.html").read_text(encoding="utf-8")
        for event in events:
            assert f'href="../timeline.html#event-{event.id}"' in text, (entity.id, event.id)
    person = next(e for e in DATA.entities if e.kind == "person" and any(e.id in ev.entities for ev in DATA.events))
    event = next(ev for ev in DATA.events if person.id in ev.entities)
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "entities" / f"{person.id}.html")
        page.locator(f'a[href="../timeline.html#event-{event.id}"]').click()
        page.wait_for_load_state("load")
        item = page.locator(".nt-timeline-item", has=page.locator(f"#event-{event.id}"))
        expect(item).to_be_in_viewport()
        assert event.title.split()[0] in item.inner_text()
        assert offline.blocked == [] and offline.errors == []


def test_a_worked_out_date_never_says_exact_day(built_site: Path) -> None:
    text = (built_site / "timeline.html").read_text(encoding="utf-8")
    for event in DATA.events:
        start = text.index(f'id="event-{event.id}"')
        sub = text[start : text.index("</span>", text.index("nt-timeline-sub-title", start))]
        assert ("worked out" in sub) == event.inferred, (event.id, sub)
        assert not (event.inferred and "exact day" in sub), event.id


def test_worked_out_dates_carry_a_mark_not_a_sentence(built_site: Path, browser: Any) -> None:
    inferred = [e for e in DATA.events if e.inferred]
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "timeline.html")
        marks = page.locator(".nt-timeline-title .claim-mark")
        assert marks.count() == len(inferred)
        assert "Date inferred:" not in page.locator("article").inner_text()
        # Citation labels name the source and its date; the source page explains the date.
        notes = page.locator(".footnote li").all_inner_texts()
        assert notes and not any("(inferred)" in note for note in notes)


def test_approximate_dates_are_labelled_and_ordered_honestly() -> None:
    keys = [e.sort_key for e in DATA.events]
    assert keys == sorted(keys)
    by_id = {e.id: i for i, e in enumerate(DATA.events)}
    assert by_id["consulate-turns-one-back"] < by_id["written-pledge"] < by_id["yomiuri-reports-pledge"]


def test_whos_who_opens_with_the_two_groups_of_five_and_sorts_people_by_surname(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "entities" / "index.html")
        headings = page.locator("article h2").all_inner_texts()
        assert headings[0].startswith("The people the story is about")
        first_rows = page.locator("article table").first.locator("tbody tr td:first-child").all_inner_texts()
        assert first_rows[:2] == [
            "The five North Koreans of May 2002",
            "The five North Koreans in the consulate from 2008",
        ]
        japan = page.locator("article h2", has_text="Japan").first
        names = japan.locator("xpath=following::table[1]//tbody/tr/td[1]").all_inner_texts()
        people = [n for n in names if n in {e.name for e in DATA.entities if e.kind == "person"}]
        assert people == sorted(people, key=lambda name: name.split()[-1])
        assert "Mentions 0" not in page.locator("article").inner_text()


def test_a_source_page_leads_with_the_article(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser, **PHONE) as offline:
        page = offline.open(built_site / "sources" / "cns-2002-05-13.html")
        lead = page.locator(".source-lead")
        assert "CNSNews.com" in lead.inner_text() and "13 May 2002" in lead.inner_text()
        assert page.locator(".admonition.warning").first.is_visible()  # the wrong printed date, explained
        assert not page.locator("details.source-details").evaluate("d => d.open")
        text_top = page.locator("#text").bounding_box()
        assert text_top and text_top["y"] < 2 * PHONE["height"]  # the article starts within two screens
        cited = page.locator("mark.cited").first
        assert cited.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
        assert cited.evaluate("e => getComputedStyle(e).borderBottomStyle") == "none"
        offline.screenshot("phone-source-page")


def test_the_glossary_does_not_ask_for_a_mouse(built_site: Path) -> None:
    text = (built_site / "glossary.html").read_text(encoding="utf-8")
    assert "hovering" not in text


def test_search_results_read_as_sentences_without_citation_numbers(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.page
        page.goto((built_site / "index.html").as_uri())
        first_three(page, "dragged away")
        excerpts = page.locator(".md-search-result__article").all_inner_texts()
        assert any("dragged away by Chinese police." in text for text in excerpts), excerpts
        assert not any(re.search(r"[a-z]\d", text) for text in excerpts), excerpts
        assert offline.blocked == [] and offline.errors == []


def test_date_evidence_points_at_the_numbered_paragraph_that_holds_its_words() -> None:
    from explainer.corpus import load_corpus

    pointed = 0
    for source in load_corpus(ROOT / "sources" / "articles"):
        paragraphs = {p.number: p.text for p in source.paragraphs}
        for item in source.date.evidence:
            for words, number in re.findall(r"“([^”]+)” \(¶(\d+)\)", item):
                assert words in paragraphs[int(number)], (source.id, item)
                pointed += 1
    assert pointed >= 5  # every article dated from its text says where, as the reader counts paragraphs


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_cited_sentence_stands_out_from_the_other_cited_passages(
    built_site: Path, browser: Any, scheme: str
) -> None:
    source = "voa-2002-05-10"
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "sources" / f"{source}.html")
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        marks = page.locator("article mark.cited")
        assert marks.count() > 2
        target_id = marks.nth(1).get_attribute("id")
        page.evaluate(f"location.hash = '{target_id}'")
        target = page.locator("mark.cited:target")
        expect(target).to_be_in_viewport()
        style = target.evaluate(
            "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.outlineStyle, s.outlineWidth]; }"
        )
        other = marks.nth(2).evaluate("e => getComputedStyle(e).backgroundColor")
        assert style[1] == "solid" and float(style[2].removesuffix("px")) >= 2, style  # a frame around it
        lighter, darker = sorted((_luminance(style[0]), _luminance(other)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 1.15, (style[0], other)  # and a different fill
        assert offline.blocked == [] and offline.errors == []
