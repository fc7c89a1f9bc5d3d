"""Reliability, class by class: each case breaks a real temporary project the way a hostile contributor or an
unlucky editor would, and the build must refuse it with exactly one line `error: file:line: …`, no traceback,
and the previous site/ and docs/ untouched."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, copy_project, run_explainer


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
    result = run_explainer(root, *args, command, timeout=180)  # a hang is a failure, not a stuck test run
    output = result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 1, output
    assert len(errors) == 1, output
    assert errors[0].startswith(f"error: {where}: "), output
    assert all(line.startswith(("error:", "note:")) for line in result.stderr.splitlines()), output
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
    # The navigation comes from the story file (docs/includes/story.mkdocs.yml, inherited); an editor may still
    # write one in mkdocs.yml, which wins.
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") + "nav:\n  - Home: index.md\n  - About: about.md\n  - Extra: extra.md\n"
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


# --- 3. nothing from outside the repository: only regular files, inside their folder, are read -------------

SECRET = "outside-the-repository-7c1f"


def _outside(root: Path) -> Path:
    """A folder beside the project (as ~/ or /etc would be) holding files an attacker would like published."""
    folder = root.parent / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.txt").write_text(f"A Headline\n\n{SECRET} is a line of text.\n", encoding="utf-8")
    (folder / "secret.yml").write_text(f"notes: {SECRET}\n", encoding="utf-8")
    (folder / "secret.md").write_text(f"---\ntitle: T\ndescription: D\n---\n\n{SECRET}\n", encoding="utf-8")
    return folder


def _link(root: Path, relative: str, target: Path | str) -> str:
    (root / relative).unlink(missing_ok=True)
    (root / relative).symlink_to(target)
    return relative


def _fifo(root: Path, relative: str) -> str:
    os.mkfifo(root / relative)
    return relative


def _socket(root: Path, relative: str) -> str:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(root / relative))  # the socket file stays after close
    server.close()
    return relative


def _folder(root: Path, relative: str) -> str:
    (root / relative).mkdir()
    return relative


OUTSIDE_CASES: dict[str, tuple[Callable[[Path], str], str]] = {
    "article linked to a file outside": (
        lambda r: _link(r, "sources/articles/leak.txt", _outside(r) / "secret.txt"),
        "symbolic link to",
    ),
    "metadata linked to a file outside": (
        lambda r: _link(r, "sources/articles/voa-2002-05-10.yml", _outside(r) / "secret.yml"),
        "symbolic link to",
    ),
    "narrative page linked to a file outside": (
        lambda r: _link(r, "sources/narrative/leak.md", _outside(r) / "secret.md"),
        "symbolic link to",
    ),
    "curated data linked to a file outside": (
        lambda r: _link(r, "sources/glossary.yml", _outside(r) / "secret.yml"),
        "symbolic link to",
    ),
    "narrative folder linked outside": (
        lambda r: _link(r, "sources/narrative/more", _outside(r)),
        "symbolic link to a folder",
    ),
    "hand-written page linked to a file outside": (
        lambda r: _link(r, "docs/leak.md", _outside(r) / "secret.md"),
        "symbolic link to",
    ),
    "dangling link as an article": (lambda r: _link(r, "sources/articles/gone.txt", "/nonexistent/x"), "dangling"),
    "dangling link as metadata": (lambda r: _link(r, "sources/articles/voa-2002-05-10.yml", "nowhere.yml"), "dangling"),
    "FIFO as an article": (lambda r: _fifo(r, "sources/articles/pipe.txt"), "a named pipe (FIFO)"),
    "FIFO as curated data": (lambda r: _fifo(r, "sources/figures.yml.new") and _fifo_data(r), "a named pipe (FIFO)"),
    "FIFO as a narrative page": (lambda r: _fifo(r, "sources/narrative/pipe.md"), "a named pipe (FIFO)"),
    "socket as an article": (lambda r: _socket(r, "sources/articles/sock.txt"), "a socket"),
    "folder as an article": (lambda r: _folder(r, "sources/articles/folder.txt"), "a folder"),
    "FIFO among the hand-written pages": (lambda r: _fifo(r, "docs/pipe.md"), "a named pipe (FIFO)"),
}


def _fifo_data(root: Path) -> str:
    (root / "sources" / "figures.yml").unlink()
    os.rename(root / "sources" / "figures.yml.new", root / "sources" / "figures.yml")
    return "sources/figures.yml"


@pytest.mark.parametrize("case", OUTSIDE_CASES)
def test_only_regular_files_inside_the_project_are_read(fresh: Path, case: str) -> None:
    make, message = OUTSIDE_CASES[case]
    where = make(fresh)
    assert_refused(fresh, where)
    result = run_explainer(fresh, "site", timeout=180)
    assert f"error: {where}: {message}" in result.stderr


def test_neoteroi_source_form_reads_no_file_and_fetches_nothing(fresh: Path) -> None:
    import http.server
    import threading

    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'[{"title": "fetched", "content": "fetched"}]')

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = _outside(fresh) / "secret.yml"
    secret.write_text(f"- title: {SECRET}\n  content: {SECRET}\n", encoding="utf-8")
    url = f"http://127.0.0.1:{server.server_port}/events.json"
    page = fresh / "sources" / "narrative" / "index.md"  # a "Read next" line: no sentence for the support lint
    line = f"\n\n**Read next:** [timeline({secret})] [timeline({url})]\n"
    page.write_text(page.read_text(encoding="utf-8") + line, encoding="utf-8")
    about = fresh / "docs" / "about.md"
    append_to_line(about, first_prose_line(about), f"\n\n[timeline({secret})]\n\n[timeline({url})]\n")
    try:
        result = run_explainer(fresh, "site", timeout=180)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    assert requests == []
    published = "\n".join(p.read_text(encoding="utf-8") for p in (fresh / "site").rglob("*.html"))
    assert SECRET not in published and "fetched" not in published
    for name in ("index.html", "about.html"):
        html = (fresh / "site" / name).read_text(encoding="utf-8")
        assert f"[timeline({secret})]" in html and f"[timeline({url})]" in html, name  # shown as typed


# --- 7. no traceback on bad YAML, anywhere: each problem at its file and line ------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)

BOMB_RECORD = "- id: bomb\n  topic:\n    " + BOMB.replace("\n", "\n    ")[:-4]  # the same, as a list's record


def _append(root: Path, relative: str, text: str, line_in_text: int = 1) -> str:
    """Append `text` to a file; the location of its line `line_in_text`, as an error names it."""
    path = root / relative
    old = path.read_text(encoding="utf-8")
    old = old if old.endswith("\n") else old + "\n"
    path.write_text(old + text, encoding="utf-8")
    return f"{relative}:{old.count(chr(10)) + line_in_text}"


def _front_matter(root: Path, relative: str, text: str, line_in_text: int = 1) -> str:
    """Insert `text` at the top of a narrative page's front matter (its line 2)."""
    path = root / relative
    path.write_text("---\n" + text + path.read_text(encoding="utf-8").removeprefix("---\n"), encoding="utf-8")
    return f"{relative}:{1 + line_in_text}"


