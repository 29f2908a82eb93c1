"""The relationship map: actors as nodes, events and statements as labelled, directed edges.

Laid out deterministically at build time (actors on a circle, grouped by kind and sorted by name)
and drawn as inline SVG, so it needs no script, font or request to render.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .site import Site, page_path

KIND_ORDER = {"state": 0, "person": 1, "organisation": 2, "outlet": 3}
KIND_COLOURS = {"state": "#1f5fa8", "person": "#b5432b", "organisation": "#3d7d3a",
                "outlet": "#7a4a9c"}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    kind: str
    """event | quote | paraphrase | report"""
    href: str
    """Docs path (with anchor) of the evidence for this edge."""
    count: int = 1


def edges(site: Site) -> list[Edge]:
    found: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    labels: dict[tuple[str, str, str, str], str] = {}
    for event in site.events.values():
        initiators = [r.actor for r in event.roles if r.role == "initiator"]
        others = [r.actor for r in event.roles if r.role != "initiator"]
        for a in initiators:
            for b in others:
                k = (a, b, "event", event.id)
                found[k].append(page_path("events", event.id))
                labels[k] = event.name
    verbs = {"quote": "comments on", "paraphrase": "speaks of", "report": "reports on"}
    for view in site.facts.values():
        att = view.fact.attribution
        if att.kind == "narration" or not att.actor:
            continue
        for b in view.fact.actors:
            if b != att.actor:
                k = (att.actor, b, att.kind, "")
                found[k].append(f"{view.home}#{view.anchor}")
                labels[k] = verbs[att.kind]
    return [Edge(k[0], k[1], labels[k], k[2], hrefs[0], len(hrefs))
            for k, hrefs in sorted(found.items())]


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    kind: str
    x: float
    y: float


@dataclass(frozen=True)
class DrawnEdge:
    edge: Edge
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[DrawnEdge, ...]
    title: str
    edge_labels: bool = True


NODE_R = 7.0


def layout(site: Site, actor_ids: list[str], centre: str | None, width: int, height: int,
           all_edges: list[Edge], title: str, edge_labels: bool = True) -> Drawing:
    actors = site.actors
    ring = sorted((a for a in actor_ids if a != centre),
                  key=lambda a: (KIND_ORDER[actors[a].kind], actors[a].name, a))
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 90
    nodes: dict[str, Node] = {}
    if centre:
        nodes[centre] = Node(centre, actors[centre].name, actors[centre].kind, cx, cy)
    for i, aid in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(ring))
        nodes[aid] = Node(aid, actors[aid].name, actors[aid].kind,
                          round(cx + radius * math.cos(angle), 1),
                          round(cy + radius * math.sin(angle), 1))
    drawn = []
    seen_pairs: dict[frozenset[str], int] = defaultdict(int)
    for edge in all_edges:
        if edge.source not in nodes or edge.target not in nodes:
            continue
        pair = frozenset((edge.source, edge.target))
        n = seen_pairs[pair]
        seen_pairs[pair] += 1
        drawn.append(_curve(edge, nodes[edge.source], nodes[edge.target], n))
    return Drawing(width, height, tuple(nodes.values()), tuple(drawn), title, edge_labels)


def _curve(edge: Edge, a: Node, b: Node, n: int) -> DrawnEdge:
    """A quadratic curve from a to b, bent more for each further edge between the same pair."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bend = 18.0 * (n + 1) * (1 if n % 2 == 0 else -1)
    mx, my = (a.x + b.x) / 2 - uy * bend, (a.y + b.y) / 2 + ux * bend
    sx, sy = a.x + ux * NODE_R, a.y + uy * NODE_R
    ex, ey = b.x - ux * (NODE_R + 3), b.y - uy * (NODE_R + 3)
    path = f"M{sx:.1f},{sy:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}"
    lx, ly = (sx + 2 * mx + ex) / 4, (sy + 2 * my + ey) / 4
    return DrawnEdge(edge, path, round(lx, 1), round(ly, 1))


def full_map(site: Site) -> Drawing:
    all_edges = edges(site)
    ids = sorted({e.source for e in all_edges} | {e.target for e in all_edges})
    # Too many edges cross the middle for their labels to be legible: they show on hover, and
    # the list under the map spells every one out.
    return layout(site, ids, None, 1240, 820, all_edges, "Relationship map of all actors",
                  edge_labels=False)


def edges_by_actor(all_edges: list[Edge]) -> dict[str, list[Edge]]:
    found: dict[str, list[Edge]] = defaultdict(list)
    for edge in all_edges:
        found[edge.source].append(edge)
        if edge.target != edge.source:
            found[edge.target].append(edge)
    return found


def neighbourhood(site: Site, aid: str, near: list[Edge]) -> Drawing | None:
    """The map around one actor, from the edges that touch it (see ``edges_by_actor``)."""
    if not near:
        return None
    ids = sorted({e.source for e in near} | {e.target for e in near})
    name = site.actors[aid].name
    return layout(site, ids, aid, 640, 440, near, f"Actors connected to {name}")
