"""Adding an article: a saved web page (.html/.htm) or a plain-text file → sources/articles/<id>.txt and .yml.

A saved page is read with trafilatura: its article text and the metadata the page carries (title, author,
date, site name, address from canonical/og tags or JSON-LD). A text file is copied as it is; its metadata is
inferred at every build by the same rules as every other article. Either way, the new article is dated among
the site's own articles and what was found is reported with a confidence. Nothing is written when the article
is already there (same text, whitespace aside) or when anything fails.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import rules
from .corpus import build_corpus
from .errors import ExplainerError
from .inputs import read_input
from .model import FOUND_FIELD, Source
from .read import (
    ARTICLE_SUFFIX,
    MAX_ID_LENGTH,
    METADATA_SUFFIX,
    SOURCE_ID,
    RawArticle,
    decode_article,
    id_problem,
    read_article,
    read_articles,
)
from .write import atomic_write

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".text")
MAX_PAGE_BYTES = 10 * 1024 * 1024  # saved pages carry their scripts and styles; the article text is checked later
PAGE_METADATA = "saved page's metadata"
NEW_ID = "new-article"  # the article's id while it is dated among the others, before it has a name


@dataclass(frozen=True)
class Finding:
    """One metadata field of the new article: its value, where it came from, and how far to trust it."""

    name: str
    value: str | None
    origin: str
    confidence: str  # "high", "medium", "low", or "none" (not found)


@dataclass
class Added:
    id: str
    text_path: Path
    metadata_path: Path
    kind: str  # "saved web page" or "text file"
    findings: list[Finding]
    kept_paragraphs: int
    dropped_lines: int
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Input:
    text: str  # what is written to sources/articles/<id>.txt
    metadata: dict[str, str]
    found: dict[str, str]
    kind: str


def add_article(articles: Path, file: Path, name: str | None = None, today: dt.date | None = None) -> Added:
    """Add `file` to the `articles` folder; raises ExplainerError (naming the file) and writes nothing on refusal."""
    incoming = _read_input(file)
    existing = read_articles(articles) if any(articles.glob(f"*{ARTICLE_SUFFIX}")) else []
    candidate = RawArticle(
        NEW_ID, articles / f"{NEW_ID}{ARTICLE_SUFFIX}", incoming.text, incoming.metadata, None, {}, incoming.found
    )
    sources = build_corpus([*existing, candidate])
    source = next(s for s in sources if s.id == NEW_ID)
    others = [s for s in sources if s.id != NEW_ID]
    if not source.paragraphs:
        raise ExplainerError.one(file, "no article text found: every line is page furniture (menus, buttons, notices)")
    _refuse_duplicate(file, incoming.text, source, existing, others)
    new_id = _choose_id(articles, name, source, {a.id for a in existing}, file)
    text_path = articles / f"{new_id}{ARTICLE_SUFFIX}"
    metadata_path = articles / f"{new_id}{METADATA_SUFFIX}"
    metadata = _metadata_file(file, incoming, today or dt.date.today())
    _check_as_the_build_will(file, new_id, incoming.text, metadata)
    _write_pair(text_path, incoming.text, metadata_path, metadata)
    warnings = [w for w in source.warnings if not w.startswith("same title as")]
    warnings += _conflicts(source, others)
    return Added(
        id=new_id,
        text_path=text_path,
        metadata_path=metadata_path,
        kind=incoming.kind,
        findings=_findings(source),
        kept_paragraphs=len(source.paragraphs),
        dropped_lines=sum(1 for line in source.lines if line.dropped_by),
        warnings=warnings,
    )


# --- reading --------------------------------------------------------------------------------------------


def _read_input(file: Path) -> _Input:
    suffix = file.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _read_page(file, read_input(file, None, MAX_PAGE_BYTES))
    if suffix in TEXT_SUFFIXES:
        return _Input(decode_article(file, read_input(file, None, MAX_PAGE_BYTES)), {}, {}, "text file")
    raise ExplainerError.one(
        file, f"not a saved web page ({', '.join(HTML_SUFFIXES)}) or a plain-text file ({', '.join(TEXT_SUFFIXES)})"
    )


def _read_page(file: Path, data: bytes) -> _Input:
    import trafilatura  # imported here: a build never needs it

    if not data.strip():
        raise ExplainerError.one(file, "the page is empty")
    if len(data) > MAX_PAGE_BYTES:
        raise ExplainerError.one(file, f"the page is {len(data):,} bytes; the limit is {MAX_PAGE_BYTES:,}")
    if b"\x00" in data[:1024] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExplainerError.one(file, "NUL byte: this is a binary file, not a saved web page", 1)
    document = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page states in its markup (meta tags, JSON-LD, <time>); no guessing from the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (document.text or "").strip() if document else ""
    if not body:
        raise ExplainerError.one(file, "no article text found in the page (is it a saved article page?)")
    metadata: dict[str, str] = {}
    title = _clean_title(document.title, document.sitename)
    for name, value in (
        ("title", title),
        ("outlet", document.sitename),
        ("author", document.author),
        ("date", document.date),
        ("url", document.url),
    ):
        if value and value.strip():
            metadata[name] = " ".join(value.split())
    # One paragraph per line of extracted text, under the headline: the text file reads like the page.
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    text = "\n\n".join([title, *paragraphs] if title else paragraphs) + "\n"
    return _Input(text, metadata, dict.fromkeys(metadata, PAGE_METADATA), "saved web page")


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """A page title without the site name or archive date some sites append ("… - BBC News", "… - 2002-04-27")."""
    if not title:
        return None
    title = " ".join(title.split())
    if match := rules.TITLE_DATE_SUFFIX.fullmatch(title):
        title = match.group("title")
    if sitename and (match := rules.TITLE_SITE_SUFFIX.fullmatch(title)) and match.group("site") == sitename:
        title = match.group("title")
    return title


# --- checking against what is there ---------------------------------------------------------------------


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def _refuse_duplicate(file: Path, text: str, source: Source, existing: list[RawArticle], others: list[Source]) -> None:
    """Same text (whitespace and case aside) as an article already there: as saved, or once cleaned."""
    raw = _normalised(text)
    for article in existing:
        if _normalised(article.text) == raw:
            raise ExplainerError.one(file, f"already in the site as {_shown(article.path)} (same text)")
    cleaned = _normalised(source.paragraphs_text)
    for other in others:
        if cleaned and _normalised(other.paragraphs_text) == cleaned:
            raise ExplainerError.one(
                file, f"already in the site as {_shown(other.path)} (same article text once page furniture is removed)"
            )


def _conflicts(source: Source, others: list[Source]) -> list[str]:
    warnings = []
    for other in others:
        if source.metadata.get("title") and other.title.casefold() == source.title.casefold():
            warnings.append(f"same title as {_shown(other.path)}, but different text: added anyway; check they differ")
        url = source.metadata.get("url")
        if url and url == other.metadata.get("url"):
            warnings.append(f"same address as {_shown(other.path)}: an updated version of that article?")
    return warnings


def _shown(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}/{path.name}"


# --- naming ---------------------------------------------------------------------------------------------


def _slug(text: str, max_words: int) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_text) if len(w) > 1 and w not in rules.SLUG_SKIP_WORDS]
    return "-".join(words[:max_words])


def outlet_slug(url: str | None, outlet: str | None) -> str | None:
    """A short name for the outlet: from the address (www.smh.com.au → smh), else from its name."""
    if url and (host := re.match(r"[a-z][a-z0-9+.-]*://([^/:?#]+)", url.strip(), re.IGNORECASE)):
        labels = host.group(1).casefold().split(".")
        ending = 2 if len(labels) > 2 and ".".join(labels[-2:]) in rules.TWO_PART_DOMAIN_ENDINGS else 1
        labels = [label for label in labels[:-ending] if label not in rules.GENERIC_HOST_LABELS]
        if labels and (slug := _slug(labels[0], 1)):
            return slug
    if outlet and re.fullmatch(r"[\w-]+(\.[\w-]+)+", outlet.strip()):  # "CNSNews.com": a host name
        return outlet_slug(f"https://{outlet.strip()}", None)
    if outlet and (slug := _slug(outlet, rules.OUTLET_SLUG_MAX_WORDS)):
        return slug
    return None


def _choose_id(articles: Path, name: str | None, source: Source, taken: set[str], file: Path) -> str:
    def free(candidate: str) -> bool:
        return (
            candidate not in taken
            and not (articles / f"{candidate}{ARTICLE_SUFFIX}").exists()
            and not (articles / f"{candidate}{METADATA_SUFFIX}").exists()
        )

    if name is not None:
        if not SOURCE_ID.fullmatch(name):
            raise ExplainerError.one(file, f"name {name!r}: use lower-case words joined by hyphens")
        if problem := id_problem(name):
            raise ExplainerError.one(file, f"name {name!r} {problem}")
        if not free(name):
            raise ExplainerError.one(file, f"name {name!r} is taken: sources/articles/{name}{ARTICLE_SUFFIX} exists")
        return name
    when = source.date.value.isoformat() if source.date.value else "undated"
    outlet = outlet_slug(source.metadata.get("url"), source.metadata.get("outlet"))
    title = _slug(source.title, rules.TITLE_SLUG_MAX_WORDS)
    # outlet-date; with the title's first words when that is taken, says too little, or names no outlet
    if outlet is None:
        candidates = [f"{title or 'article'}-{when}"]
    else:
        candidates = [f"{outlet}-{when}"] if source.date.value else []
        candidates += [f"{outlet}-{when}-{title}"] if title else [f"{outlet}-{when}"]
    candidates = [c[:MAX_ID_LENGTH].strip("-") for c in candidates]
    candidates += [f"{candidates[-1][: MAX_ID_LENGTH - 3]}-{n}" for n in range(2, 100)]
    return next(c for c in candidates if free(c) and id_problem(c) is None)


# --- writing --------------------------------------------------------------------------------------------


def _metadata_file(file: Path, incoming: _Input, today: dt.date) -> str:
    # The name is data: written as a YAML comment only with every line break and control character escaped.
    header = (
        f"# Added by `make add` from {_printable(file.name)} ({incoming.kind}) on {today.isoformat()}.\n"
        "# Fields given here override what is inferred from the text. Fields listed under `found` were read from\n"
        "# the saved page, not checked by an editor: once checked, remove them from `found`. Where the cleaning\n"
        "# kept a line that is not article text, or dropped one that is, list its words under `drop:` or `keep:`.\n"
    )
    body: dict[str, object] = dict(incoming.metadata)
    if incoming.found:
        body[FOUND_FIELD] = incoming.found
    body["notes"] = f"Added from {file.name} ({incoming.kind}) on {today.isoformat()}."
    return header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=110)


def _printable(text: str) -> str:
    """`text` on one line: line breaks (also U+0085, U+2028) and control characters written as escapes."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _check_as_the_build_will(file: Path, new_id: str, text: str, metadata: str) -> None:
    """Read the new pair exactly as the next build will, from a scratch folder: what it would refuse is refused
    now, naming the file being added."""
    with tempfile.TemporaryDirectory(prefix="explainer-add-") as scratch:
        text_path = Path(scratch) / f"{new_id}{ARTICLE_SUFFIX}"
        text_path.write_bytes(text.encode("utf-8"))
        text_path.with_suffix(METADATA_SUFFIX).write_bytes(metadata.encode("utf-8"))
        try:
            read_article(text_path)
        except ExplainerError as exc:
            problem = exc.problems[0]
            kind = "its text" if problem.path == text_path else "its metadata"
            raise ExplainerError.one(file, f"the next build would refuse {kind}: {problem.message}") from None


