"""Narrative pages: citations become footnotes, fact paragraphs must cite, entities linked once per section."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.data import Entity
from explainer.errors import ExplainerError, Problem
from explainer.narrative import link_entities, load_narrative, parse_page

HEAD = "---\ntitle: T\ndescription: D\nkind: topic\n---\n"
ENTITIES = [
    Entity("yoriko-kawaguchi", "Yoriko Kawaguchi", "person", "Foreign Minister", ("Yoriko Kawaguchi", "Kawaguchi")),
    Entity("shenyang", "Shenyang", "place", "City", ("Shenyang",)),
]
URLS = {"yoriko-kawaguchi": "../entities/yoriko-kawaguchi.md", "shenyang": "../entities/shenyang.md"}


def page_from(tmp_path: Path, body: str) -> tuple[object, list[Problem]]:
    path = tmp_path / "page.md"
    path.write_text(HEAD + body)
    problems: list[Problem] = []
    return parse_page(path, "topics/page.md", problems), problems


def test_citations_become_numbered_footnote_markers(tmp_path: Path) -> None:
    page, problems = page_from(
        tmp_path, 'Kawaguchi spoke [@voa-2002-05-10: "react quickly"; @cns-2002-05-13: "the five"].\n'
    )
    assert problems == []
    assert page.lines[0] == "Kawaguchi spoke[^1][^2]."
    assert [(u.citation.source, u.citation.quote, u.citation.line, u.number) for u in page.uses] == [
        ("voa-2002-05-10", "react quickly", 6, 1),
        ("cns-2002-05-13", "the five", 6, 2),
    ]


def test_a_marker_never_starts_a_line(tmp_path: Path) -> None:
    page, _ = page_from(tmp_path, 'They lived there until 2011\n[@chosun-2011-12-09: "in 2008"]:\ntheir story.\n')
    assert page.lines[:2] == ["They lived there until 2011[^1]:", "their story."]


def test_fact_paragraph_without_citation_is_an_error_with_its_line(tmp_path: Path) -> None:
    _, problems = page_from(tmp_path, 'Cited [@a: "b"].\n\nNot cited at all.\n\n**Read next:** [x](x.md)\n')
    assert [(p.line, p.message) for p in problems] == [(8, "a paragraph that states facts needs a citation")]


def test_malformed_citation_is_an_error(tmp_path: Path) -> None:
    _, problems = page_from(tmp_path, "Cited [@voa-2002-05-10 missing the quote].\n")
    assert "malformed citation" in problems[0].message and problems[0].line == 6


def test_problems_of_all_pages_are_raised_together(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("no front matter\n")
    (tmp_path / "b.md").write_text(HEAD + "Uncited fact.\n")
    with pytest.raises(ExplainerError) as caught:
        load_narrative(tmp_path)
    assert len(caught.value.problems) == 2


def test_first_mention_per_section_is_linked_never_in_headings_or_quotes(tmp_path: Path) -> None:
    body = (
        "# Kawaguchi in Shenyang\n\n"
        'Yoriko Kawaguchi went to Shenyang [@a: "b"]. Kawaguchi said "Shenyang is far" [@a: "c"].\n\n'
        "## Later\n\n"
        'She said “Kawaguchi” was her name, and [Kawaguchi](x.md) was linked; then Kawaguchi left [@a: "d"].\n'
    )
    page, problems = page_from(tmp_path, body)
    assert problems == []
    link_entities(page, ENTITIES, URLS)
    text = "\n".join(page.lines)
    assert text.startswith("# Kawaguchi in Shenyang\n")
    assert (
        "[Yoriko Kawaguchi](../entities/yoriko-kawaguchi.md) went to [Shenyang](../entities/shenyang.md)[^1]. "
        'Kawaguchi said "Shenyang is far"[^2].'
    ) in text
    assert (
        "She said “Kawaguchi” was her name, and [Kawaguchi](x.md) was linked; "
        "then [Kawaguchi](../entities/yoriko-kawaguchi.md) left[^3]."
    ) in text
    assert page.entity_links == {"yoriko-kawaguchi", "shenyang"}


def test_a_name_wrapped_across_lines_is_one_mention(tmp_path: Path) -> None:
    consulate = Entity("consulate", "Consulate", "organisation", "Mission", ("Japanese Consulate General in Shenyang",))
    page, _ = page_from(tmp_path, 'Seized at the Japanese Consulate General in\nShenyang by police [@a: "b"].\n')
    link_entities(page, [consulate, *ENTITIES], {**URLS, "consulate": "c.md"})
    assert page.lines[:2] == ["Seized at the [Japanese Consulate General in", "Shenyang](c.md) by police[^1]."]
