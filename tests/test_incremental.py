"""Rendering only the pages an edit touches (mkdocs serve --dirty) leaves no other page stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from factref.incremental import snapshot, touched
from factref.pipeline import run
from factref.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = "facts/claims/000_ed07831bd54794ff.yml"
SELFIES = """\
  - id: xi-lee-selfies-beijing
    claim: Xi Jinping posed for selfies with South Korea's Lee Jae Myung in Beijing.
    actors: [xi-jinping, lee-jae-myung, south-korea]
"""

EDITS = {
    "claim": (SELFIES, SELFIES.replace("posed for selfies", "posed for a selfie")),
    "actors": (SELFIES, SELFIES.replace("lee-jae-myung, south-korea", "lee-jae-myung")),
    "removed": (SELFIES + "    issues: [china-south-korea-relations]\n", "  - id: xi-lee-selfies"
                "-beijing\n    claim: Xi Jinping posed.\n    actors: [xi-jinping]\n    issues: ["
                "china-south-korea-relations]\n    quote: not a field\n"),
}


def _reference(tmp_path: Path) -> Path:
    for part in ("facts", "seeds"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def _render(root: Path) -> tuple[dict[str, str], object]:
    site = run(root).site
    return Renderer(site).pages(), snapshot(site)


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_no_page_outside_the_touched_set_changes(tmp_path: Path, edit: str) -> None:
    root = _reference(tmp_path)
    before, snap_before = _render(root)
    path = root / CLAIMS
    old, new = EDITS[edit]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    after, snap_after = _render(root)

    pages = touched(snap_before, snap_after)
    assert pages is not None
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    assert changed, "the edit changed no page"
    assert changed <= pages, sorted(changed - pages)
    assert len(pages) < len(after)  # fewer pages to render than a full build


def test_only_the_touched_pages_are_rendered_and_they_match_a_full_render(
    tmp_path: Path,
) -> None:
    root = _reference(tmp_path)
    site = run(root).site
    full = Renderer(site).pages()
    some = {"actors/xi-jinping.md", "timeline.md"}
    assert Renderer(site).pages(only=some) == {p: full[p] for p in some}
    assert sorted(Renderer(site).paths()) == sorted(full)


def test_a_change_to_an_actor_renders_everything(tmp_path: Path) -> None:
    root = _reference(tmp_path)
    _, before = _render(root)
    path = root / "facts" / "actors.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Xi Jinping", "name: Xi Jin-ping", 1), encoding="utf-8")
    _, after = _render(root)
    assert touched(before, after) is None
