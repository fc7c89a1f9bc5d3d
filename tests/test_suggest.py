"""`python -m explainer suggest`: its YAML, pasted unchanged below the last entity and the last event, builds."""

from __future__ import annotations

from pathlib import Path

from conftest import run_explainer
from explainer.data import CuratedData
from explainer.suggest import recurring_names


def test_suggestions_pasted_unchanged_build(project: Path) -> None:
    suggested = run_explainer(project, "suggest")
    assert suggested.returncode == 0, suggested.stderr
    names, events = suggested.stdout.split("\n\n")
    assert names.count("\n- id: ") >= 2 and events.count("\n- id: ") >= 1, suggested.stdout
    for name, part in (("entities.yml", names), ("events.yml", events)):
        path = project / "sources" / name
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + part + "\n", encoding="utf-8")
    built = run_explainer(project, "convert")
    assert built.returncode == 0, built.stderr
    again = run_explainer(project, "suggest").stdout
    assert "no entity: 0." in again and "no event cites: 0." in again, again


def test_a_recurring_name_is_counted_by_source_and_paragraph() -> None:
    from explainer.corpus import build_corpus
    from explainer.read import RawArticle

    texts = {
        "harbour-2024-05-02": "Pier Vote Passes\n\nCouncil chair Dana Whitcombe said the pier would reopen.\n",
        "harbour-2024-06-10": "Pier Work Starts\n\nWork began on Monday.\n\nDana Whitcombe cut the ribbon.\n",
        "other-2024-06-11": "Ferry Fares\n\nFares rise, said Lee Park.\n",
    }
    sources = build_corpus([RawArticle(k, Path(f"{k}.txt"), v, {}, None, {}) for k, v in texts.items()])
    [found] = recurring_names(sources, CuratedData())
    assert found.name == "Dana Whitcombe" and found.mentions == 2
    assert found.where == {"harbour-2024-05-02": [1], "harbour-2024-06-10": [2]}
    assert found.quote == (
        "harbour-2024-05-02",
        "Council chair Dana Whitcombe said the pier would",
    )  # four words each side
