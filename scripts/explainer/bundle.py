"""The offline bundle: the whole built site as one dated, reproducible zip, linked (with its size) from home and
About."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import zipfile
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


def zip_site(site: Path, name: str, when: dt.datetime) -> bytes:
    """The zip's bytes: members in path order, one fixed timestamp and mode, so two builds give the same bytes."""
    folder = name.removesuffix(".zip")
    stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in _members(site, name):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def write_bundle(site: Path, root: Path) -> tuple[Path, int]:
    """Zip `site` into `site/<name>` and write its size into the pages that link it.

    The pages are inside the zip, so the size they state is found by filling it in until it no longer changes
    (one or two rounds: the size is rounded)."""
    name = bundle_name(root)
    when = dt.datetime.fromtimestamp(int(build_date_epoch(root)), tz=dt.UTC)
    pages = [p for p in sorted(site.rglob("*.html")) if SIZE_MARK.search(p.read_bytes())]
    label = SIZE_PLACEHOLDER
    for _ in range(6):
        for page in pages:
            text = SIZE_MARK.sub(rb"\g<1>" + label.encode() + rb"\g<2>", page.read_bytes())
            page.write_bytes(text)
        data = zip_site(site, name, when)
        measured = human_size(len(data))
        if measured == label:
            break
        label = measured
    else:
        raise ExplainerError.one(site / name, "the bundle's size did not settle after 6 rounds")
    target = site / name
    target.write_bytes(data)
    return target, len(data)
