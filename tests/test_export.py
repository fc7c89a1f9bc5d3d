"""The data under site/data/: every JSON file valid against its schema, every CSV read back to the same rows, and
the citations table agreeing with the footnotes a reader sees."""

from __future__ import annotations

import csv
import html.parser
import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from explainer.cite import normalise
from explainer.data import load_data
from explainer.export import LIST_SEPARATOR, TEXT_LIST_SEPARATOR, Dataset, datasets
from explainer.render.text import nested_quote

DATA = load_data(ROOT / "sources")
DATASETS = datasets(DATA.story)  # the columns this story gives the datasets (a column pair per side)


def _load(site: Path, name: str, suffix: str) -> object:
    return json.loads((site / "data" / f"{name}{suffix}").read_text(encoding="utf-8"))


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
def test_json_is_valid_against_its_schema(built_site: Path, dataset: Dataset) -> None:
    schema = _load(built_site, dataset.name, ".schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    rows = _load(built_site, dataset.name, ".json")
    jsonschema.Draft202012Validator(schema).validate(rows)
    assert rows, f"{dataset.name} is empty"


def test_schema_refuses_a_bad_row(built_site: Path) -> None:
    schema = _load(built_site, "events", ".schema.json")
    rows = _load(built_site, "events", ".json")
    assert isinstance(rows, list)
    bad = [dict(rows[0], thread="elsewhere")]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def _typed(value: str, kind: str, nullable: bool) -> object:
    if value == "" and nullable:
        return None
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return {"true": True, "false": False}[value]
    if kind in ("list", "text-list"):
        return value.split(LIST_SEPARATOR if kind == "list" else TEXT_LIST_SEPARATOR) if value else []
    return value


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
def test_csv_reads_back_to_the_json_rows(built_site: Path, dataset: Dataset) -> None:
    with (built_site / "data" / f"{dataset.name}.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == [c.name for c in dataset.columns]
        rows = [{c.name: _typed(row[c.name], c.kind, c.nullable) for c in dataset.columns} for row in reader]
    assert rows == _load(built_site, dataset.name, ".json")


def test_events_csv_has_every_event(built_site: Path) -> None:
    with (built_site / "data" / "events.csv").open(encoding="utf-8", newline="") as stream:
        ids = [row["id"] for row in csv.DictReader(stream)]
    assert ids == [e.id for e in DATA.events]


class _Footnotes(html.parser.HTMLParser):
    """Each footnote's text, by number; and how many of them link to a source paragraph (citations, not marks)."""

    def __init__(self) -> None:
        super().__init__()
        self.notes: dict[int, str] = {}
        self.citing: set[int] = set()
        self.current: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        ident = values.get("id") or ""
        if tag == "li" and ident.startswith("fn:"):
            self.current = int(ident.removeprefix("fn:"))
            self.notes[self.current] = ""
        elif tag == "a" and self.current is not None and "sources/" in (values.get("href") or ""):
            self.citing.add(self.current)

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.notes[self.current] += data


def test_citations_match_the_footnotes_on_every_page(built_site: Path) -> None:
    rows = _load(built_site, "citations", ".json")
    assert isinstance(rows, list)
    pages: dict[str, _Footnotes] = {}
    for row in rows:
        if row["page"] not in pages:
            pages[row["page"]] = _Footnotes()
            pages[row["page"]].feed((built_site / row["page"]).read_text(encoding="utf-8"))
        note = pages[row["page"]].notes.get(row["note"], "")
        # A note sets the quote inside its own “…”, so the quote's double marks show as single ones.
        assert normalise(nested_quote(row["quote"]))[0].strip() in normalise(note)[0], row
    for page, parser in pages.items():  # every citing footnote of the page is a row, and no more
        assert sorted(r["note"] for r in rows if r["page"] == page) == sorted(parser.citing), page
    paragraphs = {(p["source"], p["number"]): p["text"] for p in _load(built_site, "paragraphs", ".json")}  # type: ignore[union-attr]
    for row in rows:
        assert row["sentence"], row
        assert normalise(row["quote"])[0].strip() in normalise(paragraphs[(row["source"], row["paragraph"])])[0]
    assert Counter(row["page"] for row in rows)["timeline.html"] == sum(len(e.citations) for e in DATA.events)


def test_data_page_is_linked_from_about_and_links_every_file(built_site: Path) -> None:
    assert 'href="data.html"' in (built_site / "about.html").read_text(encoding="utf-8")
    page = (built_site / "data.html").read_text(encoding="utf-8")
    for dataset in DATASETS:
        for suffix in (".json", ".csv", ".schema.json"):
            assert f'href="data/{dataset.name}{suffix}"' in page
    assert "belong to their publishers" in page
