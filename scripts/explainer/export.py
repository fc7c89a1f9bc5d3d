"""The data behind the site, for reuse: sources, paragraphs, events, entities, disputes, figures and every
citation, each as JSON and CSV with a JSON Schema (under docs/data/, copied by MkDocs to site/data/).

One table per dataset: its JSON is an array of records and its CSV the same rows (lists joined with "; "), so
one column list defines both and the schema is generated from it."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from . import narrative as narrative_mod
from .cite import ResolvedCitation
from .data import ENTITY_KINDS, MARK, PRECISIONS, Citation
from .render.context import Site
from .render.mentions import split_sentences
from .render.text import date_label
from .render.text import page as _page
from .render.urls import address, entity_path, paragraph_anchor, source_path
from .story import Story

DATA_DIR = "data"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
LIST_SEPARATOR = "; "
TEXT_LIST_SEPARATOR = "\n"  # lists of sentences, which may hold "; " themselves: one per line of the cell
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DATE_STATUSES = ("given", "page", "byline", "inferred", "unknown")


@dataclass(frozen=True)
class Column:
    """One field of a dataset: its JSON type and what it holds (the Data page's description)."""

    name: str
    kind: str  # "string", "integer", "boolean", "list" (of ids or names), "text-list" (of sentences)
    about: str
    nullable: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None

    def schema(self) -> dict[str, Any]:
        if self.kind in ("list", "text-list"):
            out: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
        else:
            out = {"type": [self.kind, "null"] if self.nullable else self.kind}
        if self.enum:
            out["enum"] = [*self.enum, *([None] if self.nullable else [])]
        if self.pattern:
            out["pattern"] = self.pattern
        out["description"] = self.about
        return out


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    about: str
    columns: tuple[Column, ...]

    def schema(self) -> dict[str, Any]:
        return {
            "$schema": SCHEMA_DIALECT,
            "$id": f"{self.name}.schema.json",
            "title": self.title,
            "description": self.about,
            "type": "array",
            "items": {
                "type": "object",
                "properties": {c.name: c.schema() for c in self.columns},
                "required": [c.name for c in self.columns],
                "additionalProperties": False,
            },
        }


def _c(name: str, kind: str, about: str, **options: Any) -> Column:
    return Column(name, kind, about, **options)


PAGE = _c("page", "string", "address of its page on this site, relative to the site root")
DATASETS = (
    Dataset(
        "sources",
        "Sources",
        "The news articles the site is built from, with their metadata and the date as established from evidence.",
        (
            _c("id", "string", "citation key (the article's file name)"),
            _c("title", "string", "headline"),
            _c("outlet", "string", "publisher", nullable=True),
            _c("author", "string", "author as printed or given", nullable=True),
            _c("url", "string", "original address, when known", nullable=True),
            _c("date", "string", "date as established (YYYY-MM-DD)", nullable=True, pattern=ISO_DATE),
            _c("date_label", "string", "the date as the site shows it"),
            _c("date_status", "string", "how the date was established", enum=DATE_STATUSES),
            _c("date_evidence", "text-list", "the reasoning behind the date, one item per finding"),
            _c("byline", "string", "the byline as printed", nullable=True),
            _c("byline_contradiction", "string", "why the byline's date is not trusted", nullable=True),
            _c("rights", "string", "rights statement", nullable=True),
            _c("paragraphs", "integer", "number of paragraphs of article text (see paragraphs)"),
            PAGE,
        ),
    ),
    Dataset(
        "paragraphs",
        "Paragraphs",
        "The cleaned article text, one row per numbered paragraph. The texts belong to their publishers.",
        (
            _c("source", "string", "citation key of the source"),
            _c("number", "integer", "paragraph number (anchor #p-N on the source page)"),
            _c("text", "string", "the paragraph, verbatim"),
            _c("link", "string", "address of the paragraph on this site"),
        ),
    ),
    Dataset(
        "events",
        "Events",
        "Every dated event of the timeline; their citations are in citations (item = the event's id).",
        (
            _c("id", "string", "event id"),
            _c("date", "string", "YYYY, YYYY-MM or YYYY-MM-DD", pattern=ISO_DATE),
            _c("precision", "string", "how precise the date is", enum=PRECISIONS),
            _c("inferred", "boolean", "whether the date was worked out rather than stated"),
            _c("basis", "string", "how an inferred date was worked out", nullable=True),
            _c("thread", "string", "which part of the story"),  # its values: the story's threads (datasets())
            _c("title", "string", "what happened, in a line"),
            _c("text", "string", "what happened"),
            _c("entities", "list", "ids of the people, organisations and places involved (see entities)"),
            _c("sources", "list", "citation keys of the sources cited"),
        ),
    ),
    Dataset(
        "entities",
        "Entities",
        "People, organisations, places and groups the sources name.",
        (
            _c("id", "string", "entity id"),
            _c("name", "string", "name"),
            _c("kind", "string", "what it is", enum=ENTITY_KINDS),
            _c("role", "string", "role at the time"),
            _c("native", "list", "names in native script, where known (the first as used where it belongs)"),
            _c("native_lang", "list", "the language of each native name, in order (ja, zh-Hans, zh-Hant, ko)"),
            _c("aliases", "list", "names by which the sources refer to it"),
            PAGE,
        ),
    ),
    Dataset(
        "disputes",
        "Disputes",
        "Questions on which the sources report the two sides apart; citations of each side are in citations.",
        (
            _c("id", "string", "dispute id (anchor on the disputes page)"),
            _c("question", "string", "the question"),
        ),  # then a position and a sources column per side of the story (datasets())
    ),
    Dataset(
        "figures",
        "Figures",
        "Numbers as each source states them, never added up or corrected.",
        (
            _c("id", "string", "figure id"),
            _c("topic", "string", "what the figures of one group count"),
            _c("number", "string", "the number as the source states it"),
            _c("counts", "string", "what it counts"),
            _c("as_of", "string", "when it was true"),
            _c("source", "string", "citation key"),
            _c("paragraph", "integer", "paragraph of the source that states it"),
            _c("quote", "string", "the words quoted"),
        ),
    ),
    Dataset(
        "citations",
        "Citations",
        "Every citation on the site: the sentence that cites, the source paragraph and the words quoted.",
        (
            _c("page", "string", "the citing page, relative to the site root"),
            _c("item", "string", "id of the event, dispute, figure, entity or term that cites", nullable=True),
            _c("note", "integer", "footnote number on the citing page", nullable=True),
            _c("sentence", "string", "the sentence (or entry) that the citation supports"),
            _c("source", "string", "citation key of the source"),
            _c("paragraph", "integer", "paragraph number in the source"),
            _c("quote", "string", "the quoted words, verbatim"),
            _c("link", "string", "address of the quoted paragraph on this site"),
        ),
    ),
)


def _paragraph_link(source_id: str, number: int) -> str:
    return f"{address(source_path(source_id))}#{paragraph_anchor(number)}"


def _sources(site: Site) -> list[dict[str, Any]]:
    rows = []
    for s in site.sources:
        meta = s.metadata
        rows.append(
            {
                "id": s.id,
                "title": s.title,
                "outlet": meta.get("outlet"),
                "author": meta.get("author"),
                "url": meta.get("url"),
                "date": s.date.value.isoformat() if s.date.value else None,
                "date_label": date_label(s),
                "date_status": s.date.status,
                "date_evidence": list(s.date.evidence),
                "byline": s.byline,
                "byline_contradiction": s.date.byline_contradiction,
                "rights": meta.get("rights"),
                "paragraphs": len(s.paragraphs),
                "page": address(source_path(s.id)),
            }
        )
    return rows


def _paragraphs(site: Site) -> list[dict[str, Any]]:
    return [
        {"source": s.id, "number": p.number, "text": p.text, "link": _paragraph_link(s.id, p.number)}
        for s in site.sources
        for p in s.paragraphs
    ]


def _keys(citations: Iterable[Citation]) -> list[str]:
    return list(dict.fromkeys(c.source for c in citations))


def _events(site: Site) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "date": e.date,
            "precision": e.precision,
            "inferred": e.inferred,
            "basis": e.basis,
            "thread": e.thread,
            "title": e.title,
            "text": e.text,
            "entities": list(e.entities),
            "sources": _keys(e.citations),
        }
        for e in site.data.events
    ]


