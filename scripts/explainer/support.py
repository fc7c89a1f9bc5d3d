"""Support lint: each cited sentence's numbers, dates, names and speaker must be found in the paragraphs it cites.

A citation proves that its quote is in the source; this proves more of the sentence. Words the cited paragraphs
do not hold fail the build unless the editor marks them, visibly to readers, as inferred or background."""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import rules
from .cite import ResolvedCitation, normalise
from .data import LOOKS_LIKE_MARK, MARK, Citation, CuratedData, Entity, Mark, marks_in
from .errors import Problem
from .model import Source
from .narrative import CITATION, CitationUse, NarrativePage

MONTH_NUMBER = {name: number for number, name in enumerate(calendar.month_name) if name}
WEEKDAYS = frozenset(calendar.day_name)
# Capitalised words that are never a speaker: sentence openers, months, weekdays.
_NOT_SPEAKERS = rules.SENTENCE_OPENERS | {w.lower() for w in (*calendar.month_name[1:], *calendar.day_name)}
# Markdown the lint reads through: links (their label is a cross-reference, not a claim), emphasis, HTML tags.
_LINK = re.compile(r"\[(?P<label>[^\]]*)\]\((?P<target>[^)]*)\)(?:\{[^}]*\})?")
_NOISE = re.compile(r"^\s*\*\*[^*]+:\*\*|<[^>]+>|\*\*|(?<!\w)\*|\*(?!\w)|`")  # "**When:**" is a label
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*[A-Za-z]|[A-Za-z]|[^\w\s]")
_CAPITALISED = re.compile(r"(?<![\w'’-])(?P<word>[A-Z][A-Za-z]*(?:\.[A-Z])*\.?)")


@dataclass(frozen=True)
class Claim:
    """One sentence or data field that carries citations, as the editor wrote it, and where."""

    id: str  # anchor on the claims review page: claim-1, claim-2 …
    group: str  # the page or data file a reader finds it on, e.g. "The incident", "Timeline"
    page: str  # the generated page that shows it (path under docs/), "" when none
    path: Path
    line: int
    text: str  # as written: marks kept, citations removed
    citations: tuple[Citation, ...]
    side: str | None = None  # a dispute position: the entity whose words every citation must report
    date: str | None = None  # an event's date (YYYY[-MM[-DD]]) when not marked inferred
    subject: str | None = None  # an entity's role: the entity it describes, named though not written


@dataclass(frozen=True)
class Check:
    """One checkable token of a claim and what supports it ("" when nothing does)."""

    token: str
    kind: str  # "number", "date", "weekday", "name", "speaker", "side"
    evidence: str

    @property
    def ok(self) -> bool:
        return bool(self.evidence)


@dataclass
class Review:
    """A claim with the result of every check, and its marks."""

    claim: Claim
    checks: list[Check] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


@dataclass(frozen=True)
class Cited:
    """A paragraph a claim cites, read once for everything the lint looks for."""

    source: Source
    number: int
    text: str

    @property
    def label(self) -> str:
        return f"¶{self.number} {self.source.id}"


# --- reading a sentence ------------------------------------------------------------------------------------


