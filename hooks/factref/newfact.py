"""``factref new`` around the pure scaffold: write a fact only if it verifies, or keep a draft.

The fact is written to its record file and the whole pipeline run on the project, exactly as
``factref check`` would; if the new record has problems the file is put back as it was. With
``--draft`` it is kept instead under a ``drafts:`` list, which the loader never publishes and
always reports, so that ``factref check`` and the strict build fail until the draft is finished
and moved under ``facts:``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .load import DRAFTS, Records
from .naming import Naming
from .pipeline import run
from .problems import Problem
from .recordfile import RecordFileError, add_item
from .records import Fact
from .scaffold import ScaffoldError, add_fact, fact_yaml
from .schema import RECORD_FILE, SCHEMA_DIR
from .sources import SourceText
from .suggest import KnownActor, suggestions
from .text import normalise_quote


@dataclass(frozen=True)
class Written:
    """Where the record went: as a fact (it verified), as a draft, or nowhere."""

    status: str
    """"fact", "draft" or "not written"."""
    line: int
    problems: list[Problem]


def write_checked(root: Path, rel: str, fact: Fact, *, draft: bool) -> Written:
    """Add ``fact`` to ``rel`` if it verifies; otherwise restore the file, or keep a draft."""
    path = root / rel
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    schema = Path(os.path.relpath(root / SCHEMA_DIR / RECORD_FILE, path.parent)).as_posix()
    try:
        text, line = add_fact(old, fact, schema)
    except ScaffoldError as exc:
        raise ScaffoldError(f"cannot add the fact to {rel}: {exc.message}") from None
    _write(path, text)
    problems = [p for p in run(root).problems if p.file == rel and
                (p.record == fact.id or (not p.record and p.line >= line))]
    if not problems:
        return Written("fact", line, [])
    _restore(path, old)
    if not draft:
        return Written("not written", line, problems)
    try:
        text, line = add_item(old, DRAFTS, fact_yaml(fact, indent=""), schema)
    except RecordFileError as exc:
        raise ScaffoldError(f"cannot add the draft to {rel}: {exc.message}") from None
    _write(path, text)
    return Written("draft", line, problems)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _restore(path: Path, old: str | None) -> None:
    if old is None:
        path.unlink()
    else:
        path.write_text(old, encoding="utf-8")


def fact_suggestions(fact: Fact, records: Records, sources: dict[str, SourceText]) -> list[str]:
    """Aliases for the fact's actors that its quotes name in an undeclared way, and records for
    the people its quotes name who have none."""
    actors = {aid: KnownActor(loaded.record, f"{loaded.origin.file}:{loaded.origin.pos.line}")
              for aid, loaded in records.actors.items()}
    naming = Naming(a.actor for a in actors.values())
    quotes = [ev.quote for ev in fact.evidence]
    evidence = normalise_quote(" ".join(quotes))
    refers = {a for ev in fact.evidence for a in ev.refers.values()}
    wanted = [*fact.actors, *([fact.attribution.actor] if fact.attribution.actor else [])]
    unnamed = [a for a in dict.fromkeys(wanted)
               if a not in refers and a in actors and not naming.names_actor(evidence, a)]
    texts = " ".join(sources[s].raw for s in dict.fromkeys(ev.source for ev in fact.evidence)
                     if s in sources)
    return suggestions(quotes, unnamed, texts, actors, naming)
