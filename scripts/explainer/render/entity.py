"""An entity's page (role, native names, articles by it, events, its mentions in the sources, the pages linking
it) and, for an entity named more than QUOTED_MENTIONS times, the data file of its full mention list."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path

from ..data import Entity
from .context import Mention, Note, Site
from .glossary import Abbreviations
from .html import Html, block
from .notes import Footnotes, supported, supported_notes
from .text import date_label, inert_inline, nested_quote, page, plural, where_label
from .timeline import event_date_label
from .urls import (
    MENTIONS_SCRIPT,
    TIMELINE,
    Links,
    Origin,
    built,
    entity_path,
    event_anchor,
    mentions_data_path,
    paragraph_anchor,
    rel,
    source_path,
)

# An entity page quotes this many mentions in full; further ones are listed by article and paragraph.
QUOTED_MENTIONS = 50
LANGUAGE_NAMES = {"ja": "Japanese", "zh-Hans": "simplified Chinese", "zh-Hant": "traditional Chinese", "ko": "Korean"}


def notes_of(entity: Entity) -> list[Note]:
    return supported_notes(entity.citations, entity.role, entity.background)


def native_names(entity: Entity) -> str:
    """Each native name in a span marked with its language (so browsers pick the right glyphs and screen readers
    the right voice), followed by the language's name: `<span lang="ja">瀋陽</span> (Japanese)`."""
    return "; ".join(
        f'<span lang="{name.lang}">{inert_inline(name.text)}</span> ({LANGUAGE_NAMES[name.lang]})'
        for name in entity.native
    )


def native_names_script(site: Site) -> str:
    """Every native name → its language, for the script that marks them in search results (native-lang.js)."""
    names = {name.text: name.lang for entity in site.data.entities for name in entity.native}
    return f"window.explainerNativeNames = {json.dumps(names, ensure_ascii=False, sort_keys=True)};\n"


def render_entity(site: Site, entity: Entity, links: Links, entities_file: Path) -> str:
    """An entity's page: its name, facts and notes in Markdown (the footnotes extension numbers and links them);
    its lists (articles, events, mentions, the pages linking it) as finished HTML, every link recorded in `links`
    for the check and every glossary term marked as the abbr extension would (glossary.Abbreviations)."""
    here = entity_path(entity.id)
    origin = Origin(entities_file, entity.line)
    abbreviated = Abbreviations(site)
    mentions = site.mentions.get(entity.id, [])
    notes = Footnotes(site, here)
    parts = [f"# {inert_inline(entity.name)}\n\n"]
    facts = [f"**Role at the time:** {supported(notes, entity.role, entity.citations, entity.background)}"]
    if entity.native:
        facts.append(f"**In native script:** {native_names(entity)}")
    facts.append(f"**Kind:** {entity.kind}")
    parts.append("  \n".join(facts) + "\n\n")
    written = [s for s in site.sources if s.metadata.get("author") == entity.name]
    names = {n.casefold() for n in (entity.name, *entity.aliases)}
    published = [s for s in site.sources if _outlet_name(s.metadata.get("outlet")) in names]
    for heading, articles in (("Articles by", written), ("Articles from", published)):
        if not articles:
            continue
        parts.append(f"## {heading} {inert_inline(entity.name)}\n")
        items = (
            _ITEM_LINK.format(
                links.to(here, source_path(s.id), "", origin),
                abbreviated(s.title),
                Html(" — {}").format(abbreviated(where_label(s))),
            )
            for s in articles
        )
        parts.append(block(_list(items)))
    events = [e for e in site.data.events if entity.id in e.entities]
    if events:
        parts.append("## Events\n")
        events_file = entities_file.with_name("events.yml")
        items = (
            Html('<li>{}: {} (<a href="{}">timeline</a>)</li>').format(
                abbreviated(event_date_label(event)),
                abbreviated(event.title),
                links.to(here, TIMELINE, event_anchor(event.id), Origin(events_file, event.line)),
            )
            for event in events
        )
        parts.append(block(_list(items)))
    # Each mention repeats a sentence of a source page: kept out of the search index, which has the source.
    # The heading keeps one anchor whatever the count; "(0)" would read as a fault where the text explains.
    count = f" ({len(mentions)})" if mentions else ""
    parts.append(f"## Mentions in the sources{count} {{ #mentions data-search-exclude }}\n")
    body = Html("")
    if not mentions:
        where = "; it is referred to in the events above" if events else ""
        if written or published:  # named in a byline or an outlet's line, which are not the articles' text
            where = f"; it is named as the {'author' if written else 'outlet'} of the articles above"
        body = Html("<p>{}</p>\n").format(
            abbreviated(f"The articles' text does not name this entry by any of its names{where}.")
        )
    parts.append(block(body + _mentions_list(entity.id, mentions, links, abbreviated)))
    backlinks = site.linked_from.get(entity.id, [])
    if backlinks:
        parts.append("## Linked from { data-search-exclude }\n")
        items = (
            _ITEM_LINK.format(links.to(here, link.page, "", link.origin or origin), abbreviated(link.title), "")
            for link in sorted(set(backlinks), key=lambda b: b.page)
        )
        parts.append(block(_list(items)))
    parts.append("\n" + notes.definitions())
    description = site.data.story.description_of("entity", name=entity.name, role=entity.role)
    return page(entity.name, description, "".join(parts))


