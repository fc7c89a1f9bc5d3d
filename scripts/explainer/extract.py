"""Extraction: headline, byline, dateline, outlet and the dates written in an article's lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from . import clean, dates, line_score, rules
from .model import DateMention, Line, Paragraph


@dataclass
class Header:
    """What the lines above the article's first paragraph say about it."""

    drop: dict[int, str] = field(default_factory=dict)  # 0-based line index → rule name
    title: str | None = None
    title_line: int | None = None
    author: str | None = None
    byline: str | None = None
    byline_line: int | None = None
    byline_date: dt.date | None = None
    byline_date_text: str | None = None
    site: str | None = None  # the site's name after the headline in a page title ("Headline | WORLD")
    site_line: int | None = None
    candidates: list[tuple[int, str]] = field(default_factory=list)  # the short lines that could be the headline


def read_header(raw: list[str], script: str | None = None) -> Header:
    """Headline, byline, dateline and navigation among the lines above the article's first sentence.

    `script`: the article's own writing system (clean.article_script), when the caller has it already.
    """
    script = script or clean.article_script(raw)
    header = Header()
    candidates: list[tuple[int, str]] = []  # short lines that could be the headline
    stop: int | None = None  # the first line of prose, where the header ends
    dateline_at: int | None = None
    lower_datelines: list[tuple[int, dt.date, str]] = []  # datelines after the first
    for index, line in enumerate(raw):
        text = rules.CONTROL_CHARS.sub("", line).strip()
        if not text or clean.line_rule(text):
            continue
        if _is_teaser(raw, index, text):
            header.drop[index] = rules.TEASER_RULE
            continue
        if _question_headline(text, candidates) or _title_case_headline(text, candidates):
            candidates.append((index, text))
            continue
        if clean.is_photo_credit(text):  # a photo's caption between the headline and the dateline
            continue
        if ((clean.is_prose(text) and not _headline_like(text)) or _ends_sentence(text)) and not _dateline(text):
            if text.startswith(rules.CAPTION_BULLETS):  # a gallery's caption, not the text's first sentence
                continue
            if not candidates and _caption_over_headline(raw, index, text):
                header.drop[index] = rules.CAPTION_RULE
                continue
            if not candidates and line_score.furniture_over_the_header(raw, index):
                continue  # left to the furniture score in clean.mark_lines
            stop = index
            break
        if rules.RELATED_BLOCK_HEADER.fullmatch(text):
            break
        if _is_menu(text):
            header.drop[index] = rules.NAVIGATION_RULE
        elif clean.is_foreign_menu(text, script):
            header.drop[index] = rules.FOREIGN_MENU_RULE
        elif (index and clean.printed_again(raw[index - 1].strip(), text)) or (
            index + 1 < len(raw) and clean.printed_again(text, raw[index + 1].strip())
        ):
            header.drop[index] = rules.REPEATED_CAPTION_RULE
        elif header.author is None and (
            match := rules.BYLINE.fullmatch(rules.SECTION_BEFORE_BYLINE.sub("", text, count=1))
            or rules.CREDIT_LINE.fullmatch(text)
        ):
            # a byline under a dateline ("In World News on September 10, 2011" then "By Richard Hall") names the
            # author; the dated line stays the one the date is read from
            header.author = match.group("author")
            if header.byline_date is None:
                header.byline, header.byline_line = text, index + 1
            header.drop[index] = rules.BYLINE_RULE
            _set_byline_date(header, match.groupdict().get("rest") or "", index, text)
        elif header.author is None and (glued := rules.BYLINE_GLUED_DATE.fullmatch(text)):
            header.author = glued.group("author")
            header.drop[index] = rules.BYLINE_RULE
            _set_byline_date(header, glued.group("date"), index, text)
        elif (
            header.author is None
            and (spaced := rules.BYLINE_BEFORE_DATE.fullmatch(text))
            and _name_alone(spaced.group("author"))
            and _dateline(spaced.group("date"))
        ):
            header.author = spaced.group("author")
            header.drop[index] = rules.BYLINE_RULE
            _set_byline_date(header, spaced.group("date"), index, text)
        elif rules.DATELINE_WITHOUT_YEAR.fullmatch(text):
            header.drop[index] = rules.DATELINE_RULE
        elif value := _dateline(text):  # "Published : …" then "Updated : …": both are datelines
            if dateline_at is not None:
                header.drop[index] = rules.DATELINE_RULE
                lower_datelines.append((index, value, text))
                continue
            dateline_at = index
            if header.byline_date is None:
                header.byline_date, header.byline_date_text = value, text
                header.byline, header.byline_line = header.byline or text, header.byline_line or index + 1
            header.drop[index] = rules.DATELINE_RULE
        elif (
            rules.HEADER_LABEL.fullmatch(text)
            or rules.AGENCY_LABEL.fullmatch(text)
            or _follows_a_follow_button(raw, index)
        ):
            header.drop[index] = rules.HEADER_EXTRA_RULE
        elif _labels_a_caption(raw, index, text):  # "Zhan Qixiong" over "Zhan Qixiong, seen … Photograph: X/AP"
            header.drop[index] = rules.CAPTION_RULE
        elif not any(c.isalpha() for c in text) or rules.SOURCE_ACRONYM.fullmatch(text):
            # a dash or a row of marks, or a source's name in capitals alone ("CNN"), above the text: not a headline
            header.drop[index] = rules.HEADER_EXTRA_RULE
        elif clean.words(text) <= rules.HEADLINE_MAX_WORDS:
            candidates.append((index, text))
        else:
            break
    if stop is not None:
        stop = _wrapped_into_the_text(raw, stop, candidates)
        candidates = [c for c in candidates if c[0] < stop]
    if stop is not None and (header.author is None or header.byline_date is None):
        _byline_under_standfirst(header, raw, stop)
    if header.author:  # the author's name alone on a line near the byline ("Rachel Holdsworth")
        for index, text in candidates:
            if text.casefold() == header.author.casefold():
                header.drop[index] = rules.BYLINE_RULE
        candidates = [c for c in candidates if c[0] not in header.drop]
    _choose_title(header, candidates, dateline_at)
    _second_opinion(header, raw, candidates)
    _dateline_under_the_headline(header, dateline_at, lower_datelines)
    header.candidates = candidates
    return header


