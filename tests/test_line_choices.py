"""An editor's `drop` and `keep` lines in an article's metadata file: the cleaning corrected without editing the raw
text, every entry checked against the text with the metadata file's line, and the result seen on the source page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_helpers import OfflinePage
from conftest import run_explainer
from explainer.corpus import build_corpus
from explainer.errors import ExplainerError
from explainer.line_choices import EDITOR_DROP
from explainer.read import read_article

ARTICLE = """\
Harbour Council Votes to Rebuild the Old Ferry Pier

By Morgan Hale

PORT ELLIS, May 2, 2024 - The harbour council voted on Thursday to rebuild the old ferry pier, closed since a
winter storm damaged its pilings.

The pier's pilings seen from the beach on a stormy day in January.

"The pier is how half the island gets to work," council chair Dana Whitcombe said after the vote.

Read more: Ferry timetable to change in June

Work is due to start in September and take eight months, the council said.

Share this story
"""
CAPTION = "The pier's pilings seen from the beach on a stormy day in January."  # kept by the cleaning
RELATED = "Read more: Ferry timetable to change in June"  # dropped by it


def article(tmp_path: Path, metadata: str) -> Path:
    path = tmp_path / "harbour-2024-05-02.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.with_suffix(".yml").write_text(metadata, encoding="utf-8")
    return path


def refusal(path: Path) -> list[str]:
    with pytest.raises(ExplainerError) as caught:
        read_article(path)
    return [f"{p.path.name}:{p.line}: {p.message}" for p in caught.value.problems]


def texts(path: Path) -> tuple[str, list[str]]:
    source = build_corpus([read_article(path)])[0]
    return "\n".join(p.text for p in source.paragraphs), source.warnings


def test_without_choices_the_cleaning_keeps_the_caption_and_drops_the_related_line(tmp_path: Path) -> None:
    text, _ = texts(article(tmp_path, "outlet: Port Ellis Gazette\n"))
    assert CAPTION in text and RELATED not in text  # what the choices below correct


def test_a_drop_and_a_keep_correct_the_cleaning(tmp_path: Path) -> None:
    path = article(
        tmp_path,
        "outlet: Port Ellis Gazette\n"
        "drop:\n"
        "  - The pier's pilings seen from the beach\n"  # its start is enough
        "keep:\n"
        "  - 'Read   more: Ferry timetable'\n",  # whitespace does not count
    )
    text, warnings = texts(path)
    assert CAPTION not in text and RELATED in text
    assert "council chair Dana Whitcombe said after the vote" in text
    source = build_corpus([read_article(path)])[0]
    assert [line.text for line in source.lines if line.dropped_by == EDITOR_DROP] == [CAPTION]
    assert not any("already" in w for w in warnings)


def test_a_choice_the_cleaning_already_makes_is_a_note(tmp_path: Path) -> None:
    _, warnings = texts(article(tmp_path, "drop:\n  - Share this story\n"))
    assert "its metadata's drop (line 2): the cleaning already drops “Share this story”" in warnings


def test_every_bad_choice_is_refused_with_the_metadata_files_line(tmp_path: Path) -> None:
    path = article(
        tmp_path,
        "outlet: Port Ellis Gazette\n"
        "drop:\n"
        "  - the new bridge opened\n"  # 3: in no line
        "  - The pier\n"  # 4: in two different lines
        "  - pier\n"  # 5: one word
        "  - The pier's pilings seen\n"  # 6
        "keep:\n"
        "  - pilings seen from the beach\n"  # 8: the line that line 6 names
        "  - [a, list]\n",  # 9: not a text
    )
    assert refusal(path) == [
        "harbour-2024-05-02.yml:5: 'drop': “pier” is one word; quote enough of the line to name it",
        "harbour-2024-05-02.yml:9: 'keep': each item must be the text of a line",
        "harbour-2024-05-02.yml:3: 'drop': “the new bridge opened” is in no line of harbour-2024-05-02.txt",
        "harbour-2024-05-02.yml:4: 'drop': “The pier” is in 2 different lines of harbour-2024-05-02.txt "
        "(lines 8, 10): quote more of the one you mean",
        "harbour-2024-05-02.yml:8: 'keep': “pilings seen from the beach” names line 8 of harbour-2024-05-02.txt, "
        "which line 6 already names",
    ]


def test_a_choice_field_must_be_a_list_given_once(tmp_path: Path) -> None:
    path = article(tmp_path, "drop: Share this story\nkeep:\n  - Read more\nkeep:\n  - Share this\n")
    assert refusal(path) == [
        "harbour-2024-05-02.yml:1: field 'drop' must be a list of lines (or their starts), one per item",
        "harbour-2024-05-02.yml:4: field 'keep' given twice",
    ]


def test_the_source_page_shows_the_corrected_text_offline(tmp_path: Path, browser: Any) -> None:
    folder = tmp_path / "harbour-row"
    made = run_explainer(tmp_path, "new", str(folder), "--title", "The Harbour Row")
    assert made.returncode == 0, made.stderr
    article(folder / "sources" / "articles", "drop:\n  - The pier's pilings seen\nkeep:\n  - 'Read more: Ferry'\n")
    built = run_explainer(folder, "site")
    assert built.returncode == 0, built.stderr
    with OfflinePage(browser) as offline:
        page = offline.open(folder / "site" / "sources" / "harbour-2024-05-02.html")
        shown = page.locator("p.para").all_inner_texts()
        assert any(RELATED in p for p in shown) and not any("pilings seen from the beach" in p for p in shown)
        removed = page.locator("details.removed-lines")
        removed.locator("summary").click()
        assert f"{EDITOR_DROP}: {CAPTION}" in " ".join(removed.inner_text().split())
        assert offline.blocked == [] and offline.errors == []
