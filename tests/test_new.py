"""`python -m explainer new DIR`: a second explainer from the same code, built with no articles and with one, and
holding no word of this project's story (its title, name or any entity's name or alias)."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_explainer
from explainer.data import load_data

# An article of another story, written for this test: it names nobody and nowhere of this project's story.
ARTICLE = """\
Harbour Council Votes to Rebuild the Old Ferry Pier

By Morgan Hale

PORT ELLIS, May 2, 2024 - The harbour council voted on Thursday to rebuild the old ferry pier, closed since a
winter storm damaged its pilings.

"The pier is how half the island gets to work," council chair Dana Whitcombe said after the vote.

Work is due to start in September and take eight months, the council said.

"It was decided without us," Lee Park said. She runs the bakery by the pier.
"""

# The story grown by its editor: a thread with a topic page, two sides of a dispute, an event, people.
STORY = """\
title: The Harbour Row
name: the-harbour-row
description: An explainer built from one article about a ferry pier.
threads:
  - id: pier
    label: The pier vote
    page: topics/pier.md
    colour: "#00695c"
    dark_colour: "#80cbc4"
sides:
  - id: council
    label: The council
  - id: lee-park
    label: Lee Park
    kind: Person
pages:
  timeline: Every dated event of the harbour row.
"""
QUOTE = "The harbour council voted on Thursday to rebuild the old ferry pier"
DATA = {
    "entities.yml": f"""\
- id: council
  name: Harbour council
  kind: organisation
  role: The island's harbour council
  aliases: [harbour council]
  citations: [{{source: harbour-2024-05-02, quote: "{QUOTE}"}}]
- id: dana-whitcombe
  name: Dana Whitcombe
  kind: person
  role: Chair of the harbour council
  aliases: [Dana Whitcombe, Whitcombe]
  side: council
  citations: [{{source: harbour-2024-05-02, quote: "council chair Dana Whitcombe said"}}]
- id: lee-park
  name: Lee Park
  kind: person
  role: Runs the bakery by the pier
  aliases: [Lee Park]
  citations: [{{source: harbour-2024-05-02, quote: "She runs the bakery by the pier"}}]
""",
    "events.yml": f"""\
- id: vote
  date: 2024-05-02
  precision: day
  thread: pier
  title: The council votes to rebuild the pier
  text: The harbour council voted to rebuild the old ferry pier.
  citations: [{{source: harbour-2024-05-02, quote: "{QUOTE}"}}]
  entities: [council, dana-whitcombe]
""",
    "disputes.yml": """\
- id: asked
  question: Was the island asked?
  council:
    position: Whitcombe said the pier is how half the island gets to work.
    citations: [{source: harbour-2024-05-02, quote: "The pier is how half the island gets to work"}]
  lee-park:
    position: Park said it was decided without the islanders.
    citations: [{source: harbour-2024-05-02, quote: "It was decided without us"}]
""",
    "narrative/topics/pier.md": f"""\
---
title: The pier vote
description: How the harbour council decided to rebuild the ferry pier.
kind: topic
thread: pier
---

# The pier vote

The harbour council voted to rebuild the old ferry pier [@harbour-2024-05-02: "{QUOTE}"].

