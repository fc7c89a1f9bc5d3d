"""Learn the line scores' weights (scripts/explainer/line_weights.json) from the annotated evaluation sets, and
estimate how they travel by cross-validation grouped by outlet.

    python -m bench.learn_line_weights learn   # writes line_weights.json from every set but the held-out one
    python -m bench.learn_line_weights cv      # 5 folds by outlet: learnt on 4, scored on the 5th, rules alone beside
    python -m bench.learn_line_weights score   # every set's score with the stored weights (the held-out set left out)
    python -m bench.learn_line_weights curve   # the same folds, learnt on a quarter, half, three quarters, all of 4

Reproducible: no randomness (folds by a hash of the outlet's name, Newton's method from zero weights). The held-out
set (every page marked `blind: true` in the table) is never read here: neither learnt from nor scored.

Examples: each annotated line of a page ("drop" lines are furniture, "keep" lines are text) for the furniture
model; each headline candidate the rules find (the annotated headline, or none) for the headline model. Two small
logistic regressions of about 15 features each, fitted by Newton's method in plain Python (no library: a kept
one such as scikit-learn would bring NumPy and SciPy into the pinned install for 30 lines of arithmetic).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import yaml

from explainer import clean, convert, extract, line_score, rules
from explainer.line_score import FURNITURE_FEATURES, HEADLINE_FEATURES, Model, Page

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "evaldata" / "evaluation.yml"
# The held-out set is the one marked `blind: true` in the table: never learnt from, never scored while tuning.
# A set just measured is left out here too (by name), so that the stored weights stay those it was measured with,
# until the next round learns from it. held-out10 (measured after round 7) is learnt from since round 8; held-out11,
# measured after round 8, and held-out12, measured on 2026-11-25, are left out until a round learns from them.
MEASURED_NOT_LEARNT: frozenset[str] = frozenset({"held-out11", "held-out12"})
FOLDS = 5
RIDGE = 1.0  # L2 penalty on every weight but the bias: few examples, so keep the weights small
WORD_MIN_COUNT = 3  # a word's furniture score needs this many sightings
WORD_CLIP = 3.0
FURNITURE_THRESHOLD = 0.92  # drop a kept line only when the model is this sure
CAPTION_THRESHOLD = 0.5  # or, for a line with a caption's shape (a credit beside it or run in), when it leans that way
TEXT_DOUBT = 0.5  # prose scored above this is not where the text starts or ends
BOX_THRESHOLD = 0.5  # a line between two dropped ones goes with them above this
FURNITURE_MAX_WORDS = 15  # and it is no longer than a subhead
HEADLINE_DOUBT = 0.15  # the rules' headline is doubted below this
HEADLINE_TRUST = 0.6  # and replaced only by a candidate above this


def blind(case: dict) -> bool:
    """A page of a set marked `blind: true` in the table: gathered and annotated, never run through the inference
    until its one measurement (the flag is flipped after it)."""
    return bool(case.get("blind"))


def cases() -> list[dict]:
    table = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return [c for c in table if not blind(c) and c["set"] not in MEASURED_NOT_LEARNT]


def outlet(case: dict) -> str:
    if url := case.get("url"):
        host = urlparse(url).netloc.lower()
        return host.removeprefix("www.").removeprefix("amp.")
    return Path(case["file"]).name.split("-", 1)[0]


def _raw(case: dict) -> list[str]:
    return clean.split_lines((ROOT / case["file"]).read_text(encoding="utf-8"))


def furniture_examples(case: dict) -> list[tuple[int, int]]:
    """(line index, 1 for furniture / 0 for text) for each line an annotation names."""
    raw = _raw(case)
    found = []
    for index, line in enumerate(raw):
        dropped = any(part in line for part in case["drop"])
        kept = any(part in line for part in case["keep"])
        if dropped != kept:
            found.append((index, int(dropped)))
    return found


def headline_examples(case: dict) -> list[tuple[list[int], int]]:
    """The rules' headline candidates (the model off), each 1 if it is the annotated headline."""
    raw = _raw(case)
    saved, line_score.override = line_score.override, Model()
    try:
        header = extract.read_header(raw)
    finally:
        line_score.override = saved
    pool = [i for i, _ in header.candidates]
    return [(pool, int(rules.CONTROL_CHARS.sub("", raw[i]).strip() == case["title"])) for i in pool]


