"""Render stage for the explainer: topic pages, timeline, entities, disputes, figures, glossary, fragments."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import html
import json
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import narrative as narrative_mod
from . import place_map as place_map_mod
from . import rules, search_scope
from .cite import ResolvedCitation, span_id
from .data import MARK, Citation, CuratedData, Entity, Event, Mark
from .dating import fmt
from .links import Origin
from .model import Source
from .render import ABBREVIATIONS, date_label, front_matter, inert_inline, nested_quote, sources_table

# An entity page quotes this many mentions in full; further ones are listed by article and paragraph.
QUOTED_MENTIONS = 50
# The home page lists every source up to this many; beyond, the ones the site cites, and a link to all.
HOME_SOURCES = 25
CLAIMS_PAGE = "claims.md"
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
    origin: Origin | None = field(default=None, compare=False)  # the citation's file and line

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
    claim_of: dict[Citation, str] = field(default_factory=dict)  # citation → its row on the claims review page
    place_map: place_map_mod.PlaceMap | None = None  # the "Where it happened" map: sources/map.yml, projected
    notes: list[tuple[str, int, Citation]] = field(default_factory=list)  # (page, note, citation): the data export

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


class Footnotes:
    """The citations of one page, numbered in order of appearance, rendered as Markdown footnotes."""

    def __init__(self, site: Site, page: str, title: str):
        self.site, self.page, self.title = site, page, title
        self.entries: list[ResolvedCitation | Mark] = []

    def marker(self, citation: Citation) -> str:
        item = self.site.resolved[citation]
        self.entries.append(item)
        number = len(self.entries)
        origin = Origin(citation.path, citation.line)
        link = Backlink(self.page, self.title, number, item.where.paragraph, origin)
        self.site.cited_by.setdefault(item.source.id, []).append(link)
        self.site.notes.append((self.page, number, citation))
        return f"[^{number}]"

    def mark(self, mark: Mark) -> str:
        """A mark's basis as a numbered note, like a citation's (hover preview, printed with the notes)."""
        self.entries.append(mark)
        return f"[^{len(self.entries)}]"

    def marked(self, text: str) -> str:
        """Editor-written text with its marks shown: the marked words labelled, the basis as a note."""

        def show(match: re.Match[str]) -> str:
            mark = Mark(match["kind"], match["text"], match["basis"])
            return narrative_mod.mark_html(mark) + self.mark(mark)

        return _marks_and_text(text, show)

    def definitions(self) -> str:
        lines = []
        for number, item in enumerate(self.entries, start=1):
            if isinstance(item, Mark):
                label = "Inferred" if item.kind == "inferred" else "Background, not from the sources"
                lines.append(f"[^{number}]: **{label}:** {inert_inline(item.text)} — {inert_inline(item.basis)}")
                continue
            source = item.source
            where = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}, ¶{item.where.paragraph}"
            target = rel(self.page, f"{source_path(source.id)}#{span_id(item, self.site.spans)}")
            quote = inert_inline(nested_quote(item.citation.quote))
            claim = self.site.claim_of.get(item.citation)
            review = f" · [the claim, checked]({rel(self.page, CLAIMS_PAGE)}#{claim})" if claim else ""
            lines.append(f"[^{number}]: [{inert_inline(where)}]({target}): “{quote}”{review}")
        return "\n".join(lines) + "\n" if lines else ""


def unmarked(text: str) -> str:
    """Editor-written text without its marks' syntax (for slices without notes, titles, tooltips)."""
    return _marks_and_text(text, lambda m: narrative_mod.mark_html(Mark(m["kind"], m["text"], m["basis"])))


def _marks_and_text(text: str, show: Callable[[re.Match[str]], str]) -> str:
    """Curated text as Markdown: each mark as `show` renders it, any HTML between them shown as typed."""
    parts, end = [], 0
    for match in MARK.finditer(text):
        parts += [narrative_mod.no_html(text[end : match.start()]), show(match)]
        end = match.end()
    return "".join(parts) + narrative_mod.no_html(text[end:])


def event_date_label(event: Event) -> str:
    parts = event.date.split("-")
    if len(parts) == 3:
        text = fmt(dt.date(int(parts[0]), int(parts[1]), int(parts[2])))
    elif len(parts) == 2:
        text = f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    else:
        text = parts[0]
    if event.label:
        return event.label
    return f"about {text}" if event.precision == "approximate" else text


