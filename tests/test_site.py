"""The real build (`python -m explainer site`, MkDocs strict) on throw-away copies of the project."""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_explainer

EVAL_ARTICLE = ROOT / "tests" / "evaldata" / "articles" / "voa-2002-05-09-asylum-incidents.txt"


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_site_builds_strict_with_zero_warnings(project: Path) -> None:
    assert run_explainer(project, "convert").returncode == 0
    assert run_explainer(project, "site").returncode == 0  # installs the shim too
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "check")],
        cwd=project,
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "scripts")),  # mkdocs.yml loads explainer.guarded_include
    )
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^WARNING\s+-", result.stderr, re.MULTILINE), result.stderr
    pages = sorted(p.name for p in (project / "site" / "sources").glob("*.html"))
    assert pages == sorted([f"{p.stem}.html" for p in (ROOT / "sources" / "articles").glob("*.txt")] + ["index.html"])
    for page in ("index", "topics/incident", "topics/fallout", "topics/pledge", "timeline", "disputes", "figures"):
        assert (project / "site" / f"{page}.html").exists(), page


def test_navigation_does_not_list_every_source(project: Path) -> None:
    assert run_explainer(project, "site").returncode == 0
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    nav_links = re.findall(r'<a href="([^"]+)" class="md-nav__link', html)
    assert "sources/index.html" in nav_links and "timeline.html" in nav_links
    assert not [link for link in nav_links if re.fullmatch(r"(sources|entities)/(?!index).*", link)]


def test_bad_article_stops_the_build_with_one_line_and_leaves_site_untouched(project: Path) -> None:
    assert run_explainer(project, "site").returncode == 0
    before_site, before_docs = tree_digest(project / "site"), tree_digest(project / "docs")
    cases = {
        "empty.txt": (b"", "error: sources/articles/empty.txt: the article is empty"),
        "binary.txt": (b"GIF89a\x01\x00\x00\x00\x00", "error: sources/articles/binary.txt:1: NUL byte: "),
        "latin1.txt": (
            b"Headline\n\nCaf\xe9 society.\n",
            "error: sources/articles/latin1.txt:3: not UTF-8: byte 0xe9",
        ),
    }
    for name, (data, expected) in cases.items():
        bad = project / "sources" / "articles" / name
        bad.write_bytes(data)
        result = run_explainer(project, "site")
        bad.unlink()
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(expected), result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        assert tree_digest(project / "site") == before_site
        assert tree_digest(project / "docs") == before_docs


def test_debug_flag_shows_the_traceback(project: Path) -> None:
    (project / "sources" / "articles" / "empty.txt").write_bytes(b"")
    result = run_explainer(project, "--debug", "convert")
    assert result.returncode == 1 and "Traceback" in result.stderr


def test_article_without_metadata_builds_with_inferred_fields(project: Path) -> None:
    shutil.copy(EVAL_ARTICLE, project / "sources" / "articles" / "new-voa-report.txt")
    result = run_explainer(project, "site")
    assert result.returncode == 0, result.stderr
    assert "note: sources/articles/new-voa-report.txt: no outlet given or found in the text" in result.stderr
    page = html.unescape((project / "site" / "sources" / "new-voa-report.html").read_text(encoding="utf-8"))
    assert "<title>N. Korean Asylum Incidents Increase Diplomatic Pressure on China" in page
    assert "given by the editor: none; inferred: title from the headline (line 5)" in page
    assert "<strong>9 May 2002</strong>" in page
    index = (project / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    assert index.index("new-voa-report.html") < index.index("voa-2002-05-10.html")  # 9 May sorts before 10 May


def test_convert_owns_its_output_and_is_byte_identical(project: Path) -> None:
    assert run_explainer(project, "convert").returncode == 0
    first = tree_digest(project / "docs")
    result = run_explainer(project, "convert")
    assert result.returncode == 0 and "0 files changed" in result.stdout
    assert tree_digest(project / "docs") == first
    (project / "sources" / "articles" / "cns-2002-05-22.txt").unlink()
    (project / "sources" / "articles" / "cns-2002-05-22.yml").unlink()
    result = run_explainer(project, "convert")
    assert result.returncode == 1  # events and pages cite it: every citation of it is reported
    assert "unknown source 'cns-2002-05-22' in a citation" in result.stderr
    assert tree_digest(project / "docs") == first  # nothing half-written


def test_pages_of_a_removed_article_are_removed(project: Path) -> None:
    extra = project / "sources" / "articles" / "extra-report.txt"
    shutil.copy(EVAL_ARTICLE, extra)
    assert run_explainer(project, "convert").returncode == 0
    assert (project / "docs" / "sources" / "extra-report.md").exists()
    extra.unlink()
    result = run_explainer(project, "convert")
    assert result.returncode == 0, result.stderr
    assert not (project / "docs" / "sources" / "extra-report.md").exists()


def test_converter_never_overwrites_a_hand_written_file(project: Path) -> None:
    mine = project / "docs" / "timeline.md"
    mine.write_text("# My own timeline")
    result = run_explainer(project, "convert")
    assert result.returncode == 1
    assert "docs/timeline.md: refusing to overwrite a file the converter did not generate" in result.stderr
    assert mine.read_text() == "# My own timeline"
