"""Index stage: the whole corpus of sources, read and dated together, in date order."""

from __future__ import annotations

from pathlib import Path

from . import dating, rules
from .convert import to_sources
from .model import Source
from .read import RawArticle, read_articles


def build_corpus(articles: list[RawArticle]) -> list[Source]:
    """Sources dated in two passes: each on its own evidence, then year-less ones from the dated rest."""
    sources = to_sources(articles)
    given = {a.id: a.metadata.get("date") for a in articles}
    for source in sources:
        source.date = dating.establish(source, given[source.id])
    # An archive stamp shows on every article the outlet moved at once; the text of one may prove it for all.
    stamped = {s.byline: s for s in sources if s.byline and s.date.byline_contradiction}
    for source in sources:
        if not source.date.byline_contradiction and (stamp := dating.shared_archive_stamp(source, stamped)):
            source.date = dating.establish(source, given[source.id], archive_stamp=stamp)
    years: dating.DatedYears | None = None
    for source in sources:
        if source.date.value is None and dating.writes_no_year(source):
            years = years or dating.DatedYears.of([s for s in sources if s.date.value])
            hint = dating.year_hint(source, years)
            source.date = dating.establish(source, given[source.id], hint, dating.shared_archive_stamp(source, stamped))
    for source in sources:
        if source.date.value is None:
            source.warnings.append("date unknown: no date printed and none readable from the text")
    _outlets_from_authors(sources)
    _check_unique_titles(sources)
    return sorted(sources, key=lambda s: s.sort_key)


def _outlets_from_authors(sources: list[Source]) -> None:
    """No outlet in the text: the one outlet every other article by the same author here was published in."""
    for source in sources:
        author = source.metadata.get("author")
        if source.metadata.get("outlet") or not author:
            continue
        others = [o for o in sources if o is not source and o.metadata.get("author") == author]
        outlets = {o.metadata.get("outlet") for o in others}
        if len(outlets) == 1 and (outlet := outlets.pop()):
            ids = ", ".join(o.id for o in others)
            source.metadata.set("outlet", outlet, f"{rules.OUTLET_FROM_AUTHOR} ({ids})")
            source.warnings.remove("no outlet given or found in the text")


def _check_unique_titles(sources: list[Source]) -> None:
    seen: dict[str, Source] = {}
    for source in sources:
        key = source.title.casefold()
        if key in seen:
            source.warnings.append(f"same title as {seen[key].id}")
        seen.setdefault(key, source)


def load_corpus(folder: Path) -> list[Source]:
    return build_corpus(read_articles(folder))
