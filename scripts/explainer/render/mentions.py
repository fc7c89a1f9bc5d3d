"""Every sentence of every source that names an entity (first pass: entity pages list them, source pages name
the entities)."""

from __future__ import annotations

import functools
import re

from .. import rules
from .context import Mention, Site


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of a paragraph, not breaking after abbreviations such as U.S."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in rules.SENTENCE_BREAK.finditer(text):
        end = match.start() + len(match.group("close"))
        if rules.ABBREVIATION_BEFORE_BREAK.search(
            text[max(start, match.start() - rules.ABBREVIATION_TAIL) : match.start()]
        ):
            continue
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b, text[a:b].strip()) for a, b in spans if text[a:b].strip()]


def find_mentions(site: Site) -> dict[str, list[Mention]]:
    """Every sentence of every source that names an entity by one of its aliases (one pattern for all aliases)."""
    owner = {" ".join(a.split()): e.id for e in site.data.entities for a in e.aliases}
    if not owner:
        return {}
    alternatives = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(owner, key=len, reverse=True))
    initials = re.escape("".join(sorted({a[0] for a in owner})))
    # Zero-width, so a name inside a longer one ("Shenyang" in "… Consulate General in Shenyang") counts too;
    # the initials first, so most positions fail at one character (a third faster at 1,000 sources).
    pattern = re.compile(rf"(?=[{initials}])(?<![\w-])(?=(?P<name>{alternatives})(?![\w-]))")
    found: dict[str, list[Mention]] = {}
    names = tuple(sorted(owner.items()))
    for source in site.sources:
        paragraphs = tuple((p.number, p.text) for p in source.paragraphs)
        for entity_id, number, sentence in _mentions_in(pattern, names, paragraphs):
            found.setdefault(entity_id, []).append(Mention(source, number, sentence))
    return found


@functools.lru_cache(maxsize=1 << 14)  # the live preview finds the names of every unchanged source again
def _mentions_in(
    pattern: re.Pattern[str], names: tuple[tuple[str, str], ...], paragraphs: tuple[tuple[int, str], ...]
) -> tuple[tuple[str, int, str], ...]:
    """(entity id, paragraph number, sentence) for each sentence of one source that names an entity."""
    owner = dict(names)
    found: list[tuple[str, int, str]] = []
    for number, text in paragraphs:
        matches = list(pattern.finditer(text))
        if not matches:
            continue
        sentences = split_sentences(text)
        for match in matches:
            entity_id = owner[" ".join(match.group("name").split())]
            sentence = next((s for a, b, s in sentences if a <= match.start() < b and s), match.group("name"))
            mention = (entity_id, number, sentence)
            if mention not in found[-3:]:  # one entry per sentence, even if the name recurs in it
                found.append(mention)
    return tuple(found)
