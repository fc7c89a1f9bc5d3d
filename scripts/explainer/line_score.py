"""A learnt second opinion on the rules: each line of a page scored by its shape and place, with weights learnt.

The rules in rules.py name the furniture they have seen; a page from a new outlet brings furniture no rule names
(a subscription box, a clock over the text). This module scores every line by features that do not name an
outlet or a phrase: its length, whether it ends like a sentence, its capitals and digits, a clock's shape, its
place relative to the first and last paragraphs of prose, whether the page prints it twice, its neighbours, a
picture's credit run into it or on a line beside it (a caption: such a line is not where the text starts, however
long), and how many of its words the annotated pages wrote in furniture rather than in text. Two small logistic models:

- furniture: the chance that a line the rules kept above the first paragraph of prose or below the last is page
  furniture; above `furniture_threshold` it is dropped.
  In the margins a line right under one the rules dropped, or between two, goes with them above `box_threshold`,
  and a line with a caption's shape (its credit beside it or run in) is dropped above `caption_threshold`; under the
  text a line is judged whatever its length. Above the headline, a short sentence the model is sure of (the same
  thresholds) does not end the header: the rules would take it for the text's first sentence.
- headline: the chance that a header line is the page's headline; when the rules' choice scores below
  `headline_doubt` and another candidate scores above `headline_trust`, the other is taken.

The weights, thresholds and word scores are data, in line_weights.json, written by
`python -m bench.learn_line_weights learn` from the annotated evaluation sets (never from a held-out set); the
same script estimates how the model travels by cross-validation grouped by outlet.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path

from . import clean, rules

WEIGHTS_FILE = Path(__file__).with_name("line_weights.json")

TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
DATE_SHAPE = re.compile(
    r"\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", re.I
)
MARKS = re.compile(r"[|•·»›+©@#/]")
# a picture's credit run into its caption, by shape: "(Picture: A Name/An Agency via …)" or "… | AFP" at the end
CREDIT_TAIL = re.compile(
    r"\([^()]*[/:][^()]*\)\s*$|\s[|/]\s*[^\s|/]+(?:\s+[^\s|/]+){0,3}\s*$|^[^\s|/]+(?:\s[^\s|/]+){0,2}\s\|\s"
)
# a credit line on its own: a few capitalised words around a slash or bar ("Andrew Harnik / AP", "Reuters/Cairo")
CREDIT_LINE = re.compile(r"^[^\W\d_][^.!?]{0,40}\s?[/|]\s?[^\W\d_][^.!?]{0,40}$")
# words that carry a sentence, whatever it is about: their share tells running text from labels and menus
FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but", "that"}
    | {"which", "who", "was", "were", "is", "are", "has", "have", "had", "be", "been", "said", "says", "will"}
    | {"would", "it", "its", "their", "his", "her", "they", "he", "she", "this"}
)

FURNITURE_FEATURES = (
    "bias",
    "log_words",
    "ends_sentence",
    "is_prose",
    "capitalised_share",
    "digit_share",
    "clock",
    "date_shape",
    "above_first_prose",
    "below_last_prose",
    "printed_twice",
    "furniture_words",
    "function_word_share",
    "starts_lower",
    "marks",
    "prose_neighbour",
    "short_chars",
    "credit_tail",
    "credit_neighbour",
)
HEADLINE_FEATURES = (
    "bias",
    "log_words",
    "ends_sentence",
    "capitalised_share",
    "digit_share",
    "clock",
    "date_shape",
    "furniture_words",
    "function_word_share",
    "marks",
    "first_candidate",
    "headline_length",
    "name_alone",
    "lines_to_prose",
    "printed_twice",
)


@dataclass(frozen=True)
class Model:
    """Weights of the two logistic models, their thresholds, and the log-odds of words seen in furniture."""

    furniture: dict[str, float] = field(default_factory=dict)
    headline: dict[str, float] = field(default_factory=dict)
    furniture_threshold: float = 1.0
    caption_threshold: float = 1.0  # a line in the margin with a caption's shape (a credit beside or run in) above this
    box_threshold: float = 1.0  # a line scored above this between two dropped lines goes with them
    text_doubt: float = 0.5  # prose scored above this does not count as the text's first or last paragraph
    furniture_max_words: int = 0  # longer lines are left to the rules: a lede in capitals is still the lede
    headline_doubt: float = 0.0
    headline_trust: float = 1.0
    words: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@cache
def stored_model() -> Model:
    if not WEIGHTS_FILE.exists():
        return Model()
    return Model(**json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")))


# Set by the learning script while it cross-validates; None means the stored model.
override: Model | None = None


def model() -> Model:
    return override if override is not None else stored_model()


@dataclass(frozen=True)
class Page:
    """What the features need to know about the whole page."""

    stripped: list[str]
    first_prose: int | None
    last_prose: int | None
    counts: dict[str, int]

    @classmethod
    def of(cls, raw: list[str]) -> Page:
        stripped = [rules.CONTROL_CHARS.sub("", line).strip() for line in raw]

        # a caption as long as a sentence, with its credit beside it or run in, is not where the text starts
        def starts_text(i: int) -> bool:
            s = stripped[i]
            return clean.is_prose(s) and not (
                CREDIT_TAIL.search(s)
                or _credit_beside(stripped[i - 1] if i else "", stripped[i + 1] if i + 1 < len(stripped) else "")
            )

        first = next((i for i in range(len(stripped)) if starts_text(i)), None)
        last = None if first is None else next(i for i in reversed(range(len(stripped))) if starts_text(i))
        counts: dict[str, int] = {}
        for s in stripped:
            if s:
                counts[s.casefold()] = counts.get(s.casefold(), 0) + 1
        return cls(stripped, first, last, counts)


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in TOKEN.findall(text)]


def _word_score(found: list[str], words: dict[str, float]) -> float:
    return sum(map(words.get, found, repeat(0.0))) / len(found) if found else 0.0


def _neighbour(page: Page, index: int, step: int) -> str:
    """The line right above or below (no blank line between), else ""."""
    at = index + step
    return page.stripped[at] if 0 <= at < len(page.stripped) else ""


def _shape(text: str, words: dict[str, float]) -> dict[str, float]:
    count = clean.words(text)
    alpha = [t for t in text.split() if t[:1].isalpha()]
    found = tokens(text)
    return {
        "bias": 1.0,
        "log_words": math.log1p(count) / 3,
        "ends_sentence": float(bool(rules.SENTENCE_END.search(text))),
        "capitalised_share": sum(t[0].isupper() for t in alpha) / len(alpha) if alpha else 0.0,
        "digit_share": sum(map(str.isdigit, text)) / len(text),
        "clock": float(bool(CLOCK.search(text))),
        "date_shape": float(bool(DATE_SHAPE.search(text))),
        "furniture_words": _word_score(found, words),
        "function_word_share": sum(t in FUNCTION_WORDS for t in found) / max(1, len(found)),
        "marks": float(bool(MARKS.search(text))),
    }


def furniture_features(page: Page, index: int, words: dict[str, float]) -> dict[str, float]:
    text = page.stripped[index]
    found = _shape(text, words)
    above, below = _neighbour(page, index, -1), _neighbour(page, index, 1)
    found |= {
        "is_prose": float(clean.is_prose(text)),
        "above_first_prose": float(page.first_prose is not None and index < page.first_prose),
        "below_last_prose": float(page.last_prose is not None and index > page.last_prose),
        "printed_twice": float(page.counts.get(text.casefold(), 0) > 1),
        "starts_lower": float(text[:1].islower()),
        "prose_neighbour": float(clean.is_prose(above) or clean.is_prose(below)),
        "short_chars": float(len(text) < 30),
        # captions: a credit run in, a credit line beside it
        "credit_tail": float(bool(CREDIT_TAIL.search(text))),
        "credit_neighbour": float(_credit_beside(above, below)),
    }
    return found


def _credit_beside(above: str, below: str) -> bool:
    return any(clean.words(n) <= 8 and CREDIT_LINE.match(n) for n in (above, below))


def _looks_captioned(page: Page, index: int) -> bool:
    """A caption's shape: its credit run in or beside it."""
    text = page.stripped[index]
    above, below = _neighbour(page, index, -1), _neighbour(page, index, 1)
    return bool(CREDIT_TAIL.search(text) or _credit_beside(above, below))


