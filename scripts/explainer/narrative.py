"""Narrative pages written by editors (sources/narrative/): front matter, citations, directives, entity links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import safe_yaml
from .data import LOOKS_LIKE_MARK, MARK, Citation, Entity, Mark
from .errors import ExplainerError, Problem
from .inputs import read_input_text, walk
from .read import MAX_ID_LENGTH

# [@voa-2002-05-10: "all five people were inside the compound"] or several, separated by ";".
CITATION_GROUP = re.compile(r"\s*\[(@[a-z0-9-]+:\s*\"[^\"]*\"(?:\s*;\s*@[a-z0-9-]+:\s*\"[^\"]*\")*)\s*\]")
CITATION = re.compile(r"@(?P<source>[a-z0-9-]+):\s*\"(?P<quote>[^\"]*)\"")
LOOKS_LIKE_CITATION = re.compile(r"\[@")
# A whole line asking for generated content: @timeline(incident), @timeline(home), @sources.
DIRECTIVE = re.compile(r"@(?P<name>timeline|sources)(?:\((?P<arg>[a-z]+)\))?")
TIMELINE_SLICES = ("home", "all")  # besides the story's threads
HEADING = re.compile(r" {0,3}#{1,6}(?:\s|$)")
# Paragraphs that only point elsewhere need no citation.
NO_CITATION_NEEDED = re.compile(r"\*\*Read next:\*\*|!!!|\?\?\?")
# Spans where an entity is never linked: links, citations, code, quotations, HTML tags, footnote markers.
PROTECTED = re.compile(
    r"\[[^\]]*\]\([^)]*\)|\[@[^\]]*\]|`[^`]*`|“[^”]*”|\"[^\"]*\"|<[^>]+>|\[\^[^\]]+\]|\*\*[^*]+\*\*:?"
)


@dataclass
class CitationUse:
    """One citation as written in a page: the claim's support and the footnote number it became."""

    citation: Citation
    number: int


@dataclass
class MarkUse:
    """One inferred/background mark as written in a page, and the footnote number its basis became."""

    mark: Mark
    number: int


# A citation group or a mark, read left to right so that footnotes are numbered in reading order.
_CITED_OR_MARKED = re.compile(f"(?P<group>{CITATION_GROUP.pattern})|{MARK.pattern}")


@dataclass
class NarrativePage:
    path: str  # output path under docs/, e.g. "topics/incident.md"
    source_path: Path
    title: str
    description: str
    kind: str  # "topic" requires a citation in every factual paragraph
    thread: str | None
    lines: list[str]  # body, with citations and marks replaced by footnote markers [^n]
    uses: list[CitationUse | MarkUse] = field(default_factory=list)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line number, line as written)
    entity_links: set[str] = field(default_factory=set)


def _front_matter(path: Path, text: str, problems: list[Problem]) -> tuple[dict[str, str], list[str], int]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.append(Problem(path, "a narrative page starts with front matter (---, title:, description:, ---)", 1))
        return {}, lines, 0
    try:
        end = lines.index("---", 1)
    except ValueError:
        problems.append(Problem(path, "front matter is not closed with ---", 1))
        return {}, lines, 0
    try:
        meta = safe_yaml.plain(safe_yaml.compose("\n".join(lines[1:end]), path, first_line=2)) or {}
    except ExplainerError as exc:
        problems.extend(exc.problems)
        return {}, lines[end + 1 :], end + 1
    if not isinstance(meta, dict) or not all(isinstance(meta.get(k), str) for k in ("title", "description")):
        problems.append(Problem(path, "front matter needs text fields 'title' and 'description'", 2))
        return {}, lines[end + 1 :], end + 1
    unknown = set(meta) - {"title", "description", "kind", "thread"}
    if unknown:
        problems.append(Problem(path, f"front matter: unknown field(s) {', '.join(sorted(unknown))}", 2))
    return {k: str(v) for k, v in meta.items()}, lines[end + 1 :], end + 1


def parse_page(
    path: Path, relative: str, problems: list[Problem], threads: tuple[str, ...] | None = None
) -> NarrativePage | None:
    """One narrative page; `threads` are the story's (when given, @timeline must name one or a slice)."""
    try:
        text = read_input_text(path, path.parents[relative.count("/")])  # within the narrative folder
    except ExplainerError as exc:
        problems.extend(exc.problems)
        return None
    meta, body, offset = _front_matter(path, text, problems)
    if not meta:
        return None
    page = NarrativePage(
        relative, path, meta["title"], meta["description"], meta.get("kind", "page"), meta.get("thread"), []
    )
    page.body = list(enumerate(body, start=offset + 1))
    for number, line in page.body:
        # A heading is text: HTML in it never runs (its words also become a contents entry and the page's title).
        cited = _cite_line(page, no_html(line) if HEADING.match(line) else line, number, problems)
        if cited.startswith("[^") and page.lines and page.lines[-1].strip():
            # A marker may not start a line: "[^3]:" there would be read as a footnote definition.
            page.lines[-1] += cited
        else:
            page.lines.append(cited)
        match = DIRECTIVE.fullmatch(line.strip())
        timeline_args = (*(threads or ()), *TIMELINE_SLICES)
        if match and match["name"] == "timeline" and threads is not None and match["arg"] not in timeline_args:
            problems.append(Problem(path, f"@timeline takes one of {', '.join(timeline_args)}", number))
    if page.kind == "topic":
        _require_citations(page, body, offset, problems)
    return page