@timeline(pier)
""",
}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )


def story_words() -> re.Pattern[str]:
    """This project's story: its title and name, and the name and aliases of every entity (case kept, so that
    a word such as "context" in a theme file is not taken for a name)."""
    data = load_data(ROOT / "sources")
    words = {n for e in data.entities for n in (e.name, *e.aliases)} | {data.story.title, data.story.name}
    words |= {t.label for t in data.story.threads if " " in t.label}
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b")


def story_words_in(site: Path) -> dict[str, set[str]]:
    pattern, found = story_words(), {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix != ".zip":
            hits = set(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
            if hits:
                found[str(path.relative_to(site))] = hits
    return found


def page_text(path: Path) -> str:
    article = re.search(r"<article.*?</article>", path.read_text(encoding="utf-8"), re.S)
    assert article, path
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article.group(0))).split())


@pytest.fixture(scope="module")
def explainer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("second") / "harbour-row"
    made = run("new", str(folder), "--title", "The Harbour Row")
    assert made.returncode == 0, made.stderr
    return folder


def test_new_writes_a_story_file_articles_folder_and_narrative(explainer: Path) -> None:
    story = (explainer / "sources" / "story.yml").read_text(encoding="utf-8")
    assert 'title: "The Harbour Row"' in story and "name: the-harbour-row" in story
    assert (explainer / "sources" / "articles").is_dir()
    assert (explainer / "sources" / "narrative" / "index.md").is_file()
    assert (explainer / "mkdocs.yml").is_file()


def test_it_builds_with_no_articles_and_says_so(explainer: Path) -> None:
    built = run("--root", str(explainer), "site")
    assert built.returncode == 0, built.stderr
    site = explainer / "site"
    home = page_text(site / "index.html")
    assert "The Harbour Row" in home and "No articles yet" in home
    assert "<title>Timeline - The Harbour Row</title>" in (site / "timeline.html").read_text(encoding="utf-8")
    assert list(site.glob("the-harbour-row-explainer-*.zip"))
    assert story_words_in(site) == {}


def test_it_builds_with_one_article_dropped_in(explainer: Path) -> None:
    (explainer / "sources" / "articles" / "harbour-2024-05-02.txt").write_text(ARTICLE, encoding="utf-8")
    built = run("--root", str(explainer), "site")
    assert built.returncode == 0, built.stderr
    site = explainer / "site"
    home = page_text(site / "index.html")
    assert "No articles yet" not in home and "Harbour Council Votes to Rebuild the Old Ferry Pier" in home
    source = page_text(site / "sources" / "harbour-2024-05-02.html")
    assert "council chair Dana Whitcombe said after the vote" in source and "2 May 2024" in source
    assert "closed since a winter storm damaged its pilings." in source  # the lede's wrapped end kept with it
    assert story_words_in(site) == {}


def test_the_story_grows_threads_sides_and_pages_from_its_own_files(explainer: Path) -> None:
    """Threads, sides and descriptions come from the second story's files: its navigation, timeline filter,
    colours and disputes columns are its own, and still no word of this project's story appears."""
    article = explainer / "sources" / "articles" / "harbour-2024-05-02.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (explainer / "sources" / "story.yml").write_text(STORY, encoding="utf-8")
    for name, text in DATA.items():
        (explainer / "sources" / name).parent.mkdir(parents=True, exist_ok=True)
        (explainer / "sources" / name).write_text(text, encoding="utf-8")
    built = run("--root", str(explainer), "site")
    assert built.returncode == 0, built.stderr
    site = explainer / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="topics/pier.html"[^>]*>\s*(?:<[^>]+>\s*)*The pier vote', home), (
        "the thread's page in the nav"
    )
    timeline = (site / "timeline.html").read_text(encoding="utf-8")
    assert 'data-thread="pier"' in timeline and "The pier vote · 1" in timeline
    assert 'content="Every dated event of the harbour row."' in timeline
    assert "#00695c" in (site / "assets" / "stylesheets" / "story.css").read_text(encoding="utf-8")
    disputes = page_text(site / "disputes.html")
    assert "The council's position" in disputes and "Lee Park's position" in disputes
    assert "Questions on which the sources report The council and Lee Park apart" in disputes
    assert story_words_in(site) == {}


def converter_parts() -> dict[str, bytes]:
    """The converter's scripts and stylesheets, as its own explainer holds them (path under docs/ → bytes)."""
    docs = ROOT / "docs"
    paths = [*sorted((docs / "assets" / "javascripts").glob("*.js")), *(docs / "assets" / "stylesheets").glob("*.css")]
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in paths if p.name != "story.css"}


