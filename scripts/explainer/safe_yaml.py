"""Reading YAML that editors write: nodes with line numbers, and every way YAML can fail as one problem at a line.

PyYAML's safe loader still expands aliases (a "billion laughs" of ten nested aliases takes minutes and ends in
MemoryError), recurses once per nesting level (5,000 levels: RecursionError), accepts mappings and lists as
keys, and raises ReaderError (no line, only a character position) on control characters. None of these belongs
in an article's metadata, the curated data or a page's front matter: each is refused here with its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ExplainerError

MAX_DEPTH = 50  # the deepest structure the project writes is 4 levels (a dispute's side's citation's quote)


class _Refused(yaml.YAMLError):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


class _EditorLoader(yaml.SafeLoader):
    """The safe loader without aliases, deep nesting or non-text keys."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("anchors and aliases (&name, *name) are not allowed: write each value out", _line(event))
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested more than {MAX_DEPTH} levels deep", _line(event))
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_mapping_node(self, anchor: str | None) -> yaml.MappingNode:
        node = super().compose_mapping_node(anchor)
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise _Refused("a key must be a plain name, not a list or a mapping", key.start_mark.line + 1)
        return node


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def compose(text: str, path: Path, first_line: int = 1) -> yaml.Node | None:
    """The YAML node tree of `text` (read from `path`, starting at its line `first_line`); ExplainerError naming
    the line for anything malformed or refused."""
    offset = first_line - 1
    try:
        return yaml.compose(text.removeprefix("\ufeff"), Loader=_EditorLoader)
    except _Refused as exc:
        raise ExplainerError.one(path, exc.message, exc.line + offset) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 + offset
        raise ExplainerError.one(path, f"character U+{exc.character:04X} is not allowed in YAML", line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        raise ExplainerError.one(path, f"YAML syntax error: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise ExplainerError.one(path, f"YAML error: {' '.join(str(exc).split())}", first_line) from None


def plain(node: yaml.Node | None) -> Any:
    """The Python value of a checked node tree (no aliases in it, so constructing it is linear)."""
    if node is None:
        return None
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()
