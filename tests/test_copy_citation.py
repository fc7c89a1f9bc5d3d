""" "Copy citation" on source pages, in real Chromium: words selected with the mouse (or the keyboard's Tab and
Enter) give [@key: "words"], trimmed to one paragraph, pasted from the real clipboard, found by the build in that
source; from file:// and over http, with nothing on the page moving and axe finding nothing."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import OfflinePage
from conftest import ROOT
from explainer.cite import locate
from explainer.corpus import load_corpus

SOURCE = "voa-2002-05-10"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# The client rectangles of a stretch of a paragraph's text: where a reader would press and release the mouse.
WORDS_AT = """([selector, from, to]) => {
  const p = document.querySelector(selector);
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const nodes = []; let n; while ((n = walker.nextNode())) nodes.push(n);
  const text = nodes.map(t => t.textContent).join('');
  const start = text.indexOf(from), end = text.indexOf(to, start) + to.length;
  function point(offset) {
    for (const t of nodes) { if (offset <= t.textContent.length) return [t, offset]; offset -= t.textContent.length; }
  }
  const range = document.createRange();
  range.setStart(...point(start)); range.setEnd(...point(end));
  const rects = range.getClientRects(), first = rects[0], last = rects[rects.length - 1];
  return {x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2};
}"""
BOXES = (
    "() => [...document.querySelectorAll('.article-text p, h1, h2')]"
    ".map(e => JSON.stringify(e.getBoundingClientRect()))"
)
SHIFTS = """() => { window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  window.__shift += e.value; }).observe({type: 'layout-shift', buffered: false}); }"""


def drag(page: Any, selector: str, start: str, end: str, end_selector: str | None = None) -> None:
    a = page.evaluate(WORDS_AT, [selector, start, start])
    b = page.evaluate(WORDS_AT, [end_selector or selector, end, end])
    page.mouse.move(a["x1"], a["y1"])
    page.mouse.down()
    page.mouse.move((a["x1"] + b["x2"]) / 2, (a["y1"] + b["y2"]) / 2, steps=4)
    page.mouse.move(b["x2"], b["y2"], steps=4)
    page.mouse.up()


def paste(page: Any) -> str:
    page.evaluate("() => { const t = document.createElement('textarea'); t.id = 'paste'; document.body.prepend(t); }")
    page.locator("#paste").focus()
    page.keyboard.press("Control+V")
    return page.locator("#paste").input_value()


def found_in_source(citation: str) -> bool:
    key, quote = citation.removeprefix("[@").removesuffix('"]').split(': "', 1)
    [source] = [s for s in load_corpus(ROOT / "sources" / "articles") if s.id == key]
    return locate(quote, source) is not None


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # no request log in the test output
            pass

    handler = functools.partial(Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("over", ["file", "http"])
def test_selected_words_copy_as_a_citation_the_build_accepts(
    built_site: Path, browser: Any, served: str, over: str
) -> None:
    with OfflinePage(browser) as offline:
        if over == "file":
            page = offline.open(built_site / "sources" / f"{SOURCE}.html")
        else:
            offline.context.unroute("**/*")
            offline.context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(served) else r.abort())
            page = offline.page
            page.goto(f"{served}sources/{SOURCE}.html")
        page.evaluate(SHIFTS)
        before = page.evaluate(BOXES)
        drag(page, "#p-3", "trying", "diplomats")
        button = page.locator("#p-3 button.copy-citation")
        button.wait_for(state="visible")
        assert button.inner_text() == "Copy citation"
        assert page.evaluate(BOXES) == before and page.evaluate("window.__shift") == 0  # nothing moved
        offline.screenshot(f"copy-citation-{over}")
        button.click()
        page.wait_for_function("() => document.querySelector('.copy-citation').textContent !== 'Copy citation'")
        assert button.inner_text() == "Citation copied"
        pasted = paste(page)
        assert pasted == f'[@{SOURCE}: "trying to protect Japanese diplomats"]'
        assert found_in_source(pasted)
        assert offline.errors == []
        if over == "file":
            assert offline.blocked == []


def test_a_selection_across_paragraphs_is_trimmed_to_the_first(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "sources" / f"{SOURCE}.html")
        rest = " ".join(page.locator("#p-3").inner_text().split("consulate in Shenyang", 1)[1].split())
        drag(page, "#p-3", "consulate in Shenyang", "video", end_selector="#p-4")
        button = page.locator("#p-3 button.copy-citation")
        button.click()
        # the clipboard is written asynchronously and holds the previous test's citation until then
        page.wait_for_function("() => document.querySelector('.copy-citation').textContent !== 'Copy citation'")
        assert button.inner_text() == "Citation copied"
        pasted = paste(page)
        assert pasted == f'[@{SOURCE}: "consulate in Shenyang{rest}"]' and "video" not in pasted
        assert found_in_source(pasted)


def test_keyboard_reaches_the_button_copies_and_escape_dismisses_it(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "sources" / f"{SOURCE}.html")
        drag(page, "#p-4", "video", "incident")
        page.locator("#p-4 button.copy-citation").wait_for(state="visible")
        page.focus("#p-4 .para-num")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className").startswith("copy-citation")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.querySelector('.copy-citation').textContent !== 'Copy citation'")
        assert page.locator("#p-4 .copy-citation").inner_text() == "Citation copied"
        assert page.locator(".copy-citation-status").inner_text() == "Citation copied"
        page.keyboard.press("Escape")
        assert page.locator(".copy-citation").count() == 0
        assert paste(page) == f'[@{SOURCE}: "video of the incident"]'


def test_axe_finds_nothing_with_the_button_shown(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(built_site / "sources" / f"{SOURCE}.html")
        drag(page, "#p-3", "trying", "diplomats")
        page.locator("#p-3 button.copy-citation").wait_for(state="visible")
        page.evaluate(AXE.read_text(encoding="utf-8"))  # not a script tag: the page's security policy blocks one
        result = page.evaluate(
            "async () => { const r = await axe.run(document); return {passes: r.passes.length,"
            " violations: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))}; }"
        )
        assert result["passes"] > 20 and result["violations"] == []
