"""Evaluation gate: plain-text inference (headline, date, author, outlet, boilerplate) scored on real articles.

Each check is one expected headline, date, author or outlet, or one line that must be kept or dropped
(tests/evaldata/evaluation.yml). Every article is dated as `make add` would date it: among the site's own
sources. The score of each set is printed; the gate fails when a held-out score or a whole score drops below
its pinned floor. Two evaluations: the first (dev, tune, held-out: the Shenyang story) and the second
(tune2, held-out2: other diplomatic stories from other outlets), each with its own whole score ("all",
"all2") so that neither hides the other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from conftest import SUMMARY
from explainer.corpus import build_corpus
from explainer.read import read_article

ROOT = Path(__file__).resolve().parent.parent
TABLE = Path(__file__).resolve().parent / "evaldata" / "evaluation.yml"
SITE_SOURCES = sorted((ROOT / "sources" / "articles").glob("*.txt"))
# Pinned at the measured scores; raise them when the rules improve, never lower them to pass.
HELD_OUT_FLOOR = 0.925  # measured 37/40 (0.850 before tuning on the tune set)
OVERALL_FLOOR = 0.96  # measured 192/199 = 0.965
HELD_OUT2_FLOOR = 0.70  # measured 46/65 = 0.708 (43/65 = 0.662 before tuning on tune2)
OVERALL2_FLOOR = 0.86  # measured 124/144 = 0.861 (96/144 = 0.667 before tuning)
# Which whole score a set counts towards.
EVALUATION_OF = {
    "dev": "all",
    "tune": "all",
    "held-out": "all",
    "tune2": "all2",
    "held-out2": "all2",
    "held-out3": "held-out3",
    "held-out4": "held-out4",
    "tune3": "tune3",
    "tune4": "tune4",
    "tune5": "tune5",
    "tune6": "tune6",
    "tune7": "tune7",
}


@dataclass
class Score:
    passed: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.passed / self.total

    def __str__(self) -> str:
        return f"{self.passed}/{self.total} = {self.value:.3f}"


def check_case(case: dict) -> list[tuple[str, bool]]:
    """The checks of one article, each (what, passed)."""
    path = ROOT / case["file"]
    corpus = {p: read_article(p) for p in SITE_SOURCES}
    corpus[path] = read_article(path)
    source = next(s for s in build_corpus(list(corpus.values())) if s.path == path)
    text = "\n".join(p.text for p in source.paragraphs)
    headline = source.metadata.origin.get("title", "").startswith("headline")
    expected_date = case["date"] if isinstance(case["date"], dt.date) else None
    checks = [
        (
            f"title {case['title']!r}, got {source.title if headline else None!r}",
            (source.title if headline else None) == case["title"],
        ),
        (f"date {expected_date}, got {source.date.value} ({source.date.status})", source.date.value == expected_date),
    ]
    for name in ("author", "outlet"):
        if name in case:
            found = source.metadata.get(name)
            checks.append((f"{name} {case[name]!r}, got {found!r}", found == case[name]))
    checks += [(f"keep {line!r}", line in text) for line in case["keep"]]
    checks += [(f"drop {line!r}", line not in text) for line in case["drop"]]
    return checks


def score_table() -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    for case in yaml.safe_load(TABLE.read_text(encoding="utf-8")):
        for what, ok in check_case(case):
            for name in dict.fromkeys((case["set"], EVALUATION_OF[case["set"]])):
                scores[name].total += 1
                scores[name].passed += ok
            if not ok:
                scores[case["set"]].misses.append(f"{Path(case['file']).name}: {what}")
    return scores


def test_evaluation_gate() -> None:
    scores = score_table()
    SUMMARY.append(
        f"evaluation (tests/evaldata/evaluation.yml): held-out {scores['held-out']} (floor {HELD_OUT_FLOOR}); "
        f"tune {scores['tune']}; dev {scores['dev']}; all {scores['all']} (floor {OVERALL_FLOOR})"
    )
    SUMMARY.append(
        f"evaluation, second set (other stories and outlets): held-out2 {scores['held-out2']} "
        f"(floor {HELD_OUT2_FLOOR}); tune2 {scores['tune2']}; all2 {scores['all2']} (floor {OVERALL2_FLOOR})"
    )
    for name in ("held-out", "tune", "dev", "held-out2", "tune2"):
        SUMMARY.extend(f"  missed ({name}): {miss}" for miss in scores[name].misses)
    misses = [m for s in scores.values() for m in s.misses]
    assert scores["held-out"].value >= HELD_OUT_FLOOR, scores["held-out"].misses
    assert scores["all"].value >= OVERALL_FLOOR, misses
    assert scores["held-out2"].value >= HELD_OUT2_FLOOR, scores["held-out2"].misses
    assert scores["all2"].value >= OVERALL2_FLOOR, misses
