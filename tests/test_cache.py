"""The serve cache (hooks/factref/cache.py): after any edit, a run that reuses the previous run's
results gives exactly what a run from nothing gives, and re-reads only what the edit touched.

Each test warms a cache on a copy of a real fact base, edits the copy, then compares the warm
run's whole result (problems, verified records, passages, resolved dates, site model, coverage)
with a cold run's on the same files.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import factref.load
import factref.verify
import pytest
from conftest import ROOT
from factref.cache import Cache
from factref.export import dumps, export
from factref.pipeline import Result, run
from factref.site import FactView
from pydantic import BaseModel

MULTI = ROOT / "tests" / "fixtures" / "multi"
CLAIMS = "facts/claims/000_ed07831bd54794ff.yml"
SEED = "seeds/000_ed07831bd54794ff.txt"


def plain(value: Any) -> Any:
    """``value`` as nested lists and tuples of plain data, for comparing two runs' results: dicts
    keep their order (pages list records in it); a fact's view is named by its fact."""
    if isinstance(value, FactView):  # compared by identity, and cited everywhere: by its fact
        return ("view", value.fact.id, value.home, plain(value.citations))
    if isinstance(value, BaseModel):
        return (type(value).__name__, value.model_dump(mode="json"))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, [(f.name, plain(getattr(value, f.name)))
                                       for f in dataclasses.fields(value) if f.compare])
    if isinstance(value, dict):
        return [(plain(k), plain(v)) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(plain(v)) for v in value)
    if isinstance(value, (str, int, float, bool, Enum)) or value is None:
        return value
    return (type(value).__name__, plain(vars(value)))  # e.g. the actors' Naming


def same(warm: Result, cold: Result) -> None:
    assert [str(p) for p in warm.problems] == [str(p) for p in cold.problems]
    assert warm.problems == cold.problems
    assert dumps(export(warm)) == dumps(export(cold))
    assert plain(warm.verified) == plain(cold.verified)
    assert plain(warm.site) == plain(cold.site)
    assert plain(warm.coverage) == plain(cold.coverage)


