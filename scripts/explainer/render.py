"""Render stage: Markdown strings for the source pages and the sources index. Article text is made inert here."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import rules
from .dating import fmt
from .finished_html import block
from .links import Links, Origin
from .model import Source
from .search_scope import excluded_unless_full_text, full_text, titles_only_note

SOURCES_DIR = "sources"
ABBREVIATIONS = "{!abbreviations.md!}"  # markdown-include: glossary tooltips on every page

# Characters that any stage of the Markdown build could read as markup: HTML, Markdown inline syntax,
# markdown-include's {!…!}, neoteroi's [timeline(…)] and ::timeline::, attribute lists, Jinja-like braces.
_INLINE_SPECIALS = set("&<>\"'{}[]()`*_\\|~^=#!:+-$%@")
# Inside a raw HTML block only the preprocessors (markdown-include, fences) and the HTML parser read the text.
_BLOCK_SPECIALS = set('&<>"{}[]`:\\')


# One pass that writes each special character as its numeric entity: 6 times faster on article text than
# str.translate with a table of strings.
def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


_BLOCK_PATTERN = re.compile("[" + re.escape("".join(sorted(_BLOCK_SPECIALS))) + "\n]")
_INLINE_PATTERN = re.compile("[" + re.escape("".join(sorted(_INLINE_SPECIALS))) + "]")


# The same texts are rendered again on every rebuild of the live preview: remembered (pure functions of a string).
@functools.lru_cache(maxsize=1 << 16)
def inert_block(text: str) -> str:
    """Text for inside a raw HTML block: one physical line, no character any processor can act on."""
    return _BLOCK_PATTERN.sub(_entity, text)


@functools.lru_cache(maxsize=1 << 16)
def inert_inline(text: str) -> str:
    """Text for a Markdown inline context (link text, table cell): every markup character as an entity."""
    return _INLINE_PATTERN.sub(_entity, " ".join(text.split()))


# Characters JSON leaves as they are but YAML refuses in a stream (C1 controls, DEL) or reads as line breaks.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def _yaml_string(text: str) -> str:
    """A double-quoted YAML string: JSON's escapes, and YAML's for what JSON leaves raw (a C1 control character
    in a headline would otherwise make MkDocs drop the whole front matter, and the page its title)."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(inert_block(text), ensure_ascii=False))


# A double quotation mark opens when nothing but space or an opening bracket precedes it, else it closes.
_DOUBLE_QUOTE = re.compile(r'"|\u201c|\u201d')


def nested_quote(text: str) -> str:
    """Text to be set inside our “…”: its own double quotation marks become single ones, as nested quotations
    are written (“‘The stances …,’ Fukuda said.”), instead of showing doubled marks (“"The stances …")."""

    def single(match: re.Match[str]) -> str:
        mark, before = match.group(), text[: match.start()]
        opening = mark == "\u201c" or (mark == '"' and (not before or before[-1].isspace() or before[-1] in "([—–"))
        return "\u2018" if opening else "\u2019"

    return _DOUBLE_QUOTE.sub(single, text)


def front_matter(title: str, description: str) -> str:
    """YAML front matter; values HTML-escaped because themes print them into <title> and <meta> unescaped."""
    return f"---\ntitle: {_yaml_string(title)}\ndescription: {_yaml_string(description)}\n---\n\n"


def summary(source: Source, limit: int = 155) -> str:
    """A meta description: who published it, when, and the start of the text."""
    head = ", ".join(x for x in (source.metadata.get("outlet"), date_label(source)) if x)
    body = next((p.text for p in source.paragraphs if not p.subhead), "")
    text = f"{head}: {body}" if head else body
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def date_label(source: Source, explained: bool = False) -> str:
    """The source's date as a reader cites it. How it was established is said once, on the source page (and,
    `explained`, in the sources table): not after every citation."""
    finding = source.date
    if finding.value is None:
        return "date unknown"
    label = fmt(finding.value)
    return f"{label} (worked out from the text)" if explained and finding.inferred else label


_STATUS_TEXT = {
    "given": "given by the editor",
    "page": "from the saved web page's metadata",
    "byline": "as printed with the article",
    "inferred": "inferred from the text",
    "unknown": "unknown",
}


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


def _paragraph_html(text: str, number: int, spans: list[tuple[int, int]]) -> str:
    out, position = [], 0
    for index, (start, end) in enumerate(spans, start=1):
        out.append(inert_block(text[position:start]))
        out.append(f'<mark class="cited" id="p-{number}-q{index}">{inert_block(text[start:end])}</mark>')
        position = end
    out.append(inert_block(text[position:]))
    return "".join(out)


