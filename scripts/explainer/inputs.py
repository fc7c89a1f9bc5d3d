"""Opening input files: only regular files, inside the folder they belong to; never a link out, a FIFO or a device.

A symbolic link in sources/ would publish any file of the machine (`ln -s /etc/passwd x.txt`), and a FIFO where
an article is expected would hang the build. Every input is opened here without following a last link, without
blocking, and checked by `fstat` on the open file itself (no window between checking and reading).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ExplainerError, Problem

# Curated data, narrative pages and metadata files are a few hundred KiB; anything this big is not one of them.
MAX_INPUT_BYTES = 16 * 1024 * 1024
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def checked_target(path: Path, within: Path | None) -> Path:
    """`path`, or where its symbolic link leads when that is inside `within`; refused otherwise."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise ExplainerError.one(path, "no such file") from None
    except OSError as exc:
        raise ExplainerError.one(path, f"cannot be read: {exc.strerror}") from None
    if not stat.S_ISLNK(info.st_mode):
        return path
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise ExplainerError.one(path, f"dangling symbolic link (to {os.readlink(path)})") from None
    if within is not None and not target.is_relative_to(within.resolve()):
        where = f"{within.name}/"
        raise ExplainerError.one(
            path, f"symbolic link to {target}, outside {where}: inputs must be files inside {where} (copy it in)"
        )
    return target


def read_input(path: Path, within: Path | None, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file; one clear refusal (naming `path`) for anything else, and never a hang."""
    target = checked_target(path, within)
    try:
        mode = os.stat(target).st_mode
    except OSError as exc:
        raise ExplainerError.one(path, f"cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(mode):  # opening a socket fails and opening a device may act: refused before opening
        raise ExplainerError.one(path, f"{_kind(mode)} where a file is expected")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(target, flags)
    except OSError as exc:
        raise ExplainerError.one(path, f"cannot be read: {exc.strerror}") from None
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ExplainerError.one(path, f"{_kind(info.st_mode)} where a file is expected")
        if info.st_size > limit:
            raise ExplainerError.one(path, f"the file is {info.st_size:,} bytes; the limit is {limit:,}")
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise ExplainerError.one(path, f"cannot be read: {exc.strerror}") from None
    if len(data) > limit:
        raise ExplainerError.one(path, f"the file is over {limit:,} bytes")
    return data


def read_input_text(path: Path, within: Path | None, limit: int = MAX_INPUT_BYTES) -> str:
    """A UTF-8 text input (a byte-order mark is dropped); not UTF-8 is refused with the line at fault."""
    data = read_input(path, within, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ExplainerError.one(path, f"not UTF-8: byte 0x{data[exc.start]:02x}", line) from None


def walk(folder: Path, pattern: str, problems: list[Problem]) -> list[Path]:
    """Files under `folder` whose name matches `pattern` (e.g. "*.md"), sorted; a linked folder is never entered
    but reported, so nothing outside `folder` is read."""
    found: list[Path] = []
    for directory, folders, files in os.walk(folder, followlinks=False):
        here = Path(directory)
        for name in folders:
            if (here / name).is_symlink():
                problems.append(Problem(here / name, "symbolic link to a folder: inputs must be files inside it"))
        folders[:] = [name for name in folders if not (here / name).is_symlink() and not name.startswith(".")]
        found += [here / name for name in files if not name.startswith(".") and Path(name).match(pattern)]
    return sorted(found)


def check_tree(folder: Path, skip: set[str]) -> list[Problem]:
    """Every entry under `folder` (paths relative to it in `skip` aside) a regular file or folder inside it: the
    hand-written pages MkDocs reads from docs/ follow the same rule as sources/."""
    problems: list[Problem] = []
    for path in walk(folder, "*", problems):
        if path.relative_to(folder).as_posix() in skip:
            continue
        try:
            target = checked_target(path, folder)
        except ExplainerError as exc:
            problems += exc.problems
            continue
        mode = os.stat(target).st_mode
        if not stat.S_ISREG(mode):
            problems.append(Problem(path, f"{_kind(mode)} where a file is expected"))
    return problems
