"""Paging: an actor cited by hundreds of facts gets a main page a reader can use, and sub-pages.

The fixture is fictional, written here: one harbour authority in one source of a few hundred
sentences, each cited by one fact (generated below), so the authority's page and its main issue's
page pass the paging limit while the other issues' pages do not.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, ROOT, Project
from factref.paging import CHUNK, LEAD, PAGE_LIMIT, plan_pages
from factref.pipeline import run
from factref.records import Fact
from sitecheck import broken_links, parse, resolve

FACTS = 320
SOURCE = "veldmark-harbour-record"
YEARS = (2019, 2020, 2021, 2022, 2023)
ISSUES = {0: ["quay-expansion"], 1: ["quay-expansion", "harbour-tolls"], 2: []}
"""Fact n gets the issues of n % 3: 214 facts under quay-expansion, 107 under tolls, 106 none."""
MAIN_PAGE_BYTES = 300_000


def sentence(n: int) -> str:
    return (f"In {YEARS[n % len(YEARS)]}, the Harbour Board of Veldmark approved berth plan "
            f"number {n} for the eastern quay.")


def seed_text() -> str:
    body = "\n\n".join(sentence(n) for n in range(FACTS))
    return (f"VELDMARK HARBOUR RECORD\n\nThe minutes, in brief.\n\n{body}\n\n"
            "End of the record.\n")


def facts_yml() -> str:
    out = ["facts:"]
    for n in range(FACTS):
        year = YEARS[n % len(YEARS)]
        undated = n % 7 == 0  # some facts carry no date: they come after the dated ones
        out += [f"  - id: berth-plan-{n}",
                f"    claim: The Harbour Board approved berth plan {n} for the eastern quay.",
                "    actors: [harbour-board]",
                f"    issues: {ISSUES[n % 3]}",
                "    attribution: {kind: narration}"]
        if not undated:
            out.append(f"    date: {{text: In {year}, precision: year, value: '{year}'}}")
        out += ["    evidence:",
                f"      - source: {SOURCE}",
                f"        quote: \"{sentence(n)[:-1]}\""]
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Project:
    p = Project(tmp_path_factory.mktemp("harbour"))
    seed = seed_text().encode("utf-8")
    p.write_bytes(f"seeds/{SOURCE}.txt", seed)
    p.write("facts/sources.yml", f"""\
        sources:
          - id: {SOURCE}
            file: {SOURCE}.txt
            sha256: {hashlib.sha256(seed).hexdigest()}
            kind: statement
            headline: Veldmark harbour record
            publisher: Veldmark Harbour Board
            published: not stated
            body:
              starts_with: In 2019, the Harbour Board of Veldmark approved berth plan number 0
              ends_with: berth plan number {FACTS - 1} for the eastern quay.
        """)
    p.write("facts/actors.yml", """\
        actors:
          - {id: harbour-board, name: Harbour Board, kind: organisation}
        issues:
          - {id: quay-expansion, name: Quay expansion}
          - {id: harbour-tolls, name: Harbour tolls}
        """)
    p.write("facts/claims.yml", facts_yml())
    p.write("factref.yml", "coverage: {require: report}\n")
    p.write("mkdocs.yml", MKDOCS_YML)
    p.write("docs/index.md", "# Harbour\n\nSee the [actors](actors/index.md).\n")
    done = p.build("--strict")
    assert done.returncode == 0, done.stderr
    return p


def _facts_on(page: Path) -> list[str]:
    return [i.removeprefix("fact-") for i in parse(page).ids if i.startswith("fact-")]


def _content(page: str) -> str:
    return page.split('class="md-content"')[1]


def test_the_fixture_passes_the_limit_only_where_meant(harbour: Project) -> None:
    site = harbour.run().site
    assert "plans" not in vars(site.planner)  # not planned by the pipeline: check never asks
    plans = site.plans.paged
    homes = {site.facts[fid].home for fid in plans["issues", "quay-expansion"].facts}
    assert any(h.startswith("issues/quay-expansion/") for h in homes)  # sub-pages, once planned
    assert sorted(plans) == [("actors", "harbour-board"), ("issues", "quay-expansion")]
    counts = {key: len(plan.facts) for key, plan in plans.items()}
    assert counts == {("actors", "harbour-board"): FACTS, ("issues", "quay-expansion"): 214}
    assert 107 <= PAGE_LIMIT  # the tolls issue keeps its one page


def test_main_page_is_small_and_shows_counts_and_groups(harbour: Project) -> None:
    site = harbour.root / "site"
    page = site / "actors/harbour-board/index.html"
    assert page.stat().st_size < MAIN_PAGE_BYTES
    html = harbour.page("actors/harbour-board/index.html")
    assert f"<strong>{FACTS} facts</strong>" in html
    assert len(_facts_on(page)) == LEAD
    rows = re.findall(r"<tr>\s*<td><a href=\"[^\"]*\">([^<]+)</a></td>\s*<td[^>]*>(\d+)</td>",
                      html)
    assert ("Quay expansion", "214") in rows and ("Harbour tolls", "107") in rows
    assert "Under no issue</td><td style=\"text-align: right;\">106</td>" in html
    years = Counter(str(YEARS[n % 5]) for n in range(FACTS) if n % 7)
    by_year = [f"{y}: {c}" for y, c in sorted(years.items(), reverse=True)]
    assert " · ".join([*by_year, f"undated: {FACTS - years.total()}"]) in html
    # the most recent first: the lead is every fact of the newest year, in record order
    newest = [f"berth-plan-{n}" for n in range(FACTS) if n % 5 == 4 and n % 7][:LEAD]
    assert re.findall(r'id="fact-([a-z0-9-]+)"', _content(html))[:LEAD] == newest


def test_every_fact_is_one_click_from_the_main_page(harbour: Project) -> None:
    site = harbour.root / "site"
    main = site / "actors/harbour-board/index.html"
    reached = set(_facts_on(main))
    sub_pages = set()
    for href in parse(main).links:
        found = resolve(site, main, href)
        if found and "/actors/harbour-board/" in found[0].as_posix() and found[0] != main:
            sub_pages.add(found[0])
    for page in sub_pages:
        on_page = _facts_on(page)
        assert len(on_page) <= CHUNK
        reached |= set(on_page)
    assert reached == {f"berth-plan-{n}" for n in range(FACTS)}
    # quay-expansion's 214 facts on three pages, linked to each other in order
    pages = sorted(p for p in sub_pages if "issue-quay-expansion" in p.as_posix())
    assert [len(_facts_on(p)) for p in pages] == [100, 100, 14]
    second = (site / "actors/harbour-board/issue-quay-expansion/2/index.html").read_text()
    assert 'href="../1/">← page 1</a>' in second and 'href="../3/">page 3 →</a>' in second
    assert "<h1 id=\"harbour-board-quay-expansion-2-of-3\">Harbour Board: Quay expansion (2 of 3)" \
        in second


def test_every_link_to_a_fact_lands_on_a_page_that_shows_it(harbour: Project) -> None:
    site = harbour.root / "site"
    assert broken_links(site) == []
    result = harbour.run()
    # each fact's home is its first issue's page, or the authority's; paged, a sub-page
    homes = Counter(view.home.rsplit("/", 1)[0] for view in result.site.facts.values())
    assert homes["issues/quay-expansion/source-veldmark-harbour-record"] == 214 - LEAD
    source = (site / f"sources/{SOURCE}/index.html")
    to_facts = [h for h in parse(source).links if "#fact-" in h]
    assert len(to_facts) == FACTS  # resolving each is what broken_links checked


def test_record_text_stays_escaped_on_paged_pages(harbour: Project, tmp_path: Path) -> None:
    p = Project(tmp_path)
    shutil.copytree(harbour.root, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
        "site"))
    hostile = "<script>alert(1)</script> | *x*"
    actors = (tmp_path / "facts/actors.yml").read_text().replace(
        "name: Quay expansion", f'name: "{hostile}"')
    p.write("facts/actors.yml", actors)
    assert p.build("--strict").returncode == 0
    for page in ("actors/harbour-board/index.html",
                 "actors/harbour-board/issue-quay-expansion/1/index.html"):
        html = _content(p.page(page))
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; | *x*" in html


def test_the_real_reference_has_no_paged_page() -> None:
    result = run(ROOT)
    assert result.site.plans.paged == {}
    largest = max(len(v) for v in (*result.site.by_actor.values(),
                                   *result.site.by_issue.values()))
    assert largest <= PAGE_LIMIT
    facts = {fid: view.fact for fid, view in result.site.facts.items()}
    assert plan_pages(facts, limit=largest - 1).paged  # the limit is what decides


def test_coverage_is_an_index_with_a_page_per_source(harbour: Project) -> None:
    index = _content(harbour.page("coverage/index.html"))
    assert re.search(rf'<td><a href="{SOURCE}/">Veldmark harbour record</a></td>\s*'
                     rf'<td[^>]*>{FACTS}</td>\s*<td[^>]*>{FACTS}</td>\s*<td[^>]*>100%</td>', index)
    assert "berth plan number" not in index  # the sentences are on the source's own page
    page = _content(harbour.page(f"coverage/{SOURCE}/index.html"))
    assert page.count('<span class="fr-status fr-status-cited">cited</span>') == FACTS
    assert f'href="../../issues/quay-expansion/source-{SOURCE}/2/#fact-berth-plan-' in page


def _fact(fid: str, value: str | None, sources: int = 1) -> Fact:
    date = {"date": {"text": "in it", "precision": "year", "value": value}} if value else {}
    return Fact.model_validate({
        "id": fid, "claim": "A claim.", "actors": ["a"], "attribution": {"kind": "narration"},
        "evidence": [{"source": f"s{i}", "quote": "four words at least"} for i in range(sources)],
        **date})


def test_reading_order_is_newest_first_then_most_sourced_then_record_order() -> None:
    facts = {f.id: f for f in [
        _fact("old", "2019"), _fact("undated", None), _fact("may", "2023-05"),
        _fact("year", "2023"), _fact("may-two-sources", "2023-05", sources=2),
        _fact("completed", "--11"), *(_fact(f"filler-{n}", None) for n in range(6))]}
    plan = plan_pages(facts, {"completed": "2024-11"}, limit=5).get("actors", "a")
    assert plan is not None
    assert plan.facts[:6] == ("completed", "may-two-sources", "may", "year", "old", "undated")
    assert plan.years == (("2024", 1), ("2023", 3), ("2019", 1), ("undated", 7))
    assert plan.sources == (("s0", 12), ("s1", 1))


PLAN_201 = "approved berth plan 201 for the eastern quay.\n    actors: [harbour-board]\n    issues:"
PAGED_EDITS = {  # berth plan 201 is under quay-expansion, its home; a second issue regroups it
    "claim": (PLAN_201, PLAN_201.replace("plan 201", "plan 201 (amended)")),
    "issues": (f"{PLAN_201} ['quay-expansion']", f"{PLAN_201} [quay-expansion, harbour-tolls]"),
}


@pytest.mark.parametrize("edit", sorted(PAGED_EDITS))
def test_an_edit_to_a_paged_records_fact_renders_its_sub_pages_and_leaves_no_page_stale(
    harbour: Project, tmp_path: Path, edit: str,
) -> None:
    # Under `mkdocs serve`, editing a fact of a record with hundreds of facts re-renders that
    # record's main page and the sub-pages listing the fact (all of them if the edit changes how
    # the facts are grouped), not the whole site.
    from factref.incremental import snapshot, touched
    from factref.render import Renderer

    for part in ("facts", "seeds"):
        shutil.copytree(harbour.root / part, tmp_path / part)
    shutil.copyfile(harbour.root / "factref.yml", tmp_path / "factref.yml")
    site = run(tmp_path).site
    before, snap = Renderer(site).pages(), snapshot(site)
    claims = tmp_path / "facts" / "claims.yml"
    old, new = PAGED_EDITS[edit]
    text = claims.read_text(encoding="utf-8")
    assert text.count(old) == 1
    claims.write_text(text.replace(old, new), encoding="utf-8")
    site = run(tmp_path).site
    after = Renderer(site).pages()
    pages = touched(snap, snapshot(site))
    assert pages is not None
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    assert any(p.startswith("actors/harbour-board/") for p in changed)  # a sub-page changed
    assert changed <= pages, sorted(changed - pages)
    sub_pages = {p for p in after if p.startswith("actors/harbour-board/")}
    if edit == "claim":  # only the sub-pages that list the fact
        assert len(sub_pages & pages) < len(sub_pages) / 2
