"""Curated data: schema violations are reported all at once, each with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from explainer.data import load_data
from explainer.errors import ExplainerError

GOOD_EVENT = """- id: five-seized
  date: 2002-05-08
  precision: day
  thread: incident
  title: Five seized
  text: They were seized.
  citations:
    - source: voa-2002-05-10
      quote: all five people were inside the compound
  entities: [shenyang]
"""
GOOD_ENTITY = """- id: shenyang
  name: Shenyang
  kind: place
  role: City in Liaoning Province
  aliases: [Shenyang]
  background: general reference
"""


@pytest.fixture(autouse=True)
def story(tmp_path: Path) -> None:
    """Every data folder holds its story (threads and sides); the project's own serves these tests."""
    shutil.copy2(ROOT / "sources" / "story.yml", tmp_path / "story.yml")


def problems(folder: Path) -> list[str]:
    with pytest.raises(ExplainerError) as caught:
        load_data(folder)
    return [f"{p.path.name}:{p.line}: {p.message}" for p in caught.value.problems]


def test_the_project_data_is_valid() -> None:
    data = load_data(ROOT / "sources")
    assert len(data.events) >= 20 and len(data.entities) >= 20
    assert [e.sort_key for e in data.events] == sorted(e.sort_key for e in data.events)


def test_good_files_load(tmp_path: Path) -> None:
    (tmp_path / "events.yml").write_text(GOOD_EVENT)
    (tmp_path / "entities.yml").write_text(GOOD_ENTITY)
    data = load_data(tmp_path)
    assert data.events[0].citations[0].line == 8  # the line of the citation, for error messages later


def test_every_schema_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    (tmp_path / "entities.yml").write_text(GOOD_ENTITY + GOOD_ENTITY.replace("role: City", "role: Town"))
    (tmp_path / "events.yml").write_text(
        GOOD_EVENT.replace("entities: [shenyang]", "entities: [shenyan]")
        + """- id: no-date
  precision: day
  thread: incident
  title: No date
  text: Something.
  citations: []
  entities: []
- id: bad-types
  date: 2002-13-40
  precision: weekly
  thread: gossip
  inferred: maybe
  title: [not, text]
  text: Something.
  citations: [{source: voa-2002-05-10}]
  entities: []
  colour: red
- id: guessed
  date: 2002-05
  precision: month
  inferred: true
  thread: incident
  title: Inferred without basis
  text: Something.
  citations: [{source: voa-2002-05-10, quote: x}]
  entities: []
"""
    )
    found = problems(tmp_path)
    assert found == [
        "entities.yml:7: duplicate id 'shenyang' (first at line 1)",
        "events.yml:1: event 'five-seized': unknown entity 'shenyan'",
        "events.yml:11: event 'no-date': field 'date' is missing",
        "events.yml:16: event 'no-date': field 'citations' needs at least one citation",
        "events.yml:19: event 'bad-types': date '2002-13-40' must be YYYY, YYYY-MM or YYYY-MM-DD",
        "events.yml:20: event 'bad-types': field 'precision' is 'weekly'; "
        "expected one of day, month, year, approximate",
        "events.yml:21: event 'bad-types': field 'thread' is 'gossip'; "
        "expected one of incident, fallout, pledge, context",
        "events.yml:22: event 'bad-types': field 'inferred' must be true or false",
        "events.yml:23: event 'bad-types': field 'title' must be non-empty text",
        "events.yml:25: event 'bad-types': citation: field 'quote' is missing",
        "events.yml:25: event 'bad-types': field 'citations' needs at least one citation",
        "events.yml:27: event 'bad-types': unknown field 'colour' (known: basis, citations, date, entities, home, "
        "id, inferred, label, precision, text, thread, title)",
        "events.yml:28: event 'guessed': an inferred date needs a 'basis' saying how it was inferred",
    ]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "figures.yml").write_text("- id: a\n  number: [unclosed\n")
    assert problems(tmp_path)[0].startswith("figures.yml:3: YAML syntax error")


def test_a_file_that_is_not_a_list(tmp_path: Path) -> None:
    (tmp_path / "disputes.yml").write_text("id: consent\n")
    assert problems(tmp_path) == ["disputes.yml:1: must be a list of dispute"]


