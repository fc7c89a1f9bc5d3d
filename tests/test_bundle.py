"""The offline bundle: reproducible bytes, only the site in it, and a reader who unzips it and browses offline."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from browser_helpers import OfflinePage
from explainer import bundle
from test_browser import search

WHEN = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


def _fake_site(folder: Path) -> Path:
    (folder / "topics").mkdir(parents=True)
    (folder / "index.html").write_text('<span class="bundle-size">x</span>', encoding="utf-8")
    (folder / "topics" / "a.html").write_text("a", encoding="utf-8")
    (folder / ".cache").mkdir()
    (folder / ".cache" / "x").write_text("cache", encoding="utf-8")
    (folder / "shenyang-explainer-2001-01-01.zip").write_bytes(b"an older bundle")
    return folder


def test_zip_is_reproducible_and_holds_only_the_site(tmp_path: Path) -> None:
    site = _fake_site(tmp_path / "site")
    first = bundle.zip_site(site, "shenyang-explainer-2026-11-24.zip", WHEN)
    (site / "topics" / "a.html").touch()  # a newer mtime must not change a byte
    assert bundle.zip_site(site, "shenyang-explainer-2026-11-24.zip", WHEN) == first
    (tmp_path / "b.zip").write_bytes(first)
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        names = archive.namelist()
        assert {i.date_time for i in archive.infolist()} == {(2026, 11, 24, 12, 0, 0)}
    # Path order, but the pages that state the bundle's size last: only they are zipped again in each round.
    assert names == ["shenyang-explainer-2026-11-24/topics/a.html", "shenyang-explainer-2026-11-24/index.html"]


def test_zip_stores_what_is_already_compressed_and_deflates_the_rest(tmp_path: Path) -> None:
    site = _fake_site(tmp_path / "site")
    (site / "assets").mkdir()
    font = bytes(range(256)) * 40  # stands in for a WOFF2 file: deflating it again would gain little
    (site / "assets" / "a.woff2").write_bytes(font)
    (site / "topics" / "b.html").write_text("<p>the same sentence</p>\n" * 200, encoding="utf-8")
    (tmp_path / "b.zip").write_bytes(bundle.zip_site(site, "shenyang-explainer-2026-11-24.zip", WHEN))
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        kinds = {i.filename.split("/", 1)[1]: i for i in archive.infolist()}
        assert archive.read("shenyang-explainer-2026-11-24/assets/a.woff2") == font
    assert kinds["assets/a.woff2"].compress_type == zipfile.ZIP_STORED
    assert kinds["topics/b.html"].compress_type == zipfile.ZIP_DEFLATED
    assert kinds["topics/b.html"].compress_size < kinds["topics/b.html"].file_size / 10


def test_built_bundle_states_its_own_size_and_never_contains_itself(built_site: Path) -> None:
    zips = sorted(built_site.glob("shenyang-explainer-*.zip"))
    assert len(zips) == 1
    size = zips[0].stat().st_size
    home = (built_site / "index.html").read_text(encoding="utf-8")
    stated = re.search(r'href="(shenyang-explainer-[\d-]+\.zip)" download>Download for offline reading</a>', home)
    assert stated and stated.group(1) == zips[0].name
    assert f'<span class="bundle-size">{bundle.human_size(size)}</span>' in home
    about = (built_site / "about.html").read_text(encoding="utf-8")
    assert f'href="{zips[0].name}" download>Download for offline reading' in about
    with zipfile.ZipFile(zips[0]) as archive:
        names = {n.split("/", 1)[1] for n in archive.namelist()}
        assert archive.read(f"{zips[0].stem}/index.html") == (built_site / "index.html").read_bytes()
    on_disk = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    assert names == on_disk - {zips[0].name, "_headers"}  # _headers is for web hosts, written after the zip


def test_reader_unzips_the_bundle_and_uses_it_offline(built_site: Path, browser: Any, tmp_path: Path) -> None:
    archive_path = next(built_site.glob("shenyang-explainer-*.zip"))
    with zipfile.ZipFile(archive_path) as archive:
        archive.extractall(tmp_path)
    root = tmp_path / archive_path.stem
    with OfflinePage(browser) as offline:
        page = offline.open(root / "index.html")
        page.get_by_role("link", name="The incident", exact=True).first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("topics/incident.html")
        marker = page.locator("sup a.footnote-ref").first
        marker.hover()  # the citation's tooltip, then on to its source paragraph
        page.locator(".md-tooltip2").wait_for(state="visible")
        marker.click()
        page.locator("li#fn\\:1 a[href*='sources/']").click()
        page.wait_for_load_state("load")
        assert "/sources/" in page.url and "#p-" in page.url
        page.get_by_role("link", name="Timeline", exact=True).first.click()
        page.wait_for_load_state("load")
        page.locator('.thread-filter button[data-thread="pledge"]').click()
        assert page.locator(".nt-timeline-item:visible").count() < page.locator(".nt-timeline-item").count()
        titles = search(page, "Kawaguchi")
        assert titles, "search found nothing in the unzipped bundle"
        offline.screenshot("bundle-search")
        assert offline.blocked == []
        assert offline.errors == []


def test_every_page_of_the_unzipped_bundle_opens_offline(built_site: Path, browser: Any, tmp_path: Path) -> None:
    archive_path = next(built_site.glob("shenyang-explainer-*.zip"))
    with zipfile.ZipFile(archive_path) as archive:
        archive.extractall(tmp_path)
    pages = sorted((tmp_path / archive_path.stem).rglob("*.html"))
    assert len(pages) == len(list(built_site.rglob("*.html")))
    with OfflinePage(browser) as offline:
        for path in pages:
            if path.name != "404.html":  # served at any address by a server; never opened from disk
                offline.open(path)
        assert offline.blocked == []
        assert offline.errors == []
