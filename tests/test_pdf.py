"""`make pdf` on a copy of the built site: a title page, a bookmark per chapter, every citation note with its
quote, the PDF linked from the site and put in the bundle; two pages kept as PNG artifacts."""

from __future__ import annotations

import html
import json
import re
import shutil
import zipfile
from pathlib import Path

import pypdf
import pypdfium2

from conftest import ARTIFACTS, ROOT, run_explainer

CHAPTERS = ["index.html", "topics/incident.html", "topics/fallout.html", "topics/pledge.html", "timeline.html"]
CHAPTERS += ["disputes.html", "figures.html", "glossary.html"]


def _h1(page: Path) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
    assert found, page
    heading = re.sub(r'<a [^>]*class="headerlink".*?</a>', "", found.group(1))  # the permalink's ¶
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", heading)).split())


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).split()).lower()


def test_pdf_has_title_page_chapters_and_every_note(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    result = run_explainer(ROOT, "pdf", "--site", str(site))
    assert result.returncode == 0, result.stderr
    [pdf_path] = site.glob("shenyang-explainer-*.pdf")
    reader = pypdf.PdfReader(pdf_path)

    chapters = [item.title for item in reader.outline if not isinstance(item, list)]
    assert chapters == [_h1(built_site / page) for page in CHAPTERS] + ["Notes"]

    first = " ".join(reader.pages[0].extract_text().split())
    assert "Built on" in first and "Sources (" in first  # the title page: title, build date, sources list
    # and a contents list naming the chapters in reading order, each a link to its heading
    printed_page = (built_site / "print.html").read_text(encoding="utf-8")
    contents = re.search(r'<div class="print-contents".*?</ol>', printed_page, re.S)
    assert contents, "no contents list"
    links = re.findall(r'<a href="#(chapter-\d+)">(.*?)</a>', contents.group(0))
    assert [html.unescape(title) for _, title in links] == chapters[:-1]
    assert all(f'id="{anchor}"' in printed_page for anchor, _ in links)
    contents_text = " ".join(reader.pages[0].extract_text().split() + reader.pages[1].extract_text().split())
    assert "Contents" in contents_text and chapters[-2] in contents_text
    text = _words(" ".join(page.extract_text() for page in reader.pages))
    citations = json.loads((built_site / "data" / "citations.json").read_text(encoding="utf-8"))
    chapter_pages = {page.replace(".md", ".html") for page in CHAPTERS}
    printed = [row for row in citations if row["page"] in chapter_pages]  # entity pages are not chapters
    missing = [row["quote"] for row in printed if _words(row["quote"])[:60] not in text]
    assert printed and missing == []
    # One continuous set of notes: every citation of the chapters (and every inferred/background mark's basis).
    notes = re.findall(r'<li id="fn:(\d+)"', (built_site / "print.html").read_text(encoding="utf-8"))
    assert [int(n) for n in notes] == list(range(1, len(notes) + 1))
    assert len(notes) >= len(printed)

    about = (site / "about.html").read_text(encoding="utf-8")
    assert f'<a href="{pdf_path.name}" download>the whole explainer as PDF</a>' in about
    with zipfile.ZipFile(next(site.glob("shenyang-explainer-*.zip"))) as archive:
        assert any(name.endswith(pdf_path.name) for name in archive.namelist())

    ARTIFACTS.mkdir(exist_ok=True)
    document = pypdfium2.PdfDocument(str(pdf_path))
    for index in (0, 1):
        image = document[index].render(scale=1.5).to_pil()
        image.save(ARTIFACTS / f"pdf-page-{index + 1}.png")
        assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # not a blank page
    document.close()
