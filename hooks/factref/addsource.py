"""Register a source in one step: copy it into seeds/, pin it, name it, propose its body and date.

``factref add-source`` calls :func:`prepare` (pure: bytes and the registry in, a proposal out) and
then :func:`register`, which writes the files, checks that the registry still loads and that the
new source verifies, and undoes everything if it does not.

Source ids follow one convention, ``NNN_HHHHHHHHHHHHHHHH``: a three-digit sequence number (one
more than the highest registered so far) and the first 16 hex digits of the SHA-256 of the file
as it was received (the saved page, for a web page). Ids are computed once and never recomputed,
so they stay stable when a record moves; the sequence makes them unique and sorts them by
registration, the digest ties them to the bytes and makes a second registration of the same file
visible. The first source, ``000_ed07831bd54794ff``, predates the convention: its digits are not
derived from its file, and it keeps its id, as every cited id must.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import dateline
from .bodybounds import BoundsError, Found, body_bounds
from .load import Records, load_file
from .pipeline import run
from .problems import Problem
from .recordfile import RecordFileError, add_item, scalar
from .records import ID_PATTERN, SOURCE_KINDS
from .schema import RECORD_FILE, SCHEMA_DIR
from .webpage import MAX_PAGE_BYTES, PageError, read_page

__all__ = ["SOURCE_KINDS", "AddSourceError", "Proposal", "prepare", "register", "registered",
           "confirmation", "source_id", "next_sequence"]
CONVENTIONAL_ID = re.compile(r"^(?P<seq>\d{3,})_(?P<digest>[0-9a-f]{16})$")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SEEDS = "seeds"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class AddSourceError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Registered:
    """What is already registered: ids and pinned digests (of texts and originals)."""

    ids: frozenset[str]
    digests: dict[str, str] = field(default_factory=dict)
    """SHA-256 → the id of the source pinning it."""


@dataclass
class Proposal:
    """The registry entry and the files for a new source, with what the editor must confirm."""

    id: str
    text_name: str
    text: bytes
    entry: dict[str, Any]
    original_name: str | None = None
    original: bytes | None = None
    starts_with: Found | None = None
    ends_with: Found | None = None
    dateline: Found | None = None
    notes: list[str] = field(default_factory=list)
    from_page: dict[str, str] = field(default_factory=dict)
    """Fields read from the saved page's metadata (headline, publisher), to confirm."""


def source_id(sequence: int, digest: str) -> str:
    """The conventional id: ``NNN_`` and the first 16 hex digits of the received file's digest."""
    sid = f"{sequence:03d}_{digest[:16]}"
    assert re.match(ID_PATTERN, sid), sid
    return sid


def next_sequence(ids: Iterable[str]) -> int:
    """One more than the highest sequence number among conventional ids (0 for the first)."""
    numbers = [int(m["seq"]) for sid in ids if (m := CONVENTIONAL_ID.match(sid))]
    return max(numbers, default=-1) + 1


def prepare(name: str, data: bytes, registered: Registered, options: dict[str, Any]) -> Proposal:
    """Everything ``add-source`` will write for the file ``name`` holding ``data``."""
    digest = hashlib.sha256(data).hexdigest()
    if digest in registered.digests:
        raise AddSourceError(f"{name} is already registered, as source "
                             f"{registered.digests[digest]!r} (same SHA-256)")
    sid = options.get("id") or source_id(next_sequence(registered.ids), digest)
    if not re.match(ID_PATTERN, sid):
        raise AddSourceError(f"--id {sid!r} is not a valid id: use lower-case letters, digits, "
                             "'-' and '_', at most 80 characters")
    if sid in registered.ids:
        raise AddSourceError(f"source id {sid!r} is already registered; choose another --id")
    if name.lower().endswith(HTML_SUFFIXES):
        return _from_page(sid, name, data, registered, options)
    raw = _text(name, data)
    proposal = Proposal(sid, f"{sid}.txt", data, {})
    return _complete(proposal, raw, digest, None, options)


def _from_page(sid: str, name: str, data: bytes, registered: Registered,
               options: dict[str, Any]) -> Proposal:
    try:
        page = read_page(data, name)
    except PageError as exc:
        raise AddSourceError(exc.message) from None
    text = page.text.encode("utf-8")
    text_digest = hashlib.sha256(text).hexdigest()
    if text_digest in registered.digests:
        raise AddSourceError(f"the article text of {name} is already registered, as source "
                             f"{registered.digests[text_digest]!r} (same SHA-256)")
    proposal = Proposal(sid, f"{sid}.txt", text, {}, f"{sid}.html", data)
    for key, value in (("headline", page.title), ("publisher", page.sitename)):
        if value and not options.get(key):
            options = {**options, key: value}
            proposal.from_page[key] = value
    return _complete(proposal, page.text, hashlib.sha256(data).hexdigest(), page.date, options)


