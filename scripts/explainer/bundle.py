"""The offline bundle: the whole built site as one dated, reproducible zip, linked (with its size) from home and
About."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ExplainerError

BUNDLE_SUFFIX = "-explainer"  # after the story's name: <name>-explainer-YYYY-MM-DD.zip
# Written by the converter into the pages that link the bundle; the build fills in the size once the zip exists.
SIZE_MARK = re.compile(rb'(<span class="bundle-size">)[^<]*(</span>)')
SIZE_PLACEHOLDER = "size of the zip"
# Never in the bundle: the bundle itself (or an older one), and caches a tool might leave in the site folder.
EXCLUDED_PARTS = {".cache", "__pycache__", ".DS_Store"}
FALLBACK_EPOCH = "1700000000"  # outside a git checkout (a copied tree): a fixed date keeps builds reproducible


def build_date_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH for reproducible builds: as set by the caller, else the last commit's time, else a
    fixed date."""
    if given := os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return given
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        out = ""
    return out or FALLBACK_EPOCH


def build_date(root: Path) -> dt.date:
    return dt.datetime.fromtimestamp(int(build_date_epoch(root)), tz=dt.UTC).date()


def bundle_name(root: Path) -> str:
    return f"{bundle_prefix(root)}-{build_date(root).isoformat()}.zip"


def bundle_prefix(root: Path) -> str:
    from .story import load_story  # late: story.py imports data.py, which the build loads after this module

    return load_story(root / "sources").name + BUNDLE_SUFFIX


def bundle_fragment(name: str) -> str:
    """The download link, as an include fragment for pages at the site's root (home, About).

    Raw HTML: MkDocs would refuse a Markdown link to a file that only exists once the build has finished."""
    return (
        f'<p class="offline-bundle" data-search-exclude><a class="md-button" href="{name}" download>'
        f'Download for offline reading</a> <span class="bundle-info">(zip, <span class="bundle-size">'
        f"{SIZE_PLACEHOLDER}</span>): the whole site, search included; unzip it and open "
        "<code>index.html</code>, no network needed.</span>"
        '<span class="pdf-link"></span><!--/pdf-link--></p>\n'  # `make pdf` links the PDF here
    )


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


def _members(site: Path, name: str) -> list[Path]:
    files = []
    prefix = name[: -len("-YYYY-MM-DD.zip")]
    for path in site.rglob("*"):
        relative = path.relative_to(site)
        if not path.is_file() or EXCLUDED_PARTS.intersection(relative.parts):
            continue
        if relative.parts[0].startswith(prefix) and path.suffix == ".zip":
            continue  # the bundle never contains itself, nor an older one
        files.append(path)
    return sorted(files, key=lambda p: p.relative_to(site).as_posix())


# Members already compressed are stored as they are: deflating them again costs time and saves nothing.
STORED_SUFFIXES = {".woff2", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".gz"}
# zlib's default level: at N = 1,000 the bundle is 0.7% larger than at level 9 and compressed in 57% of the time.
DEFLATE_LEVEL = 6


@dataclass
class _Bundle:
    """A zip of the site in two parts: every member but the pages that state the bundle's size, compressed once
    (`settled`), and those pages, appended to a copy of it in each round until the stated size settles.

    Members in path order within each part, one fixed timestamp and mode: two builds give the same bytes."""

    folder: str  # the folder inside the zip: the bundle's name without .zip
    stamp: tuple[int, ...]
    settled: bytes
    stating: list[tuple[str, bytes]]  # path in the site → content, with the size mark

    @classmethod
    def of(cls, site: Path, name: str, when: dt.datetime) -> _Bundle:
        stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
        bundle = cls(name.removesuffix(".zip"), stamp, b"", [])
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for path in _members(site, name):  # read one at a time: at N = 10,000 the site is 660 MiB
                relative, content = path.relative_to(site).as_posix(), path.read_bytes()
                if path.suffix == ".html" and SIZE_MARK.search(content):
                    bundle.stating.append((relative, content))
                else:
                    bundle._add(archive, relative, content)
        bundle.settled = buffer.getvalue()
        return bundle

    def _add(self, archive: zipfile.ZipFile, relative: str, content: bytes) -> None:
        info = zipfile.ZipInfo(f"{self.folder}/{relative}", date_time=self.stamp)
        stored = Path(relative).suffix in STORED_SUFFIXES
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.external_attr = 0o100644 << 16
        info.create_system = 3  # Unix, whatever machine builds it
        archive.writestr(info, content, compresslevel=None if stored else DEFLATE_LEVEL)

    def with_size(self, label: str | None) -> bytes:
        """The whole zip, its pages stating `label` as the bundle's size (None: as they are on disk)."""
        buffer = io.BytesIO(self.settled)
        with zipfile.ZipFile(buffer, "a") as archive:  # `settled` is a zip, if an empty one
            for relative, content in self.stating:
                self._add(archive, relative, content if label is None else _stating(content, label))
        return buffer.getvalue()


def _stating(page: bytes, label: str) -> bytes:
    return SIZE_MARK.sub(rb"\g<1>" + label.encode() + rb"\g<2>", page)


def zip_site(site: Path, name: str, when: dt.datetime) -> bytes:
    """The zip's bytes, as write_bundle lays them out, of the site as it is on disk."""
    return _Bundle.of(site, name, when).with_size(None)


def write_bundle(site: Path, root: Path) -> tuple[Path, int]:
    """Zip `site` into `site/<name>` and write its size into the pages that link it.

    The pages are inside the zip, so the size they state is found by filling it in until it no longer changes
    (one or two rounds: the size is rounded). Only those pages are compressed again in each round."""
    name = bundle_name(root)
    when = dt.datetime.fromtimestamp(int(build_date_epoch(root)), tz=dt.UTC)
    bundle = _Bundle.of(site, name, when)
    label = SIZE_PLACEHOLDER
    for _ in range(6):
        data = bundle.with_size(label)
        measured = human_size(len(data))
        if measured == label:
            break
        label = measured
    else:
        raise ExplainerError.one(site / name, "the bundle's size did not settle after 6 rounds")
    for relative, content in bundle.stating:
        (site / relative).write_bytes(_stating(content, label))
    target = site / name
    target.write_bytes(data)
    return target, len(data)
