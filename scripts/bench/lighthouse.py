"""Lighthouse on the built site, served on 127.0.0.1: the four category scores and page weight per page type.

Run with `make bench-pages`. Targets: accessibility, best practices and SEO 100; performance >= 98;
at most 250 KiB per page (mobile emulation, Lighthouse's default throttling). Performance varies from run to run
on a small machine (seen here: 93 to 100 for the same page, in spells), so each page is measured RUNS (5) times,
as Lighthouse advises, round the pages, and the median run (by performance) is reported with every run's score."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .static_server import serve

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "index.html",
    "topic: incident": "topics/incident.html",
    "topic: fallout": "topics/fallout.html",
    "topic: pledge": "topics/pledge.html",
    "timeline": "timeline.html",
    "person": "entities/yoriko-kawaguchi.html",
    "source": "sources/cns-2002-05-13.html",
    "sources index": "sources/index.html",
    "who's who": "entities/index.html",
    "disputes": "disputes.html",
    "figures": "figures.html",
    "glossary": "glossary.html",
    "about": "about.html",
    "claims review": "claims.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_KIB = 250
# Audits shown by name: with an address, the canonical link must pass; robots.txt is valid or absent (None).
WATCHED = ("canonical", "robots-txt", "csp-xss")
RUNS = 5


@dataclass(frozen=True)
class Report:
    page: str
    scores: dict[str, int]
    kib: int
    failing: list[str]
    runs: tuple[int, ...] = ()  # the performance score of every run, in order
    audits: dict[str, float | None] = dataclasses.field(default_factory=dict)  # scores of WATCHED audits

    def meets_targets(self) -> bool:
        return all(self.scores[c] >= t for c, t in TARGETS.items()) and self.kib <= MAX_KIB


def run_lighthouse(url: str, keep: Path | None = None) -> dict:
    """One Lighthouse run; with `keep`, its JSON report is also copied there (to read its long tasks and phases)."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update",
        ]
        env = dict(os.environ, CHROME_PATH=CHROMIUM)
        subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
        if not output.exists():
            raise RuntimeError(f"lighthouse produced no report for {url}")
        text = output.read_text(encoding="utf-8")
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.write_text(text, encoding="utf-8")
        return json.loads(text)


def report_for(name: str, data: dict) -> Report:
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    kib = round(data["audits"]["total-byte-weight"]["numericValue"] / 1024)
    failing = [
        key
        for key, audit in data["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    audits = {key: data["audits"].get(key, {}).get("score") for key in WATCHED}
    return Report(name, scores, kib, failing, audits=audits)


def measure(
    site: Path,
    pages: dict[str, str] = PAGES,
    runs: int = RUNS,
    port: int = 0,
    prefix: str = "/",
    keep: Path | None = None,
) -> list[Report]:
    """One report per page: the median of `runs` Lighthouse runs, ranked by performance score.

    The runs go round the pages (every page once, then again), so a slow spell of the machine falls on every
    page alike instead of on the few measured during it."""
    server, base = serve(site, port, prefix)
    try:
        found: dict[str, list[Report]] = {name: [] for name in pages}
        for _ in range(runs):
            for name, path in pages.items():
                kept = keep / f"{slug(name)}-{len(found[name]) + 1}.json" if keep else None
                found[name].append(report_for(name, run_lighthouse(base + path, kept)))
        reports = []
        for page_runs in found.values():
            ranked = sorted(page_runs, key=lambda r: r.scores["performance"])
            median = ranked[len(ranked) // 2]
            reports.append(dataclasses.replace(median, runs=tuple(r.scores["performance"] for r in page_runs)))
        return reports
    finally:
        server.shutdown()


def slug(name: str) -> str:
    """A page type's name as a file name: "topic: incident" -> "topic-incident"."""
    return "-".join("".join(c if c.isalnum() else " " for c in name).split())


def chosen_pages(names: str | None) -> dict[str, str]:
    """The page types named (comma-separated, by name or slug: "timeline,topic-incident"), all when none are."""
    if not names:
        return PAGES
    by_slug = {slug(name): name for name in PAGES}
    chosen = {}
    for wanted in (n.strip() for n in names.split(",") if n.strip()):
        name = wanted if wanted in PAGES else by_slug.get(slug(wanted))
        if name is None:
            raise SystemExit(f"error: unknown page type {wanted!r}; known: {', '.join(by_slug)}")
        chosen[name] = PAGES[name]
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument(
        "--runs", type=int, default=RUNS, help=f"Lighthouse runs per page (median shown; default {RUNS})"
    )
    parser.add_argument(
        "--address",
        help="the address the site was built with (SITE_URL, on 127.0.0.1): it is served there, under its folder",
    )
    parser.add_argument(
        "--pages", help="only these page types, comma-separated (e.g. timeline,topic-incident; default: all)"
    )
    parser.add_argument("--keep-json", type=Path, help="copy every run's Lighthouse JSON into this folder")
    args = parser.parse_args(argv)
    pages = chosen_pages(args.pages)
    where = urlsplit(args.address) if args.address else None
    port, prefix = (where.port or 80, where.path or "/") if where else (0, "/")
    reports = measure(args.site, pages, runs=args.runs, port=port, prefix=prefix, keep=args.keep_json)
    print(f"served at {args.address or 'the root of a free port'} (gzip)")
    print(f"{'page':<18} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5} {'KiB':>5}  {'perf runs':<20} targets")
    for r in reports:
        s = r.scores
        met = "met" if r.meets_targets() else "NOT MET " + ", ".join(r.failing)
        every = " ".join(str(score) for score in r.runs)
        print(
            f"{r.page:<18} {s['performance']:>5} {s['accessibility']:>5} {s['best-practices']:>5} {s['seo']:>5} "
            f"{r.kib:>5}  {every:<20} {met}"
        )
    print(
        f"median of {args.runs} runs per page; targets: performance >= {TARGETS['performance']}, "
        f"accessibility/best practices/SEO 100, <= {MAX_KIB} KiB"
    )
    return 0 if all(r.meets_targets() for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
