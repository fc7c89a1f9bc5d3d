"""Where things live in a project checkout, and the convert step that ties read → index → render → write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus import load_corpus
from .model import Source
from .render import SOURCES_DIR, render_site_pages
from .write import write_owned


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def articles(self) -> Path:
        return self.root / "sources" / "articles"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def generated_sources(self) -> Path:
        return self.docs / SOURCES_DIR

    @property
    def vendor(self) -> Path:
        return self.docs / "assets" / "vendor"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"


def convert(project: Project) -> tuple[list[Source], list[str]]:
    """Read every article, build the corpus and write the generated pages; nothing is written on bad input."""
    sources = load_corpus(project.articles)
    pages = render_site_pages(sources)
    prefix = f"{SOURCES_DIR}/"
    files = {path.removeprefix(prefix): text.encode("utf-8") for path, text in pages.items()}
    changed = write_owned(project.generated_sources, files)
    return sources, changed
