"""Names in their own scripts: marked with their language on every page, drawn with real glyphs in Chromium on a
machine with no CJK font (as this one), from fonts the site carries and loads only where such names show."""

from __future__ import annotations

import hashlib
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from browser_helpers import OfflinePage
from conftest import ROOT
from explainer.data import load_data

DATA = load_data(ROOT / "sources")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]")
PAGES_WITH_NAMES = (
    "entities/yoriko-kawaguchi.html",
    "entities/qian-qichen.html",
    "entities/shenyang.html",
    "entities/chosun-ilbo.html",
    "entities/index.html",
)


class LangOfText(HTMLParser):
    """Every run of native-script text on a page, with the `lang` of the element it sits in."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.runs: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            inherited = self.stack[-1][1] if self.stack else None
            self.stack.append((tag, dict(attrs).get("lang", inherited)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] in {"script", "style"}:
            return
        for run in re.findall(r"[^\x00-\u2fff]+", data):
            if CJK.search(run):
                self.runs.append((self.stack[-1][1] if self.stack else None, run))


def test_every_native_script_text_on_every_page_is_marked_with_its_language(built_site: Path) -> None:
    expected = {name.text: name.lang for entity in DATA.entities for name in entity.native}
    seen: set[str] = set()
    for page in built_site.rglob("*.html"):
        parser = LangOfText()
        parser.feed(page.read_text(encoding="utf-8"))
        for lang, run in parser.runs:
            assert lang in {"ja", "zh-Hans", "zh-Hant", "ko"}, (page.relative_to(built_site), run, lang)
            if run in expected:
                assert lang == expected[run], (page.relative_to(built_site), run, lang)
                seen.add(run)
    assert seen == set(expected)  # every native name appears on some page, and was checked there


# Each character of each marked name drawn alone at a large size: real glyphs all differ, while the replacement
# boxes a browser draws for characters no font has are identical.
_SPLIT = """
(selector) => {
  const chars = [];
  for (const el of document.querySelectorAll(selector)) {
    const text = el.textContent;
    el.textContent = '';
    for (const ch of text) {
      const s = document.createElement('span');
      s.textContent = ch; s.className = 'glyph-probe';
      s.style.cssText = 'display:inline-block;width:72px;height:72px;font-size:48px;line-height:72px;text-align:center';
      el.append(s); chars.push(ch);
    }
  }
  return chars;
}
"""


def glyph_images(page: Any, selector: str) -> dict[str, str]:
    chars = page.evaluate(_SPLIT, selector)
    page.evaluate("document.fonts.ready.then(() => true)")
    probes = page.locator(".glyph-probe")
    return {chars[i]: hashlib.sha256(probes.nth(i).screenshot()).hexdigest() for i in range(len(chars))}


def test_native_names_render_with_real_glyphs_without_system_cjk_fonts(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        for name in PAGES_WITH_NAMES:
            page = offline.open(built_site / name)
            page.evaluate("document.fonts.ready.then(() => true)")
            offline.screenshot(f"native-{Path(name).stem}")
            images = glyph_images(page, "article [lang]")
            assert len(images) >= 3, (name, images)
            assert len(set(images.values())) == len(images), f"{name}: some characters drew the same box"
        # The control: the same check on characters no font here has tells boxes apart from glyphs.
        page = offline.open(built_site / "entities" / "yoriko-kawaguchi.html")
        page.evaluate("""() => { const p = document.createElement('p'); p.id = 'no-font';
                          p.textContent = '川口順子'; document.querySelector('article').append(p); }""")
        boxes = glyph_images(page, "#no-font")
        assert len(set(boxes.values())) == 1, "this machine has a CJK font: the check above proves nothing here"
        assert offline.blocked == [] and offline.errors == []


_LOADED_FACES = (
    "() => document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded')"
    ".map(f => f.family.replaceAll('\"', '')))"
)


def test_native_fonts_load_only_on_pages_that_show_native_names(built_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        for name in ("index.html", "topics/incident.html", "entities/sam-brownback.html"):
            assert offline.open(built_site / name).evaluate(_LOADED_FACES) == [], name
        loaded = offline.open(built_site / "entities" / "yoriko-kawaguchi.html").evaluate(_LOADED_FACES)
        assert loaded and set(loaded) == {"Noto Sans JP"}, loaded
        assert offline.blocked == [] and offline.errors == []


def test_a_page_loads_one_font_file_per_language_it_shows(built_site: Path, browser: Any) -> None:
    # One file per language (fonts.py merges the cuts of Fontsource's subsets): the who's-who page, which shows
    # names in all four, once asked for 30 files of about 1 KiB each, queued one behind another on a phone.
    with OfflinePage(browser) as offline:
        requested: list[str] = []
        offline.page.on("request", lambda request: request.url.endswith(".woff2") and requested.append(request.url))
        page = offline.open(built_site / "entities" / "index.html")
        families = page.evaluate(_LOADED_FACES)
        assert sorted(families) == ["Noto Sans JP", "Noto Sans KR", "Noto Sans SC", "Noto Sans TC"], families
        assert sorted(Path(url).name for url in requested) == [
            f"noto-sans-{lang}-400-normal.woff2" for lang in ("jp", "kr", "sc", "tc")
        ], requested
        assert offline.blocked == [] and offline.errors == []


def test_the_cut_of_several_fontsource_subsets_is_one_reproducible_font_with_every_glyph() -> None:
    from fontTools.ttLib import TTFont

    from explainer.fonts import fontsource_faces, plan_native_fonts

    names = "川口順子 福田康夫 瀋陽"
    faces = fontsource_faces(ROOT / "node_modules" / "@fontsource" / "noto-sans-jp")
    touched = {next(i for i, face in enumerate(faces) if face.covers(c)) for c in names if not c.isspace()}
    assert len(touched) >= 3, touched  # the names' characters come from several of Fontsource's subsets
    page = f'<span lang="ja">{names}</span>'
    first, second = (plan_native_fonts(ROOT / "node_modules", [page]) for _ in range(2))
    assert [target for target, _ in first.to_cut] == ["fonts/noto-sans-jp-400-normal.woff2"]
    cut = first.cut()
    assert cut == second.cut()  # same characters, same bytes
    font = TTFont(io.BytesIO(cut["fonts/noto-sans-jp-400-normal.woff2"]))
    assert {chr(code) for code in font.getBestCmap()} == {c for c in names if not c.isspace()}
    # The copyright and licence records stay with the font (the OFL asks for them), as in Fontsource's files.
    assert "Adobe" in font["name"].getDebugName(0) and "OFL" in font["name"].getDebugName(14)
    assert "unicode-range: U+53e3," in first.ready["fonts/native.css"].decode()