PRECISION_TEXT = {
    "day": "exact day",
    "month": "month known",
    "year": "year known",
    "approximate": "approximate date",
}
# A worked-out date is as precise as the reasoning that gives it, but not stated: "exact day" beside its mark
# would read as a contradiction.
INFERRED_PRECISION_TEXT = {
    "day": "day worked out",
    "month": "month worked out",
    "year": "year worked out",
    "approximate": "approximate date, worked out",
}


def event_anchor(event: Event) -> str:
    """The id of an event on the full timeline (timeline.html#event-<id>)."""
    return f"event-{event.id}"


def timeline_block(
    events: list[Event],
    notes: Footnotes | None,
    entity_urls: dict[str, str],
    names: dict[str, str],
    thread_labels: dict[str, str],
) -> str:
    """A neoteroi timeline of `events`; each item carries its thread as a class, for the thread filter.

    With `notes`, every event carries its citations; without (the slices on topic pages and home, whose prose
    is cited already), the events are shown as on the full timeline, where their citations are."""
    items = []
    for event in events:
        # A worked-out date carries the same small mark as a worked-out word; its reasoning is a numbered note.
        when = event_date_label(event)
        if event.inferred and event.basis:
            mark = Mark("inferred", when, event.basis)
            when = narrative_mod.mark_html(mark) + (notes.mark(mark) if notes else "")
        text = notes.marked(event.text) if notes else unmarked(event.text)
        markers = "".join(notes.marker(c) for c in event.citations) if notes else ""
        people = ", ".join(f"[{inert_inline(names[e])}]({entity_urls[e]})" for e in event.entities if e in entity_urls)
        content = f"{text}{markers}" + (f" — {people}" if people else "")
        precision = (INFERRED_PRECISION_TEXT if event.inferred else PRECISION_TEXT)[event.precision]
        sub = f"{thread_labels[event.thread]} · {precision}"
        # On the full timeline (the one with notes) each event is a link target: entity pages point at it.
        anchor = f'<span class="event-anchor" id="{event_anchor(event)}"></span>' if notes else ""
        items.append(
            {
                "title": f"{anchor}{when}: {unmarked(event.title)}",
                "sub_title": sub,
                "content": content,
                "key": f"thread-{event.thread}",
            }
        )
    # "::" written as ":\u003a" (read back as "::"): an event's text saying "::/timeline::" must not end the block.
    body = "\n".join(f"- {json.dumps(item, ensure_ascii=False)}".replace("::", ":\\u003a") for item in items)
    return f"::timeline::\n{body}\n::/timeline::\n"


def _names(site: Site) -> dict[str, str]:
    return {e.id: e.name for e in site.data.entities}


def _entity_urls(site: Site, page: str) -> dict[str, str]:
    return {e.id: rel(page, entity_path(e.id)) for e in site.data.entities}


def render_narrative(site: Site, page: narrative_mod.NarrativePage) -> str:
    notes = Footnotes(site, page.path, page.title)
    for use in page.uses:
        if isinstance(use, narrative_mod.CitationUse):
            notes.marker(use.citation)
        else:
            notes.mark(use.mark)
    urls = _entity_urls(site, page.path)
    narrative_mod.link_entities(page, site.data.entities, urls)
    for entity_id in page.entity_links:
        site.linked_from.setdefault(entity_id, []).append(Backlink(page.path, page.title))
    body: list[str] = []
    map_figure = _place_map(site, page.path)
    for line in page.lines:
        match = narrative_mod.DIRECTIVE.fullmatch(line.strip())
        if map_figure and line.startswith("## "):  # the map closes the page's opening, before its first section
            body.append(map_figure)
            map_figure = ""
        if not match:
            body.append(line)
            if page.kind == "topic" and line.startswith("# "):
                body.append(f"\n*{_reading_time(page)}*{{ .reading-time }}\n")
        elif match["name"] == "sources":
            body.append(_home_sources(site, page.path))
        elif match["arg"] in site.data.story.thread_labels:
            # A topic page's prose leads: its thread's events are one link away, on the timeline filtered to it.
            events = _timeline_events(site, match["arg"])
            target = rel(page.path, "timeline.md") + f"#{match['arg']}"
            count = f"{len(events)} {_plural(len(events), 'event')}"
            body.append(
                f"[The {count} of this thread on the timeline]({target}){{ .md-button }} "
                "— dated, with their sources; worked-out dates are marked *inferred*.\n"
            )
        else:
            events = _timeline_events(site, match["arg"])
            # Citation markers cost the reader's browser a tooltip each; the slice's events are cited on the
            # full timeline, and the prose above cites the same facts.
            body.append(timeline_block(events, None, urls, _names(site), site.data.story.thread_labels))
            body.append(f"Each event's sources are cited on the [full timeline]({rel(page.path, 'timeline.md')}).\n")
    return _page(page.title, page.description, "\n".join(body).rstrip() + "\n\n" + notes.definitions())


