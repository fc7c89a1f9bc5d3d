"""Who's who (entities/index.md): the groups the story is about, then each side with those who speak for it."""

from __future__ import annotations

from ..data import Entity
from .context import Site
from .entity import native_names
from .text import inert_inline, page
from .urls import ENTITY_INDEX, entity_path, rel

KIND_LABELS = {"person": "People", "organisation": "Organisations", "place": "Places", "group": "Groups"}


def _who_groups(entities: list[Entity]) -> list[tuple[str, list[Entity]]]:
    """Who's who in reading order: the groups the story is about first; then each side (an entity others speak
    for: a country) with the people and bodies that speak for it; then everyone else, by kind. People are sorted
    by surname."""

    def order(entity: Entity) -> tuple[int, str]:
        rank = {"group": 0, "place": 1, "person": 2, "organisation": 3}[entity.kind]
        return rank, entity.name.split()[-1] if entity.kind == "person" else entity.name

    by_id = {e.id: e for e in entities}
    sides = list(dict.fromkeys(e.side for e in entities if e.side and e.side in by_id))
    groups: list[tuple[str, list[Entity]]] = []
    story = [e for e in entities if e.kind == "group"]
    if story:
        groups.append(("The people the story is about", story))
    for side in sides:
        members = [by_id[side], *sorted((e for e in entities if e.side == side and e.kind != "group"), key=order)]
        groups.append((by_id[side].name, members))
    placed = {e.id for _, members in groups for e in members}
    for kind, label in KIND_LABELS.items():
        rest = sorted((e for e in entities if e.id not in placed and e.kind == kind), key=order)
        if rest:
            groups.append((f"Other {label.lower()}" if len(groups) > 0 else label, rest))
    return groups


def render_entity_index(site: Site) -> str:
    parts = [
        "# People, organisations and places\n\n",
        "Everyone and everything the sources name, with the role at the time.\n\n",
    ]
    for label, entities in _who_groups(site.data.entities):
        parts.append(
            f"## {inert_inline(label)}\n\n"
            '<div class="stack-table whos-who" markdown="1">\n\n'
            "| Name | Native script | Role at the time | Mentions |\n|---|---|---|---|\n"
        )
        for entity in entities:
            native = native_names(entity)
            link = rel(ENTITY_INDEX, entity_path(entity.id))
            count = len(site.mentions.get(entity.id, [])) or "—"
            parts.append(
                f"| [{inert_inline(entity.name)}]({link}) | {native} | {inert_inline(entity.role)} | {count} |\n"
            )
        parts.append("\n</div>\n\n")
    description = site.data.story.description_of("entities")
    return page("People, organisations and places", description, "".join(parts))
