"""Verify: records against each other and against the source texts. Fail closed.

A record with any problem is left out of what is verified, and so off every page; records that
depend on it are then reported as dangling in turn. Each rule is documented in docs/method.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import Resolution, Value, parse_value, unstated_parts
from .dates import resolve as resolve_date
from .load import Loaded, Origin, Records
from .naming import Naming
from .problems import Problem
from .quotes import Passage, QuoteError, resolve
from .records import Actor, DateSpec, Event, Fact, Issue, RecordKind, Source
from .sources import SourceText, read_source
from .text import contains_normal, contains_phrase, normalise_quote
from .timeline import calendar_values, contradictions

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
PRECISION_FORMS = {"year": "year", "month": "month", "month-day": "month-day", "day": "day"}
"""The form of calendar value each precision takes (dates.Value.form)."""


@dataclass
class Verified:
    """Everything that passed, with each fact's evidence pinned to raw source offsets."""

    sources: dict[str, SourceText] = field(default_factory=dict)
    source_origins: dict[str, Origin] = field(default_factory=dict)
    actors: dict[str, Loaded[Actor]] = field(default_factory=dict)
    issues: dict[str, Loaded[Issue]] = field(default_factory=dict)
    events: dict[str, Loaded[Event]] = field(default_factory=dict)
    facts: dict[str, Loaded[Fact]] = field(default_factory=dict)
    passages: dict[str, list[Passage]] = field(default_factory=dict)
    rejected_sources: set[str] = field(default_factory=set)
    naming: Naming = field(default_factory=lambda: Naming(()))
    facts_by_event: dict[str, list[Loaded[Fact]]] = field(default_factory=dict)
    resolved: dict[tuple[str, str], Resolution] = field(default_factory=dict)
    """Dates completed from a dateline, by ("facts" | "events", id)."""
    problems: list[Problem] = field(default_factory=list)

    def ids(self, kind: RecordKind) -> set[str]:
        """The ids of the verified records of one kind."""
        return set(self.sources if kind is RecordKind.SOURCES else self.loaded(kind))

    def loaded(self, kind: RecordKind) -> dict[str, Loaded[Any]]:
        """The verified records of one kind other than sources, with where each was written."""
        tables: dict[RecordKind, dict[str, Loaded[Any]]] = {
            RecordKind.ACTORS: self.actors, RecordKind.ISSUES: self.issues,
            RecordKind.EVENTS: self.events, RecordKind.FACTS: self.facts,
        }
        return tables[kind]


ReadSource = Callable[[Loaded[Source], Path, str], SourceText | Problem]
FactCheck = Callable[[Loaded[Fact]], tuple[list[Problem], list[Passage]]]
FactChecker = Callable[[Verified, Records], FactCheck]
"""Given the sources, actors and naming a verification has settled, how to check each fact."""


def fact_checker(v: Verified, records: Records) -> FactCheck:
    """``check_fact`` against ``v`` as it stands once sources and actors are settled."""
    return lambda loaded: check_fact(loaded, v, records)


def verify(records: Records, root: Path, seeds_dir: str = "seeds", *,
           read: ReadSource = read_source, checker: FactChecker = fact_checker) -> Verified:
    """``read`` and ``checker`` default to reading and checking everything; a cache passes its
    own, which return what an unchanged input gave before (cache.py)."""
    out = Verified()
    for sid, loaded in records.sources.items():
        result = read(loaded, root / seeds_dir, seeds_dir)
        if isinstance(result, Problem):
            out.problems.append(result)
            out.rejected_sources.add(sid)
        else:
            out.sources[sid] = result
            out.source_origins[sid] = loaded.origin
    out.actors = dict(records.actors)
    out.issues = dict(records.issues)
    out.naming = Naming(a.record for a in out.actors.values())
    for sid in list(out.sources):
        problems = _source_outlets(out.sources[sid].record, out.source_origins[sid], out)
        if problems:
            out.problems.extend(problems)
            out.rejected_sources.add(sid)
            del out.sources[sid]
    check = checker(out, records)
    for fid, fact in records.facts.items():
        problems, passages = check(fact)
        if problems:
            out.problems.extend(problems)
        else:
            out.facts[fid] = fact
            out.passages[fid] = passages
    for fact in out.facts.values():
        if fact.record.event:
            out.facts_by_event.setdefault(fact.record.event, []).append(fact)
    for eid, event in records.events.items():
        problems = check_event(event, out, records)
        if problems:
            out.problems.extend(problems)
            _drop_event(eid, out)
        else:
            out.events[eid] = event
    _check_order_cycles(out)
    _check_unused(out)
    return out


