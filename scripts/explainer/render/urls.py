"""Every page address, relative link and anchor of the generated site, and the check of the links the converter
writes into finished HTML.

Pages are named by their path under docs/ (`entities/china.md`). Markdown links (`rel`) keep the `.md`: MkDocs
rewrites and validates them. HTML the converter finishes itself (html.py) never reaches MkDocs' link check, so its
links come from `Links.to` as final `.html` addresses, each remembered with the data that asked for it, and
`Links.check` fails the build on any that points at no page or at an anchor that page does not carry, naming the
file and line of that data (an entity of entities.yml, a citation in a page or a data file, an article)."""

from __future__ import annotations

import functools
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from .html import Html

SOURCES_DIR = "sources"
SOURCES_INDEX = f"{SOURCES_DIR}/index.md"
ENTITY_INDEX = "entities/index.md"
TIMELINE = "timeline.md"
DISPUTES = "disputes.md"
FIGURES = "figures.md"
GLOSSARY = "glossary.md"
CLAIMS_PAGE = "claims.md"
PRINT_PAGE = "print.md"
MENTIONS_SCRIPT = "assets/javascripts/mentions.js"
NATIVE_NAMES_SCRIPT = "assets/native-names.js"


def entity_path(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def source_path(source_id: str) -> str:
    return f"{SOURCES_DIR}/{source_id}.md"


def mentions_data_path(entity_id: str) -> str:
    """The data file of an entity's full mention list, beside its page (entities/<id>.mentions.js)."""
    return f"entities/{entity_id}.mentions.js"


def event_anchor(event_id: str) -> str:
    """The id of an event on the full timeline (timeline.html#event-<id>)."""
    return f"event-{event_id}"


def paragraph_anchor(number: int) -> str:
    """The id of a source's numbered paragraph (clean.py numbers them; the source page gives each its id)."""
    return f"p-{number}"


def footnote_anchor(note: int) -> str:
    """Python-Markdown's id for the reference to footnote [^note]."""
    return f"fnref:{note}"


def rel(from_page: str, to: str) -> str:
    """A Markdown link from one generated page to another path under docs/ (anchor kept; MkDocs rewrites it)."""
    target, _, anchor = to.partition("#")
    link = _relative(target, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def built(from_page: str, to: str) -> str:
    """The address of a page as the built site has it, from another page (raw HTML that MkDocs leaves alone)."""
    return rel(from_page, to).removesuffix(".md") + ".html"


def address(target: str) -> str:
    """A page's address from the site's root (the data files, the claims page), as MkDocs writes it."""
    return target.removesuffix(".md") + ".html"


def href(page: str, target: str, anchor: str = "") -> str:
    """The address of `target#anchor` as written in `page`'s HTML: relative, `.md` → `.html` (the site's URLs are
    not directory URLs; mkdocs.yml says so for the offline plugin)."""
    fragment = f"#{anchor}" if anchor else ""
    if target == page:
        return fragment
    return _address(target, posixpath.dirname(page) or ".") + fragment


# 17,000 links at 1,000 sources between a few hundred folder and page pairs: posixpath.relpath once per pair.
@functools.lru_cache(maxsize=1 << 16)
def _address(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder).removesuffix(".md") + ".html"


@dataclass(frozen=True)
class Origin:
    """The data a link was made for: a file and line of the project's inputs."""

    path: Path
    line: int | None = None


@dataclass(frozen=True)
class Emitted:
    page: str  # the page (path under docs/, .md) that carries the link
    target: str  # the page linked to (path under docs/, .md); the same page for an anchor on it
    anchor: str
    origin: Origin


@dataclass
class Links:
    """Every link the converter writes into finished HTML, with its origin."""

    emitted: list[Emitted] = field(default_factory=list)

    def to(self, page: str, target: str, anchor: str, origin: Origin) -> Html:
        self.emitted.append(Emitted(page, target, anchor, origin))
        return Html(href(page, target, anchor))

    def check(self, pages: dict[str, str], docs: Path) -> list[Problem]:
        """Problems (one per bad link) against the generated `pages` (path → text) and the hand-written pages."""
        texts: dict[str, str | None] = {}
        anchors: dict[str, set[str]] = {}  # read only for pages some link points into
        problems = []
        for link in self.emitted:
            if link.target not in texts:
                text = pages.get(link.target)
                if text is None and (docs / link.target).is_file():
                    text = (docs / link.target).read_text(encoding="utf-8")
                texts[link.target] = text
            text = texts[link.target]
            if text is not None and link.anchor and link.target not in anchors:
                anchors[link.target] = anchors_of(text)
            if text is None:
                why = f"no page {link.target}"
            elif link.anchor and link.anchor not in anchors[link.target]:
                why = f"no anchor #{link.anchor} in {link.target}"
            else:
                continue
            written = href(link.page, link.target, link.anchor)
            problems.append(Problem(link.origin.path, f"link {written} on {link.page}: {why}", link.origin.line))
        return problems


# An id in HTML, or in the JSON of a timeline block (`id=\\"event-x\\"`: neoteroi writes the title's HTML as is).
_ID = re.compile(r'\bid=\\?"([^"\\]+)\\?"')
_ATTR_ID = re.compile(r"\{[^}\n]*?#([A-Za-z][\w:.-]*)")  # attr_list: "## Heading {#id}", "{ #id .class }"
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_FOOTNOTE_DEFINITION = re.compile(r"(?m)^\[\^([^\]\s]+)\]:")  # a note's text, "[^3]: …" opening a line


def anchors_of(text: str) -> set[str]:
    """The anchors a page will carry, read from what the converter wrote: HTML ids, attribute-list ids, and the
    footnotes extension's ids for references and notes ([^3] → fnref:3 and fn:3)."""
    found = set(_ID.findall(text)) | set(_ATTR_ID.findall(text))
    referenced = Counter(_FOOTNOTE.findall(text))
    referenced.subtract(_FOOTNOTE_DEFINITION.findall(text))
    found |= {f"fnref:{label}" for label, count in referenced.items() if count > 0}
    found |= {f"fn:{label}" for label in _FOOTNOTE_DEFINITION.findall(text)}
    return found