def _break_front_matter_line(root: Path, relative: str, number: int) -> str:
    path = root / relative
    lines = path.read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    assert number < end + 1, "the page's front matter is shorter than the case needs"
    lines[number - 1] = "thread: incident: more"
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"{relative}:{number}"


def _deep(depth: int) -> str:
    """A glossary record whose definition is nested `depth` levels deep."""
    return "- term: deep\n  definition: " + "[" * depth + "x" + "]" * depth + "\n"


VOA_META = "sources/articles/voa-2002-05-10.yml"
YAML_CASES: dict[str, tuple[Callable[[Path], str], str]] = {
    "control character in metadata": (lambda r: _append(r, VOA_META, "author: A\x07B\n"), "character U+0007"),
    "control character in curated data": (
        lambda r: _append(r, "sources/glossary.yml", "- term: bell\n  definition: a\x1bb\n", 2),
        "character U+001B",
    ),
    "5,000-level nesting in curated data": (lambda r: _append(r, "sources/glossary.yml", _deep(5000), 2), "nested"),
    "5,000-level nesting in metadata": (lambda r: _append(r, VOA_META, "title: " + "[" * 5000 + "\n"), "nested"),
    "complex key in curated data": (
        lambda r: _append(r, "sources/glossary.yml", "- ? [term, x]\n  : definition\n"),
        "a key must be a plain name",
    ),
    "complex key in metadata": (lambda r: _append(r, VOA_META, "? {a: b}\n: c\n"), "a key must be a plain name"),
    "alias bomb in metadata": (lambda r: _append(r, VOA_META, BOMB), "anchors and aliases"),
    "alias bomb in curated data": (
        lambda r: _append(
            r, "sources/figures.yml", "- id: bomb\n  topic:\n    " + BOMB.replace("\n", "\n    ")[:-4], 3
        ),
        "anchors and aliases",
    ),
    "alias bomb in narrative front matter": (
        lambda r: _front_matter(r, "sources/narrative/topics/pledge.md", BOMB),
        "anchors and aliases",
    ),
    "control character in narrative front matter": (
        lambda r: _front_matter(r, "sources/narrative/topics/pledge.md", "kind: topic\nthread: \x01\n", 2),
        "character U+0001",
    ),
    "YAML error on line 7 of a front matter": (
        lambda r: _break_front_matter_line(r, "sources/narrative/topics/incident.md", 7),
        "YAML syntax error",
    ),
    "metadata date written 20020510": (lambda r: _append(r, VOA_META, "date: 20020510\n"), "date '20020510'"),
    "metadata date written as an ISO week": (lambda r: _append(r, VOA_META, "date: 2002W195\n"), "date '2002W195'"),
}


