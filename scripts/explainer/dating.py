"""Dating: the date each source is shown with, established from its byline, its text and the corpus, with evidence."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from . import dates, rules
from .model import DateFinding, DateMention, Source


def fmt(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


@dataclass(frozen=True)
class YearHint:
    """A year borrowed from other sources for an article that writes no year at all."""

    year: int
    reason: str


def _where(source: Source, line: int) -> str:
    """Where a line of the raw file is, as the reader finds it: the paragraph number shown beside the article
    ("¶24"), or the raw line when the line is not part of the article text (a byline, a dateline)."""
    if not (0 < line <= len(source.lines)) or source.lines[line - 1].dropped_by:
        return f"line {line}"
    holding = [p for p in source.paragraphs if p.first_line <= line]
    return f"¶{holding[-1].number}" if holding else f"line {line}"


def _quote(mention: DateMention, source: Source) -> str:
    return f"“{mention.text}” ({_where(source, mention.line)})"


def _quoted(mention: DateMention) -> bool:
    """The date stands inside quotation marks in its line: a speaker's date."""
    at = mention.context.find(mention.text)
    return any(q.start() < at < q.end() for q in rules.QUOTATION.finditer(mention.context))


def _newest_full_date(source: Source) -> DateMention | None:
    full = [m for m in source.mentions if m.precision == "day" and m.value and not _quoted(m)]
    return max(full, key=lambda m: m.value or dt.date.min) if full else None


def byline_contradiction(source: Source) -> str | None:
    """Why the byline date cannot be right, when the text says so; None when the text agrees or is silent."""
    newest = _newest_full_date(source)
    if source.byline_date is None or newest is None or newest.value is None:
        return None
    gap = (source.byline_date - newest.value).days
    if gap <= rules.BYLINE_CONTRADICTION_DAYS:
        return None
    cited = sorted({m.value for m in source.mentions if m.cited_story and m.precision == "day" and m.value})
    reason = (
        f"The byline gives {fmt(source.byline_date)}, but the newest date in the text is "
        f"{fmt(newest.value)} ({_quote(newest, source)}), {gap // 365} year{'s' if gap >= 730 else ''} earlier"
    )
    if cited:
        reason += f"; the article points readers to earlier stories of {', '.join(fmt(d) for d in cited)}"
    return reason + ". The byline date is most likely when the page was archived, not when it was written."


def establish(
    source: Source, given: str | None, hint: YearHint | None = None, archive_stamp: str | None = None
) -> DateFinding:
    """The date of one source: given in metadata, else its byline (unless contradicted), else inferred.

    `archive_stamp`: why the byline is another article's contradicted archive stamp, when the corpus shows it.
    """
    contradiction = byline_contradiction(source) or archive_stamp
    found = source.metadata.origin.get("date")
    if given and found and found != "given":
        value = dt.date.fromisoformat(given)
        finding = DateFinding(value, "page", [f"Read from the {found} when the article was added: {fmt(value)}."])
    elif given:
        value = dt.date.fromisoformat(given)
        finding = DateFinding(value, "given", [f"Given in the article's metadata file as {fmt(value)}."])
    elif source.byline_date and not contradiction:
        return DateFinding(source.byline_date, "byline", _byline_evidence(source))
    else:
        finding = _infer(source, hint)
    finding.byline_contradiction = contradiction
    return finding


def shared_archive_stamp(source: Source, stamped: dict[str, Source]) -> str | None:
    """The byline line printed, word for word, on another source whose own text contradicts it."""
    other = stamped.get(source.byline or "")
    if other is None or other is source or source.byline_date is None:
        return None
    return (
        f"The byline “{source.byline}” is printed word for word on {other.id}, whose text shows it is not "
        f"that article's date: {fmt(source.byline_date)} is when the outlet's archive was stamped, "
        "not when this article was written."
    )


