"""The figures page: the numbers the sources give, by topic, each as its source states it."""

from __future__ import annotations

from ..data import marks_in
from .context import Note, Site
from .notes import Footnotes
from .text import date_label, inert_inline, page
from .urls import FIGURES, rel, source_path


def notes_of(site: Site) -> list[Note]:
    """The page's notes in the order `render_figures` writes them: each figure's citation, then its marks."""
    return [note for f in site.data.figures for note in [f.citation, *marks_in(f.counts)]]


def render_figures(site: Site) -> str:
    notes = Footnotes(site, FIGURES)
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
            link = rel(FIGURES, source_path(source.id))
            outlet = inert_inline(source.metadata.get("outlet") or source.id)
            number = f"**{inert_inline(figure.number)}**{notes.marker(figure.citation)}"
            where = f"[{outlet}, {inert_inline(date_label(source))}]({link})"
            parts.append(f"| {number} | {notes.marked(figure.counts)} | {inert_inline(figure.as_of)} | {where} |\n")
        parts.append("\n</div>\n\n")
    parts.append(notes.definitions())
    description = site.data.story.description_of("figures")
    return page("Figures", description, "".join(parts))
