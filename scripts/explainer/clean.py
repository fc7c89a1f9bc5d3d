"""Cleaning: marks each raw line kept or dropped (by a named rule from rules.py) and segments paragraphs."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from . import line_score, rules
from .model import Line, Paragraph


def split_lines(text: str) -> list[str]:
    return text.split("\n")


def words(line: str) -> int:
    if line.isascii():  # nearly every line: the fast path
        return len(line.split())
    cjk = len(rules.CJK_CHARACTER.findall(line))
    if not cjk:
        return len(line.split())
    return len(rules.CJK_CHARACTER.sub(" ", line).split()) + cjk // rules.CJK_CHARACTERS_PER_WORD


def is_prose(line: str) -> bool:
    """A line of running text: long enough and ending like a sentence."""
    return words(line) >= 12 and bool(rules.SENTENCE_END.search(line))


@functools.lru_cache(maxsize=8192)
def _script(char: str) -> str:
    if char < "\x80":
        return "LATIN"
    head = unicodedata.name(char, "").split(" ", 1)[0]
    return "CJK" if head in {"CJK", "HIRAGANA", "KATAKANA"} else head  # Japanese mixes the three


_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _letters_by_script(text: str) -> Counter[str]:
    # ASCII letters counted in C (bytes.translate): looking up every character's script was most of the cost.
    counts = Counter(_script(c) for c in _NON_ASCII.findall(text) if c.isalpha())
    if latin := len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS)):
        counts["LATIN"] += latin
    return counts


def dominant_script(lines: Iterable[str]) -> str:
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(_letters_by_script(line))
    return counts.most_common(1)[0][0] if counts else "LATIN"


def last_prose_line(stripped: list[str], drop: dict[int, str] | None = None) -> int | None:
    """Index of the article's last line of prose (not among `drop`), where the page furniture below begins."""
    return next((i for i in range(len(stripped) - 1, -1, -1) if is_prose(stripped[i]) and i not in (drop or {})), None)


def article_script(raw: list[str]) -> str:
    """The writing system of the article's prose lines."""
    return dominant_script(s for line in raw if is_prose(s := line.strip()))


def is_foreign_menu(line: str, script: str) -> bool:
    if words(line) > rules.FOREIGN_MENU_MAX_WORDS or rules.SENTENCE_END.search(line):
        return False
    counts = _letters_by_script(line)
    total = sum(counts.values())
    return total > 0 and (total - counts[script]) / total >= rules.FOREIGN_MENU_MIN_SHARE


def line_rule(line: str) -> str | None:
    """The name of the boilerplate rule that matches this (stripped) line, if any."""
    count = words(line)
    for rule in rules.LINE_RULES:
        if count <= rule.max_words and rule.pattern.fullmatch(line):
            return rule.name
    return None


def mark_lines(raw: list[str], header: dict[int, str], author: str | None, script: str | None = None) -> list[Line]:
    """Classify every line: header lines (title, byline, dateline) and boilerplate are dropped with their rule."""
    stripped = [line.strip() for line in raw]
    script = script or article_script(raw)
    drop: dict[int, str] = dict(header)
    in_related = False
    for index, line in enumerate(stripped):
        if not line:
            in_related = False
            continue
        if index in drop:
            continue
        if in_related or rules.RELATED_BLOCK_HEADER.fullmatch(line):
            drop[index], in_related = rules.RELATED_BLOCK_RULE, True
            continue
        clean = rules.CONTROL_CHARS.sub("", line).strip()
        rule = line_rule(clean)
        if rule is None and is_foreign_menu(clean, script):
            rule = rules.FOREIGN_MENU_RULE
        if rule:
            drop[index] = rule
    _mark_comment_thread(stripped, drop)
    _mark_media_titles(stripped, drop)
    _mark_author_trailer(stripped, drop, author)
    _mark_photo_captions(stripped, drop)
    _mark_uncredited_captions(stripped, drop)
    _mark_repeated_captions(stripped, drop)
    _mark_repeated_standfirst(stripped, drop)
    _mark_link_lists(stripped, drop)
    _mark_fenced_boxes(stripped, drop)
    _mark_media_labels(stripped, drop)
    _mark_inline_headlines(stripped, drop)
    _mark_link_labels(stripped, drop)
    _mark_tail(stripped, drop)
    _mark_cut_teasers(stripped, drop)
    drop |= line_score.furniture_lines(raw, drop)  # what the rules kept and the learnt score calls furniture
    return [Line(i + 1, raw[i], drop.get(i)) for i in range(len(raw))]


