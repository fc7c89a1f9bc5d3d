"""The timeline page (neoteroi.timeline, a section per year, the thread filter), and the timeline slices that home
and topic pages embed."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections import Counter

from .. import narrative as narrative_mod
from ..data import Event, Mark, marks_in
from ..dating import fmt
from .context import Note, Site
from .notes import Footnotes, unmarked
from .text import inert_inline, page
from .urls import TIMELINE, event_anchor

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


def _date_mark(event: Event) -> Mark | None:
    """A worked-out date carries the same small mark as a worked-out word; its reasoning is a numbered note."""
    return Mark("inferred", event_date_label(event), event.basis) if event.inferred and event.basis else None


def notes_of(events: list[Event]) -> list[Note]:
    """The notes of the full timeline, in the order `timeline_block` writes them."""
    notes: list[Note] = []
    for event in events:
        if mark := _date_mark(event):
            notes.append(mark)
        notes += marks_in(event.text)
        notes += event.citations
    return notes


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
        when = event_date_label(event)
        if mark := _date_mark(event):
            when = narrative_mod.mark_html(mark) + (notes.mark(mark) if notes else "")
        text = notes.marked(event.text) if notes else unmarked(event.text)
        markers = "".join(notes.marker(c) for c in event.citations) if notes else ""
        people = ", ".join(f"[{inert_inline(names[e])}]({entity_urls[e]})" for e in event.entities if e in entity_urls)
        content = f"{text}{markers}" + (f" — {people}" if people else "")
        precision = (INFERRED_PRECISION_TEXT if event.inferred else PRECISION_TEXT)[event.precision]
        sub = f"{thread_labels[event.thread]} · {precision}"
        # On the full timeline (the one with notes) each event is a link target: entity pages point at it.
        anchor = f'<span class="event-anchor" id="{event_anchor(event.id)}"></span>' if notes else ""
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


def timeline_events(site: Site, which: str) -> list[Event]:
    """The events a timeline directive names: all, the home page's, or one thread's."""
    if which == "all":
        return site.data.events
    if which == "home":
        return [e for e in site.data.events if e.home]
    return [e for e in site.data.events if e.thread == which]


def render_timeline(site: Site) -> str:
    notes = Footnotes(site, TIMELINE)
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
    sections = [
        f"## {year} {{ #year-{year} .timeline-year }}\n\n"
        + timeline_block(group, notes, site.entity_urls(TIMELINE), site.names(), site.data.story.thread_labels)
        for year, group in years.items()
    ]
    text = intro + "\n".join(sections) + "\n" + notes.definitions()
    description = site.data.story.description_of("timeline")
    return page("Timeline", description, text)
