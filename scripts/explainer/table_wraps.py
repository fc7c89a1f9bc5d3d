"""Markdown extension: every table arrives in the page already inside the scrolling wrapper Material would give it.

Material wraps each `table:not([class])` in `div.md-typeset__scrollwrap > div.md-typeset__table` when its script
mounts, after the first paint: the table is taken out of the page and put back, so the browser paints it again and
counts that second paint as the page's largest one. On the who's-who page, whose largest element is a table cell,
Lighthouse (mobile) then timed the largest paint after every script and font had loaded: 2.7–3.1 s instead of about
1.4 s. Here the wrapper is written at build time and the table carries a class, which Material's mount skips;
explainer.css gives `table.explainer-table` the look Material gives a table without a class. What a reader sees is
the same; only the moment it is painted changes.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, SubElement

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

TABLE_CLASS = "explainer-table"  # styled by explainer.css as Material styles `table:not([class])`


class TableWraps(Treeprocessor):
    def run(self, root: Element) -> None:
        # Listed first, changed after: the tree is not modified while it is walked.
        found = [(parent, child) for parent in root.iter() for child in parent if child.tag == "table"]
        for parent, table in found:
            if table.get("class") is not None:
                continue  # a table with a class of its own is left to its own styles, as Material leaves it
            scrollwrap = Element("div", {"class": "md-typeset__scrollwrap"})
            wrapper = SubElement(scrollwrap, "div", {"class": "md-typeset__table"})
            parent.insert(list(parent).index(table), scrollwrap)
            parent.remove(table)
            scrollwrap.tail, table.tail = table.tail, None
            table.set("class", TABLE_CLASS)
            wrapper.append(table)


class TableWrapsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(TableWraps(md), "table_wraps", 3)


def makeExtension(**kwargs: Any) -> TableWrapsExtension:
    return TableWrapsExtension(**kwargs)
