"""The story an explainer tells, read from sources/story.yml: its title, threads, the two sides of its disputes
and its page descriptions. Nothing under scripts/ names a story; everything that does lives in that file."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .data import ID, Record, _compose
from .errors import ExplainerError, Problem
from .inputs import read_input_text

STORY_FILE = "story.yml"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# The fixed pages of every explainer whose description the story may give (the generic one otherwise).
PAGE_DESCRIPTIONS = {
    "timeline": "Every dated event the sources report, with date precision, thread and citations.",
    "disputes": "Questions on which the sources report the two sides apart, each side cited.",
    "figures": "The numbers the sources give, as each source states them, side by side.",
    "glossary": "Terms and abbreviations used in this explainer.",
    "entities": "Who's who: the people, organisations, places and groups the sources name.",
    "entity": "{name}: {role}. Every mention in the news sources.",
}
# A new explainer's sides until its editor names them (the disputes page then reads "Side A's position").
DEFAULT_SIDES = (("side-a", "Side A"), ("side-b", "Side B"))


@dataclass(frozen=True)
class Thread:
    """One strand of the story: its filter button and colour on the timeline, and its topic page if any."""

    id: str
    label: str
    page: str | None
    colour: str
    dark_colour: str
    line: int = 0


@dataclass(frozen=True)
class Side:
    """One side of the disputes page; `id` is its field in disputes.yml and the `side` of entities."""

    id: str
    label: str
    kind: str = "Organization"  # its schema.org type in the disputes page's JSON-LD


@dataclass(frozen=True)
class Story:
    title: str
    name: str  # in file names (the offline zip, the PDF) and the citation keys of the site's pages
    description: str
    threads: tuple[Thread, ...] = ()
    sides: tuple[Side, ...] = tuple(Side(i, label) for i, label in DEFAULT_SIDES)
    descriptions: tuple[tuple[str, str], ...] = ()

    @property
    def thread_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.threads)

    @property
    def thread_labels(self) -> dict[str, str]:
        return {t.id: t.label for t in self.threads}

    @property
    def thread_pages(self) -> dict[str, str]:
        return {t.id: t.page for t in self.threads if t.page}

    def description_of(self, page: str, **values: str) -> str:
        """A page's description; the entity page's fills in {name} and {role} (checked when the story is read)."""
        text = dict(self.descriptions).get(page, PAGE_DESCRIPTIONS[page])
        if not values:
            return text
        # A value that ends a sentence already ("… to the U.S.") takes no second full stop from the template.
        ends = {k: v.removesuffix(".") if "{" + k + "}." in text else v for k, v in values.items()}
        return text.format(**ends)


def load_story(folder: Path, problems: list[Problem] | None = None) -> Story:
    """Read and check sources/story.yml; every problem names the file and line."""
    path = folder / STORY_FILE
    gathered: list[Problem] = []
    story = _read(path, gathered)
    if problems is not None:
        problems.extend(gathered)
    elif gathered:
        raise ExplainerError(gathered)
    return story


def _read(path: Path, problems: list[Problem]) -> Story:
    empty = Story("", "explainer", "")
    if not os.path.lexists(path):
        problems.append(Problem(path, "missing: every explainer needs its story file (see `python -m explainer new`)"))
        return empty
    try:  # a regular file inside the project, UTF-8, YAML without aliases or deep nesting (safe_yaml)
        root = _compose(read_input_text(path, path.parent), path)
    except ExplainerError as exc:
        problems.extend(exc.problems)
        return empty
    if root is None:
        problems.append(Problem(path, "empty: it needs at least 'title', 'name' and 'description'"))
        return empty
    r = Record(root, path, "story", problems)
    if not isinstance(root, yaml.MappingNode):
        return empty
    r.check_known({"title", "name", "description", "threads", "sides", "pages"})
    name = r.text("name")
    if name and not ID.fullmatch(name):
        r.problem(r.line_of("name"), f"name {name!r} must be lower-case words joined by hyphens")
    threads = tuple(_thread(Record(n, path, "thread", problems)) for n in r.items("threads", required=False))
    _unique(r, "threads", [(t.id, n) for t, n in zip(threads, r.items("threads", required=False), strict=True)])
    sides = tuple(_side(Record(n, path, "side", problems)) for n in r.items("sides", required=False))
    if "sides" in r.fields and len(sides) != 2:
        r.problem(r.line_of("sides"), f"'sides' lists the two sides of the disputes page, not {len(sides)}")
    descriptions: list[tuple[str, str]] = []
    if "pages" in r.fields:
        pages = Record(r.fields["pages"], path, "story: pages", problems)
        pages.check_known(set(PAGE_DESCRIPTIONS))
        descriptions = [(page, pages.text(page)) for page in PAGE_DESCRIPTIONS if page in pages.fields]
        for page, text in descriptions:
            if page != "entity":
                continue
            try:
                text.format(name="", role="")
            except (KeyError, IndexError, ValueError) as exc:
                pages.problem(pages.line_of(page), f"entity: {exc!s} is not a placeholder; use {{name}} and {{role}}")
    story = Story(r.text("title"), name, r.text("description"), threads, descriptions=tuple(descriptions))
    return Story(**{**story.__dict__, "sides": sides}) if len(sides) == 2 else story


def _thread(r: Record) -> Thread:
    r.check_known({"id", "label", "page", "colour", "dark_colour"})
    page = r.text("page", required=False) or None
    thread = Thread(r.text("id"), r.text("label"), page, r.text("colour"), r.text("dark_colour"), r.line)
    if thread.id in {"all", "home"} or (thread.id and not re.fullmatch(r"[a-z]+", thread.id)):
        r.problem(r.line_of("id"), f"thread id {thread.id!r} must be lower-case letters, not 'all' or 'home'")
    for name in ("colour", "dark_colour"):
        value = getattr(thread, name)
        if value and not COLOUR.fullmatch(value):
            r.problem(r.line_of(name), f"{name} {value!r} must be written #rrggbb")
    if thread.page and not re.fullmatch(r"[a-z0-9/_-]+\.md", thread.page):
        r.problem(r.line_of("page"), f"page {thread.page!r} must be a narrative page's path, such as topics/x.md")
    return thread


def _side(r: Record) -> Side:
    r.check_known({"id", "label", "kind"})
    side = Side(r.text("id"), r.text("label"), r.text("kind", required=False) or "Organization")
    if side.id and not ID.fullmatch(side.id):
        r.problem(r.line_of("id"), f"side id {side.id!r} must be lower-case words joined by hyphens")
    return side


def _unique(r: Record, field: str, items: list[tuple[str, yaml.Node]]) -> None:
    seen: set[str] = set()
    for item_id, node in items:
        if item_id in seen:
            r.problem(node.start_mark.line + 1, f"{field}: duplicate id {item_id!r}")
        seen.add(item_id)


def check_pages(story: Story, pages: dict[str, str | None], folder: Path) -> list[Problem]:
    """Each thread's page is a narrative page, and each topic page's `thread` is one of the story's.
    `pages` maps a narrative page's path to its thread."""
    problems = [
        Problem(folder / STORY_FILE, f"thread {t.id!r}: page {t.page!r} is not a page under sources/narrative/", t.line)
        for t in story.threads
        if t.page and t.page not in pages
    ]
    problems += [
        Problem(folder / "narrative" / path, f"thread {thread!r} is not a thread of {STORY_FILE}", 2)
        for path, thread in pages.items()
        if thread and thread not in story.thread_ids
    ]
    return problems


