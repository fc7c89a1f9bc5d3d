"""Render stage for the explainer: topic pages, timeline, entities, disputes, figures, glossary, fragments."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field

from . import narrative as narrative_mod
from . import rules
from .cite import ResolvedCitation, span_id
from .data import Citation, CuratedData, Entity, Event
from .dating import fmt
from .model import Source
from .render import ABBREVIATIONS, date_label, front_matter, inert_inline, nested_quote, sources_table

THREAD_LABELS = {
    "incident": "The incident",
    "fallout": "The fallout",
    "pledge": "The 2011 pledge",
    "context": "Context",
}
THREAD_PAGES = {"incident": "topics/incident.md", "fallout": "topics/fallout.md", "pledge": "topics/pledge.md"}
# An entity page quotes this many mentions in full; further ones are listed by article and paragraph.
QUOTED_MENTIONS = 50
# The home page lists every source up to this many; beyond, the ones the site cites, and a link to all.
HOME_SOURCES = 25
KIND_LABELS = {"person": "People", "organisation": "Organisations", "place": "Places", "group": "Groups"}


def _page(title: str, description: str, body: str) -> str:
    """A generated page: front matter, body, and the glossary fragment (abbreviation tooltips)."""
    return front_matter(title, description) + body.rstrip() + "\n\n" + ABBREVIATIONS + "\n"


def rel(from_page: str, to: str) -> str:
    """A link from one generated page to another path under docs/ (anchor kept)."""
    target, _, anchor = to.partition("#")
    link = _relative(target, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def entity_path(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def source_path(source_id: str) -> str:
    return f"sources/{source_id}.md"


@dataclass(frozen=True)
class Backlink:
    """A place in the site that cites a source paragraph (footnote `note` of `page`), or links an entity."""

    page: str
    title: str
    note: int = 0
    paragraph: int = 0

    @property
    def anchor(self) -> str:
        return f"fnref:{self.note}"  # Python-Markdown's id for the reference to footnote [^note]


@dataclass
class Site:
    """Everything rendering needs: sources, curated data, resolved citations and the backlinks they create."""

    sources: list[Source]
    data: CuratedData
    resolved: dict[Citation, ResolvedCitation]
    spans: dict[tuple[str, int], list[tuple[int, int]]]
    cited_by: dict[str, list[Backlink]] = field(default_factory=dict)
    linked_from: dict[str, list[Backlink]] = field(default_factory=dict)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


class Footnotes:
    """The citations of one page, numbered in order of appearance, rendered as Markdown footnotes."""

    def __init__(self, site: Site, page: str, title: str):
        self.site, self.page, self.title = site, page, title
        self.entries: list[ResolvedCitation] = []

    def marker(self, citation: Citation) -> str:
        item = self.site.resolved[citation]
        self.entries.append(item)
        number = len(self.entries)
        link = Backlink(self.page, self.title, number, item.where.paragraph)
        self.site.cited_by.setdefault(item.source.id, []).append(link)
        return f"[^{number}]"

    def definitions(self) -> str:
        lines = []
        for number, item in enumerate(self.entries, start=1):
            source = item.source
            where = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}, ¶{item.where.paragraph}"
            target = rel(self.page, f"{source_path(source.id)}#{span_id(item, self.site.spans)}")
            quote = inert_inline(nested_quote(item.citation.quote))
            lines.append(f"[^{number}]: [{inert_inline(where)}]({target}): “{quote}”")
        return "\n".join(lines) + "\n" if lines else ""


def event_date_label(event: Event) -> str:
    parts = event.date.split("-")
    if len(parts) == 3:
        text = fmt(dt.date(int(parts[0]), int(parts[1]), int(parts[2])))
    elif len(parts) == 2:
        text = f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    else:
        text = parts[0]
    return f"about {text}" if event.precision == "approximate" else text


PRECISION_TEXT = {
    "day": "exact day",
    "month": "month known",
    "year": "year known",
    "approximate": "approximate date",
}


def timeline_block(
    events: list[Event], notes: Footnotes | None, entity_urls: dict[str, str], names: dict[str, str]
) -> str:
    """A neoteroi timeline of `events`; each item carries its thread as a class, for the thread filter.

    With `notes`, every event carries its citations; without (the slices on topic pages and home, whose prose
    is cited already), the events are shown as on the full timeline, where their citations are."""
    items = []
    for event in events:
        markers = "".join(notes.marker(c) for c in event.citations) if notes else ""
        inferred = f" *Date inferred: {event.basis}*" if event.inferred and event.basis else ""
        people = ", ".join(f"[{names[e]}]({entity_urls[e]})" for e in event.entities if e in entity_urls)
        content = f"{event.text}{markers}{inferred}" + (f" — {people}" if people else "")
        sub = f"{THREAD_LABELS[event.thread]} · {PRECISION_TEXT[event.precision]}" + (
            " · inferred" if event.inferred else ""
        )
        items.append(
            {
                "title": f"{event_date_label(event)}: {event.title}",
                "sub_title": sub,
                "content": content,
                "key": f"thread-{event.thread}",
            }
        )
    body = "\n".join(f"- {json.dumps(item, ensure_ascii=False)}" for item in items)
    return f"::timeline::\n{body}\n::/timeline::\n"


def _names(site: Site) -> dict[str, str]:
    return {e.id: e.name for e in site.data.entities}


def _entity_urls(site: Site, page: str) -> dict[str, str]:
    return {e.id: rel(page, entity_path(e.id)) for e in site.data.entities}


def render_narrative(site: Site, page: narrative_mod.NarrativePage) -> str:
    notes = Footnotes(site, page.path, page.title)
    for use in page.uses:
        notes.marker(use.citation)
    urls = _entity_urls(site, page.path)
    narrative_mod.link_entities(page, site.data.entities, urls)
    for entity_id in page.entity_links:
        site.linked_from.setdefault(entity_id, []).append(Backlink(page.path, page.title))
    body: list[str] = []
    for line in page.lines:
        match = narrative_mod.DIRECTIVE.fullmatch(line.strip())
        if not match:
            body.append(line)
        elif match["name"] == "sources":
            body.append(_home_sources(site, page.path))
        else:
            events = _timeline_events(site, match["arg"])
            # Citation markers cost the reader's browser a tooltip each; the slice's events are cited on the
            # full timeline, and the prose above cites the same facts.
            body.append(timeline_block(events, None, urls, _names(site)))
            body.append(f"Each event's sources are cited on the [full timeline]({rel(page.path, 'timeline.md')}).\n")
    return _page(page.title, page.description, "\n".join(body).rstrip() + "\n\n" + notes.definitions())


def _home_sources(site: Site, page: str) -> str:
    """The sources table; for a large corpus only the sources the site cites, with a link to the full list."""
    shown = site.sources
    if len(shown) > HOME_SOURCES:
        cited = {citation.source for citation in site.resolved}
        shown = [s for s in site.sources if s.id in cited]
    table = sources_table(shown, lambda source_id: rel(page, source_path(source_id)))
    if len(shown) == len(site.sources):
        return table
    index = rel(page, "sources/index.md")
    return (
        f"The {len(shown)} articles the site cites; all {len(site.sources)} are listed in [Sources]({index}).\n\n"
        + table
    )


def _timeline_events(site: Site, which: str) -> list[Event]:
    if which == "all":
        return site.data.events
    if which == "home":
        return [e for e in site.data.events if e.home]
    return [e for e in site.data.events if e.thread == which]


def render_timeline(site: Site) -> str:
    page = "timeline.md"
    notes = Footnotes(site, page, "Timeline")
    buttons = "".join(
        f'<button type="button" class="md-button" data-thread="{key}" '
        f'aria-pressed="{str(key == "all").lower()}">{label}</button>'
        for key, label in (("all", "All threads"), *THREAD_LABELS.items())
    )
    intro = (
        "# Timeline\n\n"
        f"Every dated event the sources report, oldest first: {len(site.data.events)} events. Each shows how precise "
        'its date is; dates worked out from a weekday or a phrase such as "last year" are marked *inferred*, '
        "with how. Every event cites the sources that report it.\n\n"
        f'<div class="thread-filter" role="group" aria-label="Show one thread">{buttons}</div>\n\n'
    )
    block = timeline_block(site.data.events, notes, _entity_urls(site, page), _names(site))
    text = intro + block + "\n" + notes.definitions()
    description = "Every dated event of the Shenyang story, 1972–2011, with date precision, thread and citations."
    return _page("Timeline", description, text)


def render_disputes(site: Site) -> str:
    page = "disputes.md"
    notes = Footnotes(site, page, "Disputed facts")
    parts = [
        "# Disputed facts\n\n",
        "The questions Japan and China answer differently, each side in its own column, as the sources report "
        "them. This site does not decide between them.\n\n",
    ]
    for dispute in site.data.disputes:
        japan = dispute.japan.position + "".join(notes.marker(c) for c in dispute.japan.citations)
        china = dispute.china.position + "".join(notes.marker(c) for c in dispute.china.citations)
        parts.append(f"## {dispute.question} {{#{dispute.id}}}\n\n| Japan's position | China's position |\n|---|---|\n")
        parts.append(f"| {japan} | {china} |\n\n")
    parts.append(notes.definitions())
    description = "The questions Japan and China answer differently about the 2002 Shenyang incident, each side cited."
    return _page("Disputed facts", description, "".join(parts))


def render_figures(site: Site) -> str:
    page = "figures.md"
    notes = Footnotes(site, page, "Figures")
    parts = [
        "# Figures\n\n",
        "The numbers the sources give, as each source states them: never added up or corrected. Figures that count "
        "the same thing stand side by side.\n\n",
    ]
    topics: dict[str, list] = {}
    for figure in site.data.figures:
        topics.setdefault(figure.topic, []).append(figure)
    for topic, figures in topics.items():
        parts.append(f"## {topic}\n\n| Figure | What it counts | As of | Source |\n|---|---|---|---|\n")
        for figure in figures:
            source = site.source(figure.citation.source)
            link = rel(page, source_path(source.id))
            outlet = inert_inline(source.metadata.get("outlet") or source.id)
            number = f"**{inert_inline(figure.number)}**{notes.marker(figure.citation)}"
            where = f"[{outlet}, {inert_inline(date_label(source))}]({link})"
            parts.append(f"| {number} | {figure.counts} | {figure.as_of} | {where} |\n")
        parts.append("\n")
    parts.append(notes.definitions())
    description = "The numbers the sources give about North Korean defectors and the Shenyang incident, side by side."
    return _page("Figures", description, "".join(parts))


def render_glossary(site: Site) -> str:
    rows = "".join(f"| **{inert_inline(t.term)}** | {inert_inline(t.definition)} |\n" for t in site.data.glossary)
    text = (
        "# Glossary\n\nTerms and abbreviations used on this site. Wherever they appear in the text, hovering "
        "over them shows the definition.\n\n| Term | Meaning |\n|---|---|\n" + rows
    )
    description = "Terms and abbreviations used in the explainer on the Shenyang consulate incident."
    return _page("Glossary", description, text)


def abbreviations_fragment(site: Site) -> str:
    return "".join(f"*[{t.term}]: {t.definition}\n" for t in site.data.glossary)


def rights_fragment(site: Site) -> str:
    lines = []
    for source in site.sources:
        rights = source.metadata.get("rights") or "not stated: quoted for research and commentary"
        # Links are relative to about.md (docs/), the page that includes this fragment.
        lines.append(f"- [{inert_inline(source.title)}]({source_path(source.id)}) — {inert_inline(rights)}")
    return "\n".join(lines) + "\n"


# --- entities ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    source: Source
    paragraph: int
    sentence: str


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of a paragraph, not breaking after abbreviations such as U.S."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in rules.SENTENCE_BREAK.finditer(text):
        end = match.start() + len(match.group("close"))
        if rules.ABBREVIATION_BEFORE_BREAK.search(
            text[max(start, match.start() - rules.ABBREVIATION_TAIL) : match.start()]
        ):
            continue
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b, text[a:b].strip()) for a, b in spans if text[a:b].strip()]


def find_mentions(site: Site) -> dict[str, list[Mention]]:
    """Every sentence of every source that names an entity by one of its aliases (one pattern for all aliases)."""
    owner = {" ".join(a.split()): e.id for e in site.data.entities for a in e.aliases}
    if not owner:
        return {}
    alternatives = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(owner, key=len, reverse=True))
    initials = re.escape("".join(sorted({a[0] for a in owner})))
    # Zero-width, so a name inside a longer one ("Shenyang" in "… Consulate General in Shenyang") counts too;
    # the initials first, so most positions fail at one character (a third faster at 1,000 sources).
    pattern = re.compile(rf"(?=[{initials}])(?<![\w-])(?=(?P<name>{alternatives})(?![\w-]))")
    found: dict[str, list[Mention]] = {}
    names = tuple(sorted(owner.items()))
    for source in site.sources:
        paragraphs = tuple((p.number, p.text) for p in source.paragraphs)
        for entity_id, number, sentence in _mentions_in(pattern, names, paragraphs):
            found.setdefault(entity_id, []).append(Mention(source, number, sentence))
    return found


@functools.lru_cache(maxsize=1 << 14)  # the live preview finds the names of every unchanged source again
def _mentions_in(
    pattern: re.Pattern[str], names: tuple[tuple[str, str], ...], paragraphs: tuple[tuple[int, str], ...]
) -> tuple[tuple[str, int, str], ...]:
    """(entity id, paragraph number, sentence) for each sentence of one source that names an entity."""
    owner = dict(names)
    found: list[tuple[str, int, str]] = []
    for number, text in paragraphs:
        matches = list(pattern.finditer(text))
        if not matches:
            continue
        sentences = split_sentences(text)
        for match in matches:
            entity_id = owner[" ".join(match.group("name").split())]
            sentence = next((s for a, b, s in sentences if a <= match.start() < b and s), match.group("name"))
            mention = (entity_id, number, sentence)
            if mention not in found[-3:]:  # one entry per sentence, even if the name recurs in it
                found.append(mention)
    return tuple(found)


LANGUAGE_NAMES = {"ja": "Japanese", "zh-Hans": "simplified Chinese", "zh-Hant": "traditional Chinese", "ko": "Korean"}


def native_names(entity: Entity) -> str:
    """Each native name in a span marked with its language (so browsers pick the right glyphs and screen readers
    the right voice), followed by the language's name: `<span lang="ja">瀋陽</span> (Japanese)`."""
    return "; ".join(
        f'<span lang="{name.lang}">{inert_inline(name.text)}</span> ({LANGUAGE_NAMES[name.lang]})'
        for name in entity.native
    )