def _second_opinion(header: Header, raw: list[str], candidates: list[tuple[int, str]]) -> None:
    """The learnt headline score as a second opinion: when the rules' headline does not look like one (a clock,
    a byline, a caption) and another candidate does, the other is the headline."""
    if header.title_line is None or header.site is not None:
        return
    at = header.title_line - 1
    pool = [i for i, _ in candidates if i == at or header.drop.get(i) in (None, rules.HEADER_EXTRA_RULE)]
    other = line_score.second_headline(raw, at, pool)
    if other is None:
        return
    header.drop[at] = line_score.HEADLINE_RULE
    header.title, header.title_line = dict(candidates)[other], other + 1
    header.drop[other] = "headline"


def _dateline_under_the_headline(
    header: Header, dateline_at: int | None, lower: list[tuple[int, dt.date, str]]
) -> None:
    """A date above the headline and another under it: the upper one is the site's clock ("Saturday, 27 November
    2021, 08:24:11 pm", the day the page was viewed); the one under the headline is the article's."""
    if header.title_line is None or dateline_at is None or dateline_at >= header.title_line - 1:
        return
    if header.byline_date_text is None or header.byline_line != dateline_at + 1:
        return
    below = next(((i, v, s) for i, v, s in lower if i > header.title_line - 1), None)
    if below is not None:
        index, header.byline_date, header.byline_date_text = below
        header.byline, header.byline_line = below[2], index + 1


def _next_lines(raw: list[str], index: int, count: int) -> list[str]:
    return [s for line in raw[index + 1 :] if (s := line.strip())][:count]


def _caption_over_headline(raw: list[str], index: int, text: str) -> bool:
    """A short sentence first on the page, then a headline-sized line, then prose: the caption of the picture
    above the headline ("The comfort woman statue outside Japan’s consulate in Busan."), not the text."""
    following = _next_lines(raw, index, 2)
    return (
        not clean.is_prose(text)
        and len(following) == 2
        and rules.HEADLINE_MIN_WORDS <= clean.words(following[0]) <= rules.HEADLINE_MAX_WORDS
        and not _ends_sentence(following[0])
        and clean.is_prose(following[1])
    )


