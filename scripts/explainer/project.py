"""Where things live in a project checkout, and the convert step: read → extract → index → render → write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import bundle, citation_formats, export, jsonld, place_map, print_page, site_parts, support
from . import pages as explainer_pages
from .citation_formats import cite_block, source_work
from .cite import highlight_spans, resolve
from .claims_page import render_claims
from .corpus import load_corpus
from .data import load_data
from .errors import ExplainerError, Problem
from .links import Links, Origin
from .model import Source
from .narrative import CitationUse, load_narrative
from .render import SOURCES_DIR, SourceLinks, render_source_pages
from .story import Story, check_pages, mkdocs_story, story_css
from .write import write_owned

STORY_CSS = "assets/stylesheets/story.css"
MKDOCS_STORY = "includes/story.mkdocs.yml"  # mkdocs.yml: INHERIT: docs/includes/story.mkdocs.yml


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def articles(self) -> Path:
        return self.sources / "articles"

    @property
    def narrative(self) -> Path:
        return self.sources / "narrative"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def vendor(self) -> Path:
        return self.docs / "assets" / "vendor"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"


def build_pages(project: Project, notices: list[str] | None = None) -> tuple[list[Source], dict[str, str]]:
    """Read and check every input, then render every generated page (path under docs/ → Markdown). The support
    lint's counts are appended to `notices` when given."""
    problems: list[Problem] = []
    try:
        sources = load_corpus(project.articles)
    except ExplainerError as exc:  # reported with the problems of data and narrative below
        problems += exc.problems
        sources = []
    data = load_data(project.sources, problems)
    narrative = load_narrative(project.narrative, problems, data.story.thread_ids)
    # Pages that exist, read or not: a page that failed to read is reported once, not again as missing.
    written = {path.relative_to(project.narrative).as_posix() for path in project.narrative.rglob("*.md")}
    threads: dict[str, str | None] = dict.fromkeys(written) | {page.path: page.thread for page in narrative}
    problems += check_pages(data.story, threads, project.sources)
    citations = data.citations() + [u.citation for page in narrative for u in page.uses if isinstance(u, CitationUse)]
    if not sources and problems:  # citations can only be checked against articles that read cleanly
        raise ExplainerError(sorted(problems, key=lambda p: (str(p.path), p.line or 0)))
    resolved = resolve(citations, sources, problems)
    claims = support.collect(narrative, data, project.sources)
    report = support.lint(claims, resolved, data.entities)
    problems += report.problems
    map_file = project.sources / place_map.SPEC_FILE
    spec = place_map.load_spec(map_file, data.entities, data.events, written, problems) if map_file.exists() else None
    if problems:  # every problem of data, narrative, citations, support and the map, in one run
        raise ExplainerError(sorted(problems, key=lambda p: (str(p.path), p.line or 0)))
    if notices is not None:
        notices.append(report.summary())
    site = explainer_pages.Site(sources, data, resolved, highlight_spans(list(resolved.values())))
    if spec:
        site.place_map = place_map.PlaceMap(spec, place_map.geometry(data.entities, spec.extent))
    for claim in claims:
        for citation in claim.citations:
            site.claim_of.setdefault(citation, claim.id)
    out: dict[str, str] = {}
    built = bundle.build_date(project.root)
    # Before the pages' own rendering, which links entities in their lines in place.
    title = next((page.title for page in narrative if page.path == "index.md"), data.story.title)
    out[print_page.PRINT_PAGE] = print_page.render_print_page(site, narrative, title, built)
    for page in narrative:
        out[page.path] = explainer_pages.render_narrative(site, page)
        if page.kind == "topic":
            out[page.path] += _take_away(page.path, page.title, built, data.story)
    out["timeline.md"] = explainer_pages.render_timeline(site) + _take_away(
        "timeline.md", "Timeline", built, data.story
    )
    out["timeline.md"] += jsonld.events(data)
    out["disputes.md"] = explainer_pages.render_disputes(site) + jsonld.disputes(data, sources)
    out["figures.md"] = explainer_pages.render_figures(site)
    out["glossary.md"] = explainer_pages.render_glossary(site)
    mentions = explainer_pages.find_mentions(site)
    listed: dict[str, list[str]] = {}  # each source's entry in the mention data files, made once
    for entity in data.entities:
        out[explainer_pages.entity_path(entity.id)] = explainer_pages.render_entity(
            site, entity, mentions.get(entity.id, [])
        ) + jsonld.entity(entity)
        if len(mentions.get(entity.id, [])) > explainer_pages.QUOTED_MENTIONS:  # the rest, loaded on request
            out[explainer_pages.mentions_data_path(entity.id)] = explainer_pages.mentions_data(
                entity, mentions[entity.id], listed
            )
    out["entities/index.md"] = explainer_pages.render_entity_index(site, mentions)
    links = Links()  # every link written into finished HTML, checked below against the pages generated
    entities_file = project.sources / "entities.yml"
    out.update(render_source_pages(sources, _source_links(site, mentions, links, entities_file), links))
    for source in sources:
        out[explainer_pages.source_path(source.id)] += jsonld.news_article(source)
    out[explainer_pages.CLAIMS_PAGE] = render_claims(site, report)
    out["includes/abbreviations.md"] = explainer_pages.abbreviations_fragment(site)
    out["includes/source-rights.md"] = explainer_pages.rights_fragment(site)
    if site.place_map:
        out[place_map.FRAGMENT] = place_map.fragment(site.place_map.geometry)
    out[explainer_pages.NATIVE_NAMES_SCRIPT] = explainer_pages.native_names_script(site)
    out.update(export.data_files(site, narrative))
    out["data.md"] = export.render_data_page(site, narrative)
    out["includes/offline-bundle.md"] = bundle.bundle_fragment(bundle.bundle_name(project.root))
    # The story's part of the site: thread colours, and the title, description and navigation mkdocs.yml inherits.
    out[STORY_CSS] = story_css(data.story)
    out[MKDOCS_STORY] = site_parts.mkdocs_fragment(project.root, mkdocs_story(data.story))
    out.update(site_parts.site_files(project.docs))  # an explainer elsewhere: the converter's scripts and styles
    if problems := links.check(out, project.docs):  # a bad link is the converter's fault: named by its data
        raise ExplainerError(sorted(problems, key=lambda p: (str(p.path), p.line or 0)))
    return sources, out