def render_entity(site: Site, entity: Entity, mentions: list[Mention]) -> str:
    page = entity_path(entity.id)
    parts = [f"# {inert_inline(entity.name)}\n\n"]
    facts = [f"**Role at the time:** {inert_inline(entity.role)}"]
    if entity.native:
        facts.append(f"**In native script:** {native_names(entity)}")
    facts.append(f"**Kind:** {entity.kind}")
    parts.append("  \n".join(facts) + "\n\n")
    events = [e for e in site.data.events if entity.id in e.entities]
    if events:
        parts.append("## Events\n\n")
        for event in events:
            parts.append(
                f"- {event_date_label(event)}: {inert_inline(event.title)} ([timeline]({rel(page, 'timeline.md')}))\n"
            )
        parts.append("\n")
    # Each mention repeats a sentence of a source page: kept out of the search index, which has the source.
    parts.append(f"## Mentions in the sources ({len(mentions)}) {{ data-search-exclude }}\n\n")
    if not mentions:
        parts.append("The sources do not name this entry directly; it is referred to in the events above.\n\n")
    parts.append(_mentions_list(page, mentions))
    backlinks = site.linked_from.get(entity.id, [])
    if backlinks:
        parts.append("\n## Linked from { data-search-exclude }\n\n")
        for link in sorted(set(backlinks), key=lambda b: b.page):
            parts.append(f"- [{inert_inline(link.title)}]({rel(page, link.page)})\n")
    description = f"{entity.name}: {entity.role}. Every mention in the news sources on the Shenyang incident."
    return _page(entity.name, description, "".join(parts))


