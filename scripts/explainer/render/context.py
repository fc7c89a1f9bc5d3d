"""What every page is rendered from: the sources, the curated data, the resolved citations, and what the first
pass (gather.py) worked out that pages need from each other. Rendering reads it and never writes to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import place_map as place_map_mod
from ..cite import ResolvedCitation
from ..data import Citation, CuratedData, Mark
from ..model import Source
from .urls import Origin, entity_path, footnote_anchor, rel

Note = Citation | Mark  # a page's numbered note: a citation, or the basis of a mark


@dataclass(frozen=True)
class Backlink:
    """A place in the site that cites a source paragraph (footnote `note` of `page`), or links an entity."""

    page: str
    title: str
    note: int = 0
    paragraph: int = 0
    origin: Origin | None = field(default=None, compare=False)  # the citation's file and line

    @property
    def anchor(self) -> str:
        return footnote_anchor(self.note)


@dataclass(frozen=True)
class Mention:
    """A sentence of a source that names an entity."""

    source: Source
    paragraph: int
    sentence: str


@dataclass
class Site:
    """Everything rendering needs: the checked inputs (set by project.load_site), then what gather.py works out
    before any page is rendered."""

    sources: list[Source]
    data: CuratedData
    resolved: dict[Citation, ResolvedCitation]
    spans: dict[tuple[str, int], list[tuple[int, int]]]
    claim_of: dict[Citation, str] = field(default_factory=dict)  # citation → its row on the claims review page
    place_map: place_map_mod.PlaceMap | None = None  # the "Where it happened" map: sources/map.yml, projected
    # --- the first pass (gather.py) ---
    planned: dict[str, list[Note]] = field(default_factory=dict)  # page → its notes in order
    cited_by: dict[str, list[Backlink]] = field(default_factory=dict)  # source id → the notes citing it
    linked_from: dict[str, list[Backlink]] = field(default_factory=dict)  # entity id → narrative pages linking it
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # entity id → sentences naming it
    home_sources: list[Source] = field(default_factory=list)  # the sources table of the home page
    notes: list[tuple[str, int, Citation]] = field(default_factory=list)  # (page, note, citation): the data export

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.data.entities}

    def entity_urls(self, page: str) -> dict[str, str]:
        """Each entity's page as a Markdown link from `page`."""
        return {e.id: rel(page, entity_path(e.id)) for e in self.data.entities}
