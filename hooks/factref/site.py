"""Model: verified records → what each page shows, and where every fact and passage lives.

Pure data; nothing here knows about Markdown, HTML or MkDocs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .dates import Resolution, Value, describe, parse_value, value_words
from .paging import Plan, Plans, TimelinePart, page_path, plan_pages, timeline_parts
from .quotes import Passage
from .records import Actor, DateSpec, Event, Fact, Issue
from .sources import SENTENCE_END, SourceText
from .text import contains_normal, normalise_quote
from .timeline import Entry as TimelineEntry
from .timeline import Timeline, build_timeline
from .verify import Verified

if TYPE_CHECKING:
    from .coverage import SourceCoverage
    from .relations import Connections

KIND_TITLES = {
    "person": "People",
    "state": "States",
    "organisation": "Organisations",
    "outlet": "News outlets",
}
KIND_NAMES = {
    "person": "Person",
    "state": "State",
    "organisation": "Organisation",
    "outlet": "News outlet",
}
"""One actor's kind, as its page's subtitle says it."""


SOURCE_KIND_NAMES = {
    "news-report": "news report",
    "press-release": "press release",
    "readout": "readout",
    "transcript": "transcript",
    "statement": "statement",
    "interview": "interview",
}


__all__ = ["page_path"]  # re-exported: the page paths are the plan's (paging.py)


@dataclass(frozen=True)
class Citation:
    number: int
    passage: Passage

    @property
    def target(self) -> str:
        return f"{page_path('sources', self.passage.source_id)}#{self.passage.anchor}"


class Planner:
    """Plans the pages of the records too large for one (paging.py) when first asked: only
    rendering asks, so `factref check` never pays for it. Holds the verified records, not the
    site, so that the site's fact views (which hold it) make no reference cycle."""

    def __init__(self, verified: Verified) -> None:
        self.verified = verified

    @cached_property
    def plans(self) -> Plans:
        verified = self.verified
        completed = {rid: r.value.iso for (kind, rid), r in verified.resolved.items()
                     if kind == "facts" and r.value.year is not None}
        return plan_pages({fid: loaded.record for fid, loaded in verified.facts.items()},
                          completed)


@dataclass(frozen=True, eq=False)  # one view per fact: identity is equality
class FactView:
    fact: Fact
    citations: tuple[Citation, ...]
    planner: Planner = field(repr=False)

    @property
    def home(self) -> str:
        """Docs path of the page that is this fact's home: the page of its event (else its first
        issue, else its first actor) that shows it (see paging.py)."""
        return self.planner.plans.home(self.fact.id)

    @property
    def anchor(self) -> str:
        return f"fact-{self.fact.id}"

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources of its evidence, in the order cited."""
        return tuple(dict.fromkeys(c.passage.source_id for c in self.citations))

    @property
    def corroborated(self) -> bool:
        """Supported by passages of more than one source."""
        return len(self.sources) > 1

    @property
    def date_note(self) -> str | None:
        """The fact's date phrase, unless the claim already says it ("met on Monday.")."""
        date = self.fact.date
        if date is None or _words(date.text) in _words(self.fact.claim):
            return None
        return date.text


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", normalise_quote(text).casefold())) + " "


@dataclass(frozen=True)
class Ordering:
    """One event stated to come before, after or during another, with the text's phrase."""

    event: str
    relation: str
    text: str


@dataclass(frozen=True)
class AttributionGroup:
    """Facts told the same way: the reporters' narration, or one speaker's statements."""

    speaker: str | None
    """The actor speaking (or the outlet reporting); None for a source's own text."""
    views: tuple[FactView, ...]
    voice: str = ""
    """For a source's own text, whose it is ("the reporters' account")."""

    @property
    def title(self) -> str:
        """The voice as a heading ("The reporters' account")."""
        return self.voice[:1].upper() + self.voice[1:]


@dataclass(frozen=True)
class PassageContext:
    """A passage with up to a sentence of the source on either side."""

    before: str
    text: str
    after: str


