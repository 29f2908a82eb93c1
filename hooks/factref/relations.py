"""Who is connected to whom, and on what evidence: the one model behind every map and every
"Connected actors" list, so a map and the list beside it can never disagree.

Three kinds of relation, each resting on verified facts:

- an **event** links its initiator to each other actor with a role in it (actors who only take
  part are linked to one another, without a direction);
- a **statement** links a speaker or outlet to each actor its words are about;
- two actors **named together** in the reporters' own narration are linked, without a direction.

Relations between the same two actors are gathered into one ``Link``: one line on a map.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import combinations

from .memo import Memo
from .records import Fact
from .site import Site, page_path

STATEMENT_VERBS = {"quote": "is quoted on", "paraphrase": "speaks of", "report": "reports on"}


@dataclass(frozen=True)
class Relation:
    source: str
    """Actor id; for an undirected relation, the first of the two in id order."""
    target: str
    kind: str
    """event | statement | together"""
    directed: bool
    label: str
    """What the relation is, in a few words: "event", "speaks of", "named together"."""
    text: str
    """Its evidence in words: the event's name, or the claim of the fact."""
    href: str
    """Docs path (with anchor) of the evidence: the event's page or the fact."""
    issues: frozenset[str]


@dataclass(frozen=True)
class Link:
    """Every relation between two actors (``a`` before ``b`` in id order)."""

    a: str
    b: str
    relations: tuple[Relation, ...]

    @property
    def id(self) -> str:
        return f"rel-{self.a}--{self.b}"

    def other(self, aid: str) -> str:
        return self.b if aid == self.a else self.a

    @property
    def forward(self) -> bool:
        """Some relation runs from ``a`` to ``b``."""
        return any(r.directed and r.source == self.a for r in self.relations)

    @property
    def backward(self) -> bool:
        return any(r.directed and r.source == self.b for r in self.relations)

    def about(self, iid: str) -> Link | None:
        """This link with only the relations that concern issue ``iid``, if any do."""
        kept = tuple(r for r in self.relations if iid in r.issues)
        return Link(self.a, self.b, kept) if kept else None


@dataclass
class Connections:
    links: list[Link] = field(default_factory=list)
    by_actor: dict[str, list[Link]] = field(default_factory=dict)

    def of(self, aid: str) -> list[Link]:
        """The links of one actor, most relations first, then by the other actor's id."""
        return self.by_actor.get(aid, [])

    def neighbours(self, aid: str) -> list[str]:
        return [link.other(aid) for link in self.of(aid)]

    def degree(self, aid: str) -> int:
        return len(self.by_actor.get(aid, ()))

    @cached_property
    def _by_issue(self) -> dict[str, list[Link]]:
        kept: dict[str, dict[tuple[str, str], list[Relation]]] = defaultdict(dict)
        for link in self.links:
            for r in link.relations:
                for iid in r.issues:
                    kept[iid].setdefault((link.a, link.b), []).append(r)
        return {iid: [Link(a, b, tuple(rels)) for (a, b), rels in pairs.items()]
                for iid, pairs in kept.items()}

    def about(self, iid: str) -> list[Link]:
        """The links with only the relations that concern issue ``iid`` (those with any), in
        the links' order: ``[k for link in links if (k := link.about(iid))]``, computed for
        every issue in one pass."""
        return self._by_issue.get(iid, [])


def connections(site: Site, memo: Memo | None = None) -> Connections:
    grouped: dict[tuple[str, str], dict[Relation, None]] = defaultdict(dict)
    for rel in _relations(site, memo):
        if rel.source != rel.target:
            pair = (min(rel.source, rel.target), max(rel.source, rel.target))
            grouped[pair][rel] = None
    links = [Link(a, b, tuple(rels)) for (a, b), rels in sorted(grouped.items())]
    by_actor: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        by_actor[link.a].append(link)
        by_actor[link.b].append(link)
    for aid, own in by_actor.items():
        own.sort(key=_strongest_first(aid))
    return Connections(links, dict(by_actor))


def connect(site: Site, memo: Memo) -> Connections:
    """``site.connections``, with each fact's relations reused from ``memo`` (memo.py); kept
    where the site's cached property keeps its value, so that every later reader gets it."""
    site.__dict__["connections"] = conns = connections(site, memo)
    return conns


def _strongest_first(aid: str) -> Callable[[Link], tuple[int, str]]:
    return lambda link: (-len(link.relations), link.other(aid))


def _relations(site: Site, memo: Memo | None = None) -> Iterator[Relation]:
    for event in site.events.values():
        href = page_path("events", event.id)
        issues = frozenset(i.id for i in site.event_issues(event))
        initiators = [r.actor for r in event.roles if r.role == "initiator"]
        others = [r.actor for r in event.roles if r.role != "initiator"]
        for a in initiators:
            for b in others:
                yield Relation(a, b, "event", True, "event", event.name, href, issues)
        if not initiators:
            for a, b in combinations(sorted(set(others)), 2):
                yield Relation(a, b, "event", False, "event", event.name, href, issues)
    for view in site.facts.values():
        href = f"{view.home}#{view.anchor}"
        made = partial(_fact_relations, view.fact, href)
        yield from made() if memo is None else memo.get("relations", (view.fact,), made, href)


def _fact_relations(fact: Fact, href: str) -> tuple[Relation, ...]:
    issues = frozenset(fact.issues)
    speaker = fact.attribution.actor
    if fact.attribution.kind != "narration" and speaker:
        verb = STATEMENT_VERBS[fact.attribution.kind]
        return tuple(Relation(speaker, b, "statement", True, verb, fact.claim, href, issues)
                     for b in fact.actors)
    if fact.attribution.kind == "narration":
        return tuple(Relation(a, b, "together", False, "named together", fact.claim, href, issues)
                     for a, b in combinations(sorted(set(fact.actors)), 2))
    return ()
