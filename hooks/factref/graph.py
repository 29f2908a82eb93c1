"""The relationship maps: which actors and links each map shows, laid out by Graphviz.

Three kinds of map, all drawn from ``relations.connections``: the overview of the whole
reference, one per issue (the actors and links its facts and events concern) and one per actor
(exactly the actors it is connected to, the same list its page prints). A map never shows more
than ``MAX_NODES`` actors, so it stays readable however large the reference grows: the overview
and the issue maps keep the most connected actors and say how many they leave out; an actor
with more connections than that has its list and no map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

from .layout import Box, Curve, GraphSpec, Placed, label_box, layout_all, path_data
from .memo import Memo
from .relations import Connections, Link
from .site import Site

MAX_NODES = 40
MAX_LINKS = 150
"""Lines a map of many actors draws at most: the strongest (most relations); more cross into a
tangle no reader can follow, and their list would make the page too heavy to load."""
HANDLE = 12.0
"""Radius of the round target drawn on each line: 24 px across, the least a finger needs."""
_ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82)
"""Where along its line a handle may sit: the middle, unless another handle is there already."""
KIND_COLOURS = {"state": "#1f5fa8", "person": "#b5432b", "organisation": "#3d7d3a",
                "outlet": "#7a4a9c"}


@dataclass(frozen=True)
class MapNode:
    id: str
    name: str
    kind: str
    box: Box
    x: float
    y: float
    centre: bool = False

    @property
    def left(self) -> float:
        return round(self.x - self.box.width / 2, 1)

    @property
    def top(self) -> float:
        return round(self.y - self.box.height / 2, 1)


@dataclass(frozen=True)
class MapEdge:
    link: Link
    path: str
    """SVG path data, drawn from ``start`` to ``end``."""
    start: str
    end: str
    mid_x: float
    mid_y: float

    @property
    def style(self) -> str:
        """How the line is drawn: solid for events, dashed for statements, dotted otherwise."""
        kinds = {r.kind for r in self.link.relations}
        return next(k for k in ("event", "statement", "together") if k in kinds)

    @property
    def arrow_end(self) -> bool:
        return self.link.forward if self.start == self.link.a else self.link.backward

    @property
    def arrow_start(self) -> bool:
        return self.link.backward if self.start == self.link.a else self.link.forward


@dataclass(frozen=True)
class Drawing:
    key: str
    """Unique on its page: ids inside the SVG are prefixed with it."""
    title: str
    width: float
    height: float
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    left_out: int = 0
    """Actors with links that this map leaves out to stay readable."""
    links_left_out: int = 0
    """Links between the actors shown that it does not draw (the weakest), to stay readable."""


@dataclass(frozen=True)
class Plan:
    key: str
    title: str
    actors: tuple[str, ...]
    links: tuple[Link, ...]
    centre: str | None
    left_out: int
    links_left_out: int = 0


def plan_overview(conns: Connections) -> Plan:
    return _capped("overview", "Relationship map of the most connected actors"
                   if _actors(conns.links) > MAX_NODES else "Relationship map of all actors",
                   list(conns.links))


def plan_issue(conns: Connections, iid: str, name: str) -> Plan | None:
    links = conns.about(iid)
    return _capped(f"issue-{iid}", f"Actors in {name}", links) if links else None


def plan_actor(conns: Connections, aid: str, name: str) -> Plan | None:
    links = conns.of(aid)
    if not links or len(links) + 1 > MAX_NODES:
        return None
    actors = (aid, *(link.other(aid) for link in links))
    return Plan(f"actor-{aid}", f"Actors connected to {name}", actors, tuple(links), aid, 0)


def _actors(links: list[Link]) -> int:
    return len({a for link in links for a in (link.a, link.b)})


def _capped(key: str, title: str, links: list[Link]) -> Plan:
    degree: dict[str, int] = {}
    for link in links:
        for a in (link.a, link.b):
            degree[a] = degree.get(a, 0) + len(link.relations)
    ranked = sorted(degree, key=lambda a: (-degree[a], a))
    kept = set(ranked[:MAX_NODES])
    among = [k for k in links if k.a in kept and k.b in kept]
    ranked_links = sorted(among, key=lambda k: (-len(k.relations), k.a, k.b))
    strongest = {(k.a, k.b) for k in ranked_links[:MAX_LINKS]}
    shown = tuple(k for k in among if (k.a, k.b) in strongest)
    actors = tuple(sorted({a for k in shown for a in (k.a, k.b)}))
    return Plan(key, title, actors, shown, None, len(degree) - len(actors),
                len(among) - len(shown))


def draw(site: Site, plans: list[Plan | None], memo: Memo | None = None,
         ) -> list[Drawing | None]:
    """Lay out every planned map in one Graphviz run. With ``memo`` (under `mkdocs serve`),
    a map laid out or drawn by the previous rebuild from the same plan is reused, and one that
    no rebuild uses is let go; without, from this process's bounded caches."""
    plans = [p if p is not None and p.actors else None for p in plans]  # nothing to draw
    real = [p for p in plans if p is not None]
    placed = iter(layout_all([_spec(site, p) for p in real], memo))
    return [None if p is None else _drawn(site, p, next(placed), memo) for p in plans]


