"""Markdown extension: neoteroi.timeline with its embedded `::timeline::` form only.

neoteroi's other form, `[timeline(path-or-URL)]`, reads any file of the machine and fetches URLs while the site
builds; it is never registered here, so in any page (generated or hand-written) it stays text, as typed. The
embedded block's YAML is read without aliases or deep nesting (see safe_yaml), so no page can stall the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from neoteroi.mkdocs.timeline import TimelineEmbeddedProcessor

from . import safe_yaml
from .errors import ExplainerError


class _EditorYAML:
    """neoteroi's parser interface, with the editor-safe YAML reader."""

    def parse(self, text: str) -> Any:
        try:
            return safe_yaml.plain(safe_yaml.compose(text, Path("::timeline::")))
        except ExplainerError as exc:
            raise ValueError(str(exc)) from None


class _Timeline(TimelineEmbeddedProcessor):
    parsers = (_EditorYAML(),)

    def render(self, parent: Any, data: Any, props: Any) -> None:
        if isinstance(data, str):
            try:
                data = self.parse(data, props)
            except ValueError as exc:  # neoteroi would log a traceback and render an error box: fail instead
                raise ValueError(f"::timeline:: block: {exc}") from None
        super().render(parent, data, props)


class EmbeddedTimeline(Extension):
    def __init__(self, **kwargs: Any):
        self.config = {"priority": [12, "Priority of the block processor (neoteroi's default)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.parser.blockprocessors.register(_Timeline(md.parser), "timeline", self.getConfig("priority") + 0.1)


def makeExtension(**kwargs: Any) -> EmbeddedTimeline:
    return EmbeddedTimeline(**kwargs)
