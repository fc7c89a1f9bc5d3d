"""Boilerplate evaluation gate: the cleaning rules scored on real articles against a pinned floor.

Each check is one expected headline, one expected date, one line that must be kept or one that must be
dropped (tests/evaldata/boilerplate.yml). The score is printed; the gate fails when it drops below FLOOR.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from conftest import SUMMARY
from explainer.corpus import build_corpus
from explainer.read import read_article

ROOT = Path(__file__).resolve().parent.parent
TABLE = Path(__file__).resolve().parent / "evaldata" / "boilerplate.yml"
# Pinned at the measured score; raise it when the rules improve, never lower it to pass.
FLOOR = 0.95  # measured 83/87 = 0.954; misses: photo captions run into BBC paragraphs


def score_table() -> tuple[int, int, list[str]]:
    cases = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    # Seeds are dated together (one of them borrows its year from the others), as the site does.
    sources = {s.path: s for s in build_corpus([read_article(ROOT / case["file"]) for case in cases])}
    passed, total, failures = 0, 0, []
    for case in cases:
        source = sources[ROOT / case["file"]]
        text = "\n".join(p.text for p in source.paragraphs)
        header = source.metadata.origin.get("title", "").startswith("headline")
        checks = [
            ("title", (source.title if header else None) == case["title"]),
            ("date", source.date.value == (case["date"] if isinstance(case["date"], dt.date) else None)),
        ]
        checks += [(f"keep {line!r}", line in text) for line in case["keep"]]
        checks += [(f"drop {line!r}", line not in text) for line in case["drop"]]
        for name, ok in checks:
            total += 1
            passed += ok
            if not ok:
                failures.append(f"{case['file']}: {name}")
    return passed, total, failures


def test_boilerplate_evaluation_gate() -> None:
    passed, total, failures = score_table()
    score = passed / total
    SUMMARY.append(f"boilerplate evaluation: {passed}/{total} checks = {score:.3f} (floor {FLOOR})")
    SUMMARY.extend(f"  missed: {failure}" for failure in failures)
    assert score >= FLOOR, f"score {score:.3f} fell below the floor {FLOOR}: " + "; ".join(failures)
