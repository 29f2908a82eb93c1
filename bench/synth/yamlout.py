"""The record files, written line by line as an editor would (flow maps, plain scalars)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .pieces import Actor, EventRec

HEADER = "# yaml-language-server: $schema={}schemas/record-file.json\n"
ACTOR_SECTIONS = {
    "person": "# People",
    "state": "# States",
    "organisation": "# Organisations",
    "outlet": "# News outlets",
}

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 '\u2019.,;()\-\u2013\u2014/&]*")
_NULLS = {"null", "Null", "NULL", "~"}


def y(value: str, flow: bool = False) -> str:
    """A YAML scalar: plain when that reads back as the same string, else double-quoted."""
    plain = (
        _PLAIN.fullmatch(value)
        and value not in _NULLS
        and not value.endswith((" ", ":"))
        and ": " not in value
        and " #" not in value
        and not (flow and any(c in value for c in ",[]{}"))
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def flow_map(d: dict) -> str:
    return "{" + ", ".join(f"{k}: {y(str(v), flow=True)}" for k, v in d.items()) + "}"


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(y(i, flow=True) for i in items) + "]"


def write_facts(path: Path, facts: list[dict]) -> None:
    lines = [HEADER.format("../../"), "facts:\n"]
    for f in facts:
        lines.append(f"  - id: {f['id']}\n")
        lines.append(f"    claim: {y(f['claim'])}\n")
        if f.get("actors"):
            lines.append(f"    actors: {flow_list(f['actors'])}\n")
        if f.get("issues"):
            lines.append(f"    issues: {flow_list(f['issues'])}\n")
        if f.get("event"):
            lines.append(f"    event: {f['event']}\n")
        lines.append(f"    attribution: {flow_map(f['attribution'])}\n")
        if f.get("date"):
            lines.append(f"    date: {flow_map(f['date'])}\n")
        lines.append("    evidence:\n")
        for ev in f["evidence"]:
            lines.append(f'      - source: "{ev["source"]}"\n')
            lines.append(f"        quote: {y(ev['quote'])}\n")
            if "prefix" in ev:
                lines.append(f"        prefix: {y(ev['prefix'])}\n")
            if ev.get("refers"):
                lines.append(f"        refers: {flow_map(ev['refers'])}\n")
    path.write_text("".join(lines), encoding="utf-8")


def write_actors(path: Path, actors: list[Actor]) -> None:
    lines = [HEADER.format("../"), "actors:\n"]
    for kind, comment in ACTOR_SECTIONS.items():
        lines.append(f"  {comment}\n")
        for a in actors:
            if a.kind != kind:
                continue
            lines += [f"  - id: {a.id}\n", f"    name: {y(a.name)}\n", f"    kind: {a.kind}\n"]
            if a.aliases:
                lines.append(f"    aliases: {flow_list(a.aliases)}\n")
    path.write_text("".join(lines), encoding="utf-8")


def write_issues(path: Path, issues: dict[str, str]) -> None:
    lines = [HEADER.format("../"), "issues:\n"]
    for iid, name in issues.items():
        lines += [f"  - id: {iid}\n", f"    name: {y(name)}\n"]
    path.write_text("".join(lines), encoding="utf-8")


def write_events(path: Path, events: list[EventRec], used: set[str]) -> None:
    lines = [HEADER.format("../"), "events:\n"]
    for ev in events:
        lines += [f"  - id: {ev.id}\n", f"    name: {y(ev.name)}\n"]
        if ev.date:
            lines.append(f"    date: {flow_map(ev.date)}\n")
        lines.append(f"    place: {y(ev.place)}\n")
        lines.append("    roles:\n")
        lines += [f"      - {{actor: {a}, role: {r}}}\n" for a, r in ev.roles]
        relations = [(r, e, t) for r, e, t in ev.relations if e in used]
        if relations:
            lines.append("    relations:\n")
            lines += [
                f"      - {{relation: {r}, event: {e}, text: {y(t, flow=True)}}}\n"
                for r, e, t in relations
            ]
        lines.append(f"    issues: {flow_list(ev.issues)}\n")
    path.write_text("".join(lines), encoding="utf-8")
