"""The home page's sources table (the `@sources` directive): every source, or for a large corpus the ones the
site cites and a link to the full list."""

from __future__ import annotations

from ..model import Source
from .context import Site
from .sources_index import sources_table
from .urls import SOURCES_INDEX, rel, source_path

# The home page lists every source up to this many; beyond, the ones the site cites, and a link to all.
HOME_SOURCES = 25


def sources_shown(site: Site) -> list[Source]:
    """First pass: the sources the home page's table lists."""
    if len(site.sources) <= HOME_SOURCES:
        return site.sources
    cited = {citation.source for citation in site.resolved}
    return [s for s in site.sources if s.id in cited]


def home_sources(site: Site, here: str) -> str:
    """The sources table, with the offline bundle's link (an include fragment: its address is the site root's, as
    is the home page's)."""
    shown = site.home_sources
    table = sources_table(shown, lambda source_id: rel(here, source_path(source_id))) + "\n{!offline-bundle.md!}\n"
    if len(shown) == len(site.sources):
        return table
    index = rel(here, SOURCES_INDEX)
    return (
        f"The {len(shown)} articles the site cites; all {len(site.sources)} are listed in [Sources]({index}).\n\n"
        + table
    )
