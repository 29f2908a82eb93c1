"""Review: the records added, changed and removed since a git revision, as a Markdown report.

Both sides go through the same loader, so records are compared as validated data: moving a record
to another file or reformatting its YAML is no change; editing a quote is. Each added or changed
record carries its status in the working tree (verified, or the problems that keep it off the
site), and each quote is shown in its context in the source, so that a reviewer can judge whether
the claim is a fair summary of the passage, the part a machine cannot check.
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .load import RECORD_SUFFIXES, Loaded, Records, load_file
from .pipeline import Result
from .problems import NO_KEY, Problem
from .quotes import Passage, QuoteError, resolve
from .records import Fact, RecordKind
from .sources import SourceText

CONTEXT_WORDS = 5
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")


class GitError(Exception):
    pass


def records_at(root: Path, base: str, facts_dir: str = "facts") -> Records:
    """The records as they were at git revision ``base``, loaded by the pipeline's own loader."""
    _git(root, "rev-parse", "--git-dir", error=f"{root} is not in a git repository")
    _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}",
         error=f"unknown git revision {base!r} (in CI, check out with fetch-depth: 0)")
    records = Records()
    listing = _git(root, "ls-tree", "-r", "-z", base, "--", facts_dir).decode("utf-8")
    entries = [e.split("\t", 1) for e in listing.split("\0") if e]
    for meta, path in sorted(entries, key=lambda e: e[1]):
        mode, kind, blob = meta.split()
        if kind == "blob" and mode != "120000" and path.endswith(RECORD_SUFFIXES):
            load_file(_git(root, "cat-file", "blob", blob), path, records)
    return records


def _git(root: Path, *args: str, error: str = "") -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode:
        raise GitError(error or f"git {args[0]} failed: {done.stderr.decode().strip()}")
    return done.stdout


@dataclass(frozen=True)
class Change:
    """One record added, changed, removed, or unchanged but failing because of another change.

    ``new`` is None when the record no longer validates; ``fields`` are the keys that changed.
    """

    change: str
    kind: RecordKind
    id: str
    old: Loaded[Any] | None
    new: Loaded[Any] | None
    fields: tuple[str, ...]
    problems: tuple[Problem, ...]
    verified: bool


def compare(old: Records, new: Records, result: Result) -> list[Change]:
    """Every record whose validated form differs between ``old`` and ``new``, by (kind, id)."""
    by_record, by_file = _index(result.problems)
    changes = []
    for kind in RecordKind:
        before, after = old.table(kind), new.table(kind)
        verified = result.verified.ids(kind)
        invalid = {rid for k, rid in by_record if k == kind and rid not in after}
        for rid in sorted({*before, *after, *invalid}):
            was, now = before.get(rid), after.get(rid)
            problems = by_record.get((kind, rid), [])
            if was is not None and now is None and not problems:
                problems = by_file.get(was.origin.file, [])  # its file no longer parses
            change, fields = _classify(was, now, bool(problems), rid in verified)
            if change:
                ok = rid in verified and change != "removed"
                changes.append(Change(change, kind, rid, was, now, fields, tuple(problems), ok))
    return changes


def _index(problems: list[Problem]) -> tuple[dict[tuple[RecordKind, str], list[Problem]],
                                             dict[str, list[Problem]]]:
    """Problems by (kind, record id), and problems about a whole file, by file."""
    by_record: dict[tuple[RecordKind, str], list[Problem]] = defaultdict(list)
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        if p.record and p.kind is not None:
            by_record[(p.kind, p.record)].append(p)
        elif p.key == NO_KEY and not p.record:
            by_file[p.file].append(p)
    return by_record, by_file


def _classify(was: Loaded[Any] | None, now: Loaded[Any] | None, failing: bool,
              verified: bool) -> tuple[str, tuple[str, ...]]:
    if was is None:
        return "added", ()
    if now is None:  # gone, or no longer valid
        return ("changed" if failing else "removed"), ()
    if was.record != now.record:
        return "changed", tuple(diff_keys(was.record.model_dump(), now.record.model_dump()))
    return ("" if verified else "unchanged"), ()


