"""A news article's Chicago entry, written without a CSL processor, is citeproc-py's text: for every real source
(this story's and the example's) and for thousands of varied synthetic ones."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from conftest import ROOT
from explainer import citation_formats as cf
from explainer.chicago_article import article_entry, title_case
from explainer.corpus import load_corpus


def _real_works() -> list[cf.Work]:
    folders = [ROOT / "sources" / "articles", *sorted((ROOT / "examples").glob("*/sources/articles"))]
    return [cf.source_work(source) for folder in folders for source in load_corpus(folder)]


def _direct(work: cf.Work) -> str | None:
    return article_entry(work.title, work.container, cf._names(work.author), work.issued, work.url)


def test_every_real_source_is_written_directly_as_citeproc_writes_it() -> None:
    works = _real_works()
    assert len(works) >= 5
    for work in works:
        assert _direct(work) is not None, work.key  # every real source takes the fast way
        assert cf.chicago(work) == cf.citeproc_chicago(work), work.key


TITLE_WORDS = [
    "japan",
    "china",
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "on",
    "over",
    "for",
    "with",
    "up",
    "via",
    "yet",
    "so",
    "by",
    "N.Korean",
    "U.S.",
    "iPhone",
    "eBay",
    "UN",
    "five",
    "talks:",
    "report.",
    "says?",
    "seekers'",
    "“quoted”",
    '"plain"',
    "(edition)",
    "2002",
    "10,000",
    "asylum-seekers",
    "…",
    "—",
    "É",
    "élan",
]
AUTHORS = [
    None,
    "Patrick Goodenough",
    "J. R. Smith",
    "Jane Doe and John Smith",
    "Jane Doe, John Smith and Ann Lee",
    "Kyodo",
    "Kyodo News.",
    "Reuters Staff",
    "Jane van der Berg",
    "staff writer",
    "A, B, C, D, E, F, G, H",
    "Mary-Ann O'Neil",
    "Reuters Inc.",
    "Agence France-Presse!",
    "Jane Doe;",
    " Jane Doe",
]
OUTLETS = [
    None,
    "CNSNews.com",
    "The Japan Times",
    "The Chosun Ilbo (English edition)",
    "voice of america",
    "Inc.",
    "X,",
]
URLS = [None, "https://example.org/story", "http://x.org/a?b=1&c", "https://example.org/a.", "https://example.org/a;"]


def _synthetic_works(count: int) -> list[cf.Work]:
    rng = random.Random(16)
    works = []
    for index in range(count):
        words = [rng.choice(TITLE_WORDS) for _ in range(rng.randint(1, 9))]
        title = rng.choice([" ", " ", "  "]).join(w.upper() if rng.random() < 0.05 else w for w in words)
        issued = (
            None if rng.random() < 0.05 else dt.date(rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28))
        )
        works.append(
            cf.Work(
                f"k{index}",
                "article",
                title,
                rng.choice(OUTLETS),
                rng.choice(AUTHORS),
                issued,
                rng.choice(URLS),
                "note",
            )
        )
    return works


def test_varied_synthetic_articles_are_written_as_citeproc_writes_them() -> None:
    works = _synthetic_works(1200)
    direct = [(work, _direct(work)) for work in works]
    written = [(work, text) for work, text in direct if text is not None]
    # Most take the fast way; the rest (no date, many names, marks at an edge) must still come out right.
    assert len(written) > len(works) // 4  # the lists above are mostly edge cases
    assert len(written) < len(works)
    for work, text in direct:
        assert cf.chicago(work) == cf.citeproc_chicago(work), work
        if text is not None:
            assert text == cf.citeproc_chicago(work), work


@pytest.mark.parametrize(
    ("title", "cased"),
    [
        ("the end of talks: a report", "The End of Talks: A Report"),
        ("over the case of N.Korean defectors", "Over the Case of N.Korean Defectors"),
        ("mixed CASE of iPhone", "Mixed CASE of iPhone"),
    ],
)
def test_title_case_follows_citeproc(title: str, cased: str) -> None:
    assert title_case(title) == cased


def test_a_page_of_this_site_is_still_formatted_by_citeproc() -> None:
    page = cf.Work("k", "page", "Timeline", "The Site", None, dt.date(2026, 1, 2))
    assert cf.chicago(page) == cf.citeproc_chicago(page) == "The Site. “Timeline”. The Site, January 2, 2026."
