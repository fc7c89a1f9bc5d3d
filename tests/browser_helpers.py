"""Helpers for real-browser tests: pages opened from file:// with every non-file request blocked and recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import ARTIFACTS


class OfflinePage:
    """A Playwright page whose network is off: requests outside file:// are aborted and listed in `blocked`."""

    def __init__(self, browser: Any, width: int = 1280, height: int = 900, scheme: str = "light", touch: bool = False):
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme, has_touch=touch, is_mobile=touch
        )
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, path: Path, fragment: str = "") -> Any:
        self.page.goto(path.resolve().as_uri() + fragment)
        self.page.wait_for_load_state("load")
        return self.page

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        target = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(target), full_page=False)
        return target

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> OfflinePage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def first_three(page: Any, query: str) -> list[str]:
    """Type the query into the search box and return the first three results' pages."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    if query.isascii():
        box.press_sequentially(query, delay=30)
    else:
        # As an input method commits a composed name: the text arrives in one input event, then the key that
        # committed it is released. (Playwright "types" characters that are not on the keyboard with no key
        # events at all, and Material's search box reads its value on keyup.)
        box.focus()
        page.keyboard.insert_text(query)
        page.keyboard.up("Enter")
    meta = page.locator(".md-search-result__meta")
    try:
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    except Exception as exc:  # the reader's view when nothing came: "No matching documents", "Initializing…"
        raise AssertionError(f"{query!r}: no results; the box says {meta.inner_text()!r}") from exc
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [link.split("?")[0].split("#")[0].removesuffix(".html") for link in links[:3]]
