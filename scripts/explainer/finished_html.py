"""Markdown extension: HTML the converter has already finished passes through Python-Markdown untouched.

A generated page (each source page, each entity page) is written by the converter, which knows everything in it:
its body is finished HTML (render/html.py), every text in it made inert and every link in it checked by the
converter (render/urls.py). Python-Markdown would still parse each tag of it to find where the raw HTML ends, only
to store it unchanged. Between the two marker lines below the block is stored as it is, in one step: MkDocs' CPU
time at 1,000 sources fell from 10.4 to 7.8 s (user, medians of 3, the same pages with and without this
extension). Headings stay Markdown lines between such blocks, so the table of contents and their permalinks are
made as on every other page.

MkDocs reads every page's HTML ids with an HTML parser of its own (priority 21) before any link is validated, so
that links from Markdown pages to a source paragraph (`x.md#p-3`) are checked. Reading a finished block tag by tag
for that was most of what MkDocs' Markdown stage still spent on a source page. The block is therefore stored
before MkDocs' reader runs, and in its place MkDocs reads one line holding the block's ids alone (the converter
writes every id as `id="…"`, and every text as inert, so a regular expression finds exactly the ids an HTML parser
would); a second step, after MkDocs' reader and before Python-Markdown's raw HTML parser (20), removes that line.
MkDocs neither rewrites nor validates the block's own links (the converter writes them as final `.html` addresses
and checks them instead). Article text cannot close a block early: the converter writes every text as one physical
line with `<` as an entity."""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .render.html import CLOSE, OPEN, block

__all__ = ["CLOSE", "OPEN", "FinishedHtmlExtension", "block", "makeExtension"]

# An id as the converter writes it: always in double quotes, which inert text never holds unescaped.
_ID = re.compile(r'\sid="([^"]*)"')
# The line MkDocs' id reader sees in place of a block: one element with every id of the block (an HTML parser
# reports each repeated attribute), removed again before Python-Markdown reads raw HTML.
_IDS_LINE = '<b data-finished-html-ids="{}"{}>'


class FinishedHtml(Preprocessor):
    """Stores each finished block and leaves, beside its placeholder, a line naming its ids."""

    def __init__(self, md: Markdown, id_lines: set[str]) -> None:
        super().__init__(md)
        self.id_lines = id_lines

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        held: list[str] | None = None
        for line in lines:
            if held is None:
                if line == OPEN:
                    held = []
                else:
                    out.append(line)
            elif line == CLOSE:
                html = "\n".join(held)
                # Its own paragraph: the raw HTML postprocessor puts the block back in place of the placeholder.
                out += ["", self.md.htmlStash.store(html), ""]
                if ids := _ID.findall(html):
                    id_line = _IDS_LINE.format(len(self.id_lines), "".join(f' id="{i}"' for i in ids))
                    self.id_lines.add(id_line)
                    out += [id_line, ""]
                held = None
            else:
                held.append(line)
        if held is not None:  # no closing marker: the lines are Markdown as written
            out += [OPEN, *held]
        return out


class DropIdLines(Preprocessor):
    """Removes the id lines once MkDocs has read them: they are no part of the page."""

    def __init__(self, md: Markdown, id_lines: set[str]) -> None:
        super().__init__(md)
        self.id_lines = id_lines

    def run(self, lines: list[str]) -> list[str]:
        if not self.id_lines:
            return lines
        kept = [line for line in lines if line not in self.id_lines]
        self.id_lines.clear()
        return kept


class FinishedHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        id_lines: set[str] = set()  # this Markdown instance's, one page at a time
        # After whitespace is normalised (30) and fenced code (25), before MkDocs reads the page's HTML ids (21),
        # which then reads each block's id line instead of the block; the id lines go before the raw HTML parser (20).
        md.preprocessors.register(FinishedHtml(md, id_lines), "finished_html", 22)
        md.preprocessors.register(DropIdLines(md, id_lines), "finished_html_ids", 20.5)


def makeExtension(**kwargs: Any) -> FinishedHtmlExtension:
    return FinishedHtmlExtension(**kwargs)
