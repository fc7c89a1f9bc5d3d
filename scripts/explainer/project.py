"""Where things live in a project checkout, and the convert step: read → extract → index → render → write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import bundle, place_map, site_parts, support
from .cite import highlight_spans, resolve
from .corpus import load_corpus
from .data import load_data
from .errors import ExplainerError, Problem
from .model import Source
from .narrative import CitationUse, NarrativePage, load_narrative
from .render.build import render_site
from .render.context import Site
from .story import check_pages, mkdocs_story, story_css
from .support import Report
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


def load_site(project: Project, notices: list[str] | None = None) -> tuple[Site, list[NarrativePage], Report]:
    """Read and check every input: what the render stage works from. The support lint's counts are appended to
    `notices` when given."""
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
    site = Site(sources, data, resolved, highlight_spans(list(resolved.values())))
    if spec:
        site.place_map = place_map.PlaceMap(spec, place_map.geometry(data.entities, spec.extent))
    for claim in claims:
        for citation in claim.citations:
            site.claim_of.setdefault(citation, claim.id)
    return site, narrative, report


def build_pages(project: Project, notices: list[str] | None = None) -> tuple[list[Source], dict[str, str]]:
    """Read and check every input, then render every generated page (path under docs/ → Markdown)."""
    site, narrative, report = load_site(project, notices)
    data, sources = site.data, site.sources
    built = bundle.build_date(project.root)
    out, links = render_site(site, narrative, report, built, project.sources / "entities.yml")
    if site.place_map:
        out[place_map.FRAGMENT] = place_map.fragment(site.place_map.geometry)
    out["includes/offline-bundle.md"] = bundle.bundle_fragment(bundle.bundle_name(project.root))
    # The story's part of the site: thread colours, and the title, description and navigation mkdocs.yml inherits.
    out[STORY_CSS] = story_css(data.story)
    out[MKDOCS_STORY] = site_parts.mkdocs_fragment(project.root, mkdocs_story(data.story))
    out.update(site_parts.site_files(project.docs))  # an explainer elsewhere: the converter's scripts and styles
    if problems := links.check(out, project.docs):  # a bad link is the converter's fault: named by its data
        raise ExplainerError(sorted(problems, key=lambda p: (str(p.path), p.line or 0)))
    return sources, out


def convert(project: Project, notices: list[str] | None = None) -> tuple[list[Source], list[str]]:
    """Write every generated page under docs/; nothing is written when any input is bad."""
    sources, out = build_pages(project, notices)
    files = {path: text.encode("utf-8") for path, text in out.items()}
    return sources, write_owned(project.docs, files)