def _wrapped_into_the_text(raw: list[str], stop: int, candidates: list[tuple[int, str]]) -> int:
    """Where the first paragraph starts, when the page is hard-wrapped: the short lines right above the first
    sentence, with no blank line between, that run on into the next line (it goes on in lower case, or they end
    on a word such as "the" or "of") are its first lines, not headline candidates; so are three or more lines of
    prose length in a row (a standfirst is one)."""
    short = dict(candidates)
    # a run of several prose-length lines, none ending a sentence, right above it: a text cut at a width
    run = stop
    while run - 1 in short and clean.words(short[run - 1]) >= rules.TAIL_PROSE_MIN_WORDS:
        run -= 1
    if stop - run >= rules.WRAPPED_RUN_MIN_LINES:
        stop = run
    while stop - 1 in short:
        if not clean.runs_on(short[stop - 1], raw[stop].strip()):
            break
        stop -= 1
    return stop


def _headline_like(text: str) -> bool:
    """Short and ending in a closing quote with no punctuation inside it, or in a media tag ("(Videos)"): a
    headline, not a sentence."""
    return clean.words(text) <= rules.HEADLINE_MAX_WORDS and bool(
        rules.HEADLINE_QUOTE_END.search(text) or rules.HEADLINE_MEDIA_TAG.search(text)
    )


def _byline_under_standfirst(header: Header, raw: list[str], stop: int) -> None:
    """A byline or a dateline right under the first paragraph (a standfirst): "By Jeremy McDermott, Latin America
    Correspondent", "Saturday, 17 April 2021, 10:49"."""
    # a picture's caption between them (its label, its credited line) does not count as one of the lines
    lines = [i for i in range(stop + 1, len(raw)) if raw[i].strip()]
    following = [
        i
        for i, below in zip(lines, [*lines[1:], None], strict=False)
        if not clean.is_photo_credit(text := raw[i].strip())
        and not (below is not None and clean.printed_again(text, raw[below].strip()[: len(text)]))
    ]
    for index in following[: rules.BYLINE_UNDER_STANDFIRST_LINES]:
        text = rules.CONTROL_CHARS.sub("", raw[index]).strip()
        if header.author is None and (match := rules.BYLINE.fullmatch(text)):
            header.author = match.group("author")
            header.byline, header.byline_line = header.byline or text, header.byline_line or index + 1
            header.drop[index] = rules.BYLINE_RULE
            _set_byline_date(header, match.group("rest") or "", index, text)
            if index == stop + 1 and clean.words(raw[stop]) <= rules.CAPTION_OVER_BYLINE_MAX_WORDS:
                # a sentence with the byline right under it, no blank line between: a picture's caption
                header.drop[stop] = rules.CAPTION_RULE
            if header.byline_date is not None:
                return
            continue  # a dateline may stand under the byline
        if header.byline_date is None and (value := _dateline(text)):
            header.byline_date, header.byline_date_text = value, text
            header.byline, header.byline_line = header.byline or text, header.byline_line or index + 1
            header.drop[index] = rules.DATELINE_RULE
            continue  # a byline may stand under the dateline
        if clean.is_prose(text):
            return


def _follows_a_follow_button(raw: list[str], index: int) -> bool:
    """The name under a "Click to follow" button: what the reader would follow, not the headline."""
    above = next((line.strip() for line in reversed(raw[:index]) if line.strip()), "")
    return clean.line_rule(above) == rules.FOLLOW_LINES.name


def _question_headline(text: str, candidates: list[tuple[int, str]]) -> bool:
    """The first short line of the page ending in a question mark, with no sentence before it inside:
    a headline that asks ("… Killed at Saudi Consulate in Istanbul?"), not a sentence of the text."""
    return (
        not candidates
        and text.endswith("?")
        and clean.words(text) <= rules.HEADLINE_MAX_WORDS
        and not re.search(r"[.!?]\s", text)
    )


def _title_case_headline(text: str, candidates: list[tuple[int, str]]) -> bool:
    """The first line of the page in Title Case ending in a full stop ("Gunman … Shoots Up Cuban Embassy In
    Washington. No One Hurt."): a headline that ends like a sentence; a sentence of the text does not capitalise
    every longer word."""
    longer = [word for word in re.findall(r"[^\W\d_][\w'’.-]*", text) if len(word.rstrip(".")) >= 4]
    return (
        not candidates
        and text.endswith(".")
        and not text.endswith(("..", "…"))
        and rules.HEADLINE_MIN_WORDS <= clean.words(text) <= rules.HEADLINE_MAX_WORDS
        and len(longer) >= 4
        and all(word[0].isupper() for word in longer)
        and not text.isupper()
    )


