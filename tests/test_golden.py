"""Golden files: the cleaned text, metadata, date evidence and rendered page of each seed article.

Regenerate after a reviewed change with `make golden` (pytest --regen-golden), then read `git diff tests/golden`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from explainer.corpus import load_corpus
from explainer.model import Source
from explainer.project import Project, build_pages

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SOURCES = load_corpus(ROOT / "sources" / "articles")
# Golden pages: every source page and the topic pages (the rest is covered by the browser and content tests).
# Pages carry the build date (their "Cite this page"): fixed here, so the golden files do not change by the day.
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
try:
    PAGES = {
        path: text
        for path, text in build_pages(Project(ROOT))[1].items()
        if path.startswith(("sources/", "topics/")) or path == "index.md"
    }
finally:
    del os.environ["SOURCE_DATE_EPOCH"]


def record(source: Source) -> dict[str, object]:
    """What a reviewer checks for one article, in reading order."""
    return {
        "id": source.id,
        "metadata": source.metadata.values,
        "metadata_origin": source.metadata.origin,
        "byline": source.byline,
        "date": source.date.value.isoformat() if source.date.value else None,
        "date_status": source.date.status,
        "byline_contradiction": source.date.byline_contradiction,
        "date_evidence": source.date.evidence,
        "related_stories": source.related,
        "dropped_lines": [
            f"{line.number}: {line.dropped_by}: {line.text.strip()}" for line in source.lines if line.dropped_by
        ],
        "paragraphs": [f"{'## ' if p.subhead else ''}{p.text}" for p in source.paragraphs],
        "warnings": source.warnings,
    }


def check(path: Path, actual: str, regen: bool) -> None:
    if regen:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} missing: run `make golden`"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs: review, then `make golden`"


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.id)
def test_golden_record(source: Source, regen_golden: bool) -> None:
    text = json.dumps(record(source), ensure_ascii=False, indent=2) + "\n"
    check(GOLDEN / f"{source.id}.json", text, regen_golden)


@pytest.mark.parametrize("path", sorted(PAGES), ids=str)
def test_golden_page(path: str, regen_golden: bool) -> None:
    check(GOLDEN / path.replace("/", "__"), PAGES[path], regen_golden)
