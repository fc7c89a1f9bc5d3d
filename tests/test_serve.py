"""`make serve`: editing an article under sources/ shows up in the open browser without a restart, and the pages
that link to it (entity pages, the sources index) follow."""

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
        # The narrative names this outlet ("Voice of America reported …"), so the edit keeps the name: the support
        # lint would rightly refuse a narrative naming an outlet that no cited article has.
        (project / "sources" / "articles" / "voa-2002-05-10.yml").write_text("outlet: Voice of America Edited Outlet\n")
        page.locator(".source-lead", has_text="Edited Outlet").wait_for(timeout=20_000)
        # The preview re-renders only changed pages (--dirty); the pages that link to the article change too.
        paragraphs = page.locator("p.para").count()
        added = "Yasuo Fukuda was asked about the edited report at a news conference in Tokyo on the same day."
        article.write_text(article.read_text().rstrip("\n") + f"\n\n{added}\n")
        page.locator(f"p#p-{paragraphs + 1}", has_text=added).wait_for(timeout=20_000)
        page.goto(f"http://127.0.0.1:{port}/entities/yasuo-fukuda.html")
        link = page.locator(f'a[href="../sources/voa-2002-05-10.html#p-{paragraphs + 1}"]')
        assert "Edited Outlet" in link.inner_text(), link.inner_text()
        page.goto(f"http://127.0.0.1:{port}/sources/index.html")
        assert page.locator('a[href="voa-2002-05-10.html"]').count() == 1
        assert "Edited Outlet" in page.locator("tr", has=page.locator('a[href="voa-2002-05-10.html"]')).inner_text()
    finally:
        if page is not None:
            page.close()
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
