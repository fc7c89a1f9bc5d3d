"""Every generated page of the site, in two passes: the first (gather.py) works out what pages need from each
other; then each page kind renders its pages from that. Returns the pages (path under docs/ → text) and the
links written into finished HTML, for the check once every generated page is known (urls.Links.check)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import citation_formats, export, jsonld
from ..narrative import NarrativePage
from ..story import Story
from ..support import Report
from .about import RIGHTS_FRAGMENT, rights_fragment
from .claims import render_claims
from .context import Site
from .disputes import render_disputes
from .entity import QUOTED_MENTIONS, mentions_data, native_names_script, render_entity
from .figures import render_figures
from .gather import gather
from .glossary import ABBREVIATIONS_FRAGMENT, abbreviations_fragment, render_glossary
from .print_page import print_link, render_print_page
from .source import render_source_pages
from .sources_index import sources_index
from .timeline import render_timeline
from .topic import render_narrative
from .urls import (
    CLAIMS_PAGE,
    DISPUTES,
    ENTITY_INDEX,
    FIGURES,
    GLOSSARY,
    NATIVE_NAMES_SCRIPT,
    PRINT_PAGE,
    SOURCES_INDEX,
    TIMELINE,
    Links,
    entity_path,
    mentions_data_path,
    source_path,
)
from .whos_who import render_entity_index


def render_site(
    site: Site, narrative: list[NarrativePage], report: Report, built: dt.date, entities_file: Path
) -> tuple[dict[str, str], Links]:
    """Every page the converter generates from the story (path under docs/ → text), and its finished HTML's links."""
    gather(site, narrative)
    data, story = site.data, site.data.story
    out: dict[str, str] = {}
    title = next((page.title for page in narrative if page.path == "index.md"), story.title)
    out[PRINT_PAGE] = render_print_page(site, narrative, title, built)
    for page in narrative:
        out[page.path] = render_narrative(site, page)
        if page.kind == "topic":
            out[page.path] += _take_away(page.path, page.title, built, story)
    out[TIMELINE] = render_timeline(site) + _take_away(TIMELINE, "Timeline", built, story) + jsonld.events(data)
    out[DISPUTES] = render_disputes(site) + jsonld.disputes(data, site.sources)
    out[FIGURES] = render_figures(site)
    out[GLOSSARY] = render_glossary(site)
    links = Links()  # every link written into finished HTML, checked once every page is known
    listed: dict[str, list[str]] = {}  # each source's entry in the mention data files, made once
    for entity in data.entities:
        out[entity_path(entity.id)] = render_entity(site, entity, links, entities_file) + jsonld.entity(entity)
        mentions = site.mentions.get(entity.id, [])
        if len(mentions) > QUOTED_MENTIONS:  # the rest, loaded on request
            out[mentions_data_path(entity.id)] = mentions_data(entity, mentions, listed)
    out[ENTITY_INDEX] = render_entity_index(site)
    sources = render_source_pages(site, links, entities_file)
    out[SOURCES_INDEX] = sources_index(site.sources, links)
    for source in site.sources:
        out[source_path(source.id)] = sources[source_path(source.id)] + jsonld.news_article(source)
    out[CLAIMS_PAGE] = render_claims(site, report)
    out[ABBREVIATIONS_FRAGMENT] = abbreviations_fragment(site)
    out[RIGHTS_FRAGMENT] = rights_fragment(site)
    out[NATIVE_NAMES_SCRIPT] = native_names_script(site)
    rows = export.dataset_rows(site, narrative)  # once: every paragraph of every source is a row
    out.update(export.data_files(site, narrative, rows))
    out["data.md"] = export.render_data_page(site, narrative, rows)
    return out, links


def _take_away(path: str, title: str, built: dt.date, story: Story) -> str:
    """What a topic page or the timeline offers below its text: the print page, and its own citation."""
    work = citation_formats.page_work(path, title, built, story)
    return "\n" + print_link(path) + "\n" + citation_formats.cite_block(work)
