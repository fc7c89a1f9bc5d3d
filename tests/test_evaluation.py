"""Evaluation gate: plain-text inference (headline, date, author, outlet, boilerplate) scored on real articles.

Each check is one expected headline, date, author or outlet, or one line that must be kept or dropped
(tests/evaldata/evaluation.yml). Every article is dated as `make add` would date it: among the site's own
sources. The score of each set is printed; the gate fails when any set drops below its pinned floor. Two
evaluations: the first (dev, tune, held-out: the Shenyang story, whole score "all") and the second (other
diplomatic stories from other outlets: tune2 and held-out2 with their whole score "all2", the tuning sets
tune3-tune18, held-out3 to held-out8 (held out, measured, then read and tuned on) and held-out9 (never tuned on,
never read by the learning of bench/learn_line_weights.py), each scored on its own).
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
# Pinned at the measured scores, per set; raise them when the rules improve, never lower them to pass. Each held-out
# set's figure at its one measurement is in its comment (and the README); since it was read, its floor keeps what was
# learnt from it.
FLOORS = {
    "dev": 1.0,  # 87/87 (0.954 before round 3)
    "tune": 1.0,  # 72/72 (0.583 before tuning on it)
    "held-out": 0.975,  # 39/40 (0.850 before the first tuning, 0.925 before issue 17's third round)
    "all": 0.994,  # 198/199
    "tune2": 0.987,  # 78/79 (0.671 before tuning on it)
    "held-out2": 1.0,  # 65/65: 0.708 when measured; read after measurement on 2026-11-24 and tuned on since
    "all2": 0.993,  # 143/144
    "tune3": 0.971,  # 67/69 (0.725 before tuning on it)
    "tune4": 0.968,  # 62/64 (0.641 before)
    "tune5": 0.970,  # 65/67 (0.687 before)
    "tune6": 1.0,  # 71/71 (0.761 before)
    "tune7": 0.966,  # 29/30 (0.833 before)
    "held-out3": 0.974,  # 75/77: 0.701 before any tuning, 0.779 after the first round (its misses seen at the
    # before measurement); read after the first round's measurement and tuned on since
    "held-out4": 1.0,  # 78/78: 0.846 before any tuning, 0.923 after the first round (blind); read, tuned on since
    # (77/78 after round 6; the writer's note under "Our standards" dropped in round 7)
    "held-out5": 1.0,  # 44/44: 0.841 before and after round 2 (never tuned on then); read, tuned on in round 3
    "tune8": 0.985,  # 68/69 (0.855 before tuning on it, round 3)
    "tune9": 0.967,  # 59/61 (0.836 before)
    "tune10": 0.978,  # 46/47 (0.957 before)
    "tune11": 0.972,  # 36/37 (0.919 before)
    "tune12": 0.967,  # 30/31 (0.742 before)
    "tune13": 0.961,  # 50/52 (0.885 before); adamcurry's date corrected to null on 2026-11-25 and an embedded post's
    # date no longer dates the page: 50/52 still
    "tune14": 0.982,  # 55/56 (0.929 before)
    "tune15": 0.967,  # 60/62 (0.903 before)
    "held-out6": 1.0,  # 67/67: 59/67 = 0.881 at its one measurement after round 3 (blind); read, tuned on in round 4
    "tune16": 0.955,  # 43/45 (0.844 before tuning on it, round 4; 42/45 after round 4)
    "tune17": 0.951,  # 39/41 (0.805 before; 37/41 after round 4)
    "tune18": 0.940,  # 47/50 (0.860 before)
    "held-out7": 0.978,  # 90/92: 83/92 = 0.902 at its one measurement after round 4 (blind); read, tuned on in round 5
    "held-out8": 0.946,  # 106/112: 97/112 = 0.866 at its one measurement after round 5 (blind); tuned on in round 6
    # (102/112) and round 7 (two captions with their credit beside them, an app prompt and the headline under it)
    "held-out9": 1.0,  # 115/115: 109/115 = 0.948 at its one measurement after round 6 (c243ffe, blind); 108/115 with
    # round 6's final code; read, tuned on (learnt from) in round 7
    "held-out10": 1.0,  # 155/155 since an embedded post's date no longer dates the page; 153/155 after round 8
    # (tuned on, learnt from): 140/156 = 0.897 at its one measurement
    # after round 7 (5e70b75, blind until then); 140/155 = 0.903 against the annotations as corrected by a second
    # annotator (adjudication after round 7); 143/155 with round 7's final code
    "held-out11": 0.870,  # 128/147 since an embedded post's date no longer dates the page (Worldcrunch; a rule that
    # the annotations of tune13 and held-out10 called for, not read off this set); 127/147 at its one measurement,
    # after round 8 (30d3cd6, code frozen; blind until then; main ae87714's code 127/147 too): the honest held-out
    # figure; not tuned on, not learnt from yet
    "held-out12": 0.913,  # 148/161 since (a wrapped paragraph kept; a date in the text with no weekday gives no day);
    # 147/161 at its one measurement (2026-11-25, main 3c0e5ac, code as at dfab792; blind until
    # then, gathered and annotated by a helper who does not tune; the session's start c0dfff3: 146/161): the honest
    # held-out figure; not tuned on, not learnt from
}
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
    "tune8": "tune8",
    "tune9": "tune9",
    "tune10": "tune10",
    "tune11": "tune11",
    "tune12": "tune12",
    "tune13": "tune13",
    "tune14": "tune14",
    "tune15": "tune15",
    "held-out5": "held-out5",
    "held-out6": "held-out6",
    "held-out7": "held-out7",
    "held-out8": "held-out8",
    "held-out9": "held-out9",
    "held-out10": "held-out10",
    "held-out11": "held-out11",
    "held-out12": "held-out12",
    "tune16": "tune16",
    "tune17": "tune17",
    "tune18": "tune18",
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
        if case.get("blind"):
            # a set marked blind is never run through the inference before its one measurement (flag flipped after)
            continue
        for what, ok in check_case(case):
            for name in dict.fromkeys((case["set"], EVALUATION_OF[case["set"]])):
                scores[name].total += 1
                scores[name].passed += ok
            if not ok:
                scores[case["set"]].misses.append(f"{Path(case['file']).name}: {what}")
    return scores


def test_evaluation_gate() -> None:
    scores = score_table()
    blind = sum(bool(case.get("blind")) for case in yaml.safe_load(TABLE.read_text(encoding="utf-8")))
    SUMMARY.append(
        "evaluation (tests/evaldata/evaluation.yml): "
        + "; ".join(f"{name} {scores[name]} (floor {floor})" for name, floor in FLOORS.items())
        + f"; {blind} pages marked blind, not run"
    )
    for name in FLOORS:
        SUMMARY.extend(f"  missed ({name}): {miss}" for miss in scores[name].misses)
    below = {name: str(scores[name]) for name, floor in FLOORS.items() if scores[name].value < floor}
    assert not below, (below, [m for s in scores.values() for m in s.misses])
