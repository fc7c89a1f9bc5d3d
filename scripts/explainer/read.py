"""Reading raw input from disk: article text files (validated, decoded) and their optional metadata files."""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import safe_yaml
from .errors import ExplainerError, Problem
from .inputs import read_input, read_input_text
from .line_choices import CHOICE_FIELDS, LineChoice, check_choices, read_choices
from .model import FOUND_FIELD, METADATA_FIELDS

ARTICLE_SUFFIX = ".txt"
METADATA_SUFFIX = ".yml"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Ids that name a page the converter generates beside the articles' and entities' pages: sources/index.md and
# entities/index.md are the lists of sources and of entities.
RESERVED_IDS = frozenset({"index"})
# Every file made from an id stays under the file system's 255-byte limit (<id>.html, .<id>.md.XXXXXXXX).
MAX_ID_LENGTH = 200
MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a news article is well under 100 KB; a larger file is not one


@dataclass(frozen=True)
class RawArticle:
    """An article file as read: its id (the file stem), decoded text, and optional metadata with line numbers."""

    id: str
    path: Path
    text: str
    metadata: dict[str, str]
    metadata_path: Path | None
    metadata_lines: dict[str, int]
    found: dict[str, str] = dataclasses.field(default_factory=dict)  # field → where `make add` read it
    choices: tuple[LineChoice, ...] = ()  # the editor's `drop` and `keep` lines


def decode_article(path: Path, data: bytes) -> str:
    """Bytes → text. UTF-8 (BOM allowed) or BOM-marked UTF-16; anything else is refused with the line at fault."""
    if not data.strip():
        raise ExplainerError.one(path, "the article is empty")
    if len(data) > MAX_ARTICLE_BYTES:
        raise ExplainerError.one(path, f"the article is {len(data):,} bytes; the limit is {MAX_ARTICLE_BYTES:,}")
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ExplainerError.one(path, f"invalid UTF-16 after its byte-order mark ({exc.reason})") from None
            return _check_text(path, text)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ExplainerError.one(path, "NUL byte: this is a binary file, not a plain-text article", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ExplainerError.one(
            path,
            f"not UTF-8: byte 0x{data[exc.start]:02x} at column {column} (save the article as UTF-8)",
            line,
        ) from None
    return _check_text(path, text)


def _check_text(path: Path, text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ExplainerError.one(path, "NUL character: this is a binary file, not a plain-text article", line)
    if not text.strip():
        raise ExplainerError.one(path, "the article has no text")
    return text


def read_metadata(path: Path) -> tuple[dict[str, str], dict[str, int], dict[str, str]]:
    """Read an article's metadata file: a YAML mapping of known fields to strings; errors name file and line.

    Returns the values, the line of each, and `found`: for fields `make add` read from a saved page, where.
    """
    values, lines, found, _ = read_metadata_file(path)
    return values, lines, found


def read_metadata_file(
    path: Path, text_path: Path | None = None, text: str | None = None
) -> tuple[dict[str, str], dict[str, int], dict[str, str], tuple[LineChoice, ...]]:
    """`read_metadata`, and the editor's `drop` and `keep` lines, each checked against the article's text when it
    is given (every problem of the file reported at once)."""
    node = safe_yaml.compose(read_input_text(path, path.parent), path)
    if node is None:
        return {}, {}, {}, ()
    if not isinstance(node, yaml.MappingNode):
        raise ExplainerError.one(path, "metadata must be a mapping of field: value", node.start_mark.line + 1)
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    found: dict[str, str] = {}
    choices: list[LineChoice] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if key == FOUND_FIELD:
            found = _read_found(path, value_node, problems)
            continue
        if key in CHOICE_FIELDS:
            if key in seen:
                problems.append(Problem(path, f"field {key!r} given twice", line))
            seen.add(key)
            choices += read_choices(path, key, value_node, problems)
            continue
        if key not in METADATA_FIELDS:
            known = ", ".join((*METADATA_FIELDS, *CHOICE_FIELDS, FOUND_FIELD))
            problems.append(Problem(path, f"unknown field {key!r} (known: {known})", line))
            continue
        if key in values:
            problems.append(Problem(path, f"field {key!r} given twice", line))
            continue
        if not isinstance(value_node, yaml.ScalarNode) or value_node.tag == "tag:yaml.org,2002:null":
            problems.append(Problem(path, f"field {key!r} must be a single text value", line))
            continue
        value = str(value_node.value).strip()
        if key == "date" and not _is_iso_date(value):
            problems.append(Problem(path, f"date {value!r} must be written YYYY-MM-DD", line))
            continue
        values[key], lines[key] = value, line
    problems += [
        Problem(path, f"`{FOUND_FIELD}` names {name!r}, which has no value here", node.start_mark.line + 1)
        for name in found
        if name not in values
    ]
    if text_path is not None and text is not None:
        problems += check_choices(path, text_path, text.split("\n"), choices)
    if problems:
        raise ExplainerError(problems)
    return values, lines, found, tuple(choices)


def _read_found(path: Path, node: yaml.Node, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            Problem(path, f"`{FOUND_FIELD}` must map field names to where each was found", node.start_mark.line + 1)
        )
        return {}
    found: dict[str, str] = {}
    for key_node, value_node in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if key not in METADATA_FIELDS or not isinstance(value_node, yaml.ScalarNode) or not value_node.value:
            problems.append(Problem(path, f"`{FOUND_FIELD}`: {key!r} must be a metadata field with a text", line))
            continue
        found[key] = str(value_node.value).strip()
    return found


def _is_iso_date(value: str) -> bool:
    if not ISO_DATE.fullmatch(value):  # date.fromisoformat alone also takes 20020510 and 2002W195
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def id_problem(value: str) -> str | None:
    """Why `value` cannot be an id (of an article or an entity: it names its page), or None."""
    if not SOURCE_ID.fullmatch(value):
        return "must be lower-case words joined by hyphens"
    if value in RESERVED_IDS:
        return "is reserved: a generated page (the list of sources or of entities) has that name"
    if len(value) > MAX_ID_LENGTH:
        return f"is {len(value)} characters long; the limit is {MAX_ID_LENGTH} (file names have a length limit)"
    return None


def read_article(path: Path) -> RawArticle:
    """Read one article file and the metadata file beside it, if any."""
    if problem := id_problem(path.stem):
        raise ExplainerError.one(path, f"file name {problem} (it becomes the citation key)")
    text = decode_article(path, read_input(path, path.parent))
    meta_path = path.with_suffix(METADATA_SUFFIX)
    if os.path.lexists(meta_path):  # a dangling link is refused, not taken for "no metadata"
        metadata, lines, found, choices = read_metadata_file(meta_path, path, text)
        return RawArticle(path.stem, path, text, metadata, meta_path, lines, found, choices)
    return RawArticle(path.stem, path, text, {}, None, {})


def read_articles(folder: Path) -> list[RawArticle]:
    """Read every article of a folder; every bad file is reported, all at once."""
    if not folder.is_dir():
        raise ExplainerError.one(folder, "the articles folder does not exist")
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix == METADATA_SUFFIX:
            if not os.path.lexists(path.with_suffix(ARTICLE_SUFFIX)):
                problems.append(Problem(path, f"metadata file without an article ({path.stem}{ARTICLE_SUFFIX})"))
            continue
        if path.suffix != ARTICLE_SUFFIX:
            problems.append(Problem(path, f"not an article: articles are plain-text {ARTICLE_SUFFIX} files"))
            continue
        try:
            articles.append(read_article(path))
        except ExplainerError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ExplainerError(problems)
    return articles  # none yet is a new explainer: its pages say so