def source_page(source: Source, links: SourceLinks | None = None) -> str:
    """The page of one article: finished HTML (finished_html.py) between Markdown headings, which keep their
    permalinks and make the table of contents. Every text in the HTML is inert; every link comes from links.py."""
    links = links or SourceLinks()
    # The article leads: who published it and when (with the byline warning), then the text; the rest of the
    # metadata and the date's reasoning are one click away.
    lead = (
        f'<p data-search-exclude><a class="back-link" href="{links.index}">← All sources</a></p>\n'
        + _lead_block(source)
        + '<details class="source-details" data-search-exclude><summary>About this copy: metadata and how the '
        "date was established</summary>\n\n"
        + _metadata_block(source)
        + _date_block(source)
        + "</details>\n\n"
        + links.cite
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


def _links_block(links: SourceLinks) -> str:
    out = ""
    if links.named:
        names = ", ".join(f'<a href="{link}">{inert_block(name)}</a>' for name, link in links.named)
        out += "## Named in this article {#named data-search-exclude}\n" + block(f"<p>{names}</p>")
    # Links to other pages, not the article's words: kept out of the search index.
    out += "## Cited by {#cited-by data-search-exclude}\n"
    if not links.cited_by:
        return out + block("<p>No page of this site cites this article yet.</p>")
    by_paragraph: dict[int, tuple[str, dict[str, list[tuple[int, str]]]]] = {}
    for paragraph, title, note, link, here in sorted(links.cited_by):
        by_paragraph.setdefault(paragraph, (here, {}))[1].setdefault(title, []).append((note, link))
    items = []
    for paragraph, (here, pages) in by_paragraph.items():
        cited = " · ".join(
            f"{inert_block(title)}: " + ", ".join(f'<a href="{link}">note {note}</a>' for note, link in notes)
            for title, notes in pages.items()
        )
        items.append(f'<li><a href="{here}">¶{paragraph}</a> — {cited}</li>')
    return out + block("<ul>\n" + "\n".join(items) + "\n</ul>")


def _row(label: str, value: str, origin: str | None = None) -> str:
    note = f' <span class="origin">({inert_block(origin)})</span>' if origin else ""
    return f"<dt>{label}</dt><dd>{value}{note}</dd>"


def _lead_block(source: Source) -> str:
    meta = source.metadata
    shown = fmt(source.date.value) if source.date.value else "date unknown"
    how = {"inferred": "worked out from the text", "unknown": "nothing gives it"}.get(source.date.status)
    date = f"<strong>{inert_block(shown)}</strong>" + (f" ({how}: see below)" if how else "")
    items = [inert_block(meta.get("outlet") or "outlet unknown")]
    if author := meta.get("author"):
        items.append(f"by {inert_block(author)}")
    items.append(date)
    # Where the article can be read: the original address and an archived copy, when the metadata gives them;
    # otherwise the reader is told, not left looking for a link.
    found = [
        f'<a class="source-original" href="{inert_block(url)}">{label}</a>'
        for url, label in ((meta.get("url"), "the original article"), (meta.get("archive"), "an archived copy"))
        if (url or "").startswith(("https://", "http://"))
    ]
    items.append(" and ".join(found) if found else "original address not recorded")
    lead = f'<p class="source-lead" data-search-exclude>{" · ".join(items)}</p>\n\n'
    if source.date.byline_contradiction:
        lead += _admonition(
            "warning",
            "The date printed with this copy is wrong",
            [source.date.byline_contradiction, "How the date shown was established is under “About this copy”."],
        )
    return lead


def _metadata_block(source: Source) -> str:
    meta = source.metadata
    rows = []
    for name, label in (("outlet", "Outlet"), ("author", "Author")):
        value = meta.get(name)
        rows.append(_row(label, inert_block(value) if value else "<em>unknown</em>", _origin(source, name)))
    shown = fmt(source.date.value) if source.date.value else "unknown"
    rows.append(_row("Date", f"<strong>{inert_block(shown)}</strong>", _STATUS_TEXT[source.date.status]))
    if source.byline:
        rows.append(_row("Byline as printed", f"<q>{inert_block(source.byline)}</q>"))
    if url := meta.get("url"):
        rows.append(_row("Original address", f'<span class="url">{inert_block(url)}</span>', _origin(source, "url")))
    if archive := meta.get("archive"):
        rows.append(_row("Archived copy", f'<span class="url">{inert_block(archive)}</span>'))
    rows.append(_row("Rights", inert_block(meta.get("rights") or "not stated: quoted for research and commentary")))
    if notes := meta.get("notes"):
        rows.append(_row("Editor's notes", inert_block(notes)))
    rows.append(_row("Citation key", f"<code>{inert_block(source.id)}</code>"))
    given = ", ".join(meta.given()) or "none"
    inferred = ", ".join(f"{k} from the {meta.origin[k]}" for k in meta.inferred()) or "none"
    rows.append(_row("Metadata", inert_block(f"given by the editor: {given}; inferred: {inferred}")))
    return '<dl class="source-meta" data-search-exclude>\n' + "\n".join(rows) + "\n</dl>\n\n"


def _origin(source: Source, name: str) -> str | None:
    origin = source.metadata.origin.get(name)
    if origin is None:
        return None
    return "given by the editor" if origin == "given" else f"inferred from the {origin}"


def _date_block(source: Source) -> str:
    finding = source.date
    out = ""
    evidence = list(finding.evidence)
    if source.related:
        evidence.append("Earlier stories the article points to: " + "; ".join(f"“{s}”" for s in source.related) + ".")
    kind = {"inferred": "note", "unknown": "warning"}.get(finding.status, "info")
    title = {
        "given": "How the date was established: given by the editor",
        "page": "How the date was established: from the saved web page's metadata",
        "byline": "How the date was established: printed with the article",
        "inferred": "How the date was established: inferred from the text",
        "unknown": "The date is unknown",
    }[finding.status]
    return out + _admonition(kind, title, evidence, "date")


def _admonition(kind: str, title: str, items: list[str], anchor: str = "") -> str:
    anchor = f' id="{anchor}"' if anchor else ""
    body = "".join(f"<li>{inert_block(item)}</li>" for item in items)
    return (
        f'<div class="admonition {kind} date-evidence"{anchor} data-search-exclude>'
        f'<p class="admonition-title">{inert_block(title)}</p><ul>{body}</ul></div>\n\n'
    )


# A line in Hangul is Korean whatever it says (a Korean site's menu); Han alone could be Japanese or Chinese.
_HANGUL_LINE = re.compile(r"[\uac00-\ud7a3\s\W]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _lang_of_script(text: str) -> str:
    return ' lang="ko"' if _HANGUL.search(text) and _HANGUL_LINE.fullmatch(text) else ""


def _removed_block(source: Source) -> str:
    dropped = [line for line in source.lines if line.dropped_by and line.text.strip()]
    if not dropped:
        return ""
    items = "".join(
        f"<li>line {line.number}, {inert_block(line.dropped_by or '')}: "
        f"<q{_lang_of_script(line.text)}>{inert_block(rules.CONTROL_CHARS.sub('', line.text.strip()))}</q></li>"
        for line in dropped
    )
    return (
        f'<details class="removed-lines" data-search-exclude><summary>Lines not shown as article text '
        f"({len(dropped)}): headline, byline and boilerplate</summary><ul>{items}</ul></details>\n"
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


def sources_index(sources: list[Source], links: Links | None = None) -> str:
    """The page listing every source: its table is finished HTML (1,000 rows cost Python-Markdown 0.2 s as a
    Markdown table), its links from links.py."""
    links = links or Links()
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
    page = f"{SOURCES_DIR}/index.md"
    rows = []
    for source in sources:
        origin = Origin(source.path)
        target = f"{SOURCES_DIR}/{source.id}.md"
        date = inert_block(date_label(source, explained=True))
        if source.date.byline_contradiction:
            date += f' (<a href="{links.to(page, target, "date", origin)}">the printed date is wrong</a>)'
        outlet = source.metadata.get("outlet")
        rows.append(
            f"<tr>\n<td>{date}</td>\n"
            f'<td><a href="{links.to(page, target, "", origin)}">{inert_block(source.title)}</a></td>\n'
            f"<td>{inert_block(outlet) if outlet else '<em>unknown</em>'}</td>\n</tr>"
        )
    table = (
        f"<table{excluded_unless_full_text(len(sources))}>\n<thead>\n<tr>\n<th>Date</th>\n<th>Article</th>\n<th>Outlet</th>\n</tr>\n</thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )
    # The glossary include stays for the intro's words; abbreviations never reach the finished table.
    return intro + block(table) + ABBREVIATIONS + "\n"


def render_source_pages(
    sources: list[Source], links: dict[str, SourceLinks] | None = None, registry: Links | None = None
) -> dict[str, str]:
    """The sources index and one page per source, keyed by path under docs/ (`registry` records the index's
    links for the converter's check)."""
    links = links or {}
    pages = {f"{SOURCES_DIR}/index.md": sources_index(sources, registry)}
    for source in sources:
        pages[f"{SOURCES_DIR}/{source.id}.md"] = source_page(source, links.get(source.id))
    return pages