def _byline_evidence(source: Source) -> list[str]:
    assert source.byline_date is not None
    evidence = [f"Printed with the article: “{source.byline}” (line {_byline_line(source)})."]
    seen: set[str] = set()
    for mention in source.mentions:
        if mention.precision != "weekday" or mention.text in seen:
            continue
        seen.add(mention.text)
        day = dates.on_or_before(source.byline_date, mention.text)
        lag = (source.byline_date - day).days
        when = "the same day" if lag == 0 else f"{lag} day{'s' if lag > 1 else ''} before"
        evidence.append(f"The text's “{mention.text}” ({_where(source, mention.line)}) fits: it is {fmt(day)}, {when}.")
    return evidence


def _byline_line(source: Source) -> int | str:
    for line in source.lines:
        if line.dropped_by in {rules.BYLINE_RULE, rules.DATELINE_RULE, "headline"} and (
            source.byline and source.byline in line.text
        ):
            return line.number
    return "?"


def _later_month(source: Source, anchor: dt.date) -> DateMention | None:
    """A month written with its year ("In late July 2017"), or a year alone ("until 2017"), later than the newest
    full date: that date is history the article recalls, not its day."""
    later = [
        m
        for m in source.mentions
        if m.value
        and not m.cited_story
        and (
            (m.precision == "month" and (m.value.year, m.value.month) > (anchor.year, anchor.month))
            or (m.precision == "year" and m.value.year > anchor.year)
        )
    ]
    return max(later, key=lambda m: m.value or dt.date.min) if later else None


def _recalled(source: Source, mention: DateMention) -> bool:
    """The sentence around the date recalls it as history ("which echoed the Nov. 4, 1979 storming …"), or the words
    right before it make it a past bound ("since January 3, 1961")."""
    if not 0 < mention.line <= len(source.lines):
        return False
    text = source.lines[mention.line - 1].text
    at = text.find(mention.text)
    if at < 0:
        return False
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at)) + 1
    end = min(
        (i for i in (text.find(p, at + len(mention.text)) for p in (". ", "? ", "! ")) if i >= 0), default=len(text)
    )
    return bool(rules.RECALLED_DATE_CUE.search(text[start:end]) or rules.RECALLED_DATE_BEFORE.search(text[start:at]))


def _says_when(source: Source) -> bool:
    """The text places its news in time: a weekday or "today"."""
    return any(m.precision == "weekday" and not m.cited_story for m in source.mentions) or any(
        rules.RELATIVE_DAY.search(p.text) for p in source.paragraphs
    )


def _with_its_weekday(mention: DateMention) -> bool:
    """The date is printed after its own weekday: "Thursday, April 8, 2021"."""
    at = mention.context.find(mention.text)
    before = rules.WEEKDAY_BEFORE_DATE.search(mention.context[:at]) if at > 0 else None
    if before is None or mention.value is None:
        return False
    return dates.weekday_index(before.group("day")) == mention.value.weekday()


def _lede_lines(source: Source) -> range:
    """The raw lines of the article's first paragraph of prose: one that ends a sentence (a standfirst set without
    its full stop above the lede is not it)."""
    for paragraph in source.paragraphs:
        if (
            not paragraph.subhead
            and len(paragraph.text.split()) >= rules.TAIL_PROSE_MIN_WORDS
            and rules.SENTENCE_END.search(paragraph.text)
        ):
            return range(paragraph.first_line, paragraph.first_line + paragraph.text.count("\n") + 1)
    return range(0)


def _news_weekdays(source: Source) -> list[DateMention]:
    """The weekdays that date the news: the lede's, if it names one; else every weekday of the text."""
    weekdays = [m for m in source.mentions if m.precision == "weekday"]
    lede = _lede_lines(source)
    if any(m.line in lede for m in weekdays):
        # the lede's day is the news; a weekday further down may be ahead ("holds elections on Wednesday")
        weekdays = [m for m in weekdays if m.line in lede]
    return weekdays


def _run_in_dateline(mention: DateMention, source: Source) -> bool:
    """The date opens the lede after the place it was filed from: the day the article was written."""
    at = mention.context.find(mention.text)
    return (
        at > 0
        and mention.line in _lede_lines(source)
        and bool(rules.RUN_IN_DATELINE_PLACE.fullmatch(mention.context[:at]))
        and bool(rules.RUN_IN_DATELINE_AFTER.match(mention.context[at + len(mention.text) :]))
    )


