"""One timeline across sources: calendar dates at their precision plus the orderings texts state.

The *known* order is a partial order: event A is before B when a stated ordering ("hours after")
says so, when two calendar dates say so at their precision (2016 before 2025-06; a year-only date
is anywhere inside its year), or when a chain of these does. Adding a source only adds to it, so
it never reverses an order already known; orderings that contradict it are found by
``contradictions`` and refused by verification.

The page lists one linear extension of that order, chosen deterministically. An event without a
calendar date is placed by its stated orderings, right after the latest event it is stated to
follow (else right before the earliest it precedes) and says so; events that nothing ties to a
calendar date are listed apart, never at a place that would read as a date.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from .dates import Value, parse_value
from .records import Event

Key = tuple[int, int, int, float]
"""(year, month, day, step): ``step`` is 0 for a dated event, and for an undated one how many
stated orderings away from its calendar anchor it is (after: +1, before: -1/2)."""


@dataclass(frozen=True)
class Entry:
    event: Event
    after: tuple[tuple[str, str], ...]
    """(event id, phrase) of the orderings this event states against others."""
    when: Value | None = None
    """The calendar value that places it (its own or resolved), if it has a year."""
    placed_by: tuple[str, str, str] | None = None
    """For an event without a calendar date: (relation, other event id, phrase) that places it."""

    @property
    def year(self) -> int | None:
        return self.when.year if self.when else None

    @property
    def month(self) -> int | None:
        return self.when.month if self.when else None


@dataclass(frozen=True)
class Timeline:
    entries: list[Entry]
    """Events on the calendar or placed next to it by stated orderings, in order."""
    apart: list[Entry] = field(default_factory=list)
    """Events with a date or ordering that ties them to no calendar date (e.g. 'in November',
    year not stated, or two events ordered only against each other)."""
    undated: list[Entry] = field(default_factory=list)
    """Events with neither a date nor a stated ordering."""

    def all(self) -> list[Entry]:
        return [*self.entries, *self.apart, *self.undated]


def calendar_values(
    events: dict[str, Event], resolved: dict[str, Value] | None = None
) -> dict[str, Value]:
    """Each event's calendar value with a year: its resolved date, else its own value."""
    out = {}
    for eid, event in events.items():
        value = (resolved or {}).get(eid)
        if value is None and event.date and event.date.value:
            try:
                value = parse_value(event.date.value)
            except ValueError:
                value = None
        if value is not None and value.year is not None:
            out[eid] = value
    return out


# --- The graph ------------------------------------------------------------------------------


def stated_edges(events: dict[str, Event]) -> list[tuple[str, str, str, int]]:
    """(earlier, later, event stating it, relation index) for each stated before/after."""
    out = []
    for eid, event in events.items():
        for i, rel in enumerate(event.relations):
            if rel.event not in events or rel.event == eid or rel.relation == "during":
                continue
            first, then = (rel.event, eid) if rel.relation == "after" else (eid, rel.event)
            out.append((first, then, eid, i))
    return out


def _calendar_chain(calendar: dict[str, Value], before: dict[str, set[str]]) -> None:
    """Order dated events through boundary nodes, so the cost is linear:
    [2016 → 2016 events → ]2016 → [2025 → [2025-06 → June 2025 events → ]2025-06 → ... ]2025.

    A year-only event sits anywhere inside its year, a month-only one inside its month."""
    tree: dict[int, dict[int, dict[int, list[str]]]] = {}
    for eid, value in calendar.items():
        assert value.year is not None
        tree.setdefault(value.year, {}).setdefault(value.month or 0, {}).setdefault(
            value.day or 0, []).append(eid)

    def link(a: str, b: str) -> None:
        before.setdefault(a, set()).add(b)
        before.setdefault(b, set())

    previous = None
    for year in sorted(tree):
        y_open, y_close = f"[{year}", f"]{year}"
        if previous:
            link(previous, y_open)
        last = y_open
        for month in sorted(m for m in tree[year] if m):
            m_open, m_close = f"[{year}-{month:02d}", f"]{year}-{month:02d}"
            link(last, m_open)
            inner = m_open
            for day in sorted(d for d in tree[year][month] if d):
                d_open, d_close = f"{m_open}-{day:02d}", f"{m_close}-{day:02d}"
                link(inner, d_open)
                for eid in tree[year][month][day]:
                    link(d_open, eid)
                    link(eid, d_close)
                inner = d_close
            link(inner, m_close)
            for eid in tree[year][month].get(0, []):
                link(m_open, eid)
                link(eid, m_close)
            last = m_close
        link(last, y_close)
        for eid in tree[year].get(0, {}).get(0, []):
            link(y_open, eid)
            link(eid, y_close)
        previous = y_close


def known_order(events: dict[str, Event], calendar: dict[str, Value]) -> dict[str, set[str]]:
    """The graph whose reachability is the known order (calendar boundaries included)."""
    before: dict[str, set[str]] = {eid: set() for eid in events}
    for first, then, _, _ in stated_edges(events):
        before[first].add(then)
    _calendar_chain({e: v for e, v in calendar.items() if e in events}, before)
    return before


def _node_key(node: str) -> Key:
    """Calendar position of a boundary node ("[2025-06", "]2025-06-24")."""
    parts = [int(p) for p in node[1:].split("-")]
    year, month, day = (parts + [0, 0])[:3]
    if node.startswith("]"):
        return (year, month or 13, day or 32, float("inf"))
    return (year, month, day, float("-inf"))


