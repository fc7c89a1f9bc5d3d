"""A page's numbered notes: citations and the bases of marks, as Markdown footnotes in order of appearance.

Each page kind says which notes its page carries, in order (its `notes_of`), so the first pass numbers them
before anything is rendered; the renderer then writes the markers in that same order, and `Footnotes` refuses a
marker the plan does not have at that place (the converter's bug, not the editor's)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import narrative as narrative_mod
from ..cite import ResolvedCitation, span_id
from ..data import MARK, Citation, Mark
from .context import Note, Site
from .text import inert_inline, nested_quote, where_label
from .urls import CLAIMS_PAGE, rel, source_path


class Footnotes:
    """The notes of one page, numbered as planned, rendered as Markdown footnotes."""

    def __init__(self, site: Site, page: str):
        self.site, self.page = site, page
        self.planned = site.planned.get(page, [])
        self.entries: list[ResolvedCitation | Mark] = []

    def _next(self, note: Note) -> int:
        number = len(self.entries) + 1
        if number > len(self.planned) or self.planned[number - 1] != note:
            raise RuntimeError(f"{self.page}: note {number} was not planned by the first pass: {note}")
        return number

    def marker(self, citation: Citation) -> str:
        number = self._next(citation)
        self.entries.append(self.site.resolved[citation])
        return f"[^{number}]"

    def mark(self, mark: Mark) -> str:
        """A mark's basis as a numbered note, like a citation's (hover preview, printed with the notes)."""
        number = self._next(mark)
        self.entries.append(mark)
        return f"[^{number}]"

    def marked(self, text: str) -> str:
        """Editor-written text with its marks shown: the marked words labelled, the basis as a note."""

        def show(match: re.Match[str]) -> str:
            mark = _mark(match)
            return narrative_mod.mark_html(mark) + self.mark(mark)

        return _marks_and_text(text, show)

    def definitions(self) -> str:
        if len(self.entries) != len(self.planned):
            raise RuntimeError(f"{self.page}: {len(self.entries)} notes rendered, {len(self.planned)} planned")
        lines = []
        for number, item in enumerate(self.entries, start=1):
            if isinstance(item, Mark):
                label = "Inferred" if item.kind == "inferred" else "Background, not from the sources"
                lines.append(f"[^{number}]: **{label}:** {inert_inline(item.text)} — {inert_inline(item.basis)}")
                continue
            source = item.source
            where = f"{where_label(source)}, ¶{item.where.paragraph}"
            target = rel(self.page, f"{source_path(source.id)}#{span_id(item, self.site.spans)}")
            quote = inert_inline(nested_quote(item.citation.quote))
            claim = self.site.claim_of.get(item.citation)
            review = f" · [the claim, checked]({rel(self.page, CLAIMS_PAGE)}#{claim})" if claim else ""
            lines.append(f"[^{number}]: [{inert_inline(where)}]({target}): “{quote}”{review}")
        return "\n".join(lines) + "\n" if lines else ""


def _mark(match: re.Match[str]) -> Mark:
    return Mark(match["kind"], match["text"], match["basis"])


def unmarked(text: str) -> str:
    """Editor-written text without its marks' syntax (for slices without notes, titles, tooltips)."""
    return _marks_and_text(text, lambda m: narrative_mod.mark_html(_mark(m)))


def _marks_and_text(text: str, show: Callable[[re.Match[str]], str]) -> str:
    """Curated text as Markdown: each mark as `show` renders it, any HTML between them shown as typed."""
    parts, end = [], 0
    for match in MARK.finditer(text):
        parts += [narrative_mod.no_html(text[end : match.start()]), show(match)]
        end = match.end()
    return "".join(parts) + narrative_mod.no_html(text[end:])


def supported_notes(citations: tuple[Citation, ...], text: str, background: str | None) -> list[Note]:
    """The notes of a data field shown with its support (`supported`): its citations, or its background mark."""
    return list(citations) if citations else [Mark("background", text, background or "")]


def supported(notes: Footnotes, text: str, citations: tuple[Citation, ...], background: str | None) -> str:
    """A data field with its support: citation markers, or the background mark with its basis."""
    if citations:
        return inert_inline(text) + "".join(notes.marker(c) for c in citations)
    shown = narrative_mod.mark_html(Mark("background", inert_inline(text), ""))
    return shown + notes.mark(Mark("background", text, background or ""))