def _is_teaser(raw: list[str], index: int, text: str) -> bool:
    """A line cut short with an ellipsis whose words open the next non-blank line."""
    if not (match := rules.TEASER_END.search(text)):
        return False
    following = next((line.strip() for line in raw[index + 1 :] if line.strip()), "")
    start = text[: match.start()].rstrip()
    return len(start.split()) >= rules.TAIL_SENTENCE_MIN_WORDS and following.startswith(start)


def _choose_title(header: Header, candidates: list[tuple[int, str]], dateline_at: int | None) -> None:
    """The headline: first short line under a dateline, else the last one above the byline, dateline or text."""
    if not candidates:
        return
    byline_at = header.byline_line - 1 if header.byline_line and header.author else None
    # under a dateline, the headline is the first line longer than a label: a source label ("BBC News") under a
    # dateline that stands below the headline is not one
    after_dateline = [
        c
        for c in candidates
        if dateline_at is not None and c[0] > dateline_at and clean.words(c[1]) > rules.SECTION_LABEL_MAX_WORDS
    ]
    above = [c for c in candidates if c[0] < (byline_at if byline_at is not None else dateline_at or 1 << 30)]
    pool = above or candidates
    # a page title ("Headline | WORLD") above the article's own headline is not the headline
    titled = {m.group("title") for c in pool if (m := rules.TITLE_SITE_SUFFIX.fullmatch(c[1]))}
    long = [
        c
        for c in pool
        if clean.words(c[1]) >= rules.HEADLINE_MIN_WORDS
        and not ((m := rules.TITLE_SITE_SUFFIX.fullmatch(c[1])) and any(o[1] == m.group("title") for o in pool))
    ]
    long = long or [c for c in pool if c[1] in titled]
    index, text = after_dateline[0] if after_dateline else (long[0] if long else pool[-1])
    header.title, header.title_line = text, index + 1
    header.drop[index] = "headline"
    if match := rules.TITLE_DATE_SUFFIX.fullmatch(text):
        header.title = match.group("title")
        _set_byline_date(header, match.group("date"), index, text)
    extras_after = [c for c in candidates if c[0] > index]
    for other, other_text in candidates:
        site = rules.TITLE_SITE_SUFFIX.fullmatch(other_text)
        if other != index and site and site.group("title") == header.title and header.site is None:
            header.site, header.site_line = site.group("site").strip(), other + 1
            header.drop[other] = rules.REPEATED_HEADLINE_RULE
        elif other != index and _same_words(other_text, text):
            header.drop[other] = rules.REPEATED_HEADLINE_RULE
        elif other > index and header.author is None and _name_alone(other_text):
            header.author, header.byline, header.byline_line = other_text, other_text, other + 1
            header.drop[other] = rules.BYLINE_RULE
        elif (
            other < index
            or (len(extras_after) >= rules.HEADER_EXTRAS_AFTER_TITLE_MIN and other > index)
            or (other > index and clean.words(other_text) <= rules.SECTION_LABEL_MAX_WORDS)
            or (other > index and _caption_under_headline(other_text, header.title))
        ):
            header.drop[other] = rules.HEADER_EXTRA_RULE


def _caption_under_headline(text: str, title: str) -> bool:
    """A line under the headline shorter than it and no sentence is a picture's caption (a standfirst runs longer
    than its headline)."""
    return clean.words(text) < min(clean.words(title), rules.SUBHEAD_MAX_WORDS + 1) and not _ends_sentence(text)


def _same_words(a: str, b: str) -> bool:
    """The same line but for its quotation marks (‘locked out’ and 'locked out') and a separator left at its end
    ("Five countries cut links with Qatar -", where a page title lost the site's name)."""
    return rules.QUOTE_MARKS.sub("'", a).rstrip(rules.TITLE_TRAILING_SEPARATORS) == rules.QUOTE_MARKS.sub(
        "'", b
    ).rstrip(rules.TITLE_TRAILING_SEPARATORS)


def _labels_a_caption(raw: list[str], index: int, text: str) -> bool:
    """A name alone on the line above a photo's caption that opens with it is the picture's label, not a byline."""
    following = next((line.strip() for line in raw[index + 1 :] if line.strip()), "")
    return (
        _name_alone(text)
        and following[len(text) : len(text) + 1] in {",", " "}
        and following.startswith(text)
        and clean.is_photo_credit(following)
    )