def _entities(site: Site) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "role": e.role,
            "native": [n.text for n in e.native],
            "native_lang": [n.lang for n in e.native],
            "aliases": list(e.aliases),
            "page": address(entity_path(e.id)),
        }
        for e in site.data.entities
    ]


def _disputes(site: Site) -> list[dict[str, Any]]:
    return [
        {
            "id": d.id,
            "question": d.question,
            **{f"{p.side}_position": p.position for p in d.positions},
            **{f"{p.side}_sources": _keys(p.citations) for p in d.positions},
        }
        for d in site.data.disputes
    ]


def _figures(site: Site) -> list[dict[str, Any]]:
    return [
        {
            "id": f.id,
            "topic": f.topic,
            "number": f.number,
            "counts": f.counts,
            "as_of": f.as_of,
            "source": f.citation.source,
            "paragraph": site.resolved[f.citation].where.paragraph,
            "quote": f.citation.quote,
        }
        for f in site.data.figures
    ]


def _citation_row(
    page: str, item: str | None, note: int | None, sentence: str, resolved: ResolvedCitation
) -> dict[str, Any]:
    paragraph = resolved.where.paragraph
    return {
        "page": page,
        "item": item,
        "note": note,
        "sentence": sentence,
        "source": resolved.source.id,
        "paragraph": paragraph,
        "quote": resolved.citation.quote,
        "link": _paragraph_link(resolved.source.id, paragraph),
    }


