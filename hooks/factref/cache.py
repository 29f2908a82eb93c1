"""What `mkdocs serve` keeps between rebuilds, so that an edit re-reads and re-verifies only what
it touches. ``pipeline.run(root, cache=Cache())``; with no cache every run starts from nothing.

Each result is kept with exactly what it was computed from, and reused only when that is unchanged:

- a record file's parse (its validated records with their positions, and its problems), by the
  file's path and bytes. Rules across files (an id used twice, the order of records) are applied
  on every run, to the kept records as to fresh ones (``load.add_parsed``);
- a source's reading (``sources.read_source``), by its record and the SHA-256 of its seed file and
  saved original. A source that verified is reused for an equal record from an edited file; a
  problem, which points into the record's file, only while that file is unchanged;
- a fact's check (its problems, passages and resolved date), while its record comes from the same
  unchanged file and everything ``verify.check_fact`` reads beside it is unchanged: the actors'
  records, the issue and event ids, the sources that verified and those that did not. Any change
  there re-checks every fact: coarse, but an actor's new alias can change any fact's result.

Events, orderings, unused records, the site model and coverage read everything: they are cheap,
and computed again on every run. A different project, folders or ``factref.yml`` empties the cache.
``tests/test_cache.py`` checks, edit by edit, that a run with a cache equals one without.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dates import Resolution
from .load import Loaded, Parsed, Records, parse_file
from .problems import Problem
from .quotes import Passage
from .records import Fact, Source
from .settings import Settings
from .sources import SourceText, read_source
from .verify import FactCheck, Verified, check_fact


@dataclass(frozen=True)
class _File:
    data: bytes
    parsed: Parsed


@dataclass(frozen=True)
class _Source:
    loaded: Loaded[Source]
    seeds: Path
    digests: tuple[bytes | None, bytes | None]
    """SHA-256 of the seed file and of the saved original (None: no such file)."""
    result: SourceText | Problem


@dataclass(frozen=True)
class _Fact:
    loaded: Loaded[Fact]
    problems: tuple[Problem, ...]
    passages: tuple[Passage, ...]
    resolution: Resolution | None


class Cache:
    """Results of the previous run, by input; each run keeps only what it used, so an entry for
    a deleted file or record lasts one run at most."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Forget every result (``mkdocs serve`` does when it stops)."""
        self._scope: tuple[Any, ...] | None = None
        self._files: dict[str, _File] = {}
        self._sources: dict[str, _Source] = {}
        self._facts: dict[str, _Fact] = {}
        self._fact_context: tuple[Any, ...] | None = None
        self._kept: tuple[dict[str, _File], dict[str, _Source], dict[str, _Fact]] = ({}, {}, {})

    @contextmanager
    def reuse(self, root: Path, facts_dir: str, seeds_dir: str, settings: Settings
              ) -> Iterator[None]:
        """One run's loading and verification: what the previous run kept may be reused, and
        what this run uses is kept for the next; the rest is let go when the block ends."""
        scope = (root.resolve(), facts_dir, seeds_dir, settings)
        if scope != self._scope:
            self.clear()
            self._scope = scope
        self._kept = (self._files, self._sources, self._facts)
        self._files, self._sources, self._facts = {}, {}, {}
        try:
            yield
        finally:
            self._kept = ({}, {}, {})

    def parse(self, data: bytes, rel: str) -> Parsed:
        """``load.parse_file``, unless this very file was parsed before."""
        kept = self._kept[0].get(rel)
        if kept is None or kept.data != data:
            kept = _File(data, parse_file(data, rel))
        else:
            _forget_tree(kept.parsed)
        self._files[rel] = kept
        return kept.parsed

    def read_source(self, loaded: Loaded[Source], seeds: Path, seeds_rel: str
                    ) -> SourceText | Problem:
        """``sources.read_source``, unless the source and its files are unchanged."""
        source = loaded.record
        digests = (_digest(seeds / source.file),
                   _digest(seeds / source.original) if source.original is not None else None)
        kept = self._kept[1].get(source.id)
        if kept is None or kept.seeds != seeds or kept.digests != digests or not (
                kept.loaded is loaded
                or (isinstance(kept.result, SourceText) and kept.loaded.record == source)):
            result = read_source(loaded, seeds, seeds_rel)
        else:
            result = kept.result
        self._sources[source.id] = _Source(loaded, seeds, digests, result)
        return result

    def fact_checker(self, v: Verified, records: Records) -> FactCheck:
        """``verify.fact_checker``, reusing a fact's check while it and its context are the same."""
        context = (
            tuple((aid, loaded.record) for aid, loaded in v.actors.items()),
            tuple(v.issues), tuple(records.events), tuple(v.sources.items()),
            tuple(sorted(v.rejected_sources)),
        )
        kept = self._kept[2] if context == self._fact_context else {}
        self._fact_context = context

        def check(loaded: Loaded[Fact]) -> tuple[list[Problem], list[Passage]]:
            fid = loaded.record.id
            entry = kept.get(fid)
            if entry is None or entry.loaded is not loaded:
                problems, passages = check_fact(loaded, v, records)
                entry = _Fact(loaded, tuple(problems), tuple(passages),
                              v.resolved.get(("facts", fid)))
            elif entry.resolution is not None:
                v.resolved[("facts", fid)] = entry.resolution
            self._facts[fid] = entry
            return list(entry.problems), list(entry.passages)

        return check


def _forget_tree(parsed: Parsed) -> None:
    """A run may have parsed the file's tree again to locate a problem: drop it, as a run
    without a cache drops the file's records."""
    for item in parsed:
        if isinstance(item, Loaded) and item.origin.trees:
            item.origin.trees.forget()
            return  # one tree per file


def _digest(path: Path) -> bytes | None:
    return hashlib.sha256(path.read_bytes()).digest() if path.is_file() else None