def _place_map(site: Site, page: str) -> str:
    """The "Where it happened" figure for a page that shows it (raw HTML: links to the built `.html` pages)."""
    if site.place_map is None or page not in site.place_map.spec.pages:
        return ""
    links = {e.id: rel(page, entity_path(e.id)).removesuffix(".md") + ".html" for e in site.data.entities}
    timeline = rel(page, "timeline.md").removesuffix(".md") + ".html"
    told = {}
    for event in site.data.events:
        when = event_date_label(event)
        when = narrative_mod.mark_html(Mark("inferred", when, "")) if event.inferred else when
        # The date links to the event on the timeline, where its basis and its citations are.
        title = html.escape(unmarked(event.title), quote=False)
        told[event.id] = f'{title}, <a href="{timeline}#{event_anchor(event)}">{when}</a>'
    return "\n" + place_map_mod.figure(site.place_map, site.data.entities, links, told)


def _reading_time(page: narrative_mod.NarrativePage) -> str:
    """About how long the page's prose takes to read, at 200 words a minute (citations and headings aside)."""
    words = sum(len(line.split()) for line in page.lines if line.strip() and not line.startswith(("#", "@")))
    minutes = max(1, round(words / 200))
    return f"About {minutes} {_plural(minutes, 'minute')} to read"


def _home_sources(site: Site, page: str) -> str:
    """The sources table; for a large corpus only the sources the site cites, with a link to the full list."""
    shown = site.sources
    if len(shown) > HOME_SOURCES:
        cited = {citation.source for citation in site.resolved}
        shown = [s for s in site.sources if s.id in cited]
    # The offline bundle's link (an include fragment: its address is the site root's, as is the home page's).
    table = sources_table(shown, lambda source_id: rel(page, source_path(source_id))) + "\n{!offline-bundle.md!}\n"
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
    events = site.data.events
    counts = Counter(e.thread for e in events)
    # The buttons are the legend: each carries its thread's dot colour and its number of events.
    buttons = "".join(
        f'<button type="button" class="md-button thread-{key}" id="{key}" data-thread="{key}" '
        f'aria-pressed="{str(key == "all").lower()}"><span class="thread-dot" aria-hidden="true"></span>'
        f"{label} · {counts[key] if key != 'all' else len(events)}</button>"
        for key, label in (("all", "All threads"), *site.data.story.thread_labels.items())
    )
    years: dict[str, list[Event]] = {}
    for event in events:
        years.setdefault(event.date[:4], []).append(event)
    jump = " · ".join(f'<a href="#year-{year}">{year}</a>' for year in years)
    intro = (
        "# Timeline\n\n"
        f"Every dated event the sources report, oldest first: {len(events)} events. Each shows how precise its "
        'date is; a date worked out from a weekday or a phrase such as "last year" carries the mark '
        '<span class="claim-marked">date<sup class="claim-mark">inferred</sup></span>, and its note says how. '
        "Every event cites the sources that report it.\n\n"
        # The filter and the year index stay in view together while the reader scrolls (on wider screens).
        '<div class="timeline-controls">\n'
        f'<div class="thread-filter" role="group" aria-label="Show one thread">{buttons}</div>\n'
        f'<nav class="year-index" aria-label="Years">Jump to {jump}</nav>\n'
        "</div>\n\n"
    )
    urls, names = _entity_urls(site, page), _names(site)
    sections = [
        f"## {year} {{ #year-{year} .timeline-year }}\n\n"
        + timeline_block(group, notes, urls, names, site.data.story.thread_labels)
        for year, group in years.items()
    ]
    text = intro + "\n".join(sections) + "\n" + notes.definitions()
    description = site.data.story.description_of("timeline")
    return _page("Timeline", description, text)


