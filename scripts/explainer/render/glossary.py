"""The glossary page, and the fragment that makes its terms tooltips on every page."""

from __future__ import annotations

import html
import re

from .context import Note, Site
from .notes import Footnotes, supported, supported_notes
from .text import inert_inline, page
from .urls import GLOSSARY

ABBREVIATIONS_FRAGMENT = "includes/abbreviations.md"


def notes_of(site: Site) -> list[Note]:
    return [note for t in site.data.glossary for note in supported_notes(t.citations, t.definition, t.background)]


def render_glossary(site: Site) -> str:
    notes = Footnotes(site, GLOSSARY)
    rows = "".join(
        f"| **{inert_inline(t.term)}** | {supported(notes, t.definition, t.citations, t.background)} |\n"
        for t in site.data.glossary
    )
    text = (
        "# Glossary\n\nTerms and abbreviations used on this site. Wherever they appear in the text, they are "
        "underlined with dots: point at one, or tap or focus it, to see its definition. Definitions marked "
        "*background* are general knowledge that no source article states; the note says where they come from.\n\n"
        "| Term | Meaning |\n|---|---|\n" + rows + "\n" + notes.definitions()
    )
    description = site.data.story.description_of("glossary")
    return page("Glossary", description, text)


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
