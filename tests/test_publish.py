"""Publishing: the address set once (mkdocs.yml or SITE_URL), sitemap, canonical links, robots.txt, sharing
metadata and share images, the content security policy, `_headers`; and the site served by a plain static server
with gzip, under a folder and at the root, in real Chromium: every link of every page followed, the 404 page."""

from __future__ import annotations

import html
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
import yaml
from PIL import Image

from bench.static_server import serve
from conftest import FIRST_COMMIT, ROOT, SECOND_COMMIT, SUBPATH, TOPIC_CHANGED, copy_project, run_explainer
from explainer import publish

META = re.compile(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
SHARED = {"og:title", "og:description", "og:type", "og:site_name", "og:locale", "twitter:card", "twitter:title"}
INDIGO = "rgb(64, 81, 181)"  # Material's indigo: the header of a page whose stylesheets loaded
# Recorded in every page before its own scripts run: each CSP violation the browser reports.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def meta(page: Path) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in META.findall(page.read_text(encoding="utf-8"))}


# --- one address, set once --------------------------------------------------------------------------------------


def test_the_address_is_read_from_mkdocs_yml_and_overridden_by_site_url(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    root = copy_project(tmp_path / "project")
    assert run_explainer(root, "convert").returncode == 0  # writes what mkdocs.yml inherits from the story file
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("site_url:") == 1 and "site_url: !ENV [SITE_URL, null]" in text
    config.write_text(text.replace("!ENV [SITE_URL, null]", '!ENV [SITE_URL, "https://example.org/story/"]'))
    saved = os.environ.pop("SITE_URL", None)
    try:
        assert load_config(str(config))["site_url"] == "https://example.org/story/"
        os.environ["SITE_URL"] = "https://fork.example.net/preview"
        assert load_config(str(config))["site_url"] == "https://fork.example.net/preview/"
    finally:
        os.environ.pop("SITE_URL", None)
        if saved is not None:
            os.environ["SITE_URL"] = saved


def test_without_an_address_no_page_names_one(built_site: Path) -> None:
    every = pages(built_site)
    assert len(every) > 40
    for page in every:
        text = page.read_text(encoding="utf-8")
        assert not CANONICAL.search(text), page
        found = meta(page)
        assert set(found) >= SHARED, (page, SHARED - set(found))
        assert "og:url" not in found and "og:image" not in found and found["twitter:card"] == "summary", page
        assert "127.0.0.1" not in text and "example.org" not in text, page
    assert not (built_site / "robots.txt").exists()
    assert "<url>" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not (built_site / "assets" / "share").exists()


def test_with_an_address_sitemap_canonical_links_and_robots(published_site: tuple[Path, str]) -> None:
    site, address = published_site
    listed = dict(
        re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text("utf-8"))
    )
    expected = {address + p.relative_to(site).as_posix() for p in pages(site) if p.name != "404.html"}
    assert set(listed) == expected
    for page in pages(site):
        if page.name == "404.html":
            continue
        url = address + page.relative_to(site).as_posix()
        canonical = CANONICAL.findall(page.read_text(encoding="utf-8"))
        assert canonical == [url], page
        assert meta(page)["og:url"] == url, page
    # Each page is dated by the last commit that changed what it is made from (fixed dates in the copy's history).
    changed, first = SECOND_COMMIT[:10], FIRST_COMMIT[:10]
    assert listed[address + "topics/pledge.html"] == changed, TOPIC_CHANGED
    assert listed[address + "topics/incident.html"] == first
    assert listed[address + "sources/cns-2002-05-13.html"] == first
    assert listed[address + "about.html"] == first
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines() == ["User-agent: *", "Allow: /", f"Sitemap: {address}sitemap.xml"]


def test_sitemap_dates_follow_git_per_page_input() -> None:
    assert publish.page_inputs(ROOT, "sources/cns-2002-05-13.html") == [
        "sources/articles/cns-2002-05-13.txt",
        "sources/articles/cns-2002-05-13.yml",
    ]
    assert publish.page_inputs(ROOT, "entities/yoriko-kawaguchi.html") == ["sources/entities.yml"]
    assert publish.page_inputs(ROOT, "timeline.html") == ["sources/events.yml"]
    assert publish.page_inputs(ROOT, "topics/incident.html") == [
        "sources/narrative/topics/incident.md",
        "sources/events.yml",
    ]
    assert publish.page_inputs(ROOT, "about.html") == ["docs/about.md"]
    assert (ROOT / "docs" / "claims.md").is_file()  # written by the converter from sources/, not by hand
    assert publish.page_inputs(ROOT, "claims.html") == ["sources"]


# --- sharing ------------------------------------------------------------------------------------------------------


def test_every_page_shares_its_own_title_and_description_and_topics_their_image(
    published_site: tuple[Path, str],
) -> None:
    site, address = published_site
    topics = sorted((site / "topics").glob("*.html"))
    assert len(topics) == 3
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        found = meta(page)
        assert set(found) >= SHARED, (page, SHARED - set(found))
        assert found["og:site_name"] == "The Shenyang Consulate Incident" and found["og:locale"] == "en_GB"
        own = DESCRIPTION.search(text)
        assert own and found["og:description"] == html.unescape(own.group(1)) == found["twitter:description"], page
        assert found["og:title"] in html.unescape(re.search(r"<title>(.*?)</title>", text).group(1)), page
        if page in topics:
            image = site / "assets" / "share" / "topics" / page.with_suffix(".png").name
            assert found["og:type"] == "article" and found["twitter:card"] == "summary_large_image"
            assert found["og:image"] == found["twitter:image"] == address + image.relative_to(site).as_posix()
            with Image.open(image) as png:
                assert png.format == "PNG" and png.size == (1200, 630)
                assert len(png.convert("L").getcolors(256) or []) > 10  # text drawn on it, not a blank card
        else:
            assert "og:image" not in found and found["og:type"] == "website", page
    descriptions = {meta(p)["og:description"] for p in topics}
    assert len(descriptions) == 3  # each topic its own description, not the site's


def test_share_images_differ_per_topic_and_wrap_long_titles() -> None:
    from explainer import share_images

    one = share_images.card("The incident: 8 May 2002", "What happened at the gate.", "Site")
    two = share_images.card("The written pledge", "What happened at the gate.", "Site")
    assert one.size == two.size == (1200, 630) and one.tobytes() != two.tobytes()
    long_title = " ".join(["consulate"] * 40)
    pen = share_images.ImageDraw.Draw(one)
    font = share_images.ImageFont.load_default(72)
    lines = share_images.wrap(pen, long_title, font, 1040)
    assert len(lines) > 3 and all(pen.textlength(line, font=font) <= 1040 for line in lines)


# --- content security policy --------------------------------------------------------------------------------------


def test_every_page_has_a_policy_that_allows_only_the_site_and_hashed_theme_scripts(built_site: Path) -> None:
    for page in pages(built_site):
        text = page.read_text(encoding="utf-8")
        policies = POLICY.findall(text)
        assert len(policies) == 1, page
        directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        script = directives["script-src"].split()
        assert script[0] == "'self'" and all(s.startswith("'sha256-") for s in script[1:]), page
        assert "unsafe-eval" not in policies[0] and "unsafe-inline" not in directives["script-src"]
        assert not re.search(r"https?:|\*", policies[0]), page  # nothing remote, no wildcard
        assert text.index("Content-Security-Policy") < text.index("<script"), page  # before any script


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build whose About page holds an event handler written in its Markdown, and an inline script put into the
    built page (the build refuses one written in Markdown: see the test below)."""
    root = copy_project(tmp_path_factory.mktemp("injected") / "project")
    about = root / "docs" / "about.md"
    handler = '\n<img src="x.png" alt="" onerror="window.injected = \'handler\'">\n'
    about.write_text(about.read_text(encoding="utf-8") + handler, encoding="utf-8")
    result = run_explainer(root, "site")
    assert result.returncode == 0, result.stderr
    built = root / "site" / "about.html"
    text = built.read_text(encoding="utf-8")
    assert text.count("</article>") == 1
    built.write_text(text.replace("</article>", '<script>window.injected = "inline";</script></article>'), "utf-8")
    return root / "site"


def test_an_inline_script_written_in_a_page_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    about = root / "docs" / "about.md"
    written = about.read_text(encoding="utf-8")
    about.write_text(written + '\n<script>window.injected = "inline";</script>\n', encoding="utf-8")
    site_before = (root / "site").exists()
    result = run_explainer(root, "site")
    assert result.returncode == 1
    line = len(written.splitlines()) + 2
    assert result.stderr.splitlines() == [
        f"error: docs/about.md:{line}: an inline <script> in the page's content (about.html): the site's security "
        "policy runs only the site's own script files, so it would never run; put the code in a file under "
        "docs/assets/javascripts/"
    ]
    assert (root / "site").exists() == site_before


def test_an_inline_script_in_a_page_is_blocked_while_the_themes_run(injected_site: Path, browser: Any) -> None:
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        page = context.new_page()
        page.goto((injected_site / "about.html").as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.evaluate("window.injected") is None
        violations = page.evaluate("window.__violations")
        assert len(violations) == 2 and all(v.startswith("script-src") for v in violations), violations
        assert page.evaluate("typeof __md_get") == "function"  # Material's own inline script ran
        assert page.locator("input.md-search__input").is_visible()  # and its bundle
    finally:
        context.close()


# --- served by a static server, under a folder and at the root -----------------------------------------------------


# Every link's address, resolved: an SVG <a> (the map's places) has no string .href, only its attribute.
EVERY_LINK = "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"


class ServedPage:
    """Chromium on a site served on 127.0.0.1: requests elsewhere are aborted and listed; every response with an
    error status, every console error and every CSP violation is recorded."""

    def __init__(self, browser: Any, origin: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", lambda route: self._route(route, origin))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))

    def _route(self, route: Any, origin: str) -> None:
        if route.request.url.startswith(origin):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, url: str) -> Any:
        response = self.page.goto(url)
        self.page.wait_for_load_state("load")
        return response

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations")


@pytest.fixture
def served(browser: Any) -> Iterator[Any]:
    opened: list[tuple[Any, ServedPage]] = []

    def start(site: Path, prefix: str, port: int = 0) -> tuple[str, ServedPage]:
        server, base = serve(site, port, prefix)
        reader = ServedPage(browser, base.removesuffix(prefix) + "/")
        opened.append((server, reader))
        return base, reader

    yield start
    for server, reader in opened:
        reader.context.close()
        server.shutdown()


def crawl(reader: ServedPage, base: str) -> dict[str, int]:
    """Follow every link of every page from home, within the site: page address → status. Each page must come
    gzipped, load with no console error and no CSP violation, and hold every #fragment a link names."""
    seen: dict[str, int] = {}
    ids: dict[str, set[str]] = {}
    wanted: dict[str, set[str]] = {}
    queue = [base]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = reader.open(url)
        seen[url] = response.status
        assert response.status == 200, url
        assert response.headers.get("content-encoding") == "gzip", url
        assert reader.violations() == [] and reader.errors == [], (url, reader.violations(), reader.errors)
        ids[url] = set(reader.page.eval_on_selector_all("[id], a[name]", "es => es.map(e => e.id || e.name)"))
        for href in reader.page.eval_on_selector_all("a[href]", EVERY_LINK):
            target, fragment = urldefrag(href)
            if not target.startswith(base):
                assert urlsplit(target).hostname != "127.0.0.1", f"{url} links outside the site: {href}"
                continue
            if fragment:
                wanted.setdefault(target, set()).add(unquote(fragment))
            if target.endswith((".html", "/")):
                queue.append(target)
            else:  # a file such as an image: it must be there
                assert reader.page.request.get(target).status == 200, (url, href)
    for target, fragments in wanted.items():
        assert fragments <= ids.get(target, set()), (target, fragments - ids.get(target, set()))
    return seen


def check_not_found_page(reader: ServedPage, base: str) -> None:
    """A missing page deep in the site gets the 404 page, status 404, with its styles and working links."""
    response = reader.open(base + "no/such/folder/page.html")
    assert response.status == 404
    assert "404" in reader.page.locator("article").inner_text()
    header = reader.page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == INDIGO
    assert reader.violations() == [], reader.violations()
    links = reader.page.eval_on_selector_all("a[href]", EVERY_LINK)
    inside = [urldefrag(link)[0] for link in links if link.startswith(base)]
    assert len(inside) > 10
    for link in sorted(set(inside)):
        assert reader.page.request.get(link).status == 200, link
    reader.failed.remove(f"404 {base}no/such/folder/page.html")  # the one expected: the browser reports it too
    reader.errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")


def check_reader_features(reader: ServedPage, base: str) -> None:
    """Search, a citation's tooltip, the palette toggle and the timeline filter, under the policy."""
    page = reader.page
    reader.open(base + "topics/incident.html")
    page.locator("sup a.footnote-ref").first.hover()
    page.locator(".md-tooltip2").wait_for(state="visible")
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") != scheme
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Kawaguchi", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    reader.open(base + "timeline.html")
    items = page.locator(".nt-timeline-item")
    page.get_by_role("button", name="The written pledge").click()
    shown = sum(items.nth(i).is_visible() for i in range(items.count()))
    assert 0 < shown < items.count()
    assert reader.violations() == [] and reader.errors == [], (reader.violations(), reader.errors)


def test_served_under_a_folder_with_an_address(published_site: tuple[Path, str], served: Any) -> None:
    site, address = published_site
    where = urlsplit(address)
    assert where.path == SUBPATH
    base, reader = served(site, SUBPATH, where.port)
    assert base == address
    seen = crawl(reader, base)
    assert {urlsplit(u).path.removeprefix(SUBPATH) for u in seen} >= {
        p.relative_to(site).as_posix() for p in pages(site) if p.name not in {"404.html", "claims.html"}
    }
    check_not_found_page(reader, base)
    check_reader_features(reader, base)
    for path in ("sitemap.xml", "robots.txt", "assets/share/topics/incident.png"):
        assert reader.page.request.get(base + path).status == 200, path
    assert reader.blocked == [] and reader.failed == [], (reader.blocked, reader.failed)


def test_served_at_the_root_without_an_address(built_site: Path, served: Any) -> None:
    base, reader = served(built_site, "/")
    seen = crawl(reader, base)
    assert len(seen) >= len(pages(built_site)) - 2  # every page but 404 (and claims, linked from About)
    check_not_found_page(reader, base)
    check_reader_features(reader, base)
    assert reader.blocked == [] and reader.failed == [], (reader.blocked, reader.failed)


# --- publishing ---------------------------------------------------------------------------------------------------

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def check_workflow(path: Path) -> subprocess.CompletedProcess[str]:
    checker = Path(os.sys.executable).parent / "check-jsonschema"
    return subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(path)], capture_output=True, text=True
    )


