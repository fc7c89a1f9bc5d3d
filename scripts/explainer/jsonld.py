"""Structured data in the pages: schema.org JSON-LD for source pages (NewsArticle, with the established date),
timeline events (Event), the disputes (Claim, one per side) and entities (Person, Organization, Place).

Each block is one line of raw HTML appended to a page's Markdown. Inside its strings every character that
Markdown, markdown-include ({!…!}), neoteroi ([timeline(…)]) or the HTML parser could act on is written as a
JSON \\u escape, so article titles stay inert."""

from __future__ import annotations

import json
import re
from typing import Any

from .data import CuratedData, Dispute, Entity, Event
from .model import Source
from .story import Side

CONTEXT = "https://schema.org"
# A group (of refugees, say) has no schema.org type of its own: its page carries none rather than a wrong one.
ENTITY_TYPES = {"person": "Person", "organisation": "Organization", "place": "Place"}
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_SPECIALS = re.compile(r"[<>&{}\[\]`:!]")  # as render.inert_block, less the JSON string's own " and \\


def _inert(match: re.Match[str]) -> str:
    return _SPECIALS.sub(lambda c: f"\\u{ord(c.group()):04x}", match.group())


def script(data: dict[str, Any]) -> str:
    text = json.dumps({"@context": CONTEXT, **data}, ensure_ascii=False, separators=(",", ":"))
    return f'\n<script type="application/ld+json">{_STRING.sub(_inert, text)}</script>\n'


def _names(author: str | None) -> list[dict[str, str]]:
    if not author:
        return []
    return [{"@type": "Person", "name": name} for name in re.split(r"\s+and\s+|\s*,\s*", author) if name]


def news_article(source: Source) -> str:
    """The original article as the source page establishes it."""
    data: dict[str, Any] = {"@type": "NewsArticle", "headline": source.title[:110], "name": source.title}
    if source.date.value:
        data["datePublished"] = source.date.value.isoformat()
    if authors := _names(source.metadata.get("author")):
        data["author"] = authors
    if outlet := source.metadata.get("outlet"):
        data["publisher"] = {"@type": "Organization", "name": outlet}
    if url := source.metadata.get("url"):
        data["url"] = url
    data["identifier"] = source.id
    return script(data)


def _event(event: Event, names: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Event", "name": event.title, "startDate": event.date, "description": event.text}
    if event.entities:
        data["about"] = [{"@type": "Thing", "name": names[e]} for e in event.entities if e in names]
    return data


def events(data: CuratedData) -> str:
    names = {e.id: e.name for e in data.entities}
    return script({"@type": "ItemList", "itemListElement": [_event(e, names) for e in data.events]})


def _claims(dispute: Dispute, titles: dict[str, str], sides: tuple[Side, ...]) -> list[dict[str, Any]]:
    claims = []
    for side, who in zip(dispute.positions, sides, strict=True):
        country = who.label
        appearances = [{"@type": "NewsArticle", "headline": titles.get(c.source, c.source)} for c in side.citations]
        claims.append(
            {
                "@type": "Claim",
                "name": f"{country}: {dispute.question}",
                "text": side.position,
                "author": {"@type": who.kind, "name": country},
                "appearance": list({a["headline"]: a for a in appearances}.values()),
            }
        )
    return claims


def disputes(data: CuratedData, sources: list[Source]) -> str:
    titles = {s.id: s.title for s in sources}
    claims = [claim for d in data.disputes for claim in _claims(d, titles, data.story.sides)]
    return script({"@type": "ItemList", "itemListElement": claims})


def entity(item: Entity) -> str:
    if item.kind not in ENTITY_TYPES:
        return ""
    data: dict[str, Any] = {"@type": ENTITY_TYPES[item.kind], "name": item.name, "description": item.role}
    others = [a for a in item.aliases if a != item.name] + [n.text for n in item.native]
    if others:
        data["alternateName"] = others
    if item.map and item.map.label == item.name:  # a country drawn at its capital keeps no city's coordinates
        data["geo"] = {"@type": "GeoCoordinates", "latitude": item.map.lat, "longitude": item.map.lon}
    return script(data)
