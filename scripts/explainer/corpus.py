"""Index stage: the whole corpus of sources, read and dated together, in date order."""

from __future__ import annotations

from pathlib import Path

from . import dating
from .convert import to_source
from .model import Source
from .read import RawArticle, read_articles


def build_corpus(articles: list[RawArticle]) -> list[Source]:
    """Sources dated in two passes: each on its own evidence, then year-less ones from the dated rest."""
    sources = [to_source(article) for article in articles]
    given = {a.id: a.metadata.get("date") for a in articles}
    for source in sources:
        source.date = dating.establish(source, given[source.id])
    dated = [s for s in sources if s.date.value]
    for source in sources:
        if source.date.value is None and dating.writes_no_year(source):
            hint = dating.year_hint(source, dated)
            source.date = dating.establish(source, given[source.id], hint)
    for source in sources:
        if source.date.value is None:
            source.warnings.append("date unknown: no date printed and none readable from the text")
    _check_unique_titles(sources)
    return sorted(sources, key=lambda s: s.sort_key)


def _check_unique_titles(sources: list[Source]) -> None:
    seen: dict[str, Source] = {}
    for source in sources:
        key = source.title.casefold()
        if key in seen:
            source.warnings.append(f"same title as {seen[key].id}")
        seen.setdefault(key, source)


def load_corpus(folder: Path) -> list[Source]:
    return build_corpus(read_articles(folder))