def plain(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as a reader reads it, and the spans of marked words in it (which need no support)."""
    out: list[str] = []
    marked: list[tuple[int, int]] = []
    position = 0
    length = 0
    pattern = re.compile(f"{MARK.pattern}|{_LINK.pattern}")
    for match in pattern.finditer(text):
        before = _NOISE.sub("", text[position : match.start()])
        out.append(before)
        length += len(before)
        if match["kind"]:
            words = _NOISE.sub("", match["text"])
            marked.append((length, length + len(words)))
        else:  # a link's label names a page of the site: a cross-reference, not a claim
            words = " " * len(match["label"])
        out.append(words)
        length += len(words)
        position = match.end()
    out.append(_NOISE.sub("", text[position:]))
    return "".join(out), marked


def _inside(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def numbers(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[tuple[str, int, tuple[int, int]]]:
    """(as written, value, span) for every number in digits or words."""
    skip = list(skip)
    found = []
    for match in rules.NUMERAL.finditer(text):
        if not _inside(match.span(), skip):
            found.append((match.group(0), int(match["digits"].replace(",", "")), match.span()))
    for match in rules.NUMBER_WORD.finditer(text):
        if not _inside(match.span(), skip):
            found.append((match.group(0), rules.NUMBER_WORDS[match["word"].lower()], match.span()))
    return sorted(found, key=lambda item: item[2])


def _stem(word: str) -> str:
    word = word.lower().rstrip(".").replace("’", "'")
    for suffix in ("'s", "s'"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=1 << 12)
def _paragraph_facts(text: str) -> tuple[frozenset[int], frozenset[tuple[int | None, int]], frozenset[str], str]:
    """Numbers, (day, month) pairs (day None for a bare month), word stems and weekdays of a paragraph."""
    values = frozenset(value for _, value, _ in numbers(text))
    dates: set[tuple[int | None, int]] = set()
    for match in rules.DATE_EXPRESSION.finditer(text):
        day = match["day"] or match["day_after"]
        dates.add((int(day) if day else None, MONTH_NUMBER[match["month"]]))
        dates.add((None, MONTH_NUMBER[match["month"]]))
    stems = frozenset(_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'’.]*[A-Za-z]|[A-Za-z]", text))
    return values, frozenset(dates), stems, text


class Names:
    """Which entity a word names, by its aliases and refs, and whether a paragraph names that entity."""

    def __init__(self, entities: list[Entity]):
        self.entities = {e.id: e for e in entities}
        self.patterns = {
            e.id: re.compile(
                r"(?<![\w-])(?:"
                + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted({*e.aliases, *e.refs}, key=len)[::-1])
                + r")(?:'s|’s)?(?![\w-])",
                re.IGNORECASE,
            )
            for e in entities
            if e.aliases or e.refs
        }
        self.role_words = {e.id: {_stem(w) for w in re.findall(r"[A-Za-z.]+", e.role)} for e in entities}

    def occurrences(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        return [(entity_id, m.span()) for entity_id, p in self.patterns.items() for m in p.finditer(text)]

    def named_in(self, entity_id: str, text: str) -> str | None:
        pattern = self.patterns.get(entity_id)
        match = pattern.search(text) if pattern else None
        return match.group(0) if match else None

    def with_sides(self, ids: set[str]) -> set[str]:
        return ids | {self.entities[i].side for i in ids if self.entities[i].side}  # type: ignore[misc]


def speakers(text: str, names: Names) -> list[tuple[int, set[str], set[str], str]]:
    """For each reporting verb: its position, the entities named as its speaker, and the speaker's other
    capitalised words. "Beijing also insisted" → Beijing; "…,” Koizumi said" → Koizumi; "it said" → nobody."""
    words = [(m.group(0), m.span()) for m in _WORD.finditer(text)]
    found = []
    for index, (word, span) in enumerate(words):
        if word not in rules.SPEECH_VERBS:  # lower-case only: "the United States" is no verb
            continue
        start = index
        while start > 0 and words[start - 1][0].lower() in rules.SPEAKER_SKIP:
            start -= 1
        first = start
        while (
            first > 0
            and start - first < rules.SPEAKER_WORDS
            and words[first - 1][0][0].isalpha()
            and words[first - 1][0].lower() not in rules.SPEAKER_STOP
            and words[first - 1][0].lower() not in rules.SPEECH_VERBS
        ):
            first -= 1
        inverted = first == start and index > 0 and words[index - 1][0] in {",", "”", '"'}
        if inverted:  # "…,” said Koizumi": the speaker after the verb
            last = index + 1
            while last < len(words) and words[last][0][:1].isupper() and words[last][0][0].isalpha():
                last += 1
            phrase_span = (span[1], words[last - 1][1][1]) if last > index + 1 else (span[0], span[0])
        else:
            phrase_span = (words[first][1][0], words[start - 1][1][1])
        phrase = text[phrase_span[0] : phrase_span[1]]
        entities = {entity_id for entity_id, _ in names.occurrences(phrase)}
        capitals = {_stem(m["word"]) for m in _CAPITALISED.finditer(phrase)} - _NOT_SPEAKERS
        found.append((span[0], entities, capitals, phrase.strip()))
    return found


# --- checking a claim -----------------------------------------------------------------------------------------


def check(claim: Claim, cited: list[Cited], names: Names) -> Review:
    review = Review(claim, marks=marks_in(claim.text))
    text, marked = plain(claim.text)
    facts = [(item, _paragraph_facts(item.text)) for item in cited]
    dated: list[tuple[int, int]] = []
    for match in rules.DATE_EXPRESSION.finditer(text):
        if _inside(match.span(), marked):
            continue
        dated.append(match.span())
        day = match["day"] or match["day_after"]
        review.checks.append(
            Check(
                match.group(0).strip(),
                "date",
                _date_evidence(int(day) if day else None, MONTH_NUMBER[match["month"]], match["year"], facts),
            )
        )
    if claim.date:
        parts: list[int | None] = [int(p) for p in claim.date.split("-")]
        year, month, day = [*parts, None, None][:3]
        assert year is not None
        # A year-only date: the year itself must be written in a cited paragraph.
        evidence = _date_evidence(day, month, str(year), facts) if month else _number_evidence(year, facts)
        review.checks.append(Check(f"date {claim.date}", "date", evidence))
    groups = [(e, span) for e, span in names.occurrences(text)]
    for written, value, span in numbers(text, marked + dated):
        evidence = _number_evidence(value, facts)
        for entity_id, _ in (g for g in groups if _inside(span, [g[1]])):
            # "the five" where entities.yml says the sources call the group so: the group must be in the paragraphs
            hit = next((f"{i.label} as “{h}”" for i, f in facts if (h := names.named_in(entity_id, f[3]))), "")
            evidence = evidence or hit
        review.checks.append(Check(written, "number", evidence))
    for match in re.finditer(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", text):
        if not _inside(match.span(), marked):
            word = match.group(0)
            evidence = next((item.label for item, f in facts if re.search(rf"\b{word}\b", f[3])), "")
            review.checks.append(Check(word, "weekday", evidence))
    review.checks += _name_checks(text, marked, dated, facts, names, claim.subject)
    review.checks += _speaker_checks(text, marked, facts, names)
    if claim.side:
        review.checks += _side_checks(claim, cited, names)
    return review


def _number_evidence(value: int, facts: list) -> str:
    return next((item.label for item, f in facts if value in f[0]), "")


def _date_evidence(day: int | None, month: int, year: str | None, facts: list) -> str:
    """Where a date's parts are written: day and month in one paragraph (a year-less "May 8" takes the year of
    the report that writes it); or the whole date is the printed date of a cited article."""
    pair = next((item for item, f in facts if (day, month) in f[1]), None)
    if pair is not None:
        if year is None:
            return pair.label
        written = next((item for item, f in facts if int(year) in f[0]), None)
        if written is not None:
            return f"{pair.label}; year {written.label}"
        finding = pair.source.date
        printed = finding.status == "byline" and not finding.byline_contradiction
        if day is not None and printed and finding.value and finding.value.year == int(year):
            return f"{pair.label}; year of the report's printed date ({finding.value.isoformat()})"
    for item, _ in facts:
        finding = item.source.date
        value = finding.value
        printed = finding.status == "byline" and not finding.byline_contradiction
        if (
            printed
            and value
            and value.month == month
            and (day is None or value.day == day)
            and (year is None or value.year == int(year))
        ):
            return f"{item.source.id}'s printed date ({value.isoformat()})"
    return ""


def _name_checks(
    text: str, marked: list, dated: list, facts: list, names: Names, subject: str | None = None
) -> list[Check]:
    checks = []
    occurrences = [(e, s) for e, s in names.occurrences(text) if not _inside(s, marked)]
    if subject:  # a role describes its entity without naming it: "Foreign Minister of Japan"
        occurrences.append((subject, (-1, -1)))
    in_paragraphs = {
        entity_id: next(
            (f"{item.label} as “{hit}”" for item, f in facts if (hit := names.named_in(entity_id, f[3]))), ""
        )
        for entity_id in {e for e, _ in occurrences}
    }
    sentence_start = re.compile(r"(?:^|[.!?:;]\s+|[“\"(—–]\s*)$")
    for match in _CAPITALISED.finditer(text):
        word, span = match["word"], match.span()
        if _inside(span, marked) or _inside(span, dated) or word.rstrip(".") in WEEKDAYS:
            continue
        stem = _stem(word)
        opener = bool(sentence_start.search(text[: span[0]]))
        if opener and (stem in rules.SENTENCE_OPENERS or not any(_inside(span, [s]) for _, s in occurrences)):
            continue  # capitalised because it opens the sentence; a name there is checked when entities.yml has it
        if len(stem) == 1 and not word.endswith("."):
            continue
        evidence = next((item.label for item, f in facts if stem in f[2]), "")
        if not evidence:  # the cited article's own outlet: "the Chosun Ilbo reported"
            evidence = next(
                (
                    f"{item.source.id}'s outlet"
                    for item, _ in facts
                    if word in (item.source.metadata.get("outlet") or "")
                ),
                "",
            )
        if not evidence:
            owners = [e for e, s in occurrences if s[0] <= span[0] and span[1] <= s[1] + 2]
            evidence = next((in_paragraphs[e] for e in owners if in_paragraphs[e]), "")
        if not evidence:  # the side an entity named in the paragraphs speaks for (entities.yml `side`)
            evidence = next(
                (
                    f"{in_paragraphs[e]}, who speaks for {names.entities[o].name} (entities.yml)"
                    for o, s in occurrences
                    if s[0] <= span[0] and span[1] <= s[1] + 2
                    for e, _ in occurrences
                    if in_paragraphs.get(e) and names.entities[e].side == o
                ),
                "",
            )
        if not evidence:  # a title the entity's role gives: "Foreign Minister" before "Koichiro Gemba"
            evidence = next(
                (
                    f"{in_paragraphs[e]} (role)"
                    for e, _ in occurrences
                    if in_paragraphs[e] and stem in names.role_words.get(e, set())
                ),
                "",
            )
        checks.append(Check(word, "name", evidence))
    return checks


def _speaker_checks(text: str, marked: list, facts: list, names: Names) -> list[Check]:
    checks = []
    said = [(item, speakers(f[3], names)) for item, f in facts]
    for position, entities, capitals, phrase in speakers(text, names):
        if _inside((position, position + 1), marked) or not (entities or capitals):
            continue
        who = phrase or ", ".join(sorted(names.entities[e].name for e in entities))
        evidence = ""
        for item, found in said:
            for _, their_entities, their_capitals, _ in found:
                if (entities and entities & names.with_sides(their_entities)) or (
                    not entities and capitals & their_capitals
                ):
                    evidence = item.label
                    break
            if evidence:
                break
        if not evidence:  # "the CNSNews.com report says": the cited article itself is the speaker
            evidence = next(
                (
                    f"{item.label} (the article itself)"
                    for item, _ in said
                    if _names_outlet(capitals, item.source.metadata.get("outlet") or "")
                ),
                "",
            )
        checks.append(Check(f"{who} (speaker)", "speaker", evidence))
    return checks


def _names_outlet(capitals: set[str], outlet: str) -> bool:
    """Whether a speaker's words name the outlet: "CNSNews.com report" → CNSNews.com."""
    words = [re.sub(r"\W", "", w.lower()) for w in outlet.split()]
    return any(len(c) >= 3 and w.startswith(re.sub(r"\W", "", c)) for c in capitals for w in words)