def _name_alone(text: str) -> bool:
    return bool(rules.NAME_ALONE.fullmatch(text)) and not rules.NOT_NAME_WORDS.intersection(text.split())


@dataclass
class Footer:
    """A byline printed under the article's last sentence ("By Seo Seung-wook [e-mail]")."""

    drop: dict[int, str] = field(default_factory=dict)
    author: str | None = None
    byline_line: int | None = None
    date: dt.date | None = None  # "Last Updated 16 August 2012" under the text
    date_text: str | None = None
    date_line: int | None = None


def read_footer(raw: list[str]) -> Footer:
    footer = Footer()
    last = clean.last_prose_line([line.strip() for line in raw])
    first_below = True  # the first line under the text: where a writer signs a blog post with a name alone
    for index in range(last + 1 if last is not None else len(raw), len(raw)):
        text = rules.CONTROL_CHARS.sub("", raw[index]).strip()
        if not text:
            continue
        if footer.author is None and (match := rules.BYLINE.fullmatch(text)):
            footer.author, footer.byline_line = match.group("author"), index + 1
            footer.drop[index] = rules.BYLINE_RULE
        elif footer.author is None and first_below and _signature(text, raw):
            footer.author, footer.byline_line = text, index + 1
            footer.drop[index] = rules.BYLINE_RULE
        elif footer.date is None and rules.DATELINE_PREFIX.match(text) and (value := _dateline(text)):
            footer.date, footer.date_text, footer.date_line = value, text, index + 1
            footer.drop[index] = rules.FOOTER_DATELINE_RULE
        first_below = False
    return footer


def _signature(text: str, raw: list[str]) -> bool:
    """A name alone, none of whose words the page also writes in lower case ("Previous Post": "post" is a common
    word, so the line is a link's label; "Spencer Fernando" is nowhere in lower case)."""
    if clean.line_rule(text) or not _name_alone(text):
        return False
    page = "\n".join(raw)
    return not any(re.search(rf"\b{re.escape(word.lower())}\b", page) for word in text.split() if word != "and")


def _is_menu(text: str) -> bool:
    if len(rules.MENU_GAPS.findall(text)) >= rules.MENU_MIN_GAPS:
        return True
    if len(rules.MENU_PICTOGRAPHS.findall(text)) >= rules.MENU_MIN_PICTOGRAPHS:
        return True
    if rules.MENU_ITEM_AFTER_BAR.fullmatch(text):
        return True
    tokens = text.split()
    return (
        len(tokens) >= rules.MENU_MIN_CAPITALISED_WORDS
        and all(rules.MENU_WORD.fullmatch(t) for t in tokens)
        and not rules.HEADLINE_PHRASE_WORDS.intersection(tokens)
    )


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?]\s*$", text))


def _set_byline_date(header: Header, text: str, index: int, printed: str) -> None:
    """Take the date from `text`, part of the printed line `printed` (a byline or a dated headline)."""
    if header.byline_date is None and (value := dates.full_date(text)):
        header.byline_date, header.byline_date_text = value, text.strip()
        header.byline = header.byline or printed
        header.byline_line = header.byline_line or index + 1


def _dateline(text: str) -> dt.date | None:
    if rules.TITLE_DATE_SUFFIX.fullmatch(text):  # "Headline - 2002-05-10": a headline that carries its date
        return None
    if run_on := rules.DATELINE_YEAR_RUN_ON.search(text):
        text = text[: run_on.start()]
    fields = rules.DATELINE_FIELD_BAR.split(text)
    if len(fields) > 1 and (first := _dateline(fields[0])):
        return first
    text = rules.DATELINE_PREFIX.sub("", text, count=1) if rules.DATELINE_PREFIX.match(text) else text
    text = rules.DATELINE_READING_TIME.sub("", rules.DATELINE_COMMENT_COUNT.sub("", text)).strip()
    text = rules.DATELINE_BYLINE_AFTER.sub("", text)
    if clean.words(text) > rules.DATELINE_MAX_WORDS or not rules.FOUR_DIGIT_YEAR.search(text):
        return None
    match = rules.DATE_CANDIDATES.search(text)
    rest = rules.WEEKDAY.sub("", text[: match.start()] + text[match.end() :]) if match else ""
    if not match or not rules.DATELINE_REST.fullmatch(rest):
        return None
    if len(rules.DATELINE_NAME.findall(rest)) > rules.DATELINE_MAX_NAMES:  # a Title Case headline with a date
        return None
    found = dates.read_candidate(match)
    return found[0] if found and found[1] == "day" else None


