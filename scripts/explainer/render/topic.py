"""Home and topic pages: the narrative Markdown with its citations as notes, entities linked, and its directives
(`@timeline(…)`, `@sources`) and the "Where it happened" map in place."""

from __future__ import annotations

import dataclasses
import html

from .. import narrative as narrative_mod
from .. import place_map as place_map_mod
from ..data import Mark
from ..narrative import CitationUse, NarrativePage
from .context import Note, Site
from .home import home_sources
from .notes import Footnotes, unmarked
from .text import page, plural
from .timeline import event_date_label, timeline_block, timeline_events
from .urls import TIMELINE, built, entity_path, event_anchor, rel


def notes_of(narrative: NarrativePage) -> list[Note]:
    """A narrative page's notes: its citations and marks as written (narrative.py numbered them in order)."""
    return [use.citation if isinstance(use, CitationUse) else use.mark for use in narrative.uses]


def linked_entities(site: Site, narrative: NarrativePage) -> set[str]:
    """The entities the page's text links (the first mention of each in each section), without rendering it."""
    scratch = _linkable(narrative)
    narrative_mod.link_entities(scratch, site.data.entities, site.entity_urls(narrative.path))
    return scratch.entity_links


def _linkable(narrative: NarrativePage) -> NarrativePage:
    """A copy whose lines and entity links `narrative.link_entities` may change: the parsed page stays as read."""
    return dataclasses.replace(narrative, lines=list(narrative.lines), entity_links=set())


def render_narrative(site: Site, narrative: NarrativePage) -> str:
    notes = Footnotes(site, narrative.path)
    for use in narrative.uses:
        if isinstance(use, CitationUse):
            notes.marker(use.citation)
        else:
            notes.mark(use.mark)
    here = narrative.path
    urls = site.entity_urls(here)
    narrative = _linkable(narrative)
    narrative_mod.link_entities(narrative, site.data.entities, urls)
    body: list[str] = []
    map_figure = _place_map(site, here)
    for line in narrative.lines:
        match = narrative_mod.DIRECTIVE.fullmatch(line.strip())
        if map_figure and line.startswith("## "):  # the map closes the page's opening, before its first section
            body.append(map_figure)
            map_figure = ""
        if not match:
            body.append(line)
            if narrative.kind == "topic" and line.startswith("# "):
                body.append(f"\n*{_reading_time(narrative)}*{{ .reading-time }}\n")
        elif match["name"] == "sources":
            body.append(home_sources(site, here))
        elif match["arg"] in site.data.story.thread_labels:
            # A topic page's prose leads: its thread's events are one link away, on the timeline filtered to it.
            events = timeline_events(site, match["arg"])
            target = rel(here, TIMELINE) + f"#{match['arg']}"
            count = f"{len(events)} {plural(len(events), 'event')}"
            body.append(
                f"[The {count} of this thread on the timeline]({target}){{ .md-button }} "
                "— dated, with their sources; worked-out dates are marked *inferred*.\n"
            )
        else:
            events = timeline_events(site, match["arg"])
            # Citation markers cost the reader's browser a tooltip each; the slice's events are cited on the
            # full timeline, and the prose above cites the same facts.
            body.append(timeline_block(events, None, urls, site.names(), site.data.story.thread_labels))
            body.append(f"Each event's sources are cited on the [full timeline]({rel(here, TIMELINE)}).\n")
    return page(narrative.title, narrative.description, "\n".join(body).rstrip() + "\n\n" + notes.definitions())


def _place_map(site: Site, here: str) -> str:
    """The "Where it happened" figure for a page that shows it (raw HTML: links to the built `.html` pages)."""
    if site.place_map is None or here not in site.place_map.spec.pages:
        return ""
    links = {e.id: built(here, entity_path(e.id)) for e in site.data.entities}
    timeline = built(here, TIMELINE)
    told = {}
    for event in site.data.events:
        when = event_date_label(event)
        when = narrative_mod.mark_html(Mark("inferred", when, "")) if event.inferred else when
        # The date links to the event on the timeline, where its basis and its citations are.
        title = html.escape(unmarked(event.title), quote=False)
        told[event.id] = f'{title}, <a href="{timeline}#{event_anchor(event.id)}">{when}</a>'
    return "\n" + place_map_mod.figure(site.place_map, site.data.entities, links, told)


def _reading_time(narrative: NarrativePage) -> str:
    """About how long the page's prose takes to read, at 200 words a minute (citations and headings aside)."""
    words = sum(len(line.split()) for line in narrative.lines if line.strip() and not line.startswith(("#", "@")))
    minutes = max(1, round(words / 200))
    return f"About {minutes} {plural(minutes, 'minute')} to read"
