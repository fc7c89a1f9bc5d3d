"""How much of the sources the search index holds: everything up to FULL_TEXT_MAX_SOURCES sources; above, each
source page by its title only, as the pages themselves say.

Material's search builds its index in the reader's browser when the first search is typed (from file://, on the
page's own thread: the worker shim runs it in an iframe of the page), and the time grows with the text indexed.
Measured from file:// in Chromium (README, Performance): with every article's text, the first search at 1,005
sources takes 0.5-2.4 s, at 10,005 sources 42 s, and later searches 0.45 s. Source pages' article text is 92% of
the index at 1,005 sources; the list of sources on the sources index and About's list of rights grow with it and
only repeat the titles.
"""

from __future__ import annotations

FULL_TEXT_MAX_SOURCES = 1_500
EXCLUDED = " data-search-exclude"  # Material's search leaves out the element (a heading: its whole section)


def full_text(sources: int) -> bool:
    """Whether the search index holds the article texts (and the lists of every source) of this many sources."""
    return sources <= FULL_TEXT_MAX_SOURCES


def excluded_unless_full_text(sources: int) -> str:
    """The attribute (with its leading space) that keeps an element out of the index above the limit, else ""."""
    return "" if full_text(sources) else EXCLUDED


def titles_only_note(sources: int) -> str:
    """Said on each source page and on the sources index when the index holds titles only."""
    return (
        f'<p class="search-scope" data-search-exclude>With {sources:,} articles, this site\'s search finds each '
        "article by its title only, so that it answers quickly; to find words in an article's text, use your "
        "browser's Find in page.</p>\n"
    )
