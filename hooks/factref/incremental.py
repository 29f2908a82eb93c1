"""Which generated pages an edit can change, so that `mkdocs serve` re-renders only those.

A snapshot of the records a build's site was made from is compared with the previous build's.
When only facts changed (the common edit: a claim, a quote, a fact's actors or issues), the pages
that can differ are those of every actor, issue, event and source the old or the new version of
each changed fact names (with the sub-pages that list it, when such a record's facts are paged,
or all of them when the edit changes how they are paged), their
sources' coverage pages, the section indexes and the whole-reference pages (timeline, maps,
coverage). Any other change (an actor, issue, event or source record, or a source text), or a
change that moves a fact's home or reorders facts, gives ``None``: render everything.
``tests/test_incremental.py`` checks, against two full renders, that no page outside the set
changes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from .paging import Plan, coverage_path
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
    paged: dict[str, frozenset[str]]
    """Docs path of each record whose facts are spread over sub-pages → those sub-pages."""
    plans: dict[str, Plan]
    """Docs path of each such record → how its facts are spread (groups, sub-pages, counts)."""
    timeline: tuple[str, ...] = ()
    """Docs paths of the timeline's pages, if it is split (paging.py)."""
    mapped: tuple[str, ...] = ()
    """The issues with a map of their own; each map page lists them all."""


def snapshot(site: Site) -> Snapshot:
    sources = {
        sid: (text.record, hashlib.sha256(text.raw.encode("utf-8")).digest())
        for sid, text in site.sources.items()
    }
    facts = {fid: view.fact for fid, view in site.facts.items()}
    paged = {page_path(kind, rid): frozenset(chunk.path for _, chunk, _, _ in plan.sub_pages())
             for (kind, rid), plan in site.plans.paged.items()}
    plans = {plan.path: plan for plan in site.plans.paged.values()}
    return Snapshot(facts, (site.actors, site.issues, site.events, sources), tuple(site.issues),
                    dict(site.plans.homes), paged, plans,
                    tuple(p.path for p in site.timeline_parts),
                    tuple(iid for iid in site.issues if site.connections.about(iid)))


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
    if before.mapped != after.mapped:  # every map page lists the issues that have one
        pages |= {issue_map_path(iid) for iid in (*before.mapped, *after.mapped)}
    pages |= set(after.timeline)
    edited = {fid for fid in before.facts.keys() | after.facts.keys()
              if before.facts.get(fid) != after.facts.get(fid)}
    for fid in edited:
        old, new = before.facts.get(fid), after.facts.get(fid)
        for fact in (old, new):
            if fact is not None:
                pages |= fact_pages(fact)
                # the maps of its issues draw the links it makes
                pages |= {issue_map_path(i) for i in fact.issues if i in after.mapped}
    for page in list(pages):  # a paged record: its sub-pages, as they were and as they are
        pages |= _sub_pages(before, after, page, edited)
    return pages


def _sub_pages(before: Snapshot, after: Snapshot, page: str, edited: set[str]) -> set[str]:
    """The sub-pages of the record at ``page`` that may differ: all of them if its plan changed
    (a sub-page shows its group's and its record's counts and its neighbours' links), else only
    those listing an edited fact."""
    old, new = before.plans.get(page), after.plans.get(page)
    if old != new:
        return set(before.paged.get(page, ())) | set(after.paged.get(page, ()))
    if new is None:  # not paged
        return set()
    return {chunk.path for _, chunk, _, _ in new.sub_pages() if edited.intersection(chunk.facts)}


def _rehomed(before: Snapshot, after: Snapshot) -> bool:
    """Whether a fact both builds have moved to another page (links to it elsewhere change)."""
    return any(after.homes.get(fid, home) != home for fid, home in before.homes.items())


def _reordered(before: Snapshot, after: Snapshot) -> bool:
    """Whether facts both builds have come in another order (pages list facts in that order)."""
    kept_before = [f for f in before.facts if f in after.facts]
    kept_after = [f for f in after.facts if f in before.facts]
    return kept_before != kept_after