def _is_sentence(line: str) -> bool:
    return bool(rules.SENTENCE_END.search(line))


# A line is asked about again by the header's reader and the caption marker: 2.0 of 4.8 s of extraction at 1,000
# articles under the profiler went to these two patterns.
@functools.lru_cache(maxsize=1 << 14)
def is_photo_credit(line: str) -> bool:
    return bool(rules.PHOTO_CREDIT_END.fullmatch(line) or rules.PHOTO_CREDIT_LINE.fullmatch(line))


def _mark_photo_captions(stripped: list[str], drop: dict[int, str]) -> None:
    """A short block (between blank lines) holding a photo credit is a caption; in a longer one, the credited line."""
    block: list[int] = []
    for index, line in enumerate([*stripped, ""]):
        if line:
            block.append(index)
            continue
        credited = [
            i
            for i in block
            if i not in drop
            and (
                is_photo_credit(stripped[i])
                or rules.CAPTION_POSITION.search(stripped[i])
                or _bare_credit_under_caption(stripped, i, block)
            )
        ]
        if credited:
            # a short block is a caption up to a credit ending a line ("… placed a wreath. [Photo: Global Times]"):
            # a line after that starts the text; a credit alone on its line ("Vahid Salemi/AP") heads the caption
            last = credited[-1]
            alone = any(rules.PHOTO_CREDIT_LINE.fullmatch(stripped[i]) for i in credited)
            short = block if alone else block[: block.index(last) + 1]
            # ... unless that line is short and no sentence ("Powered by automated translation" under the credit):
            # the caption's own note, not the text's first line
            for i in block[len(short) :]:
                if words(stripped[i]) > rules.CAPTION_NOTE_MAX_WORDS or _is_sentence(stripped[i]):
                    break
                short.append(i)
            caption = short if len(block) <= rules.CAPTION_BLOCK_MAX_LINES else credited
            drop.update({i: rules.CAPTION_RULE for i in caption if i not in drop})
        block = []
    for index, line in enumerate(stripped):
        if index in drop and rules.CREDIT_ABOVE_CAPTION.fullmatch(line):
            below = next((i for i in range(index + 1, len(stripped)) if stripped[i]), None)
            if below is not None and below not in drop and not rules.FULL_STOP_END.search(stripped[below]):
                drop[below] = rules.CAPTION_RULE
        elif (
            index not in drop
            and words(line) <= rules.DOUBLED_CAPTION_MAX_WORDS
            and rules.DOUBLED_CAPTION.fullmatch(line)
        ):
            drop[index] = rules.CAPTION_RULE
    captions = [(i, stripped[i]) for i, rule in drop.items() if rule == rules.CAPTION_RULE]
    for index, line in enumerate(stripped):
        alt = line.lstrip("".join(rules.CAPTION_BULLETS)).strip()
        if (
            index not in drop
            and words(alt) >= rules.REPEATED_LINE_MIN_WORDS
            and any(i != index and c.startswith(alt) and c[len(alt) : len(alt) + 1] in {"", " "} for i, c in captions)
        ):
            drop[index] = rules.CAPTION_RULE


def _mark_media_titles(stripped: list[str], drop: dict[int, str]) -> None:
    """The title of an embedded video: the short line, not a sentence, under the line that stands for the video."""
    for index, line in enumerate(stripped):
        if not rules.MEDIA_POINTER.fullmatch(line):
            continue
        title = next((i for i in range(index + 1, len(stripped)) if stripped[i]), None)
        if (
            title is not None
            and title not in drop
            and words(stripped[title]) <= rules.HEADLINE_MAX_WORDS
            and not rules.FULL_STOP_END.search(stripped[title])  # a title may end in a quote mark
        ):
            drop[title] = rules.MEDIA_TITLE_RULE


def runs_on(line: str, following: str) -> bool:
    """A hard-wrapped line that goes on in the next: that one opens in lower case, or this one ends on "the", "of"."""
    tokens = line.split()
    return following[:1].islower() or bool(tokens and tokens[-1] in rules.WRAPPED_LINE_LAST_WORDS)