_DRAWN: dict[tuple[Plan, Placed, tuple[tuple[str, str], ...]], Drawing] = {}
"""Maps already drawn in this process, by what they are drawn from, for callers without a memo
(see layout._LAID_OUT): an unchanged map is not drawn again (placing the handles is the costly
part)."""


def _drawn(site: Site, plan: Plan, placed: Placed, memo: Memo | None) -> Drawing:
    key = (plan, placed, tuple((site.actors[a].name, site.actors[a].kind) for a in plan.actors))
    if memo is not None:
        return memo.get("map", (), partial(_drawing, site, plan, placed), key)
    if key not in _DRAWN:
        if len(_DRAWN) > 20_000:
            _DRAWN.clear()
        _DRAWN[key] = _drawing(site, plan, placed)
    return _DRAWN[key]


def _spec(site: Site, plan: Plan) -> GraphSpec:
    index = {a: i for i, a in enumerate(plan.actors)}
    boxes = tuple(label_box(site.actors[a].name) for a in plan.actors)
    edges = tuple((index[k.a], index[k.b]) for k in plan.links)
    root = plan.centre or max(plan.actors, key=lambda a: (_degree(plan.links, a), a))
    return GraphSpec(boxes, edges, index[root], radial=plan.centre is not None)


def _degree(links: tuple[Link, ...], aid: str) -> int:
    return sum(len(k.relations) for k in links if aid in (k.a, k.b))


def _drawing(site: Site, plan: Plan, placed: Placed) -> Drawing:
    nodes = tuple(
        MapNode(a, site.actors[a].name, site.actors[a].kind, label_box(site.actors[a].name),
                x, y, a == plan.centre)
        for a, (x, y) in zip(plan.actors, placed.centres, strict=True))
    at = {n.id: n for n in nodes}
    edges: list[MapEdge] = []
    taken: list[tuple[float, float]] = []
    for link, points in zip(plan.links, placed.paths, strict=True):
        start, end = link.a, link.b
        if _dist(points[0], at[link.b]) < _dist(points[0], at[link.a]):
            start, end = end, start
        mx, my = _handle(points, taken, nodes)
        taken.append((mx, my))
        edges.append(MapEdge(link, path_data(points), start, end, mx, my))
    return Drawing(plan.key, plan.title, placed.width, placed.height, nodes, tuple(edges),
                   plan.left_out, plan.links_left_out)


def _handle(points: tuple[tuple[float, float], ...], taken: list[tuple[float, float]],
            nodes: tuple[MapNode, ...]) -> tuple[float, float]:
    """Where a line's handle goes: as near its middle as keeps it clear of other handles and of
    the actors' boxes, so every handle can be pointed at on its own."""
    need = 2 * HANDLE + 2
    curve = Curve(points)
    candidates = [curve.at(f) for f in _ALONG]
    for p in candidates:
        if _room(p, taken, nodes, need) >= need:
            return p
    return max(candidates, key=lambda p: _room(p, taken, nodes, 0.0))


def _room(p: tuple[float, float], taken: list[tuple[float, float]], nodes: tuple[MapNode, ...],
          enough: float) -> float:
    """Twice the distance from ``p`` to the nearest box, or the distance to the nearest other
    handle, whichever is less; stops looking once it is below ``enough``."""
    x, y = p
    near = 1e9
    for qx, qy in taken:
        near = min(near, math.hypot(x - qx, y - qy))
        if near < enough:
            return near
    for n in nodes:
        dx = max(n.left - x, 0.0, x - n.left - n.box.width)
        dy = max(n.top - y, 0.0, y - n.top - n.box.height)
        near = min(near, 2 * math.hypot(dx, dy))
        if near < enough:
            return near
    return near


def _dist(p: tuple[float, float], node: MapNode) -> float:
    return (p[0] - node.x) ** 2 + (p[1] - node.y) ** 2
