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


def test_in_a_new_explainer_the_suggested_entity_builds(tmp_path: Path) -> None:
    """Two articles of another story naming the same person: suggest offers her, pasted she builds. With no
    threads yet, dated sentences are listed as comments, not as events the build would refuse."""
    folder = tmp_path / "harbour"
    made = run_explainer(tmp_path, "new", str(folder))
    assert made.returncode == 0, made.stderr
    articles = folder / "sources" / "articles"
    (articles / "harbour-2024-05-02.txt").write_text(
        "Pier Vote Passes\n\nPORT ELLIS, May 2, 2024 - Council chair Dana Whitcombe said the pier would reopen.\n"
    )
    (articles / "harbour-2024-06-10.txt").write_text(
        "Pier Work Starts\n\nPORT ELLIS, June 10, 2024 - Work began on June 3. Dana Whitcombe cut the ribbon.\n"
    )
    suggested = run_explainer(folder, "suggest")
    assert suggested.returncode == 0, suggested.stderr
    names, events = suggested.stdout.split("\n\n")
    assert "# Dana Whitcombe: 2 mentions in 2 sources: harbour-2024-05-02 ¶1; harbour-2024-06-10 ¶1" in names
    assert (
        "- id:" not in events
        and "harbour-2024-06-10 ¶1 (2024-06-03): PORT ELLIS, June 10, 2024 - Work began on June 3." in events
    )
    entities = folder / "sources" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8") + names + "\n", encoding="utf-8")
    built = run_explainer(folder, "convert")
    assert built.returncode == 0, built.stderr
    assert (folder / "docs" / "entities" / "dana-whitcombe.md").is_file()
