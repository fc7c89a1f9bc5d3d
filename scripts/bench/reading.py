"""Reading figures of a built site, measured in Chromium from file:// (desktop 1280 px and phone 390 px).

`python -m bench.reading [SITE]` prints what a reader meets: how often "inferred" is read on a page, how tall
the timeline is, how much of a topic page is its own prose, the size of citation markers' tap targets, and the
tables wider than a phone's screen; the first screen of five pages is kept in test-artifacts/reading/. Used
for the before/after figures of the reading-experience work."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
PAGES = ("index.html", "topics/incident.html", "topics/fallout.html", "topics/pledge.html", "timeline.html")
TABLE_PAGES = ("entities/index.html", "figures.html", "disputes.html", "sources/index.html")
# First screens kept as pictures (desktop and phone) for the reading review.
SHOTS = ("index.html", "topics/fallout.html", "timeline.html", "entities/index.html", "sources/cns-2002-05-13.html")


def _words(page: Page, selector: str) -> int:
    return page.evaluate(
        """(s) => [...document.querySelectorAll(s)]
              .map(e => e.innerText.split(/\\s+/).filter(Boolean).length).reduce((a, b) => a + b, 0)""",
        selector,
    )


def measure(site: Path, shots: Path | None = None) -> list[str]:
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width, label in ((1280, "desktop"), (390, "phone")):
            # The phone is a touch screen (pointer: coarse), as a reader's is.
            phone = label == "phone"
            context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=phone, is_mobile=phone)
            page = context.new_page()
            page.route(
                "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
            )
            for name in PAGES:
                page.goto((site / name).as_uri())
                # Parts laid out only near the window (content-visibility) measured at their real height, not the
                # stand-in height a browser gives them until then.
                page.add_style_tag(content="* { content-visibility: visible !important; }")
                inferred = page.evaluate(
                    "() => (document.querySelector('article').innerText.match(/inferred/gi) || []).length"
                )
                height = page.evaluate("() => document.documentElement.scrollHeight")
                # The numbered notes at the end are reference matter: their share of the height is given apart.
                notes = page.evaluate(
                    "() => Math.round(document.querySelector('article .footnote')?.getBoundingClientRect().height || 0)"
                )
                prose = _words(page, "article > p, article > ul > li")
                total = _words(page, "article")
                rows.append(
                    f"{label:7} {name:24} inferred×{inferred:<3} height {height:>6} px (notes {notes:>5})"
                    f"  words {prose}/{total}"
                )
            for name in SHOTS if shots else ():
                page.goto((site / name).as_uri())
                picture = shots / f"{label}-{name.replace('/', '-').removesuffix('.html')}.png"
                page.screenshot(path=str(picture))
                rows.append(f"{label:7} {name:24} first screen → {picture}")
            if label == "phone":
                page.goto((site / "topics/fallout.html").as_uri())
                size = page.evaluate(
                    """() => { const r = document.querySelector('a.footnote-ref, sup[id^=fnref] a')
                                 .getBoundingClientRect(); return [r.width, r.height]; }"""
                )
                rows.append(f"phone   citation marker tap target {size[0]:.1f} × {size[1]:.1f} px")
                for name in TABLE_PAGES:
                    page.goto((site / name).as_uri())
                    wide = page.evaluate(
                        """() => [...document.querySelectorAll('article table')]
                              .filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).length"""
                    )
                    rows.append(f"phone   {name:24} tables wider than the screen: {wide}")
            context.close()
        browser.close()
    return rows


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    folder = Path("test-artifacts") / "reading"
    folder.mkdir(parents=True, exist_ok=True)
    print("\n".join(measure(root, folder)))