def _take_away(path: str, title: str, built: dt.date, story: Story) -> str:
    """What a topic page or the timeline offers below its text: the print page, and its own citation."""
    work = citation_formats.page_work(path, title, built, story)
    return "\n" + print_page.print_link(path) + "\n" + citation_formats.cite_block(work)


def _source_links(
    site: explainer_pages.Site, mentions: dict[str, list[explainer_pages.Mention]], links: Links, entities_file: Path
) -> dict[str, SourceLinks]:
    """What each source page links to, as written in its finished HTML (every link recorded in `links`)."""
    size = len(site.sources)
    found = {
        s.id: SourceLinks(cite=cite_block(source_work(s), paragraphs=True), corpus_size=size) for s in site.sources
    }
    for source in site.sources:
        page = explainer_pages.source_path(source.id)
        found[source.id].index = links.to(page, f"{SOURCES_DIR}/index.md", "", Origin(source.path))
    for (source_id, paragraph), ranges in site.spans.items():
        found[source_id].spans[paragraph] = ranges
    for source_id, backlinks in site.cited_by.items():
        page = explainer_pages.source_path(source_id)
        for link in backlinks:
            origin = link.origin or Origin(site.source(source_id).path)
            note = links.to(page, link.page, link.anchor, origin)
            here = links.to(page, page, f"p-{link.paragraph}", origin)
            found[source_id].cited_by.append((link.paragraph, link.title, link.note, note, here))
    for entity in site.data.entities:
        for source_id in dict.fromkeys(m.source.id for m in mentions.get(entity.id, [])):
            page = explainer_pages.source_path(source_id)
            target = links.to(page, explainer_pages.entity_path(entity.id), "", Origin(entities_file, entity.line))
            found[source_id].named.append((entity.name, target))
    return found


def convert(project: Project, notices: list[str] | None = None) -> tuple[list[Source], list[str]]:
    """Write every generated page under docs/; nothing is written when any input is bad."""
    sources, out = build_pages(project, notices)
    files = {path: text.encode("utf-8") for path, text in out.items()}
    return sources, write_owned(project.docs, files)
