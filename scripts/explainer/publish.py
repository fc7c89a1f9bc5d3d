"""What the built site needs to be published on the web, added after MkDocs has written it: a content security
policy on every page (with the hashes of the theme's inline scripts, so only taken over the final HTML), `_headers`
with cache lifetimes for hosts that read it, and, when the site has an address, the sitemap's dates from git,
robots.txt and the share images. MkDocs itself writes the canonical links and the sitemap's entries from
`site_url`, and roots the 404 page's links at the address's path (so it works under any folder it names)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from . import share_images
from .errors import ExplainerError

# Everything from the site itself; inline scripts only by hash (added per page); no eval, plugins or remote
# anything. Inline styles stay allowed: Material and the timeline set style attributes, which cannot be hashed.
POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
CHARSET = '<meta charset="utf-8">'
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL)
NOT_SCRIPT_TYPE = re.compile(r"""\stype=["']?(?!(?:text|application)/javascript|module)""")
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
# The page's own content (its Markdown) lies inside Material's <article>; a script there is content, never hashed.
CONTENT = re.compile(r'<article class="md-content__inner.*</article>', re.DOTALL)
SEARCH_WORKER = re.compile(r'"search": "([^"]+)"')
SITEMAP_ENTRY = re.compile(r"(<loc>)([^<]+)(</loc>\s*<lastmod>)([^<]+)(</lastmod>)")
# Pages whose content is one curated data file (each entity page is its record in entities.yml).
DATA_PAGES = {
    "timeline": "sources/events.yml",
    "disputes": "sources/disputes.yml",
    "figures": "sources/figures.yml",
    "glossary": "sources/glossary.yml",
    "entities/": "sources/entities.yml",
}


SHIM = "assets/vendor/iframe-worker/shim.js"  # the copy of iframe-worker's shim the site serves (see site.py)


def finish(root: Path, site: Path, epoch: str) -> list[str]:
    """Everything publishing adds to the freshly built `site` (the staging folder, before it replaces site/); returns
    the pages (under site/) whose own content holds an inline script: the policy would block it, so the build
    refuses them (site.py names the input each came from)."""
    address = site_address(site)
    if address:  # without an address nothing names these files, and the offline bundle stays as it was
        share_images.draw(site)
        date_sitemap(root, site, address, int(epoch))
        (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {address}sitemap.xml\n", encoding="utf-8")
    worker = shim_inline_script(site / SHIM)
    scripted = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        page.write_text(with_policy(page, text, worker), encoding="utf-8")
        if content_scripts(text):
            scripted.append(page.relative_to(site).as_posix())
    return scripted


def write_headers(site: Path) -> None:
    """Last of the build, once every file is there (the offline zip included, which therefore never holds it)."""
    (site / "_headers").write_text(headers(site), encoding="utf-8")


def site_address(site: Path) -> str:
    """The address MkDocs resolved (mkdocs.yml's site_url or SITE_URL), read back from the home page's canonical
    link, so that the two can never disagree; '' when the site has none."""
    found = CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
    return found.group(1).removesuffix("index.html") if found else ""


# --- content security policy -------------------------------------------------------------------------------------


def with_policy(page: Path, text: str, worker: str) -> str:
    if CHARSET not in text:
        raise ExplainerError.one(page, f"no {CHARSET} to put the content security policy after")
    content = CONTENT.search(text)
    inside = range(content.start(), content.end()) if content else range(0)
    bodies = [
        m["body"]
        for m in INLINE_SCRIPT.finditer(text)
        if not _is_data_or_external(m["attrs"]) and m.start() not in inside
    ]
    search = SEARCH_WORKER.search(text)
    if search:  # from file://, the search worker runs in an iframe the shim writes with this inline script
        bodies.append(worker.replace("${e}", search.group(1)))
    hashes = "".join(f" 'sha256-{_digest(body)}'" for body in dict.fromkeys(bodies))
    policy = "; ".join(POLICY).format(hashes=hashes)
    return text.replace(CHARSET, f'{CHARSET}\n      <meta http-equiv="Content-Security-Policy" content="{policy}">', 1)


def content_scripts(text: str) -> int:
    """Inline scripts written in the page's own content (never hashed, so never run)."""
    content = CONTENT.search(text)
    found = INLINE_SCRIPT.finditer(content.group(0)) if content else ()
    return sum(not _is_data_or_external(m["attrs"]) for m in found)


def _is_data_or_external(attrs: str) -> bool:
    return " src=" in attrs or bool(NOT_SCRIPT_TYPE.search(attrs))


def _digest(body: str) -> str:
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")


def shim_inline_script(shim: Path) -> str:
    """The inline script iframe-worker writes into its iframe, with `${e}` left for the worker's address (the
    page's own relative "search" setting). The shim writes the source text of two of its functions into it, so
    they are read from the installed shim; tests/test_publish.py checks search still works under the policy."""
    source = shim.read_text(encoding="utf-8")
    template = re.search(r"<script>(postMessage=\$\{(\w+)\};importScripts=\$\{(\w+)\};.*?)<\\/script>", source)
    if not template:
        raise ExplainerError.one(shim, "iframe-worker's inline script not found: its hash cannot be computed")
    body = template.group(1)
    for name in (template.group(2), template.group(3)):
        body = body.replace("${" + name + "}", _function_source(shim, source, name))
    return body


def _function_source(shim: Path, source: str, name: str) -> str:
    start = source.find(f"function {name}(")
    if start < 0:
        raise ExplainerError.one(shim, f"function {name} not found")
    depth = 0
    for at in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[at], 0)
        if depth == 0:
            return source[start : at + 1]
    raise ExplainerError.one(shim, f"function {name} never closes")


