"""Markdown extension: a citation marker that directly follows another (no text between them) gets the class
`fn-next`, so the stylesheet can set "3,4" instead of "34".

The rule cannot be CSS alone: `sup + sup` ignores text nodes, so it also matched two markers with words
between them and showed a stray comma ("brother,²").

Every marker is also kept out of the search index (`data-search-exclude`, read by Material's search): its number
would otherwise run into the word before it in a result's excerpt ("police1234").
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NEXT_CLASS = "fn-next"


def _is_marker(element: Element) -> bool:
    return element.tag == "sup" and (element.get("id") or "").startswith("fnref")


class CitationMarks(Treeprocessor):
    def run(self, root: Element) -> None:
        for parent in root.iter():
            previous: Element | None = None
            for child in parent:
                if _is_marker(child):
                    child.set("data-search-exclude", "")
                adjacent = previous is not None and _is_marker(previous) and not (previous.tail or "").strip()
                if adjacent and _is_marker(child):
                    child.set("class", f"{child.get('class') or ''} {NEXT_CLASS}".strip())
                previous = child


class CitationMarksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the footnotes extension (treeprocessor priority 50) has turned [^n] into <sup id="fnref:n">.
        md.treeprocessors.register(CitationMarks(md), "citation_marks", 4)


def makeExtension(**kwargs: Any) -> CitationMarksExtension:
    return CitationMarksExtension(**kwargs)
