"""Lighthouse's deterministic categories on every benchmarked page type: accessibility, best practices and SEO
must be 100. Performance is measured by `make bench-pages` (median of runs), never asserted here."""

from __future__ import annotations

from pathlib import Path

from bench.lighthouse import measure


def test_accessibility_best_practices_and_seo_are_100(built_site: Path) -> None:
    reports = measure(built_site, runs=1)
    for report in reports:
        print(f"{report.page}: {report.scores} {report.kib} KiB")
    failures = {
        r.page: {c: r.scores[c] for c in ("accessibility", "best-practices", "seo") if r.scores[c] != 100}
        | {"failing": r.failing}
        for r in reports
        if any(r.scores[c] != 100 for c in ("accessibility", "best-practices", "seo"))
    }
    assert failures == {}