@pytest.mark.parametrize("case", YAML_CASES)
def test_bad_yaml_is_one_line_at_its_file_and_line(fresh: Path, case: str) -> None:
    make, message = YAML_CASES[case]
    where = make(fresh)
    assert_refused(fresh, where)
    result = run_explainer(fresh, "site", timeout=180)
    assert result.stderr.startswith(f"error: {where}: {message}"), result.stderr


def test_yaml_problems_are_reported_with_the_other_problems_of_the_run(fresh: Path) -> None:
    first = _append(fresh, VOA_META, BOMB)
    second = _append(fresh, "sources/glossary.yml", _deep(100), 2)
    result = run_explainer(fresh, "site", timeout=180)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 1
    assert [e.split(": ")[1] for e in errors] == [first, second], result.stderr


def test_a_narrative_page_may_start_with_a_byte_order_mark(fresh: Path) -> None:
    page = fresh / "sources" / "narrative" / "topics" / "pledge.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    result = run_explainer(fresh, "site", timeout=180)
    assert result.returncode == 0, result.stderr
    title = page.read_text(encoding="utf-8-sig").split("\n")[1].removeprefix("title: ")
    assert f"<title>{title} - " in (fresh / "site" / "topics" / "pledge.html").read_text(encoding="utf-8")


# --- 5. `make add` and file names: a name is data, never code, never YAML ----------------------------------

PAGE = ROOT / "tests" / "fixtures" / "pages" / "voa-asylum-seekers-to-leave-china.html"
INJECTED = ("`touch pwned-backtick`", "$(touch pwned-dollar)", "$(shell touch pwned-make)", "$$(touch pwned-double)")


def make_add(root: Path, file: Path, name: str | None = None) -> subprocess.CompletedProcess[str]:
    """`make add FILE=… [NAME=…]` in `root`, the arguments passed as a shell passes them once quoted."""
    command = ["make", "--no-print-directory", "-C", str(root), "add", f"FILE={file}"]
    command += [f"NAME={name}"] if name is not None else []
    env = {"PATH": os.environ["PATH"], "HOME": str(root)}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=root, timeout=300)


@pytest.fixture
def makeable(fresh: Path) -> Path:
    """The project copy with the Makefile and the real environment linked in, so `make add` runs in it."""
    shutil.copy2(ROOT / "Makefile", fresh / "Makefile")
    for name in ("scripts", ".venv", "requirements.lock", "pyproject.toml"):
        (fresh / name).symlink_to(ROOT / name)
    return fresh


def no_command_ran(root: Path) -> None:
    for folder in (root, root.parent, root / "sources" / "articles", Path.cwd()):
        assert not list(folder.glob("pwned-*")), folder


@pytest.mark.parametrize("injected", INJECTED)
def test_a_saved_pages_name_is_data_through_make(makeable: Path, injected: str) -> None:
    page = makeable.parent / f"page {injected}.html"
    shutil.copy(PAGE, page)
    result = make_add(makeable, page)
    assert result.returncode == 0, result.stderr
    no_command_ran(makeable)
    metadata = (makeable / "sources" / "articles" / "voanews-2002-04-27.yml").read_text(encoding="utf-8")
    assert f"page {injected}.html" in metadata


def test_a_line_break_in_a_name_injects_no_field(makeable: Path) -> None:
    page = makeable.parent / "page\nrights: injected\u2028author: injected\x85outlet: x.html"
    shutil.copy(PAGE, page)
    result = make_add(makeable, page)
    assert result.returncode == 0, result.stderr
    metadata = yaml.safe_load((makeable / "sources" / "articles" / "voanews-2002-04-27.yml").read_bytes())
    assert "rights" not in metadata and metadata.get("author") != "injected" and metadata["outlet"] != "x.html"
    assert "rights: injected" in metadata["notes"]
    assert run_explainer(makeable, "convert", timeout=180).returncode == 0


def _big_page(root: Path) -> Path:
    sentence = "The five North Koreans waited at the gate of the consulate for the police, report {}. "
    paragraphs = "".join(f"<p>{''.join(sentence.format(n * 20 + k) for k in range(20))}</p>\n" for n in range(1800))
    page = root.parent / "big.html"
    page.write_text(f"<html><body><article><h1>A long report</h1>{paragraphs}</article></body></html>")
    return page


