"""Markdown extension: a footnote's back link ("↩") is named by aria-label, not by a title attribute.

Material's content.tooltips feature mounts a tooltip component for every element with a title. A citation page
has one back link per footnote, so its readers' phones paid for 20 to 40 tooltips nobody hovers: measured with
Lighthouse on the incident page (6 runs each), median total blocking time 122 ms with titles, 47 ms without.
The name screen readers announce is the same text.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class BacklinkNames(Treeprocessor):
    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            if "footnote-backref" in (link.get("class") or "").split() and (title := link.get("title")):
                del link.attrib["title"]
                link.set("aria-label", title)


class FootnoteBacklinks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the footnotes extension has built its list (priority 50) and numbered duplicates (15).
        md.treeprocessors.register(BacklinkNames(md), "footnote_backlink_names", 5)


def makeExtension(**kwargs: Any) -> FootnoteBacklinks:
    return FootnoteBacklinks(**kwargs)
