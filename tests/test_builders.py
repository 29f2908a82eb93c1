"""The same verified reference from every builder of mkdocs.yml, and no reference at all from a
builder that skipped verification.

MkDocs and ProperDocs run the hooks; Zensical runs none and builds what `factref generate` wrote
(`factref build --with zensical`, the README's command). Each builds a snapshot of this
repository once; the tests compare the generated pages, the claims on them and where every
citation leads.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT
from conftest import snapshot_repo as snapshot
from factref.pipeline import Result, run
from factref.text import normalise_quote
from sitecheck import citation_links, parse, resolve, text_after_anchor

SECTIONS = ("actors", "issues", "events", "sources")
TOP_PAGES = ("timeline", "map", "coverage")
_FACT = re.compile(r'<li><span class="fr-fact" id="(fact-[^"]+)"></span>(.*?)</li>', re.S)
_TAG = re.compile(r"<[^>]+>")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")



def execute(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    env.pop("FACTREF_DOCS_DIR", None)
    env.pop("OFFLINE", None)
    return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True,
                          text=True, check=False, env=env)


@pytest.fixture(scope="session")
def result() -> Result:
    return run(ROOT)


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return snapshot(tmp_path_factory.mktemp("builders") / "project")


@pytest.fixture(scope="session")
def mkdocs_site(project: Path) -> Path:
    done = execute(project, "mkdocs", "build", "--strict", "-d", "site-mkdocs")
    assert done.returncode == 0, done.stderr
    return project / "site-mkdocs"


@pytest.fixture(scope="session")
def properdocs_site(project: Path) -> Path:
    done = execute(project, "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                   "-d", "site-properdocs")
    assert done.returncode == 0, done.stderr
    return project / "site-properdocs"


@pytest.fixture(scope="session")
def zensical_site(project: Path) -> Path:
    done = execute(project, "factref", "build", "--with", "zensical")
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


@pytest.fixture(params=["zensical", "properdocs"])
def other_site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{request.param}_site")


def generated_pages(site: Path) -> set[str]:
    pages = {p.relative_to(site).as_posix() for kind in SECTIONS
             for p in (site / kind).rglob("index.html")}
    return pages | {f"{name}/index.html" for name in TOP_PAGES
                    if (site / name / "index.html").is_file()}


def claims(site: Path) -> dict[str, list[tuple[str, str]]]:
    """Page → each fact on it: its anchor and its text (claim, attribution, citation marks)."""
    found = {}
    for page in sorted(generated_pages(site)):
        html = (site / page).read_text(encoding="utf-8")
        found[page] = [(fid, " ".join(unescape(_TAG.sub("", text)).split()))
                       for fid, text in _FACT.findall(html)]
    return found


def citations(site: Path) -> dict[str, list[tuple[str, str]]]:
    """Page → where each of its citation links leads: the source page and the anchor."""
    found = {}
    for page in sorted(generated_pages(site)):
        targets = []
        for href in citation_links(site / page):
            resolved = resolve(site, site / page, href)
            assert resolved is not None, (page, href)
            targets.append((resolved[0].relative_to(site).as_posix(), resolved[1]))
        found[page] = targets
    return found


def test_every_builder_generates_the_same_pages(
    result: Result, mkdocs_site: Path, other_site: Path
) -> None:
    v = result.verified
    expected = {f"{kind}/{rid}/index.html" for kind in SECTIONS for rid in getattr(v, kind)}
    expected |= {f"{kind}/index.html" for kind in SECTIONS}
    expected |= {f"{name}/index.html" for name in TOP_PAGES}
    assert generated_pages(mkdocs_site) == expected
    assert generated_pages(other_site) == expected
    assert (other_site / "export.json").read_bytes() == (mkdocs_site / "export.json").read_bytes()


def test_every_builder_shows_the_same_claims(
    result: Result, mkdocs_site: Path, other_site: Path
) -> None:
    ours, theirs = claims(mkdocs_site), claims(other_site)
    shown = {fid for facts in ours.values() for fid, _ in facts}
    assert shown == {f"fact-{fid}" for fid in result.verified.facts}
    for page in ours:
        assert theirs[page] == ours[page], page


def test_every_citation_leads_to_the_same_passage(mkdocs_site: Path, other_site: Path) -> None:
    ours, theirs = citations(mkdocs_site), citations(other_site)
    assert sum(len(links) for links in ours.values()) > 200
    for page in ours:
        assert theirs[page] == ours[page], page
    ids: dict[str, set[str]] = {}
    for target, anchor in {link for links in theirs.values() for link in links}:
        assert anchor in ids.setdefault(target, parse(other_site / target).ids), (target, anchor)


def test_every_citation_lands_on_its_quote(result: Result, other_site: Path) -> None:
    raw = {sid: s.raw for sid, s in result.verified.sources.items()}
    for target, anchor in {link for links in citations(other_site).values() for link in links}:
        sid = target.split("/")[1]
        start, end = (int(x) for x in anchor.removeprefix("q-").split("-"))
        assert text_after_anchor(other_site / target, anchor).startswith(
            normalise_quote(raw[sid][start:end])), (target, anchor)


@pytest.mark.parametrize("strict", [[], ["--strict"]], ids=["plain", "strict"])
def test_zensical_without_generation_refuses(
    tmp_path: Path, strict: list[str]
) -> None:
    # What the banner Material prints on every build suggests: Zensical on the same mkdocs.yml.
    project = snapshot(tmp_path / "project")
    done = execute(project, "zensical", "build", *strict)
    assert done.returncode != 0
    out = _ANSI.sub("", done.stdout + done.stderr)  # Zensical colours even without a terminal
    for section in SECTIONS:
        assert f"({section}/index.md)" in out
    assert "page does not exist" in out
    assert "Aborted because --strict flag is set" in out


def test_home_page_links_to_every_generated_section() -> None:
    # The refusal above rests on these links: without them Zensical would publish a home page
    # and nothing else.
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for target in [f"{kind}/index.md" for kind in SECTIONS] + ["timeline.md", "map/index.md",
                                                                "coverage.md"]:
        assert f"]({target})" in home, target