def _mark_uncredited_captions(stripped: list[str], drop: dict[int, str]) -> None:
    """Inside the text, two or more short lines that are not sentences, right above a paragraph with no blank line
    between: a picture's alternative text and caption ("North Korean refugee being detained outside the consulate",
    "Three refugees were prevented from entering the compound"), not the text. Lines that run on into the next are
    a hard-wrapped paragraph."""
    prose = [i for i, line in enumerate(stripped) if i not in drop and is_prose(line)]
    if not prose:
        return
    run: list[int] = []
    for index in range(prose[0] + 1, len(stripped)):
        line = stripped[index]
        if not line or index in drop:
            run = []
            continue
        if is_prose(line) and line[:1].isupper():
            if len(run) >= rules.UNCREDITED_CAPTION_MIN_LINES:
                drop.update(dict.fromkeys(run, rules.CAPTION_RULE))
            run = []
            continue
        following = stripped[index + 1] if index + 1 < len(stripped) else ""
        short = rules.CAPTION_MIN_WORDS <= words(line) <= rules.HEADLINE_MAX_WORDS and not _is_sentence(line)
        run = [*run, index] if short and following and not runs_on(line, following) else []


def _bare_credit_under_caption(stripped: list[str], index: int, block: list[int]) -> bool:
    above = index - 1
    return (
        bool(rules.BARE_PHOTO_CREDIT.fullmatch(stripped[index]))
        and above in block
        and not rules.FULL_STOP_END.search(stripped[above])
    )


def _mark_comment_thread(stripped: list[str], drop: dict[int, str]) -> None:
    """From the first reader's comment header ("• Nebul - 2012-05-02 12:40") or the comment section's heading
    ("Leave a Reply") under the text on, the rest of the page is the comment thread: readers' words, not the
    article's. A heading with more prose under it than above it is a link near the top, not the thread."""
    prose = [i for i, line in enumerate(stripped) if i not in drop and is_prose(line)]
    if not prose:
        return
    for start in range(prose[0] + 1, len(stripped)):
        line = stripped[start]
        if rules.COMMENT_HEADER.fullmatch(line) or rules.COMMENT_SECTION.fullmatch(line):
            break
    else:
        return
    if sum(i > start for i in prose) > sum(i < start for i in prose):
        return
    drop.update({i: rules.COMMENT_RULE for i in range(start, len(stripped)) if stripped[i]})


def is_title_case(line: str) -> bool:
    """Every word of TITLE_CASE_MIN_LETTERS letters or more starts with a capital."""
    long_words = [w for w in rules.TITLE_CASE_WORD.findall(line) if len(w) >= rules.TITLE_CASE_MIN_LETTERS]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def _mark_inline_headlines(stripped: list[str], drop: dict[int, str]) -> None:
    """Between the first and last lines of prose: a Title Case line longer than a subhead, not a sentence, is the
    headline of another story the page links to."""
    prose = [i for i, line in enumerate(stripped) if i not in drop and is_prose(line)]
    if len(prose) < 2:
        return
    for index in range(prose[0] + 1, prose[-1]):
        line = stripped[index]
        if not line or index in drop or _is_sentence(line):
            continue
        if rules.SUBHEAD_MAX_WORDS < words(line) <= rules.HEADLINE_MAX_WORDS and is_title_case(line):
            drop[index] = rules.INLINE_HEADLINE_RULE


def _mark_link_labels(stripped: list[str], drop: dict[int, str]) -> None:
    """Between two paragraphs of prose: a short line of a label of one or two words, a colon and a title, not a
    sentence ("Also check: Jobs in Pakistan", "Watch: Report On Sanctions"): a link to another page set in the text."""
    kept = [i for i, line in enumerate(stripped) if line and i not in drop]
    for before, index, after in zip(kept, kept[1:], kept[2:], strict=False):
        line = stripped[index]
        if (
            words(line) <= rules.LINK_LABEL_MAX_WORDS
            and rules.LINK_LABEL.fullmatch(line)
            and not _is_sentence(line)
            and is_prose(stripped[before])
            and is_prose(stripped[after])
        ):
            drop[index] = rules.LINK_LABEL_RULE


