"""Dates are read by their parts (explainer.dates); dateparser, a general date parser, is the oracle.

Every date candidate in the real articles (the site's sources and the evaluation set) and every month spelling in
every written form must read as dateparser reads it. Where dateparser reads a date into a word that is no month
("Today 5", "Monday 5, 2002") the converter does not follow it: those cases are in tests/test_extract.py.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
import yaml

from explainer import dates, rules

with warnings.catch_warnings():  # dateparser imports a deprecated pytz/regex API on some versions
    warnings.simplefilter("ignore")
    import dateparser

ROOT = Path(__file__).resolve().parent.parent
EVALDATA = ROOT / "tests" / "evaldata"
# A set marked `blind: true` in the evaluation table is never run through the date reader before its one measurement
BLIND = {
    ROOT / case["file"]
    for case in yaml.safe_load((EVALDATA / "evaluation.yml").read_text(encoding="utf-8"))
    if case.get("blind")
}
REAL_TEXTS = sorted((ROOT / "sources" / "articles").glob("*.txt")) + sorted(
    path for path in (EVALDATA / "articles").glob("*.txt") if path not in BLIND
)


def oracle(text: str) -> tuple[dt.date | None, str] | None:
    """What the converter used to do: dateparser, asked for the parts the text writes out."""

    def parse(parts: list[str]) -> dt.date | None:
        settings = {
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False,
            "REQUIRE_PARTS": parts,
            "RELATIVE_BASE": dt.datetime(dates.NO_YEAR, 1, 1),
        }
        # a Spanish-language site's dateline ("15 de marzo 2022") is read as Spanish
        languages = ["es"] if rules.DATE_CANDIDATES.fullmatch(text) and " de " in text else ["en"]
        value = dateparser.parse(text, languages=languages, settings=settings)
        return value.date() if value else None

    if rules.FOUR_DIGIT_YEAR.search(text):
        if value := parse(["day", "month", "year"]):
            return value, "day"
        if value := parse(["month", "year"]):
            return value.replace(day=1), "month"
        return None
    if value := parse(["day", "month"]):
        return value, "day-month"
    return None


def written_forms() -> list[str]:
    forms = []
    for name in rules.MONTHS:
        for spelling in {name.capitalize(), name.capitalize() + "." if len(name) <= 4 else name.capitalize()}:
            for day in (1, 9, 28, 29, 30, 31):
                forms += [
                    f"{spelling} {day}",
                    f"{spelling} {day}, 2002",
                    f"{day} {spelling} 2011",
                    f"{spelling} {day}th",
                ]
            forms.append(f"{spelling.rstrip('.')} 2002")
    spanish = [
        f"{day} de {name} {of}2019" for name in rules.SPANISH_MONTHS for day in (1, 28, 31) for of in ("", "de ")
    ]
    # figures with dashes where one order alone is a date (a part over 12), or both orders agree
    numeric = [f"{a:02d}-{b:02d}-2024" for a, b in ((13, 6), (6, 13), (31, 12), (12, 31), (6, 6), (29, 2))]
    return forms + spanish + numeric + [f"2002-{m:02d}-{d:02d}" for m in (1, 2, 5, 12) for d in (1, 29, 30, 31)]


def real_candidates() -> list[str]:
    found = set()
    for path in REAL_TEXTS:
        found |= {m.group(0) for m in rules.DATE_CANDIDATES.finditer(path.read_text(encoding="utf-8"))}
    return sorted(found)


def test_the_real_articles_hold_enough_candidates_to_compare() -> None:
    candidates = real_candidates()
    # Measured: 24 articles, 21 distinct candidates, 5 of them a capitalised word before a number ("Since 2002").
    assert len(REAL_TEXTS) >= 24 and len(candidates) >= 21, (len(REAL_TEXTS), candidates)
    assert sum(not c[0].isdigit() and c.split()[0].rstrip(".").casefold() not in rules.MONTHS for c in candidates) >= 5


@pytest.mark.parametrize("group", ["real", "written"])
def test_dates_read_as_dateparser_reads_them(group: str) -> None:
    texts = real_candidates() if group == "real" else written_forms()
    differ = [(t, dates.classify(t), oracle(t)) for t in texts if dates.classify(t) != oracle(t)]
    assert not differ, "\n".join(f"{t!r}: ours {a}, dateparser {b}" for t, a, b in differ)
