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
    manifest = MANIFEST_HEADER + "".join(f"{relative}\n" for relative in sorted(files))
    if not (folder / MANIFEST).is_file() or (folder / MANIFEST).read_text(encoding="utf-8") != manifest:
        atomic_write(folder / MANIFEST, manifest.encode("utf-8"))
    return changed


def _remove_empty_parents(directory: Path, stop: Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def atomic_write(target: Path, content: bytes) -> None:
    """`target` holds either its old content or `content`, never a part: written aside, then renamed."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def replace_folder(new: Path, target: Path) -> None:
    """Put the finished folder `new` in place of `target` with two renames (target is never half-written)."""
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
