"""Curated data (entities, events, disputes, figures, glossary): loaded with line numbers, validated by schema."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import safe_yaml
from .errors import ExplainerError, Problem
from .inputs import read_input_text
from .read import id_problem

if TYPE_CHECKING:
    from .story import Story

PRECISIONS = ("day", "month", "year", "approximate")
ENTITY_KINDS = ("person", "organisation", "place", "group")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
# Languages of native-script names (BCP 47 tags, as HTML's lang takes them), each with the script its names must
# be written in, so a name filed under the wrong language fails the build: Han (and kana for Japanese), Hangul.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NATIVE_SCRIPTS = {
    "ja": re.compile(f"[{_HAN}\u3040-\u30ff\u30fc\u3005]+"),
    "zh-Hans": re.compile(f"[{_HAN}]+"),
    "zh-Hant": re.compile(f"[{_HAN}]+"),
    "ko": re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+"),
}


@dataclass(frozen=True)
class Citation:
    """A claim's support: a source key and a short verbatim quote, with where the claim was written."""

    source: str
    quote: str
    path: Path
    line: int


# An editor's reader-visible exception inside a sentence: [22 May]{inferred: the report of Friday 24 May says
# "Wednesday"} for words worked out, [the capital of South Korea]{background: general reference} for a general
# fact no article states. The support lint excuses the marked words; the page shows the mark and its basis.
MARK = re.compile(r"\[(?P<text>[^\[\]{}@]+)\]\{(?P<kind>inferred|background):\s*(?P<basis>[^{}]*?)\s*\}")
MARK_KINDS = ("inferred", "background")
LOOKS_LIKE_MARK = re.compile(r"\]\{\s*[A-Za-z]+\s*:|\{\s*(?:inferred|background)\s*:")  # "]{inferd: …}" too


@dataclass(frozen=True)
class Mark:
    """Words of a sentence marked as worked out (inferred) or general knowledge (background), with the basis."""

    kind: str
    text: str
    basis: str


def marks_in(text: str) -> list[Mark]:
    return [Mark(m["kind"], m["text"], m["basis"]) for m in MARK.finditer(text)]


@dataclass(frozen=True)
class NativeName:
    """An entity's name in its own script, with the language it is written in (`ja`, `zh-Hans`, `zh-Hant`, `ko`)."""

    lang: str
    text: str


