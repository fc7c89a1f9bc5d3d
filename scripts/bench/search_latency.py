"""Search latency from file:// in Chromium (part of `make bench`): last keystroke → results shown.

The site is opened from disk with every non-file request aborted, as a reader offline would. The first search
loads the index (timed on its own); then each query is typed, and the time from its last keystroke to the last
change of the result list is recorded. A MutationObserver stamps every change of the result list with
performance.now(), so the figure is the browser's own clock, not Playwright's round trips.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
QUERIES = (
    "Kawaguchi",
    "consulate",
    "Vienna Convention",
    "asylum seekers",
    "Koizumi",
    "Shenyang",
    "Brownback",
    "written pledge",
    "Manila",
    "defectors",
)
QUIET_MS = 600  # no change of the result list for this long: the results are shown

_OBSERVE = """
() => {
  window.__changes = [];
  const target = document.querySelector('.md-search-result');
  new MutationObserver(() => window.__changes.push(performance.now()))
    .observe(target, {childList: true, subtree: true, characterData: true});
}
"""


@dataclass
class SearchTiming:
    index_load_ms: float
    samples_ms: list[float]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)


def measure_search(site: Path, queries: tuple[str, ...] = QUERIES, timeout_ms: float = 30_000) -> SearchTiming:
    """`timeout_ms`: how long a keystroke may wait for the page (at N = 10,000, Material's search builds its index
    on the page's own thread from file://, and the page answers nothing meanwhile)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(timeout_ms)
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto((site / "index.html").as_uri())
        page.locator("label.md-search__icon, .md-search__input").first.click()
        search_input = page.locator("input.md-search__input")
        page.evaluate(_OBSERVE)
        start = page.evaluate("() => { window.__changes = []; return performance.now(); }")
        search_input.press_sequentially(QUERIES[0], delay=20)
        index_load = _wait_for_results(page, timeout_ms=timeout_ms) - start
        samples = [_type_and_time(page, search_input, query, timeout_ms) for query in queries]
        browser.close()
    return SearchTiming(index_load, samples)


def _type_and_time(page: object, search_input: object, query: str, timeout_ms: float = 120_000) -> float:
    search_input.fill("")  # type: ignore[attr-defined]
    page.wait_for_timeout(QUIET_MS)  # type: ignore[attr-defined]
    if not query.isascii():
        # A name in its own script arrives whole, as an input method commits it, then the committing key is
        # released (Material reads the box on keyup): timed from the commit.
        search_input.focus()  # type: ignore[attr-defined]
        start = page.evaluate("() => { window.__changes = []; return performance.now(); }")  # type: ignore[attr-defined]
        page.keyboard.insert_text(query)  # type: ignore[attr-defined]
        page.keyboard.up("Enter")  # type: ignore[attr-defined]
        return _wait_for_results(page, or_none=True, timeout_ms=timeout_ms) - start
    search_input.press_sequentially(query[:-1], delay=20)  # type: ignore[attr-defined]
    page.wait_for_timeout(QUIET_MS)  # type: ignore[attr-defined]
    start = page.evaluate("() => { window.__changes = []; return performance.now(); }")  # type: ignore[attr-defined]
    search_input.press(query[-1])  # type: ignore[attr-defined]
    return _wait_for_results(page, timeout_ms=timeout_ms) - start


def _wait_for_results(page: object, or_none: bool = False, timeout_ms: float = 120_000) -> float:
    """performance.now() of the result list's last change, once it has results (or, with `or_none`, says there
    are none: a search setting that cannot find native names still answers) and has been still a while."""
    page.wait_for_function(  # type: ignore[attr-defined]
        "([quiet, orNone]) => window.__changes.length > 0 && performance.now() - window.__changes.at(-1) > quiet "
        "&& (document.querySelectorAll('.md-search-result__item').length > 0 || (orNone && "
        "/No matching/.test(document.querySelector('.md-search-result__meta').textContent)))",
        arg=[QUIET_MS, or_none],
        timeout=max(120_000, timeout_ms),
    )
    return page.evaluate("() => window.__changes.at(-1)")  # type: ignore[attr-defined]


if __name__ == "__main__":
    import sys

    timing = measure_search(Path(sys.argv[1]).resolve())
    samples = ", ".join(f"{s:.0f}" for s in timing.samples_ms)
    print(f"first search (loads the index) {timing.index_load_ms:.0f} ms; median {timing.median_ms:.0f} ms; {samples}")