def _text(name: str, data: bytes) -> str:
    if len(data) > MAX_PAGE_BYTES:
        raise AddSourceError(f"{name} is {len(data) / 2**20:.1f} MB; a source text is at most "
                             f"{MAX_PAGE_BYTES // 2**20} MB")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AddSourceError(f"{name} is not valid UTF-8 (byte {exc.start}); convert it first, "
                             "e.g. iconv -f windows-1252 -t utf-8") from None
    if bad := _CONTROL.search(raw):
        line = raw.count("\n", 0, bad.start()) + 1
        raise AddSourceError(f"{name}: line {line} holds the control character "
                             f"U+{ord(bad[0]):04X}; a source text is plain text")
    if not raw.strip():
        raise AddSourceError(f"{name} is empty")
    return raw


def _complete(proposal: Proposal, raw: str, digest: str, page_date: datetime.date | None,
              options: dict[str, Any]) -> Proposal:
    for key, option in (("kind", "--kind"), ("headline", "--headline"),
                        ("publisher", "--publisher")):
        if not options.get(key):
            raise AddSourceError(f"{option} is required" + (
                f": one of {', '.join(SOURCE_KINDS)}" if key == "kind" else ""))
    try:
        proposal.starts_with, proposal.ends_with = body_bounds(
            raw, options.get("starts_with"), options.get("ends_with"))
    except BoundsError as exc:
        raise AddSourceError(exc.message) from None
    published = _published(raw, page_date, options.get("dateline"), proposal)
    entry: dict[str, Any] = {"id": proposal.id, "kind": options["kind"],
                             "file": proposal.text_name,
                             "sha256": hashlib.sha256(proposal.text).hexdigest()}
    if proposal.original is not None:
        entry |= {"original": proposal.original_name, "original_sha256": digest}
    for key in ("headline", "byline", "contributors", "publisher", "distributor", "copy_of",
                "url", "retrieved", "outlets"):
        if options.get(key):
            entry[key] = list(options[key]) if key in ("contributors", "outlets") \
                else str(options[key])
    entry["published"] = published
    entry["body"] = {"starts_with": proposal.starts_with.text,
                     "ends_with": proposal.ends_with.text}
    proposal.entry = entry
    return proposal


def _published(raw: str, page_date: datetime.date | None, chosen: str | None,
               proposal: Proposal) -> dict[str, str] | str:
    dates = dateline.full_dates(raw)
    if chosen == "not stated":
        return "not stated"
    if chosen:
        picked = next((d for d in dates if d.text == chosen), None)
        if picked is None:
            raise AddSourceError(f"--dateline {chosen!r}: no full date written so is in the "
                                 f"file; found: {_listed(dates)}")
    elif page_date is not None:
        picked = next((d for d in dates if d.value == page_date), None)
        if picked is None:
            proposal.notes.append(
                f"the page's markup gives {page_date.isoformat()} as its publication date, but "
                "its text writes no such date, so 'published' says 'not stated'; if the page "
                "shows a dateline, give its words with --dateline")
            return "not stated"
    else:
        picked = dates[0] if dates else None
    if picked is None:
        proposal.notes.append("no full date (like 'March 25, 2022') is written in the file, so "
                              "'published' says 'not stated'")
        return "not stated"
    others = [d for d in dates if d.value != picked.value]
    if others and not chosen:
        proposal.notes.append(f"the file writes other dates too ({_listed(others)}); if one of "
                              "them is the dateline, give its words with --dateline")
    proposal.dateline = Found(picked.text, raw.count("\n", 0, picked.start) + 1)
    return {"date": picked.iso, "text": picked.text}


def _listed(dates: list[dateline.WrittenDate]) -> str:
    return ", ".join(repr(d.text) for d in dates[:5]) or "none"


def source_yaml(entry: dict[str, Any]) -> list[str]:
    """The registry entry as block YAML lines in the house style, starting with ``- id:``."""
    lines: list[str] = []
    for key, value in entry.items():
        lead = "- " if not lines else "  "
        if key == "id":
            lines.append(f'{lead}id: "{value}"')
        elif isinstance(value, list):
            lines.append(f"{lead}{key}: [{', '.join(scalar(v) for v in value)}]")
        elif isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            lines.extend(f"    {k}: {scalar(v)}" for k, v in value.items())
        else:
            lines.append(f"{lead}{key}: {scalar(value)}")
    return lines


def registry_text(old: str | None, proposal: Proposal, schema_ref: str) -> tuple[str, int]:
    """The registry file's text with the new entry appended to its sources; and its line."""
    return add_item(old, "sources", source_yaml(proposal.entry), schema_ref)


def registered(records: Records) -> Registered:
    """The ids and pinned digests of the sources that load."""
    digests = {}
    for sid, loaded in records.sources.items():
        for name in ("sha256", "original_sha256"):
            if digest := getattr(loaded.record, name, None):
                digests[digest] = sid
    return Registered(frozenset(records.sources), digests)


