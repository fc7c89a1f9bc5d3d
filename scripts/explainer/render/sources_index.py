"""The list of sources: the sources index page (finished HTML) and the Markdown table the home page shows."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Source
from ..search_scope import excluded_unless_full_text, full_text, titles_only_note
from .html import Html, block
from .text import ABBREVIATIONS, date_label, front_matter, inert_inline
from .urls import SOURCES_INDEX, Links, Origin, source_path

_ROW = Html('<tr>\n<td>{date}</td>\n<td><a href="{link}">{title}</a></td>\n<td>{outlet}</td>\n</tr>')
# Written inside Material's scrolling wrapper and with a class, as explainer.table_wraps gives Markdown tables, so
# that Material's script does not move the table after the first paint (see that module).
_TABLE = Html(
    '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
    '<table class="explainer-table"{scope}>\n'
    "<thead>\n<tr>\n<th>Date</th>\n<th>Article</th>\n<th>Outlet</th>\n</tr>\n</thead>\n<tbody>\n"
    "{rows}\n</tbody>\n</table></div></div>"
)


def sources_table(sources: list[Source], link: Callable[[str], str]) -> str:
    """The sources as a Markdown table, oldest first; `link` gives the address of a source page from its id."""
    if not sources:
        return "*No articles yet: this explainer has no sources to show.*\n"
    rows = ["| Date | Article | Outlet |", "|---|---|---|"]
    for source in sources:
        flag = f" ([the printed date is wrong]({link(source.id)}#date))" if source.date.byline_contradiction else ""
        outlet = source.metadata.get("outlet")
        date = inert_inline(date_label(source, explained=True))
        rows.append(
            f"| {date}{flag} | [{inert_inline(source.title)}]({link(source.id)}) "
            f"| {inert_inline(outlet) if outlet else '*unknown*'} |"
        )
    return "\n".join(rows) + "\n"


def sources_index(sources: list[Source], links: Links) -> str:
    """The page listing every source: its table is finished HTML (1,000 rows cost Python-Markdown 0.2 s as a
    Markdown table), its links from `links`."""
    intro = (
        front_matter("Sources", f"The {len(sources)} news articles this explainer is built from, by date.")
        + "# Sources\n\n"
        + f"The {len(sources)} articles this site is built from, oldest first. Each page shows the article's "
        "text verbatim with numbered paragraphs, and how its date was established. "
        "Dates marked *inferred* are read from the text; a flag marks a byline the text contradicts.\n\n"
        + ("" if full_text(len(sources)) else titles_only_note(len(sources)) + "\n")
    )
    if not sources:
        return intro + sources_table(sources, str) + "\n" + ABBREVIATIONS + "\n"
    rows = []
    for source in sources:
        origin = Origin(source.path)
        target = source_path(source.id)
        date = Html.escape(date_label(source, explained=True))
        if source.date.byline_contradiction:
            wrong = links.to(SOURCES_INDEX, target, "date", origin)
            date += Html(' (<a href="{}">the printed date is wrong</a>)').format(wrong)
        outlet = source.metadata.get("outlet") or Html("<em>unknown</em>")
        link = links.to(SOURCES_INDEX, target, "", origin)
        rows.append(_ROW.format(date=date, link=link, title=source.title, outlet=outlet))
    # The glossary include stays for the intro's words; abbreviations never reach the finished table.
    table = _TABLE.format(rows=Html("\n").join(rows), scope=Html(excluded_unless_full_text(len(sources))))
    return intro + block(table) + ABBREVIATIONS + "\n"
