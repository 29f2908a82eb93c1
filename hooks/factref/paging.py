"""Paging: on which page of a large actor, issue or event each of its facts is shown.

A record with at most ``PAGE_LIMIT`` facts keeps one page listing all of them, as before. A record
with more gets a *paged* main page that shows how many facts it has, grouped (an actor's by issue,
an issue's or event's by source; by year; by source or by actor), the first ``LEAD`` facts in
reading order, and a link to every sub-page. Each group is listed in full on sub-pages
``<kind>/<id>/<group>/<n>.md`` of at most ``CHUNK`` facts each, with previous and next links, so
every fact is one click from the main page.

Reading order (``reading_key``): the newest first, by the fact's date (its own, or as the source's
dateline completes it: year, then month, then day; a date that gives no year counts as undated);
undated facts last. Among facts of the same
date, those that cite more sources come first, then those with more citations, then the order of
the records.

Every fact has one home (``Plans.home``): the page of its home record (its event, else its first
issue, else its first actor) that shows it, the main page if it is among the first, else its page
in its first group. Every link to a fact goes there, so no link points at a page that does not
show it. Pure data: nothing here knows about Markdown, HTML or MkDocs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .records import Fact

PAGE_LIMIT = 150
"""Facts a record's page lists before it is paged (at about 1.5 KB of HTML a fact, with the
theme's chrome, a page stays well under 1 MB)."""
LEAD = 50
"""Facts the main page of a paged record lists first."""
CHUNK = 100
"""Facts on one sub-page."""
UNDATED = "undated"
NO_ISSUE = "no-issue"
"""The group of an actor's facts under no issue (issue groups are named ``issue-<id>``)."""


def page_path(kind: str, rid: str) -> str:
    """The docs-relative path of a record's generated page."""
    return f"{kind}/{rid}.md"


def coverage_path(sid: str) -> str:
    """The docs-relative path of a source's coverage report (``coverage.md`` is the index)."""
    return f"coverage/{sid}.md"


Day = tuple[int, int, int]
"""(year, month, day), a part not stated as 0."""


def calendar_day(value: str | None) -> Day | None:
    """An ISO date value (``2022``, ``2022-03``, ``2022-03-25``) as a Day; None without a year."""
    if not value or not value[:1].isdigit():
        return None
    parts = [int(p) for p in value.split("-")]
    year, month, day = (parts + [0, 0])[:3]
    return year, month, day


def year_label(day: Day | None) -> str:
    return str(day[0]) if day else UNDATED


def reading_key(fact: Fact, day: Day | None, index: int) -> tuple[int, ...]:
    """Sort key of the reading order (see the module's docstring); ``index``: record order."""
    year, month, date = day or (0, 0, 0)
    sources = len(_sources_of(fact))
    return (0 if day else 1, -year, -month, -date, -sources, -len(fact.evidence), index)


@dataclass(frozen=True)
class Chunk:
    """One sub-page: a stretch of a group's facts."""

    path: str
    number: int
    facts: tuple[str, ...]
    years: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Its facts under their years, in reading order (so the newest year first)."""


@dataclass(frozen=True)
class Group:
    """A group of a paged record's facts: those under one issue, or citing one source."""

    key: str
    """Its part of the sub-pages' paths: ``issue-<id>``, ``source-<id>`` or ``no-issue``."""
    kind: str
    """What it is named after: ``issues``, ``sources``, or ``""`` (facts under no issue)."""
    rid: str
    facts: tuple[str, ...]
    chunks: tuple[Chunk, ...]


