"""What the site's own scripts cost on each page type, and on which pages they do something (`make bench-scripts`).

Each page type of the built site is opened from file:// in Chromium (desktop, the network off) with a performance
trace; for every script of ours (docs/assets/) the time Chromium spent evaluating it and running its handlers
(trace events EvaluateScript, FunctionCall and TimerFire with the script's address, the median over `--runs` loads),
and its size, raw and gzipped. A script is "used" on a page when the page holds what it works on (its selector
below); its cost on the other pages is paid for another page's feature.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "index.html",
    "topic": "topics/incident.html",
    "timeline": "timeline.html",
    "person": "entities/yoriko-kawaguchi.html",
    "source": "sources/cns-2002-05-13.html",
    "sources index": "sources/index.html",
    "glossary": "glossary.html",
    "about": "about.html",
}
# What each script works on: a page without it gets nothing from the script. Search (native-lang) and tooltips
# (tooltip-text, touch, accessibility) are on every page.
USED_WHEN = {
    "timeline-filter.js": ".thread-filter",
    "cite-this.js": ".cite-this",
    "copy-citation.js": ".para-num",
    "mentions.js": ".mention-list[data-mentions]",
    "native-lang.js": ".md-search",
    "native-names.js": ".md-search",
    "tooltip-text.js": "body",
    "touch.js": "body",
    "accessibility.js": ".md-search",
}
EVENTS = {"EvaluateScript", "FunctionCall", "TimerFire", "v8.compile"}


def script_times(trace: dict) -> dict[str, float]:
    """Milliseconds per script file name under assets/, from complete ('X') trace events."""
    spent: dict[str, float] = defaultdict(float)
    for event in trace.get("traceEvents", []):
        if event.get("name") not in EVENTS or event.get("ph") != "X":
            continue
        data = event.get("args", {}).get("data", {}) or event.get("args", {})
        url = data.get("url") or data.get("fileName") or ""
        if "/assets/" in url and "/vendor/" not in url and ".min.js" not in url:
            spent[url.rsplit("/", 1)[-1]] += event.get("dur", 0) / 1000
    return spent


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    site = args.site
    ours = {
        p.name: p
        for p in [*sorted((site / "assets" / "javascripts").glob("*.js")), site / "assets" / "native-names.js"]
        if not p.name.endswith(".min.js")  # Material's bundle
    }
    print(f"{'script':<20} {'bytes':>6} {'gzip':>5}  ms per page type (median of {args.runs}; * = the page uses it)")
    table: dict[str, dict[str, tuple[float, bool]]] = defaultdict(dict)
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for name, path in PAGES.items():
                runs: dict[str, list[float]] = defaultdict(list)
                used: dict[str, bool] = {}
                for run in range(args.runs):
                    context = browser.new_context()
                    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
                    page = context.new_page()
                    output = Path(folder) / f"trace-{run}.json"
                    browser.start_tracing(page=page, path=str(output), categories=["devtools.timeline", "v8"])
                    page.goto((site / path).resolve().as_uri())
                    page.wait_for_load_state("load")
                    page.wait_for_timeout(300)
                    browser.stop_tracing()
                    times = script_times(json.loads(output.read_text(encoding="utf-8")))
                    for script in ours:
                        runs[script].append(times.get(script, 0.0))
                    loaded = page.evaluate("[...document.scripts].map(s => s.src.split('/').pop())")
                    used = {
                        s: s in loaded and page.locator(USED_WHEN.get(s, "body")).count() > 0
                        for s in ours
                        if s in loaded
                    }
                    context.close()
                for script, values in runs.items():
                    if script in used:
                        table[script][name] = (statistics.median(values), used[script])
        finally:
            browser.close()
    for script, file in ours.items():
        body = file.read_bytes()
        cells = "  ".join(f"{page} {ms:.1f}{'*' if use else ''}" for page, (ms, use) in table.get(script, {}).items())
        print(f"{script:<20} {len(body):>6} {len(gzip.compress(body, 9)):>5}  {cells or 'not loaded'}")
    idle = [ms for per_page in table.values() for ms, use in per_page.values() if not use]
    print(
        f"time on pages that do not use the script: median {statistics.median(idle) if idle else 0:.2f} ms per script"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
