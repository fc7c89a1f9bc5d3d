"""What native-script search costs (issue 15): the search index's size and search latency for each choice of
Material's search settings, on the real site and on the synthetic corpus of 1,000 articles (`make bench-search`).

Each variant rebuilds the same converted pages with MkDocs, changing only the search plugin's settings:
`lang: en` (before native-script search), `lang: [en, ja, ko]` (shipped: Japanese segmented in the browser,
Hangul kept as words), and, when the `jieba` package is importable, the shipped setting with jieba segmenting
Han text at build time (Material uses jieba whenever it can import it, so the other variants run with it
hidden). Latency is measured as in `make bench`: from file:// in Chromium, last keystroke (or the input
method's commit) → results shown, median over English and native-script queries.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.scale import ROOT, bench_env, fresh_docs, index_kib, make_project, real_sentences, synthetic_articles
from bench.search_latency import QUERIES, measure_search

NATIVE_QUERIES = ("川口順子", "瀋陽", "沈阳", "小泉", "総領事館", "조선일보")
VARIANTS = {
    "en": ("lang: en", False),
    "en, ja, ko": ("lang: [en, ja, ko]", False),
    "en, ja, ko + jieba": ("lang: [en, ja, ko]", True),
    # Alternatives measured for the cost of the first search (building the index in the browser):
    "en, ja": ("lang: [en, ja]", False),
    "en, ko": ("lang: [en, ko]", False),
}
# Runs MkDocs with jieba made unimportable (None in sys.modules makes `import jieba` fail), or as it is.
_MKDOCS = (
    "import sys\nif sys.argv.pop(1) == 'hide':\n    sys.modules['jieba'] = None\n"
    "from mkdocs.__main__ import cli\ncli()\n"
)


def has_jieba() -> bool:
    return subprocess.run([sys.executable, "-c", "import jieba"], capture_output=True).returncode == 0


def build_variant(project: Path, setting: str, jieba: bool, site: Path) -> None:
    config = project / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^      lang: .*$", f"      {setting}", text, count=1), encoding="utf-8")
    command = [sys.executable, "-c", _MKDOCS, "keep" if jieba else "hide", "build", "-q", "-d", str(site)]
    subprocess.run(command, cwd=project, env=bench_env(), check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="synthetic articles added to the real ones")
    parser.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS)[:3])
    parser.add_argument("--skip-real", action="store_true", help="only the synthetic corpus")
    args = parser.parse_args(argv)
    variants = {k: VARIANTS[k] for k in args.variants if not VARIANTS[k][1] or has_jieba()}
    with tempfile.TemporaryDirectory(prefix="bench-search-") as temporary:
        folder = Path(temporary)
        corpora = [("real site", {})] if not args.skip_real else []
        corpora.append((f"N = {args.n}", synthetic_articles(args.n, real_sentences())))
        for label, articles in corpora:
            project = make_project(folder / label.replace(" ", "-"), articles)
            fresh_docs(project)
            explainer = [sys.executable, "-m", "explainer", "--root", str(project), "site"]
            subprocess.run(explainer, cwd=project, env=bench_env(), check=True, capture_output=True)
            base = None
            for name, (setting, jieba) in variants.items():
                site = project / f"site-{name.replace(', ', '-').replace(' + ', '-')}"
                build_variant(project, setting, jieba, site)
                size = index_kib(site)
                base = base or size
                timing = measure_search(site, QUERIES + NATIVE_QUERIES)
                english = statistics.median(timing.samples_ms[: len(QUERIES)])
                native = statistics.median(timing.samples_ms[len(QUERIES) :])
                print(
                    f"{label:>10} | {name:<18} | index {size:8.0f} KiB ({100 * (size / base - 1):+5.1f}%) | "
                    f"search median {timing.median_ms:4.0f} ms (English {english:.0f}, native {native:.0f}, "
                    f"max {max(timing.samples_ms):.0f}) | first search {timing.index_load_ms:.0f} ms",
                    flush=True,
                )
                shutil.rmtree(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
