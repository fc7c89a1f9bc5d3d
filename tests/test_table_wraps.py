"""Tables written inside Material's scrolling wrapper at build time (table_wraps.py): Material's script leaves them
where they are, and they look as Material's own styles make a table look."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown

from browser_helpers import OfflinePage
from explainer.table_wraps import TABLE_CLASS

TABLE = "| Name | Role |\n|---|---|\n| Yoriko Kawaguchi | Foreign Minister |\n"
WRAPPED = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="explainer-table">'


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "md_in_html", "explainer.table_wraps"])


def test_a_markdown_table_is_written_inside_the_wrapper_with_its_class() -> None:
    html = render("Before.\n\n" + TABLE + "\nAfter.\n")
    assert html.count(WRAPPED) == 1
    assert (
        html.index("<p>Before.</p>")
        < html.index(WRAPPED)
        < html.index("</table></div></div>")
        < html.index("<p>After.</p>")
    )
    assert TABLE_CLASS == "explainer-table"


def test_tables_inside_html_blocks_are_wrapped_and_a_table_with_a_class_is_left_alone() -> None:
    html = render('<div class="stack-table whos-who" markdown="1">\n\n' + TABLE + "\n</div>\n\n" + TABLE)
    assert html.count(WRAPPED) == 2
    assert html.index('<div class="stack-table whos-who">') < html.index(WRAPPED)
    styled = render('<table class="own"><tr><td>x</td></tr></table>\n\n' + TABLE)
    assert '<table class="own">' in styled and styled.count(WRAPPED) == 1
    assert "md-typeset__scrollwrap" not in render("No table here.\n")


# A copy of the first table without its class, wrapped as Material wraps one: Material's own `table:not([class])`
# rules style it, so each computed property of it, a header cell and a body cell can be set against the original's.
_COMPARE = """
(properties) => {
  const original = document.querySelector('article table.explainer-table');
  const copy = original.cloneNode(true);
  copy.removeAttribute('class');
  const wrap = document.createElement('div'); wrap.className = 'md-typeset__scrollwrap';
  const inner = document.createElement('div'); inner.className = 'md-typeset__table';
  wrap.append(inner); inner.append(copy);
  original.closest('.md-typeset__scrollwrap').after(wrap);
  const style = (el) => {
    const s = getComputedStyle(el);
    return properties.map(p => p + ': ' + s.getPropertyValue(p));
  };
  const cell = (t, selector) => t.querySelector(selector) || t.querySelector('td');
  const parts = (t) => [t, t.querySelector('th'), t.querySelector('td'), cell(t, 'td a')];
  return [parts(original).map(style), parts(copy).map(style)];
}
"""
_COUNTS = """() => {
  const count = (selector) => document.querySelectorAll(selector).length;
  return {tables: count('article table'), wrapped: count('article .md-typeset__table > table.explainer-table'),
          twice: count('.md-typeset__scrollwrap .md-typeset__scrollwrap')};
}"""
PROPERTIES = [
    "display",
    "font-size",
    "border-top",
    "border-left",
    "border-radius",
    "background-color",
    "padding",
    "text-align",
    "vertical-align",
    "font-weight",
    "min-width",
    "overflow-x",
    "max-width",
    "word-break",
]


def test_material_leaves_built_tables_in_place_and_they_look_as_its_own(built_site: Path, browser: Any) -> None:
    for width, scheme in ((1280, "light"), (412, "dark")):
        with OfflinePage(browser, width=width, scheme=scheme) as offline:
            for name in ("entities/index.html", "figures.html", "disputes.html", "sources/index.html", "index.html"):
                page = offline.open(built_site / name)
                page.wait_for_function("() => window.component$ !== undefined")  # Material has mounted the page
                counts = page.evaluate(_COUNTS)
                assert counts["tables"] >= 1 and counts == {**counts, "wrapped": counts["tables"], "twice": 0}, (
                    name,
                    counts,
                )
                ours, materials = page.evaluate(_COMPARE, PROPERTIES)
                assert ours == materials, (name, width, scheme)
            assert offline.blocked == [] and offline.errors == []