def _source_outlets(source: Source, o: Origin, v: Verified) -> list[Problem]:
    problems = []
    for i, aid in enumerate(source.outlets):
        actor = v.actors.get(aid)
        if actor is None:
            problems.append(o.problem(f"unknown actor {aid!r}", "outlets", i, record=source.id))
        elif actor.record.kind != "outlet":
            problems.append(o.problem(f"{aid!r} is a {actor.record.kind}, not an outlet",
                                      "outlets", i, record=source.id))
    return problems


def check_fact(
    loaded: Loaded[Fact], v: Verified, records: Records
) -> tuple[list[Problem], list[Passage]]:
    fact, o = loaded.record, loaded.origin
    problems = _fact_references(fact, o, v)
    if fact.event and fact.event not in records.events:
        problems.append(o.problem(f"unknown event {fact.event!r}", "event", record=fact.id))
    if not (fact.actors or fact.issues or fact.event):
        problems.append(o.problem("a fact must be about something: name at least one of "
                                  "'actors', 'issues' or 'event'", record=fact.id))
    passages: list[Passage] = []
    for i, ev in enumerate(fact.evidence):
        source = v.sources.get(ev.source)
        if source is None:
            problems.append(o.problem(_missing_source(ev.source, v), "evidence", i, "source",
                                      record=fact.id, follows=ev.source in v.rejected_sources))
            continue
        try:
            passages.append(resolve(ev, source))
        except QuoteError as exc:
            problems.append(o.problem(exc.message, "evidence", i, exc.key, record=fact.id))
            continue
        for words, actor in ev.refers.items():
            if actor not in v.actors:
                problems.append(o.problem(f"refers to unknown actor {actor!r}", "evidence", i,
                                          "refers", words, record=fact.id))
            if not contains_phrase(ev.quote, words):
                problems.append(o.problem(f"refers: {words!r} does not occur in the quote",
                                          "evidence", i, "refers", words, record=fact.id))
    if problems:
        return problems, []
    return _fact_against_evidence(fact, o, passages, v), passages


def _missing_source(sid: str, v: Verified) -> str:
    if sid in v.rejected_sources:
        return f"source {sid!r} did not verify (see its own error), so nothing can cite it"
    return f"unknown source {sid!r}; registered sources: {', '.join(sorted(v.sources)) or 'none'}"


def _fact_references(fact: Fact, o: Origin, v: Verified) -> list[Problem]:
    problems = []
    for i, aid in enumerate(fact.actors):
        if aid not in v.actors:
            problems.append(o.problem(f"unknown actor {aid!r}", "actors", i, record=fact.id))
    for i, iid in enumerate(fact.issues):
        if iid not in v.issues:
            problems.append(o.problem(f"unknown issue {iid!r}", "issues", i, record=fact.id))
    att = fact.attribution
    if att.kind == "narration" and att.actor:
        problems.append(o.problem("narration is the source's own text: it takes no actor",
                                  "attribution", "actor", record=fact.id))
    elif att.kind != "narration" and not att.actor:
        problems.append(o.problem(f"a {att.kind} needs the actor who said or reported it",
                                  "attribution", record=fact.id))
    elif att.actor and att.actor not in v.actors:
        problems.append(o.problem(f"unknown actor {att.actor!r}", "attribution", "actor",
                                  record=fact.id))
    elif att.kind == "report" and att.actor and v.actors[att.actor].record.kind != "outlet":
        problems.append(o.problem(f"a report is attributed to an outlet; {att.actor!r} is a "
                                  f"{v.actors[att.actor].record.kind}", "attribution", "actor",
                                  record=fact.id))
    return problems


def _fact_against_evidence(
    fact: Fact, o: Origin, passages: list[Passage], v: Verified
) -> list[Problem]:
    """The claim may not say more than its evidence: numbers, actors and dates must be in it."""
    evidence = normalise_quote(" ".join(p.text for p in passages))
    refers = {a for ev in fact.evidence for a in ev.refers.values()}
    problems = []
    for number in dict.fromkeys(NUMBER.findall(fact.claim)):
        if not contains_normal(evidence, number):
            problems.append(o.problem(f"the claim says {number!r}, which its evidence does not",
                                      "claim", record=fact.id))
    named = list(fact.actors)
    if fact.attribution.actor and fact.attribution.actor not in named:
        named.append(fact.attribution.actor)
    for aid in named:
        actor = v.actors[aid].record
        if aid not in refers and not v.naming.names_actor(evidence, aid):
            path = ("actors", fact.actors.index(aid)) if aid in fact.actors else ("attribution",)
            problems.append(o.problem(
                f"actor {aid!r} is not named in the evidence (by {_names(actor)}); quote the "
                "words that name it, add an alias, or declare a pronoun under 'refers'",
                *path, record=fact.id))
    if fact.date:
        problems.extend(date_problems(fact.date, evidence, o, ("date",), fact.id))
        if not problems and fact.date.resolve:
            problems.extend(_resolve(fact.date, passages, v, o, ("facts", fact.id)))
    return problems


