"""What a built site weighs: in total, its search index, its largest pages; two sites compared."""

from __future__ import annotations

import json
from pathlib import Path


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def search_index(site: Path) -> dict:
    """The index a browser downloads before the first search result: its bytes and entries."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return {"bytes": 0, "entries": 0}
    data = json.loads(index.read_text(encoding="utf-8"))
    return {"bytes": index.stat().st_size, "entries": len(data.get("docs", []))}


def largest_pages(site: Path, n: int = 3) -> list[tuple[str, int]]:
    """The ``n`` largest HTML pages (site path, bytes), largest first."""
    pages = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html")]
    return sorted(pages, key=lambda x: -x[1])[:n]


def measure_site(site: Path) -> dict:
    return {
        "site_bytes": tree_bytes(site),
        "search_index": search_index(site),
        "largest_pages": largest_pages(site),
    }


def compare_sites(a: Path, b: Path) -> dict:
    """Which files only one site has, and how many differ in size (a build against its floor)."""
    fa = {p.relative_to(a).as_posix(): p.stat().st_size for p in a.rglob("*") if p.is_file()}
    fb = {p.relative_to(b).as_posix(): p.stat().st_size for p in b.rglob("*") if p.is_file()}
    differ = sorted(k for k in fa.keys() & fb.keys() if fa[k] != fb[k])
    return {
        "only_in_build": sorted(fa.keys() - fb.keys())[:10],
        "only_in_floor": sorted(fb.keys() - fa.keys())[:10],
        "size_differs": len(differ),
        "bytes_difference": sum(fa.values()) - sum(fb.values()),
        "size_differs_examples": differ[:5],
    }
