"""Unchanged pages' files kept in the site folder between `mkdocs serve` rebuilds
(hooks/factref/inplace.py): only the files asked for come back, and nothing else survives."""

from __future__ import annotations

from pathlib import Path

from factref.inplace import HELD, PageFiles, discard, restore, set_aside


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*")) if p.is_file()}


def _site(root: Path) -> Path:
    for rel in ("index.html", "actors/china/index.html", "actors/japan/index.html",
                "actors/japan/page-2/index.html", "search/search_index.json", "sitemap.xml",
                "assets/app.js", ".hidden"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"old {rel}", encoding="utf-8")
    return root


def test_set_aside_leaves_only_hidden_entries(tmp_path: Path) -> None:
    site = _site(tmp_path)
    before = _tree(site)
    assert set_aside(site)
    assert sorted(p.name for p in site.iterdir()) == sorted([".hidden", HELD])
    assert {f"{HELD}/{k}": v for k, v in before.items() if k != ".hidden"} == {
        k: v for k, v in _tree(site).items() if k != ".hidden"}


def test_restore_puts_back_what_is_kept_and_deletes_the_rest(tmp_path: Path) -> None:
    site = _site(tmp_path)
    set_aside(site)
    (site / "assets").mkdir()  # this build wrote there already
    (site / "assets" / "app.js").write_text("new", encoding="utf-8")
    kept = restore(site, ["actors/japan/index.html", "assets/app.js", "actors/gone/index.html"])
    assert kept == {"actors/japan/index.html"}
    assert _tree(site) == {".hidden": "old .hidden", "assets/app.js": "new",
                           "actors/japan/index.html": "old actors/japan/index.html"}
    # no folder is left empty (a fresh build would have none)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir()) == [
        "actors", "actors/japan", "assets"]


def test_restore_keeps_a_top_level_file_and_nothing_when_nothing_is_asked(tmp_path: Path) -> None:
    site = _site(tmp_path)
    set_aside(site)
    assert restore(site, ["index.html"]) == {"index.html"}
    assert _tree(site) == {".hidden": "old .hidden", "index.html": "old index.html"}
    set_aside(site)
    assert restore(site, []) == set()
    assert _tree(site) == {".hidden": "old .hidden"}


def test_nothing_to_set_aside_and_a_held_folder_left_behind(tmp_path: Path) -> None:
    assert not set_aside(tmp_path)
    assert restore(tmp_path, ["index.html"]) == set()  # nothing held
    site = _site(tmp_path)
    set_aside(site)
    stale = site / HELD / "stale.html"
    stale.write_text("from a build that stopped", encoding="utf-8")
    (site / "index.html").write_text("new", encoding="utf-8")
    assert set_aside(site)  # what was held before is dropped, not mixed in
    assert not (site / HELD / "stale.html").exists()
    assert (site / HELD / "index.html").read_text(encoding="utf-8") == "new"
    discard(site)
    assert sorted(p.name for p in site.iterdir()) == [".hidden"]


def test_page_files_leave_in_place_only_what_the_last_build_wrote(tmp_path: Path) -> None:
    site = _site(tmp_path)
    files = PageFiles()
    files.start(site)  # no completed build yet: MkDocs' cleaning deletes everything
    files.put_back()
    assert files.in_place == set()
    for page in ("china", "japan"):
        files.wrote(page, f"actors/{page}/index.html", "key-1")
    files.completed()

    files.start(site)
    files.offer("china", "actors/china/index.html", "key-1")  # the same output
    files.offer("japan", "actors/japan/index.html", "key-2")  # another: themed and written anew
    files.put_back()
    assert files.in_place == {"china"}
    assert _tree(site) == {".hidden": "old .hidden",
                           "actors/china/index.html": "old actors/china/index.html"}

    files.wrote("china", "actors/china/index.html", "key-1")
    files.failed()  # what the site folder holds is unknown: the next build leaves nothing
    files.start(site)
    files.offer("china", "actors/china/index.html", "key-1")
    files.put_back()
    assert files.in_place == set()
    assert not (site / HELD).exists()