def _cite_line(page: NarrativePage, line: str, number: int, problems: list[Problem]) -> str:
    def replace(match: re.Match[str]) -> str:
        if match["kind"]:
            mark = MarkUse(Mark(match["kind"], match["text"], match["basis"]), len(page.uses) + 1)
            page.uses.append(mark)
            return mark_html(mark.mark) + f"[^{mark.number}]"
        markers = ""
        for item in CITATION.finditer(match["group"]):
            use = CitationUse(Citation(item["source"], item["quote"], page.source_path, number), len(page.uses) + 1)
            page.uses.append(use)
            markers += f"[^{use.number}]"
        return markers

    out = _CITED_OR_MARKED.sub(replace, line)
    if LOOKS_LIKE_CITATION.search(out):
        problems.append(Problem(page.source_path, 'malformed citation: write [@source-id: "verbatim quote"]', number))
    if LOOKS_LIKE_MARK.search(out):
        problems.append(
            Problem(
                page.source_path, "malformed mark: write [the words]{inferred: basis} or {background: basis}", number
            )
        )
    return out


def mark_html(mark: Mark) -> str:
    """The marked words as the reader sees them: underlined, with a small label saying what kind of mark."""
    return f'<span class="claim-marked">{no_html(mark.text)}<sup class="claim-mark">{mark.kind}</sup></span>'


_CODE_SPAN = re.compile(r"(`+).+?\1")


def no_html(text: str) -> str:
    """Editor-written Markdown with any HTML in it shown as typed, never run: "<" becomes "&lt;" outside code
    spans (where Markdown shows it as typed already). Emphasis, links and code stay Markdown. For curated data and
    narrative headings, which become headings, table cells, timeline entries and tooltips."""
    parts, end = [], 0
    for span in _CODE_SPAN.finditer(text):
        parts += [text[end : span.start()].replace("<", "&lt;"), span[0]]
        end = span.end()
    return "".join(parts) + text[end:].replace("<", "&lt;")


def _paragraphs(body: list[str], offset: int) -> list[tuple[int, list[str]]]:
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(body, start=offset + 1):
        if not line.strip():
            if current:
                blocks.append((start, current))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, current))
    return blocks


def _require_citations(page: NarrativePage, body: list[str], offset: int, problems: list[Problem]) -> None:
    for start, block in _paragraphs(body, offset):
        text = " ".join(block).strip()
        if text.startswith("#") or DIRECTIVE.fullmatch(text) or NO_CITATION_NEEDED.match(text):
            continue
        if not CITATION_GROUP.search(text):
            problems.append(Problem(page.source_path, "a paragraph that states facts needs a citation", start))


def link_entities(page: NarrativePage, entities: list[Entity], entity_url: dict[str, str]) -> None:
    """Link the first mention of each entity in each section (## heading) — never in headings or quotes.

    Works on whole paragraphs, so a name wrapped across two lines of the source file is still one mention."""
    aliases = sorted(((a, e) for e in entities for a in e.aliases), key=lambda pair: -len(pair[0]))
    linked: set[str] = set()
    skip = re.compile(r"^\s*(!!!|\?\?\?)")
    block: list[int] = []

    def flush() -> None:
        if block:
            text = _link_text("\n".join(page.lines[i] for i in block), aliases, linked, entity_url, page)
            for index, line in zip(block, text.split("\n"), strict=True):
                page.lines[index] = line
            block.clear()

    for index, line in enumerate(page.lines):
        if line.startswith("#") or not line.strip() or DIRECTIVE.fullmatch(line.strip()) or skip.match(line):
            flush()
            if line.startswith("## "):
                linked = set()
            continue
        block.append(index)
    flush()


def _link_text(
    text: str, aliases: list[tuple[str, Entity]], linked: set[str], entity_url: dict[str, str], page: NarrativePage
) -> str:
    protected = [m.span() for m in PROTECTED.finditer(text)]
    insertions: list[tuple[int, int, str]] = []
    for alias, entity in aliases:
        if entity.id in linked:
            continue
        words = r"\s+".join(re.escape(word) for word in alias.split())
        for match in re.finditer(rf"(?<![\w-]){words}(?![\w-])", text):
            start, end = match.span()
            clash = any(a < end and start < b for a, b in protected + [(s, e) for s, e, _ in insertions])
            if not clash:
                insertions.append((start, end, f"[{match.group(0)}]({entity_url[entity.id]})"))
                linked.add(entity.id)
                page.entity_links.add(entity.id)
                break
    for start, end, link in sorted(insertions, reverse=True):
        text = text[:start] + link + text[end:]
    return text


def load_narrative(
    folder: Path, problems: list[Problem] | None = None, threads: tuple[str, ...] | None = None
) -> list[NarrativePage]:
    """Read every narrative page; problems are raised together, or appended to `problems` when given. With the
    story's `threads`, each @timeline(...) is checked against them."""
    gathered: list[Problem] = []
    pages = []
    for path in walk(folder, "*.md", gathered):
        if len(path.name.encode()) > MAX_ID_LENGTH:  # its page's file names must stay under the file system's limit
            gathered.append(Problem(path, f"file name is over {MAX_ID_LENGTH} bytes long"))
            continue
        page = parse_page(path, path.relative_to(folder).as_posix(), gathered, threads)
        if page:
            pages.append(page)
    if problems is not None:
        problems.extend(gathered)
    elif gathered:
        raise ExplainerError(gathered)
    return pages
