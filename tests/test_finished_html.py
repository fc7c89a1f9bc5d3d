"""Finished HTML: the converter's own link check (render/urls.py) and the Markdown extension that passes the HTML
through untouched (finished_html.py)."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import markdown
import pytest

from conftest import copy_project
from explainer.__main__ import main
from explainer.finished_html import block
from explainer.render import context
from explainer.render.urls import Links, Origin, anchors_of, href

ENTITIES = Path("sources/entities.yml")


def test_href_is_relative_and_names_the_html_page() -> None:
    assert href("sources/a.md", "entities/china.md") == "../entities/china.html"
    assert href("sources/a.md", "topics/fallout.md", "fnref:4") == "../topics/fallout.html#fnref:4"
    assert href("sources/a.md", "sources/index.md") == "index.html"
    assert href("sources/a.md", "sources/a.md", "p-2") == "#p-2"


def test_anchors_are_read_from_html_ids_attribute_lists_and_footnote_references() -> None:
    text = '## Cited by {#cited-by data-search-exclude}\n<p id="p-1">x</p>\nsaid so[^3][^4]:\n\n[^3]: a note\n[^4]: b\n'
    found = anchors_of(text)
    assert {"cited-by", "p-1", "fnref:3", "fnref:4", "fn:3", "fn:4"} <= found
    assert "fnref:5" not in found
    # A note defined but never referenced has no reference to link to.
    assert "fnref:9" not in anchors_of("[^9]: orphan\n")


def test_check_names_the_data_behind_each_bad_link(tmp_path: Path) -> None:
    links = Links()
    generated = {"sources/a.md": '<p id="p-1">x</p>', "entities/china.md": "# China\n"}
    links.to("sources/a.md", "entities/china.md", "", Origin(ENTITIES, 12))  # fine
    links.to("sources/a.md", "sources/a.md", "p-1", Origin(Path("sources/articles/a.txt")))  # fine
    links.to("sources/a.md", "entities/japan.md", "", Origin(ENTITIES, 30))  # no such page
    links.to("sources/a.md", "sources/a.md", "p-7", Origin(Path("sources/events.yml"), 4))  # no such anchor
    (tmp_path / "about.md").write_text('# About\n\n<p id="rights">x</p>\n', encoding="utf-8")
    links.to("sources/a.md", "about.md", "rights", Origin(ENTITIES, 1))  # a hand-written page: fine
    problems = [str(p) for p in links.check(generated, tmp_path)]
    assert problems == [
        "sources/entities.yml:30: link ../entities/japan.html on sources/a.md: no page entities/japan.md",
        "sources/events.yml:4: link #p-7 on sources/a.md: no anchor #p-7 in sources/a.md",
    ]


def test_a_bad_link_fails_the_build_with_the_citation_that_made_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The converter's links come from the data, so a bad one is the converter's bug: made here by pointing every
    "Cited by" link at a note number no page has. The build names each citation's file and line, and writes
    nothing."""
    project = copy_project(tmp_path / "project")
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    monkeypatch.setattr(context.Backlink, "anchor", property(lambda self: f"fnref:{self.note + 1000}"))
    assert main(["--root", str(project), "convert"]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors, "no error printed"
    for line in errors:
        assert re.fullmatch(
            r"error: sources/[\w/.-]+\.(md|yml):\d+: link \.\./[\w/.-]+\.html#fnref:\d{4} on sources/[\w.-]+\.md: "
            r"no anchor #fnref:\d{4} in [\w/.-]+\.md",
            line,
        ), line
    first = re.match(r"error: ([^:]+):(\d+):", errors[0])
    assert first and (project / first[1]).is_file()
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*")) == before  # nothing written


def test_the_extension_passes_finished_html_through_untouched() -> None:
    html = '<ul>\n<li><a href="#p-2">¶2</a> — a [link](x.md) and *stars*</li>\n</ul>'
    page = "## Cited by {#cited-by}\n" + block(html)
    with_it = markdown.Markdown(extensions=["attr_list", "toc", "explainer.finished_html"]).convert(page)
    assert html in with_it  # Markdown syntax inside stays as written: the converter made it inert
    assert '<h2 id="cited-by">' in with_it
    without = markdown.Markdown(extensions=["attr_list", "toc"]).convert(page)
    assert html in without  # the same HTML either way: the extension saves time, not changes output


def test_mkdocs_reads_a_blocks_ids_from_its_id_line_and_the_line_is_gone() -> None:
    """MkDocs validates links into a source paragraph against the ids its own reader (priority 21) finds: the block
    is stored before that reader runs, which reads the line of ids left in its place; the page never shows it."""
    from mkdocs.structure.pages import _RawHTMLPreprocessor

    html = '<p class="para" id="p-1"><a href="#p-1">x</a> said id=&#34;p-9&#34;</p>\n<mark id="p-1-q1">y</mark>'
    page = "# Title\n" + block(html) + "## Cited by {#cited-by}\n" + block('<p id="date">z</p>')
    md = markdown.Markdown(extensions=["attr_list", "toc", "explainer.finished_html"])
    reader = _RawHTMLPreprocessor()
    reader._register(md)
    out = md.convert(page)
    assert reader.present_anchor_ids == {"p-1", "p-1-q1", "date"}  # not p-9: inert text holds no id
    assert html in out and '<p id="date">z</p>' in out
    assert "data-finished-html-ids" not in out


def _read(page: str) -> list[tuple[str, ...]]:
    """HTML as a parser reads it: tags with their attributes and text (entities decoded)."""

    found: list[tuple[str, ...]] = []

    class Reader(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, *(f"{k}={v}" for k, v in attrs)))

        def handle_data(self, data: str) -> None:
            found.append(("text", data))

    Reader(convert_charrefs=True).feed(page)
    return found


def test_glossary_terms_in_finished_html_are_the_abbr_extensions() -> None:
    """Entity pages' lists are finished HTML: the converter marks glossary terms there as Python-Markdown's abbr
    marks them in a Markdown page's inert text, the same elements with the same titles, in the same places."""
    from types import SimpleNamespace

    from explainer.render.glossary import Abbreviations, abbreviations_fragment
    from explainer.render.text import inert_inline

    terms = [
        ("U.S.", "United States"),
        ("LDP", 'Liberal Democratic Party: "the" <ruling> party & more'),
        ("Vice Premier", "A deputy head of government."),
        ("Premier", "The head of government."),
        ("Consulate General", "A mission."),
        ("Kim-Il", "never found: a hyphen is written as an entity in inert text"),
    ]
    site = SimpleNamespace(data=SimpleNamespace(glossary=[SimpleNamespace(term=t, definition=d) for t, d in terms]))
    texts = [
        "The U.S. and the LDP-led government (LDP) met the Vice Premier; the Premier did not.",
        "Consulate General's staff, Consulate  General\nstaff, foo_LDP, LDP_bar, LDPs, xLDP, 2LDP and Kim-Il.",
        "<b>LDP</b> said: [LDP](x.md) `LDP` *Premier* {!LDP!} &amp; U.S.A.",
        "No term here at all.",
    ]
    abbreviated = Abbreviations(site)  # type: ignore[arg-type]
    for text in texts:
        markdown_page = inert_inline(text) + "\n\n" + abbreviations_fragment(site)  # type: ignore[arg-type]
        expected = markdown.Markdown(extensions=["abbr"]).convert(markdown_page)
        assert _read(f"<p>{abbreviated(text)}</p>") == _read(expected), text
    assert "<abbr" in str(abbreviated(texts[0])) and "<abbr" not in str(abbreviated(texts[3]))