def register(root: Path, proposal: Proposal, registry_rel: str) -> Outcome:
    """Write the seeds files and the registry entry; undo both unless the new source verifies."""
    seeds = root / SEEDS
    files = [(seeds / proposal.text_name, proposal.text)]
    if proposal.original_name and proposal.original is not None:
        files.append((seeds / proposal.original_name, proposal.original))
    for path, _ in files:
        if path.exists():
            raise AddSourceError(f"{SEEDS}/{path.name} already exists; sources are never "
                                 "overwritten (give another --id)")
    registry = root / registry_rel
    old = registry.read_text(encoding="utf-8") if registry.is_file() else None
    schema = os.path.relpath(root / SCHEMA_DIR / RECORD_FILE, registry.parent)
    try:
        text, line = registry_text(old, proposal, Path(schema).as_posix())
    except RecordFileError as exc:
        raise AddSourceError(f"cannot add the source to {registry_rel}: {exc.message}") from None
    _check_entry(text, registry_rel, proposal.id, line)
    seeds.mkdir(parents=True, exist_ok=True)
    for path, data in files:
        path.write_bytes(data)
    registry.parent.mkdir(parents=True, exist_ok=True)
    registry.write_text(text, encoding="utf-8")
    result = run(root)
    problems = [p for p in result.problems if p.record == proposal.id]
    if proposal.id not in result.verified.sources:
        _undo(registry, old, [path for path, _ in files])
        shown = "\n".join(str(p) for p in problems) or "it did not verify"
        raise AddSourceError(f"the new source did not verify, so nothing was written:\n{shown}")
    report = next(r for r in result.coverage if r.source_text.record.id == proposal.id)
    required = result.settings.coverage.rule(proposal.id) == "full"
    # Its uncited sentences follow from its being new: counted in the last line, not listed.
    return Outcome(line, [p for p in problems if not p.follows], report.claim_bearing, required)


@dataclass(frozen=True)
class Outcome:
    line: int
    problems: list[Problem]
    sentences: int
    """Claim-bearing body sentences, every one still to be cited (or declared a non-claim)."""
    required: bool = False
    """Whether the project's coverage policy (factref.yml) requires every one to be cited."""


def _check_entry(text: str, rel: str, sid: str, line: int) -> None:
    """Refuse an entry that would not load: the registry must parse and the record validate."""
    records = Records()
    problems = [p for p in load_file(text.encode("utf-8"), rel, records)
                if p.record == sid or (not p.record and p.line >= line)]
    if problems or sid not in records.sources:
        shown = "\n".join(str(p) for p in problems) or f"source {sid!r} did not load"
        raise AddSourceError(f"the registry entry would not load, so nothing was written:\n"
                             f"{shown}")


def _undo(registry: Path, old: str | None, written: list[Path]) -> None:
    if old is None:
        registry.unlink(missing_ok=True)
    else:
        registry.write_text(old, encoding="utf-8")
    for path in written:
        path.unlink(missing_ok=True)


def confirmation(proposal: Proposal, outcome: Outcome, registry_rel: str) -> list[str]:
    """What the editor must read and confirm, as lines for the terminal."""
    text_sha = proposal.entry["sha256"]
    lines = [f"registered source {proposal.id!r} ({proposal.entry['kind']}) in "
             f"{registry_rel}:{outcome.line}",
             f"  {SEEDS}/{proposal.text_name}  SHA-256 {text_sha}"]
    if proposal.original_name:
        lines.append(f"  {SEEDS}/{proposal.original_name}  SHA-256 "
                     f"{proposal.entry['original_sha256']} (the saved page; the .txt is the "
                     "article text trafilatura extracted from it)")
    lines.append(f"confirm in {registry_rel}, and correct what is wrong:")
    assert proposal.starts_with and proposal.ends_with
    lines += [f"  body starts with (line {proposal.starts_with.line}): "
              f"{proposal.starts_with.text!r}",
              f"  body ends with (line {proposal.ends_with.line}): {proposal.ends_with.text!r}"]
    published = proposal.entry["published"]
    if isinstance(published, dict) and proposal.dateline:
        lines.append(f"  published: {published['date']}, read from the words "
                     f"{published['text']!r} (line {proposal.dateline.line})")
    else:
        lines.append("  published: not stated")
    lines.append(f"  kind: {proposal.entry['kind']}")
    for key, value in proposal.from_page.items():
        lines.append(f"  {key}: {value!r} (from the page's metadata)")
    lines += [f"note: {note}" for note in proposal.notes]
    lines += [str(p) for p in outcome.problems]
    must = " (factref.yml requires every one)" if outcome.required else ""
    lines.append(f"next: {outcome.sentences} claim-bearing body sentences to cite{must} with "
                 f"factref new {proposal.id} \"QUOTE\" (or to declare under non_claims)")
    return lines
