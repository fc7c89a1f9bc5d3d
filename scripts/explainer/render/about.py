"""The fragment the hand-written About page includes: each source with its rights."""

from __future__ import annotations

from .context import Site
from .text import inert_inline
from .urls import source_path

RIGHTS_FRAGMENT = "includes/source-rights.md"


def rights_fragment(site: Site) -> str:
    lines = []
    for source in site.sources:
        rights = source.metadata.get("rights") or "not stated: quoted for research and commentary"
        # Links are relative to about.md (docs/), the page that includes this fragment.
        lines.append(f"- [{inert_inline(source.title)}]({source_path(source.id)}) — {inert_inline(rights)}")
    return "\n".join(lines) + "\n"
