"""The second real explainer, examples/senkaku-2010: built from a copy into its own folder (never the main site),
with zero errors and the support lint passing; none of this project's story in it beyond the names its own
articles write; its articles not among the evaluation set, and each one named in the README."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser_helpers import OfflinePage
from conftest import ROOT, run_explainer
from explainer.write import generated_files
from test_new import converter_parts, story_words

EXAMPLE = ROOT / "examples" / "senkaku-2010"
ARTICLES = sorted((EXAMPLE / "sources" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example copied as a fresh checkout has it (no site/, no generated pages) and built there."""
    copy = tmp_path_factory.mktemp("example") / "senkaku-2010"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("site", "site.*", "vendor", ".generated"))
    generated = EXAMPLE / "docs" / ".generated"
    if generated.exists():  # left by a build in place: a fresh checkout has none of these pages
        for relative in generated.read_text(encoding="utf-8").splitlines():
            if relative and not relative.startswith("#"):
                (copy / "docs" / relative).unlink(missing_ok=True)
    result = run_explainer(copy, "site", timeout=600)
    assert result.returncode == 0, result.stderr
    return copy, result.stdout + result.stderr


def test_the_example_builds_with_no_error_and_the_support_lint_passes(built: tuple[Path, str]) -> None:
    copy, output = built
    assert "error" not in output.lower(), output
    lint = re.search(r"support lint: (\d+) cited sentences checked, (\d+) tokens found", output)
    assert lint and int(lint.group(1)) > 0 and int(lint.group(2)) > 0, output
    site = copy / "site"
    for article in ARTICLES:
        assert (site / "sources" / f"{article.stem}.html").is_file(), article.name
    for page in ("topics/collision.html", "topics/row.html", "topics/release.html", "timeline.html", "disputes.html"):
        assert (site / page).is_file(), page
    assert list(site.glob("senkaku-2010-explainer-*.zip"))
    assert not (ROOT / "site" / "topics" / "collision.html").exists(), "built into the main site"


def plain(text: str) -> str:
    """Text as compared: quote marks straight (the site nests a quote's own marks as single ones), spaces single."""
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", '"'), ("’", "'")):
        text = text.replace(curly, straight)
    return " ".join(text.replace("'", '"').split())


def test_its_pages_open_from_file_with_no_request_and_their_citations_reach_the_words(
    built: tuple[Path, str], browser: Any
) -> None:
    """In Chromium from file://: home, the three topics, timeline and disputes load with nothing fetched and no
    console error; every citation of the row's page leads to a source paragraph holding its quoted words."""
    site = built[0] / "site"
    pages = ["index.html", "topics/collision.html", "topics/row.html", "topics/release.html"]
    with OfflinePage(browser) as offline:
        for name in [*pages, "timeline.html", "disputes.html"]:
            offline.open(site / name).wait_for_load_state("networkidle")
        page = offline.open(site / "topics" / "row.html")
        notes = page.eval_on_selector_all(
            ".footnote li a[href*='sources/']", "links => links.map(a => [a.href, a.closest('li').innerText])"
        )
        assert len(notes) >= 10
        for href, text in notes:
            quote = re.search(r"“(.+?)”", text, re.S)
            assert quote, text
            address, fragment = href.split("#")
            source = offline.open(Path(address.removeprefix("file://")), "#" + fragment)
            paragraph = source.inner_text("#" + fragment.split("-q")[0])
            assert plain(quote.group(1))[:40] in plain(paragraph), (href, quote.group(1))
        assert offline.blocked == []
        assert offline.errors == []


def test_it_holds_no_name_of_this_story_its_own_sources_do_not_write(built: tuple[Path, str]) -> None:
    """Japan, China or Kyodo are in both stories' articles; Shenyang, Koizumi or a thread of this story never."""
    copy, _ = built
    pattern = story_words()
    own = "\n".join(p.read_text(encoding="utf-8") for p in (EXAMPLE / "sources").rglob("*") if p.is_file())
    allowed = set(pattern.findall(own))
    leaked = {}
    for path in sorted((copy / "site").rglob("*")):
        if path.is_file() and path.suffix != ".zip":
            hits = set(pattern.findall(path.read_text(encoding="utf-8", errors="replace"))) - allowed
            if hits:
                leaked[str(path.relative_to(copy / "site"))] = hits
    assert leaked == {}


def test_its_articles_are_not_in_the_evaluation_sets() -> None:
    evaldata = [p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "evaldata").rglob("*") if p.is_file()]
    assert len(ARTICLES) >= 6
    for article in ARTICLES:
        text = " ".join(article.read_text(encoding="utf-8").split())
        first_lines = " ".join(text.split()[:40])
        url = re.search(r"^url: (\S+)", article.with_suffix(".yml").read_text(encoding="utf-8"), re.M)
        assert url, article.name
        for other in evaldata:
            assert first_lines not in " ".join(other.split()), article.name
            assert url.group(1).split("?")[0] not in other, article.name


def test_the_readme_names_each_article_its_outlet_and_address() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The example: examples/senkaku-2010", 1)[1].split("\n## ", 1)[0]
    for article in ARTICLES:
        meta = article.with_suffix(".yml").read_text(encoding="utf-8")
        outlet = re.search(r"^outlet: (.+)$", meta, re.M)
        url = re.search(r"^url: (\S+)", meta, re.M)
        assert outlet and url, article.name
        assert article.stem in section and outlet.group(1) in section and url.group(1) in section, article.name


def test_it_is_built_with_the_converters_current_scripts_stylesheets_and_settings(built: tuple[Path, str]) -> None:
    # The example keeps no copy of the converter's parts (a copy drifts: it once lacked the print page's contents
    # break and the finished_html extension); each build gives it the current ones.
    copy, _ = built
    parts = converter_parts()
    held = {p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*") if p.is_file()}
    assert not {f"docs/{name}" for name in parts} & held - {f"docs/{n}" for n in generated_files(EXAMPLE / "docs")}
    assert not (EXAMPLE / "overrides").exists()
    assert {name: (copy / "site" / name).read_bytes() for name in parts} == parts
    given = yaml.safe_load((copy / "docs" / "includes" / "story.mkdocs.yml").read_text(encoding="utf-8"))
    own = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert given["markdown_extensions"] == own["markdown_extensions"]
