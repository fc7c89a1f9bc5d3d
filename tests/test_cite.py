"""Citations: quotes found in the right paragraph, whitespace and quote marks forgiven; bad ones refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from explainer.cite import highlight_spans, locate, resolve, span_id
from explainer.corpus import load_corpus
from explainer.data import Citation
from explainer.errors import ExplainerError

SOURCES = load_corpus(ROOT / "sources" / "articles")
BY_ID = {s.id: s for s in SOURCES}
HERE = Path("sources/narrative/topics/incident.md")


def cite(source: str, quote: str, line: int = 7) -> Citation:
    return Citation(source, quote, HERE, line)


def test_quote_is_found_in_its_paragraph_with_exact_span() -> None:
    source = BY_ID["voa-2002-05-10"]
    where = locate("all five people were inside the compound", source)
    assert where is not None and where.paragraph == 5
    text = source.paragraphs[4].text
    assert text[where.start : where.end] == "all five people were inside the compound"


def test_whitespace_and_quote_marks_are_forgiven() -> None:
    source = BY_ID["japantimes-2002-05-24"]
    where = locate("a consulate  official is seen picking up a police\nofficer's hat", source)  # source has ’
    assert where is not None and where.paragraph == 9
    assert (
        source.paragraphs[8].text[where.start : where.end]
        == "a consulate official is seen picking up a police officer’s hat"
    )


def test_unknown_key_quote_missing_and_quote_in_another_source_all_reported() -> None:
    with pytest.raises(ExplainerError) as caught:
        resolve(
            [
                cite("voa-2002-05-11", "all five people", 3),
                cite("voa-2002-05-10", "all six people were inside", 4),
                cite("cns-2002-05-13", "all five people were inside the compound", 5),
            ],
            SOURCES,
        )
    assert [str(p) for p in caught.value.problems] == [
        f"{HERE}:3: unknown source 'voa-2002-05-11' in a citation",
        f"{HERE}:4: quote not found in voa-2002-05-10: “all six people were inside”",
        f"{HERE}:5: quote not found in cns-2002-05-13: “all five people were inside the compound” "
        "(it is in voa-2002-05-10: cite that source instead)",
    ]


def test_overlapping_quotes_share_one_highlighted_span() -> None:
    first = cite("voa-2002-05-10", "based on the video, all five")
    second = cite("voa-2002-05-10", "all five people were inside the compound")
    separate = cite("voa-2002-05-10", "wants China to respond properly")
    resolved = resolve([first, second, separate], SOURCES)
    spans = highlight_spans(list(resolved.values()))
    assert len(spans[("voa-2002-05-10", 5)]) == 2
    assert span_id(resolved[first], spans) == span_id(resolved[second], spans) == "p-5-q1"
    assert span_id(resolved[separate], spans) == "p-5-q2"