def _names(actor: Actor) -> str:
    return " or ".join(repr(n) for n in (actor.name, *actor.aliases))


def date_problems(
    date: DateSpec, evidence: str, o: Origin, path: tuple[str | int, ...], rid: str
) -> list[Problem]:
    """A date must be the evidence's own phrase, and its value no sharper than that phrase.

    ``evidence`` is already normalised (text.normalise_quote)."""
    if not contains_normal(evidence, date.text):
        return [o.problem(f"date text {date.text!r} does not occur in the evidence", *path,
                          "text", record=rid)]
    if not date.value:
        return []
    value = parse_value(date.value)  # validated on load
    problems = unstated_parts(value, date.text)
    want = PRECISION_FORMS.get(date.precision)
    if want is None:
        problems.append(f"a {date.precision} date has no calendar value; leave 'value' out")
    elif value.form != want:
        problems.append(f"value {date.value!r} does not have {date.precision} precision (write "
                        f"{_EXAMPLE[want]} for a {date.precision} date)")
    return [o.problem(f"date value: {p}", *path, "value", record=rid) for p in problems]


_EXAMPLE = {"year": "2016", "month": "2025-06 or --11", "month-day": "--03-24",
            "day": "2022-03-24"}


def _resolve(date: DateSpec, passages: list[Passage], v: Verified, o: Origin,
             record: tuple[str, str]) -> list[Problem]:
    """Complete a date from the dateline of the source whose passage gives the date words."""
    kind, rid = record
    giving = [p for p in passages if contains_normal(normalise_quote(p.text), date.text)]
    sids = list(dict.fromkeys(p.source_id for p in giving or passages))
    datelines = {sid: v.sources[sid].record.dateline for sid in sids}
    undated = [sid for sid, line in datelines.items() if line is None]
    if undated:
        return [o.problem(f"resolve: dateline: source {undated[0]!r} states no publication date "
                          "(published: not stated), so there is nothing to resolve against; "
                          "leave 'resolve' out", "date", "resolve", record=rid)]
    dates = {line.date for line in datelines.values() if line}
    if len(dates) > 1:
        return [o.problem("resolve: dateline: the date words come from sources with different "
                          f"datelines ({', '.join(sorted(dates))}); cite one source for the date",
                          "date", "resolve", record=rid)]
    line = next(iter(datelines.values()))
    assert line is not None
    try:
        value = resolve_date(date.text, date.precision, date.value, line.date)
    except ValueError as exc:
        return [o.problem(f"resolve: dateline: {exc}", "date", "resolve", record=rid)]
    v.resolved[(kind, rid)] = Resolution(value, sids[0], line.text)
    return []


def check_event(loaded: Loaded[Event], v: Verified, records: Records) -> list[Problem]:
    event, o = loaded.record, loaded.origin
    problems = []
    for i, role in enumerate(event.roles):
        if role.actor not in v.actors:
            problems.append(o.problem(f"unknown actor {role.actor!r}", "roles", i, "actor",
                                      record=event.id))
    for i, iid in enumerate(event.issues):
        if iid not in v.issues:
            problems.append(o.problem(f"unknown issue {iid!r}", "issues", i, record=event.id))
    for i, rel in enumerate(event.relations):
        if rel.event == event.id:
            problems.append(o.problem("an event cannot be ordered against itself", "relations",
                                      i, "event", record=event.id))
        elif rel.event not in records.events:
            problems.append(o.problem(f"unknown event {rel.event!r}", "relations", i, "event",
                                      record=event.id))
    facts = v.facts_by_event.get(event.id, [])
    if not facts:
        problems.append(o.problem("no verified fact is about this event (facts name it under "
                                  "'event'); an event needs evidence", record=event.id))
        return problems
    evidence = normalise_quote(" ".join(p.text for f in facts for p in v.passages[f.record.id]))
    refers = {a for f in facts for ev in f.record.evidence for a in ev.refers.values()}
    for i, role in enumerate(event.roles):
        if role.actor in v.actors and role.actor not in refers and not v.naming.names_actor(
            evidence, role.actor
        ):
            problems.append(o.problem(
                f"actor {role.actor!r} is not named in the evidence of this event's facts (by "
                f"{_names(v.actors[role.actor].record)})", "roles", i, "actor", record=event.id))
    if event.date:
        found = date_problems(event.date, evidence, o, ("date",), event.id)
        problems.extend(found)
        if not found and event.date.resolve:
            passages = [p for f in facts for p in v.passages[f.record.id]]
            problems.extend(_resolve(event.date, passages, v, o, ("events", event.id)))
    if event.place and not contains_normal(evidence, event.place):
        problems.append(o.problem(f"place {event.place!r} does not occur in the evidence of "
                                  "this event's facts", "place", record=event.id))
    for i, rel in enumerate(event.relations):
        if not contains_normal(evidence, rel.text):
            problems.append(o.problem(f"ordering phrase {rel.text!r} does not occur in the "
                                      "evidence of this event's facts", "relations", i, "text",
                                      record=event.id))
    return problems


