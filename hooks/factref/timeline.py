"""Order events from partial dates and the ordering relations the text gives.

Nothing is placed more exactly than the text says: an event is only put before another when a
stated relation ("hours after") or two calendar values that can be compared (2016 < 2025-06) say
so. Among events that nothing orders, the order is by what is known of their dates and then by
name, so it is deterministic, and each entry shows its date exactly as stated.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from .records import Event


@dataclass(frozen=True)
class Entry:
    event: Event
    after: tuple[tuple[str, str], ...]
    """(event id, phrase) pairs this event is stated to come after or during."""


def _calendar(event: Event) -> tuple[int | None, int | None]:
    value = event.date.value if event.date else None
    if not value:
        return None, None
    if value.startswith("--"):
        return None, int(value[2:4])
    parts = value.split("-")
    return int(parts[0]), int(parts[1]) if len(parts) > 1 else None


def _calendar_chain(events: dict[str, Event], before: dict[str, set[str]]) -> None:
    """Order events by the calendar values they state, through boundary nodes, so that the cost
    is linear: [2016] → 2016 events → ]2016] → [2025] → [2025/6] → June 2025 events → ...

    A year-only event sits anywhere inside its year; a month without a year is not placed.
    """
    years: dict[int, dict[int, list[str]]] = {}
    for eid, event in events.items():
        year, month = _calendar(event)
        if year is not None:
            years.setdefault(year, {}).setdefault(month or 0, []).append(eid)
    previous = None
    for year in sorted(years):
        opens, closes = f"[{year}]", f"]{year}]"
        before.setdefault(opens, set())
        before.setdefault(closes, set())
        if previous:
            before[previous].add(opens)
        last = opens
        for month in sorted(m for m in years[year] if m):
            m_open, m_close = f"[{year}]/{month}", f"]{year}]/{month}"
            before[last].add(m_open)
            before[m_open] = set(years[year][month])
            before[m_close] = {closes}
            for eid in years[year][month]:
                before[eid].add(m_close)
            last = m_close
        before[last].add(closes)
        for eid in years[year].get(0, []):
            before[opens].add(eid)
            before[eid].add(closes)
        previous = closes


def order_events(events: dict[str, Event]) -> list[Entry]:
    before: dict[str, set[str]] = {eid: set() for eid in events}
    stated: dict[str, list[tuple[str, str]]] = {eid: [] for eid in events}
    for eid, event in events.items():
        for rel in event.relations:
            if rel.event not in events:
                continue
            stated[eid].append((rel.event, rel.text))
            if rel.relation == "after":
                before[rel.event].add(eid)
            elif rel.relation == "before":
                before[eid].add(rel.event)
    _calendar_chain(events, before)
    indegree = {node: 0 for node in before}
    for targets in before.values():
        for t in targets:
            indegree[t] += 1

    def key(eid: str) -> tuple[int, int, str, str]:
        if eid not in events:  # a calendar boundary: sorts before the events it opens
            year_text, _, month_text = eid.partition("/")
            return (int(year_text.strip("[]")), int(month_text or 0), "", eid)
        year, month = _calendar(events[eid])
        return (year if year is not None else 9999, month or 99, events[eid].name, eid)

    ready = [key(e) for e, n in indegree.items() if n == 0]
    heapq.heapify(ready)
    out: list[Entry] = []
    while ready:
        eid = heapq.heappop(ready)[-1]
        if eid in events:
            out.append(Entry(events[eid], tuple(stated[eid])))
        for t in sorted(before[eid]):
            indegree[t] -= 1
            if indegree[t] == 0:
                heapq.heappush(ready, key(t))
    # Verification rejects cycles among stated relations, but a stated relation can still contradict
    # two calendar values; never drop an event over it: list the rest in date-and-name order.
    placed = {entry.event.id for entry in out}
    for eid in sorted((e for e in events if e not in placed), key=key):
        out.append(Entry(events[eid], tuple(stated[eid])))
    return out
