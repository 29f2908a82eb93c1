"""The whole pipeline in one call: one result for the MkDocs hook, every command and the benchmark.

``run`` loads the project's settings and records, verifies them against the sources, models the
site and measures coverage; every problem any step finds is in ``Result.problems``, so no caller
can apply a rule another skips.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache
from .coverage import SourceCoverage, coverage
from .load import load_records
from .problems import Problem, ordered
from .records import RecordKind
from .settings import Settings, load_settings
from .site import Site, build_site
from .verify import Verified, verify


@dataclass(frozen=True)
class Result:
    settings: Settings
    verified: Verified
    site: Site
    coverage: list[SourceCoverage]
    problems: list[Problem]
    """Every problem, causes first: a publishing path fails when this is not empty."""


STAGES = ("load", "verify", "model", "coverage")


def run(root: Path, facts_dir: str = "facts", seeds_dir: str = "seeds",
        timings: dict[str, float] | None = None, cache: Cache | None = None) -> Result:
    """Load, verify and model every record under ``root``; problems are collected, not raised.

    ``timings``, if given, receives the seconds each of the ``STAGES`` took (for the benchmark).
    ``cache`` (``mkdocs serve`` passes one) keeps what an unchanged file gave for the next run;
    the result is the same as without it (cache.py).
    """
    clock = _Clock(timings)
    with no_gc():
        settings, problems = load_settings(root)
        if cache is None:
            records, load_problems = load_records(root, facts_dir)
            clock.lap("load")
            verified = verify(records, root, seeds_dir)
        else:
            with cache.reuse(root, facts_dir, seeds_dir, settings):
                records, load_problems = load_records(root, facts_dir, parse=cache.parse)
                clock.lap("load")
                verified = verify(records, root, seeds_dir, read=cache.read_source,
                                  checker=cache.fact_checker)
        _release(verified)
        clock.lap("verify")
        site = build_site(verified)
        clock.lap("model")
        reports, coverage_problems = coverage(site, settings.coverage)
        site.coverage = reports
        clock.lap("coverage")
        problems = ordered(problems + load_problems + verified.problems + coverage_problems)
        return Result(settings, verified, site, reports, problems)


class _Clock:
    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[stage] = now - self.last
            self.last = now


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