def test_the_pages_workflow_matches_githubs_schema_and_runs_the_readme_commands(tmp_path: Path) -> None:
    result = check_workflow(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    assert check_workflow(broken).returncode != 0  # the schema does catch a wrong key
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    runs = [step.get("run", "") for step in steps]
    assert "make site" in runs and "make test" in runs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the sitemap dates pages from the whole history
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps)
    assert "SITE_URL" in WORKFLOW.read_text(encoding="utf-8")


def test_headers_give_fingerprinted_assets_a_year_and_everything_else_revalidation(built_site: Path) -> None:
    rules: list[tuple[str, str]] = []
    for line in (built_site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            rules.append((line, ""))
        elif line.strip().startswith("Cache-Control:"):
            rules[-1] = (rules[-1][0], line.split(":", 1)[1].strip())
    caching = [(path, value) for path, value in rules if value]
    assert len(rules) <= 100  # Cloudflare Pages reads at most 100 rules

    def rule_for(relative: str) -> list[str]:
        url = "/" + relative
        return [v for p, v in caching if p == url or (p.endswith("/*") and url.startswith(p[:-1]))]

    files = [p for p in built_site.rglob("*") if p.is_file() and p.name != "_headers"]
    for file in files:
        found = rule_for(file.relative_to(built_site).as_posix())
        assert len(found) == 1, (file, found)  # exactly one rule: hosts would join two Cache-Control values
        fingerprinted = re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", file.name)
        assert ("immutable" in found[0]) == bool(fingerprinted), file
    assert sum("immutable" in v for _, v in caching) >= 3  # Material's bundle, its stylesheets, the search worker
    assert rule_for("index.html") == ["public, max-age=0, must-revalidate"]