@dataclass(frozen=True)
class Plan:
    """How a paged record's facts are spread over its main page and its sub-pages."""

    kind: str
    rid: str
    facts: tuple[str, ...]
    """Every fact of the record, in reading order."""
    groups: tuple[Group, ...]
    years: tuple[tuple[str, int], ...]
    """Facts per year, the newest first, undated last."""
    sources: tuple[tuple[str, int], ...]
    """Facts citing each source, the most first."""
    actors: tuple[tuple[str, int], ...]
    """Facts naming or attributed to each actor, the most first."""
    pages: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Each fact's page in this plan: the main page for the lead, else its first group's."""

    @property
    def path(self) -> str:
        return page_path(self.kind, self.rid)

    @property
    def lead(self) -> tuple[str, ...]:
        return self.facts[:LEAD]

    def sub_pages(self) -> Iterator[tuple[Group, Chunk, Chunk | None, Chunk | None]]:
        """Every sub-page, with the group it belongs to and its previous and next pages."""
        for group in self.groups:
            chunks = group.chunks
            for i, chunk in enumerate(chunks):
                yield (group, chunk, chunks[i - 1] if i else None,
                       chunks[i + 1] if i + 1 < len(chunks) else None)

    def page_of(self, fid: str) -> str:
        return self.pages[fid]


@dataclass
class Plans:
    """The plan of every paged record, and each fact's home page."""

    paged: dict[tuple[str, str], Plan] = field(default_factory=dict)
    homes: dict[str, str] = field(default_factory=dict)

    def get(self, kind: str, rid: str) -> Plan | None:
        return self.paged.get((kind, rid))

    def home(self, fid: str) -> str:
        return self.homes[fid]


def home_record(fact: Fact) -> tuple[str, str]:
    """The record whose page is a fact's home: its event, else its first issue, else its first
    actor."""
    if fact.event:
        return "events", fact.event
    if fact.issues:
        return "issues", fact.issues[0]
    return "actors", fact.actors[0]


def plan_pages(facts: dict[str, Fact], completed: dict[str, str] | None = None,
               limit: int = PAGE_LIMIT) -> Plans:
    """Plan the pages of every record listing more than ``limit`` of ``facts`` (record order).

    ``completed``: the ISO date of each fact whose own date the dateline completes; a fact's own
    date value counts otherwise."""
    completed = completed or {}
    days = {fid: calendar_day(completed.get(fid) or (fact.date.value if fact.date else None))
            for fid, fact in facts.items()}
    members: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    for fid, fact in facts.items():  # an actor's page: what it said first, then the rest
        if fact.attribution.actor:
            members["actors", fact.attribution.actor][fid] = None
    for fid, fact in facts.items():
        for aid in fact.actors:
            members["actors", aid][fid] = None
        for iid in fact.issues:
            members["issues", iid][fid] = None
        if fact.event:
            members["events", fact.event][fid] = None
    order = {fid: i for i, fid in enumerate(facts)}
    plans = Plans()
    for (kind, rid), ids in members.items():
        if len(ids) > limit:
            ordered = sorted(ids, key=lambda f: reading_key(facts[f], days[f], order[f]))
            plans.paged[kind, rid] = _plan(kind, rid, ordered, facts, days)
    for fid, fact in facts.items():
        kind, rid = home_record(fact)
        plan = plans.get(kind, rid)
        plans.homes[fid] = plan.page_of(fid) if plan else page_path(kind, rid)
    return plans


def _plan(kind: str, rid: str, ordered: list[str], facts: dict[str, Fact],
          days: dict[str, Day | None]) -> Plan:
    grouped: dict[str, list[str]] = defaultdict(list)
    for fid in ordered:
        for key in _group_keys(kind, facts[fid]):
            grouped[key].append(fid)
    groups = tuple(_group(kind, rid, key, ids, days) for key, ids in
                   sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0])))
    years = Counter(year_label(days[f]) for f in ordered)
    sources = Counter(s for f in ordered for s in _sources_of(facts[f]))
    actors = Counter(a for f in ordered for a in _actors_of(facts[f]))
    pages = dict.fromkeys(ordered[:LEAD], page_path(kind, rid))
    for group in groups:
        for chunk in group.chunks:
            for fid in chunk.facts:
                pages.setdefault(fid, chunk.path)
    return Plan(kind, rid, tuple(ordered), groups,
                tuple(sorted(years.items(), key=lambda y: (y[0] == UNDATED, _neg(y[0])))),
                tuple(sorted(sources.items(), key=lambda s: (-s[1], s[0]))),
                tuple(sorted(actors.items(), key=lambda a: (-a[1], a[0]))), pages)


