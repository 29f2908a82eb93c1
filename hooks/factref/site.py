"""Model: verified records → what each page shows, and where every fact and passage lives.

Pure data; nothing here knows about Markdown, HTML or MkDocs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .quotes import Passage
from .records import Actor, Event, Fact, Issue
from .sources import SourceText
from .verify import Verified

if TYPE_CHECKING:
    from .coverage import SourceCoverage

KIND_TITLES = {
    "person": "People",
    "state": "States",
    "organisation": "Organisations",
    "outlet": "News outlets",
}


def page_path(kind: str, rid: str) -> str:
    """The docs-relative path of a record's generated page."""
    return f"{kind}/{rid}.md"


@dataclass(frozen=True)
class Citation:
    number: int
    passage: Passage

    @property
    def target(self) -> str:
        return f"{page_path('sources', self.passage.source_id)}#{self.passage.anchor}"


@dataclass(frozen=True, eq=False)  # one view per fact: identity is equality
class FactView:
    fact: Fact
    citations: tuple[Citation, ...]
    home: str
    """Docs path of the page that is this fact's main home (event, else issue, else actor)."""

    @property
    def anchor(self) -> str:
        return f"fact-{self.fact.id}"


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
    events_after: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    actors: dict[str, Actor] = field(default_factory=dict)
    issues: dict[str, Issue] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    roles_by_actor: dict[str, list[tuple[Event, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    events_by_issue: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    issues_by_event: dict[str, list[Issue]] = field(default_factory=dict)
    coverage: list[SourceCoverage] = field(default_factory=list)
    """Per source, its body sentences and the facts citing each (set by the pipeline)."""

    @property
    def sources(self) -> dict[str, SourceText]:
        return self.verified.sources

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


def build_site(verified: Verified) -> Site:
    site = Site(verified)
    site.actors = {k: v.record for k, v in verified.actors.items()}
    site.issues = {k: v.record for k, v in verified.issues.items()}
    site.events = {k: v.record for k, v in verified.events.items()}
    for fid, loaded in verified.facts.items():
        fact = loaded.record
        citations = tuple(Citation(n, p) for n, p in enumerate(verified.passages[fid], start=1))
        view = FactView(fact, citations, _home(fact))
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
    cited: dict[str, set[Passage]] = defaultdict(set)
    for view in site.facts.values():
        for c in view.citations:
            cited[c.passage.source_id].add(c.passage)
    site.passages_by_source = {sid: sorted(cited.get(sid, ())) for sid in site.sources}
    for event in site.events.values():
        for rel in event.relations:
            if rel.event in site.events:
                site.events_after[rel.event].append((event.id, rel.relation))
        for role in event.roles:
            site.roles_by_actor[role.actor].append((event, role.role))
        ids = dict.fromkeys([*event.issues,
                             *(i for v in site.by_event.get(event.id, ()) for i in v.fact.issues)])
        site.issues_by_event[event.id] = [site.issues[i] for i in ids]
        for iid in ids:
            site.events_by_issue[iid].append(event)
    return site


def _home(fact: Fact) -> str:
    if fact.event:
        return page_path("events", fact.event)
    if fact.issues:
        return page_path("issues", fact.issues[0])
    return page_path("actors", fact.actors[0])


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


def cited_passages(site: Site, sid: str) -> list[Passage]:
    """The distinct passages of a source that facts cite, in text order."""
    return site.passages_by_source.get(sid, [])


def source_paragraphs(site: Site, sid: str) -> list[ParagraphView]:
    source = site.sources[sid]
    passages = cited_passages(site, sid)
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
        out.append(ParagraphView(para.in_body, source.line_of(para.start), tuple(segments)))
    return out