_MARKER = re.compile(r"\[\^(\d+)\]")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")
_EMPHASIS = re.compile(r"\*\*|(?<!\w)\*|\*(?!\w)|^\s*(?:[-*+]|\d+\.|!!!.*|\?\?\?.*)\s+")


def _plain(text: str) -> str:
    return " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", text)).split())


def narrative_sentences(page: narrative_mod.NarrativePage) -> dict[int, str]:
    """Footnote number → the sentence of the page that carries it (Markdown links and emphasis removed)."""
    found: dict[int, str] = {}
    blocks: list[list[str]] = [[]]
    for line in page.lines:
        if not line.strip() or _LIST_ITEM.match(line):  # a paragraph or a list item is one unit
            blocks.append([])
        if line.strip():
            blocks[-1].append(line)
    for block in blocks:
        text = _plain(" ".join(block))
        for match in _MARKER.finditer(text):
            before = _MARKER.sub("", text[: match.start()])
            sentences = split_sentences(before)
            found[int(match[1])] = sentences[-1][2] if sentences else before.strip()
    return found


def _plain_marks(text: str) -> str:
    return MARK.sub(lambda m: m["text"], text)  # a mark's words, without its syntax (its basis is in the page)


def _citations(site: Site, narrative: list[narrative_mod.NarrativePage]) -> list[dict[str, Any]]:
    """One row per citation marker the pages carry, in page order (recorded by the pages' footnotes)."""
    sentences = {page.path: narrative_sentences(page) for page in narrative}
    items: dict[Citation, tuple[str, str]] = {}  # a curated citation → (its record's id, the text it supports)
    for event in site.data.events:
        items.update((c, (event.id, event.text)) for c in event.citations)
    for dispute in site.data.disputes:
        for side in dispute.positions:
            items.update((c, (dispute.id, side.position)) for c in side.citations)
    for figure in site.data.figures:
        items[figure.citation] = (figure.id, f"{figure.number}: {figure.counts} ({figure.as_of})")
    for entity in site.data.entities:
        items.update((c, (entity.id, entity.role)) for c in entity.citations)
    for term in site.data.glossary:
        items.update((c, (term.term, term.definition)) for c in term.citations)
    rows = []
    for page, note, citation in site.notes:
        if page in sentences:
            item, sentence = None, sentences[page].get(note, "")
        else:
            item, sentence = items.get(citation, (None, ""))
        rows.append(_citation_row(address(page), item, note, _plain_marks(sentence), site.resolved[citation]))
    return rows


