"""Pages that grow with the corpus stay readable: an entity named in hundreds of articles, a home page over a
large corpus; many new articles extracted in parallel exactly as one by one. (Speed at scale is measured by
`make bench`, never asserted here.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from explainer.corpus import load_corpus
from explainer.project import Project, build_pages
from explainer.render import entity, urls
from explainer.render.home import HOME_SOURCES

COPIES = 30


def grown(project: Path) -> dict[str, str]:
    """The project with COPIES more copies of the 2011 Chosun report (3 mentions of Shenyang each)."""
    articles = project / "sources" / "articles"
    for number in range(COPIES):
        shutil.copy(articles / "chosun-2011-12-09.txt", articles / f"copy-{number:02d}.txt")
    _, out = build_pages(Project(project))
    return out


def test_an_entity_named_everywhere_quotes_the_first_mentions_and_keeps_every_one_in_its_data_file(
    project: Path,
) -> None:
    out = grown(project)
    page = out["entities/shenyang.md"]
    total = int(re.search(r"## Mentions in the sources \((\d+)\)", page).group(1))
    assert total > entity.QUOTED_MENTIONS
    section = page.split("## Mentions in the sources", 1)[1].split("\n## ", 1)[0]
    # The list is finished HTML: each link the source page's final address, checked by the converter.
    quoted = re.findall(r'^<li>“.+” — <a href="\.\./sources/([a-z0-9-]+)\.html#p-(\d+)">[^<]+</a></li>$', section, re.M)
    assert len(quoted) == entity.QUOTED_MENTIONS
    assert len(re.findall(r'href="[^"]*#p-\d+"', section)) == entity.QUOTED_MENTIONS  # no other paragraph link
    assert f"Show all {total} mentions" in section
    assert '<script src="../assets/javascripts/mentions.js"></script>' in section
    script = out[urls.mentions_data_path("shenyang")]
    data = json.loads(re.fullmatch(r'(?s).*window\.explainerMentions\["shenyang"\] = (.*);\n', script).group(1))
    listed = [(data["sources"][s][0], p) for s, p, _ in data["mentions"]]
    assert len(listed) == total  # every mention, each with its paragraph
    assert [(f"../sources/{key}.html", int(n)) for key, n in quoted] == listed[: entity.QUOTED_MENTIONS]
    paragraphs = {
        f"../sources/{s.id}.html": {p.number for p in s.paragraphs}
        for s in load_corpus(project / "sources" / "articles")
    }
    assert all(number in paragraphs[address] for address, number in listed)
    assert all(sentence.strip() for _, _, sentence in data["mentions"])
    # An entity named less often has everything in its page and no data file.
    assert urls.mentions_data_path("yoriko-kawaguchi") not in out
    assert "mention-list" not in out["entities/yoriko-kawaguchi.md"]


def test_home_lists_the_cited_sources_of_a_large_corpus_and_links_to_all(project: Path) -> None:
    out = grown(project)
    home, index = out["index.md"], out["sources/index.md"]
    total = len(list((project / "sources" / "articles").glob("*.txt")))
    assert total > HOME_SOURCES
    assert f"all {total} are listed in [Sources](sources/index.md)" in home
    assert "copy-00" not in home  # never cited
    assert "chosun-2011-12-09" in home  # cited by the narrative
    # The index's table is finished HTML: its links are the pages' final addresses.
    assert all(f'<a href="copy-{n:02d}.html">' in index for n in range(COPIES))


def test_the_real_site_home_lists_every_source() -> None:
    _, out = build_pages(Project(ROOT))
    home = out["index.md"]
    keys = [p.stem for p in (ROOT / "sources" / "articles").glob("*.txt")]
    assert len(keys) <= HOME_SOURCES
    assert all(f"sources/{key}.md" in home for key in keys)
    assert "are listed in [Sources]" not in home


# Run in a fresh interpreter: the test session's own threads (browser fixtures' servers) would rightly keep the
# extract stage from forking.
_PARALLEL_CHECK = """
import dataclasses, json, sys
from pathlib import Path
from typing import Any
from explainer import convert
from explainer.read import read_articles

articles = read_articles(Path(sys.argv[1]))
many = [dataclasses.replace(a, id=f"{a.id}-{n:03d}") for n in range(convert.PARALLEL_FROM // len(articles) + 1)
        for a in articles]
forked = []
real_context = convert.multiprocessing.get_context
convert.multiprocessing.get_context = lambda method: forked.append(method) or real_context(method)
in_parallel = convert.to_sources(many)
convert._EXTRACTED.clear()
new, convert.PARALLEL_FROM = convert.PARALLEL_FROM, len(many) + 1
one_by_one = convert.to_sources(many)
print(json.dumps({"articles": len(many), "from": new, "workers": convert._workers(), "forked": forked,
                  "same": in_parallel == one_by_one}))
"""


def test_many_new_articles_are_extracted_in_parallel_exactly_as_one_by_one() -> None:
    """At PARALLEL_FROM new articles the extract stage forks; every Source must equal the one-by-one result."""
    run = subprocess.run(
        [sys.executable, "-c", _PARALLEL_CHECK, str(ROOT / "sources" / "articles")],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "scripts")),
        check=True,
    )
    result = json.loads(run.stdout)
    assert result["articles"] >= result["from"]
    if result["workers"] < 2:
        pytest.skip("one core available: the parallel extract cannot run here")
    assert result["forked"] == ["fork"] and result["same"], result


def test_above_the_full_text_limit_search_holds_titles_only_and_the_pages_say_so(
    project: Path, browser: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corpus above search_scope's limit (lowered here to 10 sources for 35): the index holds each source page
    by its title, not its article text nor the lists that repeat every title; a reader's search still finds an
    article by its title, and both the article's page and the sources index say what search covers."""
    from browser_helpers import OfflinePage
    from explainer import search_scope
    from explainer.site import build_site
    from test_browser import search

    monkeypatch.setattr(search_scope, "FULL_TEXT_MAX_SOURCES", 10)
    grown(project)
    build_site(Project(project))
    site = project / "site"
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"] for d in docs}
    sources = sorted((project / "sources" / "articles").glob("*.txt"))
    assert len(sources) == 5 + COPIES
    assert {f"sources/{p.stem}.html" for p in sources} <= locations  # every article, by its title
    assert not [x for x in locations if x.startswith("sources/") and "#" in x]  # no article text section
    chosun = "Japan Gives Written Pledge to China Over N.Korean Defectors"
    lists = {"sources/index.html", "about.html#rights"}  # the lists of every source (home lists the cited ones)
    assert lists <= locations
    assert not [d["location"] for d in docs if chosun in d["text"] and d["location"] in lists]
    assert not [d for d in docs if "written pledge" in d["text"].lower() and d["location"].startswith("sources/")]
    note = "this site's search finds each article by its title only"
    for page in (site / "sources" / "voa-2002-05-10.html", site / "sources" / "index.html"):
        assert note in page.read_text(encoding="utf-8")
    with OfflinePage(browser) as offline:
        page = offline.open(site / "index.html")
        assert chosun in search(page, "Pledge")
        assert offline.errors == [], offline.errors
