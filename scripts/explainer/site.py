"""The whole build: convert, install browser assets from node_modules, run MkDocs into a temp folder, swap."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import mkdocs_output, publish
from .bundle import build_date_epoch, write_bundle
from .errors import ExplainerError, Problem
from .fonts import NativeFonts, plan_native_fonts
from .inputs import check_tree
from .project import Project, convert
from .site_parts import TOOL_ROOT
from .write import generated_files, read_generated, remove_leftovers, replace_folder, write_owned

# Browser-side assets installed by npm and served from the site itself (never from a CDN, never committed).
VENDOR_ASSETS = {"iframe-worker/shim.js": Path("node_modules/iframe-worker/shim/index.js")}


def install_vendor_assets(project: Project, *, cut_fonts: bool = True) -> tuple[dict[str, bytes], NativeFonts]:
    """Install the browser assets under docs/assets/vendor; returns them and the native-script fonts' plan.

    With cut_fonts=False the fonts still to cut are left out, for install_cut_fonts to add once cut."""
    # An explainer made with `new` outside this checkout uses the checkout's installed packages: the browser
    # assets and the fonts alike.
    node_modules = next((r / "node_modules" for r in (project.root, TOOL_ROOT) if (r / "node_modules").is_dir()), None)
    files: dict[str, bytes] = {}
    for target, origin in VENDOR_ASSETS.items():
        path = (node_modules or project.root / "node_modules").parent / origin
        if not path.is_file():
            raise ExplainerError.one(path, "missing: run `npm ci` (or `make site`) to install browser assets")
        files[target] = path.read_bytes()
    pages = (page.read_text(encoding="utf-8") for page in sorted(project.docs.rglob("*.md")))
    fonts = plan_native_fonts(node_modules or project.root / "node_modules", pages, previous=project.vendor)
    files.update(fonts.ready)
    if cut_fonts:
        files.update(fonts.cut())
    write_owned(project.vendor, files)
    return files, fonts


def install_cut_fonts(project: Project, site: Path, installed: dict[str, bytes], cut: dict[str, bytes]) -> None:
    """Add the fonts cut while MkDocs ran to docs/assets/vendor and to the site MkDocs built without them."""
    write_owned(project.vendor, {**installed, **cut})
    for target, content in cut.items():
        path = site / project.vendor.relative_to(project.docs) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def check_hand_written(project: Project) -> None:
    """The pages and assets under docs/ that MkDocs reads: regular files inside docs/, as sources/ must be."""
    owned = generated_files(project.docs) | {f"assets/vendor/{name}" for name in generated_files(project.vendor)}
    if problems := check_tree(project.docs, owned):
        raise ExplainerError(problems)


def run_mkdocs(project: Project, site_dir: Path) -> None:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", build_date_epoch(project.root))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner; noted in the README
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).resolve().parent.parent), env.get("PYTHONPATH")])
    )
    # No --quiet: with it, --strict exits 0 on warnings (MkDocs issue 4126). INFO lines are dropped below, and any
    # WARNING or ERROR fails the build, named after the input it came from.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(project.config), "--site-dir", str(site_dir)]
    result = subprocess.run(
        command, cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    found = mkdocs_output.problems(result.stdout, result.returncode, project.root, generated_files(project.docs))
    if found:
        raise ExplainerError(found)


def build_site(project: Project, notices: list[str] | None = None) -> list[str]:
    """Build site/ from scratch; on any failure the previous site/ and the pages under docs/ are left as they were."""
    check_hand_written(project)
    previous = read_generated(project.docs)
    staging = project.root / f"site.tmp-{os.getpid()}"
    try:
        sources, _ = convert(project, notices)
        installed, fonts = install_vendor_assets(project, cut_fonts=False)
        remove_leftovers(project.site)
        shutil.rmtree(staging, ignore_errors=True)
        # Cutting the fonts (fontTools, pure Python) runs in a thread of this process while MkDocs runs in its own:
        # neither waits for the other's CPU. No page links the cut files; native.css, which MkDocs copies, does.
        with ThreadPoolExecutor(max_workers=1) as beside:
            cutting = beside.submit(fonts.cut)
            run_mkdocs(project, staging)
            install_cut_fonts(project, staging, installed, cutting.result())
        scripted = publish.finish(project.root, staging, build_date_epoch(project.root))  # CSP, sitemap, share
        if scripted:  # a script in a page's content would be blocked by its policy: refused, not published dead
            raise ExplainerError([_scripted(project, page) for page in scripted])
        write_bundle(staging, project.root)  # after: the zip holds the pages as published, policy and all
        publish.write_headers(staging)  # cache lifetimes of every file, the zip included
        replace_folder(staging, project.site)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # first: on a full disk, restoring needs the space it held
        _restore(project, previous)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [f"{s.path.relative_to(project.root)}: {w}" for s in sources for w in s.warnings]


def _scripted(project: Project, page: str) -> Problem:
    """The input (with its line) of a built page whose content holds an inline script."""
    source = page.removesuffix(".html") + ".md"
    message = (
        f"an inline <script> in the page's content ({page}): the site's security policy runs only the site's own "
        "script files, so it would never run; put the code in a file under docs/assets/javascripts/"
    )
    return mkdocs_output.in_inputs(project.root, generated_files(project.docs), source, "<script", message)


def _restore(project: Project, previous: dict[str, bytes]) -> None:
    """Put back the pages of the last good build, so docs/ never holds pages MkDocs refused."""
    # On a full or read-only disk this fails too: the manifest still lists every page, so the next build replaces them.
    with contextlib.suppress(OSError, ExplainerError):
        write_owned(project.docs, previous)