def _csv(dataset: Dataset, rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow([c.name for c in dataset.columns])
    for row in rows:
        writer.writerow([_cell(row[c.name], c.kind) for c in dataset.columns])
    return out.getvalue()


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return (TEXT_LIST_SEPARATOR if kind == "text-list" else LIST_SEPARATOR).join(value)
    return str(value)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def datasets(story: Story) -> tuple[Dataset, ...]:
    """The datasets as this story shapes them: the threads an event may belong to, a column pair per side."""
    shaped = []
    for d in DATASETS:
        if d.name == "events":
            d = replace(
                d, columns=tuple(replace(c, enum=story.thread_ids) if c.name == "thread" else c for c in d.columns)
            )
        elif d.name == "disputes":
            labels = " and ".join(s.label for s in story.sides)
            positions = [
                _c(f"{s.id}_position", "string", f"{s.label}'s position, as the sources report it") for s in story.sides
            ]
            keys = [_c(f"{s.id}_sources", "list", f"citation keys for {s.label}'s position") for s in story.sides]
            about = f"Questions on which the sources report {labels} apart; citations of each side are in citations."
            d = replace(d, about=about, columns=(*d.columns, *positions, *keys))
        shaped.append(d)
    return tuple(shaped)


def dataset_rows(site: Site, narrative: list[narrative_mod.NarrativePage]) -> dict[str, list[dict[str, Any]]]:
    return {
        "sources": _sources(site),
        "paragraphs": _paragraphs(site),
        "events": _events(site),
        "entities": _entities(site),
        "disputes": _disputes(site),
        "figures": _figures(site),
        "citations": _citations(site, narrative),
    }


Rows = dict[str, list[dict[str, Any]]]


def data_files(site: Site, narrative: list[narrative_mod.NarrativePage], rows: Rows | None = None) -> dict[str, str]:
    """Every data file (path under docs/ → text): NAME.json, NAME.csv and NAME.schema.json per dataset."""
    rows = rows or dataset_rows(site, narrative)
    out: dict[str, str] = {}
    for dataset in datasets(site.data.story):
        out[f"{DATA_DIR}/{dataset.name}.json"] = _json(rows[dataset.name])
        out[f"{DATA_DIR}/{dataset.name}.csv"] = _csv(dataset, rows[dataset.name])
        out[f"{DATA_DIR}/{dataset.name}.schema.json"] = _json(dataset.schema())
    return out


def render_data_page(site: Site, narrative: list[narrative_mod.NarrativePage], rows: Rows | None = None) -> str:
    """The Data page: what each file holds, its columns, and the licence situation (`rows`: the data files')."""
    rows = rows or dataset_rows(site, narrative)
    parts = [
        "# Data\n\n",
        "Everything this site is built from, as data to reuse: one table per dataset, as JSON (an array of "
        "records) and as CSV (UTF-8, the same rows; lists joined with “; ”), each described by a JSON Schema. "
        "They are part of the offline download too.\n\n",
        "## Rights\n\n",
        "The article texts (the paragraphs, and the quotes in the citations) belong to their publishers and are "
        "quoted here for research and commentary, as on the [source pages](sources/index.md); reuse them only "
        "as the law where you are allows quotation. The rest — dates and how they were established, events, "
        "entities, disputes, figures as stated, and the links between them — is this site's own work.\n\n",
        "## Files\n\n| Dataset | Rows | JSON | CSV | Schema |\n|---|---:|---|---|---|\n",
    ]
    for d in datasets(site.data.story):
        base = f"{DATA_DIR}/{d.name}"
        parts.append(
            f"| [{d.title}](#{d.name}) | {len(rows[d.name])} | [{d.name}.json]({base}.json) "
            f"| [{d.name}.csv]({base}.csv) | [{d.name}.schema.json]({base}.schema.json) |\n"
        )
    parts.append("\n")
    for d in datasets(site.data.story):
        parts.append(f"## {d.title} {{#{d.name}}}\n\n{d.about}\n\n| Column | Type | Holds |\n|---|---|---|\n")
        for c in d.columns:
            kind = {"string": "text", "list": "list (“; ” in CSV)", "text-list": "list (one per line in CSV)"}.get(
                c.kind, c.kind
            )
            kind += " or empty" if c.nullable else ""
            values = f" One of: {', '.join(c.enum)}." if c.enum else ""
            parts.append(f"| `{c.name}` | {kind} | {c.about}.{values} |\n")
        parts.append("\n")
    description = "The explainer's sources, events, entities, disputes, figures and citations as JSON and CSV."
    return _page("Data", description, "".join(parts))
