"""Incremental preview (part of `make bench`): in `python -m explainer serve`, edit one article, time the re-render.

The preview runs on a free port of 127.0.0.1 as an editor would start it. Each edit appends a paragraph naming
an entity to a different article; the time runs from the file's write until the server serves both the
article's page with the new paragraph and the entity's page linking to that paragraph (its cross-link: in the
page, or in the entity's mention data file when it is named more often than the page quotes), read over HTTP
every 50 ms. Median of EDITS edits.
"""

from __future__ import annotations

import json
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
from functools import partial
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


def _wait(find: Callable[[], str | None], server: subprocess.Popen[bytes], timeout: float, what: str, log: Path) -> str:
    """What `find` returns once it returns something, read every 50 ms."""
    deadline = time.perf_counter() + timeout
    while (found := find()) is None:
        if server.poll() is not None or time.perf_counter() > deadline:
            why = "the preview exited" if server.poll() is not None else f"not seen within {timeout:.0f} s"
            raise RuntimeError(f"preview: {what}: {why}; log:\n{log.read_text()[-2000:]}")
        time.sleep(0.05)
    return found


def _paragraph_with(url: str, marker: str) -> str | None:
    """The id of the paragraph holding `marker` on the page at `url`, once it is served."""
    found = re.search(rf'id="(p-\d+)"[^>]*>(?:(?!</p>).)*{marker}', _get(url) or "", re.S)
    return found.group(1) if found else None


def _linking(url: str, key: str, anchor: str) -> str | None:
    """The entity page's link to the new paragraph: in the page, or, for an entity named more than the page
    quotes, in the mention data file that its "Show all" button loads (entities/<id>.mentions.js)."""
    target = f"{key}.html#{anchor}"
    if target in (_get(url) or ""):
        return target
    data = re.search(r"= (\{.*\});\s*$", _get(url.removesuffix(".html") + ".mentions.js") or "", re.S)
    if not data:
        return None
    listed = json.loads(data.group(1))
    sources = [address.rsplit("/", 1)[-1] for address, _, _ in listed["sources"]]
    number = int(anchor.removeprefix("p-"))
    found = any(sources[source] == f"{key}.html" and paragraph == number for source, paragraph, _ in listed["mentions"])
    return target if found else None


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
        _wait(lambda: _get(f"{base}sources/{first}.html"), server, START_TIMEOUT, "the first build", log)
        first_build = time.perf_counter() - start
        samples = []
        for number, name in enumerate(articles[:EDITS]):
            key = name.removesuffix(".txt")
            marker = f"Preview edit {number}"
            path = project / "sources" / "articles" / name
            text = path.read_text(encoding="utf-8").rstrip("\n")
            edited = f"{text}\n\n{marker}: {ENTITY[0]} was asked about the case again on the same day.\n"
            written = time.perf_counter()
            path.write_text(edited, encoding="utf-8")
            page = f"{base}sources/{key}.html"
            anchor = _wait(partial(_paragraph_with, page, marker), server, EDIT_TIMEOUT, f"{marker} on {page}", log)
            link = f"{key}.html#{anchor}"
            _wait(partial(_linking, base + ENTITY[1], key, anchor), server, EDIT_TIMEOUT, f"{link} on {ENTITY[1]}", log)
            samples.append(time.perf_counter() - written)
        return PreviewTiming(samples, first_build)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
