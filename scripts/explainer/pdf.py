"""`make pdf`: the whole explainer as one PDF, printed by Chromium from the built print page, with a title page
and a bookmark per chapter; the site then links it and the offline bundle is made again to hold it.

Chromium rather than WeasyPrint: it is the browser the tests already drive (Debian's package, through the pinned
Playwright), it renders Material's CSS exactly as readers see it, writes bookmarks from the headings
(`outline`), and needs no system libraries beyond it; WeasyPrint needs Pango from the system, which the project
does not install."""

from __future__ import annotations

import re
from pathlib import Path

from . import bundle
from .errors import ExplainerError

CHROMIUM = "/usr/bin/chromium"
PRINT_HTML = "print.html"
# Written by bundle_fragment into the pages that link the bundle; filled in once the PDF exists.
PDF_MARK = re.compile(rb'<span class="pdf-link">.*?</span><!--/pdf-link-->', re.S)
FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#000">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def pdf_name(root: Path) -> str:
    return bundle.bundle_name(root).removesuffix(".zip") + ".pdf"


def print_pdf(page_path: Path, target: Path) -> None:
    """Chromium prints the page from file:// with every other request refused (as a reader's browser offline)."""
    from playwright.sync_api import sync_playwright  # installed with the test tools; only `make pdf` needs it

    if not Path(CHROMIUM).exists():
        raise ExplainerError.one(Path(CHROMIUM), "missing: install Debian's chromium package to make the PDF")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        try:
            context = browser.new_context()
            context.route(
                "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
            )
            page = context.new_page()
            page.goto(page_path.resolve().as_uri())
            page.wait_for_load_state("load")
            page.pdf(
                path=str(target),
                format="A4",
                outline=True,  # bookmarks from the headings: one per chapter, its sections below
                tagged=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                prefer_css_page_size=True,
            )
        finally:
            browser.close()


def write_pdf(site: Path, root: Path) -> Path:
    """Print site/print.html to site/<bundle name>.pdf, link it from the pages that offer the bundle, re-zip."""
    source = site / PRINT_HTML
    if not source.is_file():
        raise ExplainerError.one(source, "missing: run `make site` first")
    target = site / pdf_name(root)
    partial = target.with_name(f".{target.name}.part")
    try:
        print_pdf(source, partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    link = (
        f'<span class="pdf-link"> Or <a href="{target.name}" download>the whole explainer as PDF</a> '
        f"({bundle.human_size(target.stat().st_size)}).</span><!--/pdf-link-->"
    ).encode()
    for page in sorted(site.rglob("*.html")):
        text = page.read_bytes()
        if PDF_MARK.search(text):
            page.write_bytes(PDF_MARK.sub(lambda _: link, text))
    bundle.write_bundle(site, root)
    return target
