"""The first pass: what pages need from each other, worked out before any page is rendered.

- each page's notes, numbered (every page kind's `notes_of`), and from them the "Cited by" list of every source
  (which note of which page cites which paragraph) and the citations of the data export;
- the entities each narrative page links, for the entity pages' "Linked from";
- every mention of every entity in the sources, for entity pages, who's who and the source pages' "Named in
  this article";
- the sources the home page's table lists.

After it, rendering only reads the Site: pages can be rendered in any order."""

from __future__ import annotations

from ..data import Citation
from ..narrative import NarrativePage
from . import disputes, entity, figures, glossary, home, timeline, topic
from .context import Backlink, Note, Site
from .mentions import find_mentions
from .urls import DISPUTES, FIGURES, GLOSSARY, TIMELINE, Origin, entity_path


def planned_notes(site: Site, narrative: list[NarrativePage]) -> list[tuple[str, str, list[Note]]]:
    """(page, title, notes) for every page with notes, in the order of the data export's citations."""
    plans = [(page.path, page.title, topic.notes_of(page)) for page in narrative]
    plans += [
        (TIMELINE, "Timeline", timeline.notes_of(site.data.events)),
        (DISPUTES, "Disputed facts", disputes.notes_of(site)),
        (FIGURES, "Figures", figures.notes_of(site)),
        (GLOSSARY, "Glossary", glossary.notes_of(site)),
    ]
    plans += [(entity_path(e.id), e.name, entity.notes_of(e)) for e in site.data.entities]
    return plans


def gather(site: Site, narrative: list[NarrativePage]) -> None:
    """Fill the Site's first-pass registers (context.py)."""
    for page, title, notes in planned_notes(site, narrative):
        site.planned[page] = notes
        for number, note in enumerate(notes, start=1):
            if not isinstance(note, Citation):
                continue
            item = site.resolved[note]
            link = Backlink(page, title, number, item.where.paragraph, Origin(note.path, note.line))
            site.cited_by.setdefault(item.source.id, []).append(link)
            site.notes.append((page, number, note))
    for page in narrative:
        for entity_id in topic.linked_entities(site, page):
            site.linked_from.setdefault(entity_id, []).append(
                Backlink(page.path, page.title, origin=Origin(page.source_path))
            )
    site.mentions = find_mentions(site)
    site.home_sources = home.sources_shown(site)
