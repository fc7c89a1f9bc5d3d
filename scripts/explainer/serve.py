"""Live preview: re-run the converter when anything under sources/ changes; MkDocs serves and reloads docs/."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from .errors import ExplainerError
from .project import Project, convert
from .site import check_hand_written, install_vendor_assets

POLL_SECONDS = 0.2


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.rglob("*")) if p.is_file()}


def _reconvert(project: Project) -> None:
    try:
        _, changed = convert(project)
    except ExplainerError as exc:
        print(f"explainer: not updated, fix the input first:\n{exc}", file=sys.stderr, flush=True)
        return
    if changed:
        print(f"explainer: regenerated {', '.join(changed)}", file=sys.stderr, flush=True)


def watch(project: Project, stop: threading.Event) -> None:
    folder = project.root / "sources"
    seen = snapshot(folder)
    while not stop.wait(POLL_SECONDS):
        now = snapshot(folder)
        if now != seen:
            seen = now
            _reconvert(project)


def serve(project: Project, address: str) -> int:
    check_hand_written(project)
    convert(project)
    install_vendor_assets(project)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(project, stop), daemon=True)
    watcher.start()
    # --dirty: MkDocs re-renders only the pages whose Markdown is newer than their HTML. The converter rewrites
    # exactly the pages whose text changed (the article's page and every page linking to it: sources index,
    # entity pages), so cross-links stay right while the other pages are left alone. MkDocs logs a warning on
    # every dirty build, hence --no-strict here; warnings still show in the log, and `make site` stays strict.
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--no-strict"]
    command += ["--dev-addr", address]
    command += ["--config-file", str(project.config)]
    scripts = str(Path(__file__).resolve().parent.parent)  # mkdocs.yml loads explainer.guarded_include
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        PYTHONPATH=os.pathsep.join(filter(None, [scripts, os.environ.get("PYTHONPATH")])),
    )
    try:
        return subprocess.call(command, cwd=project.root, env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        stop.set()