def _word_counts(case: dict) -> tuple[Counter[str], Counter[str]]:
    """Words (once per line) of a page's furniture lines and of its text lines."""
    furniture: Counter[str] = Counter()
    text: Counter[str] = Counter()
    raw = _raw(case)
    for index, label in furniture_examples(case):
        (furniture if label else text).update(set(line_score.tokens(raw[index])))
    return furniture, text


def word_scores(furniture: Counter[str], text: Counter[str]) -> dict[str, float]:
    """Log-odds of each word in furniture lines against text lines of the annotated pages."""
    total_f, total_t = sum(furniture.values()) or 1, sum(text.values()) or 1
    vocabulary = len(set(furniture) | set(text))
    scores = {}
    for word in sorted(set(furniture) | set(text)):
        if furniture[word] + text[word] < WORD_MIN_COUNT:
            continue
        odds = math.log((furniture[word] + 1) / (total_f + vocabulary)) - math.log(
            (text[word] + 1) / (total_t + vocabulary)
        )
        scores[word] = round(max(-WORD_CLIP, min(WORD_CLIP, odds)), 3)
    return scores


def fit(rows: list[list[float]], labels: list[int], iterations: int = 25) -> list[float]:
    """Logistic regression by Newton's method, classes weighted to balance, L2 on all but the bias (column 0)."""
    width = len(rows[0])
    positives = sum(labels) or 1
    negatives = (len(labels) - sum(labels)) or 1
    weight_of = {1: len(labels) / (2 * positives), 0: len(labels) / (2 * negatives)}
    beta = [0.0] * width
    for _ in range(iterations):
        gradient = [RIDGE * b if j else 0.0 for j, b in enumerate(beta)]
        hessian = [[(RIDGE if i == j and i else 0.0) for j in range(width)] for i in range(width)]
        for row, label in zip(rows, labels, strict=True):
            z = max(-30.0, min(30.0, sum(b * x for b, x in zip(beta, row, strict=True))))
            p = 1 / (1 + math.exp(-z))
            w = weight_of[label]
            for i in range(width):
                gradient[i] += w * (p - label) * row[i]
                for j in range(i, width):
                    hessian[i][j] += w * p * (1 - p) * row[i] * row[j]
        for i in range(width):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
            hessian[i][i] += 1e-9
        step = _solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return beta


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    a = [[*row, v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def learn(training: list[dict]) -> Model:
    counts = {c["file"]: _word_counts(c) for c in training}
    by_outlet: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for case in training:
        f, t = by_outlet.setdefault(outlet(case), (Counter(), Counter()))
        f.update(counts[case["file"]][0])
        t.update(counts[case["file"]][1])
    all_f = sum((f for f, _ in by_outlet.values()), Counter())
    all_t = sum((t for _, t in by_outlet.values()), Counter())
    words = word_scores(all_f, all_t)
    f_rows, f_labels, h_rows, h_labels = [], [], [], []
    for case in training:
        raw = _raw(case)
        page = Page.of(raw)
        # a page's words scored without its own outlet's pages, as a new outlet's would be: else the word score
        # would learn the training pages by heart and the model would lean on it more than it deserves
        own_f, own_t = by_outlet[outlet(case)]
        unseen = word_scores(all_f - own_f, all_t - own_t)
        for index, label in furniture_examples(case):
            if not page.stripped[index]:
                continue
            found = line_score.furniture_features(page, index, unseen)
            f_rows.append([found[name] for name in FURNITURE_FEATURES])
            f_labels.append(label)
        examples = headline_examples(case)
        pool = examples[0][0] if examples else []
        for index, (_, label) in zip(pool, examples, strict=True):
            found = line_score.headline_features(page, index, index == pool[0], unseen)
            h_rows.append([found[name] for name in HEADLINE_FEATURES])
            h_labels.append(label)
    furniture = fit(f_rows, f_labels)
    headline = fit(h_rows, h_labels)
    return Model(
        furniture={n: round(w, 4) for n, w in zip(FURNITURE_FEATURES, furniture, strict=True)},
        headline={n: round(w, 4) for n, w in zip(HEADLINE_FEATURES, headline, strict=True)},
        furniture_threshold=FURNITURE_THRESHOLD,
        caption_threshold=CAPTION_THRESHOLD,
        furniture_max_words=FURNITURE_MAX_WORDS,
        text_doubt=TEXT_DOUBT,
        box_threshold=BOX_THRESHOLD,
        headline_doubt=HEADLINE_DOUBT,
        headline_trust=HEADLINE_TRUST,
        words=words,
    )


def _checks(case: dict) -> list[tuple[str, bool]]:
    sys.path.insert(0, str(ROOT / "tests"))
    import test_evaluation  # the gate's own checks, so the estimate counts what the gate counts

    return test_evaluation.check_case(case)


def score(chosen: Model | None, selected: list[dict]) -> dict[tuple[str, int], tuple[bool, str, str]]:
    """Each check of the selected pages under a model (None: the stored one; Model(): the rules alone)."""
    line_score.override = chosen
    convert._EXTRACTED.clear()
    try:
        return {
            (c["file"], number): (ok, c["set"], f"{c['set']}: {Path(c['file']).name}: {what}")
            for c in selected
            for number, (what, ok) in enumerate(_checks(c))
        }
    finally:
        line_score.override = None
        convert._EXTRACTED.clear()


def _fold(name: str) -> int:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % FOLDS


def cross_validate() -> None:
    every = cases()
    learnt_total = rules_total = count = 0
    for fold in range(FOLDS):
        test = [c for c in every if _fold(outlet(c)) == fold]
        model = learn([c for c in every if _fold(outlet(c)) != fold])
        with_model, alone = score(model, test), score(Model(), test)
        passed_model = sum(ok for ok, _, _ in with_model.values())
        passed_alone = sum(ok for ok, _, _ in alone.values())
        learnt_total, rules_total, count = learnt_total + passed_model, rules_total + passed_alone, count + len(alone)
        outlets = len({outlet(c) for c in test})
        print(
            f"fold {fold}: {len(test)} pages, {outlets} outlets: rules alone {passed_alone}/{len(alone)},"
            f" with the learnt scores {passed_model}/{len(alone)}"
        )
        for key in sorted(alone):
            if alone[key][0] != with_model[key][0]:
                print(f"  {'fixes' if with_model[key][0] else 'breaks'} {with_model[key][2]}")
    print(
        f"cross-validated by outlet: rules alone {rules_total}/{count} = {rules_total / count:.3f};"
        f" with the learnt scores {learnt_total}/{count} = {learnt_total / count:.3f}"
    )


CURVE_SHARES = (0.25, 0.5, 0.75, 1.0)


def learning_curve() -> None:
    """Would more annotated pages of the kinds we have help the learnt scores? The cross-validation's folds, each
    learnt on a growing share of its training outlets (the same outlets first at every share, in hash order), the
    fifth fold scored: a curve still rising at the full share says more pages would help; a flat one says not."""
    every = cases()
    alone_total = count = 0
    passed = dict.fromkeys(CURVE_SHARES, 0)
    for fold in range(FOLDS):
        test = [c for c in every if _fold(outlet(c)) == fold]
        training = [c for c in every if _fold(outlet(c)) != fold]
        outlets = sorted({outlet(c) for c in training}, key=lambda name: hashlib.sha1(name.encode()).hexdigest())
        alone = score(Model(), test)
        alone_total, count = alone_total + sum(ok for ok, _, _ in alone.values()), count + len(alone)
        for share in CURVE_SHARES:
            kept = set(outlets[: round(len(outlets) * share)])
            found = score(learn([c for c in training if outlet(c) in kept]), test)
            passed[share] += sum(ok for ok, _, _ in found.values())
    print(f"rules alone: {alone_total}/{count} = {alone_total / count:.3f}")
    for share, total in passed.items():
        print(f"learnt on {share:.0%} of the training outlets: {total}/{count} = {total / count:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("learn", "cv", "score", "curve"))
    action = parser.parse_args().action
    if action == "learn":
        line_score.WEIGHTS_FILE.write_text(learn(cases()).to_json(), encoding="utf-8")
        print(f"wrote {line_score.WEIGHTS_FILE.relative_to(ROOT)}")
    elif action == "cv":
        cross_validate()
    elif action == "curve":
        learning_curve()
    else:
        found = score(None, cases())
        by_set: dict[str, list[int]] = {}
        for ok, name, _ in found.values():
            by_set.setdefault(name, [0, 0])
            by_set[name][0] += ok
            by_set[name][1] += 1
        print("; ".join(f"{name} {p}/{n}" for name, (p, n) in by_set.items()))
        print(f"all: {sum(ok for ok, _, _ in found.values())}/{len(found)}")
        for ok, _, what in found.values():
            if not ok:
                print("  missed", what)


if __name__ == "__main__":
    main()
