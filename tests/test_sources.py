"""The five seed articles, read by hand: each must end up with the right date, evidence and no boilerplate."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from explainer.corpus import load_corpus
from explainer.model import Source

ROOT = Path(__file__).resolve().parent.parent
# The seeds' SHA-256 as the team received them (origin in sources/reference/README.md).
SEED_DIGESTS = ROOT / "sources" / "reference" / "seeds.sha256"


@pytest.fixture(scope="module")
def sources() -> dict[str, Source]:
    return {s.id: s for s in load_corpus(ROOT / "sources" / "articles")}


# (id, date, status, byline flagged) — established by reading each article:
# voa: "- 2002-05-10" after the headline; "China said Thursday" is 9 May.
# cns-05-13: byline 2008 is an archive stamp; cites a story of 10 May 2002; "A spokeswoman said Monday" → 13 May.
# cns-05-22: same stamp; cites 16 May 2002; the five's flight "on Wednesday" → 22 May (they left China 22 May).
# chosun: dateline 9 Dec 2011; "the Yomiuri Shimbun reported on Thursday" → 8 Dec.
# japantimes: no date, no year; "May 20" resolution, "said Friday" → 24 May 2002 at the earliest.
EXPECTED = [
    ("voa-2002-05-10", dt.date(2002, 5, 10), "byline", False),
    ("cns-2002-05-13", dt.date(2002, 5, 13), "inferred", True),
    ("cns-2002-05-22", dt.date(2002, 5, 22), "inferred", True),
    ("chosun-2011-12-09", dt.date(2011, 12, 9), "byline", False),
    ("japantimes-2002-05-24", dt.date(2002, 5, 24), "inferred", False),
]


@pytest.mark.parametrize(("key", "date", "status", "flagged"), EXPECTED)
def test_each_article_gets_the_right_date(
    sources: dict[str, Source], key: str, date: dt.date, status: str, flagged: bool
) -> None:
    source = sources[key]
    assert source.date.value == date
    assert source.date.status == status
    assert (source.date.byline_contradiction is not None) == flagged
    assert source.date.evidence, "every date carries its reasoning"


def test_file_names_carry_the_established_date(sources: dict[str, Source]) -> None:
    for source in sources.values():
        assert source.date.value is not None
        assert source.id.endswith(source.date.value.isoformat())


def test_articles_are_byte_identical_copies_of_the_seeds() -> None:
    seeds = sorted(line.split()[0] for line in SEED_DIGESTS.read_text(encoding="utf-8").splitlines() if line.strip())
    ours = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "sources" / "articles").glob("*.txt"))
    assert len(seeds) == 5
    assert seeds == ours


def test_metadata_given_and_inferred_are_told_apart(sources: dict[str, Source]) -> None:
    cns = sources["cns-2002-05-13"].metadata
    assert cns.origin["outlet"] == "given"
    assert cns.origin["author"] == "byline (line 3)"
    assert cns.get("author") == "Patrick Goodenough"
    japantimes = sources["japantimes-2002-05-24"].metadata
    assert japantimes.origin["title"] == "first sentence (the text has no headline)"
