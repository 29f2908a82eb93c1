"""Ordering events from partial dates and stated relations, never more exactly than stated."""

from __future__ import annotations

from random import Random

from factref.dates import Value
from factref.paging import timeline_parts
from factref.records import Event, Relation
from factref.timeline import (
    build_timeline,
    calendar_values,
    contradictions,
    ids,
    known_order,
    order_events,
    precedes,
)
from hypothesis import given, settings
from hypothesis import strategies as st


def ev(eid: str, value: str | None = None, after: str | None = None, text: str = "x") -> Event:
    data: dict = {"id": eid, "name": eid.upper()}
    if value:
        data["date"] = {"text": text, "precision": "year", "value": value}
    if after:
        data["relations"] = [{"relation": "after", "event": after, "text": "hours after"}]
    return Event.model_validate(data)


def ordered(events: list[Event]) -> list[str]:
    return ids(order_events({e.id: e for e in events}))


def test_calendar_values_order_events_across_years_and_months() -> None:
    got = ordered([ev("c", "2025-06"), ev("a", "2016"), ev("b", "2025"), ev("d", "2025-01")])
    assert got.index("a") < got.index("b") and got.index("a") < got.index("d")
    assert got.index("d") < got.index("c")  # January before June of the same year
    assert len(got) == 4


def test_stated_relations_override_name_order() -> None:
    # "a" sorts first by name, but the text says it came after "z".
    assert ordered([ev("a", after="z"), ev("z")]) == ["z", "a"]


def test_relation_chains_with_calendar_dates() -> None:
    got = ordered([ev("office", "2025-06"), ev("summit"), ev("controls", after="summit"),
               ev("thaad", "2016")])
    assert got.index("thaad") < got.index("office")
    assert got.index("summit") < got.index("controls")


def test_a_contradiction_never_drops_an_event() -> None:
    # Stated: early comes after late; calendar: early (2016) before late (2020). Both are kept.
    got = ordered([ev("early", "2016", after="late"), ev("late", "2020")])
    assert sorted(got) == ["early", "late"]


def test_month_day_values_order_within_a_month_and_yearless_dates_stay_off_the_calendar() -> None:
    events = {e.id: e for e in [
        Event.model_validate({"id": "late", "name": "A", "date": {
            "text": "March 25, 2022", "precision": "day", "value": "2022-03-25"}}),
        Event.model_validate({"id": "early", "name": "B", "date": {
            "text": "March 24, 2022", "precision": "day", "value": "2022-03-24"}}),
        Event.model_validate({"id": "nov", "name": "C", "date": {
            "text": "in November", "precision": "month", "value": "--11"}}),
        Event.model_validate({"id": "none", "name": "D"}),
    ]}
    timeline = build_timeline(events)
    assert ids(timeline.entries) == ["early", "late"]
    assert ids(timeline.apart) == ["nov"]
    assert ids(timeline.undated) == ["none"]


def test_an_undated_event_is_placed_by_its_ordering_not_after_every_date() -> None:
    # The seed's case: "ties plunged after" the 2016 decision; nothing else dates it.
    got = ids(order_events({e.id: e for e in [
        ev("decision", "2016"), ev("plunge", after="decision"), ev("office", "2025-06")]}))
    assert got == ["decision", "plunge", "office"]


def test_resolved_dates_place_events() -> None:
    events = {e.id: e for e in [ev("a"), ev("b", "2020")]}
    assert ids(build_timeline(events, {"a": Value(2019, None, None)}).entries) == ["a", "b"]


# --- Properties over random event sets -------------------------------------------------------

PRECISIONS = st.sampled_from(["none", "year", "month", "day"])


@st.composite
def event_sets(draw: st.DrawFn) -> tuple[dict[str, Event], dict[str, int]]:
    """Events with hidden true times; dates and orderings are drawn consistent with them."""
    n = draw(st.integers(1, 10))
    times = {f"e{i}": draw(st.integers(0, 40)) for i in range(n)}
    data: dict[str, dict] = {}
    for eid, t in times.items():
        data[eid] = {"id": eid, "name": draw(st.sampled_from(["Alpha", "Beta", "Gamma"])),
                     "relations": []}
        year, month, day = 2000 + t // 8, 1 + (t % 8) // 2, 1 + t % 2
        precision = draw(PRECISIONS)
        value = {"year": f"{year}", "month": f"{year}-{month:02d}",
                 "day": f"{year}-{month:02d}-{day:02d}"}.get(precision)
        if value:
            data[eid]["date"] = {"text": "x", "precision": precision, "value": value}
    for _ in range(draw(st.integers(0, 2 * n))):
        a, b = draw(st.sampled_from(sorted(times))), draw(st.sampled_from(sorted(times)))
        if times[a] < times[b]:
            rel = draw(st.sampled_from(["after", "before"]))
            if rel == "after":
                data[b]["relations"].append({"relation": "after", "event": a, "text": "after"})
            else:
                data[a]["relations"].append({"relation": "before", "event": b, "text": "before"})
    return {eid: Event.model_validate(d) for eid, d in data.items()}, times


def _known_pairs(events: dict[str, Event]) -> list[tuple[str, str]]:
    graph = known_order(events, calendar_values(events))
    return [(a, b) for a in events for b in events if a != b and precedes(graph, a, b)]


