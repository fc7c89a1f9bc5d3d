"""Finding dates written in text: candidate spans by pattern (rules.DATE_CANDIDATES), read by their parts."""

from __future__ import annotations

import datetime as dt
import re

from . import rules
from .model import DateMention

# Year-less dates keep this leap year, so that "February 29" stays valid; the year is dropped.
NO_YEAR = 2000
_DIGIT = re.compile(r"\d")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def classify(text: str) -> tuple[dt.date | None, str] | None:
    """(value, precision) of a date string, or None when it is no date. Year-less dates keep year 2000."""
    match = rules.DATE_CANDIDATES.fullmatch(text)
    return read_candidate(match) if match else None


def read_candidate(match: re.Match[str]) -> tuple[dt.date | None, str] | None:
    """`classify` for a match of rules.DATE_CANDIDATES, read from its named parts."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if "num_first" in groups:
        return _numeric(int(groups["num_first"]), int(groups["num_second"]), int(groups["num_year"]))
    parts = {k.split("_")[1]: v for k, v in groups.items()}
    month = parts["month"]
    names = rules.SPANISH_MONTHS if "es_month" in groups else rules.MONTHS
    number = int(month) if month.isdigit() else names.get(month.casefold())
    if number is None:
        return None
    if "day" not in parts:
        value = _date(int(parts["year"]), number, 1)
        return (value, "month") if value else None
    if "year" not in parts:
        value = _date(NO_YEAR, number, int(parts["day"]))
        return (value, "day-month") if value else None
    value = _date(int(parts["year"]), number, int(parts["day"]))
    return (value, "day") if value else None


def _numeric(first: int, second: int, year: int) -> tuple[dt.date | None, str] | None:
    """A date written in figures with dashes: day-month-year or month-day-year, whichever alone is a date (both
    when they agree, "06-06-2024"); neither when both are ("05-06-2024": the page's country would decide)."""
    readings = {value for value in (_date(year, second, first), _date(year, first, second)) if value}
    return (readings.pop(), "day") if len(readings) == 1 else None


def full_date(text: str) -> dt.date | None:
    """The first complete date (day, month and year) written in `text`."""
    for match in rules.DATE_CANDIDATES.finditer(text):
        found = read_candidate(match)
        if found and found[1] == "day":
            return found[0]
    return None


def find_mentions(text: str, line: int, cited_story: bool = False) -> list[DateMention]:
    """Every date, bare year and weekday written in one line of text."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    digits = bool(_DIGIT.search(text))  # every date and year pattern needs one; half the paragraphs have none
    for match in rules.DATE_CANDIDATES.finditer(text) if digits else ():
        found = read_candidate(match)
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
