"""Search in the names' own scripts, typed into the box as a reader does, from file:// and over http."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import OfflinePage, first_three
from conftest import ROOT
from explainer.data import load_data

DATA = load_data(ROOT / "sources")
# Every native name in the data, and the shorter forms a reader types (a surname, the city in a longer name).
NATIVE_QUERIES = {name.text: entity.id for entity in DATA.entities for name in entity.native} | {
    "川口": "yoriko-kawaguchi",
    "小泉": "junichiro-koizumi",
    "総領事館": "consulate-general-shenyang",
}
ENGLISH_QUERIES = {
    "Kawaguchi": "entities/yoriko-kawaguchi",
    "Shenyang": "entities/consulate-general-shenyang",
    "written pledge": "topics/pledge",
}


def check_every_query(page: Any, home: str) -> None:
    for queries in (NATIVE_QUERIES, ENGLISH_QUERIES):
        for query, target in queries.items():
            page.goto(home)
            found = first_three(page, query)
            assert any(link.endswith(target) for link in found), (query, found)


def test_native_queries_cover_every_native_name_in_the_data() -> None:
    assert {"川口順子", "瀋陽", "沈阳", "小泉純一郎", "조선일보", "钱其琛", "錢其琛"} <= set(NATIVE_QUERIES)


def test_native_names_find_their_pages_from_file(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        check_every_query(offline.page, (built_site / "index.html").resolve().as_uri())
        assert offline.blocked == [] and offline.errors == []


@pytest.fixture
def served_site(built_site: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    handler = partial(Quiet, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_native_names_find_their_pages_over_http(served_site: str, browser: Any) -> None:
    context = browser.new_context()
    try:
        outside: list[str] = []

        def route(request_route: Any) -> None:
            url = request_route.request.url
            if url.startswith(served_site):
                request_route.continue_()
            else:
                outside.append(url)
                request_route.abort()

        context.route("**/*", route)
        check_every_query(context.new_page(), served_site + "index.html")
        assert outside == []
    finally:
        context.close()


# A run of native script in the search results' text that sits in no element marked with a language.
_UNMARKED_RESULTS = r"""() => {
  const out = [], marked = [];
  const walker = document.createTreeWalker(document.querySelector('.md-search-result'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]/.test(node.data)) continue;
    const owner = node.parentElement.closest('[lang]');
    (owner === document.documentElement ? out : marked).push([owner.lang, node.data]);
  }
  return {unmarked: out, marked};
}"""


def test_native_names_in_search_results_are_marked_with_their_language(built_site: Path, browser: Any) -> None:
    expected = {name.text: name.lang for entity in DATA.entities for name in entity.native}
    with OfflinePage(browser) as offline:
        for query in ("川口順子", "瀋陽", "沈阳", "조선일보", "錢其琛"):
            offline.open(built_site / "index.html")
            first_three(offline.page, query)
            found = offline.page.evaluate(_UNMARKED_RESULTS)
            assert found["unmarked"] == [], (query, found["unmarked"])
            # Each run that can belong to one language only (all the names holding it share it) is marked with
            # that language; and the name typed is among them (Material's highlight may split it into parts).
            for lang, text in found["marked"]:
                langs = {lang_of for name, lang_of in expected.items() if text in name}
                assert len(langs) != 1 or langs == {lang}, (query, text, lang)
            assert any(text in query and lang == expected[query] for lang, text in found["marked"]), found
            # Home shows no native name, so it does not link their fonts; the results that show one link them, and
            # the name is drawn in its language's font (this machine has no CJK font of its own).
            assert FAMILIES[expected[query]] in offline.page.evaluate(_LOADED_FACES), query
        assert offline.blocked == [] and offline.errors == []


FAMILIES = {"ja": "Noto Sans JP", "zh-Hans": "Noto Sans SC", "zh-Hant": "Noto Sans TC", "ko": "Noto Sans KR"}
_LOADED_FACES = (
    "() => document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded')"
    ".map(f => f.family.replaceAll('\"', '')))"
)