def story_css(story: Story) -> str:
    """The threads' colours on the timeline and its filter buttons, the filter's hiding rule per thread, and
    the disputes table's side labels when it stacks into rows on a phone."""
    rules = ["/* Generated from sources/story.yml by the converter: each thread's colour and filter; the sides. */"]
    for t in story.threads:
        item, button = f".nt-timeline-item.thread-{t.id}", f".md-typeset .thread-filter .md-button.thread-{t.id}"
        rules += [
            f"{item}, {button} {{ --thread-colour: {t.colour}; }}",
            f'[data-md-color-scheme="slate"] {item}, [data-md-color-scheme="slate"] {button} '
            f"{{ --thread-colour: {t.dark_colour}; }}",
            f'.nt-timeline[data-show="thread-{t.id}"] .nt-timeline-item:not(.thread-{t.id}) {{ display: none; }}',
        ]
    labels = "".join(
        f'  .md-typeset .disputes-table td:nth-of-type({n})::before {{ content: "{_css_string(side.label)}: "; }}\n'
        for n, side in enumerate(story.sides, start=1)
    )
    rules.append(f"@media screen and (max-width: 44.9375em) {{\n{labels}}}")
    return "\n".join(rules) + "\n"


def _css_string(text: str) -> str:
    """Text inside a CSS double-quoted string: backslash escapes for quotes, backslashes and line breaks."""
    return "".join(f"\\{ord(c):x} " if c in '"\\\n<>' else c for c in text)


def mkdocs_story(story: Story) -> dict[str, object]:
    """The part of the MkDocs configuration the story decides (mkdocs.yml inherits it): title, description and
    the navigation, a topic page per thread that has one, in the story's order."""
    nav = [{"Home": "index.md"}, *({t.label: t.page} for t in story.threads if t.page)]
    nav += [
        {"Timeline": "timeline.md"},
        {"Who's who": "entities/index.md"},
        {"Disputed facts": "disputes.md"},
        {"Figures": "figures.md"},
        {"Sources": "sources/index.md"},
        {"Glossary": "glossary.md"},
        {"About": "about.md"},
    ]
    return {"site_name": story.title, "site_description": story.description, "nav": nav}
