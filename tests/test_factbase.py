"""The real fact base: every claim points back to its source text, and the real site builds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED_ID
from factref.pipeline import Result, run
from factref.text import normalise_quote
from sitecheck import broken_links, citation_links, resolve, text_after_anchor


@pytest.fixture(scope="module")
def result() -> Result:
    return run(ROOT)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    return out


def test_every_record_verifies(result: Result) -> None:
    assert [str(p) for p in result.problems] == []


def test_every_quote_is_the_source_text_at_its_offsets(result: Result) -> None:
    v = result.verified
    assert len(v.facts) >= 60
    for fid, loaded in v.facts.items():
        for evidence, passage in zip(loaded.record.evidence, v.passages[fid], strict=True):
            raw = v.sources[passage.source_id].raw
            assert raw[passage.start : passage.end] == passage.text
            assert normalise_quote(passage.text) == normalise_quote(evidence.quote), fid
            src = v.sources[passage.source_id]
            assert src.body_start <= passage.start < passage.end <= src.body_end


def test_the_project_requires_full_coverage_and_has_it(result: Result) -> None:
    assert result.settings.coverage.require == "full" and not result.settings.coverage.sources
    for report in result.coverage:
        assert [s.text for s in report.uncited] == [], report.source_text.record.id
        assert report.covered == report.claim_bearing
    seed = {r.source_text.record.id: r for r in result.coverage}[SEED_ID]
    assert (seed.covered, len(seed.sentences)) == (39, 40)


def test_every_record_has_a_page_reachable_from_an_index(result: Result, site: Path) -> None:
    for kind in ("actors", "issues", "events", "sources"):
        index = (site / kind / "index.html").read_text(encoding="utf-8")
        for rid in getattr(result.verified, kind):
            assert (site / kind / rid / "index.html").is_file(), (kind, rid)
            assert f'href="{rid}/"' in index, (kind, rid)


def test_every_fact_is_on_the_page_of_everything_it_is_about(result: Result, site: Path) -> None:
    for fid, loaded in result.verified.facts.items():
        fact = loaded.record
        pages = [("actors", a) for a in fact.actors] + [("issues", i) for i in fact.issues]
        pages += [("events", fact.event)] if fact.event else []
        if fact.attribution.actor:
            pages.append(("actors", fact.attribution.actor))
        for kind, rid in pages:
            html = (site / kind / rid / "index.html").read_text(encoding="utf-8")
            assert f'id="fact-{fid}"' in html, (fid, kind, rid)


def test_no_broken_links_or_anchors(site: Path) -> None:
    assert broken_links(site) == []


def test_every_citation_on_every_page_lands_on_its_quote(result: Result, site: Path) -> None:
    checked = 0
    raw = {sid: s.raw for sid, s in result.verified.sources.items()}
    for page in sorted(site.rglob("index.html")):
        for href in citation_links(page):
            found = resolve(site, page, href)
            assert found is not None
            target, anchor = found
            sid = target.parent.name
            start, end = (int(x) for x in anchor.removeprefix("q-").split("-"))
            assert text_after_anchor(target, anchor).startswith(
                normalise_quote(raw[sid][start:end])), (page, href)
            checked += 1
    assert checked > 200
