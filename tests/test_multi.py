"""A reference of four sources of different kinds and dates (tests/fixtures/multi, fictional):
dates resolved against datelines, one timeline across sources, contradictions refused,
attribution by source kind, corroboration and the pages, in a real strict MkDocs build."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, Project
from factref.pipeline import run
from factref.timeline import calendar_values, ids, known_order, precedes

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multi"
READOUT, HERALD = "sudmark-readout-2022-03-25", "harbour-herald-launch"
BRIEFING, STATEMENT = "sudmark-briefing-2022-03-28", "norland-interior-statement"


def multi(root: Path) -> Project:
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    project = Project(root)
    project.write("mkdocs.yml", MKDOCS_YML)
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = multi(tmp_path_factory.mktemp("multi"))
    done = project.build("--strict")
    assert done.returncode == 0, done.stderr
    return project


def text_of(html: str) -> str:
    body = html[html.index("<article"):html.index("</article>")]
    body = re.sub(r'<a class="headerlink"[^>]*>[^<]*</a>', "", body)  # the headings' permalinks
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", body)))


def test_the_fixture_verifies_and_resolves_each_date_from_its_own_dateline(tmp_path: Path) -> None:
    result = multi(tmp_path).run()
    assert result.problems == []
    resolved = {rid: (r.value.iso, r.source) for (kind, rid), r in
                result.verified.resolved.items() if kind == "events"}
    assert resolved == {
        "norland-missile-launch": ("2022-03-24", READOUT),  # "March 24" + March 25, 2022
        "vidal-estmark-call": ("2022-03-25", READOUT),  # "today"
        "ministers-meeting": ("2022-03", HERALD),  # "later this month" + March 26, 2022
        "sanctions-vote": ("2022-03-27", BRIEFING),  # "Yesterday" + 28 March 2022
    }


def test_one_timeline_orders_events_across_sources(built: Project) -> None:
    html = built.page("timeline/index.html")
    order = re.findall(r'data-event="([^"]+)"', html)
    assert order.index("norland-missile-launch") < order.index("vidal-estmark-call")
    assert order.index("vidal-estmark-call") < order.index("sanctions-vote")
    assert order.index("norland-missile-launch") < order.index("ministers-meeting")
    page = text_of(html)
    assert "2022 March" in page
    undated = page[page.index("Undated"):]
    assert "Sanctions imposed on Norland in the past" in undated
    assert "today — 25 March 2022, from the dateline" in page
    assert "March 24 — 2022, from the dateline" in page


def test_an_event_shows_each_sources_date_side_by_side(built: Project) -> None:
    page = text_of(built.page("events/norland-missile-launch/index.html"))
    assert ("When, by source: the sources give different dates; each is shown with its "
            "citation.") in page
    # Each date with its numbered citation (previewed like any other) and the source it is from.
    assert "March 24 — 2022, from the dateline [1] Sudmark Foreign Ministry, 25 March 2022" in page
    assert "on Thursday — date not stated [2] Harbour Herald, 26 March 2022" in page
    html = built.page("events/norland-missile-launch/index.html")
    dates = html[html.index("When, by source"):html.index('id="what-happened"')]
    assert dates.count('class="fr-cite"') == 2 and 'data-ref="ref-1"' in dates


def test_attribution_follows_the_kind_and_publisher_of_the_source(built: Project) -> None:
    # Each source's own text under a heading naming whose it is, said once for its facts.
    launch = text_of(built.page("events/norland-missile-launch/index.html"))
    assert "The Sudmark Foreign Ministry's readout The ministers condemned" in launch
    assert "The Norland Interior Ministry's statement Norland called its missile test" in launch
    assert ("The reporters' account and the Sudmark Foreign Ministry's readout Norland launched "
            "an intercontinental ballistic missile.") in launch
    meeting = text_of(built.page("events/ministers-meeting/index.html"))
    assert "The reporters' account Sudmark's foreign minister will meet" in meeting
    assert "The Sudmark Foreign Ministry's transcript The minister's meeting" in meeting
    assert "(the reporters' account)" not in launch + meeting


def test_each_fact_names_its_sources_and_corroboration_shows(built: Project) -> None:
    page = text_of(built.page("actors/norland/index.html"))
    assert ("In the story The reporters' account and the Sudmark Foreign Ministry's readout "
            "Norland launched an intercontinental ballistic missile.") in page
    assert ("Harbour Herald, 26 March 2022; Sudmark Foreign Ministry, 25 March 2022 · "
            "corroborated by 2 sources") in page
    assert "Norland Interior Ministry, date not stated" in page
    by_source = page[page.index("By source"):]
    for brief in ("Harbour Herald, 26 March 2022 (news report, 1)",
                  "Sudmark Foreign Ministry, 25 March 2022 (readout, 2)",
                  "Norland Interior Ministry, date not stated (statement, 2)"):
        assert brief in by_source


def test_source_pages_show_kind_date_retrieval_and_the_original(built: Project) -> None:
    readout = built.page(f"sources/{READOUT}/index.html")
    text = text_of(readout)
    assert "Kind: readout" in text
    assert "Published: 25 March 2022 (dateline: “March 25, 2022”)" in text
    assert "Retrieved: 2026-11-20" in text
    assert 'href="https://example.test/sudmark/readout-2022-03-25"' in readout
    assert "Published: date not stated in this copy" in text_of(
        built.page(f"sources/{STATEMENT}/index.html"))


def test_the_sources_index_lists_kind_outlet_date_counts_and_coverage(built: Project) -> None:
    page = text_of(built.page("sources/index.html"))
    assert ("Norland test-fires long-range missile · news report · Harbour Herald · 26 March 2022 "
            "· 2 facts, 2 passages cited · coverage: 2 of 2 claim-bearing sentences") in page
    assert ("Statement on the missile test · statement · Norland Interior Ministry · date not "
            "stated · 2 facts, 2 passages cited") in page


def jsonld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def test_jsonld_types_by_kind_and_dates_only_when_real(built: Project) -> None:
    readout = jsonld(built.page(f"sources/{READOUT}/index.html"))
    assert (readout["@type"], readout["datePublished"]) == ("Report", "2022-03-25")
    herald = jsonld(built.page(f"sources/{HERALD}/index.html"))
    assert (herald["@type"], herald["datePublished"]) == ("NewsArticle", "2022-03-26")
    statement = jsonld(built.page(f"sources/{STATEMENT}/index.html"))
    assert statement["@type"] == "Article" and "datePublished" not in statement
    assert jsonld(built.page(f"sources/{BRIEFING}/index.html"))["@type"] == "CreativeWork"
    assert jsonld(built.page("events/norland-missile-launch/index.html"))["startDate"] == (
        "2022-03-24")


# --- Contradictions across sources ----------------------------------------------------------

EVENTS = FIXTURE / "facts" / "events.yml"


def with_launch_relation(project: Project, relation: str) -> None:
    text = EVENTS.read_text(encoding="utf-8").replace(
        "    roles: [{actor: norland, role: initiator}]\n",
        f"    roles: [{{actor: norland, role: initiator}}]\n"
        f"    relations:\n      - {relation}\n", 1)
    project.write("facts/events.yml", text)


def test_an_ordering_contradicting_the_calendar_is_refused_naming_both_passages(
    tmp_path: Path,
) -> None:
    project = multi(tmp_path)
    # The statement says the test "came after" the call; the readout dates them the other way.
    with_launch_relation(project, "{relation: after, event: vidal-estmark-call, text: came after}")
    problems = [p for p in project.problems() if "contradict" in p]
    said = ("these orderings and dates contradict each other (no order satisfies them all): "
            "'norland-missile-launch' after 'vidal-estmark-call' (“came after”, source "
            f"'{STATEMENT}' line 5); 'norland-missile-launch' dated 2022-03-24 (“March 24”, "
            f"source '{READOUT}' line 9); 'vidal-estmark-call' dated 2022-03-25 (“today”, source "
            f"'{READOUT}' line 7)")
    assert problems == [
        f"facts/events.yml:6:5: events[0].relations (record 'norland-missile-launch'): {said}",
        f"facts/events.yml:10:5: events[1].date (record 'vidal-estmark-call'): {said}",
    ]


def test_orderings_of_two_sources_that_contradict_are_refused_naming_both(
    tmp_path: Path,
) -> None:
    project = multi(tmp_path)
    # The herald: the meeting comes "days after the launch"; here the launch "came after" it.
    with_launch_relation(project, "{relation: after, event: ministers-meeting, text: came after}")
    problems = [p for p in project.problems() if "contradict" in p]
    assert len(problems) == 2
    assert ("'ministers-meeting' after 'norland-missile-launch' (“days after the launch”, source "
            f"'{HERALD}' line 9)") in problems[0]
    assert ("'norland-missile-launch' after 'ministers-meeting' (“came after”, source "
            f"'{STATEMENT}' line 5)") in problems[0]


def test_adding_a_source_keeps_every_order_already_known(tmp_path: Path) -> None:
    project = multi(tmp_path / "without")
    (project.root / "facts" / "claims" / f"{BRIEFING}.yml").unlink()
    events = EVENTS.read_text(encoding="utf-8")
    project.write("facts/events.yml", events[: events.index("  - id: sanctions-vote")]
                  + events[events.index("  - id: past-sanctions"):])
    sources = (FIXTURE / "facts" / "sources.yml").read_text(encoding="utf-8")
    cut = sources.index(f"  - id: {BRIEFING}")
    project.write("facts/sources.yml",
                  sources[:cut] + sources[sources.index("  - id: " + STATEMENT):])
    actors = (FIXTURE / "facts" / "actors.yml").read_text(encoding="utf-8")
    project.write("facts/actors.yml", "\n".join(
        line for line in actors.splitlines() if "tomas-berg" not in line) + "\n")
    before = project.run()
    assert before.problems == []
    after = run(FIXTURE)
    resolved = {rid: r.value for (kind, rid), r in before.verified.resolved.items()
                if kind == "events"}
    graph = known_order(before.site.events, calendar_values(before.site.events, resolved))
    known = [(a, b) for a in graph for b in graph
             if a in before.site.events and b in before.site.events and precedes(graph, a, b)]
    assert ("norland-missile-launch", "vidal-estmark-call") in known  # the test can fail
    listed = ids(after.site.timeline.all())
    assert [(a, b) for a, b in known if listed.index(a) > listed.index(b)] == []


# --- Sources and dates that do not verify ---------------------------------------------------

def test_resolving_against_a_source_without_a_date_is_refused(tmp_path: Path) -> None:
    project = multi(tmp_path)
    path = project.root / "facts" / "claims" / f"{STATEMENT}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    event: past-sanctions\n",
        "    event: past-sanctions\n    date: {text: in the past, precision: relative, "
        "resolve: dateline}\n"), encoding="utf-8")
    assert [p for p in project.problems() if "resolve" in p] == [
        f"facts/claims/{STATEMENT}.yml:15:52: facts[1].date.resolve (record "
        f"'norland-rejects-past-sanctions'): resolve: dateline: source '{STATEMENT}' states no "
        "publication date (published: not stated), so there is nothing to resolve against; "
        "leave 'resolve' out"]


def test_dateline_words_must_be_in_the_source_file(tmp_path: Path) -> None:
    project = multi(tmp_path)
    path = project.root / "facts" / "sources.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'text: "March 26, 2022"', 'text: "26 March 2022"'), encoding="utf-8")
    problems = [p for p in project.problems() if "dateline words" in p]
    assert problems == [(
        f"facts/sources.yml:22:37: sources[1].published.text (record '{HERALD}'): source "
        f"'{HERALD}': the dateline words '26 March 2022' do not occur in its file; copy them as "
        "the source prints them, or write published: not stated")]
