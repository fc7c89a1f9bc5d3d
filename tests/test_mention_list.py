"""An entity named in many articles: its page carries the first mentions only, and the reader gets every one on
request (the entity's data file, loaded by mentions.js), searchable and ordered by date, each linked to its
paragraph. Built for real (a copy of the project grown by dated copies of an article, `explainer site`) and read in
Chromium from file:// with every other request blocked, under the page's content security policy."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import OfflinePage
from conftest import ROOT, copy_project, run_explainer
from explainer.render import entity, urls
from test_accessibility import AXE, THEME_VALIDATOR_MESSAGES, VNU

COPIES = 30
ENTITY = "beijing"


@pytest.fixture(scope="module")
def grown_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with COPIES copies of the 2011 Chosun report, each dated differently by its metadata file (so
    that the order by date means something), built as `make site` builds it."""
    root = copy_project(tmp_path_factory.mktemp("mentions") / "project")
    articles = root / "sources" / "articles"
    for number in range(COPIES):
        shutil.copy(articles / "chosun-2011-12-09.txt", articles / f"copy-{number:02d}.txt")
        day = dt.date(2003, 1, 1) + dt.timedelta(days=37 * number)
        (articles / f"copy-{number:02d}.yml").write_text(f"date: {day.isoformat()}\n", encoding="utf-8")
    result = run_explainer(root, "site", timeout=600)
    assert result.returncode == 0, result.stderr
    return root


def _date(link_text: str) -> dt.date:
    """The article's date in a mention's link ("Chosunilbo & Chosun.com, 10 January 2003, ¶4")."""
    found = re.search(r"(\d{1,2} [A-Z][a-z]+ \d{4}), ¶\d+$", link_text)
    assert found, link_text
    return dt.datetime.strptime(found.group(1), "%d %B %Y").date()


def _mentions(page: Any) -> list[dict[str, Any]]:
    return page.eval_on_selector_all(
        ".mention-list__all li",
        "items => items.map(li => ({text: li.textContent, hidden: li.hidden,"
        " href: li.querySelector('a').getAttribute('href'), label: li.querySelector('a').textContent}))",
    )


def test_the_page_carries_the_first_mentions_and_the_button_brings_every_one(grown_site: Path, browser: Any) -> None:
    site = grown_site / "site"
    html = (site / "entities" / f"{ENTITY}.html").read_text(encoding="utf-8")
    total = int(re.search(r"Mentions in the sources \((\d+)\)", html).group(1))
    assert total > entity.QUOTED_MENTIONS
    assert len(re.findall(r'href="\.\./sources/[^"#]+\.html#p-\d+"', html)) <= entity.QUOTED_MENTIONS
    assert 'http-equiv="Content-Security-Policy"' in html  # the policy the data file must load under
    with OfflinePage(browser) as offline:
        page = offline.open(site / "entities" / f"{ENTITY}.html")
        on_load = page.eval_on_selector_all("article a[href*='#p-']", "links => links.length")
        assert on_load == entity.QUOTED_MENTIONS
        page.get_by_role("button", name=f"Show all {total:,} mentions").click()
        page.locator(".mention-list__all li").first.wait_for()
        shown = _mentions(page)
        assert len(shown) == total  # every mention, the quoted ones among them
        assert page.locator(".mention-list__status").inner_text() == f"Showing {total:,} of {total:,} mentions."
        assert page.eval_on_selector_all("article a[href*='#p-']", "links => links.length") == total
        assert page.evaluate("document.activeElement.type") == "search"  # the keyboard lands in the search box

        # Each link goes to its paragraph: the target page exists and holds that paragraph's id.
        for entry in shown:
            target, _, anchor = entry["href"].partition("#")
            paragraph = entry["label"].rsplit("¶", 1)[1]
            assert anchor == f"p-{paragraph}", entry
            text = (site / "entities" / target).resolve().read_text(encoding="utf-8")
            assert f'id="{anchor}"' in text, entry["href"]

        # The filter keeps exactly the mentions holding the words typed, whatever their case.
        words = "Japanese diplomats"
        page.get_by_label("Find in the mentions").fill(words.upper())
        filtered = _mentions(page)
        kept = [m for m in filtered if not m["hidden"]]
        assert 0 < len(kept) < total
        assert all(words.lower() in " ".join(m["text"].lower().split()) for m in kept)
        assert not any(words.lower() in " ".join(m["text"].lower().split()) for m in filtered if m["hidden"])
        assert page.locator(".mention-list__status").inner_text().startswith(f"Showing {len(kept):,} of {total:,}")
        page.get_by_label("Find in the mentions").fill("")

        # Newest first, then oldest first: the articles' dates in order.
        page.get_by_label("Order").select_option("newest")
        newest = [_date(m["label"]) for m in _mentions(page)]
        assert newest == sorted(newest, reverse=True) and newest[0] > newest[-1]
        page.get_by_label("Order").select_option("oldest")
        oldest = [_date(m["label"]) for m in _mentions(page)]
        assert oldest == sorted(oldest)

        # A link followed lands on its paragraph.
        last = page.locator(".mention-list__all li a").last
        href = last.get_attribute("href")
        last.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(href.removeprefix(".."))
        assert page.evaluate("document.querySelector(':target').id") == href.partition("#")[2]
        assert offline.blocked == [] and offline.errors == []


def test_the_full_list_is_accessible(grown_site: Path, browser: Any) -> None:
    site = grown_site / "site"
    for scheme, width in (("light", 1280), ("dark", 390)):
        with OfflinePage(browser, width=width, height=844, scheme=scheme) as offline:
            page = offline.open(site / "entities" / f"{ENTITY}.html")
            page.get_by_role("button", name=re.compile(r"^Show all")).click()
            page.locator(".mention-list__all li").first.wait_for()
            page.get_by_label("Find in the mentions").fill("consulate")
            assert offline.errors == []  # before axe, whose reading of the stylesheets file:// refuses
            page.evaluate(AXE.read_text(encoding="utf-8"))
            violations = page.evaluate(
                "async () => (await axe.run(document)).violations"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
            )
            assert violations == [], (scheme, width)
            assert offline.blocked == []
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(site / "entities" / f"{ENTITY}.html")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m["message"] for m in messages if m["type"] == "error" and m["message"] not in THEME_VALIDATOR_MESSAGES]
    assert errors == []


def test_the_data_file_is_generated_listed_and_ignored_by_git(grown_site: Path) -> None:
    docs = grown_site / "docs"
    relative = urls.mentions_data_path(ENTITY)
    assert relative in (docs / ".generated").read_text(encoding="utf-8").splitlines()
    assert (grown_site / "site" / relative).is_file()
    # Entities with few mentions have no data file: everything is in their page.
    few = [p for p in (docs / "entities").glob("*.md") if "mention-list" not in p.read_text(encoding="utf-8")]
    assert few and not any(p.with_suffix(".mentions.js").exists() for p in few)
    ignored = subprocess.run(["git", "check-ignore", "-q", f"docs/{relative}"], cwd=ROOT, check=False)
    assert ignored.returncode == 0


def test_a_page_without_script_still_quotes_the_first_mentions(grown_site: Path, browser: Any) -> None:
    """The button needs the script: without it, it stays hidden and the quoted mentions stay."""
    context = browser.new_context(java_script_enabled=False)
    blocked: list[str] = []

    def offline(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", offline)
    try:
        page = context.new_page()
        page.goto((grown_site / "site" / "entities" / f"{ENTITY}.html").as_uri())
        assert page.locator(".mention-list li").count() == entity.QUOTED_MENTIONS
        assert not page.get_by_role("button", name=re.compile(r"^Show all")).is_visible()
        assert blocked == []
    finally:
        context.close()
