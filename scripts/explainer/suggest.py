"""`python -m explainer suggest`: what an editor might write next, as YAML the build accepts as it stands.

(a) Names that recur in two or more sources and belong to no entity (by name, alias or ref), with how often and
where, as entity records; (b) sentences that write a date and that no event cites, as event records. Each cites
its source with a `{source, quote}` the build finds verbatim. A suggestion is a start: the editor writes the
role, the title and the thread, and removes what is not worth keeping."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import rules
from .cite import normalise
from .data import CuratedData
from .dates import find_mentions
from .model import Source
from .render.mentions import split_sentences

# Two or more capitalised words ("Dana Whitcombe", "Harbour Council"), with "of"/"de"/"al" inside a name.
WORD = r"(?:[A-Z][a-z]+|[A-Z]{2,})"
NAME = re.compile(rf"(?<![\w'’-]){WORD}(?:\s+(?:(?:of|de|al|the)\s+)?{WORD})+(?![\w-])")
QUOTE_MARKS = re.compile(r"[\"“”]")
CALENDAR = {m.casefold() for m in rules.MONTHS} | {d.casefold() for d in rules.calendar.day_name}
ORGANISATION_WORDS = {
    "agency", "army", "association", "bank", "bureau", "committee", "council", "court", "department", "embassy",
    "force", "government", "guard", "house", "institute", "ministry", "navy", "office", "party", "police",
    "senate", "service", "university", "consulate", "commission", "company", "corporation", "group", "news",
}  # fmt: skip
PLACE_WORDS = {"island", "islands", "sea", "strait", "province", "city", "river", "bay", "county", "state"}
COMPASS = {"north", "south", "east", "west"}  # "South Korea", "East Timor": places
QUOTE_WORDS = 4  # words of context on each side of a name in its quote


@dataclass
class NameFound:
    name: str
    mentions: int = 0
    where: dict[str, list[int]] = field(default_factory=dict)  # source id → paragraph numbers
    quote: tuple[str, str] | None = None  # (source id, quote)


@dataclass(frozen=True)
class DatedSentence:
    source: str
    paragraph: int
    sentence: str
    date: str
    precision: str


def _known_names(data: CuratedData) -> list[str]:
    return [n for e in data.entities for n in (e.name, *e.aliases, *e.refs)]


def _covered(name: str, known: list[str]) -> bool:
    """A name is an entity's when an entity's name, alias or ref is the name or a part of it, or holds it."""
    for other in known:
        if re.search(rf"(?<![\w-]){re.escape(other)}(?![\w-])", name) or re.search(
            rf"(?<![\w-]){re.escape(name)}(?![\w-])", other
        ):
            return True
    return False


def _trim(name: str) -> str:
    """Without a leading "The" and without calendar words at the ends ("Thursday", "May")."""
    words = name.split()
    while words and (words[0] in {"The", "THE"} or words[0].casefold() in CALENDAR):
        words.pop(0)
    while words and words[-1].casefold() in CALENDAR:
        words.pop()
    return " ".join(words) if len(words) >= 2 else ""


def _quote_around(sentence: str, start: int, end: int) -> str:
    """The name with a few words either side: a stretch of the sentence as written, never across a quote mark."""
    before = re.search(rf"(?:[^\s\"“”]+\s+){{0,{QUOTE_WORDS}}}$", sentence[:start])
    after = re.match(rf"(?:\s*[^\s\"“”]+){{0,{QUOTE_WORDS}}}", sentence[end:])
    first = start - len(before.group(0)) if before else start
    last = end + len(after.group(0)) if after else end
    return sentence[first:last].strip(" ,;:-–—()")


def recurring_names(sources: list[Source], data: CuratedData) -> list[NameFound]:
    known = _known_names(data)
    found: dict[str, NameFound] = {}
    for source in sources:
        for paragraph in source.paragraphs:
            for _, _, sentence in split_sentences(paragraph.text):
                for match in NAME.finditer(sentence):
                    name = _trim(" ".join(match.group(0).split()))
                    if not name or name.isupper() or _covered(name, known):
                        continue
                    item = found.setdefault(name, NameFound(name))
                    item.mentions += 1
                    item.where.setdefault(source.id, []).append(paragraph.number)
                    if item.quote is None:
                        start = sentence.find(name)
                        if start >= 0:
                            item.quote = (source.id, _quote_around(sentence, start, start + len(name)))
    recurring = [n for n in found.values() if len(n.where) >= 2 and n.quote]
    return sorted(recurring, key=lambda n: (-len(n.where), -n.mentions, n.name))


def _kind(name: str) -> str:
    words = {w.casefold() for w in name.split()}
    if words & ORGANISATION_WORDS:
        return "organisation"
    if words & PLACE_WORDS or name.split()[0].casefold() in COMPASS:
        return "place"
    return "person"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def dated_sentences(sources: list[Source], data: CuratedData) -> list[DatedSentence]:
    """Sentences writing a date (a day with its month, a month with its year, or a year) that no event's
    citation quotes; the date as the event would hold it (the article's year for "May 8")."""
    cited: dict[str, list[str]] = defaultdict(list)
    for event in data.events:
        for citation in event.citations:
            cited[citation.source].append(normalise(citation.quote)[0].casefold())
    found = []
    for source in sources:
        year = source.date.value.year if source.date.value else None
        for paragraph in source.paragraphs:
            for _, _, sentence in split_sentences(paragraph.text):
                if QUOTE_MARKS.search(sentence):
                    continue  # a quote holds no double quote mark, and a part of a sentence is a poorer event
                plain = normalise(sentence)[0].casefold()
                if any(q in plain or plain in q for q in cited[source.id]):
                    continue
                when = _first_date(sentence, year, source.date.value.isoformat() if source.date.value else None)
                if when:
                    found.append(DatedSentence(source.id, paragraph.number, sentence, *when))
    return found


def _first_date(sentence: str, year: int | None, own: str | None = None) -> tuple[str, str] | None:
    """The sentence's first date, as an event holds it; a dateline's date (the article's own) only when the
    sentence writes no other."""
    dates = []
    for mention in find_mentions(sentence, 0):
        if mention.value is None:
            continue
        if mention.precision == "day":
            dates.append((mention.value.isoformat(), "day"))
        elif mention.precision == "day-month" and year:
            dates.append((f"{year}-{mention.value:%m-%d}", "day"))
        elif mention.precision == "month":
            dates.append((f"{mention.value:%Y-%m}", "month"))
        elif mention.precision == "year":
            dates.append((f"{mention.value:%Y}", "year"))
    return next((d for d in dates if d[0] != own), dates[0] if dates else None)


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _where(item: NameFound) -> str:
    return "; ".join(f"{source} ¶{', ¶'.join(map(str, sorted(set(ps))))}" for source, ps in item.where.items())


def render(sources: list[Source], data: CuratedData) -> str:
    names = recurring_names(sources, data)
    taken = {e.id for e in data.entities}
    out = [
        f"# Names in two or more sources with no entity: {len(names)}. Paste below the last entry of",
        "# sources/entities.yml, then write each role (from the cited paragraph) and check the kind.",
    ]
    for item in names:
        entity_id = _slug(item.name)
        while entity_id in taken:
            entity_id += "-2"
        taken.add(entity_id)
        source, quote = item.quote or ("", "")
        out += [
            f"# {item.name}: {item.mentions} mentions in {len(item.where)} sources: {_where(item)}",
            f"- id: {entity_id}",
            f"  name: {_text(item.name)}",
            f"  kind: {_kind(item.name)}",
            "  role: named in the cited paragraph (to be written)",
            f"  aliases: [{_text(item.name)}]",
            "  citations:",
            f"    - {{source: {source}, quote: {_text(quote)}}}",
        ]
    dated = dated_sentences(sources, data)
    threads = data.story.thread_ids
    out += [
        "",
        f"# Sentences with a date that no event cites: {len(dated)}. Paste below the last event of",
        "# sources/events.yml, then shorten the title and text and choose the thread"
        + (f" ({', '.join(threads)})." if threads else ": the story has no threads yet."),
    ]
    if not threads:  # an event needs a thread; until sources/story.yml names one, only where they are
        out += [f"#   {item.source} ¶{item.paragraph} ({item.date}): {item.sentence}" for item in dated]
        return "\n".join(out) + "\n"
    event_ids = {e.id for e in data.events}
    for item in dated:
        event_id = f"{item.source}-p{item.paragraph}"
        while event_id in event_ids:
            event_id += "-2"
        event_ids.add(event_id)
        words = item.sentence.split()
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        out += [
            f"# {item.source} ¶{item.paragraph}",
            f"- id: {event_id}",
            f"  date: {_text(item.date)}",
            f"  precision: {item.precision}",
            f"  thread: {threads[0]}",
            f"  title: {_text(title)}",
            f"  text: {_text(item.sentence)}",
            f"  citations: [{{source: {item.source}, quote: {_text(item.sentence)}}}]",
            "  entities: []",
        ]
    return "\n".join(out) + "\n"