# --- cache lifetimes ------------------------------------------------------------------------------------------

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")  # Material's bundle.<hash>.min.js and the like
LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=0, must-revalidate"  # pages, our own scripts and styles, the search index: always fresh


def headers(site: Path) -> str:
    """`_headers` (Netlify, Cloudflare Pages): a year for assets whose names change with their content, revalidation
    for everything else. No two rules match the same file, since these hosts join the values of every rule a path
    matches (a catch-all Cache-Control would be added to the long one): a folder with no fingerprinted file in it
    is one rule (`/topics/*`), other files are named one by one (hosts allow about 100 rules; this site needs 36)."""
    lines = ["# Written by the build (scripts/explainer/publish.py); paths are relative to where site/ is served.", ""]
    lines += ["/*", "  X-Content-Type-Options: nosniff", "  Referrer-Policy: strict-origin-when-cross-origin"]
    lines += ["/", f"  Cache-Control: {SHORT}"]
    for pattern, lifetime in _lifetimes(site, site):
        lines += [pattern, f"  Cache-Control: {lifetime}"]
    return "\n".join(lines) + "\n"


def _lifetimes(site: Path, folder: Path) -> list[tuple[str, str]]:
    rules = []
    for path in sorted(folder.iterdir()):
        name = "/" + path.relative_to(site).as_posix()
        if path.is_dir():
            if any(FINGERPRINTED.search(p.name) for p in path.rglob("*")):
                rules += _lifetimes(site, path)
            else:
                rules.append((f"{name}/*", SHORT))
        elif path.name != "_headers":
            rules.append((name, LONG if FINGERPRINTED.search(path.name) else SHORT))
    return rules


# --- sitemap ------------------------------------------------------------------------------------------------------


def date_sitemap(root: Path, site: Path, address: str, epoch: int) -> None:
    """Each page's <lastmod>: the last commit that changed its own inputs (reproducible; the build time is not)."""
    changed = last_changes(root)
    fallback = epoch

    def dated(match: re.Match[str]) -> str:
        page = html.unescape(match[2]).removeprefix(address)
        inputs = page_inputs(root, page)
        times = [t for path, t in changed.items() for i in inputs if path == i or path.startswith(i + "/")]
        day = datetime.fromtimestamp(max(times, default=fallback), UTC).strftime("%Y-%m-%d")
        return f"{match[1]}{match[2]}{match[3]}{day}{match[5]}"

    sitemap = site / "sitemap.xml"
    text = SITEMAP_ENTRY.sub(dated, sitemap.read_text(encoding="utf-8"))
    sitemap.write_text(text, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=epoch))


def page_inputs(root: Path, page: str) -> list[str]:
    """The files (or folders) under sources/ and docs/ a built page is made from, as repository paths."""
    stem = page.removesuffix(".html")
    if stem == "sources/index":
        return ["sources/articles"]
    if stem.startswith("sources/"):
        key = stem.removeprefix("sources/")
        return [f"sources/articles/{key}.txt", f"sources/articles/{key}.yml"]
    for prefix, data in DATA_PAGES.items():
        if stem == prefix or (prefix.endswith("/") and stem.startswith(prefix)):
            return [data]
    if (root / "sources" / "narrative" / f"{stem}.md").is_file():  # home and topic pages also show the timeline
        return [f"sources/narrative/{stem}.md", "sources/events.yml"]
    generated = root / "docs" / ".generated"  # pages the converter writes from sources/ (claims, data, print)
    if (root / "docs" / f"{stem}.md").is_file() and f"{stem}.md" not in _lines(generated):
        return [f"docs/{stem}.md"]
    return ["sources"]


def _lines(path: Path) -> set[str]:
    return set(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else set()


def last_changes(root: Path) -> dict[str, int]:
    """Repository path → time of the last commit that changed it (empty outside a git checkout)."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", "sources", "docs"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changed: dict[str, int] = {}
    for commit in log.split("\0")[1:]:
        time, *paths = commit.strip().splitlines()
        for path in paths:
            changed.setdefault(path.strip(), int(time))
    return changed
