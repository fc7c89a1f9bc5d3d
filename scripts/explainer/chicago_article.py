"""The Chicago entry of a news article without a CSL processor: the very text citeproc-py writes for it, made
by string operations.

citeproc-py walks the style's XML for every entry (about 5 ms each on this machine: half of converting 1,000
sources). A news article's entry has one fixed shape, so the converter writes it directly, and
tests/test_chicago_article.py checks it equals citeproc-py's output for every real source and for thousands of
varied synthetic ones (names, initials, agencies, outlets, addresses, punctuation at every edge). Whatever falls
outside the cases written out here (no date, many authors, a value with punctuation or spaces at an edge where
citeproc-py's joining rules would act) returns None, and citeproc-py formats it as before: the output never
depends on which way it was made.

What the style does, as citeproc-py 0.11.1 renders it (quirks kept, since it is the reference):
`Family, Given, Given Family, and Given Family. “Title In Title Case”. Outlet In Title Case, May 1, 2002. URL.`
With no author the outlet stands first (as written); with neither, the entry opens with the title."""

from __future__ import annotations

import datetime as dt

# citeproc-py's title case: a lower-case word is capitalised unless it is one of these (a stop word is still
# capitalised after a word ending in ":" or "."). Its list, copied from citeproc.model.TextCased.
_STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "down",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "onto",
        "or",
        "over",
        "so",
        "the",
        "till",
        "to",
        "up",
        "via",
        "with",
        "yet",
    }
)
# Marks citeproc-py drops when two meet where pieces are joined ("Inc." + "." → "Inc."): a value starting or
# ending with one is left to citeproc-py, except where this module repeats the rule itself.
_SEAM = frozenset(".,;:!?")
_MONTHS = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
MOST_AUTHORS = 6  # more names bring in the style's "et al." rules: left to citeproc-py


def title_case(text: str) -> str:
    words = []
    previous = ":"  # the first word is always capitalised
    for word in text.split():
        if word.islower() and (word not in _STOP_WORDS or previous in (":", ".")):
            word = word[0].upper() + word[1:]
        previous = word[-1]
        words.append(word)
    return " ".join(words)


def _plain(value: str | None) -> bool:
    """A value this module writes as citeproc-py would: no spaces or joining marks at its edges."""
    return value is None or (
        value != "" and value == value.strip() and value[0] not in _SEAM and value[-1] not in _SEAM
    )


def _date(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _authors(names: list[dict[str, str]]) -> str:
    written = []
    for index, name in enumerate(names):
        if "literal" in name:
            written.append(name["literal"])
        elif index == 0:  # the first name inverted, as a bibliography sorts it
            written.append(f"{name['family']}, {name['given']}")
        else:
            written.append(f"{name['given']} {name['family']}")
    if len(written) == 1:
        return written[0]
    return ", ".join(written[:-1]) + ", and " + written[-1]


def article_entry(
    title: str, outlet: str | None, names: list[dict[str, str]], issued: dt.date | None, url: str | None
) -> str | None:
    """The Chicago bibliography entry of a news article, or None when citeproc-py must write it."""
    if issued is None or not title.strip() or len(names) > MOST_AUTHORS:
        return None
    if not (_plain(outlet) and _plain(url)):
        return None
    for name in names:
        for part in name.values():
            if not part or part != part.strip() or part[0] in _SEAM or (part[-1] in _SEAM and part[-1] != "."):
                return None
    first = _authors(names) if names else outlet
    entry = ""
    if first:
        entry = first + ("" if first.endswith(".") else ".") + " "  # "Smith, J. R." takes no second period
    entry += f"“{title_case(title)}”"
    if outlet:
        entry += ". " + title_case(outlet)
    entry += ", " + _date(issued) + "."
    if url:
        entry += " " + url + "."
    return " ".join(entry.split())
