"""The glossary page, and the fragment that makes its terms tooltips on every page."""

from __future__ import annotations

import html
import re

from .context import Note, Site
from .html import Html
from .notes import Footnotes, supported, supported_notes
from .text import INLINE_SPECIALS, inert_block, inert_inline, page
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


# What Python-Markdown reads as an entity (and stores aside) in text the converter made inert: a character of these
# is never part of a glossary term the abbr extension matches, and it ends a word for its \b as any punctuation.
_INERT = re.compile("[" + re.escape("".join(sorted(INLINE_SPECIALS))) + "]")


class Abbreviations:
    """The glossary's tooltips written into finished HTML: the `<abbr title>` elements the abbr extension adds to a
    Markdown page's text (abbreviations_fragment), found and written the same way, so a finished page shows them
    as a Markdown page does: whole words (\\b…\\b), longest term first, in inert text (inert_inline: no term with a
    character it writes as an entity is ever found there)."""

    def __init__(self, site: Site):
        self.titles: dict[str, str] = {}
        for t in site.data.glossary:
            term = re.sub(r"^\W+|\W+$", "", t.term) or t.term
            # As the abbr extension reads the fragment's line and Python-Markdown writes it in an attribute.
            self.titles[term] = html.escape(t.definition, quote=False).strip().replace('"', "&quot;")
        terms = sorted(self.titles, key=len, reverse=True)
        self.pattern = re.compile(rf"\b(?:{'|'.join(re.escape(t) for t in terms)})\b") if terms else None

    def __call__(self, text: str) -> Html:
        """Text as finished HTML (inert), each glossary term in it marked as the abbr extension marks it."""
        text = " ".join(text.split())
        if self.pattern is None:
            return Html.escape(text)
        out, position = [], 0
        for match in self.pattern.finditer(_INERT.sub("\x02", text)):
            if title := self.titles[match.group()]:
                out += [inert_block(text[position : match.start()]), f'<abbr title="{title}">{match.group()}</abbr>']
                position = match.end()
        out.append(inert_block(text[position:]))
        return Html("".join(out))
