"""`make serve`: editing an article under sources/ shows up in the open browser without a restart."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the preview server exited"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_editing_an_article_reloads_the_page(project: Path, browser: Any) -> None:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    command = [sys.executable, "-m", "explainer", "--root", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=project, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}/sources/voa-2002-05-10.html"
    page = None
    try:
        wait_until_serving(url, process)
        page = browser.new_page()
        page.goto(url)
        first = page.locator("p#p-1")
        assert (first.text_content() or "").startswith("Japan is increasing pressure")
        article = project / "sources" / "articles" / "voa-2002-05-10.txt"
        article.write_text(article.read_text().replace("Japan is increasing", "Edited: Japan is increasing"))
        page.locator("p#p-1", has_text="Edited: Japan is increasing").wait_for(timeout=20_000)
        (project / "sources" / "articles" / "voa-2002-05-10.yml").write_text("outlet: Edited Outlet\n")
        page.locator(".source-meta", has_text="Edited Outlet").wait_for(timeout=20_000)
    finally:
        if page is not None:
            page.close()
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