@dataclass(frozen=True)
class DateView:
    """One source's date for an event, in words, with the citations that give it."""

    words: str
    value: str | None
    """The calendar value it amounts to (resolved, else as stated), for comparing."""
    citations: tuple[tuple[FactView, Citation], ...]
    """Each passage giving the words, with the fact citing it (so the page numbers it)."""


@dataclass
class Site:
    """Everything the renderer needs, with lookups in both directions, all computed once."""

    verified: Verified
    facts: dict[str, FactView] = field(default_factory=dict)
    by_actor: dict[str, list[FactView]] = field(default_factory=lambda: defaultdict(list))
    by_issue: dict[str, list[FactView]] = field(default_factory=lambda: defaultdict(list))
    by_event: dict[str, list[FactView]] = field(default_factory=lambda: defaultdict(list))
    by_speaker: dict[str, list[FactView]] = field(default_factory=lambda: defaultdict(list))
    by_passage: dict[tuple[str, int, int], list[FactView]] = field(
        default_factory=lambda: defaultdict(list)
    )
    passages_by_source: dict[str, list[Passage]] = field(default_factory=dict)
    """The distinct passages of each source that facts cite, in text order."""
    events_after: dict[str, list[Ordering]] = field(default_factory=lambda: defaultdict(list))
    """For each event, the events stated to come after (or during) it, with the phrase."""
    actors: dict[str, Actor] = field(default_factory=dict)
    issues: dict[str, Issue] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    roles_by_actor: dict[str, list[tuple[Event, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    events_by_issue: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    issues_by_event: dict[str, list[Issue]] = field(default_factory=dict)
    facts_by_source: dict[str, list[FactView]] = field(default_factory=lambda: defaultdict(list))
    coverage: list[SourceCoverage] = field(default_factory=list)
    """Per source, its body sentences and the facts citing each (set by the pipeline)."""
    planner: Planner = field(init=False)

    def __post_init__(self) -> None:
        self.planner = Planner(self.verified)

    @property
    def plans(self) -> Plans:
        """How the facts of records too large for one page are spread over several."""
        return self.planner.plans

    @property
    def sources(self) -> dict[str, SourceText]:
        return self.verified.sources

    def citing(self, passage: Passage) -> list[FactView]:
        """The facts that cite ``passage``, in record order."""
        return self.by_passage.get((passage.source_id, passage.start, passage.end), [])

    def context(self, passage: Passage) -> PassageContext:
        """``passage`` with the rest of its sentences and one more sentence either side."""
        source = self.sources[passage.source_id]
        spans = source.sentences
        first = next((i for i, (_, e) in enumerate(spans) if e > passage.start), None)
        if first is None:
            return PassageContext("", passage.text, "")
        last = next((i for i in range(len(spans) - 1, -1, -1) if spans[i][0] < passage.end), first)
        start = spans[max(first - 1, 0)][0]
        end = spans[min(last + 1, len(spans) - 1)][1]
        start, end = min(start, passage.start), max(end, passage.end)
        return PassageContext(source.raw[start : passage.start], passage.text,
                              source.raw[passage.end : end])

    def by_attribution(self, views: list[FactView]) -> list[AttributionGroup]:
        """``views`` grouped by who tells them: the sources' own text first (one group for each
        voice: "the reporters' account", "the Foreign Ministry's readout"), then each speaker
        or outlet, in order of first appearance."""
        narrated: dict[str, list[FactView]] = {}
        spoken: dict[str, list[FactView]] = {}
        for view in views:
            speaker = view.fact.attribution.actor
            if speaker:
                spoken.setdefault(speaker, []).append(view)
            else:
                narrated.setdefault(self.narration_label(view), []).append(view)
        return ([AttributionGroup(None, tuple(v), voice) for voice, v in narrated.items()]
                + [AttributionGroup(k, tuple(v)) for k, v in spoken.items()])

    def actor_events(self, aid: str) -> list[tuple[Event, str]]:
        return self.roles_by_actor.get(aid, [])

    def related_actors(self, views: list[FactView], exclude: str = "") -> list[Actor]:
        ids: dict[str, None] = {}
        for view in views:
            for aid in (*view.fact.actors, view.fact.attribution.actor):
                if aid and aid != exclude:
                    ids[aid] = None
        return [self.actors[a] for a in ids]

    def related_issues(self, views: list[FactView]) -> list[Issue]:
        ids = dict.fromkeys(i for v in views for i in v.fact.issues)
        return [self.issues[i] for i in ids]

    def event_issues(self, event: Event) -> list[Issue]:
        return self.issues_by_event.get(event.id, [])

    def issue_events(self, iid: str) -> list[Event]:
        return self.events_by_issue.get(iid, [])

    def plan(self, kind: str, rid: str) -> Plan | None:
        """The paging plan of a record with too many facts for one page; None for the others."""
        return self.plans.get(kind, rid)

    def views(self, fids: tuple[str, ...]) -> list[FactView]:
        return [self.facts[f] for f in fids]

    # --- Sources: what pages say about where a fact comes from -------------------------------

    def source_name(self, sid: str) -> str:
        """The outlet or publisher, as a reader knows it ("Bloomberg News")."""
        source = self.sources[sid].record
        if source.outlets and source.outlets[0] in self.actors:
            return self.actors[source.outlets[0]].name
        return str(source.publisher)

    def source_kind(self, sid: str) -> str:
        return SOURCE_KIND_NAMES[self.sources[sid].record.kind]

    def source_date(self, sid: str) -> str:
        """'25 March 2022', or 'date not stated'."""
        line = self.sources[sid].record.dateline
        return value_words(parse_value(line.date)) if line else "date not stated"

    def source_brief(self, sid: str) -> str:
        """Outlet and date, for a compact mention next to a fact: 'Bloomberg News, date not
        stated'."""
        return f"{self.source_name(sid)}, {self.source_date(sid)}"

    def own_voice(self, sid: str) -> str:
        """Whose words a source's own text is: 'the reporters' account' for a news report,
        'the State Department's readout' for a readout."""
        source = self.sources[sid].record
        if source.kind == "news-report":
            return "the reporters' account"
        publisher = self.source_name(sid)
        if publisher.lower().startswith("the "):
            publisher = publisher[4:]
        owner = publisher + ("'" if publisher.endswith("s") else "'s")
        return f"the {owner} {SOURCE_KIND_NAMES[source.kind]}"

    def narration_label(self, view: FactView) -> str:
        """The attribution of a narrated fact: the own voice of each source it cites."""
        return " and ".join(dict.fromkeys(self.own_voice(sid) for sid in view.sources))

    def by_source(self, views: list[FactView]) -> list[tuple[str, list[FactView]]]:
        """Facts grouped by the sources they cite (a fact citing two is in both groups)."""
        grouped: dict[str, list[FactView]] = {}
        for view in views:
            for sid in view.sources:
                grouped.setdefault(sid, []).append(view)
        return sorted(grouped.items(), key=lambda item: list(self.sources).index(item[0]))

    def source_facts(self, sid: str) -> list[FactView]:
        return self.facts_by_source.get(sid, [])

    def source_coverage(self, sid: str) -> SourceCoverage | None:
        """The coverage report of one source (its claim-bearing sentences and which are cited)."""
        return next((r for r in self.coverage if r.source_text.record.id == sid), None)

    # --- Dates ------------------------------------------------------------------------------

    @property
    def resolved(self) -> dict[tuple[str, str], Resolution]:
        return self.verified.resolved

    def date_words(self, date: DateSpec, kind: str, rid: str, sids: tuple[str, ...]) -> str:
        resolution = self.resolved.get((kind, rid))
        dated = any(self.sources[s].record.dateline for s in sids if s in self.sources)
        return describe(date.text, date.precision, date.value,
                        resolution.value if resolution else None, dated)

    def fact_date(self, view: FactView) -> str:
        assert view.fact.date is not None
        return self.date_words(view.fact.date, "facts", view.fact.id, view.sources)

    def event_sources(self, eid: str) -> tuple[str, ...]:
        """The sources of the facts about an event, in order."""
        return tuple(dict.fromkeys(s for v in self.by_event.get(eid, ()) for s in v.sources))

    def event_date(self, event: Event) -> str:
        """The event's date in words ('date not stated' when it has none)."""
        if event.date is None:
            return "date not stated"
        return self.date_words(event.date, "events", event.id, self.event_sources(event.id))

    def event_dates(self, eid: str) -> list[DateView]:
        """Every date the sources give for an event, each with its citations, never merged:
        the event's own date, then each dated fact about it."""
        views = self.by_event.get(eid, [])
        out: dict[tuple[str, tuple[str, ...]], DateView] = {}
        event = self.events[eid]
        stated: list[tuple[DateSpec, str, str, list[FactView]]] = []
        if event.date:
            stated.append((event.date, "events", eid, views))
        stated += [(v.fact.date, "facts", v.fact.id, [v]) for v in views if v.fact.date]
        for date, kind, rid, where in stated:
            # per source, the first passage giving the words
            giving: dict[str, tuple[FactView, Citation]] = {}
            for view, c in ((w, c) for w in where for c in w.citations):
                if contains_normal(normalise_quote(c.passage.text), date.text):
                    giving.setdefault(c.passage.source_id, (view, c))
            citations, sids = tuple(giving.values()), tuple(giving)
            words = self.date_words(date, kind, rid, sids)
            resolution = self.resolved.get((kind, rid))
            value = resolution.value.iso if resolution else date.value
            out.setdefault((words, sids), DateView(words, value, citations))
        return list(out.values())

    def dates_disagree(self, eid: str) -> bool:
        return len({d.words for d in self.event_dates(eid)}) > 1

    @cached_property
    def timeline(self) -> Timeline:
        resolved = {rid: r.value for (kind, rid), r in self.resolved.items() if kind == "events"}
        return build_timeline(self.events, resolved)

    def entry_orderings(self, entry: TimelineEntry) -> list[tuple[str, str, str]]:
        """What a timeline entry shows of its orderings, compactly: the ones its event states,
        and the one that places it (when another event states it)."""
        own: list[tuple[str, str, str]] = [
            (r.relation, r.event, r.text) for r in entry.event.relations if r.event in self.events]
        if entry.placed_by and entry.placed_by not in own:
            own.append(entry.placed_by)
        return own

    def timeline_value(self, eid: str) -> Value | None:
        """The calendar value (with a year) that places an event: resolved, else its own."""
        resolution = self.resolved.get(("events", eid))
        if resolution:
            return resolution.value
        event = self.events[eid]
        if event.date and event.date.value:
            value = parse_value(event.date.value)
            return value if value.year is not None else None
        return None

    def timeline_groups(self) -> list[tuple[str, list[TimelineGroup]]]:
        return timeline_groups(self.timeline)

    @cached_property
    def connections(self) -> Connections:
        """Who is linked to whom, and by what (relations.py): the maps and their lists."""
        from .relations import connections  # relations builds on this module

        return connections(self)

    @cached_property
    def timeline_parts(self) -> list[TimelinePart]:
        """The pages of the timeline, if it is too long for one (paging.py)."""
        return timeline_parts(self.timeline_groups(), self.timeline.apart,
                              self.timeline.undated)


def build_site(verified: Verified) -> Site:
    site = Site(verified)
    site.actors = {k: v.record for k, v in verified.actors.items()}
    site.issues = {k: v.record for k, v in verified.issues.items()}
    site.events = {k: v.record for k, v in verified.events.items()}
    for fid, loaded in verified.facts.items():
        fact = loaded.record
        citations = tuple(Citation(n, p) for n, p in enumerate(verified.passages[fid], start=1))
        view = FactView(fact, citations, site.planner)
        site.facts[fid] = view
        for aid in fact.actors:
            site.by_actor[aid].append(view)
        for iid in fact.issues:
            site.by_issue[iid].append(view)
        if fact.event:
            site.by_event[fact.event].append(view)
        if fact.attribution.actor:
            site.by_speaker[fact.attribution.actor].append(view)
        for c in citations:
            site.by_passage[(c.passage.source_id, c.passage.start, c.passage.end)].append(view)
        for sid in view.sources:
            site.facts_by_source[sid].append(view)
    cited: dict[str, set[Passage]] = defaultdict(set)
    for view in site.facts.values():
        for c in view.citations:
            cited[c.passage.source_id].add(c.passage)
    site.passages_by_source = {sid: sorted(cited.get(sid, ())) for sid in site.sources}
    for event in site.events.values():
        for rel in event.relations:
            if rel.event in site.events:
                site.events_after[rel.event].append(Ordering(event.id, rel.relation, rel.text))
        for role in event.roles:
            site.roles_by_actor[role.actor].append((event, role.role))
        ids = dict.fromkeys([*event.issues,
                             *(i for v in site.by_event.get(event.id, ()) for i in v.fact.issues)])
        site.issues_by_event[event.id] = [site.issues[i] for i in ids]
        for iid in ids:
            site.events_by_issue[iid].append(event)
    return site


@dataclass(frozen=True)
class TimelineGroup:
    """A run of timeline entries under one heading: a month of a year, or events the sources'
    orderings place there without a date of their own."""

    heading: str
    css: str
    entries: list[object]


def timeline_groups(timeline: Timeline) -> list[tuple[str, list[TimelineGroup]]]:
    """The calendar part of the timeline as (year heading, groups), in order; an undated event
    placed by orderings gets a group of its own, so no heading gives it a date it lacks."""
    years: list[tuple[str, list[TimelineGroup]]] = []
    for entry in timeline.entries:
        if entry.when is not None:
            year = str(entry.when.year)
            heading = value_words(Value(None, entry.when.month, None)) if entry.when.month else ""
            css = "fr-tl-month" if entry.when.month else "fr-tl-year"
        else:
            year, heading, css = "No date stated — in the sources' order", "", (
                "fr-tl-placed")
        if not years or years[-1][0] != year:
            years.append((year, []))
        groups = years[-1][1]
        if not groups or groups[-1].heading != heading:
            groups.append(TimelineGroup(heading, css, []))
        groups[-1].entries.append(entry)
    return years


@dataclass(frozen=True)
class Segment:
    """A stretch of a source paragraph cited by the same set of passages (maybe none)."""

    text: str
    passages: tuple[Passage, ...]
    anchors: tuple[Passage, ...]
    """Passages that start here: their anchors go right before this segment."""
    endings: tuple[Passage, ...] = ()
    """Passages that end with this segment: their back-references go right after it."""


@dataclass(frozen=True)
class ParagraphView:
    in_body: bool
    line: int
    segments: tuple[Segment, ...]
    heading: bool = False
    """A subheading: a one-line body paragraph with no sentence end that the source's record
    declares carries no claim."""
    notes: tuple[Passage, ...] = ()
    """Cited passages that start in this paragraph: the notes shown beside it."""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


def cited_passages(site: Site, sid: str) -> list[Passage]:
    """The distinct passages of a source that facts cite, in text order."""
    return site.passages_by_source.get(sid, [])


def passage_numbers(site: Site, sid: str) -> dict[str, int]:
    """Each cited passage's anchor → its number on the source page (text order, from 1)."""
    return {p.anchor: n for n, p in enumerate(cited_passages(site, sid), start=1)}


def source_paragraphs(site: Site, sid: str) -> list[ParagraphView]:
    source = site.sources[sid]
    passages = cited_passages(site, sid)
    declared = {normalise_quote(n.sentence) for n in source.record.non_claims}
    out = []
    for para in source.paragraphs:
        inside = [p for p in passages if p.start < para.end and p.end > para.start]
        cuts = sorted({para.start, para.end, *(x for p in inside for x in (p.start, p.end)
                                                if para.start < x < para.end)})
        segments = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            covering = tuple(p for p in inside if p.start <= a and p.end >= b)
            starting = tuple(p for p in inside if p.start == a)
            ending = tuple(p for p in inside if p.end == b)
            segments.append(Segment(source.raw[a:b], covering, starting, ending))
        text = source.raw[para.start : para.end]
        heading = (para.in_body and "\n" not in text and not SENTENCE_END.search(text)
                   and normalise_quote(text) in declared)
        notes = tuple(p for p in inside if para.start <= p.start < para.end)
        out.append(ParagraphView(para.in_body, source.line_of(para.start), tuple(segments),
                                 heading, notes))
    return out
