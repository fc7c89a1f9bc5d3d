"""Command line: `python -m explainer convert | site | pdf | serve | add FILE` (errors as one line each; --debug for
tracebacks)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import suggest
from .add import Added, add_article
from .corpus import load_corpus
from .data import load_data
from .errors import ExplainerError
from .pdf import write_pdf
from .project import Project, convert
from .scaffold import new_explainer
from .serve import serve
from .site import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project checkout (default: current folder)")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("convert", help="generate the Markdown pages under docs/ from sources/")
    commands.add_parser(
        "site", help="convert, then build site/ with MkDocs (strict); site/ is replaced only on success"
    )
    serve_parser = commands.add_parser("serve", help="live preview: edits under sources/ show up without a restart")
    serve_parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    pdf_parser = commands.add_parser("pdf", help="print the built site's print page to a PDF in site/ and link it")
    pdf_parser.add_argument("--site", type=Path, help="built site folder (default: site/ of the checkout)")
    add_parser = commands.add_parser(
        "add", help="add an article: a saved web page (.html/.htm) or a plain-text file (.txt) → sources/articles/"
    )
    add_parser.add_argument("file", type=Path, help="the saved page or text file")
    add_parser.add_argument("--name", help="file name (citation key) to use instead of outlet-date")
    commands.add_parser(
        "suggest",
        help="print, as YAML to paste: names in two or more sources with no entity, dated sentences no event cites",
    )
    new_parser = commands.add_parser("new", help="start a new explainer in DIR (absent or empty), ready to build")
    new_parser.add_argument("dir", type=Path, help="folder of the new explainer")
    new_parser.add_argument("--title", help="the site's title (default: from the folder's name)")
    args = parser.parse_args(argv)
    project = Project(args.root.resolve())
    try:
        notices: list[str] = []
        if args.command == "convert":
            sources, changed = convert(project, notices)
            warnings = [f"{s.path.relative_to(project.root)}: {w}" for s in sources for w in s.warnings]
            print(f"converted {len(sources)} sources; {len(changed)} files changed")
        elif args.command == "add":
            added = add_article(project.articles, args.file.resolve(), args.name)
            _report(added, project.root)
            warnings = added.warnings
        elif args.command == "suggest":
            sources = load_corpus(project.articles)
            print(suggest.render(sources, load_data(project.sources)), end="")
            warnings = []
        elif args.command == "new":
            written = new_explainer(args.dir.resolve(), args.title)
            print(f"started {args.dir} ({len(written)} files): edit sources/story.yml, add articles, then build it")
            print(f"  PYTHONPATH=scripts python -m explainer --root {args.dir} site")
            warnings = []
        elif args.command == "pdf":
            target = write_pdf((args.site or project.site).resolve(), project.root)
            print(f"wrote {target}")
            warnings = []
        elif args.command == "site":
            warnings = build_site(project, notices)
            print(f"built {project.site.relative_to(project.root)}/")
        else:
            return serve(project, args.dev_addr)
    except ExplainerError as exc:
        if args.debug:
            raise
        for problem in exc.problems:
            print(f"error: {_relative(str(problem), project.root)}", file=sys.stderr)
        return 1
    except OSError as exc:  # a full or read-only disk, a folder that cannot be written: one line, no traceback
        if args.debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {_relative(where, project.root)}{exc.strerror or exc}", file=sys.stderr)
        return 1
    for notice in notices:
        print(notice)
    # What a build says about the articles (no author found, wire material) is shown on their pages too: a note, not
    # a warning (any warning fails the build). `add` warns about the file it was given.
    label = "warning" if args.command == "add" else "note"
    for warning in warnings:
        print(f"{label}: {warning}", file=sys.stderr)
    return 0


def _report(added: Added, root: Path) -> None:
    text, metadata = (p.relative_to(root) for p in (added.text_path, added.metadata_path))
    print(f'added {text} and {metadata.name} from a {added.kind}; cite it as [@{added.id}: "…"]')
    for finding in added.findings:
        value = finding.value if finding.value is not None else "—"
        print(f"  {finding.name:<7} {value}")
        print(f"  {'':<7} confidence {finding.confidence}: {finding.origin}")
    dropped = f"{added.dropped_lines} line{'s' if added.dropped_lines != 1 else ''}"
    print(f"  text    {added.kept_paragraphs} paragraphs kept, {dropped} dropped as page furniture")
    print("run `make site` to build it into the site; its page shows every dropped line and why")


def _relative(message: str, root: Path) -> str:
    return message.replace(f"{root}/", "")


if __name__ == "__main__":
    sys.exit(main())
