"""Live preview: re-run the converter when anything under sources/ changes; MkDocs serves and reloads docs/."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

from .errors import ExplainerError
from .project import Project, convert
from .site import check_hand_written, install_vendor_assets

POLL_SECONDS = 0.2


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and time of every file under `folder`; a file that vanishes while it is listed (an editor's swap
    file) is simply not in it."""
    found = {}
    for path in sorted(folder.rglob("*")):
        try:
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found[str(path)] = (info.st_mtime_ns, info.st_size)
    return found


def _say(message: str) -> None:
    print(f"explainer: {message}", file=sys.stderr, flush=True)


def _reconvert(project: Project) -> None:
    """Convert again; any failure is shown and the last good pages stay served until the input is fixed."""
    root = f"{project.root}/"
    try:
        _, changed = convert(project)
    except ExplainerError as exc:
        problems = "\n".join(f"error: {str(p).replace(root, '')}" for p in exc.problems)
        _say(f"not updated, fix the input first (the last good pages are still served):\n{problems}")
        return
    except Exception as exc:  # never let the watcher die: the preview would silently stop updating
        _say(f"not updated ({type(exc).__name__}: {exc}); still watching")
        return
    if changed:
        _say(f"regenerated {', '.join(changed)}")


def watch(project: Project, stop: threading.Event) -> None:
    folder = project.root / "sources"
    seen: dict[str, tuple[int, int]] | None = None
    while not stop.wait(POLL_SECONDS):
        try:
            now = snapshot(folder)
        except OSError as exc:  # sources/ itself moved away for a moment: look again on the next tick
            _say(f"cannot list {folder}: {exc.strerror}")
            continue
        if seen is not None and now != seen:
            _reconvert(project)
        seen = now


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
