"""Shared fixtures: a throw-away copy of the project for real builds, and a real headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"


# Figures tests measure and want shown at the end of every run (e.g. the boilerplate evaluation score).
SUMMARY: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in SUMMARY:
        terminalreporter.write_line(line)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


def copy_project(target: Path) -> Path:
    """A checkout in `target`: config, hand-written docs, sources; node_modules linked, not copied."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    generated = (ROOT / "docs" / ".generated").read_text(encoding="utf-8").splitlines()
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("vendor", ".generated"))
    for relative in generated:  # a fresh checkout has none of the generated pages
        if relative and not relative.startswith("#"):
            (target / "docs" / relative).unlink(missing_ok=True)
    shutil.copytree(ROOT / "sources", target / "sources")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def run_explainer(root: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI exactly as `make` does, in another process (a hang past `timeout` fails the test)."""
    env = {"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin", "HOME": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "explainer", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The site/ that `make site` built (make test depends on it)."""
    site = ROOT / "site"
    if not (site / "index.html").exists():
        result = run_explainer(ROOT, "site")
        assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()
