"""Text stays text: hostile article lines are shown literally and never interpreted, in a real browser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import OfflinePage
from conftest import run_explainer

TITLE = "Hostile <b>headline</b> {!/etc/passwd!} {{ config.site_name }}"
INTRO = "This article checks that its text stays text on the page, whatever characters it contains."
# Each line is one paragraph of the article; each must appear on the page exactly as written.
ATTACKS = {
    "script tag": "<script>window.__pwned = 'script'</script> tag in the text.",
    "event handler": '<img src="x" onerror="window.__pwned=\'img\'"> image with a handler.',
    "javascript url": '[click me](javascript:window.__pwned=1) and <a href="javascript:window.__pwned=2">this</a>.',
    "data url": "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) data link.",
    "remote image": '![tracker](http://198.51.100.7/pixel.png) and <img src="https://198.51.100.7/t.gif">',
    "markdown-include absolute": "{!/etc/passwd!}",
    "markdown-include relative": "Before {!../../mkdocs.yml!} after.",
    "neoteroi timeline file": "[timeline(/etc/passwd)]",
    "neoteroi timeline url": "[timeline(http://198.51.100.7/events.json)]",
    "neoteroi block": "::timeline:: - title: injected ::/timeline::",
    "jinja braces": "{{ config.site_name }} {% if true %}jinja{% endif %} {# note #}",
    "markdown syntax": "**bold** _em_ `code` # hash ==mark== ~~del~~ :smile: [^1] *[HTML]: abbr",
    "attribute list": 'A paragraph {: .evil onclick="window.__pwned=3" }',
    "entities": "&amp; &lt;b&gt; &#123; stay as typed",
    "snippets": '--8<-- "/etc/passwd"',
    "code fence": "``` python",
    "mixed scripts": "North Koreans 탈북자 in 瀋陽 (Shenyang) — Ωμέγα, Кириллица, العربية.",
    "unclosed comment": "An unclosed <!-- comment starts here and never ends.",
    "after the comment": "This paragraph comes after the unclosed comment and must still be visible.",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    text = "\n\n".join([TITLE, INTRO, *ATTACKS.values()]) + "\n"
    (project / "sources" / "articles" / "hostile-article.txt").write_text(text, encoding="utf-8")
    result = run_explainer(project, "site")
    assert result.returncode == 0, result.stderr
    return project


def paragraph_texts(page: Any) -> list[str]:
    return page.eval_on_selector_all("p.para", "ps => ps.map(p => p.textContent)")


def test_nothing_from_disk_is_included_anywhere(hostile_site: Path) -> None:
    passwd_line = Path("/etc/passwd").read_text().splitlines()[0]
    for path in (hostile_site / "site").rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".xml"}:
            assert passwd_line not in path.read_text(encoding="utf-8", errors="replace"), path


def test_every_attack_is_shown_verbatim_and_inert(hostile_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(hostile_site / "site" / "sources" / "hostile-article.html")
        texts = paragraph_texts(page)
        assert texts == [INTRO, *ATTACKS.values()]
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.title().startswith(TITLE)
        assert page.locator("h1").first.text_content() == TITLE
        assert page.locator("article img").count() == 0
        # The one script element allowed is the page's JSON-LD, a data block that never runs: its headline is the
        # hostile title, read back as data.
        executable = "article a[href^='javascript:'], article script:not([type='application/ld+json'])"
        assert page.locator(executable).count() == 0
        [data] = page.locator("article script[type='application/ld+json']").all_text_contents()
        assert json.loads(data)["name"] == TITLE
        # Its citation boxes show the title as text too (BibTeX braces aside).
        page.locator(".cite-this summary").click()
        assert TITLE.split("{")[0] in page.locator(".cite-this pre.cite-ris").inner_text()
        assert offline.blocked == []
        assert offline.errors == []


def test_sources_index_shows_the_hostile_title_as_text(hostile_site: Path, browser: Any) -> None:
    with OfflinePage(browser) as offline:
        page = offline.open(hostile_site / "site" / "sources" / "index.html")
        assert page.get_by_role("link", name=TITLE).count() == 1
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert offline.blocked == []
