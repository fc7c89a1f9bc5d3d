"""`make add`: a saved web page or a text file becomes an article of the site, with what was inferred reported.

The two fixtures are articles that are not among the site's sources: a saved Voice of America page of 27 April
2002 (the article text as published; the page around it — head metadata, menus, share bar, advertisement,
comments, footer — written here in the shape such pages have) and a CNSNews.com report of 10 May 2002 as its
stored copy has it (archive byline stamp and all).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser_helpers import OfflinePage
from conftest import ROOT, copy_project, run_explainer
from explainer.add import outlet_slug
from test_browser import search

PAGE = ROOT / "tests" / "fixtures" / "pages" / "voa-asylum-seekers-to-leave-china.html"
TEXT = ROOT / "tests" / "fixtures" / "cns-china-japan-diplomatic-row.txt"
PAGE_ID = "voanews-2002-04-27"
TEXT_ID = "cnsnews-undated-china-japan-diplomatic-row"


def listing(project: Path) -> dict[str, bytes]:
    folder = project / "sources" / "articles"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_saved_page_becomes_an_article_with_its_metadata(project: Path) -> None:
    result = run_explainer(project, "add", str(PAGE))
    assert result.returncode == 0, result.stderr
    text = (project / "sources" / "articles" / f"{PAGE_ID}.txt").read_text(encoding="utf-8")
    metadata = yaml.safe_load((project / "sources" / "articles" / f"{PAGE_ID}.yml").read_text(encoding="utf-8"))
    assert text.startswith("North Korean Asylum Seekers in US Embassy to Leave China for Third Country\n\n")
    assert "Two North Koreans who entered a U.S. Embassy compound in Beijing" in text
    assert "still technically in a state of war." in text
    for furniture in (
        "Accessibility links",
        "Skip to",
        "Advertisement",
        "googletag",
        "Facebook",
        "Related",
        "Log in with",
        "Terms of Use",
        "Middle East",
    ):
        assert furniture not in text, furniture
    assert metadata["title"] == "North Korean Asylum Seekers in US Embassy to Leave China for Third Country"
    assert metadata["outlet"] == "Voice of America"
    assert metadata["date"] == "2002-04-27"
    assert metadata["url"] == "https://www.voanews.com/a/a-13-a-2002-04-27-19-north-67423897/383968.html"
    assert set(metadata["found"]) == {"title", "outlet", "date", "url"}
    assert f"added sources/articles/{PAGE_ID}.txt" in result.stdout
    assert "confidence high: saved page's metadata" in result.stdout
    assert "author  —" in result.stdout and "confidence none: not found" in result.stdout


def test_a_text_file_is_copied_as_is_and_inferred_from_its_text_and_the_other_articles(project: Path) -> None:
    result = run_explainer(project, "add", str(TEXT))
    assert result.returncode == 0, result.stderr
    copied = project / "sources" / "articles" / f"{TEXT_ID}.txt"
    assert copied.read_bytes() == TEXT.read_bytes()
    assert (
        "China, Japan In Diplomatic Row Over N. Korean Defectors\n          confidence high: headline" in result.stdout
    )
    assert "Patrick Goodenough\n          confidence high: byline (line 3)" in result.stdout
    # No outlet in the text: the author's other articles here were all published by CNSNews.com.
    assert "CNSNews.com\n          confidence medium: outlet of the author's other articles" in result.stdout
    # The byline's 7 July 2008 is the archive stamp the other CNS articles' texts disprove: the date is
    # unknown, not guessed.
    assert "date    —\n          confidence none: unknown: The byline" in result.stdout
    assert "archive was stamped" in result.stdout
    metadata = yaml.safe_load((project / "sources" / "articles" / f"{TEXT_ID}.yml").read_text(encoding="utf-8"))
    assert set(metadata) == {"notes"}  # everything else is inferred again at each build


def test_the_same_article_again_is_refused_naming_the_existing_file(project: Path) -> None:
    assert run_explainer(project, "add", str(PAGE)).returncode == 0
    before = listing(project)
    again = run_explainer(project, "add", str(PAGE))
    assert again.returncode == 1
    assert f"already in the site as sources/articles/{PAGE_ID}.txt (same text)" in again.stderr
    # The same article saved with other page furniture and spacing is the same article.
    variant = project / "copy.txt"
    seed = (project / "sources" / "articles" / "voa-2002-05-10.txt").read_text(encoding="utf-8")
    variant.write_text("Advertisement\n\n" + seed.replace("\n\n", "\n\n\n") + "\nShare via\n", encoding="utf-8")
    refused = run_explainer(project, "add", str(variant))
    assert refused.returncode == 1
    assert "already in the site as sources/articles/voa-2002-05-10.txt" in refused.stderr
    assert listing(project) == before


def test_the_same_title_with_other_text_is_added_with_a_warning(project: Path) -> None:
    other = project / "other.txt"
    other.write_text(
        "Japan Increases Pressure on China to Hand Over Asylum Seekers\n\n"
        "A different report under the same headline, written by another outlet on the same day and long enough.\n",
        encoding="utf-8",
    )
    result = run_explainer(project, "add", str(other))
    assert result.returncode == 0, result.stderr
    assert "warning: same title as sources/articles/voa-2002-05-10.txt, but different text" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("article.pdf", b"%PDF-1.4", "not a saved web page (.html, .htm) or a plain-text file (.txt, .text)"),
        ("empty.html", b"  \n", "the page is empty"),
        ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
        ("latin1.txt", "Headline\n\nCaf\xe9 society\n".encode("latin-1"), "latin1.txt:3: not UTF-8"),
        ("binary.txt", b"Headline\n\x00\x01", "binary.txt:2: NUL byte"),
    ],
)
def test_bad_input_is_refused_with_the_file_named_and_nothing_written(
    project: Path, name: str, content: bytes, message: str
) -> None:
    bad = project / name
    bad.write_bytes(content)
    before = listing(project)
    result = run_explainer(project, "add", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert listing(project) == before


def test_a_chosen_name_is_used_and_a_taken_one_refused(project: Path) -> None:
    taken = run_explainer(project, "add", str(TEXT), "--name", "voa-2002-05-10")
    assert taken.returncode == 1 and "name 'voa-2002-05-10' is taken" in taken.stderr
    bad = run_explainer(project, "add", str(TEXT), "--name", "CNS Row")
    assert bad.returncode == 1 and "lower-case words joined by hyphens" in bad.stderr
    chosen = run_explainer(project, "add", str(TEXT), "--name", "cns-2002-05-10")
    assert chosen.returncode == 0, chosen.stderr
    assert (project / "sources" / "articles" / "cns-2002-05-10.txt").read_bytes() == TEXT.read_bytes()


def test_no_temporary_files_are_left_behind(project: Path) -> None:
    assert run_explainer(project, "add", str(PAGE)).returncode == 0
    assert [p.name for p in (project / "sources" / "articles").iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("url", "outlet", "expected"),
    [
        ("https://www.smh.com.au/world/x.html", None, "smh"),
        ("http://news.bbc.co.uk/2/hi/1975843.stm", "BBC News", "bbc"),
        ("http://english.chosun.com/site/data/html_dir/2011/12/09/2011120900906.html", None, "chosun"),
        ("https://koreajoongangdaily.joins.com/2011/12/08/x.html", None, "koreajoongangdaily"),
        ("http://edition.cnn.com/2002/WORLD/", None, "cnn"),
        (None, "The Sydney Morning Herald", "sydney-morning-herald"),
        (None, "CNSNews.com", "cnsnews"),
        (None, None, None),
    ],
)
def test_outlet_names_for_file_names(url: str | None, outlet: str | None, expected: str | None) -> None:
    assert outlet_slug(url, outlet) == expected


def test_new_articles_show_up_in_the_sources_index_people_pages_and_search(tmp_path: Path, browser: Any) -> None:
    project = copy_project(tmp_path / "project")
    for file in (PAGE, TEXT):
        assert run_explainer(project, "add", str(file)).returncode == 0
    result = run_explainer(project, "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    index = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert f"{PAGE_ID}.html" in index and f"{TEXT_ID}.html" in index
    koizumi = (site / "entities" / "junichiro-koizumi.html").read_text(encoding="utf-8")
    assert f"{TEXT_ID}.html" in koizumi  # "Prime Minister Junichiro Koizumi said he expected…"
    page_source = (site / "sources" / f"{PAGE_ID}.html").read_text(encoding="utf-8")
    assert "from the saved web page" in page_source  # the date's origin, told apart from an editor's
    with OfflinePage(browser) as offline:
        page = offline.open(site / "index.html")
        titles = search(page, "barbed wire fences")
        assert "China, Japan In Diplomatic Row Over N. Korean Defectors" in titles, titles
        page.locator("input.md-search__input").fill("")
        titles = search(page, "resettled in a third country")
        assert "North Korean Asylum Seekers in US Embassy to Leave China for Third Country" in titles, titles
        assert offline.blocked == [] and offline.errors == []


def test_make_add_without_a_file_explains_itself() -> None:
    import subprocess

    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "add"],
        capture_output=True,
        text=True,
        env={**os.environ, "FILE": ""},
    )
    assert result.returncode != 0
    assert "usage: make add FILE=" in result.stderr
