"""Extraction: headline, byline, dateline, outlet, and dates written in text."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer import dates, extract
from explainer.model import Line, Paragraph


def test_byline_gives_author_and_date() -> None:
    header = extract.read_header(["A Headline Here", "", "By Patrick Goodenough | July 7, 2008 | 8:11 PM EDT"])
    assert header.title == "A Headline Here"
    assert header.author == "Patrick Goodenough"
    assert header.byline_date == dt.date(2008, 7, 7)
    assert header.drop == {0: "headline", 2: "byline"}


def test_dateline_alone_on_a_line() -> None:
    header = extract.read_header(["A Headline", "", "      December 09, 2011 10:15", "", "Body."])
    assert header.byline_date == dt.date(2011, 12, 9)
    assert header.drop[2] == "dateline"


def test_date_suffix_of_an_archived_headline() -> None:
    header = extract.read_header(["Accessibility links", "", "Japan Increases Pressure - 2002-05-10"])
    assert header.title == "Japan Increases Pressure"
    assert header.byline_date == dt.date(2002, 5, 10)


def test_no_header_when_the_text_starts_with_prose() -> None:
    line = "Japan will seek further talks with China and South Korea over the case of five North Koreans, he said."
    header = extract.read_header([line])
    assert header.title is None and header.byline is None and not header.drop


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 10, 2002", (dt.date(2002, 5, 10), "day")),
        ("10 May 2002", (dt.date(2002, 5, 10), "day")),
        ("2002-05-10", (dt.date(2002, 5, 10), "day")),
        ("December 2011", (dt.date(2011, 12, 1), "month")),
        ("May 20", (dt.date(2000, 5, 20), "day-month")),  # not May 2020
        ("May 8", (dt.date(2000, 5, 8), "day-month")),
        ("Goodenough 12", None),
        ("February 29", (dt.date(2000, 2, 29), "day-month")),
        ("Sept. 5th, 2002", (dt.date(2002, 9, 5), "day")),
        ("April 31, 2002", None),
        # dateparser, the parser the converter used before, reads each of these as a date:
        ("Today 5", None),  # 1 January of the base year
        ("Monday 5, 2002", None),  # May 2002
        ("5 Week 2002", None),  # 27 November 1999
        ("May 00, 2002", None),  # May 2002
        ("2002-13-01", None),  # 13 January 2002
    ],
)
def test_dates_are_classified_by_the_parts_written(text: str, expected: object) -> None:
    assert dates.classify(text) == expected


def test_mentions_in_a_line() -> None:
    found = dates.find_mentions("On May 20, Brownback said Thursday that in 2001 the number was 583.", 7)
    assert [(m.text, m.precision, m.line) for m in found] == [
        ("May 20", "day-month", 7),
        ("Thursday", "weekday", 7),
        ("2001", "year", 7),
    ]


def test_weekday_arithmetic() -> None:
    friday = dt.date(2002, 5, 10)
    assert dates.on_or_after(friday, "Monday") == dt.date(2002, 5, 13)
    assert dates.on_or_after(friday, "Friday") == friday
    assert dates.on_or_before(friday, "Thursday") == dt.date(2002, 5, 9)


def test_outlet_from_dateline_then_copyright() -> None:
    paragraphs = [Paragraph(1, "Pacific Rim Bureau (CNSNews.com) - Japan is sending an envoy.", 5)]
    assert extract.infer_outlet([], paragraphs) == ("CNSNews.com", "dateline of paragraph 1")
    footer = [Line(25, "      • Copyright © Chosunilbo & Chosun.com", "copyright footer")]
    assert extract.infer_outlet(footer, []) == ("Chosunilbo & Chosun.com", "copyright footer (line 25)")


def test_title_from_first_sentence_when_there_is_no_headline() -> None:
    text = "Japan will seek further talks with China and South Korea over the case of five North Koreans, he said."
    title = extract.infer_title([Paragraph(1, text, 1)])
    # Cut where the clause ends, not in the middle of "North Koreans".
    assert title == "Japan will seek further talks with China and South Korea over the case of five North Koreans…"
    no_clause = "A " + "very " * 30 + "long sentence without any clause break at all."
    assert extract.infer_title([Paragraph(1, no_clause, 1)]) == ("A " + "very " * 17).strip() + "…"


def test_related_stories_join_a_date_on_its_own_line() -> None:
    block = [
        Line(27, "See Earlier Story:", "related-stories block"),
        Line(28, "Chinese Police Drag N. Korean Defectors Out Of Foreign Mission", "related-stories block"),
        Line(29, "(May 10, 2002)", "related-stories block"),
    ]
    assert extract.related_stories(block) == [
        "Chinese Police Drag N. Korean Defectors Out Of Foreign Mission (May 10, 2002)"
    ]