def _mark_repeated_standfirst(stripped: list[str], drop: dict[int, str]) -> None:
    """A line printed again inside a later kept line: a standfirst or teaser above the paragraph it repeats."""
    kept = [i for i, line in enumerate(stripped) if line and i not in drop]
    text = "\n".join(stripped[i] for i in kept)
    offset = 0
    for index in kept[: rules.STANDFIRST_MAX_POSITION]:
        line = stripped[index]
        # found again after its own place (one search of the joined text, in C, rather than a loop over lines),
        # whole or but for its full stop ("… to China." then "… to China, a …"); a line printed many times over
        # is the text's own repetition, not a standfirst printed again
        bare = line.rstrip(".")
        if (
            words(line) >= rules.REPEATED_LINE_MIN_WORDS
            and text.find(bare, offset + len(line)) != -1
            and text.count(bare) <= rules.STANDFIRST_MAX_PRINTINGS
        ):
            drop[index] = rules.TEASER_RULE
        offset += len(line) + 1


def printed_again(line: str, following: str) -> bool:
    """`following` repeats `line`, whole or with a credit run on at its end without a space; neither a sentence."""
    if not line or _is_sentence(line) or _is_sentence(following) or not following.startswith(line):
        return False
    return following == line or bool(rules.RUN_ON_CREDIT.fullmatch(following[len(line) :]))


def _mark_repeated_captions(stripped: list[str], drop: dict[int, str]) -> None:
    for index in range(1, len(stripped)):
        if index not in drop and printed_again(stripped[index - 1], stripped[index]):
            drop[index - 1] = drop[index] = rules.REPEATED_CAPTION_RULE


def _mark_fenced_boxes(stripped: list[str], drop: dict[int, str]) -> None:
    """Lines between two rule lines, none of them prose: a box of links set off from the text."""
    fences = [i for i, line in enumerate(stripped) if rules.RULE_LINE.fullmatch(line)]
    for start, end in itertools.pairwise(fences):
        inside = [i for i in range(start + 1, end) if stripped[i]]
        if 0 < len(inside) <= rules.FENCED_BOX_MAX_LINES and not any(is_prose(stripped[i]) for i in inside):
            drop.update({i: drop.get(i, rules.FENCED_BOX_RULE) for i in (start, *inside, end)})


def _mark_media_labels(stripped: list[str], drop: dict[int, str]) -> None:
    """Between the first and last lines of prose: a short "Watch: …" line that is not a sentence."""
    prose = [i for i, line in enumerate(stripped) if i not in drop and is_prose(line)]
    for index in range(prose[0] + 1, prose[-1]) if len(prose) >= 2 else ():
        line = stripped[index]
        if (
            index not in drop
            and words(line) <= rules.MEDIA_LABEL_MAX_WORDS
            and rules.MEDIA_LABEL.fullmatch(line)
            and not _is_sentence(line)
        ):
            drop[index] = rules.MEDIA_LABEL_RULE


def _mark_link_lists(stripped: list[str], drop: dict[int, str]) -> None:
    """Blocks (between blank lines) of short lines none of which is a sentence."""
    block: list[int] = []
    for index, line in enumerate([*stripped, ""]):
        if line and index not in drop:
            block.append(index)
            continue
        if len(block) >= rules.LINK_LIST_MIN_LINES and all(
            words(stripped[i]) <= rules.LINK_LIST_MAX_WORDS and not _is_sentence(stripped[i]) for i in block
        ):
            drop.update(dict.fromkeys(block, rules.LINK_LIST_RULE))
        block = []


def _mark_tail(stripped: list[str], drop: dict[int, str]) -> None:
    """After the last sentence of prose: short lines that are not sentences."""
    last = last_prose_line(stripped, drop)
    if last is None:
        return
    # The page ends in a paragraph cut short: the subhead over it is the text's, not furniture.
    final = max(i for i, line in enumerate(stripped) if line)
    heading = None
    if final not in drop and _cut_paragraph(stripped, final):
        heading = max((i for i in range(last + 1, final) if stripped[i]), default=None)
    for index in range(last + 1, len(stripped)):
        if index == heading and words(stripped[index]) <= rules.SUBHEAD_MAX_WORDS:
            continue
        line = rules.CONTROL_CHARS.sub("", stripped[index]).strip()
        if not line or index in drop:
            continue
        sentence = _is_sentence(line) and words(line) >= rules.TAIL_SENTENCE_MIN_WORDS
        if not sentence and words(line) < rules.TAIL_PROSE_MIN_WORDS and not _cut_paragraph(stripped, index):
            drop[index] = rules.TAIL_RULE