def test_new_copies_none_of_the_converters_parts_and_the_build_gives_the_current_ones(explainer: Path) -> None:
    """A new explainer holds no copy of the converter's scripts, stylesheets, theme overrides or MkDocs settings
    (copies drift from the converter); each build gives the current ones: every script and stylesheet byte for
    byte, the sharing metadata of the theme overrides, and the Markdown extensions of the converter's own site."""
    parts = converter_parts()
    assert len(parts) >= 10
    written = {p.relative_to(explainer).as_posix() for p in explainer.rglob("*") if p.is_file()}
    assert not {f"docs/{name}" for name in parts} & written - generated(explainer)
    assert not (explainer / "overrides").exists()
    config = yaml.safe_load((explainer / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert set(config) == {"INHERIT", "site_url"}

    (explainer / "docs" / "assets" / "javascripts" / "mentions.js").write_text("// edited in place\n")
    built = run("--root", str(explainer), "site")
    assert built.returncode == 0, built.stderr
    site = explainer / "site"
    assert {name: (site / name).read_bytes() for name in parts} == parts
    head = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="The Harbour Row">' in head, "the converter's theme overrides"
    given = yaml.safe_load((explainer / "docs" / "includes" / "story.mkdocs.yml").read_text(encoding="utf-8"))
    own = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    for setting in ("markdown_extensions", "plugins", "extra_css", "extra_javascript", "validation"):
        assert given[setting] == own[setting], setting
    assert "explainer.finished_html" in given["markdown_extensions"]


def test_an_explainers_own_stylesheet_replaces_the_converters(tmp_path: Path) -> None:
    """A stylesheet the explainer writes itself, where the converter would put its own, is the explainer's choice:
    the build keeps it (and never overwrites it)."""
    folder = tmp_path / "quiet-row"
    assert run("new", str(folder)).returncode == 0
    own = folder / "docs" / "assets" / "stylesheets" / "print.css"
    own.parent.mkdir(parents=True)
    own.write_text("/* this explainer's own print rules */\n", encoding="utf-8")
    built = run("--root", str(folder), "site")
    assert built.returncode == 0, built.stderr
    assert (folder / "site" / "assets" / "stylesheets" / "print.css").read_text() == own.read_text()
    assert own.read_text() == "/* this explainer's own print rules */\n"
    assert "assets/stylesheets/print.css" not in generated(folder)
    assert (folder / "site" / "assets" / "stylesheets" / "explainer.css").read_bytes() == converter_parts()[
        "assets/stylesheets/explainer.css"
    ]


def generated(explainer: Path) -> set[str]:
    manifest = explainer / "docs" / ".generated"
    lines = manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []
    return {f"docs/{line}" if not line.startswith("#") else "" for line in lines} - {""}


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    made = run("new", str(tmp_path))
    assert made.returncode == 1
    assert made.stderr.strip().splitlines() == [
        f"error: {tmp_path}: already exists and is not empty: choose a new folder for the explainer"
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_story_and_narrative_must_agree_each_error_on_one_line(project: Path) -> None:
    story = project / "sources" / "story.yml"
    text = story.read_text(encoding="utf-8").replace("page: topics/pledge.md", "page: topics/pledges.md")
    story.write_text(text.replace('colour: "#1f5fbf"', "colour: blue"), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "- id: pledge" in row)
    fallout = next(n for n, row in enumerate(text.splitlines(), start=1) if "#1f5fbf" in row)
    built = run_explainer(project, "convert")
    assert built.returncode == 1
    assert built.stderr.splitlines() == [
        f"error: sources/story.yml:{fallout}: thread: colour 'blue' must be written #rrggbb",
        f"error: sources/story.yml:{line}: thread 'pledge': page 'topics/pledges.md' is not a page under "
        "sources/narrative/",
    ]
    assert not (project / "docs" / "index.md").exists()  # nothing half-written