def infer_title(paragraphs: list[Paragraph]) -> str | None:
    """No headline: the first sentence, shortened where a clause ends, else at a word boundary."""
    if not paragraphs:
        return None
    sentence = re.split(r"(?<=[.!?])\s", paragraphs[0].text, maxsplit=1)[0]
    if len(sentence) <= rules.INFERRED_TITLE_MAX_CHARS:
        return sentence.rstrip(".")
    shortest, longest = rules.INFERRED_TITLE_CLAUSE_CHARS
    breaks = [m.start() for m in rules.TITLE_CLAUSE_BREAK.finditer(sentence) if shortest <= m.start() <= longest]
    if breaks:
        return sentence[: breaks[-1]] + "…"
    return sentence[: rules.INFERRED_TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"


def infer_outlet(
    lines: list[Line], paragraphs: list[Paragraph], header: Header | None = None
) -> tuple[str, str] | None:
    """(outlet, how it was found): a site name in a dateline, a source line, the page title or a copyright footer;
    never a wire agency ("© 2012 Associated Press" marks wire copy, not who published it)."""
    for paragraph in paragraphs[:2]:
        match = rules.OUTLET_IN_DATELINE.search(paragraph.text)
        if match and match.group("outlet") not in rules.WIRE_AGENCIES:
            return match.group("outlet"), f"dateline of paragraph {paragraph.number}"
    for line in lines:
        match = (
            rules.SOURCE_LINES.pattern.fullmatch(line.text.strip())
            if line.dropped_by == rules.SOURCE_LINES.name
            else None
        )
        if match and (outlet := match.group("outlet").strip()) not in rules.WIRE_AGENCIES:
            return outlet, f"source line (line {line.number})"
    if header is not None and header.site:
        return header.site, f"page title (line {header.site_line})"
    for line in lines:
        match = rules.OUTLET_IN_COPYRIGHT.search(line.text) if line.dropped_by == rules.COPYRIGHT_LINES.name else None
        if match and (outlet := match.group("outlet").strip(" -–—©")) and outlet not in rules.WIRE_AGENCIES:
            return outlet, f"copyright footer (line {line.number})"
    return None


def wire_credits(paragraphs: list[Paragraph]) -> list[str]:
    """Wire agencies credited in datelines such as "WASHINGTON (Kyodo)"."""
    found = [m.group("agency") for p in paragraphs if (m := rules.WIRE_CREDIT.match(p.text))]
    return sorted(set(found))


def related_lines(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.dropped_by == rules.RELATED_BLOCK_RULE]


def related_stories(related: list[Line]) -> list[str]:
    """The stories a related-stories block names, one each; a date alone on a line joins the title above it."""
    stories: list[str] = []
    for line in related:
        text = rules.CONTROL_CHARS.sub("", line.text).strip()
        if rules.RELATED_BLOCK_HEADER.fullmatch(text):
            continue
        if stories and rules.DATE_ONLY_IN_PARENS.fullmatch(text):
            stories[-1] = f"{stories[-1]} {text}"
        else:
            stories.append(text)
    return stories


def caption_lines(lines: list[Line]) -> list[Line]:
    """Captions, and the signatures of posts embedded in the page: their dates are the picture's or the post's."""
    return [line for line in lines if line.dropped_by in {rules.CAPTION_RULE, rules.EMBEDDED_POST_LINES.name}]


def date_mentions(
    paragraphs: list[Paragraph], related: list[Line], captions: list[Line] | None = None
) -> list[DateMention]:
    """Dates in the article's text, then in the stories it cites (those carry `cited_story`), then the full dates
    of its photo captions (`in_caption`)."""
    mentions: list[DateMention] = []
    for paragraph in paragraphs:
        for offset, text in enumerate(paragraph.text.split("\n")):
            mentions.extend(dates.find_mentions(text, paragraph.first_line + offset))
    # A cited story's date may sit on the line below its title: read the block as one text per line.
    for line in related:
        mentions.extend(dates.find_mentions(line.text.strip(), line.number, cited_story=True))
    for line in captions or []:
        found = dates.find_mentions(line.text.strip(), line.number)
        mentions.extend(dataclasses.replace(m, in_caption=True) for m in found if m.precision == "day")
    return mentions