def _from_embedded_post(mention: DateMention) -> bool:
    """The date is the one under a post embedded in the page ("— WikiLeaks (@wikileaks) April 11, 2019"), on a line
    of its own (dropped, read like a caption's) or run on after the post's words, which stay in the text."""
    signature = rules.EMBEDDED_POST_LINES.pattern.search(mention.context)
    return signature is not None and signature.group(0).endswith(mention.text)


def _infer(source: Source, hint: YearHint | None) -> DateFinding:
    evidence: list[str] = []
    anchor: dt.date | None = None
    newest = _newest_full_date(source)
    day_months = [m for m in source.mentions if m.precision == "day-month" and m.value]
    if newest and newest.value:
        anchor = newest.value
        kind = (
            "an earlier story it cites"
            if newest.cited_story
            else "a photo caption"
            if newest.in_caption
            else "the text"
        )
        evidence.append(
            f"The newest full date written in the article is {fmt(anchor)} ({_quote(newest, source)}, in {kind}), "
            "so the article is no older than that."
        )
    elif hint and day_months:
        evidence.append(hint.reason)
        dated = [(m, m.value.replace(year=hint.year)) for m in day_months if m.value]
        newest_mention, anchor = max(dated, key=lambda pair: pair[1])
        evidence.append(
            f"The latest date it writes is {_quote(newest_mention, source)}: {fmt(anchor)}, so the article is no older."
        )
    if anchor is not None and newest is not None and newest.in_caption and newest.value == anchor:
        if rules.FILE_PHOTO.search(newest.context):
            reason = (
                f"The only full date is a caption's that calls its picture a file photo ({_quote(newest, source)}): "
                "the article is newer, but no day in it can be read; the date is unknown."
            )
            return DateFinding(None, "unknown", [*evidence, reason])
        if not _says_when(source):
            reason = (
                f"The only full date is a photo caption's ({_quote(newest, source)}), and the text says nothing of "
                "when it happened relative to it (no weekday, no “today”): the date is unknown."
            )
            return DateFinding(None, "unknown", [*evidence, reason])
        lede = _lede_lines(source)  # the dateline's day ("LA PAZ, Bolivia, Sept. 11 (UPI)"), not background
        other_day = [
            m
            for m in day_months
            if m.value
            and m.line in lede
            and not m.cited_story
            and (m.value.month, m.value.day) != (anchor.month, anchor.day)
        ]
        if other_day:
            # before the caption's day in its year, the article is of a later year; after it, of that year or a
            # later one: either way the photo is a file photo and the article's year cannot be read
            reason = (
                f"The text's own {_quote(other_day[0], source)} is another day than the caption's date: the "
                "photo is older than the article, whose year cannot be read; the date is unknown."
            )
            return DateFinding(None, "unknown", [*evidence, reason])
    if anchor is not None and newest is not None and newest.value == anchor and _from_embedded_post(newest):
        # a post quoted in the page answers the news: the article is no older than it, but the post's date is the
        # post's, not the page's, even where the text's weekday is the post's own day (the annotated sets agree)
        reason = (
            f"The only full date is an embedded post's ({_quote(newest, source)}): the post answers the news and "
            "the article is no older than it, but a post's date is not the article's; the date is unknown."
        )
        return DateFinding(None, "unknown", [*evidence, reason])
    if anchor is not None and newest is not None and newest.value == anchor and _recalled(source, newest):
        reason = (
            f"The sentence holding {_quote(newest, source)} recalls it as history: the article is newer, "
            "but no day in it can be read; the date is unknown."
        )
        return DateFinding(None, "unknown", [*evidence, reason])
    if anchor is None:
        reason = "No date is printed with the article and none can be read from its text; the date is unknown."
        return DateFinding(None, "unknown", [reason])
    if later := _later_month(source, anchor):
        reason = (
            f"The text also reports {_quote(later, source)}, later than its newest full date: "
            "the article is newer than that month, but no day in it can be read; the date is unknown."
        )
        return DateFinding(None, "unknown", [*evidence, reason])
    printed_with_weekday = newest is not None and newest.value == anchor and _with_its_weekday(newest)
    in_dateline = newest is not None and newest.value == anchor and _run_in_dateline(newest, source)
    if not _says_when(source) and not printed_with_weekday and not in_dateline:
        # as for a caption's date: a date in the text is when something happened, and the article is no older, but
        # with no weekday and no "today" the text does not say how long after it was written
        reason = (
            "The text says nothing of when it was written relative to that date (no weekday, no “today”, no "
            "weekday printed with the date): the article is no older, but no day in it can be read; the date is "
            "unknown."
        )
        return DateFinding(None, "unknown", [*evidence, reason])
    value = anchor
    if printed_with_weekday:
        # "Thursday, April 8, 2021": the text's weekdays are of that week, not after it
        evidence.append(
            f"Its newest full date is printed with its weekday ({_quote(newest, source)}): the text's weekdays "
            "fall in that week, not after it."
        )
        evidence.append(f"Date shown: {fmt(value)}, inferred as the earliest date consistent with the text.")
        return DateFinding(value, "inferred", evidence)
    resolved: dict[str, tuple[dt.date, DateMention]] = {}
    for mention in _news_weekdays(source):
        if mention.text not in resolved:
            resolved[mention.text] = (dates.on_or_after(anchor, mention.text), mention)
    if resolved:
        latest, first = max(resolved.values(), key=lambda pair: pair[0])
        evidence.append(
            f"The text reports what happened on “{first.text}” ({_where(source, first.line)}): "
            f"the first {first.text} on or after {fmt(anchor)} is {fmt(latest)}."
        )
        value = max(value, latest)
    evidence.append(
        f"Date shown: {fmt(value)}, inferred as the earliest date consistent with the text; "
        "the article may have been published a day or so later."
    )
    return DateFinding(value, "inferred", evidence)


