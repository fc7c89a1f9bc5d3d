"""Errors that name the file (and line) at fault; the CLI prints them as one line each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, at a line when one applies."""

    path: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class ExplainerError(Exception):
    """Input the pipeline refuses; carries every problem found, gathered before failing."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def one(cls, path: Path, message: str, line: int | None = None) -> ExplainerError:
        return cls([Problem(path, message, line)])