_ITEM_LINK = Html('<li><a href="{}">{}</a>{}</li>')


def _list(items: Iterable[Html]) -> Html:
    return Html("<ul>\n{}\n</ul>").format(Html("\n").join(items))


def _mentions_list(entity_id: str, mentions: list[Mention], links: Links, abbreviated: Abbreviations) -> Html:
    """The first QUOTED_MENTIONS mentions, each quoted and linked to its paragraph. A name that recurs across
    hundreds of articles (Beijing: 4,078 mentions at 1,000 sources) would make the page carry thousands of links
    on load: the whole list is a data file of its own instead (`mentions_data`), loaded by mentions.js only when
    the reader asks, and shown there searchable and sortable by date."""
    here = entity_path(entity_id)
    items = []
    for mention in mentions[:QUOTED_MENTIONS]:
        where = f"{where_label(mention.source)}, ¶{mention.paragraph}"
        link = links.to(
            here, source_path(mention.source.id), paragraph_anchor(mention.paragraph), Origin(mention.source.path)
        )
        items.append(
            Html('<li>“{}” — <a href="{}">{}</a></li>').format(
                abbreviated(nested_quote(mention.sentence)), link, abbreviated(where)
            )
        )
    if not items:
        return Html("")
    if len(mentions) <= QUOTED_MENTIONS:
        return _list(items)
    articles = len({m.source.id for m in mentions})
    total = f"{len(mentions):,}"
    # The list sits in a block the script finds by its data file, and the script is this page's alone (a file of
    # the site, so the content security policy's 'self' lets it and the data file run).
    script = rel(here, MENTIONS_SCRIPT)
    data = mentions_data_path(entity_id).rpartition("/")[2]
    lead = (
        f"The first {QUOTED_MENTIONS} are quoted here. All {total}, in {articles:,} "
        f"{plural(articles, 'article')}, are one button away, with a search box and an order by date."
    )
    return Html(
        '<p>{}</p>\n<div class="mention-list" data-entity="{}" data-mentions="{}">\n{}\n</div>\n'
        '<p class="mention-list__more" hidden><button type="button" class="md-button">Show all {} mentions</button>'
        '</p>\n<script src="{}"></script>\n'
    ).format(abbreviated(lead), entity_id, data, _list(items), total, script)


@functools.lru_cache(maxsize=1 << 16)  # a sentence naming several entities is in each one's list
def _quoted(sentence: str) -> str:
    return " ".join(nested_quote(sentence).split())


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
                address = built(entity_path(entity.id), source_path(source.id))
                label = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}"
                known[source.id] = [address, label, source.date.value.isoformat() if source.date.value else ""]
            sources.append(known[source.id])
        rows.append([index[source.id], mention.paragraph, _quoted(mention.sentence)])
    payload = json.dumps({"sources": sources, "mentions": rows}, ensure_ascii=False, separators=(",", ":"))
    return (
        "// Generated by `python -m explainer convert` from the sources: every mention of one entity (see "
        "render/entity.py).\n"
        "window.explainerMentions = window.explainerMentions || {};\n"
        f"window.explainerMentions[{json.dumps(entity.id)}] = {payload};\n"
    )


@functools.lru_cache(maxsize=4096)  # asked once per entity page and source: a few outlets, many pages
def _outlet_name(outlet: str | None) -> str | None:
    """An outlet as an entity would be named: "The Chosun Ilbo (English edition)" → "chosun ilbo"."""
    if not outlet:
        return None
    name = re.sub(r"\s*\([^)]*\)\s*$", "", outlet).strip()
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).casefold()
