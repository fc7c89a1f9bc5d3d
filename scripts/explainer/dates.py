"""Finding dates written in text: candidate spans by pattern, parts and values decided by dateparser."""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings

from . import rules
from .model import DateMention

with warnings.catch_warnings():  # dateparser imports a deprecated pytz/regex API on some versions
    warnings.simplefilter("ignore")
    import dateparser

_BASE = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
# Year-less dates are parsed against a fixed leap year so that "February 29" stays valid; the year is dropped.
_NO_YEAR_BASE = dt.datetime(2000, 1, 1)
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=65536)
def _parse(text: str, parts: tuple[str, ...]) -> dt.date | None:
    settings = dict(_BASE, REQUIRE_PARTS=list(parts), RELATIVE_BASE=_NO_YEAR_BASE)
    value = dateparser.parse(text, languages=["en"], settings=settings)
    return value.date() if value else None


def classify(text: str) -> tuple[dt.date | None, str] | None:
    """(value, precision) of a date string, or None when it is no date. Year-less dates keep year 2000."""
    if rules.FOUR_DIGIT_YEAR.search(text):  # dateparser reads "May 20" as May 2020: a year must be written out
        if value := _parse(text, ("day", "month", "year")):
            return value, "day"
        if value := _parse(text, ("month", "year")):
            return value.replace(day=1), "month"
        return None
    if value := _parse(text, ("day", "month")):
        return value, "day-month"
    return None


def full_date(text: str) -> dt.date | None:
    """The first complete date (day, month and year) written in `text`."""
    for match in rules.DATE_CANDIDATES.finditer(text):
        found = classify(match.group(0))
        if found and found[1] == "day":
            return found[0]
    return None


def find_mentions(text: str, line: int, cited_story: bool = False) -> list[DateMention]:
    """Every date, bare year and weekday written in one line of text."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    digits = bool(_DIGIT.search(text))  # every date and year pattern needs one; half the paragraphs have none
    for match in rules.DATE_CANDIDATES.finditer(text) if digits else ():
        found = classify(match.group(0))
        if not found:
            continue
        value, precision = found
        mentions.append(DateMention(match.group(0), line, value, precision, text, cited_story))
        taken.append(match.span())
    for match in rules.YEAR_MENTION.finditer(text) if digits else ():
        if any(a <= match.start() < b for a, b in taken):
            continue
        year = int(match.group(0))
        mentions.append(DateMention(match.group(0), line, dt.date(year, 1, 1), "year", text, cited_story))
    for match in rules.WEEKDAY.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        mentions.append(DateMention(match.group("day"), line, None, "weekday", text, cited_story))
    return sorted(mentions, key=lambda m: text.find(m.text))


def weekday_index(name: str) -> int:
    return [d.casefold() for d in rules.calendar.day_name].index(name.casefold())


def on_or_after(anchor: dt.date, weekday: str) -> dt.date:
    return anchor + dt.timedelta(days=(weekday_index(weekday) - anchor.weekday()) % 7)


def on_or_before(anchor: dt.date, weekday: str) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday_index(weekday)) % 7)