class Base:
    """A copy of a fact base, a cache warmed on it, and a check after each edit."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache = Cache()
        run(root, cache=self.cache)

    def path(self, rel: str) -> Path:
        return self.root / rel

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.path(rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        self.path(rel).write_text(text.replace(old, new, 1), encoding="utf-8")

    def check(self) -> Result:
        """The warm run equals the cold one; returns it."""
        warm = run(self.root, cache=self.cache)
        same(warm, run(self.root))
        return warm


def repository_copy(tmp_path: Path) -> Path:
    """This repository's fact base: one big claims file, its seed, events, full coverage."""
    for name in ("facts", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copyfile(ROOT / "factref.yml", tmp_path / "factref.yml")
    return tmp_path


def multi_copy(tmp_path: Path) -> Path:
    """tests/fixtures/multi: four sources, a file of claims each, dates resolved from datelines."""
    return Path(shutil.copytree(MULTI, tmp_path / "multi"))


@pytest.fixture
def base(tmp_path: Path) -> Base:
    return Base(repository_copy(tmp_path))


@pytest.fixture
def multi(tmp_path: Path) -> Base:
    return Base(multi_copy(tmp_path))


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """The bytes of every record file the YAML loader parses from now on."""
    seen: list[bytes] = []
    real = factref.load.load_yaml

    def spy(data: bytes, **kwargs: Any) -> Any:
        seen.append(data)
        return real(data, **kwargs)

    monkeypatch.setattr(factref.load, "load_yaml", spy)
    yield seen


@pytest.fixture
def quotes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every quote verified against its source from now on."""
    seen: list[str] = []
    real = factref.verify.resolve

    def spy(evidence: Any, source: Any) -> Any:
        seen.append(evidence.quote)
        return real(evidence, source)

    monkeypatch.setattr(factref.verify, "resolve", spy)
    yield seen


def test_an_unchanged_run_parses_and_verifies_nothing_again(
    base: Base, parsed: list[bytes], quotes: list[str]
) -> None:
    warm = run(base.root, cache=base.cache)
    assert parsed == [] and quotes == []
    cold = run(base.root)
    assert len(parsed) == 5 and len(quotes) > 50  # what the cache saved
    same(warm, cold)


def test_an_edited_claim_reparses_and_reverifies_its_file_only(
    multi: Base, parsed: list[bytes], quotes: list[str]
) -> None:
    rel = "facts/claims/harbour-herald-launch.yml"
    multi.replace(rel, "claim: Norland launched an", "claim: Norland fired an")
    warm = run(multi.root, cache=multi.cache)
    assert parsed == [multi.path(rel).read_bytes()]
    assert len(quotes) == 3  # the file's two facts: two quotes and one
    assert warm.verified.facts["norland-launched-icbm"].record.claim.startswith("Norland fired")
    same(warm, run(multi.root))


def test_an_edited_claim(base: Base) -> None:
    base.replace(CLAIMS, "claim: Xi Jinping posed", "claim: President Xi Jinping posed")
    assert base.check().problems == []


def test_a_quote_that_no_longer_matches_then_fixed(base: Base) -> None:
    clean = base.check()
    base.replace(CLAIMS, "quote: President Xi Jinping posed for selfies",
                 "quote: President Xi Jinping posed for photos")
    broken = base.check()
    quote = [p for p in broken.problems if p.key.path[-1:] == ("quote",)]
    assert [p.location for p in quote] == [f"{CLAIMS}:14:9"]
    base.replace(CLAIMS, "posed for photos", "posed for selfies")
    fixed = base.check()
    assert fixed.problems == [] and plain(fixed.site) == plain(clean.site)


def test_an_added_file_then_deleted(base: Base) -> None:
    text = base.path(CLAIMS).read_text(encoding="utf-8")
    start = text.index("  - id: ", text.index("  - id: ") + 1)  # the second fact
    end = text.index("  - id: ", start + 1)
    base.replace(CLAIMS, text[start:end], "")
    moved = base.path("facts/claims/moved.yml")
    moved.write_text("facts:\n" + text[start:end], encoding="utf-8")
    fid = text[start + len("  - id: "):text.index("\n", start)]
    added = base.check()
    assert added.verified.facts[fid].origin.file == "facts/claims/moved.yml"
    moved.unlink()
    assert fid not in base.check().verified.facts


def test_a_renamed_actor(base: Base) -> None:
    base.replace("facts/actors.yml", "name: Lee Jae Myung", "name: Lee Jae-myung")
    renamed = base.check()
    assert renamed.site.actors["lee-jae-myung"].name == "Lee Jae-myung"


def test_a_removed_alias_reverifies_every_fact(base: Base) -> None:
    base.replace("facts/actors.yml", "aliases: [Xi, President Xi Jinping, the Chinese leader]",
                 "aliases: [President Xi Jinping]")
    assert any("'xi-jinping' is not named" in p.message for p in base.check().problems)


def test_a_changed_seed_byte(base: Base) -> None:
    data = base.path(SEED).read_bytes()
    at = data.index(b"selfies")
    base.path(SEED).write_bytes(data[:at] + b"S" + data[at + 1:])
    changed = base.check()
    assert any("has changed" in p.message for p in changed.problems)
    sources = base.path("facts/sources.yml").read_text(encoding="utf-8")
    base.path("facts/sources.yml").write_text("sources: []\n", encoding="utf-8")
    unknown = base.check()  # the rejected source is now an unknown one
    assert any("unknown source" in p.message for p in unknown.problems)
    base.path("facts/sources.yml").write_text(sources, encoding="utf-8")
    base.path(SEED).write_bytes(data)
    assert base.check().problems == []


def test_a_deleted_event_and_issue_named_by_unchanged_files(multi: Base, base: Base) -> None:
    multi.replace("facts/events.yml", "id: ministers-meeting", "id: ministers-meeting-2")
    assert any("unknown event 'ministers-meeting'" in p.message for p in multi.check().problems)
    base.replace("facts/issues.yml", "id: taiwan", "id: taiwan-strait")
    assert any("unknown issue 'taiwan'" in p.message for p in base.check().problems)


def test_a_duplicate_id_across_files(base: Base) -> None:
    """A file sorted before the claims takes one of their ids: the cached claims file's record
    is now the duplicate, although that file did not change."""
    text = base.path(CLAIMS).read_text(encoding="utf-8")
    start = text.index("  - id: ")
    first = text[start:text.index("  - id: ", start + 1)]
    base.path("facts/claims/000_a.yml").write_text("facts:\n" + first, encoding="utf-8")
    duplicate = base.check()
    assert [p.file for p in duplicate.problems if "duplicate id" in p.message] == [CLAIMS]


def test_malformed_yaml_in_one_file(multi: Base) -> None:
    rel = "facts/claims/norland-interior-statement.yml"
    multi.replace(rel, "facts:", "facts: [")
    broken = multi.check()
    assert broken.problems[0].file == rel and broken.problems[0].line > 0
    multi.replace(rel, "facts: [", "facts:")
    assert multi.check().problems == []


def test_an_edit_beside_resolved_dates(multi: Base) -> None:
    """Facts reused from the cache keep the dates they resolved from their source's dateline."""
    multi.replace("facts/claims/norland-interior-statement.yml", "claim: ", "claim: Officially, ")
    warm = multi.check()
    assert ("facts", "ministers-to-meet") in warm.verified.resolved


def test_a_changed_source_record_and_settings(multi: Base) -> None:
    multi.replace("facts/sources.yml", "publisher: Harbour", "publisher: The Harbour")
    assert multi.check().site.sources["harbour-herald-launch"].record.publisher.startswith("The ")
    (multi.root / "factref.yml").write_text("coverage: {require: report}\n", encoding="utf-8")
    assert multi.check().settings.coverage.require == "report"

