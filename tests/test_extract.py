"""Extraction: headline, byline, dateline, outlet, and dates written in text."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer import clean, dates, extract, rules
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
        ("23rd January, 2016", (dt.date(2016, 1, 23), "day")),
        ("09-Sep-2011", (dt.date(2011, 9, 9), "day")),
        ("17.04.2021", (dt.date(2021, 4, 17), "day")),
        # figures with dashes: read where one order alone makes a date, or both agree; never guessed
        ("06-06-2024", (dt.date(2024, 6, 6), "day")),
        ("13-06-2024", (dt.date(2024, 6, 13), "day")),
        ("06-13-2024", (dt.date(2024, 6, 13), "day")),
        ("05-06-2024", None),  # dateparser: 6 May (month first); in Britain or India it is 5 June
        ("13-13-2024", None),
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


def test_headline_ending_in_a_quote_is_not_taken_for_a_sentence() -> None:
    title = "Consulate in the port city closed down, as officials call it ‘a matter of parity’"
    header = extract.read_header(
        ["Skip to main content", "  • Share to or", "", title, "", "Source: Example", "", "Body text."]
    )
    assert header.title == title
    assert clean.is_prose(title)  # 15 words ending in a quote: read as a sentence before this rule
    assert clean.line_rule("• Share to or") == rules.SHARE_LINES.name


def test_a_second_dateline_with_am_pm_and_a_menu_line_ending_in_a_quote() -> None:
    raw = [
        "Monday, Sep 25, 2023 | Last Update : 09:40 PM IST",
        "",
        "  World   Asia  16 Mar 2018  Envoy called back, ministry says ‘routine’",
        "",
        "Envoy called back, ministry says ‘routine’",
        "",
        "Published : Mar 16, 2018, 2:27 am IST",
        "Updated : Mar 16, 2018, 2:27 am IST",
        "",
        "The envoy was called back on Thursday for talks that officials described as routine and expected.",
    ]
    header = extract.read_header(raw)
    assert header.title == "Envoy called back, ministry says ‘routine’"
    assert header.byline_date == dt.date(2018, 3, 16)
    assert header.drop[2] == rules.NAVIGATION_RULE
    assert header.drop[6] == header.drop[7] == rules.DATELINE_RULE


def test_byline_with_an_edit_note_and_the_name_alone_above_it() -> None:
    raw = ["Envoy Granted Asylum", "", "Jane Roe", "By Jane Roe Last edited 12 months ago", "Envoy Granted Asylum", ""]
    header = extract.read_header(
        [*raw, "The envoy was granted asylum this morning, officials said, after a long wait."]
    )
    assert (header.title, header.author) == ("Envoy Granted Asylum", "Jane Roe")
    assert header.drop[2] == header.drop[3] == rules.BYLINE_RULE
    assert header.drop[4] == rules.REPEATED_HEADLINE_RULE


def test_teaser_cut_with_an_ellipsis_is_not_the_headline() -> None:
    body = "The dissident left the embassy today after winning concessions from the authorities in talks."
    header = extract.read_header(["Dissident leaves embassy", "", body[:60] + "…", "", body])
    assert header.title == "Dissident leaves embassy"
    assert header.drop[2] == rules.TEASER_RULE


def test_dateline_under_the_text_needs_its_word() -> None:
    prose = "The envoy was granted asylum this morning, officials said, after a long wait outside."
    footer = extract.read_footer([prose, "", "Photo by Jane Roe", "", "Last Updated 16 August 2012"])
    assert footer.date == dt.date(2012, 8, 16) and footer.drop == {4: rules.FOOTER_DATELINE_RULE}
    assert extract.read_footer([prose, "", "16 August 2012"]).date is None


def test_outlet_from_a_source_line_or_the_page_title_never_a_wire_agency() -> None:
    header = extract.read_header(["Protesters storm embassy | WEEKLY", "", "Protesters storm embassy", "", "Body."])
    assert header.site == "WEEKLY"
    wire = [Line(9, "© 2012 Associated Press. All rights reserved.", "copyright footer")]
    assert extract.infer_outlet(wire, [], header) == ("WEEKLY", "page title (line 1)")
    assert extract.infer_outlet(wire, []) is None
    source = [Line(3, "Source: Example Weekly", rules.SOURCE_LINES.name)]
    assert extract.infer_outlet(source, []) == ("Example Weekly", "source line (line 3)")


BODY = "The activist left the embassy on Wednesday after six days inside it, a US official said in a statement."


def test_a_headline_that_asks_a_question() -> None:
    header = extract.read_header(["Journalist Killed at the Consulate in Istanbul?", BODY])
    assert header.title == "Journalist Killed at the Consulate in Istanbul?"
    # A question after the headline is not a second headline: it ends the header like any sentence.
    header = extract.read_header(["Envoy recalled", "", "Why now?", "", BODY])
    assert header.title == "Envoy recalled"


def test_a_title_case_headline_ending_in_a_full_stop_is_the_headline() -> None:
    headline = "Gunman With Assault Rifle Shoots Up Embassy In The Capital. No One Hurt."
    header = extract.read_header([headline, "", BODY])
    assert header.title == headline
    # a first sentence in sentence case is the text, not a headline: the page has none
    assert extract.read_header(["A gunman shot at the embassy in the capital overnight.", "", BODY]).title is None


def test_a_title_case_headline_is_not_a_menu_but_a_menu_still_is() -> None:
    header = extract.read_header(["Footage Shows US Embassy In Yemen Being Overrun", "", BODY])
    assert header.title == "Footage Shows US Embassy In Yemen Being Overrun"
    menu = "BBC NEWS Americas Africa Europe Middle East South Asia Asia Pacific"
    header = extract.read_header([menu, "", "Activist leaves embassy", "", BODY])
    assert header.drop[0] == rules.NAVIGATION_RULE and header.title == "Activist leaves embassy"


def test_an_iso_or_ordinal_dateline_under_the_headline_is_not_the_headline() -> None:
    header = extract.read_header(["Activist leaves embassy", "", "2012-05-02 12:28", "", BODY])
    assert (header.title, header.byline_date) == ("Activist leaves embassy", dt.date(2012, 5, 2))
    raw = ["Consuls closed", "", "Translated by Jane Roe for Example News", "", "23rd January, 2016", "", BODY]
    header = extract.read_header(raw)
    assert (header.title, header.byline_date) == ("Consuls closed", dt.date(2016, 1, 23))


def test_a_dateline_label_without_its_date_is_not_the_headline() -> None:
    header = extract.read_header(["Envoys expelled", "", "Envoys expelled", "", "Updated on", "", BODY])
    assert header.title == "Envoys expelled" and header.byline_date is None


def test_a_date_with_a_comment_count_and_a_blogs_post_line_are_datelines() -> None:
    header = extract.read_header(["Protesters break into embassy", "09-Sep-2011 (one comment)", "", BODY])
    assert (header.title, header.byline_date) == ("Protesters break into embassy", dt.date(2011, 9, 9))
    post = "In World News on September 10, 2011 at 3:25 am"
    header = extract.read_header(["Egyptians storm embassy", "", post, "", "By Richard Hall", "", BODY])
    assert (header.title, header.author, header.byline_date) == (
        "Egyptians storm embassy",
        "Richard Hall",
        dt.date(2011, 9, 10),
    )
    assert header.byline == post  # the line the date is read from


def test_captions_between_the_headline_and_the_dateline_are_passed_over() -> None:
    caption = "Police officers stand guard next to the embassy in the capital, Dec. 24, 2019."
    raw = ["Police Ask Embassy to Hand Over Refugees", "", f"  • {caption}", "", f"{caption} | Photo: Reuters", ""]
    header = extract.read_header([*raw, "Published 25 December 2019", "", BODY])
    assert (header.title, header.byline_date) == ("Police Ask Embassy to Hand Over Refugees", dt.date(2019, 12, 25))


def test_labels_and_what_a_follow_button_follows_are_not_the_headline() -> None:
    header = extract.read_header(["Car Bomb Outside Embassy", "", "From Example News:", "", BODY])
    assert header.title == "Car Bomb Outside Embassy"
    header = extract.read_header(["Envoy expelled", "", "Storyline:National News, World", "", BODY])
    assert header.title == "Envoy expelled" and header.drop[2] == rules.HEADER_EXTRA_RULE
    header = extract.read_header(["Blast hits embassy", "", "Click to follow", "The Example Online", "", BODY])
    assert header.title == "Blast hits embassy" and header.drop[3] == rules.HEADER_EXTRA_RULE


def test_datelines_with_an_agency_and_place_or_an_article_published_line() -> None:
    raw = [
        "Minister expelled as rally row mounts",
        "",
        "AFP Rotterdam, Netherlands Mar 12, 2017, 01.27 AM (IST)",
        "",
        BODY,
    ]
    header = extract.read_header(raw)
    assert (header.title, header.byline_date) == ("Minister expelled as rally row mounts", dt.date(2017, 3, 12))
    header = extract.read_header(["Article published on the 2008-09-11 Latest update 2008-09-11 15:39 TU", BODY])
    assert header.byline_date == dt.date(2008, 9, 11) and header.title is None
    # A Title Case headline that carries its date stays the headline.
    header = extract.read_header(["Asylum Seekers Leave China - 2002-05-16", "", BODY])
    assert header.title == "Asylum Seekers Leave China"


def test_a_decorated_deck_is_not_the_headline_and_a_byline_may_follow_the_standfirst() -> None:
    deck = "///////////The president accuses the ambassador of fostering divisions.//////////////"
    header = extract.read_header(["Ambassador expelled", "", deck, "", "By Jane Roe, Staff Writer", "", BODY])
    assert (header.title, header.author) == ("Ambassador expelled", "Jane Roe")
    standfirst = "The country has expelled the ambassador, accusing him of fomenting the unrest in the provinces."
    raw = ["Ambassador expelled", "", standfirst, "", "By Jane Roe, Latin America Correspondent", "", BODY]
    header = extract.read_header(raw)
    assert header.author == "Jane Roe" and header.drop[4] == rules.BYLINE_RULE


def test_the_headline_is_the_first_long_line_not_a_section_label_a_related_link_or_a_standfirst() -> None:
    header = extract.read_header(["South Asia and Beyond", "", "Envoy To UK Locked Out Of Embassy", "", BODY])
    assert header.title == "Envoy To UK Locked Out Of Embassy" and header.drop[0] == rules.HEADER_EXTRA_RULE
    raw = [
        "Security Guard Returns Home in Border Deal",
        "",
        "Ambassador condemns the attack at the settlement",
        "Embassy in the capital attacked, some people wounded - TV",
        "",
        "30 July, 2017",
        "",
        BODY,
    ]
    header = extract.read_header(raw)
    assert (header.title, header.byline_date) == ("Security Guard Returns Home in Border Deal", dt.date(2017, 7, 30))
    standfirst = "Israel says its neighbour did not tie the guard's return to the removal of the metal detectors"
    header = extract.read_header(["Embassy guard involved in shooting returned home", standfirst, "", BODY])
    assert header.title == "Embassy guard involved in shooting returned home"


def test_a_page_title_with_the_site_a_tagline_menu_and_pictograph_menu_are_not_the_headline() -> None:
    raw = ["Protesters storm embassy in the capital | WEEKLY", "", "Protesters storm embassy in the capital", "", BODY]
    header = extract.read_header(raw)
    assert (header.title, header.site) == ("Protesters storm embassy in the capital", "WEEKLY")
    tagline = "Sound journalism, grounded in facts and truth | Donate"
    assert (
        extract.read_header([tagline, "", "Protesters storm the embassy", "", BODY]).title
        == "Protesters storm the embassy"
    )
    menu = "📷Images of unrest ✍️ Submit a column Best looks 💃💃 👀See interactive map"
    header = extract.read_header([menu, "GRAPHICS", "", "A visual guide to how the embassy was evacuated", "", BODY])
    assert header.title == "A visual guide to how the embassy was evacuated"
    assert header.drop[0] == rules.NAVIGATION_RULE  # a menu, not merely a line above the headline
    tagged = extract.read_header([tagline, "", "Protesters storm the embassy", "", BODY])
    assert tagged.drop[0] == rules.NAVIGATION_RULE


def test_a_name_alone_under_the_headline_is_the_author_and_quote_marks_do_not_make_a_new_headline() -> None:
    header = extract.read_header(["US embassy evacuated by special forces", "Liaquat Ali", BODY])
    assert (header.title, header.author) == ("US embassy evacuated by special forces", "Liaquat Ali")
    header = extract.read_header(["Middle East", "", "Gunman kills security chief at embassy", "", BODY])
    assert header.author is None
    raw = ["Ambassador ‘locked out’ of London embassy", "", "Ambassador 'locked out' of London embassy", "", BODY]
    header = extract.read_header(raw)
    assert (
        header.title == "Ambassador ‘locked out’ of London embassy" and header.drop[2] == rules.REPEATED_HEADLINE_RULE
    )


def test_a_name_over_a_photo_caption_that_opens_with_it_is_the_pictures_label_not_the_author() -> None:
    # The Guardian's page in examples/senkaku-2010: the picture's label, then its caption, then the text.
    raw = [
        "Japan releases Chinese fishing boat captain",
        "",
        "Arrest after collision with coastguard ships in disputed waters sparked row between Japan and China",
        "Zhan Qixiong",
        "Zhan Qixiong, seen being led away by coastguard personnel, was arrested. Photograph: Karii Matayoshi/AP",
        "",
        BODY,
    ]
    header = extract.read_header(raw)
    assert header.title == "Japan releases Chinese fishing boat captain"
    assert header.author is None and header.drop[3] == rules.CAPTION_RULE


def test_a_dateline_under_the_standfirst_or_a_dotted_one_above_the_headline() -> None:
    standfirst = "On April 17, the security service reported the detention of the consul in the port city."
    raw = [
        "Ministry calls the consul's detention a provocation",
        standfirst,
        "Saturday, 17 April 2021, 10:49",
        "",
        BODY,
    ]
    header = extract.read_header(raw)
    assert header.byline_date == dt.date(2021, 4, 17) and header.drop[2] == rules.DATELINE_RULE
    header = extract.read_header(["11:55 17.04.2021", "", "Ministry calls the detention a provocation", "", BODY])
    assert (header.title, header.byline_date) == ("Ministry calls the detention a provocation", dt.date(2021, 4, 17))


def test_a_section_label_under_the_headline_a_media_tag_two_writers_and_reading_time_in_a_dateline() -> None:
    header = extract.read_header(["Police break into the embassy to arrest a former minister", "", "World", "", BODY])
    assert header.drop[2] == rules.HEADER_EXTRA_RULE
    title = "Protesters storm the embassy and set it on fire in retaliation for plans to burn a book(Videos)"
    assert extract.read_header([title, "", BODY]).title == title
    raw = ["Kingdom freezes ties, Ottawa defiant", "", "Aziz El Yaakoubi and David Ljunggren", BODY]
    assert extract.read_header(raw).author == "Aziz El Yaakoubi and David Ljunggren"
    raw = ["Gunman kills security chief at embassy", "", "Fri., Jan. 27, 20231 min. read", "", BODY]
    assert extract.read_header(raw).byline_date == dt.date(2023, 1, 27)


def test_a_pictures_caption_above_the_headline_does_not_end_the_header() -> None:
    caption = "The statue outside the consulate in the port city."
    headline = "Ambassador Recalled Over Statue Outside Consulate"
    header = extract.read_header([caption, "", headline, "", BODY])
    assert header.title == headline and header.drop[0] == rules.CAPTION_RULE
    # A short first sentence followed by a paragraph, not by a headline, is the text.
    header = extract.read_header([caption, "", BODY])
    assert header.title is None and 0 not in header.drop


def test_a_hard_wrapped_first_paragraph_is_the_text_not_headline_candidates() -> None:
    raw = [
        "Envoys expelled over killing in the capital",
        "",
        "The government has expelled two diplomats working at the",
        "embassy after prosecutors took over the case of a man shot in a park, saying the",
        "evidence suggests the involvement of a foreign",
        "government.",
        "The foreign ministry said it was responding in this way because the authorities had not cooperated.",
    ]
    header = extract.read_header(raw)
    assert header.title == "Envoys expelled over killing in the capital" and set(header.drop) == {0}
    # A short line right above the first sentence that ends a phrase, the next line opening with a capital, is a
    # standfirst: the text starts below it.
    raw = [raw[0], "Diplomats told to leave the country in a week", raw[6]]
    assert extract._wrapped_into_the_text(raw, 2, [(0, raw[0]), (1, raw[1])]) == 2
    assert extract._wrapped_into_the_text(raw, 2, [(0, raw[0]), (1, raw[1].replace("in a week", "in the"))]) == 1


def test_a_wire_agencys_label_is_not_the_headline() -> None:
    raw = ["AP National", "", "By JANE ROE", "", "The Associated Press", "", BODY]
    header = extract.read_header(raw)
    assert header.title is None and header.author == "JANE ROE"
    assert header.drop == {0: rules.HEADER_EXTRA_RULE, 2: rules.BYLINE_RULE, 4: rules.HEADER_EXTRA_RULE}


def test_a_date_above_the_headline_is_the_sites_clock_when_another_stands_under_it() -> None:
    raw = ["Saturday, 27 November 2021, 08:24:11 pm", "Ten ambassadors ordered out of the country", "October 23, 2021"]
    header = extract.read_header([*raw, "", BODY])
    assert header.title == raw[1] and header.byline_date == dt.date(2021, 10, 23)
    assert header.drop[0] == header.drop[2] == rules.DATELINE_RULE
    # Alone above the headline, that date is the article's.
    header = extract.read_header([raw[0], raw[1], "", BODY])
    assert header.title == raw[1] and header.byline_date == dt.date(2021, 11, 27)


def test_a_source_label_under_a_dateline_below_the_headline_is_not_the_headline() -> None:
    raw = ["Kingdom breaks off ties after the execution", "", "January 3, 2016, 9:09pm", "", "BBC News", "", BODY]
    header = extract.read_header(raw)
    assert (header.title, header.byline_date) == (raw[0], dt.date(2016, 1, 3))
    assert header.drop[4] == rules.HEADER_EXTRA_RULE


def test_a_headline_of_up_to_25_words_and_a_byline_run_into_its_date() -> None:
    headline = (
        "The president tells the diplomats they have '72 hours to leave the country' as he breaks off ties in a row "
        "with Washington"
    )
    assert 20 < clean.words(headline) <= 25
    header = extract.read_header([headline, "", "Jane Roe23 January 2019", "", BODY])
    assert (header.title, header.author, header.byline_date) == (headline, "Jane Roe", dt.date(2019, 1, 23))
    assert header.drop == {0: "headline", 2: rules.BYLINE_RULE}


def test_the_headline_printed_again_with_a_separator_left_at_its_end() -> None:
    header = extract.read_header(
        ["Five countries cut links with the emirate", "Five countries cut links with the emirate -", "", BODY]
    )
    assert header.title == "Five countries cut links with the emirate"
    assert header.drop == {0: "headline", 1: rules.REPEATED_HEADLINE_RULE}


def test_a_dateline_with_a_byline_after_a_bar_ending_in_a_full_stop() -> None:
    raw = ["Leftists Storm the Envoy's Home", "", "December 18, 1996|By From Tribune News Services.", "", BODY]
    header = extract.read_header(raw)
    assert (header.title, header.byline_date) == (raw[0], dt.date(1996, 12, 18))
    assert header.drop[2] == rules.DATELINE_RULE


def test_a_dateline_with_no_space_after_the_comma_and_an_agency_after_the_time() -> None:
    raw = ["Rioters attack the embassy", "Feb 22,2008 00:00 by UPI", "", BODY]
    header = extract.read_header(raw)
    assert (header.title, header.byline_date) == (raw[0], dt.date(2008, 2, 22))
    assert dates.classify("Feb 22,2008") == dates.classify("22 Feb,2008") == (dt.date(2008, 2, 22), "day")
    # a number after the comma is no year: "May 5,000 protesters", "June 1,1500"
    found = rules.DATE_CANDIDATES.finditer("In May 5,000 marched; June 1,1500")
    assert [m.group(0) for m in found] == ["May 5", "June 1"]
    # lower-case words after the date are still not a dateline's, unless a byline of capitalised words
    assert extract._dateline("Feb 22, 2008 was the day rioters came") is None


def test_last_update_is_a_datelines_word() -> None:
    raw = [
        "• Beirut",
        "",
        "  • Wednesday, June 5, 2024 at 10:07 AM",
        "    Last Update : Friday, June 7, 2024 at 10:20 AM",
    ]
    header = extract.read_header([*raw, "", "Army tightens security after shots fired at the embassy", "", BODY])
    assert header.title == "Army tightens security after shots fired at the embassy"
    assert header.byline_date == dt.date(2024, 6, 5) and header.drop[3] == rules.DATELINE_RULE


def test_a_section_before_the_byline_past_a_bar() -> None:
    raw = [
        "Published: Thu, May 17, 2018",
        "World News | By Joan Terry",
        "",
        "Consul ordered to leave after the row",
        BODY,
    ]
    header = extract.read_header(raw)
    assert (header.title, header.author, header.byline_date) == (raw[3], "Joan Terry", dt.date(2018, 5, 17))
    assert header.drop[1] == rules.BYLINE_RULE


def test_a_spanish_language_sites_dateline_and_a_run_of_hard_wrapped_lines() -> None:
    header = extract.read_header(["Nuncio's expulsion undermines relations", "", "15 de marzo 2022", "", BODY])
    assert header.byline_date == dt.date(2022, 3, 15) and header.drop[2] == rules.DATELINE_RULE
    assert dates.classify("3 de enero de 2019") == (dt.date(2019, 1, 3), "day")
    wrapped = [
        "The ministry summoned the ambassador as militia members massed outside the embassy in the capital",
        "after he was held by the authorities during protests over a fatal plane crash near the airport",
        "on suspicion of organising and directing radical actions, a news agency later said on its website",
    ]
    header = extract.read_header(["Envoy summoned as protests break out", "", *wrapped, "Officials said so."])
    assert header.title == "Envoy summoned as protests break out" and set(header.drop) == {0}


def test_a_name_alone_first_under_the_text_is_the_writers_signature() -> None:
    raw = ["Sanctions on the embassy", "", BODY, "", "Jane Fernandez", "", "Photo – Twitter"]
    footer = extract.read_footer(raw)
    assert footer.author == "Jane Fernandez" and footer.drop == {4: rules.BYLINE_RULE}
    # not a page's control, nor words the page writes in lower case, nor a name further down
    text = BODY + " Read the full article."
    for below in (["Previous Post"], ["Full Article"], ["Share this", "Jane Roe"]):
        assert extract.read_footer(["Sanctions on the embassy", "", text, "", *below]).author is None


def test_a_label_printed_again_with_its_credit_run_on_is_not_the_headline() -> None:
    header = extract.read_header(["President at the podium", "President at the podiumScreenshot", "", BODY])
    assert header.title is None and header.drop == {0: rules.REPEATED_CAPTION_RULE, 1: rules.REPEATED_CAPTION_RULE}


def test_a_line_under_the_headline_shorter_than_it_is_a_caption_and_a_longer_one_a_standfirst() -> None:
    title = "Thirty-five expelled diplomats leave the country"
    header = extract.read_header([title, "", "The ministry's headquarters building", "", BODY])
    assert header.title == title and header.drop[2] == rules.HEADER_EXTRA_RULE
    standfirst = "The two states had been working to resolve differences sparked by the killing of a maid"
    header = extract.read_header([title, "", standfirst, "", BODY])
    assert header.title == title and 2 not in header.drop


def test_a_dateline_with_fields_after_bars_or_run_into_a_sections_name() -> None:
    assert extract._dateline("Published: 10th August 2021 03:54 PM  |   Last Updated: 10th August 2021  |  A+A-") == (
        dt.date(2021, 8, 10)
    )
    assert extract._dateline("September 8, 2021China in Focus") == dt.date(2021, 9, 8)
    # a headline with a bar and no date in its first field is not a dateline
    assert extract._dateline("Envoys recalled | Site 2021") is None


def test_a_byline_under_the_dateline_under_the_standfirst_past_a_pictures_caption() -> None:
    standfirst = "The capital claims the island as its territory without the right to diplomatic recognition."
    raw = ["Envoy recalled over the office row", "", standfirst, "", "Published: 10th August 2021 03:54 PM  |  A+A-"]
    raw += ["", "China Flag", "", "China Flag (File Photo | PTI)", "", "By Associated Press", "", BODY]
    header = extract.read_header(raw)
    assert header.byline_date == dt.date(2021, 8, 10) and header.author == "Associated Press"
    assert header.drop[4] == rules.DATELINE_RULE and header.drop[10] == rules.BYLINE_RULE


def test_a_sources_name_in_capitals_and_a_dash_above_the_text_are_not_the_headline() -> None:
    header = extract.read_header(["CNN", "—", BODY])
    assert header.title is None and header.drop == {0: rules.HEADER_EXTRA_RULE, 1: rules.HEADER_EXTRA_RULE}


def test_a_caption_right_over_the_byline_and_a_dateline_under_it() -> None:
    standfirst = "The ambassador was declared persona non grata and given 72 hours to leave the country"
    caption = "Pedro Castillo , who was ousted as president earlier this month."
    raw = ["The family arrives after being granted asylum", "", standfirst, "", caption, "By Jane Roe"]
    raw += ["December 21, 2022 | 12:24 PM", "", BODY]
    header = extract.read_header(raw)
    assert header.author == "Jane Roe" and header.byline_date == dt.date(2022, 12, 21)
    assert header.drop[4] == rules.CAPTION_RULE and header.drop[6] == rules.DATELINE_RULE


def test_a_place_and_a_day_without_a_year_is_a_dateline_not_the_headline() -> None:
    header = extract.read_header(["Kabul, September 5", "", BODY])
    assert header.title is None and header.byline_date is None and header.drop == {0: rules.DATELINE_RULE}


def test_a_writers_name_then_a_space_and_the_date() -> None:
    raw = ["Embassy staff killed in the bombing", "", "Jane Roewick September 5, 2022, 18:48", "", BODY]
    header = extract.read_header(raw)
    assert header.author == "Jane Roewick" and header.byline_date == dt.date(2022, 9, 5)
    assert header.drop[2] == rules.BYLINE_RULE


def test_a_byline_in_lower_case_gives_its_date() -> None:
    # "by WorldTribune Staff, August 17, 2016" under the headline: a byline, not a caption to drop before its date
    raw = [
        "Senior diplomat at the embassy in London defects to the South",
        "",
        "by Wire Staff, August 17, 2016",
        "",
        "A senior diplomat based in London has defected, officials in Seoul said on Wednesday after weeks of talks.",
    ]
    header = extract.read_header(raw)
    assert header.byline_date == dt.date(2016, 8, 17)
    assert header.author == "Wire Staff"
    assert header.title == "Senior diplomat at the embassy in London defects to the South"
