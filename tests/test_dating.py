"""Dating: byline kept, byline contradicted, date inferred from text or corpus, unknown when nothing tells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explainer.corpus import build_corpus
from explainer.model import Source
from explainer.read import RawArticle


def article(key: str, text: str, **metadata: str) -> RawArticle:
    return RawArticle(key, Path(f"{key}.txt"), text, metadata, None, {})


def corpus(*articles: RawArticle) -> dict[str, Source]:
    return {s.id: s for s in build_corpus(list(articles))}


ARCHIVED = """Envoy Sent Over Asylum Row

By Jane Doe | July 7, 2008 | 8:11 PM EDT

Japan is sending an envoy to Beijing, officials said Monday, as the row over the five asylum seekers goes on.

See earlier story:
Police Drag Defectors Out Of Mission (May 10, 2002)
"""


def test_byline_contradicted_by_the_stories_it_cites() -> None:
    source = corpus(article("a", ARCHIVED))["a"]
    assert source.byline_date == dt.date(2008, 7, 7)
    assert source.date.status == "inferred"
    assert source.date.value == dt.date(2002, 5, 13)  # the first Monday after 10 May 2002
    assert source.date.byline_contradiction is not None
    assert "7 July 2008" in source.date.byline_contradiction
    assert "10 May 2002" in source.date.byline_contradiction


def test_byline_kept_when_the_text_agrees_and_weekdays_checked() -> None:
    text = (
        "A Pledge Reported\n\nDecember 09, 2011 10:15\n\n"
        "The newspaper reported on Thursday that a pledge was given in writing to the other side.\n"
    )
    source = corpus(article("b", text))["b"]
    assert (source.date.status, source.date.value) == ("byline", dt.date(2011, 12, 9))
    assert source.date.byline_contradiction is None
    assert any("8 December 2011, 1 day before" in line for line in source.date.evidence)


def test_background_years_do_not_contradict_a_byline() -> None:
    text = (
        "Headline\n\nDecember 09, 2011 10:15\n\n"
        "They had been in the consulate since 2008, and another group came in 2002, officials said.\n"
    )
    source = corpus(article("c", text))["c"]
    assert source.date.status == "byline" and source.date.byline_contradiction is None


def test_no_date_anywhere_is_unknown_not_guessed() -> None:
    text = (
        "A report with no dates\n\nOfficials met to discuss the matter and said talks would continue for some time.\n"
    )
    source = corpus(article("d", text))["d"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "date unknown" in " ".join(source.warnings)


def test_year_borrowed_from_sources_that_name_the_same_people() -> None:
    dated = article(
        "dated",
        "Row Deepens - 2002-05-10\n\nForeign Minister Yoriko Kawaguchi and spokesman Yasuo Fukuda spoke as "
        "the envoy Seiken Sugiura left for Shenyang on the case.\n",
    )
    other_year = article(
        "later",
        "Pledge - 2011-12-09\n\nThe minister Koichiro Gemba declined to confirm the pledge given to Beijing "
        "on the case of the refugees.\n",
    )
    yearless = article(
        "yearless",
        "On May 20, officials met again. Minister Yoriko Kawaguchi and Yasuo Fukuda said on Friday that "
        "envoy Seiken Sugiura would return.\n",
    )
    source = corpus(dated, other_year, yearless)["yearless"]
    assert source.date.status == "inferred"
    assert source.date.value == dt.date(2002, 5, 24)  # the first Friday on or after 20 May 2002
    assert "No year is written" in source.date.evidence[0]
    assert "Kawaguchi" in source.date.evidence[0]


def test_yearless_article_with_nothing_in_common_stays_unknown() -> None:
    dated = article("dated", "Headline - 2002-05-10\n\nSomething happened in Shenyang on the day, officials said.\n")
    yearless = article("yearless", "On May 20, a committee in Ottawa met and said on Friday it would report.\n")
    assert corpus(dated, yearless)["yearless"].date.status == "unknown"


def test_editor_date_wins_but_the_byline_flag_stays() -> None:
    source = corpus(article("a", ARCHIVED, date="2002-05-14"))["a"]
    assert (source.date.status, source.date.value) == ("given", dt.date(2002, 5, 14))
    assert source.date.byline_contradiction is not None


def test_sources_sorted_by_date_undated_last() -> None:
    sources = build_corpus(
        [
            article("z-undated", "Nothing dated here\n\nOfficials said talks would continue for some time yet.\n"),
            article("b-later", "Later - 2011-12-09\n\nA later report on the pledge, the newspaper said today.\n"),
            article("a-early", "Early - 2002-05-10\n\nAn early report on the incident, the agency said today.\n"),
        ]
    )
    assert [s.id for s in sources] == ["a-early", "b-later", "z-undated"]


def test_a_month_later_than_the_newest_full_date_leaves_the_day_unknown() -> None:
    text = (
        "Consulate closed\n\nOn December 29, 2016, sanctions were imposed and diplomats expelled from the capital.\n"
        "In late July 2017, the other side ordered cuts to the staff, and the consulate closed on Saturday.\n"
    )
    source = corpus(article("m", text))["m"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "July 2017" in " ".join(source.date.evidence)


def test_a_photo_caption_dates_an_article_that_says_today() -> None:
    text = (
        "Students storm embassy\n\nProtesters outside the embassy in the capital on November 29, 2011.\n"
        "Photo: Jane Roe/AFP\n\nStudents stormed the embassy today, throwing documents out of broken windows.\n"
    )
    source = corpus(article("c", text))["c"]
    assert source.date.value == dt.date(2011, 11, 29) and source.date.status == "inferred"
    assert "a photo caption" in " ".join(source.date.evidence)


def test_no_day_is_inferred_from_a_date_the_text_recalls_as_history() -> None:
    text = (
        "Protesters storm embassy\n\nProtesters stormed the embassy in the capital on Tuesday, officials said.\n\n"
        "The assault echoed the Nov. 4, 1979 storming of another embassy in the same city, a long crisis.\n"
    )
    source = corpus(article("h", text))["h"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "recalls it as history" in " ".join(source.date.evidence)
    # Without the recall, the same date is where the article's day is read from.
    plain = corpus(article("p", text.replace("The assault echoed the", "On")))["p"]
    assert plain.date.value == dt.date(1979, 11, 6) and plain.date.status == "inferred"


@pytest.mark.parametrize("before", ["since", "for the last time on"])
def test_no_day_is_inferred_from_a_date_the_text_gives_as_a_past_bound(before: str) -> None:
    text = (
        "Flag raised over embassy\n\nThe secretary visited the capital on Friday to raise the flag at the embassy.\n\n"
        f"The flag has not flown over the building {before} January 3, 1961, the day ties were severed.\n"
    )
    source = corpus(article("s", text))["s"]
    assert source.date.value is None and source.date.status == "unknown"
    # Without those words, the same date is where the article's day is read from.
    plain = corpus(article("t", text.replace(f"has not flown over the building {before}", "was lowered on")))["t"]
    assert plain.date.value == dt.date(1961, 1, 6) and plain.date.status == "inferred"


def test_a_full_date_inside_a_quotation_is_the_speakers_not_the_articles() -> None:
    quote = "“The leader has reneged on the agreement that was reached on the 17th September 2020,” the ministry said."
    text = f"Envoy expelled\n\nThe ministry ordered the envoy out on Sunday, officials said on Monday.\n\n{quote}\n"
    source = corpus(article("q", text))["q"]
    assert source.date.value is None and source.date.status == "unknown"
    # The same date in the reporter's words dates the article.
    plain = corpus(article("r", text.replace("“", "").replace(",” the ministry said", ", the ministry said")))["r"]
    assert plain.date.status == "inferred" and plain.date.value == dt.date(2020, 9, 21)


def test_a_file_photos_date_is_contradicted_by_the_texts_own_day() -> None:
    text = (
        "Ambassador ordered out\n\nThe president addresses the assembly on September 26, 2007. (UPI Photo/Jane Roe)\n\n"
        "LA PAZ, Sept. 11 (UPI) -- The president ordered the ambassador to leave the country on Wednesday.\n"
    )
    source = corpus(article("u", text))["u"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "photo is older than the article" in " ".join(source.date.evidence)


def test_a_file_photos_date_is_contradicted_by_a_later_day_in_the_lede_too() -> None:
    text = (
        "The minister speaks in Madrid, Spain, July 9, 2021. REUTERS/Jane Roe\n\n"
        "PARIS, Sept 17 (Reuters) - France said on Friday it had decided to recall its ambassadors for consultations.\n"
    )
    source = corpus(article("v", text))["v"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "photo is older than the article" in " ".join(source.date.evidence)
    # The lede giving the caption's own day: the caption dates the article.
    same = corpus(article("w", text.replace("Sept 17", "July 9")))["w"]
    assert same.date.value == dt.date(2021, 7, 9)


def test_no_day_is_inferred_from_a_file_photos_caption() -> None:
    text = (
        "FILE PHOTO: The president speaks in the capital January 14, 2019. REUTERS/Jane Roe -/File Photo\n\n"
        "CARACAS (Reuters) - The president said on Wednesday he was breaking diplomatic relations with the US.\n"
    )
    source = corpus(article("x", text))["x"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "file photo" in " ".join(source.date.evidence)
    plain = corpus(article("y", text.replace("FILE PHOTO: ", "").replace(" -/File Photo", "")))["y"]
    assert plain.date.value == dt.date(2019, 1, 16)


def test_an_embedded_posts_date_is_the_posts_not_the_articles() -> None:
    # the post answers the news: the article is no older than it, but the page prints no date of its own, even where
    # the text's weekday is the post's day (the annotated sets say unknown on that shape)
    text = (
        "Founder arrested\n\nThe founder was arrested on Thursday by the police, who said officers were invited in.\n"
        "The ambassador invited the police into the embassy and he was immediately arrested.\n"
        "— Example (@example) April 11, 2019\n"
        "He will be held at a police station until an appearance at the court can be arranged, the police said.\n"
    )
    source = corpus(article("z", text))["z"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "embedded post" in " ".join(source.date.evidence)
    assert "— Example (@example) April 11, 2019" not in " ".join(p.text for p in source.paragraphs)
    # a weekday of the text that is not the post's own day is not counted forward from it either
    late = corpus(article("p", text.replace("on Thursday", "late Wednesday")))["p"]
    assert late.date.value is None and late.date.status == "unknown"


def test_a_signature_run_on_after_the_posts_words_dates_the_post_only() -> None:
    # the post's words stay in the text with its signature run on after them: its date is still the post's
    text = (
        "Shots fired at embassy\n\nAn assailant opened fire toward the embassy on Wednesday, the army said.\n\n"
        "Small arms fire was reported near the entrance. Our team is safe. — Embassy (@embassy) June 5, 2024\n\n"
        "The army said it had arrested the assailant after a brief exchange of fire near the embassy gate.\n"
    )
    source = corpus(article("r", text))["r"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "embedded post" in " ".join(source.date.evidence)
    # the same date written as the text's own is read as before: the first Wednesday on or after it
    own = corpus(article("s", text.replace(" — Embassy (@embassy) June 5, 2024", " It was June 5, 2024.")))["s"]
    assert own.date.value == dt.date(2024, 6, 5)


def test_the_ledes_weekday_is_the_news_day_not_one_ahead_further_down() -> None:
    text = (
        "Minister expelled\n\nPolice used water cannon early Sunday outside the consulate as the city expelled "
        "a minister.\n\nThe country, which holds general elections on Wednesday, had said the minister was "
        "not welcome.\n\nOfficers stand guard on March 11, 2017, in the capital. (AFP PICTURE/ JANE ROE)\n"
    )
    source = corpus(article("w", text))["w"]
    assert source.date.value == dt.date(2017, 3, 12)  # the Sunday after the caption's Saturday, not Wednesday 15


def test_a_standfirst_without_its_full_stop_is_not_the_lede() -> None:
    text = (
        "The capital expels the visiting minister\n\nThe two states had been working to resolve differences "
        "sparked by the murder of a maid\n\nA file photo shows the minister speaking during a press conference.\n"
        "He was expelled on March 11, 2017, deepening a row over workers. / AFP PHOTO / JANE ROE\n\n"
        "The country demanded an explanation on Sunday after its minister was expelled from the capital.\n\n"
        "The capital announced on Wednesday that the minister had one week to leave the country.\n"
    )
    source = corpus(article("s", text))["s"]
    assert source.date.value == dt.date(2017, 3, 12)  # the lede's Sunday, not Wednesday 15 further down


def test_a_full_date_printed_with_its_weekday_frames_the_texts_weekdays() -> None:
    text = (
        "Ambassador locked out\n\nThe ambassador stands outside the embassy, Thursday, April 8, 2021. "
        "(AP Photo/Jane Roe)\n\nThe ambassador was barred from the embassy on Wednesday evening by diplomats "
        "loyal to the regime, and a statement was read on Thursday.\n"
    )
    source = corpus(article("t", text))["t"]
    assert source.date.value == dt.date(2021, 4, 8)  # not Wednesday 14 April


def test_a_captions_date_alone_without_a_day_in_the_text_leaves_the_date_unknown() -> None:
    text = (
        "Junta orders envoy out\n\nThis grab image obtained on July 28, 2023, shows the general on TV. — AFP\n\n"
        "The junta that took over the government has ordered the ambassador to leave the country within two days.\n"
    )
    source = corpus(article("g", text))["g"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "no weekday" in " ".join(source.date.evidence)


def test_titles_and_institutions_do_not_lend_a_year() -> None:
    dated = article(
        "dated",
        "Row Deepens - 2002-05-10\n\nThe Prime Minister said the Canadian Embassy and the consulate in Shenyang "
        "would stay open, officials said.\n",
    )
    yearless = article(
        "yearless",
        "Canada expels a diplomat, the Prime Minister said on Monday, after a killing on June 18 near the Indian "
        "Embassy; the Canadian government acted.\n",
    )
    source = corpus(dated, yearless)["yearless"]
    assert source.date.status == "unknown"  # shares Prime, Embassy, Canadian: one name, not three


def test_a_year_later_than_the_newest_full_date_makes_that_date_history() -> None:
    text = (
        "Murder of a policewoman\n\nShe was fatally wounded on 17 April 1984 by a shot fired from the embassy on the "
        "square. In 1999 the government admitted culpability, and police continued their investigation until 2017.\n"
    )
    source = corpus(article("h", text))["h"]
    assert source.date.value is None and source.date.status == "unknown"


def test_a_date_in_the_text_with_no_weekday_or_today_gives_no_day() -> None:
    # the text's newest date is when something happened: the article is no older, but nothing says how much newer
    text = (
        "Gulf states cut ties\n\nFour states announced on 6 June 2017 they were severing diplomatic ties with their "
        "neighbour, accusing it of supporting terrorism.\n\nThe neighbour denied the charge and said the decision "
        "had no basis in fact, its foreign ministry said in a statement.\n"
    )
    source = corpus(article("g", text))["g"]
    assert source.date.value is None and source.date.status == "unknown"
    assert "no weekday" in " ".join(source.date.evidence)
    # with the news placed in time ("on Tuesday"), the day is read as before: the first Tuesday on or after it
    told = corpus(article("h", text.replace("accusing it", "on Tuesday, accusing it")))["h"]
    assert told.date.value == dt.date(2017, 6, 6) and told.date.status == "inferred"


def test_a_dateline_run_into_the_lede_gives_the_day() -> None:
    # "PLACE, date - …" opening the first paragraph is the day it was filed, not a date the news recalls
    text = (
        "Pier work starts\n\nPORT ELLIS, June 10, 2024 - Work began on the old ferry pier, closed since a winter storm "
        "damaged its pilings, the council said.\n\nCouncil chair Dana Whitcombe cut the ribbon and said the pier would "
        "reopen next spring.\n"
    )
    source = corpus(article("d", text))["d"]
    assert source.date.value == dt.date(2024, 6, 10) and source.date.status == "inferred"
    recalled = corpus(
        article("e", text.replace("PORT ELLIS, June 10, 2024 - Work", "Work that stopped on June 10, 2024"))
    )
    assert recalled["e"].date.value is None  # the same date inside the sentence dates the news, not the article
