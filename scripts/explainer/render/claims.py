"""Render stage for the claims review: every cited sentence of the site beside the words it cites and the checks."""

from __future__ import annotations

import json
from collections import Counter

from ..cite import ResolvedCitation, span_id
from ..support import Check, Report, Review, plain
from .context import Site
from .html import Html
from .text import date_label
from .urls import address, source_path

_DESCRIPTION = "Every cited sentence of the explainer beside the words it cites and what the build checked."
_KIND_TEXT = {
    "number": "number",
    "date": "date",
    "weekday": "weekday",
    "name": "name",
    "speaker": "speaker",
    "side": "side",
}


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
        out.append(Html.escape(text[position:start]))
        kind = kinds[number] if number < len(kinds) else "marked"
        out.append(_MARKED.format(text[start:end], kind))
        position = end
    out.append(Html.escape(text[position:]))
    return Html(" ").join(Html("").join(out).split())


_MARKED = Html('<span class="claim-marked">{}<sup class="claim-mark">{}</sup></span>')


def _evidence(site: Site, item: ResolvedCitation) -> Html:
    source = item.source
    paragraph = source.paragraphs[item.where.paragraph - 1].text
    start, end = item.where.start, item.where.end
    where = f"{source.metadata.get('outlet') or source.id}, {date_label(source)}, ¶{item.where.paragraph}"
    target = Html(address(source_path(source.id)) + "#" + span_id(item, site.spans))
    quoted = Html("{}<mark>{}</mark>{}").format(paragraph[:start], paragraph[start:end], paragraph[end:])
    return Html('<li><a href="{}">{}</a>: {}</li>').format(target, where, quoted)


def _check(check: Check) -> Html:
    state = "found" if check.ok else "missing"
    return Html(
        '<li class="claim-check claim-check--{}"><span class="claim-token">{}</span> <small>{}</small> — {}</li>'
    ).format(state, check.token, _KIND_TEXT[check.kind], check.evidence if check.ok else "not found")


_BASIS = Html('<p class="claim-basis"><strong>{}:</strong> “{}” — {}</p>')


def _row(site: Site, review: Review) -> str:
    claim = review.claim
    group = Html('<a href="{}">{}</a>').format(Html(address(claim.page)), claim.group) if claim.page else claim.group
    side = Html(" · the position of {}").format(claim.side) if claim.side else ""
    parts = [
        Html('<div class="claim" id="{}">').format(claim.id),
        Html('<p class="claim-where">{} · <code>{}:{}</code>{}</p>').format(
            group, _in_project(claim.path), claim.line, side
        ),
        Html('<blockquote class="claim-text"><p>{}</p></blockquote>').format(_sentence(review)),
    ]
    cited = [site.resolved[c] for c in claim.citations if c in site.resolved]
    if cited:
        items = Html("").join(_evidence(site, item) for item in cited)
        parts.append(Html('<ol class="claim-evidence">{}</ol>').format(items))
    if review.checks:
        parts.append(Html('<ul class="claim-checks">{}</ul>').format(Html("").join(_check(c) for c in review.checks)))
    else:
        parts.append(Html('<p class="claim-checks">Nothing checkable: no number, date, name or speaker.</p>'))
    for mark in review.marks:
        label = "Inferred" if mark.kind == "inferred" else "Background, not from the sources"
        parts.append(_BASIS.format(label, mark.text, mark.basis))
    parts.append(Html("</div>"))
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
