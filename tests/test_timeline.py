"""Ordering events from partial dates and stated relations, never more exactly than stated."""

from __future__ import annotations

from factref.records import Event
from factref.timeline import order_events


def ev(eid: str, value: str | None = None, after: str | None = None, text: str = "x") -> Event:
    data: dict = {"id": eid, "name": eid.upper()}
    if value:
        data["date"] = {"text": text, "precision": "year", "value": value}
    if after:
        data["relations"] = [{"relation": "after", "event": after, "text": "hours after"}]
    return Event.model_validate(data)


def ids(events: list[Event]) -> list[str]:
    return [e.event.id for e in order_events({e.id: e for e in events})]


def test_calendar_values_order_events_across_years_and_months() -> None:
    got = ids([ev("c", "2025-06"), ev("a", "2016"), ev("b", "2025"), ev("d", "2025-01")])
    assert got.index("a") < got.index("b") and got.index("a") < got.index("d")
    assert got.index("d") < got.index("c")  # January before June of the same year
    assert len(got) == 4


def test_stated_relations_override_name_order() -> None:
    # "a" sorts first by name, but the text says it came after "z".
    assert ids([ev("a", after="z"), ev("z")]) == ["z", "a"]


def test_relation_chains_with_calendar_dates() -> None:
    got = ids([ev("office", "2025-06"), ev("summit"), ev("controls", after="summit"),
               ev("thaad", "2016")])
    assert got.index("thaad") < got.index("office")
    assert got.index("summit") < got.index("controls")


def test_a_contradiction_never_drops_an_event() -> None:
    # Stated: early comes after late; calendar: early (2016) before late (2020). Both are kept.
    got = ids([ev("early", "2016", after="late"), ev("late", "2020")])
    assert sorted(got) == ["early", "late"]
