"""Text as a generated page carries it: inert (no character any Markdown or HTML processor acts on), quoted,
labelled; the front matter and the glossary include every Markdown page ends with."""

from __future__ import annotations

import functools
import json
import re

from ..dating import fmt
from ..model import Source

ABBREVIATIONS = "{!abbreviations.md!}"  # markdown-include: glossary tooltips on every page

# Characters that any stage of the Markdown build could read as markup: HTML, Markdown inline syntax,
# markdown-include's {!…!}, neoteroi's [timeline(…)] and ::timeline::, attribute lists, Jinja-like braces.
INLINE_SPECIALS = set("&<>\"'{}[]()`*_\\|~^=#!:+-$%@")
# Inside a raw HTML block only the preprocessors (markdown-include, fences) and the HTML parser read the text.
_BLOCK_SPECIALS = set('&<>"{}[]`:\\')


# One pass that writes each special character as its numeric entity: 6 times faster on article text than
# str.translate with a table of strings.
def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


_BLOCK_PATTERN = re.compile("[" + re.escape("".join(sorted(_BLOCK_SPECIALS))) + "\n]")
_INLINE_PATTERN = re.compile("[" + re.escape("".join(sorted(INLINE_SPECIALS))) + "]")


# The same texts are rendered again on every rebuild of the live preview: remembered (pure functions of a string).
@functools.lru_cache(maxsize=1 << 16)
def inert_block(text: str) -> str:
    """Text for inside a raw HTML block: one physical line, no character any processor can act on."""
    return _BLOCK_PATTERN.sub(_entity, text)


@functools.lru_cache(maxsize=1 << 16)
def inert_inline(text: str) -> str:
    """Text for a Markdown inline context (link text, table cell): every markup character as an entity."""
    return _INLINE_PATTERN.sub(_entity, " ".join(text.split()))


# Characters JSON leaves as they are but YAML refuses in a stream (C1 controls, DEL) or reads as line breaks.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def _yaml_string(text: str) -> str:
    """A double-quoted YAML string: JSON's escapes, and YAML's for what JSON leaves raw (a C1 control character
    in a headline would otherwise make MkDocs drop the whole front matter, and the page its title)."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(inert_block(text), ensure_ascii=False))


# A double quotation mark opens when nothing but space or an opening bracket precedes it, else it closes.
_DOUBLE_QUOTE = re.compile(r'"|\u201c|\u201d')


def nested_quote(text: str) -> str:
    """Text to be set inside our “…”: its own double quotation marks become single ones, as nested quotations
    are written (“‘The stances …,’ Fukuda said.”), instead of showing doubled marks (“"The stances …")."""

    def single(match: re.Match[str]) -> str:
        mark, before = match.group(), text[: match.start()]
        opening = mark == "\u201c" or (mark == '"' and (not before or before[-1].isspace() or before[-1] in "([—–"))
        return "\u2018" if opening else "\u2019"

    return _DOUBLE_QUOTE.sub(single, text)


def front_matter(title: str, description: str) -> str:
    """YAML front matter; values HTML-escaped because themes print them into <title> and <meta> unescaped."""
    return f"---\ntitle: {_yaml_string(title)}\ndescription: {_yaml_string(description)}\n---\n\n"


def page(title: str, description: str, body: str) -> str:
    """A generated Markdown page: front matter, body, and the glossary fragment (abbreviation tooltips)."""
    return front_matter(title, description) + body.rstrip() + "\n\n" + ABBREVIATIONS + "\n"


# strftime on every label of every page: a sixth of a preview's re-conversion at 1,000 sources under the profiler.
_formatted = functools.lru_cache(maxsize=1 << 14)(fmt)


def date_label(source: Source, explained: bool = False) -> str:
    """The source's date as a reader cites it. How it was established is said once, on the source page (and,
    `explained`, in the sources table); after every citation a worked-out date says "about", as the narrative does,
    so that no note states as printed a day the article never prints."""
    finding = source.date
    if finding.value is None:
        return "date unknown"
    label = _formatted(finding.value)
    if finding.inferred:
        return f"{label} (worked out from the text)" if explained else f"about {label}"
    return label


def where_label(source: Source) -> str:
    """A source as a note or a mention names it: its outlet (or key) and date."""
    return f"{source.metadata.get('outlet') or source.id}, {date_label(source)}"


def plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"
