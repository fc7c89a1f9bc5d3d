"""What each Markdown extension of `mkdocs.yml` costs, and on how many pages it is used (`make bench-extensions`).

The converter writes the pages of the bench's synthetic corpus of N articles (scale.py); every page is then
converted by Python-Markdown (CPU time of this process) with the site's extensions as mkdocs.yml configures them,
and again with each extension left out in turn. An extension's cost is the time it adds over all pages (the
median over `--runs` rounds); the pages that use it are those whose HTML changes without it. Time an extension
spends on pages whose HTML it does not change is paid for another page's feature. (MkDocs' own processing of
links is not included: this is Markdown alone.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import markdown
import yaml

from bench.scale import bench_env, make_project, real_sentences, synthetic_articles


def site_extensions(config: Path) -> list[tuple[str, dict[str, Any]]]:
    """mkdocs.yml's markdown_extensions as (name, options), in order (its custom tags, such as !ENV, skipped)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    listed = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)["markdown_extensions"]
    found = []
    for entry in listed:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        found.append((name, options or {}))
    return found


def convert_all(texts: list[str], extensions: list[tuple[str, dict[str, Any]]]) -> tuple[float, list[str]]:
    md = markdown.Markdown(extensions=[n for n, _ in extensions], extension_configs=dict(extensions))
    out = []
    start = time.process_time()  # CPU time: the machine is shared, and wall time follows the other work on it
    for text in texts:
        out.append(md.reset().convert(text))
    return time.process_time() - start, out


def page_texts(docs: Path) -> list[str]:
    """Every page MkDocs renders: its Markdown without the front matter."""
    texts = []
    for page in sorted(docs.rglob("*.md")):
        if "includes" in page.relative_to(docs).parts:
            continue
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        texts.append(text)
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="articles in the synthetic corpus")
    parser.add_argument("--runs", type=int, default=3, help="rounds, each timing every set once (medians shown)")
    args = parser.parse_args(argv)
    articles = synthetic_articles(args.n, real_sentences())
    with tempfile.TemporaryDirectory(prefix=f"bench-extensions-{args.n}-") as temporary:
        project = make_project(Path(temporary), articles)
        command = [sys.executable, "-m", "explainer", "--root", str(project), "convert"]
        subprocess.run(command, cwd=project, env=bench_env(), check=True, capture_output=True)
        texts = page_texts(project / "docs")
        extensions = site_extensions(project / "mkdocs.yml")
        os.chdir(project)  # the guarded include's base_path is relative to the project
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

        convert_all(texts, extensions)  # warm: imports, compiled patterns, caches
        # In rounds, every set once per round, so that a slow spell of the shared machine falls on all alike; an
        # extension's cost is the median over the rounds of (every extension − all but it) in the same round.
        names = [name for name, _ in extensions]
        costs: dict[str, list[float]] = {name: [] for name in names}
        totals, using = [], {}
        for _ in range(args.runs):
            total, full = convert_all(texts, extensions)
            totals.append(total)
            for name in names:
                without, html = convert_all(texts, [e for e in extensions if e[0] != name])
                costs[name].append(total - without)
                using[name] = sum(a != b for a, b in zip(full, html, strict=True))
        total = statistics.median(totals)
        print(f"N={args.n}: {len(texts)} pages, Python-Markdown with every extension {total:.2f} s CPU")
        print(f"(medians of {args.runs} rounds; every round: {', '.join(f'{t:.2f}' for t in totals)} s)")
        print(f"{'extension':<28} {'cost s':>7} {'share':>6} {'pages using it':>15}  rounds")
        for name in names:
            cost = statistics.median(costs[name])
            rounds = ", ".join(f"{c:.2f}" for c in costs[name])
            print(f"{name:<28} {cost:>7.2f} {100 * cost / total:>5.0f}% {using[name]:>15}  {rounds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