def _write_pair(text_path: Path, text: str, metadata_path: Path, metadata: str) -> None:
    """Both files or neither: each is written atomically; the text is removed again if the metadata fails."""
    atomic_write(text_path, text.encode("utf-8"))
    try:
        atomic_write(metadata_path, metadata.encode("utf-8"))
    except BaseException:
        text_path.unlink(missing_ok=True)
        raise


# --- reporting ------------------------------------------------------------------------------------------


def _findings(source: Source) -> list[Finding]:
    findings = []
    for name in ("title", "outlet", "author"):
        value, origin = source.metadata.get(name), source.metadata.origin.get(name)
        if value is None or origin is None:
            findings.append(Finding(name, None, "not found", "none"))
        else:
            findings.append(Finding(name, value, origin, rules.confidence(origin)))
    finding = source.date
    if finding.value is None:
        why = finding.byline_contradiction or "nothing in the text gives it"
        findings.append(Finding("date", None, f"unknown: {why}", "none"))
    else:
        origin = {"page": PAGE_METADATA, "given": "given"}.get(finding.status, finding.status)
        basis = finding.evidence[-1] if finding.status == "inferred" and finding.evidence else origin
        findings.append(Finding("date", finding.value.isoformat(), basis, rules.confidence(f"date {finding.status}")))
    url, origin = source.metadata.get("url"), source.metadata.origin.get("url")
    findings.append(Finding("url", url, origin or "not found", rules.confidence(origin) if origin else "none"))
    return findings
