"""Lighthouse's deterministic categories on every benchmarked page type, on the published build (an address set)
served under a folder with gzip: accessibility, best practices and SEO must be 100, and the canonical link and
robots.txt audits pass. Performance is measured by `make bench-pages` (median of runs), never asserted here."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bench.lighthouse import measure


def test_accessibility_best_practices_and_seo_are_100(published_site: tuple[Path, str]) -> None:
    site, address = published_site
    where = urlsplit(address)
    reports = measure(site, runs=1, port=where.port or 80, prefix=where.path)
    for report in reports:
        print(f"{report.page}: {report.scores} {report.kib} KiB")
    failures = {
        r.page: {c: r.scores[c] for c in ("accessibility", "best-practices", "seo") if r.scores[c] != 100}
        | {"failing": r.failing}
        for r in reports
        if any(r.scores[c] != 100 for c in ("accessibility", "best-practices", "seo"))
    }
    assert failures == {}
    assert all(r.audits["canonical"] == 1 and r.audits["robots-txt"] in {1, None} for r in reports), [
        (r.page, r.audits) for r in reports
    ]
