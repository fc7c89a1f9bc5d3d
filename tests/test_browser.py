"""What a reader sees, in real Chromium from file:// with the network off: search, anchors, source pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_helpers import OfflinePage
from conftest import ROOT
from explainer.corpus import load_corpus


def search(page: Any, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)  # as a reader types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    return [title.strip() for title in page.locator(".md-search-result__article h1").all_text_contents()]


def test_search_works_from_file_with_the_network_off(built_site: Path, browser: Any) -> None:
    mentioning = {s.title for s in load_corpus(ROOT / "sources" / "articles") if "Kawaguchi" in s.paragraphs_text}
    assert len(mentioning) == 2  # the VOA report of 10 May and the Japan Times report of 24 May 2002
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "index.html")
        assert page.locator("input.md-search__input").is_visible()
        titles = search(page, "Kawaguchi")
        assert mentioning <= set(titles), titles
        offline.screenshot("search-kawaguchi")
        page.locator(".md-search-result__link", has_text="Japan Increases Pressure").first.click()
        page.wait_for_load_state("load")
        assert "sources/voa-2002-05-10.html" in page.url
        assert page.locator("p.para", has_text="Yoriko Kawaguchi").count() == 1
        assert offline.blocked == [], offline.blocked
        assert offline.errors == [], offline.errors


def test_source_page_shows_date_evidence_and_paragraph_anchor(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "sources" / "cns-2002-05-13.html", "#p-9")
        target = page.locator("p.para:target")
        assert target.get_attribute("id") == "p-9"
        assert "Canadian Embassy" in (target.text_content() or "")
        assert target.is_visible()
        warning = page.locator(".admonition.warning")
        assert "The date printed with this copy is wrong" in (warning.text_content() or "")
        assert "13 May 2002" in page.locator(".source-lead").inner_text()  # the established date, first thing read
        body = page.locator("article").inner_text()
        for boilerplate in ("E-mail a news tip", "Spencer Journalism Fellow", "Send a Letter to the Editor"):
            assert boilerplate not in body.split("Lines not shown as article text")[0]
        assert offline.blocked == []


def test_sources_index_lists_every_source_by_date(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "sources" / "index.html")
        dates = page.locator("article table tbody tr td:first-child").all_text_contents()
        assert [d.split(" (")[0].split(" ⚠")[0] for d in dates] == [
            "10 May 2002",
            "13 May 2002",
            "22 May 2002",
            "24 May 2002",
            "9 December 2011",
        ]
        assert offline.blocked == []
