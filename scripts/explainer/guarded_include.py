"""Markdown extension: markdown-include limited to the project's fragment folder (docs/includes/).

markdown-include 0.8.1 reads any absolute, `~` or `../` path and only prints a warning for a missing file; here an
include outside base_path, or of a missing fragment, stops the build with a message naming the include.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown_include.include import INC_SYNTAX, IncludePreprocessor, MarkdownInclude


class IncludeRefused(ValueError):
    """An include directive that names a file outside the fragment folder, or a fragment that does not exist."""


class GuardedIncludePreprocessor(IncludePreprocessor):
    def run(self, lines: list[str]) -> list[str]:
        base = Path(self.base_path).resolve()
        for number, line in enumerate(lines, start=1):
            for match in INC_SYNTAX.finditer(line):
                name = os.path.expanduser(match.group(1))
                target = Path(os.path.normpath(os.path.join(self.base_path, name))).resolve()
                if not target.is_relative_to(base):
                    raise IncludeRefused(f"line {number}: include {match.group(0)!r} is outside {self.base_path}/")
                if not target.is_file():
                    raise IncludeRefused(
                        f"line {number}: include {match.group(0)!r}: no such fragment in {self.base_path}/"
                    )
        return super().run(lines)


class GuardedInclude(MarkdownInclude):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(GuardedIncludePreprocessor(md, self.getConfigs()), "include", 101)


def makeExtension(**kwargs: Any) -> GuardedInclude:
    return GuardedInclude(kwargs)
