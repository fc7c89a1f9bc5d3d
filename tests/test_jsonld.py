"""schema.org JSON-LD in the built pages: each block parses, every node has only properties schema.org defines for
its type (the shapes below, written from schema.org's type pages), and the data agree with the site's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema

from conftest import ROOT
from explainer.corpus import load_corpus
from explainer.data import load_data

DATA = load_data(ROOT / "sources")
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _node(kind: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"@type": {"const": kind}, "@context": {"const": "https://schema.org"}, **properties},
        "required": ["@type", *required],
        "additionalProperties": False,
    }


TEXT = {"type": "string", "minLength": 1}
THING = _node("Thing", {"name": TEXT}, ["name"])
PERSON_REF = _node("Person", {"name": TEXT}, ["name"])
ORGANIZATION_REF = _node("Organization", {"name": TEXT}, ["name"])
# Properties per type, from https://schema.org/NewsArticle, /Event, /Claim, /Person, /Organization, /Place.
SHAPES = {
    "NewsArticle": _node(
        "NewsArticle",
        {
            "headline": {"type": "string", "maxLength": 110},
            "name": TEXT,
            "datePublished": {"type": "string", "pattern": ISO_DATE},
            "author": {"type": "array", "items": PERSON_REF},
            "publisher": ORGANIZATION_REF,
            "url": {"type": "string", "pattern": "^https?://"},
            "identifier": TEXT,
        },
        ["headline", "identifier"],
    ),
    "ItemList": _node(
        "ItemList",
        {
            "itemListElement": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "oneOf": [
                        _node(
                            "Event",
                            {
                                "name": TEXT,
                                "startDate": {"type": "string", "pattern": ISO_DATE},
                                "description": TEXT,
                                "about": {"type": "array", "items": THING},
                            },
                            ["name", "startDate"],
                        ),
                        _node(
                            "Claim",
                            {
                                "name": TEXT,
                                "text": TEXT,
                                "author": _node("Country", {"name": TEXT}, ["name"]),
                                "appearance": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": _node("NewsArticle", {"headline": TEXT}, ["headline"]),
                                },
                            },
                            ["text", "author", "appearance"],
                        ),
                    ]
                },
            }
        },
        ["itemListElement"],
    ),
}
for kind in ("Person", "Organization", "Place"):
    SHAPES[kind] = _node(
        kind, {"name": TEXT, "description": TEXT, "alternateName": {"type": "array", "items": TEXT}}, ["name"]
    )


def _blocks(page: Path) -> list[dict[str, Any]]:
    text = page.read_text(encoding="utf-8")
    return [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)]


def test_every_json_ld_block_has_a_schema_org_shape(built_site: Path) -> None:
    seen: dict[str, int] = {}
    for page in sorted(built_site.rglob("*.html")):
        for block in _blocks(page):
            kind = block.get("@type", "")
            assert kind in SHAPES, f"{page.name}: unexpected @type {kind!r}"
            jsonschema.validate(block, SHAPES[kind])
            seen[kind] = seen.get(kind, 0) + 1
    assert set(seen) >= {"NewsArticle", "ItemList", "Person", "Organization", "Place"}


def test_json_ld_agrees_with_the_site(built_site: Path) -> None:
    for source in load_corpus(ROOT / "sources" / "articles"):
        [article] = _blocks(built_site / "sources" / f"{source.id}.html")
        assert article["identifier"] == source.id
        assert article.get("datePublished") == (source.date.value.isoformat() if source.date.value else None)
    [timeline] = _blocks(built_site / "timeline.html")
    assert [e["startDate"] for e in timeline["itemListElement"]] == [e.date for e in DATA.events]
    [disputes] = _blocks(built_site / "disputes.html")
    assert len(disputes["itemListElement"]) == 2 * len(DATA.disputes)
    for entity in DATA.entities:
        blocks = _blocks(built_site / "entities" / f"{entity.id}.html")
        assert len(blocks) == (0 if entity.kind == "group" else 1)
        assert all(b["name"] == entity.name for b in blocks)


def test_json_ld_strings_are_inert() -> None:
    from explainer.jsonld import script

    hostile = "{!/etc/passwd!} [timeline(x)] </script><b>x</b> ::timeline::"
    out = script({"@type": "Thing", "name": hostile})
    body = out.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "{!" not in body and "</" not in body and "[timeline" not in body and "::" not in body
    assert json.loads(body)["name"] == hostile
