"""Under `mkdocs serve`, per-record results carried from one rebuild to the next.

The serve cache (cache.py) hands back the very same record, passage and source objects for every
record file an edit left alone. Whatever is computed from those objects alone (a record's JSON
in the export, the relations a fact makes, a page's search words) is then the same as last time:
it is kept with the objects it came from and reused while exactly those objects (compared by
identity) come back. The objects are held with their result, so their ids cannot be taken by new
objects meanwhile; each rebuild keeps only what it used, so nothing outlives the rebuild after
its records are gone. The records are never changed in place (the pipeline builds new ones from
the files), which is what makes identity enough.

Every user takes a ``Memo | None``: without one (a build, the command line) everything is
computed as before; ``tests/test_memo.py`` checks that a memo changes no result.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """Results by (part, the identities of the objects they came from)."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[tuple[object, ...], Any]] = {}
        self._used: dict[Hashable, tuple[tuple[object, ...], Any]] = {}

    def get(self, part: str, sources: tuple[object, ...], compute: Callable[[], T],
            extra: Hashable = None) -> T:
        """``compute()``, unless this part was computed from these very objects (and an equal
        ``extra``, for plain values such as a link's target) by the previous rebuild or this one.
        """
        key = (part, extra, *map(id, sources))
        hit = self._used.get(key) or self._kept.get(key)
        value: T = compute() if hit is None else hit[1]
        self._used[key] = (sources, value)
        return value

    def has(self, part: str, sources: tuple[object, ...], extra: Hashable = None) -> bool:
        """Whether ``get`` would reuse a result (to compute the others in one batch)."""
        key = (part, extra, *map(id, sources))
        return key in self._used or key in self._kept

    def next_rebuild(self) -> None:
        """Start a rebuild: what the last one used may be reused; the rest is let go."""
        self._kept, self._used = self._used, {}
