"""An editor's corrections of the cleaning, kept in the article's metadata file (the raw text is never edited):

    drop:                      # lines the cleaning kept that are not article text
      - Sign up for our newsletter
    keep:                      # lines it dropped that are
      - The former police chief of Chongqing

Each entry names the line that holds its words (whitespace does not count; its start is enough when unique). An entry
that names no line, or lines with different texts, is refused with the metadata file's line; a line printed twice
with the same text (a caption repeated) is dropped or kept wherever it stands.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import rules
from .errors import Problem
from .model import Line

CHOICE_FIELDS = ("drop", "keep")
EDITOR_DROP = "dropped by the editor"
MIN_WORDS = 2  # one word names too many lines to be a choice anybody checked


@dataclass(frozen=True)
class LineChoice:
    """One entry of `drop` or `keep`: its words and the line of the metadata file that gives it."""

    words: str
    keep: bool
    line: int


def _normalised(text: str) -> str:
    return " ".join(rules.CONTROL_CHARS.sub("", text).split())


def read_choices(path: Path, field: str, node: yaml.Node, problems: list[Problem]) -> list[LineChoice]:
    """The entries of a `drop` or `keep` field: a list of texts, each of two words or more."""
    if not isinstance(node, yaml.SequenceNode):
        problems.append(
            Problem(path, f"field {field!r} must be a list of lines (or their starts), one per item", _line(node))
        )
        return []
    choices = []
    for item in node.value:
        words = _normalised(str(item.value)) if isinstance(item, yaml.ScalarNode) else ""
        if not isinstance(item, yaml.ScalarNode) or item.tag == "tag:yaml.org,2002:null" or not words:
            problems.append(Problem(path, f"{field!r}: each item must be the text of a line", _line(item)))
        elif len(words.split()) < MIN_WORDS:
            problems.append(
                Problem(path, f"{field!r}: “{words}” is one word; quote enough of the line to name it", _line(item))
            )
        else:
            choices.append(LineChoice(words, field == "keep", _line(item)))
    return choices


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def matching_lines(raw: list[str], choice: LineChoice) -> list[int]:
    """Indexes of the raw lines that hold the choice's words."""
    return [i for i, text in enumerate(raw) if choice.words in _normalised(text)]


def check_choices(metadata_path: Path, text_path: Path, raw: list[str], choices: list[LineChoice]) -> list[Problem]:
    """Every choice names one line of the text (or copies of one line); each line is chosen once."""
    problems = []
    chosen: dict[int, LineChoice] = {}
    for choice in choices:
        field = "keep" if choice.keep else "drop"
        found = matching_lines(raw, choice)
        texts = {_normalised(raw[i]) for i in found}
        if not found:
            problems.append(
                Problem(metadata_path, f"{field!r}: “{choice.words}” is in no line of {text_path.name}", choice.line)
            )
        elif len(texts) > 1:
            numbers = ", ".join(str(i + 1) for i in found[:5])
            problems.append(
                Problem(
                    metadata_path,
                    f"{field!r}: “{choice.words}” is in {len(found)} different lines of {text_path.name} "
                    f"(lines {numbers}): quote more of the one you mean",
                    choice.line,
                )
            )
        else:
            for index in found:
                if (other := chosen.get(index)) is not None:
                    problems.append(
                        Problem(
                            metadata_path,
                            f"{field!r}: “{choice.words}” names line {index + 1} of {text_path.name}, which line "
                            f"{other.line} already names",
                            choice.line,
                        )
                    )
                chosen[index] = choice
    return problems


def apply_choices(lines: list[Line], choices: tuple[LineChoice, ...]) -> tuple[list[Line], list[str]]:
    """The lines with the editor's choices applied, and a note for each choice the cleaning had already made."""
    if not choices:
        return lines, []
    raw = [line.text for line in lines]
    matched = {choice: matching_lines(raw, choice) for choice in choices}
    decided: dict[int, LineChoice] = {i: choice for choice, found in matched.items() for i in found}
    notes = []
    for choice, found in matched.items():
        if all(bool(lines[i].dropped_by) != choice.keep for i in found):
            field, done = ("keep", "keeps") if choice.keep else ("drop", "drops")
            notes.append(f"its metadata's {field} (line {choice.line}): the cleaning already {done} “{choice.words}”")
    changed = [
        dataclasses.replace(line, dropped_by=None if decided[i].keep else EDITOR_DROP) if i in decided else line
        for i, line in enumerate(lines)
    ]
    return changed, notes