# --- Contradictions -------------------------------------------------------------------------


def contradictions(events: dict[str, Event], calendar: dict[str, Value]) -> list[set[str]]:
    """Groups of events whose orderings and dates cannot all hold (a cycle in the known order)."""
    graph = known_order(events, calendar)
    return [{n for n in comp if n in events} for comp in _cycles(graph)]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.append(top)
                    if top == node:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


# --- The listed order -----------------------------------------------------------------------


def _placement(
    events: dict[str, Event], calendar: dict[str, Value]
) -> tuple[dict[str, Key], dict[str, tuple[str, str, str]]]:
    """Calendar keys for dated events, and for undated events tied to them by orderings: the
    key of the latest event they follow, else of the earliest they precede."""
    preds: dict[str, list[tuple[str, str]]] = {e: [] for e in events}
    succs: dict[str, list[tuple[str, str]]] = {e: [] for e in events}
    during: dict[str, list[tuple[str, str]]] = {e: [] for e in events}
    for eid, event in events.items():
        for rel in event.relations:
            if rel.event not in events or rel.event == eid:
                continue
            if rel.relation == "during":
                during[eid].append((rel.event, rel.text))
                during[rel.event].append((eid, rel.text))
            elif rel.relation == "after":
                preds[eid].append((rel.event, rel.text))
                succs[rel.event].append((eid, rel.text))
            else:
                succs[eid].append((rel.event, rel.text))
                preds[rel.event].append((eid, rel.text))
    key: dict[str, Key] = {e: (v.year or 0, v.month or 0, v.day or 0, 0.0)
                           for e, v in calendar.items()}
    why: dict[str, tuple[str, str, str]] = {}
    steps = {"after": 1.0, "before": -0.5, "during": 0.1}

    def settle(candidates: dict[str, list[tuple[str, str]]], relation: str, pick: object) -> bool:
        changed = False
        for eid in sorted(events):
            if eid in key:
                continue
            known = [(key[o], o, text) for o, text in candidates[eid] if o in key]
            if known:
                (y, m, d, step), other, text = pick(known)  # type: ignore[operator]
                key[eid] = (y, m, d, step + steps[relation])
                why[eid], changed = (relation, other, text), True
        return changed

    # Forward from what an event follows, then back from what it precedes, until nothing moves.
    for _ in range(len(events) + 1):
        if not (settle(preds, "after", max) or settle(succs, "before", min)
                or settle(during, "during", min)):
            break
    return key, why


def build_timeline(
    events: dict[str, Event], resolved: dict[str, Value] | None = None
) -> Timeline:
    calendar = calendar_values(events, resolved)
    graph = known_order(events, calendar)
    placed_key, why = _placement(events, calendar)
    stated = {eid: tuple((r.event, r.text) for r in ev.relations if r.event in events)
              for eid, ev in events.items()}
    ordered = {e for e, ev in events.items() if stated[e]}
    ordered |= {r.event for ev in events.values() for r in ev.relations if r.event in events}

    def priority(node: str) -> tuple[Key, str, str]:
        if node not in events:
            return (_node_key(node), "", node)
        return (placed_key.get(node, (9999, 99, 99, 0.0)), events[node].name, node)

    indegree = {node: 0 for node in graph}
    for targets in graph.values():
        for t in targets:
            indegree[t] += 1
    ready = [priority(n) for n, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    sequence: list[str] = []
    while ready:
        node = heapq.heappop(ready)[-1]
        if node in events:
            sequence.append(node)
        for t in sorted(graph[node]):
            indegree[t] -= 1
            if indegree[t] == 0:
                heapq.heappush(ready, priority(t))
    # Verification refuses contradictions; should one reach here, never drop an event.
    listed = set(sequence)
    sequence += sorted((e for e in events if e not in listed), key=priority)

    def entry(eid: str) -> Entry:
        return Entry(events[eid], stated[eid], calendar.get(eid), why.get(eid))

    on_calendar = [entry(e) for e in sequence if e in placed_key]
    apart = [entry(e) for e in sequence if e not in placed_key and (e in ordered or _has_date(
        events[e]))]
    undated = [entry(e) for e in sorted(events, key=lambda e: (events[e].name, e))
               if e not in placed_key and e not in ordered and not _has_date(events[e])]
    position = {eid: i for i, eid in enumerate(sequence)}
    apart.sort(key=lambda x: _apart_key(x, position))
    return Timeline(on_calendar, apart, undated)


def _has_date(event: Event) -> bool:
    return bool(event.date and event.date.value)


def _apart_key(entry: Entry, position: dict[str, int]) -> tuple[int, int, int]:
    """Yearless dates by month and day; chains of orderings keep their listed order."""
    value = entry.event.date.value if entry.event.date else None
    if value and not entry.event.relations:
        v = parse_value(value)
        return (0, (v.month or 0) * 100 + (v.day or 0), position[entry.event.id])
    return (1, 0, position[entry.event.id])


def order_events(
    events: dict[str, Event], resolved: dict[str, Value] | None = None
) -> list[Entry]:
    """Every event, in the order the timeline page lists them."""
    return build_timeline(events, resolved).all()


def precedes(graph: dict[str, set[str]], a: str, b: str) -> bool:
    """Whether the known order puts ``a`` before ``b``."""
    seen, todo = set(), list(graph.get(a, ()))
    while todo:
        node = todo.pop()
        if node == b:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return False


def ids(entries: Iterable[Entry]) -> list[str]:
    return [e.event.id for e in entries]
