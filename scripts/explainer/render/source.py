"""A source's page: the article as finished HTML (finished_html.py) between Markdown headings, which keep their
permalinks and make the table of contents. Every text in the HTML is inert (html.py); every link comes from
urls.Links, checked before anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import rules
from ..citation_formats import cite_block, source_work
from ..dating import fmt
from ..model import Source
from ..search_scope import excluded_unless_full_text, full_text, titles_only_note
from .context import Site
from .html import Html, block
from .text import date_label, front_matter, inert_block
from .urls import SOURCES_INDEX, Links, Origin, entity_path, paragraph_anchor, source_path


@dataclass
class SourceLinks:
    """What the rest of the site says about a source: quoted spans, citing places, entities it names."""

    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # paragraph → merged quote spans
    # (paragraph, page title, note, link to the note, link to the paragraph): links as written in the HTML
    cited_by: list[tuple[int, str, int, str, str]] = field(default_factory=list)
    named: list[tuple[str, str]] = field(default_factory=list)  # (entity name, link)
    cite: str = ""  # the "Cite this page" box (citation_formats.py)
    index: str = "index.html"  # the back link to the sources index
    corpus_size: int = 0  # sources in the site: above search_scope's limit, search holds the page's title only


def links_of(site: Site, links: Links, entities_file: Path) -> dict[str, SourceLinks]:
    """What each source page links to, from the first pass's registers (every link recorded in `links`)."""
    size = len(site.sources)
    found = {
        s.id: SourceLinks(cite=cite_block(source_work(s), paragraphs=True), corpus_size=size) for s in site.sources
    }
    for source in site.sources:
        found[source.id].index = links.to(source_path(source.id), SOURCES_INDEX, "", Origin(source.path))
    for (source_id, paragraph), ranges in site.spans.items():
        found[source_id].spans[paragraph] = ranges
    for source_id, backlinks in site.cited_by.items():
        here = source_path(source_id)
        for link in backlinks:
            origin = link.origin or Origin(site.source(source_id).path)
            note = links.to(here, link.page, link.anchor, origin)
            anchor = links.to(here, here, paragraph_anchor(link.paragraph), origin)
            found[source_id].cited_by.append((link.paragraph, link.title, link.note, note, anchor))
    for entity in site.data.entities:
        for source_id in dict.fromkeys(m.source.id for m in site.mentions.get(entity.id, [])):
            here = source_path(source_id)
            target = links.to(here, entity_path(entity.id), "", Origin(entities_file, entity.line))
            found[source_id].named.append((entity.name, target))
    return found


def summary(source: Source, limit: int = 155) -> str:
    """A meta description: who published it, when, and the start of the text."""
    head = ", ".join(x for x in (source.metadata.get("outlet"), date_label(source)) if x)
    body = next((p.text for p in source.paragraphs if not p.subhead), "")
    text = f"{head}: {body}" if head else body
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


_STATUS_TEXT = {
    "given": "given by the editor",
    "page": "from the saved web page's metadata",
    "byline": "as printed with the article",
    "inferred": "inferred from the text",
    "unknown": "unknown",
}
_EVIDENCE_TITLE = {
    "given": "How the date was established: given by the editor",
    "page": "How the date was established: from the saved web page's metadata",
    "byline": "How the date was established: printed with the article",
    "inferred": "How the date was established: inferred from the text",
    "unknown": "The date is unknown",
}


def _paragraph_html(text: str, number: int, spans: list[tuple[int, int]]) -> str:
    # f-strings, not Html.format, in the two loops over every paragraph: string.Formatter would add about 0.1 s at
    # 1,000 sources. The texts go through inert_block all the same.
    out, position = [], 0
    for index, (start, end) in enumerate(spans, start=1):
        out.append(inert_block(text[position:start]))
        out.append(f'<mark class="cited" id="p-{number}-q{index}">{inert_block(text[start:end])}</mark>')
        position = end
    out.append(inert_block(text[position:]))
    return "".join(out)