ADD_REFUSALS: dict[str, tuple[Callable[[Path], tuple[Path, str | None]], str]] = {
    "NAME with a command in it": (
        lambda r: (PAGE, "x`touch pwned-backtick`$(touch pwned-dollar)"),
        "use lower-case words joined by hyphens",
    ),
    "NAME index": (lambda r: (PAGE, "index"), "name 'index' is reserved"),
    "NAME near the file name limit": (lambda r: (PAGE, "a" * 240), "characters long; the limit is 200"),
    "text over the build's size limit": (lambda r: (_big_page(r), None), "the next build would refuse its text"),
}


@pytest.mark.parametrize("case", ADD_REFUSALS)
def test_make_add_refuses_what_the_build_would_refuse(makeable: Path, case: str) -> None:
    make, message = ADD_REFUSALS[case]
    file, name = make(makeable)
    before = tree_digest(makeable / "sources")
    result = make_add(makeable, file, name)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode != 0
    assert len(errors) == 1 and errors[0].startswith(f"error: {file}: ") and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert tree_digest(makeable / "sources") == before
    no_command_ran(makeable)


def _article_named(root: Path, stem: str) -> str:
    shutil.copy(root / "sources" / "articles" / "voa-2002-05-10.txt", root / "sources" / "articles" / f"{stem}.txt")
    return f"sources/articles/{stem}.txt"


def _narrative_named(root: Path, stem: str) -> str:
    shutil.copy(root / "sources" / "narrative" / "topics" / "pledge.md", root / "sources" / "narrative" / f"{stem}.md")
    return f"sources/narrative/{stem}.md"


def _entity_index(root: Path) -> str:
    return _append(
        root,
        "sources/entities.yml",
        "- id: index\n  name: Index\n  kind: group\n  role: r\n  background: b\n  aliases: []\n",
    )


RESERVED_CASES: dict[str, tuple[Callable[[Path], str], str]] = {
    "an article named index": (lambda r: _article_named(r, "index"), "file name is reserved"),
    "an article name near the file name limit": (lambda r: _article_named(r, "a" * 240), "characters long"),
    "an entity with the id index": (_entity_index, "id 'index' is reserved"),
    "a narrative page name near the file name limit": (
        lambda r: _narrative_named(r, "n" * 240),
        "file name is over 200 bytes long",
    ),
}


@pytest.mark.parametrize("case", RESERVED_CASES)
def test_reserved_and_overlong_names_are_refused_by_the_build(fresh: Path, case: str) -> None:
    make, message = RESERVED_CASES[case]
    where = make(fresh)
    assert_refused(fresh, where)
    assert message in run_explainer(fresh, "site", timeout=180).stderr


# --- 6. interrupted builds never publish stale or half-written pages ---------------------------------------


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no cleanup of our own."""


GENERATIONS = [
    {"index.md": b"home v1", "sources/a.md": b"a v1", "sources/b.md": b"b v1"},
    {"index.md": b"home v2", "sources/a.md": b"a v1", "sources/new.md": b"new", "entities/x.md": b"x"},
    {"index.md": b"home v3", "sources/a.md": b"a v3"},  # the new article was deleted again
]


@pytest.mark.parametrize("crash_after", range(7))  # the run writes or removes 6 times: killed before each, or not
def test_a_conversion_killed_at_any_write_leaves_no_stale_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_after: int
) -> None:
    from explainer import write

    docs = tmp_path / "docs"
    (docs / "about.md").parent.mkdir(parents=True)
    (docs / "about.md").write_bytes(b"hand-written")
    write.write_owned(docs, GENERATIONS[0])
    real_write, real_unlink, calls = write.atomic_write, Path.unlink, [0]

    def counted(action: Callable[..., None]) -> Callable[..., None]:
        def run(*args: object, **kwargs: object) -> None:
            if calls[0] == crash_after:
                raise Killed
            calls[0] += 1
            action(*args, **kwargs)

        return run

    monkeypatch.setattr(write, "atomic_write", counted(real_write))
    monkeypatch.setattr(Path, "unlink", counted(real_unlink))
    killed = False
    try:
        write.write_owned(docs, GENERATIONS[1])  # killed after `crash_after` writes and removals
    except Killed:
        killed = True
    monkeypatch.undo()
    assert killed == (crash_after < 6)
    write.write_owned(docs, GENERATIONS[2])
    left = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert left.pop(".generated")
    assert left == {**GENERATIONS[2], "about.md": b"hand-written"}


@pytest.fixture(scope="module")
def clean_build(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The site a clean build makes of the project's sources (what any interrupted build must end up as)."""
    root = copy_project(tmp_path_factory.mktemp("clean") / "project")
    assert run_explainer(root, "site", timeout=300).returncode == 0
    return tree_digest(root / "site")


