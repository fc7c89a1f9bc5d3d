"""Acceptance checks on the story's content: coverage, the two groups of five, native names, citations."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from explainer.corpus import load_corpus
from explainer.data import load_data
from explainer.narrative import load_narrative
from explainer.project import Project, build_pages

SOURCES = load_corpus(ROOT / "sources" / "articles")
DATA = load_data(ROOT / "sources")
# Copied into the repository from the team's shared reference data (origin in sources/reference/README.md).
REFERENCE = (ROOT / "sources" / "reference" / "names.md").read_text(encoding="utf-8")


def reference_rows() -> dict[str, str]:
    rows = {}
    for line in REFERENCE.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in {"name in the sources", "---"} and not cells[0].startswith("-"):
            rows[cells[0]] = cells[1]
    return rows


def test_the_timeline_holds_events_from_every_source() -> None:
    cited = {c.source for event in DATA.events for c in event.citations}
    assert cited == {s.id for s in SOURCES}


def test_the_two_groups_of_five_are_never_conflated() -> None:
    for event in DATA.events:
        if "five-of-2002" in event.entities:
            assert event.date.startswith("2002"), event.id
            # The 2011 article speaks of the 2002 five only in "Since 2002, when another five …".
            assert all(c.source != "chosun-2011-12-09" or "2002" in c.quote for c in event.citations), event.id
        if "five-of-2008" in event.entities:
            assert event.date >= "2008", event.id
    assert not any({"five-of-2002", "five-of-2008"} <= set(e.entities) for e in DATA.events)


def test_native_names_come_only_from_the_reference() -> None:
    rows = reference_rows()
    for entity in DATA.entities:
        if entity.native:
            # The reference writes "钱其琛 (traditional 錢其琛)": its names in native script, in order.
            in_reference = re.findall(r"[^\sA-Za-z()]+", rows.get(entity.name, ""))
            assert [n.text for n in entity.native] == in_reference, entity.name
        else:
            assert entity.name not in rows, f"{entity.name} has a native name in the reference"


def test_everyone_in_the_reference_and_every_byline_has_a_page() -> None:
    names = {e.name for e in DATA.entities}
    assert {"Junichiro Koizumi", "Yasuo Fukuda", "Yoriko Kawaguchi", "Seiken Sugiura", "Qian Qichen"} <= names
    for name in reference_rows():
        base = re.sub(r" \(.*\)$", "", name)
        assert base in names or name in names, name
    authors = {s.metadata.get("author") for s in SOURCES} - {None}
    assert authors <= names


def test_every_topic_paragraph_cites_and_every_citation_resolves() -> None:
    pages = {p.path: p for p in load_narrative(ROOT / "sources" / "narrative")}  # raises on an uncited paragraph
    for topic in ("topics/incident.md", "topics/fallout.md", "topics/pledge.md"):
        assert len(pages[topic].uses) >= 15, topic
    _, out = build_pages(Project(ROOT))  # raises on any citation that does not resolve
    for thread in ("incident", "fallout", "pledge"):
        # The directive becomes a link to the thread's events on the timeline, filtered to that thread.
        topic = out[f"topics/{thread}.md"]
        assert "@timeline" not in topic and f"(../timeline.md#{thread})" in topic


def test_every_person_is_linked_from_the_narrative_or_its_timeline() -> None:
    _, out = build_pages(Project(ROOT))
    read = [text for path, text in out.items() if path.startswith("topics/") or path in ("index.md", "timeline.md")]
    narrative = "\n".join(read)
    for entity in DATA.entities:
        if entity.kind == "person" and entity.id != "patrick-goodenough":  # an author, linked from the index
            assert f"entities/{entity.id}.md" in narrative, entity.name


def test_sentences_do_not_break_after_abbreviations() -> None:
    from explainer.render.mentions import split_sentences

    text = "Others are in the U.S. Consulate in Shenyang. U.S. Sen. Sam Brownback said he would help. “We will.” Done."
    assert [s for _, _, s in split_sentences(text)] == [
        "Others are in the U.S. Consulate in Shenyang.",
        "U.S. Sen. Sam Brownback said he would help.",
        "“We will.”",
        "Done.",
    ]
    # Only the few characters before a break are read: a word that merely ends like an abbreviation still ends
    # its sentence, and a long run of initials is still one.
    text = "He saw Pravda Sen. Then AMr. Kim left. It was in the U.S.A. Embassy."
    assert [s for _, _, s in split_sentences(text)] == [
        "He saw Pravda Sen. Then AMr.",
        "Kim left.",
        "It was in the U.S.A. Embassy.",
    ]


def test_a_byline_or_an_outlet_links_its_entity_to_the_articles(built_site: Path) -> None:
    # named only in bylines and an outlet's line, which are not the articles' text: the page says so and links them
    chosun = (built_site / "entities" / "chosun-ilbo.html").read_text(encoding="utf-8")
    assert "Articles from Chosun Ilbo" in chosun and 'href="../sources/chosun-2011-12-09.html"' in chosun
    assert "named as the outlet of the articles above" in chosun
    goodenough = (built_site / "entities" / "patrick-goodenough.html").read_text(encoding="utf-8")
    assert (
        goodenough.count('href="../sources/cns-2002-05-') >= 2
        and "named as the author of the articles above" in goodenough
    )
