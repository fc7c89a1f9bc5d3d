"""Markdown extension: HTML the converter has already finished passes through Python-Markdown untouched.

A generated page (today: each source page) is written by the converter, which knows everything in it: its body is
finished HTML (render/html.py), every text in it made inert and every link in it checked by the converter
(render/urls.py). Python-Markdown would still parse each tag of it to find where the raw HTML ends, only to store it
unchanged. Between the two marker
lines below the block is stored as it is, in one step: MkDocs' CPU time at 1,000 sources fell from 10.4 to 7.8 s
(user, medians of 3, the same pages with and without this extension). Headings stay Markdown lines between such
blocks, so the table of contents and their permalinks are made as on every other page.

MkDocs still reads the block's ids first (its own raw HTML reader, priority 21), so links from Markdown pages to a
source paragraph stay validated by MkDocs; it neither rewrites nor validates the block's own links (the converter
writes them as final `.html` addresses and checks them instead). Article text cannot close a block early: the
converter writes every text as one physical line with `<` as an entity."""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .render.html import CLOSE, OPEN, block

__all__ = ["CLOSE", "OPEN", "FinishedHtmlExtension", "block", "makeExtension"]


class FinishedHtml(Preprocessor):
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
                # Its own paragraph: the raw HTML postprocessor puts the block back in place of the placeholder.
                out += ["", self.md.htmlStash.store("\n".join(held)), ""]
                held = None
            else:
                held.append(line)
        if held is not None:  # no closing marker: the lines are Markdown as written
            out += [OPEN, *held]
        return out


class FinishedHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30) and after MkDocs has read the page's HTML ids (21: links to a
        # paragraph of a source page are still validated by MkDocs), before the raw HTML parser (20) would read the
        # block tag by tag again.
        md.preprocessors.register(FinishedHtml(md), "finished_html", 20.5)


def makeExtension(**kwargs: Any) -> FinishedHtmlExtension:
    return FinishedHtmlExtension(**kwargs)
