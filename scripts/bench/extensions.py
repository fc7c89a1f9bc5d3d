"""What each Markdown extension of `mkdocs.yml` costs, and on how many pages it is used (`make bench-extensions`).

The converter writes the pages of the bench's synthetic corpus of N articles (scale.py); every page is then
converted by Python-Markdown with the site's extensions as mkdocs.yml configures them, and again with each extension
left out in turn. An extension's cost is the time it adds over all pages (the best of `--runs`); the pages that
use it are those whose HTML changes without it. Time an extension spends on pages whose HTML it does not change is
paid for another page's feature. (MkDocs' own processing of links is not included: this is Markdown alone.)
"""

from __future__ import annotations

import argparse
import os
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
    start = time.perf_counter()
    for text in texts:
        out.append(md.reset().convert(text))
    return time.perf_counter() - start, out


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
    parser.add_argument("--runs", type=int, default=3, help="times each set is timed (the best is kept)")
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

        def best(chosen: list[tuple[str, dict[str, Any]]]) -> tuple[float, list[str]]:
            runs = [convert_all(texts, chosen) for _ in range(args.runs)]
            return min(r[0] for r in runs), runs[0][1]

        total, full = best(extensions)
        print(
            f"N={args.n}: {len(texts)} pages, Python-Markdown with every extension {total:.2f} s (best of {args.runs})"
        )
        print(f"{'extension':<28} {'cost s':>7} {'share':>6} {'pages using it':>15}")
        for name, _ in extensions:
            without, html = best([e for e in extensions if e[0] != name])
            using = sum(a != b for a, b in zip(full, html, strict=True))
            print(f"{name:<28} {total - without:>7.2f} {100 * (total - without) / total:>5.0f}% {using:>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