def headline_features(page: Page, index: int, first: bool, words: dict[str, float]) -> dict[str, float]:
    text = page.stripped[index]
    found = _shape(text, words)
    count = clean.words(text)
    to_prose = (page.first_prose - index) if page.first_prose is not None and page.first_prose > index else 10
    found |= {
        "first_candidate": float(first),
        "headline_length": float(rules.HEADLINE_MIN_WORDS <= count <= rules.HEADLINE_MAX_WORDS),
        "name_alone": float(bool(rules.NAME_ALONE.fullmatch(text))),
        "lines_to_prose": min(to_prose, 10) / 10,
        "printed_twice": float(page.counts.get(text.casefold(), 0) > 1),
    }
    return found


def probability(weights: dict[str, float], features: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


FURNITURE_RULE = "page furniture (learnt score)"
WRAPPED_MIN_WORDS = 8  # a line this long that stops mid-sentence was wrapped, not cut off as a label
HEADLINE_RULE = "not the headline (learnt second opinion)"  # the rules' choice, overruled


def furniture_lines(raw: list[str], drop: dict[int, str]) -> dict[int, str]:
    """Lines the rules kept that the furniture model scores as furniture: index → rule name."""
    chosen = model()
    if not chosen.furniture:
        return {}
    page = Page.of(raw)
    kept = [i for i, text in enumerate(page.stripped) if text and i not in drop]
    score: dict[int, float] = {}

    def scored(i: int) -> float:  # only the lines asked about: the margins and the text's two ends
        if i not in score:
            score[i] = probability(chosen.furniture, furniture_features(page, i, chosen.words))
        return score[i]

    def trusted_prose(i: int) -> bool:
        return clean.is_prose(page.stripped[i]) and scored(i) <= chosen.text_doubt

    # the text runs from its first paragraph of prose to its last, not counting prose the model doubts
    # ("• Limited offer: Subscribe today and get … (accessible with up to 3 devices)"); only the margins above and
    # below it are judged here: inside the text a short line is as often a subhead ("Numbers grow") as furniture,
    # and the rules judge it. Lines longer than a subhead are left to the rules too (a lede in capitals is a lede).
    first = next((i for i in kept if trusted_prose(i)), None)
    if first is None:  # no paragraph of prose: no margins to judge (a page of short lines is left to the rules)
        return {}
    last = next(i for i in reversed(kept) if trusted_prose(i))
    # a caption is as long as a sentence: its credit (run in or beside it), not its length, tells it; and under the
    # text nothing is a subhead, so a notice there is judged whatever its length ("Comments are posted from viewers
    # like you and do not always reflect the views of this station. powered by Disqus")
    margin = [
        i
        for i in kept
        if not first <= i <= last
        and (clean.words(page.stripped[i]) <= chosen.furniture_max_words or _looks_captioned(page, i) or i > last)
    ]
    # a line with a caption's shape, its credit run in or beside it, needs less of the model: the credit is evidence
    # the model's length and prose features weigh against ("HAVANA, CUBA - A general view of …" under
    # "A Name / An Agency / Getty Images")
    found = {
        i
        for i in margin
        if scored(i) > (chosen.caption_threshold if _looks_captioned(page, i) else chosen.furniture_threshold)
        and not _wrapped_on(page, i, drop)
    }
    # a line the model leans towards furniture, between two lines it is sure of, belongs to the same box
    # ("(billed annually at P 960)" between "P 80 per month" and "• Unlimited ad-free access …")
    for before, at, after in zip(margin, margin[1:], margin[2:], strict=False):
        if before in found and after in found and scored(at) > chosen.box_threshold:
            found.add(at)
    # in the margins the rules' own drops end a box too: a notice or a prompt between two lines they dropped ("Have a
    # tip we should know?" between a picture's credit and a list of sister sites), or a line right under one they
    # dropped, no blank line between (a related headline under "More from …", and its teaser under it; a writer's
    # note, last on the page, under "Our standards: …"; an app prompt under "Navigation")
    boxed = set(margin) - found
    written = [i for i, text in enumerate(page.stripped) if text]
    for before, at, after in zip(written, written[1:], [*written[2:], None], strict=False):
        if (
            at in boxed
            and (before in drop or before in found)
            and (after in drop or after in found or at == before + 1)
            and scored(at) > chosen.box_threshold
        ):
            found.add(at)
    return dict.fromkeys(sorted(found), FURNITURE_RULE)


def _wrapped_on(page: Page, index: int, drop: dict[int, str]) -> bool:
    """The line goes on with the sentence of the kept line right above it (a text saved with its lines wrapped: "…
    closed since a" / "winter storm damaged its pilings."): it is that paragraph's, not a line to judge alone."""
    above = page.stripped[index - 1] if index > 0 else ""
    return (
        bool(above)
        and index - 1 not in drop
        and clean.words(above) >= WRAPPED_MIN_WORDS
        and not rules.SENTENCE_END.search(above)
        and page.stripped[index][:1].islower()
    )


def furniture_over_the_header(raw: list[str], index: int) -> bool:
    """A short sentence above the headline that the furniture model is sure of ("Join our … channel and get …!"):
    the header reader passes over it rather than take it for the text's first sentence."""
    chosen = model()
    if not chosen.furniture:
        return False
    page = Page.of(raw)
    if clean.words(page.stripped[index]) > chosen.furniture_max_words:
        return False
    # right under a line the rules drop, no blank line between, it is the same box (as in furniture_lines)
    boxed = index > 0 and bool(page.stripped[index - 1]) and clean.line_rule(page.stripped[index - 1]) is not None
    threshold = chosen.box_threshold if boxed else chosen.furniture_threshold
    return probability(chosen.furniture, furniture_features(page, index, chosen.words)) > threshold


def second_headline(raw: list[str], chosen_at: int, candidates: list[int]) -> int | None:
    """Another candidate for the headline when the rules' choice does not look like one, else None."""
    chosen = model()
    if not chosen.headline:
        return None
    page = Page.of(raw)
    first = candidates[0] if candidates else None

    def score(i: int) -> float:
        return probability(chosen.headline, headline_features(page, i, i == first, chosen.words))

    if chosen_at not in candidates or score(chosen_at) >= chosen.headline_doubt:  # the rules' choice stands
        return None
    others = {i: score(i) for i in candidates if i != chosen_at}
    best = max(others, key=others.__getitem__, default=None)
    return best if best is not None and others[best] > chosen.headline_trust else None