def _sources_of(fact: Fact) -> list[str]:
    return list(dict.fromkeys(e.source for e in fact.evidence))


def _actors_of(fact: Fact) -> list[str]:
    speaker = [fact.attribution.actor] if fact.attribution.actor else []
    return list(dict.fromkeys([*fact.actors, *speaker]))


def _neg(year: str) -> int:
    return -int(year) if year.isdigit() else 0


def _group_keys(kind: str, fact: Fact) -> list[str]:
    if kind == "actors":
        return [f"issue-{i}" for i in fact.issues] or [NO_ISSUE]
    return [f"source-{s}" for s in _sources_of(fact)]


def _group(kind: str, rid: str, key: str, ids: list[str], days: dict[str, Day | None]) -> Group:
    chunks = tuple(_chunk(f"{kind}/{rid}/{key}/{n}.md", n, ids[at:at + CHUNK], days)
                   for n, at in enumerate(range(0, len(ids), CHUNK), start=1))
    named, _, of = key.partition("-")
    if key == NO_ISSUE:
        return Group(key, "", "", tuple(ids), chunks)
    return Group(key, f"{named}s", of, tuple(ids), chunks)


def _chunk(path: str, number: int, ids: list[str], days: dict[str, Day | None]) -> Chunk:
    years: dict[str, list[str]] = {}
    for fid in ids:  # in reading order, so each year's facts are together
        years.setdefault(year_label(days[fid]), []).append(fid)
    return Chunk(path, number, tuple(ids), tuple((y, tuple(f)) for y, f in years.items()))


TIMELINE_LIMIT = 500
"""Events the timeline lists on one page; beyond, it is split into pages of consecutive years
(about 600 bytes an event: a page stays well under 1 MB)."""


@dataclass(frozen=True)
class TimelinePart:
    """One page of a split timeline: a run of consecutive years, or the events not on the
    calendar."""

    path: str
    title: str
    years: list[tuple[str, list[Any]]]
    """(year heading, groups of entries), as ``site.timeline_groups`` gives them."""
    apart: list[Any] = field(default_factory=list)
    undated: list[Any] = field(default_factory=list)

    @property
    def count(self) -> int:
        return (sum(len(g.entries) for _, groups in self.years for g in groups)
                + len(self.apart) + len(self.undated))


def timeline_parts(years: list[tuple[str, list[Any]]], apart: list[Any], undated: list[Any],
                   limit: int = TIMELINE_LIMIT) -> list[TimelinePart]:
    """The pages of a timeline too long for one (none: it fits on one). Years are never cut:
    a page holds whole years (and the undated events the orderings place among them) up to
    ``limit`` events, or one year if that alone is more."""
    total = sum(len(g.entries) for _, groups in years for g in groups) + len(apart) + len(undated)
    if total <= limit:
        return []
    runs: list[list[tuple[str, list[Any]]]] = [[]]
    count = 0
    for year, groups in years:
        size = sum(len(g.entries) for g in groups)
        if runs[-1] and count + size > limit:
            runs.append([])
            count = 0
        runs[-1].append((year, groups))
        count += size
    parts = []
    for n, run in enumerate(runs, start=1):
        dated = [year for year, _ in run if year.isdigit()]
        if not dated:  # only events the orderings place, between two dated runs
            parts.append(TimelinePart(f"timeline/placed-{n}.md", "placed by orderings", run))
            continue
        first, last = dated[0], dated[-1]
        span = first if first == last else f"{first} to {last}"
        slug = first if first == last else f"{first}-{last}"
        parts.append(TimelinePart(f"timeline/{slug}.md", span, run))
    if apart or undated:
        parts.append(TimelinePart("timeline/not-on-the-calendar.md", "not on the calendar", [],
                                  apart, undated))
    return parts
