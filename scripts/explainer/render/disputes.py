"""The disputes page: each question with the two sides' positions in their own columns, cited."""

from __future__ import annotations

from ..data import marks_in
from .context import Note, Site
from .notes import Footnotes
from .text import inert_inline, page
from .urls import DISPUTES


def notes_of(site: Site) -> list[Note]:
    """The page's notes in the order `render_disputes` writes them: each position's marks, then its citations."""
    return [note for d in site.data.disputes for p in d.positions for note in [*marks_in(p.position), *p.citations]]


def render_disputes(site: Site) -> str:
    notes = Footnotes(site, DISPUTES)
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
    return page("Disputed facts", description, "".join(parts))