def render_disputes(site: Site) -> str:
    page = "disputes.md"
    notes = Footnotes(site, page, "Disputed facts")
    labels = [side.label for side in site.data.story.sides]
    parts = [
        "# Disputed facts\n\n",
        f"Questions on which the sources report {' and '.join(labels)} apart, each side in its own column, as the "
        "sources report it; where a side's position is not reported, its column says so. This site does not decide "
        "between them.\n\n",
    ]
    header = "| " + " | ".join(f"{label}'s position" for label in labels) + " |\n|" + "---|" * len(labels) + "\n"
    for dispute in site.data.disputes:
        cells = [notes.marked(p.position) + "".join(notes.marker(c) for c in p.citations) for p in dispute.positions]
        question = inert_inline(dispute.question)  # curated text: a heading and a table-of-contents entry, never HTML
        parts.append(
            f'## {question} {{#{dispute.id}}}\n\n<div class="stack-table disputes-table" markdown="1">\n\n' + header
        )
        parts.append("| " + " | ".join(cells) + " |\n\n</div>\n\n")
    parts.append(notes.definitions())
    description = site.data.story.description_of("disputes")
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
        parts.append(
            f"## {inert_inline(topic)}\n\n"
            '<div class="stack-table figures-table" markdown="1">\n\n'
            "| Figure | What it counts | As of | Source |\n|---|---|---|---|\n"
        )
        for figure in figures:
            source = site.source(figure.citation.source)
            link = rel(page, source_path(source.id))
            outlet = inert_inline(source.metadata.get("outlet") or source.id)
            number = f"**{inert_inline(figure.number)}**{notes.marker(figure.citation)}"
            where = f"[{outlet}, {inert_inline(date_label(source))}]({link})"
            parts.append(f"| {number} | {notes.marked(figure.counts)} | {inert_inline(figure.as_of)} | {where} |\n")
        parts.append("\n</div>\n\n")
    parts.append(notes.definitions())
    description = site.data.story.description_of("figures")
    return _page("Figures", description, "".join(parts))


def render_glossary(site: Site) -> str:
    notes = Footnotes(site, "glossary.md", "Glossary")
    rows = "".join(
        f"| **{inert_inline(t.term)}** | {_supported(notes, t.definition, t.citations, t.background)} |\n"
        for t in site.data.glossary
    )
    text = (
        "# Glossary\n\nTerms and abbreviations used on this site. Wherever they appear in the text, they are "
        "underlined with dots: point at one, or tap or focus it, to see its definition. Definitions marked "
        "*background* are general knowledge that no source article states; the note says where they come from.\n\n"
        "| Term | Meaning |\n|---|---|\n" + rows + "\n" + notes.definitions()
    )
    description = site.data.story.description_of("glossary")
    return _page("Glossary", description, text)


def abbreviations_fragment(site: Site) -> str:
    """Glossary tooltips. The definition is escaped once, so the title attribute holds it as typed (Python-Markdown
    writes an entity it finds in an attribute as it is: "&lt;" would reach the reader as "<"); tooltip-text.js
    makes the title inert for Material, which renders tooltips as HTML. The abbr extension matches whole words
    (\\b…\\b): a term starting or ending in punctuation ("U.S.") is matched without it."""
    lines = []
    for t in site.data.glossary:
        term = re.sub(r"^\W+|\W+$", "", t.term) or t.term
        lines.append(f"*[{term}]: {html.escape(t.definition, quote=False)}\n")
    return "".join(lines)


def rights_fragment(site: Site) -> str:
    lines = []
    for source in site.sources:
        rights = source.metadata.get("rights") or "not stated: quoted for research and commentary"
        # Links are relative to about.md (docs/), the page that includes this fragment.
        lines.append(f"- [{inert_inline(source.title)}]({source_path(source.id)}) — {inert_inline(rights)}")
    if not search_scope.full_text(len(site.sources)):  # the titles again: out of a titles-only search index
        return "<div markdown data-search-exclude>\n\n" + "\n".join(lines) + "\n\n</div>\n"
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


NATIVE_NAMES_SCRIPT = "assets/native-names.js"


def native_names_script(site: Site) -> str:
    """Every native name → its language, for the script that marks them in search results (native-lang.js)."""
    names = {name.text: name.lang for entity in site.data.entities for name in entity.native}
    return f"window.explainerNativeNames = {json.dumps(names, ensure_ascii=False, sort_keys=True)};\n"


