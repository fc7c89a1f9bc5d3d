"""Finished HTML: markupsafe's Markup, made inert by default, and the block a Markdown page carries it in.

`Html("<a href='{}'>{}</a>").format(address, title)` writes every value that is not Html already through
`inert_block`: article text, titles and names can never become markup, and no call can forget to escape them.
markupsafe is the escaping library Jinja (and so MkDocs) is built on; its own escape is replaced here by
`inert_block`, which also writes as entities what Python-Markdown and markdown-include would read in a raw HTML
block (`{!…!}`, backticks, brackets, colons), so the pages stay byte for byte what the converter wrote before."""

from __future__ import annotations

from collections.abc import Iterable
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
        return _new(cls, _inert(s))

    # markupsafe's own format and join build a Markup object for each value and parse the template with
    # string.Formatter on every call: 0.3 s of CPU over the source pages at N = 1,000 (43,000 calls). These escape
    # each value to a plain string and build one object. Fields are `{}` or `{name}`, without format specifications.
    def format(self, *args: Any, **kwargs: Any) -> Html:
        named = {key: _inert(value) for key, value in kwargs.items()}
        return _new(self.__class__, str.format(self, *map(_inert, args), **named))

    def join(self, iterable: Iterable[Any], /) -> Html:
        return _new(self.__class__, str.join(self, map(_inert, iterable)))


_new = str.__new__


def _inert(value: Any) -> str:
    """A value as it goes into finished HTML: HTML as it is, anything else through `inert_block`."""
    if isinstance(value, Html):
        return value
    if hasattr(value, "__html__"):
        return value.__html__()
    return inert_block(value if isinstance(value, str) else str(value))


def block(html: str) -> str:
    """Finished HTML as a Markdown page carries it: between the markers, blank lines around (finished_html.py
    stores it as it is)."""
    return f"\n{OPEN}\n{html.strip()}\n{CLOSE}\n\n"
