"""Every heuristic of the pipeline, as data: boilerplate lines, bylines, datelines, outlets, date thresholds.

Each rule is named; the name is shown on the source page when a line is dropped and in the boilerplate
evaluation (tests/test_evaluation.py), which measures these rules against real articles.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LineRule:
    """Drops a whole line when `pattern` matches it (after stripping); `max_words` guards long prose."""

    name: str
    pattern: re.Pattern[str]
    max_words: int = 40


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Site chrome: whole-line navigation and menu items, matched exactly (case-insensitive).
CHROME_LINES = LineRule(
    "site chrome",
    _rx(
        r"(accessibility links|skip to (main )?content\b.*|skip navigation|breaking news|(main )?menu|"
        r"navigation|search|home( page)?|sign in|log ?in|register|log ?in ?/ ?register|sign up|"
        r"close|back to top|top|next (article|story)|previous (article|story)|"
        r"most (read|popular|viewed)|trending( now)?|latest news|print (view|this page|version)|"
        # a size picker: "Text size Aa Aa", "A A A"
        r"(text|font) size(\s+a\s?a){0,3}|[aA]\s?[aA]\s?[aA]|(a\s?a\s*){2,3}|listen to (this )?(article|story)|"
        r"related (articles|stories|content|topics)|you may also like|recommended( for you| videos| stories)?|"
        # reading time and a gallery's counter: "2 Min Read", "1 / 12"
        r"\d+\s*min(ute)?s?\.?\s*read|\d+\s*(/|of)\s*\d+|in (video|pictures)|"
        # a link to the section, a caption's label alone on its line: "More from World", "Image:"
        r"more (from|on|in) [\w ]{1,30}|(image|photo|picture|pic)\s*:|article content|"
        r"you are (in|here)\s*:.*|[-=_*~#.·•\s]{3,}|"
        # a dateline's label whose date the page drew with a script ("Updated on"), a placeholder for it
        r"(published|posted|updated|last updated)( on| at)?\s*:?|loading( content)?(,? please wait)?\W*|"
        # a link to the rest of the article elsewhere: "Full article…", "Continue reading"
        r"((read|see) )?(the )?full (article|story)\W*|continue reading\W*|"
        # "Click here for article."
        r"(click|tap) here (for|to read) (the )?(full )?(article|story)\W*)"
    ),
    max_words=6,
)

# A notice about the page, not the story: "This was published 22 years ago" (smh.com.au).
PAGE_NOTICE_LINES = LineRule(
    "page notice",
    _rx(
        r"(we(’|')re sorry, this feature is currently unavailable\b.*|"
        r"this (article|story|page )?was published \d+ (years?|months?|weeks?|days?) ago|"
        # the day the page was viewed and the site's last update: "Monday, Sep 25, 2023 | Last Update : 09:40 PM IST"
        r".{0,40}\|\s*last updated?\s*:.*|"
        # a video player's notice: "Please use Chrome browser for a more accessible video player"
        r"please use [\w ]{1,30} browser\b.*)"
    ),
    max_words=20,
)
# A line that stands for an embedded video or gallery ("In video", the player's notice): the line under it is that
# video's title, not the text ("Zelaya’s return to Honduras prompts curfew").
MEDIA_POINTER = _rx(r"in (video|pictures)|please use [\w ]{1,30} browser\b.*")
MEDIA_TITLE_RULE = "title of an embedded video"
FULL_STOP_END = re.compile(r"[.!?]\s*$")

# A row of scores beside the headline: "Objectivity 4.8 | Credibility 4.8 | Relevance 4.8".
RATING_LINES = LineRule("rating widget", _rx(r"[a-z ]+\d+(\.\d+)?(\s*\|\s*[a-z ]+\d+(\.\d+)?)+"), max_words=20)

# A row of page tools: "print dictionary print", "Email Print Font size".
TOOLBAR_LINES = LineRule(
    "toolbar",
    _rx(
        r"(?:(?:print|e-?mail|share|dictionary|font|text|size|save|bookmark|listen|copy|link|comments?|"
        r"facebook|twitter|whatsapp|linkedin|reddit|[a-z]?[-+])\W*){2,8}"
    ),
    max_words=8,
)

# "Home > National > Social Affairs": a breadcrumb trail.
BREADCRUMB_LINES = LineRule("breadcrumb trail", re.compile(r"[^.!?>»›]{1,40}(?:\s[>»›]\s[^.!?>»›]{1,40}){2,}"), 12)

ADVERTISEMENT_LINES = LineRule(
    "advertisement marker",
    _rx(
        r"(-\s*advertisement\s*-|advertisement|advertising|ad|sponsored( content)?|"
        r"story continue[sd] below( advertisement)?|"
        r"article continues (below|after advertisement)|scroll to continue( with content)?)"
    ),
    max_words=6,
)

SHARE_LINES = LineRule(
    "share / e-mail / letter line",
    _rx(
        # a share menu's words may follow a bullet: "• Share to or" (the site names were icons)
        r"(?:[•·]\s*)?(share( this)?( article| story| page)?|share (via|on|to)( .{1,40})?|"
        r"(e-?mail|print|tweet|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|copy link)"
        r"( this)?( article| story| page| link)?|"
        r"e-?mail (a news tip|this (article|story)|the author)\b.*|"
        r"send (a|your) letter to the editor\b.*|"
        r"(click|tap) here to (share|e-?mail|print)\b.*|"
        r"(comments?|\d+ comments?|no comments|view comments|leave a (comment|reply)|show comments):?|"
        r"share and enjoy:?|tags:[\s,]*|"
        # the comment form under a blog post or article
        r"your e-?mail address will not be published\b.*|required fields are marked\b.*|"
        r"to (write|post|leave) (a )?comments?, please (log|sign) ?in\b.*|"
        r"please enter your (comment|name|e-?mail( address)?)( here)?\W*)"
    ),
    max_words=14,
)

SOCIAL_LOGIN_LINES = LineRule(
    "social login line",
    _rx(
        r"((sign|log) ?in with|continue with|connect with|(sign|log) ?in to (your )?) ?"
        r"(google|facebook|apple|twitter|x|e-?mail)\b.*"
    ),
    max_words=10,
)

SUBSCRIPTION_LINES = LineRule(
    "subscription pitch",
    _rx(
        r"(by subscribing\b.*|subscribe (now|today|to (our|the))\b.*|already a subscriber\??.*|"
        r"sign up (for|here|now|today|to)\b.*|you may occasionally receive promotional content\b.*|"
        r"get the latest (news|updates|headlines)\b.*|"
        # a newsletter pitch: "Site highlights each day to your inbox."
        r".*\b(to|in|into) your inbox\b.*|"
        r".*\bquality journalism is (more |now more )?"
        r"(crucial|important|vital|needed)\b.*|support (our|independent) journalism\b.*|"
        # a metered paywall: "You've read  of  free articles. Subscribe to continue.", "Get unlimited …"
        r".*\bfree articles?\b.*\bsubscribe\b.*|.*\bsubscribe to continue\b.*|unlimited digital access\b.*|"
        r".*\bget unlimited\b.*)"
    ),
    max_words=30,
)

# "Follow Business Insider Australia on Facebook, Twitter, LinkedIn, and Instagram.", "Like us on Facebook"
FOLLOW_LINES = LineRule(
    "follow-us line",
    _rx(
        r"(follow|like|join|find) (us|[a-z][\w.&'’ -]{1,50}) on (facebook|twitter|x|instagram|linkedin|youtube|"
        r"telegram|whatsapp|tiktok|threads|google news|social media)\b.*|"
        # a channel to join: "Jane Roe WhatsApp Channel"
        r".{1,40}\s(whatsapp|telegram|youtube) channel|"
        # "Follow AllAfrica", "Click to follow" (the name it follows is on the next line)
        r"(follow|like) (us|[a-z][\w.&'’-]{1,30})\W*|(click|tap) to follow\W*"
    ),
    max_words=16,
)

# "Translated by Ollie Richardson for Fort Russ": who translated the page, not who wrote it.
TRANSLATION_LINES = LineRule("translation credit", _rx(r"translated (by|from)\b.*"), max_words=12)

# One related story's headline inside the text after a pointer: "Read also: …", "READ MORE: …", "Related: …"
# (a pointer alone on its line opens a block instead: RELATED_BLOCK_HEADER).
RELATED_HEADLINE_LINES = LineRule(
    "related headline",
    _rx(
        r"(read ?also|also read)\s*:?\s*\S.*|(read more|related( stories| articles| coverage)?|(see|also) (also|see))"
        r"\s*:\s*\S.*|"
        r"(you may (also )?(read|like)|more news|more stories)\s*:\s*\S.*|read more (about|on) .*|"
        # a bulleted link to another story with its date: "- Libya holds vast untapped oil reserves - December 03, 2024"
        r"[-•·*]\s*\S.{3,150}?\s[-–—|]\s*(?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9},? \d{4}|\d{4}-\d{2}-\d{2})"
    ),
    max_words=25,
)

# An aggregator's or blog's disclaimer under the text: "Publishers named above each report are responsible for their own
# content", "To address comments or complaints, please Contact us.", "X publishes around 400 reports a day …".
DISCLAIMER_LINES = LineRule(
    "site disclaimer",
    _rx(
        r".*\b(responsible for (their|its) own content|to address comments or complaints|"
        r"views expressed (here|in this article) are|submissions? (may|can|should) be sent to|"
        r"publishes (around |about |more than |over )?[\d,]+ "
        r"(reports|articles|stories) (a|per|each) day)\b.*|"
        r"our standards\s*:.*|"
        # a syndication note: "This news has been broadcast on JPNN.com with the title: …"
        r"this (news|article|story|report) (has been|was) (first |originally )?(broadcast|published|posted) "
        r"(on|in|by)\b.*"
    ),
    max_words=80,
)

# A writer's initials and the agency the story comes from, under the text: "TB (according to VNA)".
AGENCY_CREDIT_LINES = LineRule(
    "agency credit", re.compile(r"[A-Z]{1,4}\s*\((?:according to|source:?|via|with) [^()]{2,40}\)"), max_words=8
)

# The desk that filed the story, alone on its line: "World Bulletin / News Desk", "International Desk".
DESK_LINES = LineRule(
    "desk credit",
    _rx(r"(?:[\w.&' -]{1,30}\s*/\s*)?(?:news|international|world|foreign|web|online|national) desk\W*"),
    8,
)

# The signature under a post embedded in the page: "— WikiLeaks (@wikileaks) April 11, 2019". Its date dates the post
# (it is read like a caption's: the article is no older).
EMBEDDED_POST_LINES = LineRule(
    "embedded post's signature",
    re.compile(r"[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}"),
    16,
)

# "Source: Meduza": the site names itself (or a wire agency) under the headline.
SOURCE_LINES = LineRule("source credit", _rx(r"source\s*:\s*(?P<outlet>[A-Z][\w.&'’ -]{1,40})"), max_words=5)

COPYRIGHT_LINES = LineRule(
    "copyright footer",
    _rx(r"\W*(copyright\b|©|\(c\)\s*\d{4}).*|.*\ball rights reserved\b.*"),
    max_words=20,
)

# The site speaking to its reader, outside any quotation: "you" or "your" and "we", "us" or "our" in one short line
# ("Your contributions will help us continue to deliver the stories that are important to you", "If you value our
# journalism, please consider a gift"): a prompt to give, subscribe or follow, not the story's text nor its headline
# (a quoted speaker who says both is kept: no quotation marks in the line).
READER_ADDRESS_LINES = LineRule(
    "the site's prompt to its reader",
    _rx(r"(?=.*\b(?:you|your)\b)(?=.*\b(?:we|us|our)\b)[^\"“”«»]*"),
    max_words=25,
)

# Applied in this order to every line of an article.
LINE_RULES: tuple[LineRule, ...] = (
    CHROME_LINES,
    PAGE_NOTICE_LINES,
    RATING_LINES,
    TOOLBAR_LINES,
    BREADCRUMB_LINES,
    ADVERTISEMENT_LINES,
    SHARE_LINES,
    SOCIAL_LOGIN_LINES,
    SUBSCRIPTION_LINES,
    FOLLOW_LINES,
    TRANSLATION_LINES,
    RELATED_HEADLINE_LINES,
    DISCLAIMER_LINES,
    AGENCY_CREDIT_LINES,
    DESK_LINES,
    EMBEDDED_POST_LINES,
    SOURCE_LINES,
    COPYRIGHT_LINES,
    READER_ADDRESS_LINES,
)

# A header line that opens a block of related-story links; the block runs to the next blank line.
# The block is dropped from the text but kept as date evidence (the article is newer than what it cites).
RELATED_BLOCK_HEADER = _rx(
    r"(see (also|earlier|related|previous) (story|stories)|related (story|stories|articles|coverage)|"
    r"read more|more on this (story|topic)|earlier stories)\s*:?"
)
RELATED_BLOCK_RULE = "related-stories block"
DATE_ONLY_IN_PARENS = re.compile(r"\([^()]{4,30}\d{4}\)")

# Above the first paragraph: a menu laid out on one line — items split by wide gaps, or many capitalised words
# with no sentence punctuation ("BBC NEWS Americas Africa Europe Middle East …").
NAVIGATION_RULE = "site navigation"
MENU_GAPS = re.compile(r"\S(?: {2,}|\t)\S")
MENU_MIN_GAPS = 3
MENU_MIN_CAPITALISED_WORDS = 8
MENU_WORD = re.compile(r"[A-Z0-9][\w/&'-]*")
# A Title Case headline is capitalised word for word too ("Footage Shows US Embassy In Yemen Being Overrun"), but it
# is a phrase: it holds a preposition or a verb form that a menu of sections does not.
HEADLINE_PHRASE_WORDS = frozenset(
    {
        "In",
        "Of",
        "To",
        "For",
        "On",
        "At",
        "With",
        "From",
        "By",
        "After",
        "Over",
        "Into",
        "As",
        "Is",
        "Are",
        "Was",
        "Were",
        "Be",
        "Being",
        "Been",
        "Has",
        "Have",
        "Had",
        "Will",
        "Says",
        "Said",
        "Could",
        "Would",
        "Can",
        "May",
        "Not",
    }
)
# Above the text, a label is not the headline: a line ending in a colon ("From Fox News:") or a field name glued to
# its value ("Storyline:National News, World").
HEADER_LABEL = re.compile(r".{1,40}:\s*|\w+:(?=\S).*|[/*=~#]{3,}.*")  # and a deck set off by "///////////"
# The headline is the first candidate of at least this many words; shorter lines above it are section labels
# ("US News", "South Asia and Beyond"). With none so long, the last short line above the text is taken.
HEADLINE_MIN_WORDS = 5
# A site's tagline or title run into a menu item: "Sound journalism, grounded in facts and Biblical truth | Donate".
MENU_ITEM_AFTER_BAR = _rx(
    r".*\|\s*(donate|subscribe|menu|search|log ?in|sign ?in|register|newsletters?|shop|contact( us)?|about( us)?)\s*"
)
# A row of pictographs is a site's menu ("📷Images of unrest ✍️ Submit a column …").
MENU_PICTOGRAPHS = re.compile(r"[\u2600-\u27bf\U0001f300-\U0001faff]")
MENU_MIN_PICTOGRAPHS = 2
# A person's name alone under the headline is the byline ("Liaquat Ali"): two or three capitalised words, none of them
# a word that names a section or a site.
_NAME = r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2}"
NAME_ALONE = re.compile(rf"{_NAME}(?: and {_NAME})?")  # "Aziz El Yaakoubi and David Ljunggren": two writers
NOT_NAME_WORDS = frozenset(
    {
        "News",
        "World",
        "Online",
        "Times",
        "Press",
        "Media",
        "Embassy",
        "East",
        "West",
        "North",
        "South",
        "Video",
        "Photos",
        "Live",
        "Breaking",
        "Latest",
        "Politics",
        "Asia",
        "Africa",
        "Europe",
        "America",
        "Middle",
        "Daily",
        "Opinion",
        "Business",
        "Sport",
        "Sports",
        "Weather",
        "Home",
        "Section",
        "Story",
        "Read",
        "More",
        "Beyond",
        # a web page's own controls under the text, seen taken for a writer's signature ("Previous Post", "Search
        # Trends", "Recommended Videos" in the tuning sets)
        "Post",
        "Previous",
        "Search",
        "Trends",
        "Recommended",
        "Videos",
    }
)
# Short lines above the first paragraph other than the headline: section labels before it, captions after it.
HEADER_EXTRA_RULE = "navigation or caption above the text"
HEADER_EXTRAS_AFTER_TITLE_MIN = 2
# A line of at most this many words between the headline and the text is a section label ("World"), even alone.
SECTION_LABEL_MAX_WORDS = 2
# A hard-wrapped page (lines cut at a width, The Reference) starts its first paragraph on short lines that look like
# headline candidates; a line that ends on one of these words runs on into the next.
WRAPPED_LINE_LAST_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "whose",
        "as",
        "than",
        "its",
        "their",
        "his",
        "her",
    }
)
WRAPPED_RUN_MIN_LINES = 3
# A teaser cut short with an ellipsis, then the paragraph it was cut from ("… concessions from Communist…").
TEASER_RULE = "teaser (repeats the text)"
TEASER_END = re.compile(r"(?:…|\.\.\.)\s*$")
# A standfirst printed whole again inside a later line of the text: the later one is kept. Shorter lines may
# recur by chance (a quote, a subhead).
REPEATED_LINE_MIN_WORDS = 8
# A standfirst stands among the first few lines of the text and is printed at most this many times (deck, image
# text, first paragraph); a paragraph printed more often is the text's own repetition and stays.
STANDFIRST_MAX_POSITION = 3
STANDFIRST_MAX_PRINTINGS = 3
# The headline printed twice above the text (page title, then article title).
REPEATED_HEADLINE_RULE = "headline repeated"

# Author bio trailer: the author's name repeated at the end, then a short title line ("Spencer Journalism Fellow").
AUTHOR_TRAILER_RULE = "author bio trailer"
AUTHOR_TITLE_MAX_WORDS = 6

# A block of two or more short lines, none of them a sentence, between blank lines: a list of links
# ("Images from North Korea / More news from our / Asia edition", a share menu of site names).
LINK_LIST_RULE = "list of links"
LINK_LIST_MAX_WORDS = 6
LINK_LIST_MIN_LINES = 2

# A photo caption: a line ending in a photo credit ("… Photo: Atta Kenare/AFP/Getty Images", "… (AFP/File)",
# "… (Photo: ANI | Twitter)", "… File Photo by Eugene Zelenko/Wikimedia"), or a credit alone on its line
# ("Vahid Salemi/AP", "Associated Press/Photo by Hani Mohammed"). A block of at most CAPTION_BLOCK_MAX_LINES
# lines (between blank lines) holding one is a caption as a whole; in a longer block only the credited line goes.
CAPTION_RULE = "photo caption"
PHOTO_CREDIT_END = _rx(
    r".*(?:\bphoto(?:graph)?s?\s*:\s*[^.:]{2,80}|\b(?:file\s+)?photo\s+by\s+[^.:]{2,60}|"
    r"\((?:photo|photograph|file photo|image)\b[^()]{0,40}\)|\([^()]{1,30}/\s*file\)|"
    # "((Anjum Naveed/Associated Press))", "(Jane Roe/Reuters)": a photographer and the agency, in brackets; a pool
    # photographer's credit has a comma in it ("(AP Photo/Pablo Martinez Monsivais,Pool)"); more than one agency may
    # follow ("(JUAN MABROMATA/AFP/Getty Images)")
    r"\(\(?[A-Z][\w.'’ -]{1,40}/[\w.,'’ &-]{1,40}(?:/[\w.,'’ &-]{1,40}){0,2}\)?\)|"
    # an agency's credit after a caption that ends without a full stop: "… following the incident (AFP)"
    r"(?<=[^.!?”\"\s])\s*\((?:AFP|AP|Reuters|EPA|Getty Images|Xinhua|PA|Bloomberg)(?:/[^()]{1,30})?\)|"
    # "… Pic: AP", "… AFP PHOTO/POOL/MANDEL NGAN …", "… on national television. — AFP"
    r"\bpic(?:ture)?s?\s*:\s*[^.:]{2,40}|\b(?:AFP|AP|EPA|REUTERS|GETTY)\s+PHOTO\s*/\s*[A-Z /.'-]{2,60}\W*|"
    r"(?<=[.!?]) [—–-]\s*(?:AFP|AP|Reuters|EPA|Xinhua|Getty Images)|"
    # "… under tight security. – Photo credit AP"
    r"\bphoto\s+credit\s*:?\s*[^.:]{2,60}|"
    # an agency's credit for another's picture, or an old one: "(Kyodo News via AP, File)", "(Jane Roe, File)"
    r"\([^()]{1,40}\bvia (?:AP|AFP|Reuters|Getty Images)[^()]{0,20}\)|\([^()]{1,40},\s*file\)|"
    # a wire picture's caption ends with the place, the weekday and the date: "… in the Kremlin in Moscow, Russia,
    # Friday, Feb. 3, 2017."
    r"(?<=,) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\.?|"
    # the agency, then its photographer, ending the caption: "… in Madrid, Spain, July 9, 2021. REUTERS/Susana Vera"
    r"(?<=[.!?] )(?:REUTERS|AFP|EPA|AP|XINHUA|GETTY IMAGES)/[A-Z][\w.'’ -]{1,40}(?:/\s*File Photo)?|"
    # the photographer, then the agency, after the caption's last sentence: "… blamed the United States for the
    # attack. Catherine Gaschka/AP" (a name of two to four capitalised words, a slash, a capitalised word)
    r"(?<=[.!?] )(?-i:[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3} ?/ ?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2})|"
    # a picture's source after a comma, ending a caption that is no sentence: "France Cuba Embassy Attack
    # aftermath, via AP"
    r"(?<=[^.!?”\"]), via (?-i:[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2}))"
    # a link to the picture after the credit: "(UPI Photo/Ezio Petersen) | License Photo"
    r"(?:\s*\|\s*(?:license|buy|view|download|more) photos?)?\s*"
)
# Where a person stands in the picture: "Kenyatta (right) welcomes …", "Wei Jinghua (L) and …".
CAPTION_POSITION = re.compile(r"\((?:far |second |third )?(?:left|right|centre|center|L|R|C)(?: to right)?\)")
PHOTO_CREDIT_LINE = re.compile(
    # a credit's label alone: "Image copyright AP", "Image via Reuters", "Cover image via CNN"
    r"(?:(?:Cover|Featured|Top|Main) )?(?i:image|photo|picture)s? "
    r"(?:copyright|credit|courtesy|via|source)\b:?\s*\S.{0,50}|"
    r"[A-Z][\w.'’ -]{1,40}/(?:[\w.'’ -]{1,30}/)*"
    r"(?:AP|AFP|Reuters|Getty Images|EPA|PA|Associated Press|Bloomberg|Xinhua|Photo by [A-Z][\w.'’ -]{1,40})"
    # "TRT World and Agencies"
    r"|[A-Z][\w.'’ -]{1,40}\s(?:and|&)\s[Aa]gencies"
)
CAPTION_BLOCK_MAX_LINES = 3
# A line of at most this many words, no sentence, right under a caption's credit in the same block is the caption's
# note (a translation notice), where a sentence there would start the text.
CAPTION_NOTE_MAX_WORDS = 5
# "Image copyright AP" stands above its caption: the next line, when it ends no sentence, is the caption (BBC).
CREDIT_ABOVE_CAPTION = _rx(r"(?:image|photo|picture)s? (?:copyright|credit)\b.*")
# A caption printed twice on one line: the picture's alternative text run into its caption ("A van was seen leaving
# … with a police escort A van was seen leaving … with a police escort").
DOUBLED_CAPTION = re.compile(r"(?P<caption>\S.{19,}?)\s+(?P=caption)")
DOUBLED_CAPTION_MAX_WORDS = 100  # a caption is shorter; the check is quadratic in the line's length
# A photo agency's name alone on a line, under a line that does not end a sentence, credits that line as a caption
# ("Juan Guaido, President of the Venezuelan Parliament," then "EPA").
BARE_PHOTO_CREDIT = re.compile(r"(?:AFP|AP|EPA|PA|Reuters|REUTERS|Getty Images|AFP/Getty Images|Xinhua|Shutterstock)")
# Inside the text, at least this many short lines (of CAPTION_MIN_WORDS words or more), none a sentence, right above a
# paragraph with no blank line between: a picture's alternative text and its caption without a credit (BBC, 2002).
UNCREDITED_CAPTION_MIN_LINES = 2
CAPTION_MIN_WORDS = 4
# Above the text, a sentence after a bullet is a caption of the page's pictures, not the first paragraph.
CAPTION_BULLETS = ("•", "·")
# A line printed again, whole, at the start of a caption (the picture's alternative text, then the caption with its
# credit) is part of the caption.

# The same short line twice in a row: an image's alternative text, then its caption.
REPEATED_CAPTION_RULE = "photo caption (repeated)"
# ... or printed again with a few words run on, without a space, at its end: the label then the label with its
# credit glued on ("President Barack Obama" over "President Barack ObamaScreenshot"). A shape, not a phrase.
RUN_ON_CREDIT = re.compile(r"[^\s.!?]\S*(?: \S+){0,2}")

# Lines between two rule lines ("_______________", "-----", "*****") with no line of prose among them: a box of
# related links set off from the text, the box's heading and its rules with it.
RULE_LINE = re.compile(r"[_\-=*~•·]{3,}")
FENCED_BOX_MAX_LINES = 8
FENCED_BOX_RULE = "box set off by rule lines"

# Inside the text, a short line opened by one capitalised word and a colon, not a sentence ("Watch: Report On X",
# "Listen: …"): the label of an embedded video or recording, not a subhead (a subhead has no such label).
MEDIA_LABEL = re.compile(r"[A-Z][a-z]+: [A-Z0-9].*")
MEDIA_LABEL_MAX_WORDS = 10
MEDIA_LABEL_RULE = "label of an embedded item"

# After the article's last sentence: short lines that are not sentences are page furniture (comment widgets,
# size pickers, tag lists). A line of TAIL_PROSE_MIN_WORDS or more is kept: it may be a paragraph cut short.
TAIL_RULE = "page furniture after the text"
TAIL_SENTENCE_MIN_WORDS = 4
# Teasers under the text, each cut by the page to the same number of characters ("… to shut down its office
# managing international cl"): cut lengths within this many characters of each other, lines of this many words.
CUT_TEASER_RULE = "teasers cut off under the text"
TEASER_LENGTH_SPREAD = 4
TEASER_MIN_WORDS = 6
TAIL_PROSE_MIN_WORDS = 12
# The file's last line, cut short where the stored copy stops ("… went ahead to institute measures "), is a paragraph
# when it runs to this many words, a good share of them in lower case (not a list of names).
TAIL_CUT_MIN_WORDS = 6
TAIL_CUT_MIN_LOWER_SHARE = 0.3

# A short line mostly in another script than the article's own: an other-language site menu.
FOREIGN_MENU_RULE = "other-language menu"
FOREIGN_MENU_MAX_WORDS = 12
FOREIGN_MENU_MIN_SHARE = 0.6

# Under the text, a reader's comment opens with its writer and the time it was posted: "• Nebul - 2012-05-02 12:40",
# "AnthonyfromAfrica - 2012-05-03 05:55", "• - 2012-05-02 14:01" (no name). From the first such line on, the rest
# of the page is the comment thread.
COMMENT_RULE = "reader comments"
COMMENT_HEADER = re.compile(
    r"(?:[•·]\s*)?(?:\S[^\n]{0,40}?\s)?[-–—|]\s*\d{4}-\d{2}-\d{2}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?|"
    # "by Darius Kadivar on" (the date left out), "recommended by Darius Kadivar": a comment's signature
    r"(?:recommended )?by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?: on\b.*)?"
)
# The comment section's own heading, or the form under it, opens it as well: "Leave a Reply", "3 Comments",
# "Comments are closed.", "Post a comment".
COMMENT_SECTION = _rx(
    r"(leave a (reply|comment)|post a comment|add (a|your) comment|join the (discussion|conversation)|"
    r"(\d+|no|one) (comments?|responses?)( to \W.*)?|comments are closed|(reader )?comments( \(\d+\))?|"
    r"(\d+ )?post a comment)\W*"
)

# Inside the text, a line in Title Case, longer than a subhead and not a sentence, is another story's headline
# ("Saudi Arabia $100 Billion Scandal: Over 200 People Detained in Anti-Corruption Purge"). Title Case: every word
# of TITLE_CASE_MIN_LETTERS letters or more starts with a capital.
INLINE_HEADLINE_RULE = "related headline"
# Inside the text, between two paragraphs of prose: a label of one or two words, a colon and a title, not a sentence
# ("Also check: Jobs in Pakistan"): a link to another page. A subhead rarely has a colon; a headline's "Place: …" sits
# above the text, not inside it.
LINK_LABEL_RULE = "link to another page"
LINK_LABEL = re.compile(r"[A-Z][a-z]+(?: [a-z]+)?\s*:\s+[A-Z0-9]\S*(?:\s+\S+)*")
LINK_LABEL_MAX_WORDS = 10
TITLE_CASE_MIN_LETTERS = 4
TITLE_CASE_WORD = re.compile(r"[^\W\d_][\w'’-]*")

# Control characters (backspace and friends) are removed from kept lines; NUL marks a binary file (refused).
CONTROL_CHARS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_RULE = "control character"

# --- bylines, datelines, titles --------------------------------------------------------------------------

# "By Patrick Goodenough | July 7, 2008 | 8:11 PM EDT"; the part after the separator may carry the date.
BYLINE = re.compile(
    r"(?:By|by|BY)\s+(?P<author>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|al|bin))*?)"
    r"\s*(?:(?:[|,;•·–—\[(]|\s-\s|(?=(?i:last edited|last updated|updated|published|posted)\b))\s*(?P<rest>.*))?"
)
BYLINE_RULE = "byline"
# A section's name before the byline, past a bar: "World News | By Joan Terry".
SECTION_BEFORE_BYLINE = re.compile(r"[^|\d]{1,30}\|\s*(?=By\s)")
# A writer's name run into the date the page printed beside it: "Jacob Jarvis23 January 2019".
BYLINE_GLUED_DATE = re.compile(
    r"(?P<author>[A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2})(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
)
# A sentence of at most this many words with a byline right under it (no blank line between) is a picture's caption.
CAPTION_OVER_BYLINE_MAX_WORDS = 20
# A writer's name, a space, then the date: "Siranush Ghazanchyan September 5, 2022, 18:48" (the date is checked as a
# dateline on its own).
BYLINE_BEFORE_DATE = re.compile(rf"(?P<author>{_NAME})\s+(?P<date>[A-Z][a-z]{{2,8}}\.?\s+\d.*)")
# A place and a day without a year alone on a line ("Kabul, September 5"): a dateline that dates nothing, never a
# headline.
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
DATELINE_WITHOUT_YEAR = re.compile(
    rf"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}},\s*)?(?:{_MONTH_NAME}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_NAME})"
)
# A dateline run into the first paragraph: "PORT ELLIS, May 2, 2024 - The council voted…", "BEIRUT, Lebanon, June 5,
# 2024 (AP) —": the place in capitals, maybe its country, before the date; a dash or the agency after it.
RUN_IN_DATELINE_PLACE = re.compile(r"\s*[A-Z][A-Z'.\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?,\s*")
RUN_IN_DATELINE_AFTER = re.compile(r"\s*(?:[-–—:]|\()")
# A byline or a dateline may stand under the standfirst, within this many lines after it.
BYLINE_UNDER_STANDFIRST_LINES = 2

# News agencies: credited on a line of their own ("From Reuters", "• Kyodo") they are the byline; in a
# dateline ("WASHINGTON (Kyodo)") they mark wire material rather than the outlet that published it.
WIRE_AGENCIES = (
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Kyodo",
    "Kyodo News",
    "Yonhap",
    "Xinhua",
    "Bloomberg",
    "UPI",
    "dpa",
    "Jiji Press",
    "Times Wire Reports",
)
_AGENCY = "|".join(re.escape(a) for a in sorted(WIRE_AGENCIES, key=len, reverse=True))
CREDIT_LINE = re.compile(rf"(?:From(?: the)?\s+|[•·]\s*)(?P<author>{_AGENCY})")
# Above the text, a wire agency's name alone or with a section ("The Associated Press", "AP National") labels the wire
# copy: not the headline.
AGENCY_LABEL = re.compile(rf"(?:The\s+)?(?:{_AGENCY})(?:\s+[A-Z][a-z]+){{0,2}}")
# One word in capitals alone on its line above the text ("CNN", "UPI"): the source's name, by its shape.
SOURCE_ACRONYM = re.compile(r"[A-Z]{2,6}")

# A line that is only a date, perhaps with a time: "December 09, 2011 10:15", "Published: 2002-05-10".
DATELINE_PREFIX = _rx(
    r"((article |story )?(published|posted|updated|last updated|last update|date)\s*(on\b( the\b)?)?\s*:?|"
    # a blog's post line: "In World News on September 10, 2011 at 3:25 am", "Posted in Asia on …"
    r"(posted\s+)?in\s+[a-z][\w&' -]{0,30}?\s+on\b)\s*"
)
DATELINE_MAX_WORDS = 9
# What may surround the date on a dateline: weekday, time ("2:27 am"), time zone, punctuation — no lower-case words.
DATELINE_REST = re.compile(
    r"(?:[^a-z]|(?<![a-z])(?:[ap]\.?m\.?|at|update[ds]?)(?![a-z])"
    # the agency and the place before the date: "AFP Rotterdam, Netherlands Mar 12, 2017, 01.27 AM (IST)"
    r"|(?<![A-Za-z])[A-Z][a-z]+(?![a-z]))*"
)
# At most this many capitalised words (an agency's place, "Rotterdam, Netherlands") beside a dateline's date; more
# make a Title Case headline that carries its date ("Asylum Seekers Leave China - 2002-05-16").
DATELINE_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+")
DATELINE_MAX_NAMES = 3
# Reading time run into the dateline's year: "Fri., Jan. 27, 20231 min. read".
DATELINE_READING_TIME = _rx(r"(?<=\d{4})\s*\d{1,2}\s*min(ute)?s?\.?\s*read\s*$")
# A byline after the date, past a bar: "December 18, 1996|By From Tribune News Services."; or after the date and its
# time, in lower case, a few capitalised words: "Feb 22,2008 00:00 by UPI".
DATELINE_BYLINE_AFTER = re.compile(r"\s*[|•·]\s*By\b.*$|\s+by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")
# A date run into the next field without a space, a section's name ("September 8, 2021China in Focus"): the date
# ends at its year.
DATELINE_YEAR_RUN_ON = re.compile(r"(?<=\b\d{4})(?=[A-Z][a-z])")
# Fields of a dateline parted by bars ("Published: 10th August 2021 03:54 PM | Last Updated: … | A+A-"): the first
# is the date.
DATELINE_FIELD_BAR = re.compile(r"\s+\|\s+")
# A comment count beside the date: "09-Sep-2011 (one comment)".
DATELINE_COMMENT_COUNT = _rx(r"\((?:no|one|\d+) (?:comments?|responses?)\)")
# Under the text, a date counts as the page's only with one of DATELINE_PREFIX's words: "Last Updated 16 August 2012".
FOOTER_DATELINE_RULE = "dateline under the text"
DATELINE_RULE = "dateline"

# A date in ISO form ("2012-05-02 12:28"): YEAR_MENTION does not see a year followed by a hyphen.
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")

# "Headline - 2002-05-10": an archive or feed title that carries the date after the headline.
TITLE_DATE_SUFFIX = re.compile(r"(?P<title>.+?)\s+[-–—|]\s+(?P<date>\d{4}-\d{2}-\d{2})")

# A separator left at the end of a page title whose site name is gone: "Headline -".
TITLE_TRAILING_SEPARATORS = " -–—|:"
# Quotation marks of every kind, made one when two printings of a headline are compared.
QUOTE_MARKS = re.compile(r"[‘’'“”\"]")
# A headline: short, not ending like a sentence.
HEADLINE_MAX_WORDS = 25
# A short line ending in a closing quote with no punctuation before it reads as a headline, not a sentence:
# "U.S. shuts down Russian consulate in San Francisco ‘in the spirit of parity’".
HEADLINE_QUOTE_END = re.compile(r"[^\s.!?,;:…][’”\"']\s*$")
# A headline may end in a tag for its media: "… in Sweden(Videos)", "… (VIDEO)".
HEADLINE_MEDIA_TAG = _rx(r"\s*[(\[](videos?|photos?|pictures?|watch|live|updated?)[)\]]\s*$")
# Japanese and Chinese sentences end in 。！？ and often in a closing quote 」』 or bracket ）.
SENTENCE_END = re.compile(r"[.!?:\"”’)。！？」』）]\s*$")
# Japanese and Chinese write no spaces between words: their characters (kanji, kana) count a word per two, about the
# length of a Japanese word, so their prose is measured as prose and not taken for a menu or caption.
CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
CJK_CHARACTERS_PER_WORD = 2
# A subhead inside the body: a very short line without sentence punctuation.
SUBHEAD_MAX_WORDS = 8
# A text saved with no blank lines between its paragraphs (China Daily's stored page: one paragraph per line,
# twelve lines, no blank line) would read as one paragraph, so a citation could be checked against the whole
# article. A block of at least this many lines in which every line but the last ends a sentence is taken as a
# paragraph per line; hard-wrapped prose (lines cut at a width) rarely ends three lines in a row at a full stop.
LINE_PARAGRAPHS_MIN_LINES = 3
# Title taken from the first sentence when the text has no headline.
INFERRED_TITLE_MAX_CHARS = 90
# A longer first sentence is cut where a clause ends (before "whose", "who", "which", a comma …) when one falls
# between these lengths, so the title ends on a whole phrase ("… the case of five North Koreans…"); otherwise at
# the last word boundary before INFERRED_TITLE_MAX_CHARS. Measured on the Japan Times seed (no headline), whose
# cut at a word boundary read "… the case of five North…".
INFERRED_TITLE_CLAUSE_CHARS = (40, 110)
TITLE_CLAUSE_BREAK = re.compile(r",\s|\s(?=(?:whose|who|which|where|when|while|after|because|but|as)\b)")

# "Headline - BBC News", "Headline | The Japan Times": the site's name after the headline in a page title.
TITLE_SITE_SUFFIX = re.compile(r"(?P<title>.+?)\s+[-–—|:]\s+(?P<site>[^-–—|:]+)")

# --- adding articles: names and confidence ---------------------------------------------------------------

# A new article's file name (its citation key): outlet-date, then title words if that is taken.
# The outlet comes from the page address: the first label that names the site (news.bbc.co.uk → bbc).
GENERIC_HOST_LABELS = frozenset(
    {"www", "www2", "m", "mobile", "amp", "news", "english", "edition", "international", "internacional", "en", "world"}
)
TWO_PART_DOMAIN_ENDINGS = frozenset(
    {
        "co.uk",
        "org.uk",
        "ac.uk",
        "com.au",
        "net.au",
        "co.jp",
        "ne.jp",
        "or.jp",
        "co.kr",
        "or.kr",
        "com.cn",
        "com.br",
        "com.hk",
        "com.sg",
        "co.nz",
        "co.in",
        "com.tw",
    }
)
OUTLET_SLUG_MAX_WORDS = 3
TITLE_SLUG_MAX_WORDS = 4
SLUG_SKIP_WORDS = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "over"})

# How far to trust a metadata value, by where it was found (the start of its origin). The editor's word and a
# page's own metadata are trusted; a headline or byline printed in the text nearly so; a first sentence
# standing in for a missing headline is a guess.
CONFIDENCE_BY_ORIGIN: tuple[tuple[str, str], ...] = (
    ("given", "high"),
    ("saved page's metadata", "high"),
    ("headline", "high"),
    ("byline", "high"),
    ("date given", "high"),
    ("date page", "high"),
    ("date byline", "high"),
    ("dateline", "medium"),
    ("copyright footer", "medium"),
    ("outlet of the author's other articles", "medium"),
    ("date inferred", "medium"),
    ("first sentence", "low"),
)


def confidence(origin: str) -> str:
    return next((level for start, level in CONFIDENCE_BY_ORIGIN if origin.startswith(start)), "low")


# --- outlets -----------------------------------------------------------------------------------------

# "Pacific Rim Bureau (CNSNews.com) - …", "BEIJING, China (CNN) -- …": a site name in a dateline.
OUTLET_IN_DATELINE = re.compile(
    r"^[^()]{0,60}\((?P<outlet>[A-Za-z][\w-]*\.(?:com|org|net|co\.[a-z]{2}|[a-z]{2})|[A-Z][\w]*(?: [\w]+){0,2})\)"
    r"\s*(?:[-–—]|--)"
)
# "Copyright © Chosunilbo & Chosun.com", "© 2024 The Example Times. All rights reserved."
OUTLET_IN_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<outlet>[^|]+?)\s*"
    r"(?:\.\s|\.$|\||all rights reserved|$)",
    re.IGNORECASE,
)
# No outlet in the text: the one outlet that every other article here by the same author names.
OUTLET_FROM_AUTHOR = "outlet of the author's other articles"
# "WASHINGTON (Kyodo) …": a wire agency credit (noted, not the outlet).
WIRE_CREDIT = re.compile(r"^(?P<place>[A-Z][A-Z .'-]{2,})\s+\((?P<agency>[A-Z][\w .&-]{1,30})\)\s")

# --- dates -------------------------------------------------------------------------------------------

# Candidate spans, their parts named. A candidate is a date only when its word is a month (MONTHS) and its day
# exists in that month: "Today 5", "Monday 5, 2002" and "5 Week 2002" are not dates (a general parser such as
# dateparser reads all three as dates). Year-less dates are checked against leap year 2000 ("February 29").
DATE_CANDIDATES = re.compile(
    r"\b(?:(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})"
    r"|(?P<dash_day>\d{1,2})-(?P<dash_month>[A-Z][a-z]{2,8})-(?P<dash_year>\d{4})"  # "09-Sep-2011", "27-Jan-2023"
    r"|(?P<dot_day>\d{1,2})\.(?P<dot_month>\d{1,2})\.(?P<dot_year>\d{4})"  # "17.04.2021": day, month, year
    # "06-06-2024", "13-06-2024", "06-13-2024": read only where one order is possible (a part over 12, or both the
    # same); "05-06-2024" is day-month in one country and month-day in another, and is left unread
    r"|(?P<num_first>\d{1,2})-(?P<num_second>\d{1,2})-(?P<num_year>\d{4})"
    # "Feb 22,2008", "22 Feb,2008": a year after the comma with no space, only a year of 19xx or 20xx ("May 5,000"
    # is a number)
    r"|(?P<dmy_day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<dmy_month>[A-Z][a-z]{2,8})\.?(?:,?\s+|,(?=(?:19|20)\d{2}\b))"
    r"(?P<dmy_year>\d{4})"
    r"|(?P<md_month>[A-Z][a-z]{2,8})\.?\s+(?P<md_day>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:(?:,?\s+|,(?=(?:19|20)\d{2}\b))(?P<md_year>\d{4}))?"
    r"|(?P<my_month>[A-Z][a-z]{2,8})\s+(?P<my_year>\d{4})"
    # a Spanish-language site's dateline on its English page: "15 de marzo 2022", "3 de enero de 2019"
    r"|(?P<es_day>\d{1,2}) de (?P<es_month>[a-z]{4,10}),? (?:de |del )?(?P<es_year>\d{4}))\b"
)
# English month names and the abbreviations newspapers print (with or without a full stop), by number.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Spanish month names, for the "es" form of DATE_CANDIDATES only (an English word such as "mayo" is never a month).
SPANISH_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        start=1,
    )
} | {"setiembre": 9}
FOUR_DIGIT_YEAR = re.compile(r"\b\d{4}\b")
# The year's digits first and the "not after a digit or hyphen" check behind them: a pattern that begins with
# literal characters is scanned for those in C, about 3 times faster than one that begins with a lookbehind.
YEAR_MENTION = re.compile(r"(?:19[4-9]|20[0-4])\d(?<![\d-]\d{4})(?![\d-])")
WEEKDAY = re.compile(r"(?P<day>" + "|".join(rf"{d}(?<!\w{d})" for d in calendar.day_name) + r")\b")  # as above
# A full date the text recalls as history ("which echoed the Nov. 4, 1979 storming of the US Embassy") bounds the
# article from below but is not its day: no day is inferred from it (nor from a weekday after it).
RECALLED_DATE_CUE = _rx(
    r"\b(echo(?:ed|es|ing)?|recall(?:s|ed|ing)?|reminiscent|anniversary|"
    r"years? (?:ago|earlier)|decades? (?:ago|earlier))\b"
)
# Right before the date, words that make it a past bound, not the news day: "have not flown … since January 3, 1961",
# "lowered the flag for the last time on 4 January 1961".
RECALLED_DATE_BEFORE = _rx(r"\b(?:since|until|till|for the (?:last|first) time(?: on| in)?)\s+$")
# A caption's date (a file photo's) is contradicted when the lede's own day without a year ("Sept. 11", "Sept 17") is
# another day: the photo is older than the article, whose year cannot be read; no day is inferred.
# A caption that calls its picture a file photo ("FILE PHOTO: …", "REUTERS/Jane Roe/File Photo", "(AFP/File)") dates
# the picture, not the article: no day is inferred from it.
FILE_PHOTO = _rx(r"\bfile\s+photo\b|/\s*file\b|\(file\)")
# A caption's date dates the article only when the text says when, relative to it: a weekday, "today", "tonight".
RELATIVE_DAY = _rx(r"\b(today|tonight|yesterday|this (morning|afternoon|evening))\b")
# Inside quotation marks, a full date is the speaker's ("the agreement that was reached on the 17th September
# 2020"): a background the article is newer than, not a day to read the article's own date from.
QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
# A weekday printed just before a full date: "Thursday, April 8, 2021".
WEEKDAY_BEFORE_DATE = re.compile(r"(?P<day>" + "|".join(calendar.day_name) + r"),?\s*$")
# A byline this many days newer than every full date in the text is contradicted by the text.
BYLINE_CONTRADICTION_DAYS = 365
# Names two articles must share before one's year is borrowed for the other's year-less dates.
YEAR_FROM_CORPUS_MIN_SHARED_NAMES = 3
# The capital first and the look back behind it: a pattern that begins with a character class is scanned in C.
PROPER_NAME = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[a-z]{3,}(?:\s+[A-Z][a-z]+)*")
NOT_NAMES = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])
# Capitalised inside a sentence but not people or places: titles and institutions ("Prime Minister", "the Indian
# Embassy") are shared by stories of every year and say nothing of which year an article belongs to, so they do not
# count towards YEAR_FROM_CORPUS_MIN_SHARED_NAMES (they are still listed as shared).
TITLE_WORDS = frozenset(
    {
        "Embassy",
        "Embassies",
        "Consulate",
        "Consul",
        "Ambassador",
        "Prime",
        "Minister",
        "Ministry",
        "Foreign",
        "Affairs",
        "President",
        "Government",
        "Secretary",
        "General",
        "Police",
        "Army",
        "Chief",
        "Cabinet",
        "Council",
        "Committee",
        "Department",
        "State",
        "National",
        "Federal",
        "Republic",
        "Kingdom",
        "United",
        "Nations",
        "Office",
        "Agency",
        "News",
        "Press",
        "Security",
        "Service",
        "Court",
        "Parliament",
    }
)

# --- sentences --------------------------------------------------------------------------------------------

# A sentence ends at . ! or ? (and a closing quote) before a space and a capital — unless the word before the
# period is an abbreviation: "U.S. Consulate", "Sen. Sam Brownback", "N. Korean".
SENTENCE_BREAK = re.compile(r"(?<=[.!?])(?P<close>[”\"’']?)\s+(?=[A-Z“\"‘])")
ABBREVIATION_BEFORE_BREAK = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Sen|Rep|Gov|Gen|Col|Lt|Mr|Mrs|Ms|Dr|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|Vol)\.)$"
)
# How much text before a break that pattern needs: the longest abbreviation ("Sept.") and the character before it,
# with room to spare. Searching only this tail, not the whole sentence so far, halves the time to split sentences.
ABBREVIATION_TAIL = 8

# --- support lint: what a cited sentence must find in the paragraphs it cites --------------------------------


def _words(*lines: str) -> tuple[str, ...]:
    """Word lists written as lines of text, so that a long list stays a few lines long."""
    return tuple(word for line in lines for word in line.split())


# Numbers written as words, by value ("five North Koreans", "two-year-old", "seven million").
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
            "sixteen seventeen eighteen nineteen twenty",
        )
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS |= {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
# "312", "100,000", "30th", "2-year-old" → 2; "1950-53" → 1950 and 53.
NUMERAL = re.compile(r"(?<![\w.])(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)?(?![\d,]\d)")
NUMBER_WORD = re.compile(r"(?<![\w])(?P<word>" + "|".join(NUMBER_WORDS) + r")(?![\w])", re.IGNORECASE)
# A date in a sentence, by its parts: "8 May 2002", "May 8, 2002", "22–23 May", "December 2011", "May".
DATE_EXPRESSION = re.compile(
    r"(?:(?P<day>\d{1,2})(?:[–-]\d{1,2})?\s+)?(?P<month>"
    + "|".join(calendar.month_name[1:])
    + r")\b(?:\s+(?P<day_after>\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>\d{4})\b)?"
)
# Reporting verbs (lower case only): in "X said …", X must be named as the one who said it in a cited paragraph.
SPEECH_VERBS = frozenset(
    _words(
        "said says say insisted insists insist claimed claims claim denied denies deny accused accuses accuse",
        "stated states state told tells tell argued argues argue maintained maintains urged urges urge warned",
        "warns warn added adds add declined declines decline protested protests protest reported reports report",
        "confirmed confirms confirm announced announces announce asked asks ask demanded demands demand",
        "promised promises promise pledged pledges pledge",
        # the second example's reports: "Maehara stressed that …", "an official declared …", "Jiang expressed concern"
        "stressed stresses stress declared declares declare expressed expresses express",
    )
)
# Words between a speaker and the verb that are not the speaker: "Beijing also insisted", "Japan had asked".
SPEAKER_SKIP = frozenset(_words("also later then has had have repeatedly reportedly earlier again further publicly"))
# Words that end the look back for a speaker: "outrage toward China and accusing" names no speaker.
SPEAKER_STOP = frozenset(
    _words(
        "that and but or when while which who whom as of to in on at with toward towards for from by after",
        "before than because if though although since until where whether it he she they we i you its his her",
        "their",
        # a reporting word after a preposition is a noun: "summoned … over demands to free", "amid protests"
        "over amid despite against about",
    )
)
# A speaker is looked for at most this many words before the verb: "Foreign Minister Yoriko Kawaguchi says".
SPEAKER_WORDS = 6
# Capitalised only because they open a sentence: not names, so not looked for in the cited paragraphs.
SENTENCE_OPENERS = frozenset(
    _words(
        "the a an in on at by for from to of it its this that these those they their he she his her we our after",
        "before when while where why how what who which if but and or as since until then yes no only both each",
        "every some most many members footage at one later there here once despite during so see",
    )
)