def source_page(source: Source, links: SourceLinks | None = None) -> str:
    """The page of one article."""
    links = links or SourceLinks()
    # The article leads: who published it and when (with the byline warning), then the text; the rest of the
    # metadata and the date's reasoning are one click away.
    lead = (
        Html('<p data-search-exclude><a class="back-link" href="{}">← All sources</a></p>\n').format(Html(links.index))
        + _lead_block(source)
        + Html(
            '<details class="source-details" data-search-exclude><summary>About this copy: metadata and how the '
            "date was established</summary>\n\n"
        )
        + _metadata_block(source)
        + _date_block(source)
        + Html("</details>\n\n")
        + Html(links.cite)
    )
    scope = excluded_unless_full_text(links.corpus_size)
    parts = [front_matter(source.title, summary(source)), block(lead), f"## Article text {{#text{scope}}}\n"]
    text = [titles_only_note(links.corpus_size)] if scope else []
    if not source.paragraphs:
        text.append('<p class="empty">Every line of this article was removed as boilerplate.</p>\n')
    else:
        text.append('<div class="article-text">\n')
    for paragraph in source.paragraphs:
        classes = "para subhead" if paragraph.subhead else "para"
        text.append(
            f'<p class="{classes}" id="{paragraph.anchor}">'
            f'<a class="para-num" href="#{paragraph.anchor}" data-n="{paragraph.number}" '
            f'aria-label="Paragraph {paragraph.number}"></a>'
            f"{_paragraph_html(paragraph.text, paragraph.number, links.spans.get(paragraph.number, []))}</p>\n"
        )
    if source.paragraphs:
        text.append("</div>\n")
    text.append(_removed_block(source))
    parts.append(block("".join(text)))
    parts.append(_links_block(links))
    # No glossary include here: abbreviations never reach finished HTML; on 1,000 source pages the include and
    # the abbr pass cost seconds for nothing.
    return "".join(parts)


_NOTE_LINK = Html('<a href="{}">note {}</a>')


def _links_block(links: SourceLinks) -> str:
    out = ""
    if links.named:
        names = Html(", ").join(Html('<a href="{}">{}</a>').format(Html(link), name) for name, link in links.named)
        out += "## Named in this article {#named data-search-exclude}\n" + block(Html("<p>{}</p>").format(names))
    # Links to other pages, not the article's words: kept out of the search index.
    out += "## Cited by {#cited-by data-search-exclude}\n"
    if not links.cited_by:
        return out + block("<p>No page of this site cites this article yet.</p>")
    by_paragraph: dict[int, tuple[str, dict[str, list[tuple[int, str]]]]] = {}
    for paragraph, title, note, link, here in sorted(links.cited_by):
        by_paragraph.setdefault(paragraph, (here, {}))[1].setdefault(title, []).append((note, link))
    items = []
    for paragraph, (here, pages) in by_paragraph.items():
        cited = Html(" · ").join(
            Html("{}: {}").format(title, Html(", ").join(_NOTE_LINK.format(Html(link), note) for note, link in notes))
            for title, notes in pages.items()
        )
        items.append(Html('<li><a href="{}">¶{}</a> — {}</li>').format(Html(here), paragraph, cited))
    return out + block(Html("<ul>\n{}\n</ul>").format(Html("\n").join(items)))


def _row(label: str, value: Html, origin: str | None = None) -> Html:
    note = Html(' <span class="origin">({})</span>').format(origin) if origin else ""
    return Html("<dt>{}</dt><dd>{}{}</dd>").format(label, value, note)


def _lead_block(source: Source) -> Html:
    meta = source.metadata
    shown = fmt(source.date.value) if source.date.value else "date unknown"
    how = {"inferred": "worked out from the text", "unknown": "nothing gives it"}.get(source.date.status)
    date = Html("<strong>{}</strong>").format(shown) + (Html(" ({}: see below)").format(how) if how else "")
    items = [Html.escape(meta.get("outlet") or "outlet unknown")]
    if author := meta.get("author"):
        items.append(Html("by {}").format(author))
    items.append(date)
    # Where the article can be read: the original address and an archived copy, when the metadata gives them;
    # otherwise the reader is told, not left looking for a link.
    found = [
        Html('<a class="source-original" href="{}">{}</a>').format(url, label)
        for url, label in ((meta.get("url"), "the original article"), (meta.get("archive"), "an archived copy"))
        if (url or "").startswith(("https://", "http://"))
    ]
    items.append(Html(" and ").join(found) if found else Html("original address not recorded"))
    lead = Html('<p class="source-lead" data-search-exclude>{}</p>\n\n').format(Html(" · ").join(items))
    if source.date.byline_contradiction:
        lead += _admonition(
            "warning",
            "The date printed with this copy is wrong",
            [source.date.byline_contradiction, "How the date shown was established is under “About this copy”."],
        )
    return lead


