"""Citations: each quote located in its source's paragraphs (whitespace and quote marks forgiven), or an error."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .data import Citation
from .errors import ExplainerError, Problem
from .model import Source

_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})


@functools.lru_cache(maxsize=1 << 14)  # each paragraph is searched by several citations, on every rebuild
def normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """Text with quote marks unified and whitespace runs folded; and, per character, its index in `text`."""
    out: list[str] = []
    index: list[int] = []
    space = False
    for position, char in enumerate(text.translate(_QUOTE_MARKS)):
        if char.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            index.append(position - 1)
            space = False
        out.append(char)
        index.append(position)
    return "".join(out), tuple(index)


@dataclass(frozen=True)
class Located:
    """Where a quote stands: paragraph number and character span in that paragraph's text."""

    paragraph: int
    start: int
    end: int


def locate(quote: str, source: Source) -> Located | None:
    needle, _ = normalise(quote)
    needle = needle.strip(" ")
    if not needle:
        return None
    for paragraph in source.paragraphs:
        haystack, index = normalise(paragraph.text)
        found = haystack.find(needle)
        if found >= 0:
            return Located(paragraph.number, index[found], index[found + len(needle) - 1] + 1)
    return None


@dataclass(frozen=True)
class ResolvedCitation:
    citation: Citation
    source: Source
    where: Located

    @property
    def anchor(self) -> str:
        return f"p-{self.where.paragraph}"


def resolve(
    citations: list[Citation], sources: list[Source], problems: list[Problem] | None = None
) -> dict[Citation, ResolvedCitation]:
    """Resolve every citation; unknown keys and quotes not in the named source are reported at once (raised, or
    appended to `problems` when given)."""
    by_id = {s.id: s for s in sources}
    resolved: dict[Citation, ResolvedCitation] = {}
    gathered: list[Problem] = []
    for citation in citations:
        if citation in resolved:
            continue
        source = by_id.get(citation.source)
        if source is None:
            gathered.append(Problem(citation.path, f"unknown source {citation.source!r} in a citation", citation.line))
            continue
        where = locate(citation.quote, source)
        if where is None:
            elsewhere = [s.id for s in sources if s is not source and locate(citation.quote, s)]
            shown = citation.quote if len(citation.quote) <= 80 else citation.quote[:77] + "…"
            message = f"quote not found in {source.id}: “{shown}”"
            if elsewhere:
                message += f" (it is in {', '.join(elsewhere)}: cite that source instead)"
            gathered.append(Problem(citation.path, message, citation.line))
            continue
        resolved[citation] = ResolvedCitation(citation, source, where)
    if problems is not None:
        problems.extend(gathered)
    elif gathered:
        raise ExplainerError(gathered)
    return resolved


def highlight_spans(resolved: list[ResolvedCitation]) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Per (source id, paragraph): the cited character spans, overlapping ones merged, in order."""
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for item in resolved:
        spans.setdefault((item.source.id, item.where.paragraph), []).append((item.where.start, item.where.end))
    merged: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for key, ranges in spans.items():
        out: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        merged[key] = out
    return merged


def span_id(item: ResolvedCitation, spans: dict[tuple[str, int], list[tuple[int, int]]]) -> str:
    """The anchor of the highlighted span that holds this citation's quote: p-3-q1, p-3-q2 …"""
    ranges = spans[(item.source.id, item.where.paragraph)]
    for number, (start, end) in enumerate(ranges, start=1):
        if start <= item.where.start and item.where.end <= end:
            return f"p-{item.where.paragraph}-q{number}"
    raise AssertionError("every resolved citation lies in a merged span")
