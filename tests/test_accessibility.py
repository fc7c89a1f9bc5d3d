"""Accessibility and validity of every page type: axe-core in Chromium, and the W3C Nu HTML validator."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import OfflinePage
from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGE_TYPES = [
    "index.html",
    "topics/incident.html",
    "timeline.html",
    "entities/index.html",
    "entities/yoriko-kawaguchi.html",
    "sources/index.html",
    "sources/cns-2002-05-13.html",
    "disputes.html",
    "figures.html",
    "glossary.html",
    "about.html",
    "claims.html",
    "data.html",
    "print.html",
]
# Messages the theme's own template causes, filtered by exact text (never our pages' markup):
THEME_VALIDATOR_MESSAGES = {
    # Material puts autocomplete="off" on its drawer/search checkbox toggles so Firefox does not restore them.
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
    # Material's palette toggle labels point at radio inputs it hides and switches with script.
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)], ids=["desktop", "mobile"])
def test_axe_finds_no_violations(built_site: Path, browser: Any, scheme: str, width: int, height: int) -> None:
    axe = AXE.read_text(encoding="utf-8")
    found: list[str] = []
    with OfflinePage(browser, width=width, height=height, scheme=scheme) as offline:
        for page_type in PAGE_TYPES:
            page = offline.open(built_site / page_type)
            page.evaluate("document.querySelectorAll('details.cite-this').forEach(d => { d.open = true; })")
            # Parts laid out only near the window (content-visibility: the claims, the map) painted, as they are
            # when a reader reaches them: unpainted, axe reads their colours' background from what lies there
            # meanwhile (the dark footer) and measures a contrast no reader sees.
            page.add_style_tag(content="* { content-visibility: visible !important; }")
            page.evaluate(axe)  # not a script tag: the page's content security policy would block it
            result = page.evaluate(
                "async () => { const r = await axe.run(document); return {"
                " passes: r.passes.length,"
                " violations: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))}; }"
            )
            assert result["passes"] > 20, f"axe did not run its rules on {page_type}"
            found += [f"{page_type}: {violation}" for violation in result["violations"]]
        assert offline.blocked == []
    assert found == []


def test_nu_validator_reports_no_errors(built_site: Path) -> None:
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(built_site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    pages = {m["url"] for m in messages}
    errors = [
        f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and m["message"] not in THEME_VALIDATOR_MESSAGES
    ]
    assert errors == []
    assert len(pages) >= len(PAGE_TYPES)  # the filtered theme messages prove every page was read


def test_every_page_over_http_makes_no_outside_request(built_site: Path, browser: Any) -> None:
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()
    outside: list[str] = []
    errors: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(base):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    try:
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and errors.append(f"{page.url}: {msg.text}"))
        for path in sorted(built_site.rglob("*.html")):
            if path.name == "404.html":
                continue
            page.goto(base + path.relative_to(built_site).as_posix())
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
        server.shutdown()
    assert outside == []
    assert errors == []


def test_every_page_from_file_makes_no_request_and_logs_no_error(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        for path in sorted(built_site.rglob("*.html")):
            if path.name != "404.html":
                offline.open(path).wait_for_load_state("networkidle")
        assert offline.blocked == []
        assert offline.errors == []
