"""Sense of place for generated pages: the nav section each belongs to, and the kind of page.

Generated pages (one per record) are too many to list in the nav, so MkDocs leaves them without
a parent: no tab lit, no breadcrumbs. ``place_pages`` gives each the section of its folder as
parent without listing it there, so the section's tab is active and Material's breadcrumbs
(``navigation.path``) lead back, while every page's sidebar stays the size of the nav.
Knows nothing of MkDocs beyond the attributes it sets: ``parent``, ``file.src_uri``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any

from .site import KIND_NAMES, Site, page_path


def place_pages(pages: Iterable[Any], sections: Iterable[Any]) -> int:
    """Give each parentless page whose folder has a section index that section as parent.

    ``sections`` are nav sections; a section's folder is the folder of its first page (its
    index, with ``navigation.indexes``). Returns how many pages were placed.
    """
    by_folder: dict[str, Any] = {}
    for section in sections:
        first = next((c for c in section.children if getattr(c, "file", None)), None)
        if first is not None:
            by_folder.setdefault(posixpath.dirname(first.file.src_uri), section)
    placed = 0
    for page in pages:
        folder = posixpath.dirname(page.file.src_uri)
        if page.parent is None and folder and folder in by_folder:
            page.parent = by_folder[folder]
            placed += 1
    return placed


def page_kinds(site: Site) -> dict[str, tuple[str, str]]:
    """Docs path of each record page → (kicker for its title area, word for search results):
    ("Actor · Person", "person"), ("Issue", "issue"), ..."""
    kinds: dict[str, tuple[str, str]] = {}
    for aid, actor in site.actors.items():
        label = KIND_NAMES[actor.kind]
        kinds[page_path("actors", aid)] = (f"Actor · {label}", label.lower())
    for iid in site.issues:
        kinds[page_path("issues", iid)] = ("Issue", "issue")
    for eid in site.events:
        kinds[page_path("events", eid)] = ("Event", "event")
    for sid in site.sources:
        kinds[page_path("sources", sid)] = ("Source", "source")
    return kinds