def _side_checks(claim: Claim, cited: list[Cited], names: Names) -> list[Check]:
    """A dispute position reports one side's words: each cited quote must be said by that side."""
    checks = []
    side = names.entities[claim.side].name if claim.side in names.entities else claim.side
    for citation, item in zip(claim.citations, cited, strict=True):
        start = _quote_start(citation.quote, item.text)
        sentence = _sentence_around(item.text, start)
        said = speakers(item.text[sentence[0] : sentence[1]], names)
        offset = start - sentence[0]
        inside = [s for s in said if offset <= s[0] < offset + len(citation.quote)]
        before = [s for s in said if s[0] < offset]
        after = [s for s in said if s[0] >= offset + len(citation.quote)]
        chosen = inside[:1] or before[-1:] or after[:1]
        ok = any(claim.side in names.with_sides(entities) for _, entities, _, _ in chosen)
        shown = citation.quote if len(citation.quote) <= 60 else citation.quote[:57] + "…"
        checks.append(Check(f"{side} said “{shown}”", "side", f"{item.label}: said by {side}" if ok else ""))
    return checks


def _quote_start(quote: str, text: str) -> int:
    needle = normalise(quote)[0].strip(" ")
    haystack, index = normalise(text)
    found = haystack.find(needle)
    return index[found] if found >= 0 else 0


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    from .render.mentions import split_sentences

    for start, end, _ in split_sentences(text):
        if start <= position < end:
            return start, end
    return 0, len(text)


