"""Incremental preview (part of `make bench`): in `python -m explainer serve`, edit one article, time the re-render.

The preview runs on a free port of 127.0.0.1 as an editor would start it. Each edit appends a paragraph naming
an entity to a different article; the time runs from the file's write until the server serves both the
article's page with the new paragraph and the entity's page linking to that paragraph (its cross-link), read
over HTTP every 50 ms. Median of EDITS edits.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EDITS = 5
ENTITY = ("Yasuo Fukuda", "entities/yasuo-fukuda.html")  # an alias from sources/entities.yml and its page
START_TIMEOUT = 600.0
EDIT_TIMEOUT = 120.0


@dataclass
class PreviewTiming:
    samples_s: list[float]
    first_build_s: float

    @property
    def median_s(self) -> float:
        return statistics.median(self.samples_s)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait(check: Callable[[], bool], server: subprocess.Popen[bytes], timeout: float, what: str, log: Path) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if server.poll() is not None or time.perf_counter() > deadline:
            why = "the preview exited" if server.poll() is not None else f"not seen within {timeout:.0f} s"
            raise RuntimeError(f"preview: {what}: {why}; log:\n{log.read_text()[-2000:]}")
        time.sleep(0.05)


def measure_preview(project: Path, articles: list[str], env: dict[str, str]) -> PreviewTiming:
    """Serve `project`, then edit each of the first EDITS `articles` (file names under sources/articles/)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project / "preview.log"
    command = [sys.executable, "-m", "explainer", "--root", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=out, start_new_session=True)
    try:
        start = time.perf_counter()
        first = articles[0].removesuffix(".txt")
        _wait(lambda: _get(f"{base}sources/{first}.html") is not None, server, START_TIMEOUT, "the first build", log)
        first_build = time.perf_counter() - start
        samples = []
        for number, name in enumerate(articles[:EDITS]):
            page = f"{base}sources/{name.removesuffix('.txt')}.html"
            marker = f"Preview edit {number}"
            path = project / "sources" / "articles" / name
            text = path.read_text(encoding="utf-8").rstrip("\n")
            edited = f"{text}\n\n{marker}: {ENTITY[0]} was asked about the case again on the same day.\n"
            written = time.perf_counter()
            path.write_text(edited, encoding="utf-8")
            anchor: list[str] = []

            def article_shown(page: str = page, marker: str = marker, anchor: list[str] = anchor) -> bool:
                html = _get(page) or ""
                found = re.search(rf'id="(p-\d+)"[^>]*>(?:(?!</p>).)*{marker}', html, re.S)
                if found:
                    anchor[:] = [found.group(1)]
                return bool(found)

            def entity_links(name: str = name, anchor: list[str] = anchor) -> bool:
                return f"{name.removesuffix('.txt')}.html#{anchor[0]}" in (_get(base + ENTITY[1]) or "")

            _wait(article_shown, server, EDIT_TIMEOUT, f"{marker} on {page}", log)
            _wait(entity_links, server, EDIT_TIMEOUT, f"a link to {name}#{anchor[0]} on {ENTITY[1]}", log)
            samples.append(time.perf_counter() - written)
        return PreviewTiming(samples, first_build)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
