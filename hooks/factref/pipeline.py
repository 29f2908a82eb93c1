"""The whole pipeline in one call, for the MkDocs hooks and the command line alike."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .load import load_records
from .problems import Problem, ordered
from .records import RecordKind
from .site import Site, build_site
from .verify import Verified, verify


@dataclass(frozen=True)
class Result:
    verified: Verified
    site: Site
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def run(root: Path, facts_dir: str = "facts", seeds_dir: str = "seeds") -> Result:
    """Load, verify and model every record under ``root``; problems are collected, not raised."""
    with no_gc():
        records, problems = load_records(root, facts_dir)
        verified = verify(records, root, seeds_dir)
        problems = ordered(problems + verified.problems)
        _release(verified)
        return Result(verified, build_site(verified), problems)


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived, acyclic objects.

    Its full collections rescan every object made so far, which made loading superlinear: at
    50,000 facts it tripled the load time. Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _release(verified: Verified) -> None:
    """Drop what only verification needed, so the site build does not carry it: YAML trees
    re-read to locate problems, and the quote indexes."""
    for kind in RecordKind:
        if kind is RecordKind.SOURCES:
            continue
        for loaded in verified.loaded(kind).values():
            if loaded.origin.trees:
                loaded.origin.trees.forget()
    for source in verified.sources.values():
        source.body.drop_index()