# --- the whole site ---------------------------------------------------------------------------------------


@dataclass
class Report:
    """Every claim reviewed, and the problems that fail the build."""

    reviews: list[Review]
    problems: list[Problem]

    @property
    def counts(self) -> dict[str, int]:
        marks = [m for r in self.reviews for m in r.marks]
        return {
            "sentences": len(self.reviews),
            "tokens": sum(1 for r in self.reviews for c in r.checks if c.ok),
            "inferred": sum(1 for m in marks if m.kind == "inferred"),
            "background": sum(1 for m in marks if m.kind == "background"),
        }

    def summary(self) -> str:
        c = self.counts
        return (
            f"support lint: {c['sentences']} cited sentences checked, {c['tokens']} tokens found in the cited "
            f"paragraphs; marks: {c['inferred']} inferred, {c['background']} background"
        )


def lint(claims: list[Claim], resolved: dict[Citation, ResolvedCitation], entities: list[Entity]) -> Report:
    names = Names(entities)
    reviews, problems = [], []
    for claim in claims:
        for bad in _bad_marks(claim):
            problems.append(Problem(claim.path, bad, claim.line))
        if any(c not in resolved for c in claim.citations):
            continue  # its citation is reported already; checking against fewer paragraphs would only add noise
        cited = [
            Cited(r.source, r.where.paragraph, r.source.paragraphs[r.where.paragraph - 1].text)
            for r in (resolved[c] for c in claim.citations)
        ]
        review = check(claim, cited, names)
        reviews.append(review)
        for failure in review.failures:
            problems.append(Problem(claim.path, _message(claim, failure, cited), claim.line))
    return Report(reviews, problems)