def diff_keys(old: Any, new: Any, key: str = "") -> list[str]:
    """Dotted keys at which two dumped records differ, as deep as they keep the same shape."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        names = dict.fromkeys([*old, *new])
        return [k for n in names for k in diff_keys(old.get(n), new.get(n), _join(key, n))]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [k for i, (a, b) in enumerate(zip(old, new, strict=True))
                for k in diff_keys(a, b, f"{key}[{i}]")]
    return [key]


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


SECTIONS = {"added": "Added", "changed": "Changed", "removed": "Removed",
            "unchanged": "Unchanged, with problems"}


def report(base: str, changes: list[Change], result: Result) -> str:
    """The Markdown report, made to be posted as a pull-request comment or a job summary."""
    out = [f"## factref review: records changed since `{base}`", ""]
    shown = {p for ch in changes for p in ch.problems}
    others = [p for p in result.problems if p not in shown and not p.record]
    if not changes and not others:
        return "\n".join([*out, "No record was added, changed or removed.", ""])
    counts = {c: counts_of(changes, c) for c in ("added", "changed", "removed")}
    touched = [ch for ch in changes if ch.change in ("added", "changed")]
    bad = sum(not ch.verified for ch in touched)
    summary = ", ".join(f"{n} {c}" for c, n in counts.items())
    summary += f"; {len(touched) - bad} verified, {bad} with problems"
    if broken := counts_of(changes, "unchanged"):
        summary += f"; {broken} unchanged record{'s' * (broken != 1)} with problems"
    out.append(summary + ".")
    for change, title in SECTIONS.items():
        group = [ch for ch in changes if ch.change == change]
        if group:
            out += ["", f"### {title}", ""]
            for ch in group:
                out += _entry(ch, result)
    if others:
        out += ["", "### Other problems", "", *(f"- ❌ {_problem(p)}" for p in others)]
    return "\n".join(out) + "\n"


def counts_of(changes: list[Change], change: str) -> int:
    return sum(ch.change == change for ch in changes)


def _entry(ch: Change, result: Result) -> list[str]:
    kind = ch.kind.singular
    loaded = ch.old if ch.change == "removed" else ch.new
    if ch.change == "removed":
        assert ch.old is not None
        origin = ch.old.origin
        return [f"- {kind} `{ch.id}` (was `{origin.file}:{origin.pos.line}`)",
                *_details(ch.kind, ch.old, result, removed=True)]
    if loaded is not None:
        where = f" (`{loaded.origin.file}:{loaded.origin.pos.line}`)"
    else:  # it no longer validates: show where its first problem is
        first = min(ch.problems, key=lambda p: (p.file, p.line), default=None)
        where = f" (`{first.file}:{first.line}`)" if first else ""
    lines = []
    if ch.verified:
        status = "verified"
    elif ch.problems:
        status, lines = f"problem: {_problem(ch.problems[0])}", [
            f"  - problem: {_problem(p)}" for p in ch.problems[1:]]
    else:
        status = "not verified"
    head = f"- {'✅' if ch.verified else '❌'} {kind} `{ch.id}`{where}: {status}"
    if ch.fields:
        lines.append(f"  - changed: {', '.join(f'`{f}`' for f in ch.fields)}")
    return [head, *lines, *(_details(ch.kind, loaded, result) if loaded else [])]


def _problem(p: Problem) -> str:
    key = p.key.in_record
    return f"{md(p.message)} (`{p.location}`{f', `{key}`' if key else ''})"


def _details(kind: str, loaded: Loaded[Any], result: Result, removed: bool = False) -> list[str]:
    record = loaded.record
    if kind == "sources":
        return [f"  - headline: {md(record.headline)}"]
    if kind != "facts":
        return [f"  - name: {md(record.name)}"]
    lines = [f"  - claim: {md(record.claim)}"]
    for i, ev in enumerate(record.evidence):
        passage = None if removed else _passage(record, i, result)
        source = result.verified.sources.get(ev.source)
        if passage is None or source is None:
            note = "" if removed else " (not pinned to one passage)"
            lines.append(f"  - `{ev.source}`: **{md(ev.quote)}**{note}")
            continue
        before, exact, after = in_context(source, passage.start, passage.end)
        lines.append(f"  - `{ev.source}` line {source.line_of(passage.start)}: "
                     f"{md(before)}**{md(exact)}**{md(after)}")
    return lines


def _passage(fact: Fact, index: int, result: Result) -> Passage | None:
    if fact.id in result.verified.passages:
        return result.verified.passages[fact.id][index]
    source = result.verified.sources.get(fact.evidence[index].source)
    try:
        return resolve(fact.evidence[index], source) if source else None
    except QuoteError:
        return None


def in_context(source: SourceText, start: int, end: int,
               words: int = CONTEXT_WORDS) -> tuple[str, str, str]:
    """The passage at raw ``start:end``, and a few words of the body on each side of it."""
    raw = source.raw
    before, after = raw[source.body_start : start], raw[end : source.body_end]
    head, tail = before.split(), after.split()
    lead = ("…" if len(head) > words else "") + " ".join(head[-words:])
    trail = " ".join(tail[:words]) + ("…" if len(tail) > words else "")
    lead += " " if lead and before[-1:].isspace() else ""
    trail = (" " if trail and after[:1].isspace() else "") + trail
    return lead, " ".join(raw[start:end].split()), trail


def md(text: str) -> str:
    """Record text is data: escape what Markdown would read as markup."""
    return _MARKUP.sub(r"\\\1", text)
