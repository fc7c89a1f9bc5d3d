"""Finished HTML: markupsafe's Markup, made inert by default, and the block a Markdown page carries it in.

`Html("<a href='{}'>{}</a>").format(address, title)` writes every value that is not Html already through
`inert_block`: article text, titles and names can never become markup, and no call can forget to escape them.
markupsafe is the escaping library Jinja (and so MkDocs) is built on; its own escape is replaced here by
`inert_block`, which also writes as entities what Python-Markdown and markdown-include would read in a raw HTML
block (`{!…!}`, backticks, brackets, colons), so the pages stay byte for byte what the converter wrote before."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .text import inert_block

OPEN = "<!-- finished-html -->"
CLOSE = "<!-- /finished-html -->"


class Html(Markup):
    """HTML the converter finished; values formatted, joined or added into it are made inert unless Html."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any, /) -> Html:
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(inert_block(str(s)))


def block(html: str) -> str:
    """Finished HTML as a Markdown page carries it: between the markers, blank lines around (finished_html.py
    stores it as it is)."""
    return f"\n{OPEN}\n{html.strip()}\n{CLOSE}\n\n"
