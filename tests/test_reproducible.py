"""Reproducible builds: the same project gives the same site, byte for byte.

The project is a snapshot of this repository's own site (mkdocs.yml, docs/, facts/, seeds/, with
hooks/ linked), copied into tmp_path so that edits in progress elsewhere cannot change it between
builds. Builds run with SOURCE_DATE_EPOCH set (MkDocs takes the sitemap dates from it) and with
different hash seeds, so that nothing may depend on the iteration order of a set.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import snapshot_repo as snapshot

EPOCH = 1767225600  # 2026-01-01T00:00:00Z
DAY = 86_400



def build(project: Path, out: str, *, epoch: int = EPOCH, hash_seed: str = "1") -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", out],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": "/usr/bin:/bin",
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": str(epoch),
            "PYTHONHASHSEED": hash_seed,
            "SITE_URL": "https://example.test/reference/",
        },
    )
    assert done.returncode == 0, done.stderr
    return project / out


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    """Each file that differs, with the offset and the bytes around its first difference."""
    ta, tb = tree(a), tree(b)
    found = [f"{name}: only in {a.name}" for name in sorted(ta.keys() - tb.keys())]
    found += [f"{name}: only in {b.name}" for name in sorted(tb.keys() - ta.keys())]
    for name in sorted(ta.keys() & tb.keys()):
        x, y = ta[name], tb[name]
        if x != y:
            at = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q),
                      min(len(x), len(y)))
            found.append(f"{name}: first difference at byte {at} of {len(x)}/{len(y)}: "
                         f"{x[max(0, at - 40):at + 40]!r} vs {y[max(0, at - 40):at + 40]!r}")
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return snapshot(tmp_path_factory.mktemp("repro") / "project")


@pytest.fixture(scope="module")
def first(project: Path) -> Path:
    return build(project, "site-1", hash_seed="1")


def test_two_builds_are_byte_identical(project: Path, first: Path) -> None:
    second = build(project, "site-2", hash_seed="2")
    assert len(tree(first)) > 30
    assert differences(first, second) == []


def test_the_project_folder_does_not_leak_into_the_site(
    first: Path, tmp_path: Path
) -> None:
    elsewhere = build(snapshot(tmp_path / "another" / "place"), "site-1", hash_seed="3")
    assert differences(first, elsewhere) == []


def test_only_the_sitemap_follows_the_build_date(project: Path, first: Path) -> None:
    """What SOURCE_DATE_EPOCH is for: without it, builds on different days differ exactly here."""
    later = build(project, "site-later", epoch=EPOCH + DAY)
    changed = sorted(line.split(":")[0] for line in differences(first, later))
    assert changed == ["sitemap.xml", "sitemap.xml.gz"]
    before = (first / "sitemap.xml").read_text().splitlines()
    after = (later / "sitemap.xml").read_text().splitlines()
    assert {(x.strip(), y.strip()) for x, y in zip(before, after, strict=True) if x != y} == {
        ("<lastmod>2026-01-01</lastmod>", "<lastmod>2026-01-02</lastmod>")
    }
