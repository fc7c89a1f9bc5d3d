"""Reliability, class by class: each case breaks a real temporary project the way a hostile contributor or an
unlucky editor would, and the build must refuse it with exactly one line `error: file:line: …`, no traceback,
and the previous site/ and docs/ untouched."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import copy_project, run_explainer


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with a site built once; each case works on a copy of it."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_explainer(root, "site")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def fresh(built: Path, tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(built, target, symlinks=True)
    return target


def assert_refused(root: Path, where: str, *args: str, command: str = "site") -> None:
    """Run a build that must fail: exit 1, one `error: where: …` line, no traceback, site/ and docs/ untouched."""
    before = tree_digest(root / "site"), tree_digest(root / "docs")
    result = run_explainer(root, *args, command)
    output = result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 1, output
    assert len(errors) == 1, output
    assert errors[0].startswith(f"error: {where}: "), output
    assert all(line.startswith(("error:", "warning:")) for line in result.stderr.splitlines()), output
    assert "Traceback" not in output
    assert (tree_digest(root / "site"), tree_digest(root / "docs")) == before
    assert not list(root.glob("site.*")), "a staging or old site folder was left behind"


def first_prose_line(path: Path) -> int:
    """The number of the first line of prose of a narrative page (after its front matter and heading)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    end = lines.index("---", 1)
    return next(n for n, line in enumerate(lines, start=1) if n > end + 1 and line.strip() and line[0].isalpha())


def append_to_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] += text
    path.write_text("\n".join(lines), encoding="utf-8")


# --- 1. strict is strict: any MkDocs warning fails the build, named after the input it came from -----------


def _narrative_link(root: Path, link: str) -> str:
    page = root / "sources" / "narrative" / "topics" / "incident.md"
    number = first_prose_line(page)
    append_to_line(page, number, f" See [this]({link}).")
    return f"sources/narrative/topics/incident.md:{number}"


def _event_link(root: Path) -> str:
    events = root / "sources" / "events.yml"
    lines = events.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith("  text: ") and len(line) > 10)
    append_to_line(events, number, " See [the report](no-such-report.md).")
    return f"sources/events.yml:{number}"


def _about_link(root: Path) -> str:
    about = root / "docs" / "about.md"
    number = first_prose_line(about)
    append_to_line(about, number, " See [the appendix](appendix.md).")
    return f"docs/about.md:{number}"


def _nav_entry(root: Path) -> str:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - About: about.md", "  - About: about.md\n  - Extra: extra.md")
    config.write_text(text, encoding="utf-8")
    return f"mkdocs.yml:{text.splitlines().index('  - Extra: extra.md') + 1}"


def _include_outside(root: Path) -> str:
    page = root / "sources" / "narrative" / "topics" / "incident.md"
    number = first_prose_line(page)
    append_to_line(page, number, " {!../../mkdocs.yml!}")
    return f"sources/narrative/topics/incident.md:{number}"


def _bad_config_value(root: Path) -> str:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("use_directory_urls: false", "use_directory_urls: maybe")
    config.write_text(text, encoding="utf-8")
    return f"mkdocs.yml:{next(n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith('use_directory_urls'))}"


STRICT_CASES: dict[str, Callable[[Path], str]] = {
    "broken link in a narrative page": lambda root: _narrative_link(root, "missing.md"),
    "broken anchor in a narrative page": lambda root: _narrative_link(root, "#nowhere"),
    "broken link to another page's anchor": lambda root: _narrative_link(root, "../timeline.md#nowhere"),
    "broken link in an event's text": _event_link,
    "broken link in a hand-written page": _about_link,
    "nav entry for a missing page": _nav_entry,
    "MkDocs failure: include outside docs/includes/ in a narrative page": _include_outside,
    "MkDocs failure: a bad configuration value": _bad_config_value,
}


@pytest.mark.parametrize("case", STRICT_CASES)
def test_any_mkdocs_warning_fails_the_build_naming_the_input(fresh: Path, case: str) -> None:
    where = STRICT_CASES[case](fresh)
    assert_refused(fresh, where)