@settings(max_examples=150, deadline=None)
@given(event_sets())
def test_the_listing_is_a_linear_extension_of_the_known_order(drawn: tuple) -> None:
    events, _ = drawn
    assert contradictions(events, calendar_values(events)) == []
    listed = ids(order_events(events))
    assert sorted(listed) == sorted(events)
    for a, b in _known_pairs(events):
        assert listed.index(a) < listed.index(b), (a, b)


@settings(max_examples=100, deadline=None)
@given(event_sets(), st.randoms(use_true_random=False))
def test_the_listing_is_deterministic(drawn: tuple, rnd: Random) -> None:
    events, _ = drawn
    shuffled = list(events.items())
    rnd.shuffle(shuffled)
    assert ids(order_events(dict(shuffled))) == ids(order_events(events))


@settings(max_examples=100, deadline=None)
@given(event_sets(), st.data())
def test_adding_events_never_reverses_an_order_already_known(drawn: tuple,
                                                             data: st.DataObject) -> None:
    events, _ = drawn
    keep = data.draw(st.sets(st.sampled_from(sorted(events))))
    earlier = {eid: e for eid, e in events.items() if eid in keep}
    listed = ids(order_events(events))
    for a, b in _known_pairs(earlier):
        assert listed.index(a) < listed.index(b), (a, b)


@settings(max_examples=100, deadline=None)
@given(event_sets())
def test_events_with_neither_date_nor_ordering_are_listed_apart(drawn: tuple) -> None:
    events, _ = drawn
    timeline = build_timeline(events)
    linked = {e for e, ev in events.items() if ev.relations}
    linked |= {r.event for ev in events.values() for r in ev.relations}
    alone = {e for e, ev in events.items() if ev.date is None and e not in linked}
    assert set(ids(timeline.undated)) == alone
    assert not alone & set(ids(timeline.entries))
    for entry in timeline.entries:  # on the calendar: dated, or placed by a stated ordering
        assert entry.when is not None or entry.placed_by is not None


@settings(max_examples=100, deadline=None)
@given(event_sets(), st.data())
def test_an_ordering_against_the_known_order_is_a_contradiction(drawn: tuple,
                                                                data: st.DataObject) -> None:
    events, _ = drawn
    pairs = _known_pairs(events)
    if not pairs:
        return
    a, b = data.draw(st.sampled_from(pairs))  # a is known to come before b
    reversed_ = events[a].model_copy(update={"relations": [
        *events[a].relations, Relation(relation="after", event=b, text="after")]})
    found = contradictions({**events, a: reversed_}, calendar_values(events))
    assert any({a, b} <= group for group in found)


def test_a_long_timeline_is_split_into_pages_of_whole_years_and_loses_no_event(
        monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # At 50,000 facts the timeline holds thousands of events: one page would pass 1 MB. Split,
    # the main page lists the periods, each period's page holds whole years in order, with a
    # way back and on, and every event is on exactly one page, in the timeline's order.
    import re

    from conftest import ROOT
    from factref import site as site_module
    from factref.generate import generated_files
    from factref.pipeline import run

    monkeypatch.setattr(site_module, "timeline_parts",
                        lambda years, apart, undated: timeline_parts(years, apart, undated,
                                                                     limit=4))
    result = run(ROOT)
    site = result.site
    parts = site.timeline_parts
    assert len(parts) >= 3
    files = generated_files(result, ROOT, folder=tmp_path,
                            docs=["index.md", "method.md", "contributing.md", "records.md",
                                  "benchmark.md", "assets/factref.css"])  # links all hold
    pages = {p.path: (tmp_path / p.path).read_text(encoding="utf-8") for p in parts}
    main = (tmp_path / "timeline.md").read_text(encoding="utf-8")
    assert all(f'href="{p.path.removeprefix("timeline/").removesuffix(".md")}/"' in main
               for p in parts)
    assert "fr-tl-entry" not in main
    shown = [e for p in parts for e in re.findall(r'data-event="([^"]+)"', pages[p.path])]
    assert shown == [e.event.id for e in site.timeline.all()]
    for p in parts[:-1]:  # whole years: no year heading on two pages
        years = re.findall(r'<h2 id="(\d{4})">', pages[p.path])
        later = [y for q in parts[parts.index(p) + 1:] for y in
                 re.findall(r'<h2 id="(\d{4})">', pages[q.path])]
        assert not set(years) & set(later)
    assert "timeline.md" in files and all(p.path in files for p in parts)


def test_undated_events_placed_by_orderings_sit_apart_under_no_date_heading() -> None:
    # They are placed where the orderings put them, but must not read as a period of time: no
    # heading (none in the table of contents), set apart, with a note saying why they are there.
    import re

    from conftest import ROOT
    from factref.pagehtml import toc_tokens
    from factref.pipeline import run
    from factref.render import Renderer

    site = run(ROOT).site
    placed = [e for e in site.timeline.entries if e.when is None]
    assert placed, "the real base has events placed only by orderings"
    page = Renderer(site).pages()["timeline.md"]
    headings = [t["name"] for t in toc_tokens(page) for t in [t, *t["children"]]]
    assert headings and all("No date" not in h for h in headings)
    asides = re.findall(r'<aside class="fr-tl-placed".*?</aside>', page, re.S)
    inside = {e for a in asides for e in re.findall(r'data-event="([^"]+)"', a)}
    assert inside == {e.event.id for e in placed}
    assert all("No date stated." in a for a in asides)