@dataclass(frozen=True)
class MapPoint:
    """Where a place is drawn on the "Where it happened" map: WGS 84 degrees, the label shown there (a country is
    marked by its capital: "Tokyo" for Japan) and the basis of the coordinates (reference data, not a cited fact)."""

    label: str
    lat: float
    lon: float
    basis: str
    line: int = 0


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or group the sources name; its role is cited or marked as background."""

    id: str
    name: str
    kind: str
    role: str
    aliases: tuple[str, ...]
    native: tuple[NativeName, ...] = ()  # the first is the name as used where the entity belongs
    line: int = 0
    refs: tuple[str, ...] = ()  # other words the sources use for it ("Japanese", "Tokyo"), never linked
    side: str | None = None  # the entity it speaks for ("japan" for its foreign minister)
    citations: tuple[Citation, ...] = ()  # support for the role
    background: str | None = None  # or: the role is general knowledge, with this basis shown to readers
    role_line: int = 0
    map: MapPoint | None = None  # places on the "Where it happened" map


@dataclass(frozen=True)
class Event:
    id: str
    date: str
    precision: str
    thread: str
    title: str
    text: str
    citations: tuple[Citation, ...]
    entities: tuple[str, ...]
    inferred: bool = False
    basis: str | None = None
    home: bool = False
    line: int = 0
    title_line: int = 0
    text_line: int = 0
    label: str | None = None  # how an approximate date reads: "late 2010", "week of 6–10 May 2002"

    @property
    def sort_key(self) -> str:
        # A year-only approximate date ("late last year") sorts at the end of its year, after its dated events.
        if self.precision == "approximate" and len(self.date) == 4:
            return f"{self.date}-12"
        return self.date  # events of the same date keep the editor's order (sorting is stable)


@dataclass(frozen=True)
class Position:
    position: str
    citations: tuple[Citation, ...]
    line: int = 0
    side: str = ""  # the story's side that holds it (its field in disputes.yml)


@dataclass(frozen=True)
class Dispute:
    id: str
    question: str
    positions: tuple[Position, ...]  # one per side of the story, in the story's order
    line: int = 0


@dataclass(frozen=True)
class Figure:
    id: str
    topic: str
    number: str
    counts: str
    as_of: str
    citation: Citation
    line: int = 0


@dataclass(frozen=True)
class Term:
    """A glossary entry: its definition is cited, or marked as background with a basis shown to readers."""

    term: str
    definition: str
    line: int = 0
    citations: tuple[Citation, ...] = ()
    background: str | None = None


def _untitled() -> Story:
    from .story import Story  # story.py reads its file with this module's Record

    return Story("", "explainer", "")


@dataclass
class CuratedData:
    story: Story = field(default_factory=lambda: _untitled())
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)

    def citations(self) -> list[Citation]:
        found = [c for e in self.events for c in e.citations]
        found += [c for d in self.disputes for p in d.positions for c in p.citations]
        found += [c for e in self.entities for c in e.citations] + [c for t in self.glossary for c in t.citations]
        return found + [f.citation for f in self.figures]


# --- a small typed reader over YAML nodes, so that every error carries its line ---------------------------


class Record:
    """One mapping of a data file; reading a field records a problem (file, line, field) instead of raising."""

    def __init__(self, node: yaml.Node, path: Path, label: str, problems: list[Problem]):
        self.node, self.path, self.label, self.problems = node, path, label, problems
        self.line = node.start_mark.line + 1
        self.fields: dict[str, yaml.Node] = {}
        if not isinstance(node, yaml.MappingNode):
            self.problem(self.line, "must be a mapping of field: value")
            return
        for key, value in node.value:
            self.fields[str(key.value)] = value

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, f"{self.label}: {message}", line))

    def line_of(self, name: str) -> int:
        """The line of a field's value (the record's line when the field is absent)."""
        node = self.fields.get(name)
        return node.start_mark.line + 1 if node is not None else self.line

    def check_known(self, known: set[str]) -> None:
        for name, value in self.fields.items():
            if name not in known:
                self.problem(value.start_mark.line + 1, f"unknown field {name!r} (known: {', '.join(sorted(known))})")

    def text(self, name: str, required: bool = True, choices: tuple[str, ...] = ()) -> str:
        node = self.fields.get(name)
        if node is None:
            if required:
                self.problem(self.line, f"field {name!r} is missing")
            return ""
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null" or not str(node.value).strip():
            self.problem(node.start_mark.line + 1, f"field {name!r} must be non-empty text")
            return ""
        value = " ".join(str(node.value).split())
        if choices and value not in choices:
            self.problem(node.start_mark.line + 1, f"field {name!r} is {value!r}; expected one of {', '.join(choices)}")
        return value

    def flag(self, name: str) -> bool:
        node = self.fields.get(name)
        if node is None:
            return False
        if not isinstance(node, yaml.ScalarNode) or node.value not in {"true", "false"}:
            self.problem(node.start_mark.line + 1, f"field {name!r} must be true or false")
            return False
        return node.value == "true"

    def items(self, name: str, required: bool = True) -> list[yaml.Node]:
        node = self.fields.get(name)
        if node is None:
            if required:
                self.problem(self.line, f"field {name!r} is missing")
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node.start_mark.line + 1, f"field {name!r} must be a list")
            return []
        return list(node.value)

    def strings(self, name: str, required: bool = True) -> tuple[str, ...]:
        values = []
        for item in self.items(name, required):
            if isinstance(item, yaml.ScalarNode) and str(item.value).strip():
                values.append(str(item.value).strip())
            else:
                self.problem(item.start_mark.line + 1, f"field {name!r} must list non-empty texts")
        return tuple(values)

    def sub(self, name: str) -> Record | None:
        node = self.fields.get(name)
        if node is None:
            self.problem(self.line, f"field {name!r} is missing")
            return None
        return Record(node, self.path, f"{self.label}: {name}", self.problems)

    def citation(self, node: yaml.Node) -> Citation | None:
        record = Record(node, self.path, f"{self.label}: citation", self.problems)
        record.check_known({"source", "quote"})
        source, quote = record.text("source"), record.text("quote")
        return Citation(source, quote, self.path, record.line) if source and quote else None

    def citations(self, name: str, required: bool = True) -> tuple[Citation, ...]:
        found = tuple(c for node in self.items(name, required) if (c := self.citation(node)))
        if not found and name in self.fields:
            self.problem(self.fields[name].start_mark.line + 1, f"field {name!r} needs at least one citation")
        return found


@functools.lru_cache(maxsize=16)  # the live preview reads unchanged curated files again on every rebuild
def _compose(text: str, path: Path) -> yaml.Node | None:
    return safe_yaml.compose(text, path)


def _records(path: Path, problems: list[Problem], what: str) -> list[Record]:
    if not os.path.lexists(path):
        return []
    try:
        root = _compose(read_input_text(path, path.parent), path)
    except ExplainerError as exc:
        problems.extend(exc.problems)
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        problems.append(Problem(path, f"must be a list of {what}", root.start_mark.line + 1))
        return []
    records = []
    for index, node in enumerate(root.value, start=1):
        label = f"{what} {index}"
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value in {"id", "term"} and isinstance(value, yaml.ScalarNode):
                    label = f"{what} {value.value!r}"
        records.append(Record(node, path, label, problems))
    return records


def _entity(r: Record) -> Entity:
    known = {"id", "name", "kind", "native", "role", "aliases", "refs", "side", "citations", "background", "map"}
    r.check_known(known)
    native = _native_names(r)
    role = r.text("role")
    if MARK.search(role) or LOOKS_LIKE_MARK.search(role):
        # a role is shown as written, in the page's description and its structured data too
        r.problem(
            r.line_of("role"),
            "a role takes no [words]{inferred: …} mark: support it with 'citations' or 'background: <basis>'",
        )
    return Entity(
        r.text("id"),
        r.text("name"),
        r.text("kind", choices=ENTITY_KINDS),
        role,
        r.strings("aliases"),
        native,
        r.line,
        r.strings("refs", required=False),
        r.text("side", required=False) or None,
        *_support(r, "role"),
        r.line_of("role"),
        _map_point(r),
    )


def _map_point(r: Record) -> MapPoint | None:
    """`map: {lat: 41.80, lon: 123.43, basis: …}`, with `label` when the map names it otherwise (a capital)."""
    node = r.fields.get("map")
    if node is None:
        return None
    line = node.start_mark.line + 1
    fields = {str(k.value): v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
    if not fields or set(fields) - {"label", "lat", "lon", "basis"} or not {"lat", "lon", "basis"} <= set(fields):
        r.problem(line, "field 'map' must be {lat: <° north>, lon: <° east>, basis: <text>[, label: <text>]}")
        return None
    degrees = {}
    for name, limit in (("lat", 90), ("lon", 180)):
        value = fields[name]
        try:
            degrees[name] = float(value.value) if isinstance(value, yaml.ScalarNode) else float("nan")
        except ValueError:
            degrees[name] = float("nan")
        if not -limit <= degrees[name] <= limit:  # NaN fails too
            r.problem(value.start_mark.line + 1, f"map {name} {value.value!r} must be from {-limit} to {limit}")
            return None
    texts = {name: " ".join(str(fields[name].value).split()) for name in ("label", "basis") if name in fields}
    if not texts["basis"] or ("label" in texts and not texts["label"]):
        r.problem(line, "map basis and label must be non-empty text")
        return None
    return MapPoint(texts.get("label") or r.text("name"), degrees["lat"], degrees["lon"], texts["basis"], line)


def _native_names(r: Record) -> tuple[NativeName, ...]:
    """`native: {ja: 瀋陽}` or several, e.g. `{zh-Hans: 沈阳, ja: 瀋陽}`: language tag → name in that script."""
    node = r.fields.get("native")
    if node is None:
        return ()
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode) or not node.value:
        languages = ", ".join(NATIVE_SCRIPTS)
        r.problem(line, f"field 'native' must map a language ({languages}) to a name, e.g. {{ja: 瀋陽}}")
        return ()
    names = []
    for key, value in node.value:
        lang, text = str(key.value), str(value.value).strip() if isinstance(value, yaml.ScalarNode) else ""
        if lang not in NATIVE_SCRIPTS:
            r.problem(line, f"native name language {lang!r} is not one of {', '.join(NATIVE_SCRIPTS)}")
        elif not NATIVE_SCRIPTS[lang].fullmatch(text):
            r.problem(line, f"native name {text!r} is not written in the script of {lang!r}")
        else:
            names.append(NativeName(lang, text))
    return tuple(names)


def _support(r: Record, what: str) -> tuple[tuple[Citation, ...], str | None]:
    """A field's support: citations, or `background` (a general fact no article states) with its basis."""
    citations = r.citations("citations", required=False)
    background = r.text("background", required=False) or None
    if not citations and not background and "citations" not in r.fields:
        r.problem(
            r.line, f"the {what} needs 'citations' or, for a general fact no article states, 'background: <basis>'"
        )
    elif citations and background:
        # a cited field is shown with its citations only: a background basis beside them would never reach a reader
        r.problem(r.line_of("background"), f"the {what} has both 'citations' and 'background': keep one")
    return citations, background