def test_builds_killed_at_random_points_are_followed_by_exactly_the_clean_site(
    built: Path, clean_build: dict[str, str], tmp_path: Path
) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    extra = root / "sources" / "articles" / "extra-report.txt"
    shutil.copy(ROOT / "tests" / "evaldata" / "articles" / "voa-2002-05-09-asylum-incidents.txt", extra)
    started = time.monotonic()
    assert run_explainer(root, "site", timeout=300).returncode == 0
    duration = time.monotonic() - started
    assert (root / "site" / "sources" / "extra-report.html").exists()
    extra.unlink()  # the editor deletes the article; every build below is killed before it finishes, but one
    chance = random.Random(13)
    env = {"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin", "HOME": str(root)}
    delays = sorted(chance.uniform(0.02, 1.0) * duration for _ in range(6))
    for delay in delays:
        build = subprocess.Popen(
            [sys.executable, "-m", "explainer", "--root", str(root), "site"],
            env=env,
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # kill -9 reaches MkDocs too
        )
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)
        build.wait()
    result = run_explainer(root, "site", timeout=300)
    assert result.returncode == 0, result.stderr
    assert tree_digest(root / "site") == clean_build, f"killed after {[round(d, 2) for d in delays]} s"
    assert not list(root.glob("site.*")), "a killed build's folder was left behind"
    assert not [p for p in (root / "docs").rglob(".*") if p.name != ".generated"], "temporaries left in docs/"


# A full disk, a read-only disk, site/ as a mount point: the project is copied onto a small tmpfs mounted in a
# private mount namespace (`unshare --mount --map-root-user`: no privileges needed where user namespaces are on).
IN_NAMESPACE = r"""
import hashlib, json, os, pathlib, shutil, subprocess, sys
mode, source, mount, scripts = sys.argv[1:5]
def digest(folder):
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}
def mount_tmpfs(where, kib):
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(where)], check=True)
size = sum(p.stat().st_size + 4096 for p in pathlib.Path(source).rglob("*") if p.is_file() and not p.is_symlink())
mount = pathlib.Path(mount)
mount_tmpfs(mount, size // 1024 + (1024 if mode == "full" else 16384))
root = mount / "project"
shutil.copytree(source, root, symlinks=True)
meta = root / "sources" / "articles" / "voa-2002-05-10.yml"
before = digest(root / "site"), digest(root / "docs")
if mode == "read-only":
    meta.write_text(meta.read_text() + "author: Changed Before The Disk Went Read-Only\n")
    before = digest(root / "site"), digest(root / "docs")
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
if mode == "mount-point":
    shutil.copytree(root / "site", mount / "site-copy")
    shutil.rmtree(root / "site")
    (root / "site").mkdir()
    mount_tmpfs(root / "site", 16384)
    shutil.copytree(mount / "site-copy", root / "site", dirs_exist_ok=True)
    meta.write_text(meta.read_text() + "author: Changed Before The Build\n")
    before = digest(root / "site"), digest(root / "docs")
env = {"PYTHONPATH": scripts, "PATH": "/usr/bin:/bin", "HOME": str(root)}
result = subprocess.run([sys.executable, "-m", "explainer", "--root", str(root), "site"], capture_output=True,
                        text=True, env=env, cwd=root, timeout=300)
after = digest(root / "site"), digest(root / "docs")
print(json.dumps({"returncode": result.returncode, "stderr": result.stderr, "stdout": result.stdout,
                  "unchanged": before == after, "leftovers": [p.name for p in root.glob("site.*")]}))
"""

DISK_CASES = {
    "full disk while MkDocs writes": ("full", "error: site: cannot be written", "No space left on device"),
    "read-only disk": ("read-only", "error: docs/", "Read-only file system"),
    "site/ is a mount point": ("mount-point", "error: site: cannot be replaced", "busy"),
}


