"""Reading: bad article files are refused with the file (and line) named; good ones decode exactly."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from explainer.errors import ExplainerError
from explainer.read import decode_article, read_article, read_articles, read_metadata


def refused(path: Path, data: bytes) -> str:
    with pytest.raises(ExplainerError) as caught:
        decode_article(path, data)
    return str(caught.value)


def test_empty_and_blank_articles_are_refused() -> None:
    assert refused(Path("a.txt"), b"") == "a.txt: the article is empty"
    assert refused(Path("a.txt"), b" \n\n\t\n") == "a.txt: the article is empty"


def test_binary_article_names_the_line_of_the_nul_byte() -> None:
    assert refused(Path("x.txt"), b"Title\n\nBody\x00more") == (
        "x.txt:3: NUL byte: this is a binary file, not a plain-text article"
    )


def test_invalid_utf8_names_line_and_column() -> None:
    message = refused(Path("x.txt"), b"Title\n\nCaf" + b"\xe9 au lait\n")
    assert message == "x.txt:3: not UTF-8: byte 0xe9 at column 4 (save the article as UTF-8)"


def test_utf16_with_byte_order_mark_is_read() -> None:
    text = "Title\r\n\r\nShenyang 瀋陽\r\n"
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert decode_article(Path("x.txt"), data) == "Title\n\nShenyang 瀋陽\n"


def test_utf8_bom_and_crlf_are_normalised() -> None:
    assert decode_article(Path("x.txt"), codecs.BOM_UTF8 + b"A\r\nB\rC") == "A\nB\nC"


def test_file_name_must_be_a_citation_key(tmp_path: Path) -> None:
    bad = tmp_path / "My Article.txt"
    bad.write_text("Text\n")
    with pytest.raises(ExplainerError, match="lower-case words joined by hyphens"):
        read_article(bad)


def test_every_bad_file_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A headline\n\nSome text.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9\n")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "orphan.yml").write_text("title: x\n")
    with pytest.raises(ExplainerError) as caught:
        read_articles(tmp_path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 4
    assert any(line.endswith("empty.txt: the article is empty") for line in lines)
    assert any("latin1.txt:1: not UTF-8" in line for line in lines)
    assert any("notes.docx: not an article" in line for line in lines)
    assert any("orphan.yml: metadata file without an article" in line for line in lines)


def test_metadata_fields_are_read_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("# comment\ntitle: A title\noutlet: The Outlet\ndate: 2002-05-10\n")
    values, lines, _ = read_metadata(path)
    assert values == {"title": "A title", "outlet": "The Outlet", "date": "2002-05-10"}
    assert lines == {"title": 2, "outlet": 3, "date": 4}


def test_metadata_errors_are_gathered_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: A\nheadline: B\ndate: May 5\nauthor:\n  - x\n")
    with pytest.raises(ExplainerError) as caught:
        read_metadata(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2: unknown field 'headline' (known: title, outlet, author, date, url, archive, rights, notes, drop, "
        "keep, found)",
        f"{path}:3: date 'May 5' must be written YYYY-MM-DD",
        f"{path}:4: field 'author' must be a single text value",
    ]


def test_metadata_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: A\noutlet: [unclosed\n")
    with pytest.raises(ExplainerError, match=r"a\.yml:\d+: YAML syntax error"):
        read_metadata(path)


def test_found_lists_where_make_add_read_each_field(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: A\nfound:\n  title: saved page's metadata\n", encoding="utf-8")
    values, _, found = read_metadata(path)
    assert values == {"title": "A"} and found == {"title": "saved page's metadata"}
    path.write_text("title: A\nfound:\n  date: saved page's metadata\n  colour: red\n", encoding="utf-8")
    with pytest.raises(ExplainerError) as caught:
        read_metadata(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:4: `found`: 'colour' must be a metadata field with a text",
        f"{path}:1: `found` names 'date', which has no value here",
    ]