def _event(r: Record, threads: tuple[str, ...]) -> Event:
    r.check_known(
        {"id", "date", "precision", "label", "inferred", "basis", "thread", "title", "text", "citations", "entities"}
        | {"home"}
    )
    date, precision = r.text("date"), r.text("precision", choices=PRECISIONS)
    if date and not _valid_date(date):
        r.problem(r.fields["date"].start_mark.line + 1, f"date {date!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    elif date and precision in {"day", "month", "year"} and _date_parts(date) != precision:
        r.problem(r.fields["date"].start_mark.line + 1, f"date {date!r} does not have {precision} precision")
    inferred, basis = r.flag("inferred"), r.text("basis", required=False) or None
    if inferred and not basis:
        r.problem(r.line, "an inferred date needs a 'basis' saying how it was inferred")
    return Event(
        r.text("id"),
        date,
        precision,
        r.text("thread", choices=threads or ("(none: the story has no threads)",)),
        r.text("title"),
        r.text("text"),
        r.citations("citations"),
        r.strings("entities"),
        inferred,
        basis,
        r.flag("home"),
        r.line,
        r.line_of("title"),
        r.line_of("text"),
        r.text("label", required=False) or None,
    )


def _valid_date(value: str) -> bool:
    match = DATE.fullmatch(value)
    if not match:
        return False
    try:
        dt.date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
    except ValueError:
        return False
    return True


def _date_parts(value: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[len(value.split("-"))]


def _position(r: Record, side: str) -> Position:
    sub = r.sub(side)
    if sub is None:
        return Position("", ())
    sub.check_known({"position", "citations"})
    return Position(sub.text("position"), sub.citations("citations"), sub.line_of("position"), side)


def _dispute(r: Record, sides: tuple[str, ...]) -> Dispute:
    r.check_known({"id", "question", *sides})
    return Dispute(r.text("id"), r.text("question"), tuple(_position(r, side) for side in sides), r.line)


def _figure(r: Record) -> Figure | None:
    r.check_known({"id", "topic", "number", "counts", "as_of", "citation"})
    node = r.fields.get("citation")
    citation = r.citation(node) if node is not None else None
    if node is None:
        r.problem(r.line, "field 'citation' is missing")
    values = (r.text("id"), r.text("topic"), r.text("number"), r.text("counts"), r.text("as_of"))
    return Figure(*values, citation, r.line) if citation else None


def _term(r: Record) -> Term:
    r.check_known({"term", "definition", "citations", "background"})
    term = r.text("term")
    if re.search(r"[\[\]\\<>]", term) or (term and not re.search(r"\w", term)):
        # The term becomes "*[term]: definition" on every page: a bracket or backslash would turn that line into
        # Markdown and HTML on every page; a term needs a word to be found in the text.
        r.problem(r.line_of("term"), "the term must be words, without [ ] \\ < >")
    return Term(term, r.text("definition"), r.line, *_support(r, "definition"))


def load_data(folder: Path, problems: list[Problem] | None = None) -> CuratedData:
    """Read and check every curated file. Problems are gathered and raised together, or appended to `problems`
    (with the valid part of the data returned) when the caller gathers problems of several stages."""
    from .story import load_story  # story.py reads its file with this module's Record

    gathered: list[Problem] = []
    data = CuratedData(load_story(folder, gathered))
    threads, sides = data.story.thread_ids, tuple(s.id for s in data.story.sides)

    def load(name: str, what: str, make: Callable[[Record], Any]) -> list[Any]:
        return [item for r in _records(folder / name, gathered, what) if (item := make(r)) is not None]

    data.entities = load("entities.yml", "entity", _entity)
    data.events = sorted(load("events.yml", "event", lambda r: _event(r, threads)), key=lambda e: e.sort_key)
    data.disputes = load("disputes.yml", "dispute", lambda r: _dispute(r, sides))
    data.figures = load("figures.yml", "figure", _figure)
    data.glossary = load("glossary.yml", "term", _term)
    _check_ids(data, folder, gathered)
    gathered.sort(key=lambda p: (str(p.path), p.line or 0))
    if problems is not None:
        problems.extend(gathered)
    elif gathered:
        raise ExplainerError(gathered)
    return data


def _check_ids(data: CuratedData, folder: Path, problems: list[Problem]) -> None:
    for name, items in (
        ("entities.yml", data.entities),
        ("events.yml", data.events),
        ("disputes.yml", data.disputes),
        ("figures.yml", data.figures),
    ):
        seen: dict[str, int] = {}
        for item in sorted(items, key=lambda i: i.line):  # "first" means first in the file
            if item.id and not ID.fullmatch(item.id):
                problems.append(
                    Problem(folder / name, f"id {item.id!r} must be lower-case words joined by hyphens", item.line)
                )
            elif item.id and name == "entities.yml" and (why := id_problem(item.id)):  # the id names its page
                problems.append(Problem(folder / name, f"id {item.id!r} {why}", item.line))
            if item.id in seen:
                problems.append(
                    Problem(folder / name, f"duplicate id {item.id!r} (first at line {seen[item.id]})", item.line)
                )
            seen.setdefault(item.id, item.line)
    entity_ids = {e.id for e in data.entities}
    for entity in data.entities:
        if entity.side and entity.side not in entity_ids:
            problems.append(
                Problem(
                    folder / "entities.yml",
                    f"entity {entity.id!r}: side {entity.side!r} is not an entity id",
                    entity.line,
                )
            )
    for event in data.events:
        for entity in event.entities:
            if entity not in entity_ids:
                problems.append(
                    Problem(folder / "events.yml", f"event {event.id!r}: unknown entity {entity!r}", event.line)
                )
    terms: dict[str, int] = {}
    for term in data.glossary:
        if term.term in terms:
            problems.append(Problem(folder / "glossary.yml", f"duplicate term {term.term!r}", term.line))
        terms.setdefault(term.term, term.line)