@pytest.mark.parametrize("case", DISK_CASES)
def test_a_disk_that_cannot_take_the_build_is_one_line_and_the_previous_site_stays(
    built: Path, tmp_path: Path, case: str
) -> None:
    import json

    if subprocess.run(["unshare", "--mount", "--map-root-user", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs `unshare --mount --map-root-user` (user namespaces) to mount a small disk")
    mode, start, detail = DISK_CASES[case]
    (tmp_path / "mount").mkdir()
    command = ["unshare", "--mount", "--map-root-user", sys.executable, "-c", IN_NAMESPACE, mode]
    command += [str(built), str(tmp_path / "mount"), str(ROOT / "scripts")]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    errors = [line for line in result["stderr"].splitlines() if line.startswith("error:")]
    assert result["returncode"] == 1, result
    assert len(errors) == 1 and errors[0].startswith(start) and detail in errors[0], result["stderr"]
    assert all(line.startswith(("error:", "note:")) for line in result["stderr"].splitlines()), result
    assert "Traceback" not in result["stderr"] + result["stdout"]
    assert result["unchanged"], "site/ or docs/ changed"
    assert result["leftovers"] == []


# --- 8. the preview survives: it shows the error, keeps the last good pages, and recovers ------------------


def _fetch(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _article(page: str) -> str:
    """A page's content, without the live-reload script (it carries a new id on every request)."""
    return page[page.index("<article") : page.index("</article>")]


def _wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if condition():
                return
        time.sleep(0.3)
    raise AssertionError(f"not within {seconds} s: {what}")


def test_the_preview_keeps_watching_after_bad_yaml_and_vanishing_files(fresh: Path) -> None:
    import threading

    from test_serve import free_port, wait_until_serving

    port = free_port()
    log = fresh.parent / "serve.log"
    env = {"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin", "HOME": str(fresh)}
    command = [sys.executable, "-m", "explainer", "--root", str(fresh), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=fresh, env=env, stdout=output, stderr=output, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    events = fresh / "sources" / "events.yml"
    good = events.read_text(encoding="utf-8")
    stop = threading.Event()
    try:
        wait_until_serving(f"{base}/sources/voa-2002-05-10.html", process)
        timeline = _fetch(f"{base}/timeline.html")
        # 1. A control character: PyYAML's ReaderError used to kill the watcher thread.
        where = _append(fresh, "sources/events.yml", "- id: bell\n  title: a\x07b\n", 2)
        _wait_for(lambda: f"error: {where}: character U+0007" in log.read_text(errors="replace"), 20, "the error")
        assert process.poll() is None
        assert _article(_fetch(f"{base}/timeline.html")) == _article(timeline)  # the last good page is still served

        # 2. Editors' swap and backup files appearing and vanishing between listing and reading.
        def churn() -> None:
            articles = fresh / "sources" / "articles"
            while not stop.is_set():
                for name in (".voa-2002-05-10.txt.swp", "4913", "voa-2002-05-10.txt~", "scratch.txt"):
                    (articles / name).write_text("x")
                for name in (".voa-2002-05-10.txt.swp", "4913", "voa-2002-05-10.txt~", "scratch.txt"):
                    (articles / name).unlink(missing_ok=True)

        churner = threading.Thread(target=churn, daemon=True)
        churner.start()
        time.sleep(3)
        stop.set()
        churner.join()
        assert process.poll() is None

        # 3. Fixed: the preview picks up the next edit.
        events.write_text(good, encoding="utf-8")
        article = fresh / "sources" / "articles" / "voa-2002-05-10.txt"
        article.write_text(article.read_text().replace("Japan is increasing", "Japan is again increasing"))
        _wait_for(lambda: "Japan is again increasing" in _fetch(f"{base}/sources/voa-2002-05-10.html"), 30, "edit")
        assert "Traceback" not in log.read_text(errors="replace")
    finally:
        stop.set()
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


# --- 4. text stays text everywhere a reader can point: pages, contents entries, header titles, tooltips -------


# Material renders every tooltip as HTML: an element's title, and the text of an entry cut short (the header's page
# title, navigation and contents entries). Each field gets HTML Python-Markdown passes as HTML (spaces between the
# attributes) and a long word of HTML, raw or escaped, that cannot wrap, so its entry is cut short. No digits: the
# support lint reads numbers in cited text.
def _tag(name: str) -> str:
    return f"<img id={name} src=x onerror=alert(this.id)>"


def _word(name: str, escaped: bool = False) -> str:
    tag = f"<img/id={name}/src=x/onerror=alert(this.id)>" + "w" * 70
    return tag.replace("<", "&lt;").replace(">", "&gt;") if escaped else tag


def _hostile(name: str) -> str:
    return f"{_tag(name)} {_word(name + 'word')} {_word(name + 'escaped', escaped=True)} `{_tag(name + 'code')}`"


def _set_fields(root: Path, name: str, fields: dict[tuple[Any, ...], str]) -> None:
    path = root / "sources" / name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    for where, field in fields.items():
        record = records
        for key in where:
            record = record[key]
        record[field] = f"{record[field]} {_hostile(field.replace('_', '') + name[0])}"
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


HOSTILE_FIELDS = {  # file → {path to a record: field}
    "disputes.yml": {(0,): "question", (0, "japan"): "position"},
    "figures.yml": {(0,): "topic", (1,): "counts", (2,): "as_of"},
    "entities.yml": {(0,): "name", (1,): "role"},
    "glossary.yml": {(0,): "definition"},
}


@pytest.fixture(scope="module")
def hostile_text(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-text") / "project"
    shutil.copytree(built, root, symlinks=True)
    for name, fields in HOSTILE_FIELDS.items():
        _set_fields(root, name, fields)
    path = root / "sources" / "events.yml"
    events = yaml.safe_load(path.read_text(encoding="utf-8"))
    event = next(e for e in events if e.get("basis"))
    for field in ("title", "text", "basis"):
        event[field] = f"{_hostile('event' + field)} ::/timeline:: {event[field]}"
    path.write_text(yaml.safe_dump(events, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    for page, heading in (("topics/incident.md", "heading"), ("topics/fallout.md", "other")):
        path = root / "sources" / "narrative" / page
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\n## ", f"\n## {_hostile(heading)} ", 1), encoding="utf-8")
    with (root / "sources" / "articles" / "voa-2002-05-10.yml").open("a", encoding="utf-8") as metadata:
        title = f"{_word('headline')} {_word('headlineescaped', escaped=True)} Japan Increases Pressure"
        metadata.write(f"title: {json.dumps(title)}\n")
    result = run_explainer(root, "site", timeout=600)
    assert result.returncode == 0, result.stderr
    return root / "site"


# Every element that bears a tooltip Material renders from text: a title (glossary terms, titled links, header
# buttons) and an entry that may be cut short (header titles, navigation and contents entries). Citation markers'
# previews are copies of the page's own footnotes, which the page load already checks.
TOOLTIP_BEARING = "[title], .md-ellipsis, .explainer-ellipsis"
MARK_NEW_TOOLTIPS = """([selector, seen]) => {
    let marked = 0;
    for (const element of document.querySelectorAll(selector)) {
        const key = element.getAttribute("title") ?? "text:" + element.innerText;
        element.removeAttribute("data-point-here");
        if (seen.includes(key) || !element.getClientRects().length) continue;
        element.setAttribute("data-point-here", key);
        marked++;
    }
    return marked;
}"""


RECORD_TOOLTIPS = """window.tooltipsShown = [];
new MutationObserver((records) => {
    for (const record of records)
        for (const node of record.addedNodes)
            if (node.classList && node.classList.contains("md-tooltip2")) window.tooltipsShown.push(node.innerText);
}).observe(document, { childList: true, subtree: true });"""


def _point_at_every_tooltip(page: Any, seen: list[str], phone: bool) -> int:
    """Hover, as a reader would, every visible tooltip-bearing element whose tooltip was not seen on an earlier
    page (the same title or entry shows the same tooltip everywhere): at the top, scrolled (the header then shows
    the page's title) and, on a phone, with the navigation drawer and the contents open."""
    hovered = 0

    def sweep() -> None:
        nonlocal hovered
        page.evaluate(MARK_NEW_TOOLTIPS, [TOOLTIP_BEARING, seen])
        elements = page.locator("[data-point-here]")
        for index in range(elements.count()):
            element = elements.nth(index)
            with contextlib.suppress(Exception):  # hidden meanwhile (a drawer closing, a tooltip covering it)
                key = element.get_attribute("data-point-here", timeout=300)
                element.hover(timeout=300, force=True)
                page.wait_for_timeout(30)
                seen.append(key)
                hovered += 1

    sweep()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(150)
    sweep()
    if phone:
        for toggle in ("label[for='__drawer']", ".md-nav--primary label[for='__toc']"):
            if page.locator(toggle).count():  # a page without contents has no contents toggle
                with contextlib.suppress(Exception):
                    page.locator(toggle).first.click(timeout=1000)
                    page.wait_for_timeout(200)
                    sweep()
    return hovered


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (390, 844)], ids=["desktop", "phone"])
def test_hostile_text_never_runs_wherever_a_reader_points(
    hostile_text: Path, browser: Any, width: int, height: int
) -> None:
    from browser_helpers import OfflinePage

    ran: list[str] = []
    seen: list[str] = []
    shown: list[str] = []
    hovered = cut_short = 0
    with OfflinePage(browser, width=width, height=height) as offline:
        offline.page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
        offline.context.add_init_script(RECORD_TOOLTIPS)
        for site_page in sorted(hostile_text.rglob("*.html")):
            name = site_page.relative_to(hostile_text).as_posix()
            if name == "404.html":
                continue  # root-absolute asset links: never opened from disk
            page = offline.open(site_page)
            page.wait_for_timeout(100)
            cut_short += page.evaluate(
                "[...document.querySelectorAll('.explainer-ellipsis')]"
                ".filter(e => e.offsetWidth && e.scrollWidth > e.offsetWidth && e.innerText.includes('<img')).length"
            )
            hovered += _point_at_every_tooltip(page, seen, phone=width < 500)
            page.wait_for_timeout(200)
            shown += page.evaluate("window.tooltipsShown")
            assert ran == [], f"{name}: hostile text ran ({ran})"
        assert offline.blocked == [] and offline.errors == [], (offline.blocked, offline.errors)
        # Not vacuous: tooltips were shown, and entries holding hostile text were cut short (Material's case).
        assert hovered > 50 and len(shown) > 10 and cut_short > 0, (hovered, len(shown), cut_short)
        assert any(_tag("definitiong") in text for text in shown), shown  # a hostile definition, as typed
        # The hostile text is shown as typed: in a heading, in a tooltip, and "::/timeline::" inside an event.
        page = offline.open(hostile_text / "disputes.html")
        assert _tag("questiond") in page.locator("h2", has_text="questiond").inner_text()
        page = offline.open(hostile_text / "timeline.html")
        text = page.locator("article.md-typeset").inner_text()
        assert f"{_tag('eventtext')} " in text and "::/timeline::" in text
        # Search results hold the same text: shown, never run.
        page.locator("label[for='__search']" if width < 500 else ".md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially("onerror", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        assert "<img id=" in page.locator(".md-search-result").inner_text()
        page.wait_for_timeout(300)
    assert ran == []


def _term(root: Path, term: str) -> str:
    record = f"- term: {json.dumps(term)}\n  definition: d\n  background: b\n"
    return _append(root, "sources/glossary.yml", record)


@pytest.mark.parametrize("term", ["a\\", "x] <b>y</b> [z", "<b>"], ids=["backslash", "brackets", "tag"])
def test_a_glossary_term_that_would_turn_into_markup_is_refused(fresh: Path, term: str) -> None:
    """Every page ends with "*[term]: definition": a term Python-Markdown cannot read there becomes Markdown and
    HTML on every page."""
    where = _term(fresh, term)
    assert_refused(fresh, where)
    result = run_explainer(fresh, "site", timeout=180)
    assert "the term must be words, without [ ] \\ < >" in result.stderr, result.stderr


# --- 9. smaller: control characters in a headline, "U.S.", Japanese saved pages --------------------------------


@pytest.mark.parametrize("character", ["\x85", "\x86", "\x9b", "\u2028"])
def test_a_control_character_in_a_headline_keeps_the_page_title(fresh: Path, character: str) -> None:
    article = fresh / "sources" / "articles" / "cns-2002-05-22.txt"
    text = article.read_text(encoding="utf-8")
    assert text.startswith("China-Japan End Standoff")
    article.write_text(text.replace(" ", character, 1), encoding="utf-8")
    result = run_explainer(fresh, "site", timeout=180)
    assert result.returncode == 0, result.stderr
    page = (fresh / "site" / "sources" / "cns-2002-05-22.html").read_text(encoding="utf-8")
    assert "<title>China-Japan" in page and "End Standoff Over North Korean Defectors - " in page
    assert "title:" not in page  # the front matter is read as front matter, never printed


def test_a_term_ending_in_a_full_stop_gets_its_tooltip(built: Path) -> None:
    terms = yaml.safe_load((built / "sources" / "glossary.yml").read_text(encoding="utf-8"))
    definition = next(t["definition"] for t in terms if t["term"] == "U.S.")
    pages = [p.read_text(encoding="utf-8") for p in (built / "site").rglob("*.html")]
    assert any(f'<abbr title="{definition}">U.S</abbr>.' in page for page in pages)


JAPANESE_PAGE = """<!DOCTYPE html><html lang="ja"><head><meta charset="{charset}">
<title>瀋陽総領事館事件　中国警察が亡命希望者を連行</title><meta property="og:site_name" content="試験新聞">
<meta name="date" content="2002-05-09"></head><body><nav>ホーム | 国際 | 政治 | 経済</nav><article>
<h1>瀋陽総領事館事件　中国警察が亡命希望者を連行</h1>
<p>中国遼寧省瀋陽の日本総領事館に八日、北朝鮮から逃れてきたとみられる男女五人が駆け込もうとし、中国の武装警察官に取り押さえられた。</p>
<p>日本政府は、警察官が総領事館の敷地内に同意なく立ち入ったとして、中国側に抗議した。</p>
<p>五人は家族とみられ、二歳の女の子も含まれていた。映像は各国のテレビで繰り返し放送された。</p>
</article><footer>著作権 試験新聞</footer></body></html>"""


@pytest.mark.parametrize("encoding", ["utf-8", "shift_jis", "euc-jp"])
def test_a_saved_page_in_japanese_is_kept_through_make_add(makeable: Path, encoding: str) -> None:
    page = makeable.parent / "shenyang-ja.html"
    page.write_bytes(JAPANESE_PAGE.format(charset=encoding).encode(encoding))
    result = make_add(makeable, page, "shiken-2002-05-09")
    assert result.returncode == 0, result.stderr
    text = (makeable / "sources" / "articles" / "shiken-2002-05-09.txt").read_text(encoding="utf-8")
    assert "北朝鮮から逃れてきたとみられる男女五人" in text and "映像は各国のテレビで繰り返し放送された。" in text
    assert "3 paragraphs kept" in result.stdout, result.stdout