def render_entity(site: Site, entity: Entity, mentions: list[Mention]) -> str:
    page = entity_path(entity.id)
    notes = Footnotes(site, page, entity.name)
    parts = [f"# {inert_inline(entity.name)}\n\n"]
    facts = [f"**Role at the time:** {_supported(notes, entity.role, entity.citations, entity.background)}"]
    if entity.native:
        facts.append(f"**In native script:** {native_names(entity)}")
    facts.append(f"**Kind:** {entity.kind}")
    parts.append("  \n".join(facts) + "\n\n")
    written = [s for s in site.sources if s.metadata.get("author") == entity.name]
    if written:
        parts.append(f"## Articles by {inert_inline(entity.name)}\n\n")
        for source in written:
            where = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}"
            parts.append(
                f"- [{inert_inline(source.title)}]({rel(page, source_path(source.id))}) — {inert_inline(where)}\n"
            )
        parts.append("\n")
    events = [e for e in site.data.events if entity.id in e.entities]
    if events:
        parts.append("## Events\n\n")
        # Raw HTML: MkDocs checks anchors only against headings, and every event's anchor is on the full timeline.
        timeline_html = rel(page, "timeline.md").removesuffix(".md") + ".html"
        for event in events:
            parts.append(
                f"- {event_date_label(event)}: {inert_inline(event.title)} "
                f'(<a href="{timeline_html}#{event_anchor(event)}">timeline</a>)\n'
            )
        parts.append("\n")
    # Each mention repeats a sentence of a source page: kept out of the search index, which has the source.
    # The heading keeps one anchor whatever the count; "(0)" would read as a fault where the text explains.
    count = f" ({len(mentions)})" if mentions else ""
    parts.append(f"## Mentions in the sources{count} {{ #mentions data-search-exclude }}\n\n")
    if not mentions:
        where = "; it is referred to in the events above" if events else ""
        parts.append(f"The sources do not name this entry by any of its names{where}.\n\n")
    parts.append(_mentions_list(page, mentions))
    backlinks = site.linked_from.get(entity.id, [])
    if backlinks:
        parts.append("\n## Linked from { data-search-exclude }\n\n")
        for link in sorted(set(backlinks), key=lambda b: b.page):
            parts.append(f"- [{inert_inline(link.title)}]({rel(page, link.page)})\n")
    parts.append("\n" + notes.definitions())
    description = site.data.story.description_of("entity", name=entity.name, role=entity.role)
    return _page(entity.name, description, "".join(parts))


def _supported(notes: Footnotes, text: str, citations: tuple[Citation, ...], background: str | None) -> str:
    """A data field with its support: citation markers, or the background mark with its basis."""
    if citations:
        return inert_inline(text) + "".join(notes.marker(c) for c in citations)
    shown = narrative_mod.mark_html(Mark("background", inert_inline(text), ""))
    return shown + notes.mark(Mark("background", text, background or ""))


def _mentions_list(page: str, mentions: list[Mention]) -> str:
    """The first QUOTED_MENTIONS mentions, each quoted and linked to its paragraph. A name that recurs across
    hundreds of articles (Beijing: 4,078 mentions at 1,000 sources) would make the page carry thousands of links
    on load: the whole list is a data file of its own instead (`mentions_data`), loaded by mentions.js only when
    the reader asks, and shown there searchable and sortable by date."""
    lines = []
    for mention in mentions[:QUOTED_MENTIONS]:
        where = _mention_where(mention)
        link = rel(page, f"{source_path(mention.source.id)}#p-{mention.paragraph}")
        lines.append(f"- “{inert_inline(nested_quote(mention.sentence))}” — [{inert_inline(where)}]({link})\n")
    if len(mentions) <= QUOTED_MENTIONS:
        return "".join(lines)
    articles = len({m.source.id for m in mentions})
    total = f"{len(mentions):,}"
    # Raw HTML: the list sits in a block the script finds by its data file, and the script is this page's alone
    # (a file of the site, so the content security policy's 'self' lets it and the data file run).
    script = rel(page, MENTIONS_SCRIPT)
    entity_id = posixpath.basename(page).removesuffix(".md")
    data = posixpath.basename(mentions_data_path(entity_id))
    return (
        f"The first {QUOTED_MENTIONS} are quoted here. All {total}, in {articles:,} "
        f"{_plural(articles, 'article')}, are one button away, with a search box and an order by date.\n\n"
        f'<div class="mention-list" markdown="1" data-entity="{entity_id}" data-mentions="{data}">\n\n'
        + "".join(lines)
        + "\n</div>\n\n"
        f'<p class="mention-list__more" hidden><button type="button" class="md-button">'
        f"Show all {total} mentions</button></p>\n\n"
        f'<script src="{script}"></script>\n'
    )