@dataclass
class DatedYears:
    """The dated sources by year, and the names only each year's sources use: built once per corpus."""

    sources: dict[int, list[Source]]
    own_names: dict[int, set[str]]

    @classmethod
    def of(cls, dated: list[Source]) -> DatedYears:
        by_year: dict[int, list[Source]] = {}
        for source in dated:
            if source.date.value:
                by_year.setdefault(source.date.value.year, []).append(source)
        names = {y: set().union(*(proper_names(o) for o in others)) for y, others in by_year.items()}
        own = {y: n - set().union(*(m for other, m in names.items() if other != y)) for y, n in names.items()}
        return cls(by_year, own)


def year_hint(source: Source, years: DatedYears) -> YearHint | None:
    """For an article that writes no year: the year whose sources alone share the most names with it."""
    names = proper_names(source)
    by_year = years.sources
    best: tuple[int, list[str]] | None = None
    for year in sorted(by_year):
        shared = sorted(names & years.own_names[year])  # names no other year's sources share
        if best is None or len(shared) > len(best[1]):
            best = (year, shared)
    if best is None or len(set(best[1]) - rules.TITLE_WORDS) < rules.YEAR_FROM_CORPUS_MIN_SHARED_NAMES:
        return None
    year, shared = best
    reason = (
        f"No year is written in the article. It shares {len(shared)} names found in no source of another year "
        f"({', '.join(shared[:8])}{', …' if len(shared) > 8 else ''}) with the sources dated {year} "
        f"({', '.join(o.id for o in by_year[year])}), so its dates are read as {year} (inferred)."
    )
    return YearHint(year, reason)


def proper_names(source: Source) -> frozenset[str]:
    """Capitalised words inside sentences (not sentence-initial), one by one: "Yoriko", "Kawaguchi"."""
    return _proper_names(tuple(p.text for p in source.paragraphs))


@functools.lru_cache(maxsize=1 << 14)  # the live preview dates the whole corpus again on every rebuild
def _proper_names(texts: tuple[str, ...]) -> frozenset[str]:
    found = {w for text in texts for m in rules.PROPER_NAME.finditer(text) for w in m.group(0).split()}
    return frozenset(name for name in found if name not in rules.NOT_NAMES and len(name) >= 4)


def writes_no_year(source: Source) -> bool:
    return source.byline_date is None and not any(m.precision in {"day", "month", "year"} for m in source.mentions)
