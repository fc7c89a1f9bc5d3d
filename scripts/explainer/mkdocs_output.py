"""MkDocs' console output → one problem per warning or error, naming the input under sources/ it came from.

`mkdocs build --strict` is not strict enough on its own (with --quiet it exits 0 on warnings, MkDocs issue 4126),
and it names the generated page under docs/, which no editor writes. Here every WARNING or ERROR MkDocs prints
fails the build, and each names the narrative page, data file or article (with the line that holds the link or
include at fault) when it can be traced; tracebacks are reduced to their last line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem

# "WARNING -  Doc file 'x.md' contains …": MkDocs' own log format (level padded to 8, then "-  ").
_ENTRY = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(?P<message>.*)$")
_TRACEBACK = "Traceback (most recent call last):"
# What a message is about: the docs/ page and the text (link, include, nav entry) to look for in its inputs.
_PAGE_LINK = re.compile(
    r"Doc file '(?P<page>[^']+)' contains an? (?:absolute |unrecognized relative )?link '(?P<text>[^']*)'"
)
_PAGE_ERROR = re.compile(r"Error (?:reading|building|rendering) page '(?P<page>[^']+)':?(?P<rest>.*)")
_QUOTED = re.compile(r"'(?P<text>[^']+)'")
_NAV = re.compile(r"A reference to '(?P<text>[^']+)' is included in the 'nav' configuration")
_OS_ERROR = re.compile(r"\[Errno \d+\] (?P<reason>[^:']+)")
_CONFIG = re.compile(r"Config value '(?P<text>[^']+)'")
# Generated pages and the curated file each is made from (narrative pages and source pages are matched by name).
_DATA_PAGES = {
    "timeline.md": ("events.yml",),
    "disputes.md": ("disputes.yml",),
    "figures.md": ("figures.yml",),
    "glossary.md": ("glossary.yml",),
    "includes/abbreviations.md": ("glossary.yml",),
    "entities/index.md": ("entities.yml",),
}


@dataclass(frozen=True)
class Entry:
    """One message MkDocs printed: its level, its first line, and whether a traceback followed it."""

    level: str
    message: str


def entries(output: str) -> list[Entry]:
    """Group MkDocs' output into messages; a traceback counts as one ERROR, its last line (the exception)."""
    found: list[Entry] = []
    in_traceback = False
    for line in output.splitlines():
        if line.startswith(_TRACEBACK):
            in_traceback = True
            continue
        if in_traceback:
            if line[:1].isspace() or not line.strip():
                continue
            in_traceback = False
            found.append(Entry("TRACEBACK", line.strip()))
            continue
        if match := _ENTRY.match(line):
            found.append(Entry(match["level"], match["message"].strip()))
        elif line.startswith(("Aborted with", "Error: ")):
            found.append(Entry("ABORT", line.strip()))
    return found


def problems(output: str, returncode: int, root: Path, generated: set[str]) -> list[Problem]:
    """Every warning and error MkDocs printed as a problem of an input file; [] when the build was clean."""
    found = entries(output)
    shown = [e for e in found if e.level in {"WARNING", "ERROR", "CRITICAL"}]
    if not shown:  # MkDocs stopped without a log message of its own: its last word (exception or "Aborted …")
        shown = [e for e in found if e.level in {"TRACEBACK", "ABORT"}][-1:]
    if not shown and returncode != 0:
        last = next((ln.strip() for ln in reversed(output.splitlines()) if ln.strip()), "no output")
        shown = [Entry("ERROR", last)]
    # One mistake in an input shows on every page made from it (an event on the timeline and a topic page): once.
    located = {(p.path, p.line, needle): p for e in shown for p, needle in [_locate(e.message, root, generated)]}
    return list(located.values())


def _locate(message: str, root: Path, generated: set[str]) -> tuple[Problem, str]:
    """The problem, and the text it is about (a link, an include; the message itself when there is none)."""
    text = f"MkDocs: {' '.join(message.split())}"
    if match := _PAGE_LINK.search(message):
        return in_inputs(root, generated, match["page"], match["text"], text), match["text"]
    if match := _PAGE_ERROR.search(message):
        quoted = _QUOTED.search(match["rest"])
        needle = quoted["text"] if quoted else None
        return in_inputs(root, generated, match["page"], needle, text), needle or text
    if (match := _OS_ERROR.search(message)) and ".tmp-" in message:  # writing the new site: disk full, read-only
        return Problem(root / "site", f"cannot be written ({match['reason']}); the previous one is unchanged"), text
    config = root / "mkdocs.yml"
    if match := _NAV.search(message) or _CONFIG.search(message):
        return Problem(config, text, _line_of(config, match["text"])), text
    return Problem(config, text), text


def in_inputs(root: Path, generated: set[str], page: str, needle: str | None, text: str) -> Problem:
    """The first input of `page` whose text holds `needle` (with its line); else the page's main input."""
    candidates = origins(root, generated, page)
    if needle:
        for path in candidates:
            if line := _line_of(path, needle):
                return Problem(path, text, line)
    return Problem(candidates[0], text)


def origins(root: Path, generated: set[str], page: str) -> list[Path]:
    """The files a page under docs/ is made from, the likeliest first; a hand-written page is its own origin."""
    docs, sources = root / "docs", root / "sources"
    if page not in generated:
        return [docs / page]
    found: list[Path] = []
    if (sources / "narrative" / page).is_file():
        found.append(sources / "narrative" / page)
    if page.startswith("sources/") and page != "sources/index.md":
        stem = page.removeprefix("sources/").removesuffix(".md")
        found += [sources / "articles" / f"{stem}.yml", sources / "articles" / f"{stem}.txt"]
    if page.startswith("entities/"):
        found.append(sources / "entities.yml")
    found += [sources / name for name in _DATA_PAGES.get(page, ())]
    # Pages also carry timelines (events), entity links and source metadata: any input may hold the text.
    found += sorted(sources.glob("*.yml")) + sorted((sources / "narrative").rglob("*.md"))
    found += sorted((sources / "articles").glob("*.yml"))
    found = [path for path in dict.fromkeys(found) if path.is_file()]
    return found or [docs / page]


def _line_of(path: Path, needle: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return next((number for number, line in enumerate(lines, start=1) if needle in line), None)