def _cut_off(line: str) -> bool:
    """A line that stops short: mid-sentence (no sentence end), or in an ellipsis."""
    return not _is_sentence(line) or line.endswith(("…", "..."))


def _mark_cut_teasers(stripped: list[str], drop: dict[int, str]) -> None:
    """After the last sentence of prose: a run of two or more lines cut off at the same length, or each in an
    ellipsis: a list of teasers, each cut by the page to so many characters. The stored copy's own cut is one line."""
    last = last_prose_line(stripped, drop)
    if last is None:
        return
    run: list[int] = []
    for index in [*range(last + 1, len(stripped)), None]:
        line = rules.CONTROL_CHARS.sub("", stripped[index]).strip() if index is not None else ""
        if index is not None and (not line or index in drop):
            continue  # blank lines and dropped lines (view counters) sit between the teasers
        if index is not None and _cut_off(line) and words(line) >= rules.TEASER_MIN_WORDS:
            run.append(index)
            continue
        lengths = [len(stripped[i]) for i in run]
        same_cut = len(run) >= 2 and max(lengths, default=0) - min(lengths, default=0) <= rules.TEASER_LENGTH_SPREAD
        ellipses = len(run) >= 2 and all(stripped[i].endswith(("…", "...")) for i in run)
        if same_cut or ellipses:
            drop.update(dict.fromkeys(run, rules.CUT_TEASER_RULE))
        run = []


def _cut_paragraph(stripped: list[str], index: int) -> bool:
    """The file's last line, a paragraph the stored copy cut short: long enough, with lower-case words in it."""
    if any(stripped[index + 1 :]):
        return False
    tokens = stripped[index].split()
    lower = sum(t[:1].islower() for t in tokens)
    return len(tokens) >= rules.TAIL_CUT_MIN_WORDS and lower >= rules.TAIL_CUT_MIN_LOWER_SHARE * len(tokens)


def _mark_author_trailer(stripped: list[str], drop: dict[int, str], author: str | None) -> None:
    """After the last line of prose: the author's name (often repeated) and a short title line under it."""
    if not author:
        return
    last = last_prose_line(stripped, drop)
    start = last + 1 if last is not None else 0
    after_name = False
    for index in range(start, len(stripped)):
        line = rules.CONTROL_CHARS.sub("", stripped[index]).strip()
        if not line or index in drop:
            continue
        if line.casefold() == author.casefold():
            drop[index], after_name = rules.AUTHOR_TRAILER_RULE, True
        elif after_name and words(line) <= rules.AUTHOR_TITLE_MAX_WORDS and not rules.SENTENCE_END.search(line):
            drop[index] = rules.AUTHOR_TRAILER_RULE
        else:
            after_name = False


def _line_paragraphs(block: list[tuple[int, str]]) -> bool:
    """A block saved as a paragraph per line: every line but the last (which a cut copy may end mid-word) ends
    a sentence."""
    return len(block) >= rules.LINE_PARAGRAPHS_MIN_LINES and all(
        rules.SENTENCE_END.search(text) for _, text in block[:-1]
    )


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Kept lines grouped into paragraphs: a blank or dropped line ends a paragraph (and, in a text saved with no
    blank lines, each line that ends a sentence)."""
    runs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for line in lines:
        text = rules.CONTROL_CHARS.sub("", line.text).strip()
        if line.dropped_by or not text:
            if current:
                runs.append(current)
            current = []
            continue
        current.append((line.number, text))
    if current:
        runs.append(current)
    blocks: list[tuple[int, list[str]]] = []
    for run in runs:
        if _line_paragraphs(run):
            blocks.extend((number, [text]) for number, text in run)
        else:
            blocks.append((run[0][0], [text for _, text in run]))
    result: list[Paragraph] = []
    for number, (first_line, block) in enumerate(blocks, start=1):
        text = "\n".join(block)
        subhead = (
            1 < number < len(blocks)
            and len(block) == 1
            and words(text) <= rules.SUBHEAD_MAX_WORDS
            and not rules.SENTENCE_END.search(text)
        )
        result.append(Paragraph(number, text, first_line, subhead))
    return result