def _bad_marks(claim: Claim) -> list[str]:
    rest = MARK.sub("", claim.text)
    bad = []
    if LOOKS_LIKE_MARK.search(rest):
        bad.append("malformed mark: write [the words]{inferred: basis} or [the words]{background: basis}")
    bad += [f"mark “{m.text}” needs its basis after '{m.kind}:'" for m in marks_in(claim.text) if not m.basis]
    return bad


def _message(claim: Claim, failure: Check, cited: list[Cited]) -> str:
    sentence, _ = plain(claim.text)
    sentence = " ".join(sentence.split())
    if len(sentence) > 90:
        sentence = sentence[:89] + "…"
    where = ", ".join(item.label for item in cited) or "no citation"
    if failure.kind == "side":
        return (
            f"{claim.group}: {failure.token} — the cited sentence does not report this side's words ({where}); "
            "a side's column holds only what that side said"
        )
    what = {
        "speaker": "is not named as the speaker",
        "date": "is not written",
        "weekday": "is not written",
        "number": "is not written",
        "name": "is not named",
    }[failure.kind]
    return (
        f"{claim.group}: “{sentence}”: {failure.kind} “{failure.token}” {what} in the cited paragraphs ({where}); "
        "correct the sentence, cite a paragraph that says it, or mark it [words]{inferred: basis}"
    )


# --- the claims of the site, in reading order -----------------------------------------------------------------

_GROUP_MASK = re.compile(r"\s*\[@[^\]]*\]")
# Not sentences: headings, admonition titles, "Read next" lines, directives, buttons, and navigation list items
# that open with a link ("- [The incident](topics/incident.md): what happened at the gate").
_SKIP_LINE = re.compile(
    r"^\s*(?:#|!!!|\?\?\?|\*\*Read next:\*\*|@(?:timeline|sources)\b|\[[^\]]*\]\([^)]*\)\{[^}]*\}\s*$"
    r"|[-*]\s+\[[^\]@]+\]\([^)]+\):)"
)


