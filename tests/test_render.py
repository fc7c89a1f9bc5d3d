"""The render stage's shape: a first pass works out what pages need from each other, then pages are rendered from
it alone, in any order; each page's notes are the ones the first pass numbered; finished HTML makes every value
inert unless it is HTML already."""

from __future__ import annotations

import copy
import datetime as dt
import random

import pytest

from conftest import ROOT
from explainer.project import Project, build_pages, load_site
from explainer.render import build, disputes, entity, figures, glossary, timeline, topic, urls, whos_who
from explainer.render.gather import gather
from explainer.render.html import Html
from explainer.render.source import render_source_pages
from explainer.render.sources_index import sources_index

BUILT = dt.date(2026, 11, 24)
REGISTERS = ("planned", "cited_by", "linked_from", "mentions", "home_sources", "notes")


def _registers(site: object) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(site, name)) for name in REGISTERS}


def test_pages_render_in_any_order_from_the_first_pass_and_never_write_to_it() -> None:
    site, narrative, report = load_site(Project(ROOT))
    expected, _ = build.render_site(site, narrative, report, BUILT, ROOT / "sources" / "entities.yml")

    site, narrative, _ = load_site(Project(ROOT))
    gather(site, narrative)
    before = _registers(site)
    links = urls.Links()
    assert before["cited_by"] and before["linked_from"] and before["mentions"] and before["notes"]
    renderers = [
        *((page.path, lambda page=page: topic.render_narrative(site, page)) for page in narrative),
        (urls.TIMELINE, lambda: timeline.render_timeline(site)),
        (urls.DISPUTES, lambda: disputes.render_disputes(site)),
        (urls.FIGURES, lambda: figures.render_figures(site)),
        (urls.GLOSSARY, lambda: glossary.render_glossary(site)),
        (urls.ENTITY_INDEX, lambda: whos_who.render_entity_index(site)),
        *(
            (
                urls.entity_path(e.id),
                lambda e=e: entity.render_entity(site, e, links, ROOT / "sources" / "entities.yml"),
            )
            for e in site.data.entities
        ),
    ]
    random.Random(16).shuffle(renderers)
    sources = render_source_pages(site, links, ROOT / "sources" / "entities.yml")  # before the pages citing them
    rendered = {path: render() for path, render in renderers}
    assert sources_index(site.sources, links) == expected[urls.SOURCES_INDEX]
    for path, text in sources.items():
        assert expected[path].startswith(text), path  # the page, then its JSON-LD
    for path, text in rendered.items():
        assert expected[path].startswith(text), path  # topic pages and the timeline: then "Print" and "Cite"
    assert _registers(site) == before


def test_a_page_whose_notes_stray_from_the_first_pass_fails_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first pass numbers each page's notes for the "Cited by" lists; a renderer writing them in another
    order (here: the plan reversed) or fewer of them (here: one more planned) is the converter's bug."""
    planned = timeline.notes_of
    monkeypatch.setattr(timeline, "notes_of", lambda events: planned(events)[::-1])
    with pytest.raises(RuntimeError, match=r"^timeline\.md: note 1 was not planned by the first pass"):
        build_pages(Project(ROOT))
    monkeypatch.setattr(timeline, "notes_of", lambda events: [*planned(events), planned(events)[-1]])
    count = len(planned(load_site(Project(ROOT))[0].data.events))
    with pytest.raises(RuntimeError, match=rf"^timeline\.md: {count} notes rendered, {count + 1} planned$"):
        build_pages(Project(ROOT))


def test_finished_html_makes_every_value_inert_unless_it_is_html() -> None:
    link = Html('<a href="{}">{}</a>')
    assert link.format('x"y', "<b>{!f!}</b> [a](b) `c`") == (
        '<a href="x&#34;y">&#60;b&#62;&#123;!f!&#125;&#60;/b&#62; &#91;a&#93;(b) &#96;c&#96;</a>'
    )
    assert link.format(Html("../a.html#fnref:3"), Html("<em>x</em>")) == '<a href="../a.html#fnref:3"><em>x</em></a>'
    assert Html(", ").join(["a&b", Html("<i>c</i>")]) == "a&#38;b, <i>c</i>"
    assert Html("<p>") + "line\nbreak" == "<p>line&#10;break"  # one physical line: the block cannot be closed early


def test_addresses_from_one_page_to_another() -> None:
    assert urls.rel("topics/fallout.md", "entities/china.md#x") == "../entities/china.md#x"
    assert urls.built("entities/china.md", urls.TIMELINE) == "../timeline.html"
    assert urls.href("sources/a.md", urls.SOURCES_INDEX) == "index.html"
    assert urls.mentions_data_path("beijing") == "entities/beijing.mentions.js"
