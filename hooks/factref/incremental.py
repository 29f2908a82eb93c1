"""Which generated pages an edit can change, so that `mkdocs serve --dirty` re-renders only those.

A snapshot of the records a build's site was made from is compared with the previous build's.
When only facts changed (the common edit: a claim, a quote, a fact's actors or issues), the pages
that can differ are those of every actor, issue, event and source the old or the new version of
each changed fact names, their sources' coverage pages, the section indexes and the whole-reference
pages (timeline, map, coverage). Any other change (an actor, issue, event or source record, or a
source text), a change that moves a fact's home, or one that touches a record paged over
sub-pages gives ``None``: render everything. ``tests/test_incremental.py`` checks, against two
full renders, that no page outside the set changes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from .paging import coverage_path
from .records import Fact
from .render import SECTIONS, TOP_PAGES, issue_map_path
from .site import Site, page_path


@dataclass(frozen=True)
class Snapshot:
    facts: dict[str, Fact]
    others: tuple[dict[str, Any], ...]
    issues: tuple[str, ...]
    homes: dict[str, str]
    """Each fact's home page (paging.py); a change moves links on other pages."""
    paged: frozenset[str]
    """Docs paths of the records whose facts are spread over sub-pages."""
    timeline: tuple[str, ...] = ()
    """Docs paths of the timeline's pages, if it is split (paging.py)."""


def snapshot(site: Site) -> Snapshot:
    sources = {
        sid: (text.record, hashlib.sha256(text.raw.encode("utf-8")).digest())
        for sid, text in site.sources.items()
    }
    facts = {fid: view.fact for fid, view in site.facts.items()}
    paged = frozenset(page_path(kind, rid) for kind, rid in site.plans.paged)
    return Snapshot(facts, (site.actors, site.issues, site.events, sources), tuple(site.issues),
                    dict(site.plans.homes), paged, tuple(p.path for p in site.timeline_parts))


def fact_pages(fact: Fact) -> set[str]:
    """The record pages that list ``fact`` or draw it (an actor's neighbourhood map)."""
    actors = [*fact.actors, *([fact.attribution.actor] if fact.attribution.actor else [])]
    return {
        *(page_path("actors", a) for a in actors),
        *(page_path("issues", i) for i in fact.issues),
        *([page_path("events", fact.event)] if fact.event else []),
        *(page_path("sources", e.source) for e in fact.evidence),
        *(coverage_path(e.source) for e in fact.evidence),
    }


def touched(before: Snapshot | None, after: Snapshot) -> set[str] | None:
    """Docs paths of the pages that may differ from the previous build's; None: all of them."""
    if (before is None or before.others != after.others or _rehomed(before, after)
            or _reordered(before, after)):
        return None
    pages = {page_path(kind, "index") for kind in SECTIONS} | set(TOP_PAGES)
    pages |= {issue_map_path(iid) for iid in after.issues}
    pages |= set(after.timeline)
    for fid in before.facts.keys() | after.facts.keys():
        old, new = before.facts.get(fid), after.facts.get(fid)
        if old == new:
            continue
        for fact in (old, new):
            if fact is not None:
                pages |= fact_pages(fact)
    if pages & (before.paged | after.paged):
        return None  # a paged record's sub-pages: simplest to render everything
    return pages


def _rehomed(before: Snapshot, after: Snapshot) -> bool:
    """Whether a fact both builds have moved to another page (links to it elsewhere change)."""
    return any(after.homes.get(fid, home) != home for fid, home in before.homes.items())


def _reordered(before: Snapshot, after: Snapshot) -> bool:
    """Whether facts both builds have come in another order (pages list facts in that order)."""
    kept_before = [f for f in before.facts if f in after.facts]
    kept_after = [f for f in after.facts if f in before.facts]
    return kept_before != kept_after
