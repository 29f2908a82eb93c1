"""The benchmark's code path at 1,000 facts (a smoke test: it measures, it asserts no time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import run
from bench.report import TARGETS
from bench.synth import generate


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for sub in ("seeds", "facts")
        for p in sorted((folder / sub).rglob("*"))
        if p.is_file()
    }


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    a = generate(300, tmp_path / "a", seed=4)
    b = generate(300, tmp_path / "b", seed=4)
    generate(300, tmp_path / "c", seed=5)
    assert a == b and a["facts"] == 300
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_a_generated_project_is_not_overwritten_unless_the_generator_made_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit, match="refusing to overwrite"):
        generate(300, tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_the_benchmark_measures_every_target_at_1000_facts(tmp_path: Path) -> None:
    text = run.main(["--facts", "1000", "--workdir", str(tmp_path / "work"),
                     "--results", str(tmp_path / "results"), "--serve-edits", "1"])
    entry = json.loads((tmp_path / "results" / "results.json").read_text())["runs"]["1000"]
    # The generated reference verifies, and both builds ran without a warning.
    assert entry["check"]["rc"] == 0, entry["check"]["first_problems"]
    assert entry["check"]["summary"].endswith("1000 facts verified; 0 problems")
    assert entry["build"]["warnings"] == 0 and entry["floor_build"]["warnings"] == 0
    # The plain build built the same pages: no page only one of the two sites has.
    assert entry["sites_compared"]["only_in_build"] == []
    assert entry["sites_compared"]["only_in_floor"] == []
    # The edited claim was served and the restored one too.
    edit = entry["serve"]["full"]["edits"][0]
    assert edit["edit_visible_seconds"] is not None and edit["revert_visible_seconds"] is not None
    assert entry["build"]["search_index"]["entries"] > 0
    assert entry["build"]["largest_pages"][0][1] > 0
    # Every target has a figure at 1k, and the report is where the docs page takes it from.
    for target in TARGETS:
        assert target.value(entry) is not None, target.measure
        assert target.measure in text
    assert (tmp_path / "results" / "results.md").read_text().endswith(text)
