"""Share images: one 1200×630 PNG per topic page (the card chat apps and social media show for a shared link),
drawn at build time with Pillow in the font Pillow itself carries (Aileron, `ImageFont.load_default`), so no font
is fetched or installed. Chosen over Material's social plugin, which downloads its fonts at build time."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
MARGIN = 80
BACKGROUND = (48, 63, 159)  # Material's indigo 700: the site's header colour, white text at 8.6:1
TEXT = (255, 255, 255)
MUTED = (197, 202, 233)  # indigo 100
TOPICS = "topics"  # the folder of the topic pages; the template names the image of each page in it
META = re.compile(r'<meta property="og:(title|description|site_name)" content="([^"]*)">')


def image_path(site: Path, page: Path) -> Path:
    """Where the image of a built topic page goes: assets/share/topics/<name>.png (as overrides/main.html says)."""
    return site / "assets" / "share" / page.relative_to(site).with_suffix(".png")


def draw(site: Path) -> list[Path]:
    written = []
    for page in sorted((site / TOPICS).glob("*.html")):
        meta = {k: html.unescape(v) for k, v in META.findall(page.read_text(encoding="utf-8"))}
        target = image_path(site, page)
        target.parent.mkdir(parents=True, exist_ok=True)
        card(meta["title"], meta["description"], meta["site_name"]).save(target, optimize=True)
        written.append(target)
    return written


def card(title: str, description: str, site_name: str) -> Image.Image:
    image = Image.new("RGB", SIZE, BACKGROUND)
    pen = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    y = MARGIN
    small = ImageFont.load_default(34)
    pen.text((MARGIN, y), site_name.upper(), font=small, fill=MUTED)
    y += 80
    big = ImageFont.load_default(72)
    for line in wrap(pen, title, big, width)[:3]:
        pen.text((MARGIN, y), line, font=big, fill=TEXT, stroke_width=1, stroke_fill=TEXT)  # the font has no bold
        y += 86
    y += 24
    body = ImageFont.load_default(36)
    lines = wrap(pen, description, body, width)
    room = max(0, (SIZE[1] - MARGIN - y) // 48)
    if len(lines) > room and room:
        lines = [*lines[: room - 1], lines[room - 1].rstrip(",;:") + " …"]
    for line in lines[:room]:
        pen.text((MARGIN, y), line, font=body, fill=MUTED)
        y += 48
    return image


def wrap(pen: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to `width` pixels."""
    lines: list[str] = []
    for word in text.split():
        if lines and pen.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines
