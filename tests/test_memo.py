"""Per-record results reused across `mkdocs serve` rebuilds (hooks/factref/memo.py): after any
edit, the export, the connections, the search entries and the pages (maps included) made with a
warm memo equal those made from nothing, and only what the edit touched is made again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import factref.export
import pytest
from factref.cache import Cache
from factref.export import dumps, export, export_text
from factref.memo import Memo
from factref.pipeline import Result, run
from factref.relations import connect, connections
from factref.render import Renderer
from factref.search import entries
from test_cache import CLAIMS, multi_copy, plain, repository_copy


class Served:
    """A copy of a fact base, rebuilt as `mkdocs serve` does: one cache, one memo."""

    def __init__(self, root: Path) -> None:
        self.root, self.cache, self.memo = root, Cache(), Memo()
        self.rebuild()

    def rebuild(self) -> tuple[Result, str]:
        result = run(self.root, cache=self.cache)
        self.memo.next_rebuild()
        connect(result.site, self.memo)
        return result, export_text(result, self.memo)

    def replace(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def check(self) -> Result:
        """The warm rebuild's results equal those made from nothing; returns its result."""
        warm, text = self.rebuild()
        cold = run(self.root)
        assert text == dumps(export(cold), compact=True)
        assert plain(warm.site.connections) == plain(connections(cold.site))
        assert entries(warm.site, self.memo) == entries(cold.site)
        # every page, maps included (their layouts and drawings are reused too)
        assert Renderer(warm.site, memo=self.memo).pages() == Renderer(cold.site).pages()
        return warm


@pytest.fixture
def base(tmp_path: Path) -> Served:
    return Served(repository_copy(tmp_path))


@pytest.fixture
def multi(tmp_path: Path) -> Served:
    return Served(multi_copy(tmp_path))


def _dumped(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every record the export turns into JSON from now on."""
    seen: list[object] = []
    real = factref.export._dump

    def spy(record: object) -> object:
        seen.append(record)
        return real(record)  # type: ignore[arg-type]

    monkeypatch.setattr(factref.export, "_dump", spy)
    return seen


def test_an_edited_claim_is_made_again_and_nothing_else(
    multi: Served, monkeypatch: pytest.MonkeyPatch,
) -> None:
    dumped = _dumped(monkeypatch)
    multi.rebuild()
    assert dumped == []  # nothing changed: every record's JSON is reused
    multi.replace("facts/claims/harbour-herald-launch.yml", "claim: Norland launched an",
                  "claim: Norland fired an")
    warm, _ = multi.rebuild()
    # the file's two facts (it was parsed again), nothing else
    assert sorted(getattr(r, "id", "") for r in dumped) == sorted(
        fid for fid, loaded in warm.verified.facts.items()
        if loaded.origin.file == "facts/claims/harbour-herald-launch.yml")
    assert multi.check().verified.facts["norland-launched-icbm"].record.claim.startswith(
        "Norland fired")


EDITS: dict[str, Callable[[Served], None]] = {
    "claim": lambda b: b.replace(CLAIMS, "claim: Xi Jinping posed",
                                 "claim: President Xi Jinping posed"),
    "actor renamed": lambda b: b.replace("facts/actors.yml", "name: Lee Jae Myung",
                                         "name: Lee Jae-myung"),
    "quote broken": lambda b: b.replace(CLAIMS, "quote: President Xi Jinping posed for selfies",
                                        "quote: President Xi Jinping posed for photos"),
    "attribution": lambda b: b.replace(CLAIMS, "kind: narration", "kind: report"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_after_an_edit_and_its_revert_the_results_equal_a_fresh_run(
    base: Served, edit: str,
) -> None:
    before = {p: (base.root / p).read_bytes() for p in (CLAIMS, "facts/actors.yml")}
    EDITS[edit](base)
    base.check()
    for rel, data in before.items():
        (base.root / rel).write_bytes(data)
    base.check()


def test_a_changed_source_record_and_a_moved_fact(multi: Served) -> None:
    multi.replace("facts/sources.yml", "publisher: Harbour", "publisher: The Harbour")
    multi.check()
    # a fact's event changes its home page: relations and search entries follow it
    multi.replace("facts/events.yml", "id: ministers-meeting", "id: ministers-meeting-2")
    multi.check()


def test_a_fact_on_another_page_links_there(multi: Served) -> None:
    """A fact's relations point to the page it is on, which can change while the fact does not
    (another record's facts can push it to a sub-page): the link is part of what is reused."""
    result, _ = multi.rebuild()
    site = result.site
    fid = "sudmark-estmark-coordinate"
    assert any(r.href.startswith(site.facts[fid].home) for link in site.connections.links
               for r in link.relations)
    site.plans.homes[fid] = "actors/sudmark/page-2.md"  # as a re-plan would move it
    multi.memo.next_rebuild()
    assert plain(connections(site, multi.memo)) == plain(connections(site))