def _mention_where(mention: Mention) -> str:
    source = mention.source
    return f"{source.metadata.get('outlet') or source.id}, {date_label(source)}, ¶{mention.paragraph}"


MENTIONS_SCRIPT = "assets/javascripts/mentions.js"


@functools.lru_cache(maxsize=1 << 16)  # a sentence naming several entities is in each one's list
def _quoted(sentence: str) -> str:
    return " ".join(nested_quote(sentence).split())


def mentions_data_path(entity_id: str) -> str:
    """The data file of an entity's full mention list, beside its page (entities/<id>.mentions.js)."""
    return f"entities/{entity_id}.mentions.js"


def mentions_data(entity: Entity, mentions: list[Mention], known: dict[str, list[str]] | None = None) -> str:
    """An entity's every mention as a script that sets a global: loaded through a <script> tag, it works from
    file://, where browsers refuse fetch() of local files. Each source once (its page's address from the entity
    page, its label, its date for sorting); then each mention as [source, paragraph, sentence]. The script shows
    the text with textContent, so it stays inert. The paragraph anchors exist: every mention was found in one of
    its source's numbered paragraphs, and the source page gives each its id (#p-N). `known` keeps each source's
    entry for the next entity (every entity page is in the same folder, so the address is the same)."""
    known = {} if known is None else known
    index: dict[str, int] = {}
    sources: list[list[str]] = []
    rows: list[list[int | str]] = []
    for mention in mentions:
        source = mention.source
        if source.id not in index:
            index[source.id] = len(sources)
            if source.id not in known:
                address = rel(entity_path(entity.id), source_path(source.id)).removesuffix(".md") + ".html"
                label = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}"
                known[source.id] = [address, label, source.date.value.isoformat() if source.date.value else ""]
            sources.append(known[source.id])
        rows.append([index[source.id], mention.paragraph, _quoted(mention.sentence)])
    payload = json.dumps({"sources": sources, "mentions": rows}, ensure_ascii=False, separators=(",", ":"))
    return (
        "// Generated by `python -m explainer convert` from the sources: every mention of one entity (see pages.py).\n"
        "window.explainerMentions = window.explainerMentions || {};\n"
        f"window.explainerMentions[{json.dumps(entity.id)}] = {payload};\n"
    )


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


def _who_groups(entities: list[Entity]) -> list[tuple[str, list[Entity]]]:
    """Who's who in reading order: the groups the story is about first; then each side (an entity others speak
    for: a country) with the people and bodies that speak for it; then everyone else, by kind. People are sorted
    by surname."""

    def order(entity: Entity) -> tuple[int, str]:
        rank = {"group": 0, "place": 1, "person": 2, "organisation": 3}[entity.kind]
        return rank, entity.name.split()[-1] if entity.kind == "person" else entity.name

    by_id = {e.id: e for e in entities}
    sides = list(dict.fromkeys(e.side for e in entities if e.side and e.side in by_id))
    groups: list[tuple[str, list[Entity]]] = []
    story = [e for e in entities if e.kind == "group"]
    if story:
        groups.append(("The people the story is about", story))
    for side in sides:
        members = [by_id[side], *sorted((e for e in entities if e.side == side and e.kind != "group"), key=order)]
        groups.append((by_id[side].name, members))
    placed = {e.id for _, members in groups for e in members}
    for kind, label in KIND_LABELS.items():
        rest = sorted((e for e in entities if e.id not in placed and e.kind == kind), key=order)
        if rest:
            groups.append((f"Other {label.lower()}" if len(groups) > 0 else label, rest))
    return groups


def render_entity_index(site: Site, mentions: dict[str, list[Mention]]) -> str:
    page = "entities/index.md"
    parts = [
        "# People, organisations and places\n\n",
        "Everyone and everything the sources name, with the role at the time.\n\n",
    ]
    for label, entities in _who_groups(site.data.entities):
        parts.append(
            f"## {inert_inline(label)}\n\n"
            '<div class="stack-table whos-who" markdown="1">\n\n'
            "| Name | Native script | Role at the time | Mentions |\n|---|---|---|---|\n"
        )
        for entity in entities:
            native = native_names(entity)
            link = rel(page, entity_path(entity.id))
            count = len(mentions.get(entity.id, [])) or "—"
            parts.append(
                f"| [{inert_inline(entity.name)}]({link}) | {native} | {inert_inline(entity.role)} | {count} |\n"
            )
        parts.append("\n</div>\n\n")
    description = site.data.story.description_of("entities")
    return _page("People, organisations and places", description, "".join(parts))