def narrative_claims(page: NarrativePage) -> list[tuple[int, str, tuple[Citation, ...]]]:
    """(line, sentence as written, its citations) for every sentence of a narrative page, in order: each list
    item and each paragraph split into sentences; headings, admonition titles, directives and "Read next"
    lines are not sentences."""
    cited = {}
    for use in page.uses:
        if isinstance(use, CitationUse):
            cited.setdefault((use.citation.line, use.citation.source, use.citation.quote), use.citation)
    units: list[tuple[int, list[tuple[int, str]]]] = []
    for number, line in page.body:
        stripped = line.strip()
        if not stripped or _SKIP_LINE.match(line):
            units.append((number, []))
            continue
        item = re.match(r"^\s*(?:[-*+]|\d+\.)\s+", line)
        if item or not units or not units[-1][1]:
            units.append((number, []))
            line = line[item.end() :] if item else line
        units[-1][1].append((number, line.strip()))
    out = []
    for _, lines in units:
        if not lines:
            continue
        text = " ".join(t for _, t in lines)
        starts, position = [], 0
        for number, t in lines:
            starts.append((position, number))
            position += len(t) + 1
        masked = _GROUP_MASK.sub(lambda m: "\x01" * len(m.group(0)), text)
        from .render.mentions import split_sentences

        for start, end, _ in split_sentences(masked):
            sentence = text[start:end].strip()
            line = max((n for p, n in starts if p <= start), default=lines[0][0])
            end_line = max((n for p, n in starts if p < end), default=line)
            citations = tuple(
                cited[(n, m["source"], m["quote"])]
                for g in _GROUP_MASK.finditer(sentence)
                for m in CITATION.finditer(g.group(0))
                for n in range(line, end_line + 1)
                if (n, m["source"], m["quote"]) in cited
            )
            text_only = _GROUP_MASK.sub("", sentence).strip()
            if text_only:
                out.append((line, text_only, citations))
    return out


def collect(narrative: list[NarrativePage], data: CuratedData, folder: Path) -> list[Claim]:
    """Every sentence and data field of the site that states facts, numbered in reading order."""
    found: list[tuple[str, str, Path, int, str, tuple[Citation, ...], str | None, str | None, str | None]] = []
    order = sorted(narrative, key=lambda p: (p.path != "index.md", p.path))
    for page in order:
        for line, sentence, citations in narrative_claims(page):
            found.append((page.title, page.path, page.source_path, line, sentence, citations, None, None, None))
    for event in data.events:
        date = None if event.inferred else event.date
        found.append(
            (
                "Timeline",
                "timeline.md",
                folder / "events.yml",
                event.title_line,
                event.title,
                event.citations,
                None,
                date,
                None,
            )
        )
        found.append(
            (
                "Timeline",
                "timeline.md",
                folder / "events.yml",
                event.text_line,
                event.text,
                event.citations,
                None,
                None,
                None,
            )
        )
    for dispute in data.disputes:
        for side, position in ((p.side, p) for p in dispute.positions):
            found.append(
                (
                    "Disputed facts",
                    "disputes.md",
                    folder / "disputes.yml",
                    position.line,
                    position.position,
                    position.citations,
                    side,
                    None,
                    None,
                )
            )
    for figure in data.figures:
        text = f"{figure.number}: {figure.counts}"
        found.append(
            ("Figures", "figures.md", folder / "figures.yml", figure.line, text, (figure.citation,), None, None, None)
        )
    for entity in data.entities:
        text = entity.role if entity.citations else f"[{entity.role}]{{background: {entity.background}}}"
        found.append(
            (
                "Who's who",
                f"entities/{entity.id}.md",
                folder / "entities.yml",
                entity.role_line,
                text,
                entity.citations,
                None,
                None,
                entity.id,
            )
        )
    for term in data.glossary:
        text = term.definition if term.citations else f"[{term.definition}]{{background: {term.background}}}"
        found.append(
            ("Glossary", "glossary.md", folder / "glossary.yml", term.line, text, term.citations, None, None, None)
        )
    return [Claim(f"claim-{n}", *item) for n, item in enumerate(found, start=1)]