def test_native_names_are_read_with_their_language_and_checked_against_its_script(tmp_path: Path) -> None:
    (tmp_path / "entities.yml").write_text(GOOD_ENTITY + "  native: {zh-Hans: 沈阳, ja: 瀋陽}\n", encoding="utf-8")
    entity = load_data(tmp_path).entities[0]
    assert [(n.lang, n.text) for n in entity.native] == [("zh-Hans", "沈阳"), ("ja", "瀋陽")]
    bad = GOOD_ENTITY.replace("  kind: place\n", "  kind: place\n  native: {ko: 瀋陽, jp: 瀋陽}\n")
    (tmp_path / "entities.yml").write_text(
        bad
        + "- id: x\n  name: X\n  kind: place\n  role: R\n  aliases: [X]\n  background: B\n"
        + "  native: 沈阳 (Japanese 瀋陽)\n",
        encoding="utf-8",
    )
    assert problems(tmp_path) == [
        "entities.yml:4: entity 'shenyang': native name '瀋陽' is not written in the script of 'ko'",
        "entities.yml:4: entity 'shenyang': native name language 'jp' is not one of ja, zh-Hans, zh-Hant, ko",
        "entities.yml:14: entity 'x': field 'native' must map a language (ja, zh-Hans, zh-Hant, ko) to a name, "
        "e.g. {ja: 瀋陽}",
    ]


def test_the_story_file_is_checked_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "story.yml").write_text(
        "title: A row\nname: Bad Name\ndescription: d\nthreads:\n  - id: one\n    label: One\n"
        "    colour: red\n    dark_colour: '#ffffff'\n  - id: one\n    label: Again\n    colour: '#000000'\n"
        "    dark_colour: '#ffffff'\nsides:\n  - id: a\n    label: A\npages:\n  timline: typo\n"
    )
    assert problems(tmp_path) == [
        "story.yml:2: story: name 'Bad Name' must be lower-case words joined by hyphens",
        "story.yml:7: thread: colour 'red' must be written #rrggbb",
        "story.yml:9: story: threads: duplicate id 'one'",
        "story.yml:14: story: 'sides' lists the two sides of the disputes page, not 1",
        "story.yml:17: story: pages: unknown field 'timline' "
        "(known: disputes, entities, entity, figures, glossary, timeline)",
    ]


def test_a_missing_story_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "story.yml").unlink()
    assert problems(tmp_path) == [
        "story.yml:None: missing: every explainer needs its story file (see `python -m explainer new`)"
    ]


def test_events_and_disputes_follow_the_story(tmp_path: Path) -> None:
    """An event's thread is one of the story's; a dispute has a field per side of the story, by its id."""
    (tmp_path / "events.yml").write_text(GOOD_EVENT.replace("thread: incident", "thread: elsewhere"))
    (tmp_path / "entities.yml").write_text(GOOD_ENTITY)
    (tmp_path / "disputes.yml").write_text(
        "- id: q\n  question: Who?\n  japan: {position: yes, citations: [{source: a, quote: b}]}\n"
        "  korea: {position: no, citations: [{source: a, quote: b}]}\n"
    )
    found = problems(tmp_path)
    assert (
        "events.yml:4: event 'five-seized': field 'thread' is 'elsewhere'; "
        "expected one of incident, fallout, pledge, context" in found
    )
    assert any(p.startswith("disputes.yml:4: dispute 'q': unknown field 'korea'") for p in found)
    assert "disputes.yml:1: dispute 'q': field 'china' is missing" in found


def test_the_entity_description_names_only_its_placeholders(tmp_path: Path) -> None:
    story = (tmp_path / "story.yml").read_text(encoding="utf-8")
    (tmp_path / "story.yml").write_text(story.replace('"{name}: {role}.', '"{name}: {rol}.'), encoding="utf-8")
    [found] = problems(tmp_path)
    assert found.startswith("story.yml:") and "entity: 'rol' is not a placeholder; use {name} and {role}" in found


def test_a_role_holds_no_mark_and_its_support_is_one_kind(tmp_path: Path) -> None:
    # a role is shown as written (in the page's description and structured data too), and a cited role is shown with
    # its citations only: a mark or a background basis there would reach no reader as one
    marked = GOOD_ENTITY.replace("role: City in Liaoning Province", "role: '[City]{inferred: a guess} in Liaoning'")
    both = GOOD_ENTITY.replace(
        "  background:", "  citations:\n    - {source: voa-2002-05-10, quote: Shenyang}\n  background:"
    )
    (tmp_path / "entities.yml").write_text(marked + both.replace("id: shenyang", "id: town"), encoding="utf-8")
    assert problems(tmp_path) == [
        "entities.yml:4: entity 'shenyang': a role takes no [words]{inferred: …} mark: support it with 'citations' "
        "or 'background: <basis>'",
        "entities.yml:14: entity 'town': the role has both 'citations' and 'background': keep one",
    ]