def _drop_event(eid: str, v: Verified) -> None:
    """Facts about an event that failed cannot stand on their own pages either."""
    for fid in [f.record.id for f in v.facts_by_event.get(eid, ()) if f.record.id in v.facts]:
        loaded = v.facts.pop(fid)
        v.passages.pop(fid, None)
        v.problems.append(loaded.origin.problem(
            f"left out: its event {eid!r} did not verify", "event", record=fid, follows=True))


def _check_order_cycles(v: Verified) -> None:
    """Orderings and dates, across all sources, must admit one order: refuse those that do not,
    naming every passage involved so the editor can see which sources disagree."""
    events = {eid: loaded.record for eid, loaded in v.events.items()}
    resolved = {rid: r.value for (kind, rid), r in v.resolved.items() if kind == "events"}
    calendar = calendar_values(events, resolved)
    for group in contradictions(events, calendar):
        said = _order_statements(group, events, calendar, v)
        for eid in sorted(group):
            loaded = v.events.pop(eid)
            key = "relations" if any(r.event in group for r in loaded.record.relations) else "date"
            v.problems.append(loaded.origin.problem(
                "these orderings and dates contradict each other (no order satisfies them all): "
                + "; ".join(said), key, record=eid))
            _drop_event(eid, v)


def _order_statements(group: set[str], events: dict[str, Event], calendar: dict[str, Value],
                      v: Verified) -> list[str]:
    said = []
    for eid in sorted(group):
        event = events[eid]
        for rel in event.relations:
            if rel.event in group and rel.relation != "during":
                said.append(f"{eid!r} {rel.relation} {rel.event!r} (\u201c{rel.text}\u201d, "
                            f"{_where(eid, rel.text, v)})")
        if eid in calendar and event.date:
            said.append(f"{eid!r} dated {calendar[eid].iso} (\u201c{event.date.text}\u201d, "
                        f"{_where(eid, event.date.text, v)})")
    return said


def _where(eid: str, phrase: str, v: Verified) -> str:
    """The source and line of the first passage of an event's facts that holds ``phrase``."""
    for loaded in v.facts_by_event.get(eid, ()):
        for p in v.passages.get(loaded.record.id, ()):
            if contains_normal(normalise_quote(p.text), phrase):
                return f"source {p.source_id!r} line {v.sources[p.source_id].line_of(p.start)}"
    return "no passage found"


def _check_unused(v: Verified) -> None:
    """Every actor and issue must be backed by at least one verified fact or event."""
    used_actors = {a for f in v.facts.values() for a in f.record.actors}
    used_actors |= {a for f in v.facts.values() if (a := f.record.attribution.actor)}
    used_actors |= {r.actor for e in v.events.values() for r in e.record.roles}
    used_actors |= {a for s in v.sources.values() for a in s.record.outlets}
    used_issues = {i for f in v.facts.values() for i in f.record.issues}
    used_issues |= {i for e in v.events.values() for i in e.record.issues}
    # With other problems about, an unused record is most likely their consequence.
    others = bool(v.problems)
    tables: tuple[tuple[dict[str, Loaded[Any]], set[str], str], ...] = (
        (v.actors, used_actors, "actor"), (v.issues, used_issues, "issue"))
    for table, used, kind in tables:
        for rid, loaded in list(table.items()):
            if rid not in used:
                v.problems.append(loaded.origin.problem(
                    f"no verified fact or event concerns this {kind}; a page needs evidence",
                    record=rid, follows=others))
                del table[rid]

