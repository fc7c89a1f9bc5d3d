"""Native-script fonts: Fontsource's Noto Sans (npm) cut down at build time to the glyphs the pages mark with a
language, so names in Japanese, Chinese and Korean render with no CJK font on the reader's machine.

Fontsource splits each font into unicode-range subsets of 10–45 KiB; shipped as they are, the who's-who page would
load 30 of them (445 KiB). fontTools (the library Fontsource and Google Fonts subset with) keeps only the glyphs
used from each subset touched and merges those cuts into one small WOFF2 per language, with an exact
unicode-range: a page downloads at most one file per language it shows (the who's-who page four, not 30 of about
1 KiB each, which on a phone's connection queue behind one another and held up its largest paint)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ExplainerError

# Language of a name (as in `lang="…"`) → the Fontsource package and the family its stylesheet declares.
FONTSOURCE = {
    "ja": ("noto-sans-jp", "Noto Sans JP"),
    "zh-Hans": ("noto-sans-sc", "Noto Sans SC"),
    "zh-Hant": ("noto-sans-tc", "Noto Sans TC"),
    "ko": ("noto-sans-kr", "Noto Sans KR"),
}
WEIGHT = "400"  # native names are set in running text and tables only, never bold
FONTS_DIR = "fonts"  # under the site's assets/vendor/
STYLESHEET = f"{FONTS_DIR}/native.css"

_MARKED = re.compile(r'lang="(ja|zh-Hans|zh-Hant|ko)">([^<]*)<')
_FACE = re.compile(r"@font-face\s*\{(?P<body>.*?)\}", re.S)
_URL = re.compile(r"url\(\./files/(?P<file>[^)]+\.woff2)\)")
_RANGE = re.compile(r"unicode-range:\s*(?P<ranges>[^;]+);")


@dataclass(frozen=True)
class Face:
    """One unicode-range subset of a Fontsource font: its WOFF2 file and the code points it covers."""

    file: Path
    ranges: tuple[tuple[int, int], ...]

    def covers(self, char: str) -> bool:
        return any(low <= ord(char) <= high for low, high in self.ranges)


def marked_characters(pages: Iterable[str]) -> dict[str, set[str]]:
    """Characters inside elements marked with a native-script language, per language, from the pages' text."""
    found: dict[str, set[str]] = {}
    for text in pages:
        for lang, content in _MARKED.findall(text):
            found.setdefault(lang, set()).update(c for c in content if not c.isspace() and not c.isascii())
    return found


def fontsource_faces(package: Path) -> list[Face]:
    stylesheet = package / f"{WEIGHT}.css"
    if not stylesheet.is_file():
        raise ExplainerError.one(stylesheet, "missing: run `npm ci` (or `make site`) to install the fonts")
    faces = []
    for face in _FACE.finditer(stylesheet.read_text(encoding="utf-8")):
        url, ranges = _URL.search(face["body"]), _RANGE.search(face["body"])
        if not url or not ranges:
            raise ExplainerError.one(stylesheet, f"an @font-face without a WOFF2 file or unicode-range: {face[0]!r}")
        faces.append(Face(package / "files" / url["file"], tuple(_parse_range(r) for r in ranges["ranges"].split(","))))
    return faces


def _parse_range(text: str) -> tuple[int, int]:
    low, _, high = text.strip().removeprefix("U+").partition("-")
    return int(low, 16), int(high or low, 16)


def _subset(face: Face, chars: set[str]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(face.file, recalcTimestamp=False)  # same input, same bytes: builds stay reproducible
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright and licence records (SIL Open Font License)
    options.name_languages = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = None  # merged below as plain OpenType, compressed once at the end
    font.save(out, reorderTables=False)
    return out.getvalue()


def _cut(faces: list[tuple[Face, set[str]]]) -> bytes:
    """One WOFF2 of the given characters from Fontsource's subsets of one font (same design, same em square),
    which fontTools' merger joins into a single font (glyph names kept apart, cmaps united)."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    cuts = [io.BytesIO(_subset(face, used)) for face, used in faces]
    first = TTFont(cuts[0], recalcTimestamp=False)
    font = first if len(cuts) == 1 else Merger().merge(cuts)
    # Same input, same bytes: the merger stamps the new font with the time; the font's own dates are kept.
    font.recalcTimestamp = False
    font["head"].created, font["head"].modified = first["head"].created, first["head"].modified
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=False)
    return out.getvalue()


def _unicode_range(chars: set[str]) -> str:
    return ",".join(f"U+{ord(c):x}" for c in sorted(chars))


@dataclass
class NativeFonts:
    """The site's native-script font assets (path under assets/vendor → bytes): what is known at once (native.css,
    the licences, cut fonts reused from the last build) and the cuts still to make."""

    ready: dict[str, bytes]
    to_cut: list[tuple[str, list[tuple[Face, set[str]]]]]  # target file; Fontsource faces and characters to keep

    def cut(self) -> dict[str, bytes]:
        """The fonts still to cut (about 1.4 s of CPU at N = 1,000; `explainer site` runs it beside MkDocs)."""
        return {target: _cut(faces) for target, faces in self.to_cut}


def plan_native_fonts(node_modules: Path, pages: Iterable[str], previous: Path | None = None) -> NativeFonts:
    """What native_fonts makes, with the cutting left to do.

    When `previous` (the last build's assets/vendor) holds a native.css equal to the new one (same packages and
    versions, same files, same characters), its cut fonts are reused instead."""
    plan: list[tuple[str, list[tuple[Face, set[str]]]]] = []
    rules = []
    licences: dict[str, bytes] = {}
    for lang, chars in sorted(marked_characters(pages).items()):
        package_name, family = FONTSOURCE[lang]
        package = node_modules / "@fontsource" / package_name
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
        rules.append(f"/* {family}: @fontsource/{package_name} {version}, weight {WEIGHT}, cut to the glyphs used */\n")
        left = set(chars)
        faces: list[tuple[Face, set[str]]] = []
        for face in fontsource_faces(package):
            used = {c for c in left if face.covers(c)}
            if used:
                left -= used
                faces.append((face, used))
        if left:
            raise ExplainerError.one(package, f"no glyph for {''.join(sorted(left))} (marked lang={lang})")
        file = f"{package_name}-{WEIGHT}-normal.woff2"
        plan.append((f"{FONTS_DIR}/{file}", faces))
        rules.append(
            f"@font-face {{ font-family: '{family}'; font-style: normal; font-weight: {WEIGHT}; "
            f"font-display: swap; src: url('{file}') format('woff2'); "
            f"unicode-range: {_unicode_range(set(chars))}; }}\n"
        )
        licences[f"{FONTS_DIR}/{package_name}-LICENSE.txt"] = (package / "LICENSE").read_bytes()
    stylesheet = "".join(rules).encode("utf-8")
    reuse = previous is not None and _read(previous / STYLESHEET) == stylesheet
    fonts = NativeFonts({STYLESHEET: stylesheet, **licences}, [])
    for target, faces in plan:
        kept = _read(previous / target) if reuse and previous else None
        if kept is not None:
            fonts.ready[target] = kept
        else:
            fonts.to_cut.append((target, faces))
    return fonts


def native_fonts(node_modules: Path, pages: Iterable[str], previous: Path | None = None) -> dict[str, bytes]:
    """Site assets (path under assets/vendor → bytes): the cut fonts, their licences and native.css."""
    fonts = plan_native_fonts(node_modules, pages, previous)
    return {**fonts.ready, **fonts.cut()}


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