def _metadata_block(source: Source) -> Html:
    meta = source.metadata
    rows = []
    for name, label in (("outlet", "Outlet"), ("author", "Author")):
        value = meta.get(name)
        rows.append(_row(label, Html.escape(value) if value else Html("<em>unknown</em>"), _origin(source, name)))
    shown = fmt(source.date.value) if source.date.value else "unknown"
    rows.append(_row("Date", Html("<strong>{}</strong>").format(shown), _STATUS_TEXT[source.date.status]))
    if source.byline:
        rows.append(_row("Byline as printed", Html("<q>{}</q>").format(source.byline)))
    if url := meta.get("url"):
        rows.append(_row("Original address", Html('<span class="url">{}</span>').format(url), _origin(source, "url")))
    if archive := meta.get("archive"):
        rows.append(_row("Archived copy", Html('<span class="url">{}</span>').format(archive)))
    rows.append(_row("Rights", Html.escape(meta.get("rights") or "not stated: quoted for research and commentary")))
    if notes := meta.get("notes"):
        rows.append(_row("Editor's notes", Html.escape(notes)))
    rows.append(_row("Citation key", Html("<code>{}</code>").format(source.id)))
    given = ", ".join(meta.given()) or "none"
    inferred = ", ".join(f"{k} from the {meta.origin[k]}" for k in meta.inferred()) or "none"
    rows.append(_row("Metadata", Html.escape(f"given by the editor: {given}; inferred: {inferred}")))
    return Html('<dl class="source-meta" data-search-exclude>\n{}\n</dl>\n\n').format(Html("\n").join(rows))


def _origin(source: Source, name: str) -> str | None:
    origin = source.metadata.origin.get(name)
    if origin is None:
        return None
    return "given by the editor" if origin == "given" else f"inferred from the {origin}"


def _date_block(source: Source) -> Html:
    finding = source.date
    evidence = list(finding.evidence)
    if source.related:
        evidence.append("Earlier stories the article points to: " + "; ".join(f"“{s}”" for s in source.related) + ".")
    kind = {"inferred": "note", "unknown": "warning"}.get(finding.status, "info")
    return _admonition(kind, _EVIDENCE_TITLE[finding.status], evidence, "date")


def _admonition(kind: str, title: str, items: list[str], anchor: str = "") -> Html:
    anchor_attribute = Html(' id="{}"').format(anchor) if anchor else ""
    body = Html("").join(Html("<li>{}</li>").format(item) for item in items)
    return Html(
        '<div class="admonition {} date-evidence"{} data-search-exclude>'
        '<p class="admonition-title">{}</p><ul>{}</ul></div>\n\n'
    ).format(kind, anchor_attribute, title, body)


# A line in Hangul is Korean whatever it says (a Korean site's menu); Han alone could be Japanese or Chinese.
_HANGUL_LINE = re.compile(r"[\uac00-\ud7a3\s\W]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _lang_of_script(text: str) -> Html:
    return Html(' lang="ko"') if _HANGUL.search(text) and _HANGUL_LINE.fullmatch(text) else Html("")


def _removed_block(source: Source) -> str:
    dropped = [line for line in source.lines if line.dropped_by and line.text.strip()]
    if not dropped:
        return ""
    items = Html("").join(
        Html("<li>line {}, {}: <q{}>{}</q></li>").format(
            line.number,
            line.dropped_by or "",
            _lang_of_script(line.text),
            rules.CONTROL_CHARS.sub("", line.text.strip()),
        )
        for line in dropped
    )
    return Html(
        '<details class="removed-lines" data-search-exclude><summary>Lines not shown as article text '
        "({}): headline, byline and boilerplate</summary><ul>{}</ul></details>\n"
    ).format(len(dropped), items)


def render_source_pages(site: Site, links: Links, entities_file: Path) -> dict[str, str]:
    """One page per source, keyed by path under docs/ (every link recorded in `links` for the check)."""
    found = links_of(site, links, entities_file)
    if len(_RENDERED) > 2 * len(site.sources) + 1000:  # pages of articles since removed or edited
        _RENDERED.clear()
    return {source_path(s.id): _remembered_page(s, found.get(s.id) or SourceLinks()) for s in site.sources}


# The live preview renders every page again after each edit; a source page is a pure function of what its key
# holds, so only the pages whose article, date or links changed are rendered again (at 1,000 sources, rendering
# them all was about a third of each re-conversion). Keyed by content, never served stale.
_RENDERED: dict[tuple[object, ...], str] = {}


def _page_key(source: Source, links: SourceLinks) -> tuple[object, ...]:
    meta, date = source.metadata, source.date
    return (
        source.id,
        tuple(meta.values.items()),
        tuple(meta.origin.items()),
        (date.value, date.status, tuple(date.evidence), date.byline_contradiction),
        source.byline,
        tuple(source.related),
        tuple(source.paragraphs),
        tuple(source.lines),
        tuple((paragraph, tuple(spans)) for paragraph, spans in links.spans.items()),
        tuple(links.cited_by),
        tuple(links.named),
        links.cite,
        links.index,
        links.corpus_size,
        full_text(links.corpus_size),  # the search scope the page states (its limit is a setting)
    )


def _remembered_page(source: Source, links: SourceLinks) -> str:
    key = _page_key(source, links)
    if (page := _RENDERED.get(key)) is None:
        page = _RENDERED[key] = source_page(source, links)
    return page
