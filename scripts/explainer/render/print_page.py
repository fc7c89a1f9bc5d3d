"""The whole explainer on one page, for printing and for the PDF: a title page, then home, the three topics,
timeline, disputes, figures and glossary in reading order, with one continuous set of numbered notes.

Each chapter is rendered by the same functions as its own page (the first pass plans no notes for the print page,
so it never shows up in "Cited by"), then its notes are renumbered to follow the previous chapter's."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import posixpath
import re

from .. import narrative as narrative_mod
from ..dating import fmt
from . import disputes, figures, glossary, timeline, topic
from .context import Site
from .html import Html
from .text import ABBREVIATIONS, inert_inline
from .urls import PRINT_PAGE, rel

PRINT_LINK_TEXT = "Print or save as PDF"
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n\n", re.S)
_MARKER = re.compile(r"\[\^(\d+)\]")
_DEFINITION = re.compile(r"^\[\^\d+\]: ", re.M)
_FILTER = re.compile(r'^<div class="thread-filter".*</div>\n', re.M)
# Hand-written links in a narrative page, relative to its folder: rewritten for a page at the site's root.
_LINK = re.compile(r"\]\((?![a-z]+:|#|/)([^)\s]+)\)")


def print_link(page: str) -> str:
    return f"[{PRINT_LINK_TEXT}]({rel(page, PRINT_PAGE)}){{ .print-link data-search-exclude }}\n"


def _at_root(page: narrative_mod.NarrativePage) -> narrative_mod.NarrativePage:
    """A copy of a narrative page as if it stood at the site's root (its own links re-pointed)."""
    moved = copy.deepcopy(page)
    folder = posixpath.dirname(page.path)

    def repoint(match: re.Match[str]) -> str:
        return "](" + posixpath.normpath(posixpath.join(folder, match[1])) + ")"

    moved.lines = [_LINK.sub(repoint, line) if folder else line for line in page.lines]
    moved.path = PRINT_PAGE
    return moved


def _chapter(markdown: str, offset: int) -> tuple[str, list[str], int]:
    """A rendered page's body with its notes renumbered from `offset`: (body, note definitions, notes used)."""
    body = _FRONT_MATTER.sub("", markdown).replace(ABBREVIATIONS, "").rstrip() + "\n"
    body = _FILTER.sub("", body)
    numbers = {int(n) for n in _MARKER.findall(body)}
    body = _MARKER.sub(lambda m: f"[^{int(m[1]) + offset}]", body)
    kept, notes = [], []
    for line in body.split("\n"):
        (notes if _DEFINITION.match(line) else kept).append(line)
    return "\n".join(kept).rstrip() + "\n", notes, max(numbers, default=0)


_CHAPTER_HEADING = re.compile(r"^# (?P<title>[^\n{]+?)\s*$", re.MULTILINE)


def _numbered(body: str, number: int) -> tuple[str, str]:
    """A chapter's first heading given the anchor `chapter-N` (for the contents list): (body, its title)."""
    found = _CHAPTER_HEADING.search(body)
    if not found:
        return body, ""
    heading = f"# {found['title']} {{ #chapter-{number} }}"
    return body[: found.start()] + heading + body[found.end() :], found["title"]


def _contents(titles: list[str]) -> str:
    """The chapters in reading order, each a link to its heading (on paper: a list of what follows). A title is
    its heading's text as rendered, inert already."""
    rows = Html("").join(
        Html('<li><a href="#chapter-{}">{}</a></li>').format(n, Html(title))
        for n, title in enumerate(titles, 1)
        if title
    )
    return Html(
        '<div class="print-contents" data-search-exclude><p class="print-title-sources">Contents</p>'
        "<ol>{}</ol></div>\n\n"
    ).format(rows)


_SOURCE_ROW = Html("<li>{}, {} ({})</li>")
_TITLE_PAGE = Html(
    '<div class="print-title" data-search-exclude><p class="print-title-name">{title}</p>'
    '<p class="print-title-sub">An explainer built from news articles</p>'
    '<p class="print-title-date">Built on {built}, from the sources below.</p>'
    '<p class="print-title-sources">Sources ({count})</p><ul>{rows}</ul></div>\n\n'
)


def _title_page(site: Site, title: str, built: dt.date) -> str:
    rows = Html("").join(
        _SOURCE_ROW.format(
            s.metadata.get("outlet") or s.id, s.title, fmt(s.date.value) if s.date.value else "date unknown"
        )
        for s in site.sources
    )
    return _TITLE_PAGE.format(title=title, built=fmt(built), count=len(site.sources), rows=rows)


def _narrative_chapter(site: Site, page: narrative_mod.NarrativePage) -> str:
    """A home or topic page rendered as a chapter at the site's root, with the notes its page plans."""
    moved = _at_root(page)
    return topic.render_narrative(
        dataclasses.replace(site, planned={**site.planned, PRINT_PAGE: topic.notes_of(moved)}), moved
    )


def render_print_page(site: Site, narrative: list[narrative_mod.NarrativePage], title: str, built: dt.date) -> str:
    """The print page's Markdown."""
    by_path = {page.path: page for page in narrative}
    order = ["index.md", *site.data.story.thread_pages.values()]
    rendered = [_narrative_chapter(site, by_path[path]) for path in order if path in by_path]
    rendered += [
        timeline.render_timeline(site),
        disputes.render_disputes(site),
        figures.render_figures(site),
        glossary.render_glossary(site),
    ]
    on_screen = (  # hidden on paper by the print stylesheet
        '<p class="print-link" data-search-exclude>To print it, or save it as PDF, use your browser\'s Print '
        "command.</p>\n\n{!offline-bundle.md!}\n\n"
    )
    parts = [on_screen, _title_page(site, title, built)]
    notes: list[str] = []
    titles: list[str] = []
    for number, markdown in enumerate(rendered, 1):
        body, definitions, _ = _chapter(markdown, len(notes))
        body, chapter = _numbered(body, number)
        titles.append(chapter)
        parts.append(body + "\n")
        notes += definitions
    parts.insert(2, _contents(titles))
    parts.append("# Notes\n\nEvery note cites a source and the words quoted from it.\n\n" + "\n".join(notes) + "\n")
    front = (
        "---\n"
        f'title: "{inert_inline("Print: " + title)}"\n'
        'description: "The whole explainer on one page, in reading order, with one set of notes: for printing or '
        'saving as PDF."\n'
        "search:\n  exclude: true\n"  # the chapters are indexed on their own pages already
        "---\n\n"
    )
    return front + "".join(parts) + "\n" + ABBREVIATIONS + "\n"
