"""Render stage for the claims review: every cited sentence of the site beside the words it cites and the checks."""

from __future__ import annotations

import json
import posixpath
from collections import Counter

from ..cite import ResolvedCitation, span_id
from ..support import Check, Report, Review, plain
from .context import Site
from .text import date_label, inert_block
from .urls import CLAIMS_PAGE, source_path

_DESCRIPTION = "Every cited sentence of the explainer beside the words it cites and what the build checked."
_KIND_TEXT = {
    "number": "number",
    "date": "date",
    "weekday": "weekday",
    "name": "name",
    "speaker": "speaker",
    "side": "side",
}


def _html(path: str) -> str:
    """A link from the claims page (at the site's root) to a generated page, as MkDocs writes it."""
    return posixpath.splitext(path)[0] + ".html"


def _in_project(path: object) -> str:
    """The file's path from the project root (sources/…), as an editor opens it."""
    text = str(path)
    return text[text.rfind("/sources/") + 1 :] if "/sources/" in text else text


def _sentence(review: Review) -> str:
    """The sentence as the reader reads it, marked words underlined and labelled."""
    text, marked = plain(review.claim.text)
    out, position = [], 0
    kinds = [m.kind for m in review.marks]
    for number, (start, end) in enumerate(marked):
        out.append(inert_block(text[position:start]))
        kind = kinds[number] if number < len(kinds) else "marked"
        out.append(
            f'<span class="claim-marked">{inert_block(text[start:end])}<sup class="claim-mark">{kind}</sup></span>'
        )
        position = end
    out.append(inert_block(text[position:]))
    return " ".join("".join(out).split())


def _evidence(site: Site, item: ResolvedCitation) -> str:
    source = item.source
    paragraph = source.paragraphs[item.where.paragraph - 1].text
    start, end = item.where.start, item.where.end
    where = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}, ¶{item.where.paragraph}"
    target = _html(source_path(source.id)) + "#" + span_id(item, site.spans)
    quoted = (
        inert_block(paragraph[:start])
        + "<mark>"
        + inert_block(paragraph[start:end])
        + "</mark>"
        + inert_block(paragraph[end:])
    )
    return f'<li><a href="{target}">{inert_block(where)}</a>: {quoted}</li>'


def _check(check: Check) -> str:
    state = "found" if check.ok else "missing"
    where = inert_block(check.evidence) if check.ok else "not found"
    return (
        f'<li class="claim-check claim-check--{state}"><span class="claim-token">{inert_block(check.token)}</span> '
        f"<small>{_KIND_TEXT[check.kind]}</small> — {where}</li>"
    )


def _row(site: Site, review: Review) -> str:
    claim = review.claim
    page = f'<a href="{_html(claim.page)}">{inert_block(claim.group)}</a>' if claim.page else inert_block(claim.group)
    parts = [
        f'<div class="claim" id="{claim.id}">',
        f'<p class="claim-where">{page} · <code>{inert_block(_in_project(claim.path))}:{claim.line}</code>'
        + (f" · the position of {inert_block(claim.side)}" if claim.side else "")
        + "</p>",
        f'<blockquote class="claim-text"><p>{_sentence(review)}</p></blockquote>',
    ]
    cited = [site.resolved[c] for c in claim.citations if c in site.resolved]
    if cited:
        parts.append('<ol class="claim-evidence">' + "".join(_evidence(site, item) for item in cited) + "</ol>")
    if review.checks:
        parts.append('<ul class="claim-checks">' + "".join(_check(c) for c in review.checks) + "</ul>")
    else:
        parts.append('<p class="claim-checks">Nothing checkable: no number, date, name or speaker.</p>')
    for mark in review.marks:
        label = "Inferred" if mark.kind == "inferred" else "Background, not from the sources"
        parts.append(
            f'<p class="claim-basis"><strong>{label}:</strong> '
            f"“{inert_block(mark.text)}” — {inert_block(mark.basis)}</p>"
        )
    parts.append("</div>")
    return "".join(parts)


def render_claims(site: Site, report: Report) -> str:
    """The claims review page: grouped by the page the reader finds each claim on, in reading order."""
    shown = [r for r in report.reviews if r.claim.citations or r.marks]
    counts = report.counts
    kinds = Counter(c.kind for r in shown for c in r.checks)
    groups: dict[str, list[Review]] = {}
    for review in shown:
        groups.setdefault(review.claim.group, []).append(review)
    head = (
        "---\n"
        f"title: {json.dumps('Claims review')}\n"
        f"description: {json.dumps(_DESCRIPTION)}\n"
        "search:\n  exclude: true\n"
        "---\n\n"
        "# Claims review\n\n"
        f"Every sentence of this site that states a fact, {len(shown)} in all, beside the paragraphs it cites "
        "(the quoted words highlighted) and what the build checked. The build fails when a number, a date or its "
        'parts, a name, or the speaker of a sentence ("X said …") is not in the paragraphs the sentence cites. '
        "Words that are worked out rather than written in a source carry the mark *inferred*; general knowledge "
        "that no source states carries the mark *background*; each mark says on what it rests.\n\n"
        f"In this build: {counts['tokens']} tokens found ({kinds['number']} numbers, {kinds['date']} dates, "
        f"{kinds['weekday']} weekdays, {kinds['name']} names, {kinds['speaker']} speakers, {kinds['side']} "
        f"dispute sides); {counts['inferred']} inferred and {counts['background']} background marks. What the "
        "build cannot check — whether the sentence says what the words say — a person who did not write it checks "
        "here.\n\n"
    )
    body = []
    for group, reviews in groups.items():
        body.append(f"## {group} ({len(reviews)})\n\n")
        body.append("\n".join(_row(site, r) for r in reviews) + "\n\n")
    return head + "".join(body)


__all__ = ["CLAIMS_PAGE", "render_claims"]