def _mentions_list(page: str, mentions: list[Mention]) -> str:
    """Every mention, each linked to its paragraph; the first QUOTED_MENTIONS quoted in full, the rest (a name
    that recurs across hundreds of articles) one line per article, so the page stays readable and light."""
    lines = []
    for mention in mentions[:QUOTED_MENTIONS]:
        source = mention.source
        where = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}, ¶{mention.paragraph}"
        link = rel(page, f"{source_path(source.id)}#p-{mention.paragraph}")
        lines.append(f"- “{inert_inline(nested_quote(mention.sentence))}” — [{inert_inline(where)}]({link})\n")
    rest: dict[str, list[Mention]] = {}
    for mention in mentions[QUOTED_MENTIONS:]:
        rest.setdefault(mention.source.id, []).append(mention)
    if rest:
        count, articles = len(mentions) - QUOTED_MENTIONS, len(rest)
        lines.append(f"\n{count} more {_plural(count, 'mention')} in {articles} {_plural(articles, 'article')}:\n\n")
    for group in rest.values():
        source = group[0].source
        address = rel(page, source_path(source.id))
        per_paragraph = Counter(m.paragraph for m in group)  # a paragraph may name the entry in two sentences
        paragraphs = ", ".join(f"[¶{n}{f' ×{k}' if k > 1 else ''}]({address}#p-{n})" for n, k in per_paragraph.items())
        where = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}"
        lines.append(f"- [{inert_inline(where)}]({address}): {paragraphs}\n")
    return "".join(lines)


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


def render_entity_index(site: Site, mentions: dict[str, list[Mention]]) -> str:
    page = "entities/index.md"
    parts = [
        "# People, organisations and places\n\n",
        "Everyone and everything the sources name, with the role at the time.\n\n",
    ]
    for kind, label in KIND_LABELS.items():
        entities = [e for e in site.data.entities if e.kind == kind]
        if not entities:
            continue
        parts.append(f"## {label}\n\n| Name | Native script | Role at the time | Mentions |\n|---|---|---|---|\n")
        for entity in sorted(entities, key=lambda e: e.name):
            native = native_names(entity)
            link = rel(page, entity_path(entity.id))
            count = len(mentions.get(entity.id, []))
            parts.append(
                f"| [{inert_inline(entity.name)}]({link}) | {native} | {inert_inline(entity.role)} | {count} |\n"
            )
        parts.append("\n")
    description = "Who's who in the Shenyang consulate incident and the 2011 pledge, with native-script names."
    return _page("People, organisations and places", description, "".join(parts))
