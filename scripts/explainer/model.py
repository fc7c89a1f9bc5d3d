"""The story's domain objects: a Source (one article), its Paragraphs, and how its date was established."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

METADATA_FIELDS = ("title", "outlet", "author", "date", "url", "archive", "rights", "notes")
# In a metadata file written by `make add`: for each field read from the saved page, where it was read.
FOUND_FIELD = "found"


@dataclass(frozen=True)
class Line:
    """One line of the raw article, with its 1-based number and, if dropped, the rule that dropped it."""

    number: int
    text: str
    dropped_by: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of cleaned article text; `number` is its stable anchor (#p-N)."""

    number: int
    text: str
    first_line: int
    subhead: bool = False

    @property
    def anchor(self) -> str:
        return f"p-{self.number}"


@dataclass(frozen=True)
class DateMention:
    """A date written in the article: what it says, what it resolves to, and how precise it is."""

    text: str
    line: int
    value: dt.date | None
    precision: str  # "day", "month", "year", "day-month" (no year), "weekday"
    context: str  # the line it stands in
    cited_story: bool = False  # from a "See earlier stories" line: the article is newer than it
    in_caption: bool = False  # from a photo caption: the photo was taken that day, the article is no older


@dataclass
class DateFinding:
    """The date shown for a source and the reasoning a reader can check."""

    value: dt.date | None
    status: str  # "given" (metadata), "page" (a saved page's metadata), "byline", "inferred", "unknown"
    evidence: list[str] = field(default_factory=list)
    byline_contradiction: str | None = None

    @property
    def inferred(self) -> bool:
        return self.status == "inferred"


@dataclass
class Metadata:
    """Metadata of one source: each value with where it came from ("given" or the inference that found it)."""

    values: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str | None, origin: str) -> None:
        if value and name not in self.values:
            self.values[name] = value
            self.origin[name] = origin

    def given(self) -> list[str]:
        return [k for k in METADATA_FIELDS if self.origin.get(k) == "given"]

    def inferred(self) -> list[str]:
        return [k for k in METADATA_FIELDS if k in self.origin and self.origin[k] != "given"]


@dataclass
class Source:
    """One article: its raw lines, cleaned paragraphs, metadata and established date."""

    id: str
    path: Path
    lines: list[Line]
    paragraphs: list[Paragraph]
    metadata: Metadata
    byline: str | None
    byline_date: dt.date | None
    mentions: list[DateMention]
    date: DateFinding = field(default_factory=lambda: DateFinding(None, "unknown"))
    related: list[str] = field(default_factory=list)  # "See earlier stories" lines, kept as date evidence
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.metadata.get("title") or self.id

    @property
    def paragraphs_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.date.value.isoformat() if self.date.value else "9999", self.id)
