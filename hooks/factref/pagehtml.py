"""What MkDocs needs to know of a page rendered straight to HTML: its table of contents, its
title and its anchors, read back from the HTML the renderer wrote.

Headings are written by ``render.heading`` in the form Python-Markdown's toc extension writes them
(permalink on), so the same reading serves the generated pages and the Markdown of the home page,
whose generated story arrives as raw HTML the toc extension does not see.
"""

from __future__ import annotations

import html
import re
import sys
from typing import Any

from markdown.extensions.toc import nest_toc_tokens

_HEADING = re.compile(
    r'<h([1-6]) id="([^"]+)">(.*?)<a class="headerlink" href="#\2" title="Permanent link">',
    re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_ID = re.compile(r'\sid="([^"]+)"')


def _name(inner: str) -> str:
    """A heading's text for the table of contents: tags removed, still escaped HTML."""
    text = html.unescape(_SPACE.sub(" ", _TAG.sub("", inner)).strip())
    return html.escape(text, quote=False)


def toc_tokens(page: str) -> list[dict[str, Any]]:
    """The page's headings as Python-Markdown's nested toc tokens (for mkdocs' ``get_toc``)."""
    flat = [{"level": int(level), "id": hid, "name": _name(inner), "children": []}
            for level, hid, inner in _HEADING.findall(page)]
    nested: list[dict[str, Any]] = nest_toc_tokens(flat)
    return nested


def title(page: str) -> str | None:
    """The text of the page's first level-1 heading (escaped HTML), as MkDocs would take it."""
    for level, _, inner in _HEADING.findall(page):
        if level == "1":
            return _name(inner)
    return None


def anchor_ids(page: str) -> set[str]:
    """Every id on the page: where links into it may point."""
    return set(_ID.findall(page))


LOCAL = ("cite-", "ref-")
"""Prefixes of the ids only the page itself links to (its citations and references)."""


def linkable_ids(page: str, ids: set[str] | None = None) -> frozenset[str]:
    """The ids other pages may link to (of ``ids``, if the page's are already read); interned,
    since the same facts' anchors are on many pages and thousands of pages keep these sets to
    the end of a build."""
    found = anchor_ids(page) if ids is None else ids
    return frozenset(sys.intern(i) for i in found if not i.startswith(LOCAL))
