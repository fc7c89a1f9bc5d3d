"""Proof gates on the built site: links and anchors, reachability, determinism, broken data, odd input."""

from __future__ import annotations

import codecs
import hashlib
import html.parser
import shutil
import urllib.parse
from pathlib import Path

import pytest

from conftest import copy_project, run_explainer


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []  # <a href>
        self.assets: list[str] = []  # <link href>, <script src>, <img src>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        elif tag in {"link", "script", "img"} and (values.get("href") or values.get("src")):
            self.assets.append(values.get("href") or values.get("src") or "")


def parse_site(site: Path) -> dict[Path, _Links]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    return pages


def internal_target(page: Path, href: str) -> tuple[Path, str] | None:
    parsed = urllib.parse.urlsplit(href)
    if parsed.scheme or href.startswith("//"):
        return None
    target = page if not parsed.path else (page.parent / urllib.parse.unquote(parsed.path)).resolve()
    return target, urllib.parse.unquote(parsed.fragment)


@pytest.fixture(scope="module")
def site_pages(built_site: Path) -> dict[Path, _Links]:
    return parse_site(built_site)


def test_every_internal_link_and_fragment_resolves(site_pages: dict[Path, _Links]) -> None:
    broken = []
    for page, parsed in site_pages.items():
        if page.name == "404.html":
            continue  # a server shows it at any path, so Material gives it root-absolute links; never opened from disk
        for href in parsed.links + parsed.assets:
            found = internal_target(page, href)
            if found is None:
                continue
            target, fragment = found
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.name}: {href} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in site_pages[target].ids:
                broken.append(f"{page.name}: {href} (no #{fragment})")
    assert broken == []


def test_no_external_links_assets_or_fonts(site_pages: dict[Path, _Links]) -> None:
    external = [
        f"{page.name}: {ref}"
        for page, parsed in site_pages.items()
        for ref in parsed.assets
        if urllib.parse.urlsplit(ref).scheme in {"http", "https"} or ref.startswith("//")
    ]
    assert external == []


def test_every_page_is_reachable_from_home(built_site: Path, site_pages: dict[Path, _Links]) -> None:
    home = (built_site / "index.html").resolve()
    seen, queue = {home}, [home]
    while queue:
        page = queue.pop()
        for href in site_pages[page].links:
            found = internal_target(page, href)
            if found and found[0].suffix == ".html" and found[0] in site_pages and found[0] not in seen:
                seen.add(found[0])
                queue.append(found[0])
    orphans = sorted(p.relative_to(built_site).as_posix() for p in site_pages if p.resolve() not in seen)
    assert orphans == ["404.html"]  # the error page is reached by the server, not by links


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_two_builds_are_byte_identical(project: Path) -> None:
    assert run_explainer(project, "site").returncode == 0
    first = digest(project / "site")
    shutil.rmtree(project / "docs" / "sources")  # force the converter to write everything again
    assert run_explainer(project, "site").returncode == 0
    assert digest(project / "site") == first


def test_broken_curated_data_is_reported_all_at_once(project: Path) -> None:
    sources = project / "sources"
    events = sources / "events.yml"
    text = events.read_text(encoding="utf-8")
    text = text.replace("entities: [five-of-2002, consulate-general-shenyang, shenyang]", "entities: [five-of-2003]", 1)
    text = text.replace("- id: letter-to-defect-to-us\n  date: 2002-05-08\n", "- id: letter-to-defect-to-us\n", 1)
    text = text.replace("- id: us-consulate-wall", "- id: five-seized", 1)
    text = text.replace("quote: went down in Chinese waters in December", "quote: went down in Japanese waters", 1)
    text = text.replace(
        "precision: month\n  inferred: true\n  basis: A report of 10 May",
        "precision: [month]\n  inferred: true\n  basis: A report of 10 May",
        1,
    )
    events.write_text(text, encoding="utf-8")
    (sources / "figures.yml").write_text("- id: broken\n  number: [unclosed\n", encoding="utf-8")
    topic = sources / "narrative" / "topics" / "incident.md"
    topic.write_text(topic.read_text(encoding="utf-8") + "\nAn uncited claim about the consulate.\n", encoding="utf-8")
    result = run_explainer(project, "convert")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    expected = [
        "sources/events.yml:20: event 'spy-boat-sinks': field 'precision' must be non-empty text",
        "unknown entity 'five-of-2003'",
        "event 'letter-to-defect-to-us': field 'date' is missing",
        "sources/events.yml:86: duplicate id 'five-seized' (first at line 32)",
        "sources/figures.yml:3: YAML syntax error",
        "sources/narrative/topics/incident.md:",
        "a paragraph that states facts needs a citation",
        "quote not found in voa-2002-05-10: “went down in Japanese waters after a gun battle",
    ]
    for fragment in expected:
        assert any(fragment in line for line in lines), (fragment, lines)
    assert all(line.startswith("error: sources/") for line in lines), lines


def test_large_and_odd_articles_are_inert_or_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    articles = project / "sources" / "articles"
    (articles / "too-big.txt").write_bytes(b"Headline\n\n" + b"word " * (2 * 1024 * 1024))
    result = run_explainer(project, "site")
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "error: sources/articles/too-big.txt: the article is 10,485,770 bytes; the limit is 2,097,152"
    )
    (articles / "too-big.txt").unlink()
    paragraph = "Officials said on Thursday that talks would continue, according to a statement of May 10, 2002."
    (articles / "many-paragraphs.txt").write_text("Many paragraphs\n\n" + "\n\n".join([paragraph] * 10_000) + "\n")
    (articles / "one-long-line.txt").write_text("A long line\n\n" + "word " * 1000 + "end.\n")
    (articles / "utf16-report.txt").write_bytes(
        codecs.BOM_UTF16_LE + "Report\r\n\r\nShenyang 瀋陽 text.\r\n".encode("utf-16-le")
    )
    (articles / "crlf-report.txt").write_bytes(b"CRLF Report\r\n\r\nA line ending in CR LF, as Windows writes it.\r\n")
    result = run_explainer(project, "site")
    assert result.returncode == 0, result.stderr
    many = (project / "site" / "sources" / "many-paragraphs.html").read_text(encoding="utf-8")
    assert many.count('class="para"') == 10_000 and 'id="p-10000"' in many
    assert "word word" in (project / "site" / "sources" / "one-long-line.html").read_text(encoding="utf-8")
    assert "瀋陽" in (project / "site" / "sources" / "utf16-report.html").read_text(encoding="utf-8")
    crlf = (project / "docs" / "sources" / "crlf-report.md").read_text(encoding="utf-8")
    assert "\r" not in crlf and "A line ending in CR LF, as Windows writes it." in crlf
