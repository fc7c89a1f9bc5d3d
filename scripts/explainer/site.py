"""The whole build: convert, install browser assets from node_modules, run MkDocs into a temp folder, swap."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .bundle import build_date_epoch, write_bundle
from .errors import ExplainerError
from .project import Project, convert
from .scaffold import TOOL_ROOT
from .write import replace_folder, write_owned

# Browser-side assets installed by npm and served from the site itself (never from a CDN, never committed).
VENDOR_ASSETS = {"iframe-worker/shim.js": Path("node_modules/iframe-worker/shim/index.js")}


def install_vendor_assets(project: Project) -> None:
    files: dict[str, bytes] = {}
    for target, origin in VENDOR_ASSETS.items():
        # An explainer made with `new` outside this checkout uses the checkout's installed assets.
        path = next((p for p in (project.root / origin, TOOL_ROOT / origin) if p.is_file()), project.root / origin)
        if not path.is_file():
            raise ExplainerError.one(path, "missing: run `npm ci` (or `make site`) to install browser assets")
        files[target] = path.read_bytes()
    write_owned(project.vendor, files)


def run_mkdocs(project: Project, site_dir: Path) -> None:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", build_date_epoch(project.root))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner; noted in the README
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).resolve().parent.parent), env.get("PYTHONPATH")])
    )
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["--config-file", str(project.config), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=project.root, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        lines = [ln for ln in (result.stderr + result.stdout).splitlines() if ln.strip()]
        shown = [ln for ln in lines if ln.startswith(("WARNING", "ERROR", "Error", "Aborted"))] or lines[-5:]
        raise ExplainerError.one(project.config, "mkdocs build failed:\n  " + "\n  ".join(shown))


def build_site(project: Project, notices: list[str] | None = None) -> list[str]:
    """Build site/ from scratch; on any failure the previous site/ is left exactly as it was."""
    sources, _ = convert(project, notices)
    install_vendor_assets(project)
    staging = project.root / f"site.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        run_mkdocs(project, staging)
        write_bundle(staging, project.root)
        replace_folder(staging, project.site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [f"{s.path.relative_to(project.root)}: {w}" for s in sources for w in s.warnings]
