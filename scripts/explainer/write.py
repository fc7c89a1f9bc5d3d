"""Write stage: the converter owns the files it generates — it rewrites only what changed, removes what it no
longer makes, and never overwrites a file it did not create (the manifest lists what it made)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import ExplainerError, Problem

MANIFEST = ".generated"
MANIFEST_HEADER = "# Written by `python -m explainer convert`; every build rewrites these files. Never edit them.\n"


def _read_manifest(folder: Path) -> set[str]:
    path = folder / MANIFEST
    if not path.exists():
        return set()
    return {line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}


def generated_files(folder: Path) -> set[str]:
    """The paths under `folder` the converter generated (from its manifest)."""
    return _read_manifest(folder)


def read_generated(folder: Path) -> dict[str, bytes]:
    """What the converter generated under `folder` (path → content): written back when a build fails later."""
    return {r: (folder / r).read_bytes() for r in sorted(_read_manifest(folder)) if (folder / r).is_file()}


def write_owned(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Make the generated files under `folder` exactly `files` (relative path → content); returns what changed."""
    previous = _read_manifest(folder)
    clashes = [
        Problem(folder / relative, "refusing to overwrite a file the converter did not generate (remove or rename it)")
        for relative, content in sorted(files.items())
        if relative not in previous and (folder / relative).is_file() and (folder / relative).read_bytes() != content
    ]
    if clashes:
        raise ExplainerError(clashes)
    # The manifest lists every file this run may create before the first is written: when the run is killed
    # (kill -9, power loss), the next run still knows them all and removes the ones it no longer makes.
    if set(files) - previous:
        _write_manifest(folder, previous | set(files))
    _remove_temporaries(folder, previous | set(files))
    changed: list[str] = []
    for relative, content in sorted(files.items()):
        target = folder / relative
        if target.is_file() and target.read_bytes() == content:
            continue  # untouched files keep their mtime, so a live preview reloads only what changed
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, content)
        changed.append(relative)
    for relative in sorted(previous - set(files)):
        target = folder / relative
        if target.is_file():
            target.unlink()
            changed.append(relative)
        _remove_empty_parents(target.parent, folder)
    _write_manifest(folder, set(files))
    return changed


def _write_manifest(folder: Path, relatives: set[str]) -> None:
    manifest = MANIFEST_HEADER + "".join(f"{relative}\n" for relative in sorted(relatives))
    if not (folder / MANIFEST).is_file() or (folder / MANIFEST).read_text(encoding="utf-8") != manifest:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / MANIFEST, manifest.encode("utf-8"))


def _remove_temporaries(folder: Path, relatives: set[str]) -> None:
    """Remove what an interrupted atomic_write left: `.<name>.<8 random characters>` beside a file we make."""
    names: dict[Path, set[str]] = {}
    for relative in relatives | {MANIFEST}:
        target = folder / relative
        names.setdefault(target.parent, set()).add(target.name)
    for directory, owned in names.items():
        if not directory.is_dir():
            continue
        for entry in directory.iterdir():
            name, _, suffix = entry.name[1:].rpartition(".")
            if entry.name.startswith(".") and name in owned and len(suffix) == 8 and entry.is_file():
                entry.unlink()


def _remove_empty_parents(directory: Path, stop: Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def atomic_write(target: Path, content: bytes) -> None:
    """`target` holds either its old content or `content`, never a part: written aside, then renamed."""
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as exc:  # a read-only or full disk: named after the file, not the temporary
        raise ExplainerError.one(target, f"cannot be written: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExplainerError.one(target, f"cannot be written: {exc.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def replace_folder(new: Path, target: Path) -> None:
    """Put the finished folder `new` in place of `target` with two renames (target is never half-written)."""
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    try:
        if target.exists():
            target.rename(old)
    except OSError as exc:  # a mount point (EBUSY), a read-only parent: the previous folder stays as it was
        raise ExplainerError.one(
            target, f"cannot be replaced ({exc.strerror}); the previous one is unchanged"
        ) from None
    try:
        new.rename(target)
    except OSError as exc:
        old.rename(target)
        raise ExplainerError.one(
            target, f"cannot be replaced ({exc.strerror}); the previous one is unchanged"
        ) from None
    shutil.rmtree(old, ignore_errors=True)


def remove_leftovers(target: Path) -> None:
    """Remove the `<target>.tmp-<pid>` and `<target>.old-<pid>` folders of builds that were killed (their process
    is gone); a build still running keeps its own."""
    for leftover in target.parent.glob(f"{target.name}.*-*"):
        kind, _, pid = leftover.name.removeprefix(f"{target.name}.").partition("-")
        if kind in {"tmp", "old"} and pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
