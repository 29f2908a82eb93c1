"""The relationship maps: one model behind each map and its list, Graphviz layout that keeps
labels apart, and a global view that stays bounded however many actors there are."""

from __future__ import annotations

import re
from itertools import combinations
from types import SimpleNamespace

import pytest
from conftest import ROOT
from factref import layout
from factref.graph import MAX_NODES, Drawing, draw, plan_actor, plan_overview
from factref.layout import LayoutError, label_box, text_width
from factref.pipeline import run
from factref.records import Actor
from factref.relations import Connections, Link, Relation, connections
from factref.render import Renderer
from markupsafe import escape


@pytest.fixture(scope="module")
def real():  # type: ignore[no-untyped-def]
    result = run(ROOT)
    assert result.problems == []
    return result.site


@pytest.fixture(scope="module")
def pages(real):  # type: ignore[no-untyped-def]
    return Renderer(real).pages()


def _section(page: str, heading: str) -> str:
    start = page.index(f">{heading}<a class=\"headerlink\"")
    end = page.find("<h2 ", start + 1)
    return page[start : end if end >= 0 else len(page)]


def test_each_actor_map_shows_exactly_its_connected_actors(real, pages) -> None:  # type: ignore[no-untyped-def]
    conns = connections(real)
    checked = 0
    for aid, actor in real.actors.items():
        md = pages[f"actors/{aid}.md"]
        if not conns.of(aid):
            assert 'id="connected-actors"' not in md
            continue
        part = _section(md, "Connected actors")
        drawn = set(re.findall(r'<a href="(?:\.\./)?([a-z0-9-]+)/" class="fr-node', part))
        listed = set(re.findall(r'^<li><p><span class="fr-anchor" id="rel-[^"]+"></span>'
                                r'<a href="\.\./([a-z0-9-]+)/">', part, re.M))
        assert drawn == listed, aid
        assert f"{escape(actor.name)} (" in part.split("fr-node--centre", 1)[1][:300]
        assert listed == set(conns.neighbours(aid)), aid
        checked += 1
    assert checked >= 15
    # The case the issue reported: four neighbours drawn while seven were listed.
    assert len(conns.neighbours("xi-jinping")) == 7


def test_relations_rest_on_verified_facts_and_events(real) -> None:  # type: ignore[no-untyped-def]
    kinds = {r.kind for link in connections(real).links for r in link.relations}
    assert kinds == {"event", "statement", "together"}
    for link in connections(real).links:
        for r in link.relations:
            path, _, anchor = r.href.partition("#")
            assert path.startswith(("events/", "issues/", "actors/")), r
            if anchor:
                assert anchor.removeprefix("fact-") in real.facts


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _boxes(drawing: Drawing) -> list[tuple[float, float, float, float]]:
    return [(n.left, n.top, n.left + n.box.width, n.top + n.box.height) for n in drawing.nodes]


def _assert_laid_out(drawing: Drawing) -> None:
    boxes = _boxes(drawing)
    for x0, y0, x1, y1 in boxes:
        assert 0 <= x0 and 0 <= y0 and x1 <= drawing.width and y1 <= drawing.height
    for a, b in combinations(boxes, 2):
        assert not _overlaps(a, b), (a, b)


def test_real_maps_keep_every_box_inside_and_apart(real) -> None:  # type: ignore[no-untyped-def]
    conns = connections(real)
    plans = [plan_overview(conns)] + [plan_actor(conns, a, a) for a in real.actors]
    drawings = [d for d in draw(real, plans) if d is not None]
    assert len(drawings) >= 15
    for d in drawings:
        _assert_laid_out(d)


def synthetic(n: int, star: int = 0) -> tuple[SimpleNamespace, Connections]:
    """``n`` actors in 20 clusters, each linked to its cluster's hub and the hubs to each other;
    the first hub also linked to ``star`` more."""
    kinds = ["person", "state", "organisation", "outlet"]
    actors = {f"a{i:03d}": Actor(id=f"a{i:03d}", name=f"Synthetic actor number {i}",
                                 kind=kinds[i % 4]) for i in range(n)}
    pairs = {(f"a{i:03d}", f"a{i % 20:03d}") for i in range(20, n)}
    pairs |= {(f"a{i:03d}", f"a{j:03d}") for i in range(20) for j in range(i + 1, 20) if j - i < 4}
    pairs |= {("a000", f"a{i:03d}") for i in range(100, 100 + star)}
    links, by_actor = [], {}
    for a, b in sorted((min(p), max(p)) for p in pairs):
        rel = Relation(a, b, "together", False, "named together", "claim", "actors/x.md",
                       frozenset())
        link = Link(a, b, (rel,))
        links.append(link)
        by_actor.setdefault(a, []).append(link)
        by_actor.setdefault(b, []).append(link)
    return SimpleNamespace(actors=actors), Connections(links, by_actor)


def test_the_overview_of_200_actors_stays_bounded_and_apart() -> None:
    site, conns = synthetic(200)
    (overview,) = draw(site, [plan_overview(conns)])  # type: ignore[arg-type]
    assert overview is not None
    assert len(overview.nodes) == MAX_NODES
    assert overview.left_out == 200 - MAX_NODES
    assert overview.width <= 2600 and overview.height <= 2600
    _assert_laid_out(overview)


def test_an_actor_with_too_many_connections_has_a_list_and_no_map() -> None:
    _site, conns = synthetic(200, star=60)
    assert len(conns.of("a000")) > MAX_NODES
    assert plan_actor(conns, "a000", "Hub") is None
    assert plan_actor(conns, "a150", "Leaf") is not None


def test_labels_are_sized_generously_and_wrapped() -> None:
    assert text_width("WWWW") > text_width("iiii") * 2
    box = label_box("The business delegation accompanying Lee to Beijing")
    assert box.lines == ("The business delegation", "accompanying Lee to", "Beijing")
    assert box.width <= text_width("x" * layout.WRAP) + 2 * layout.PAD_X + 1


def test_a_missing_graphviz_is_a_message_naming_the_package(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(layout.shutil, "which", lambda name: None)
    with pytest.raises(LayoutError, match=r"install it \(Debian: apt-get install graphviz\)"):
        layout.layout_all([layout.GraphSpec((label_box("A"),), ())])


def test_the_build_says_so_when_graphviz_is_missing(project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "nobin"
    empty.mkdir()
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project.root,
                          capture_output=True, text=True, check=False,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(empty)})
    assert done.returncode == 1
    assert "the maps need Graphviz: install it (Debian: apt-get install graphviz)" in done.stderr


def test_many_maps_are_laid_out_in_parallel_and_come_back_in_order() -> None:
    specs = [layout.GraphSpec(tuple(label_box(f"Actor {j}") for j in range(2 + i % 7)),
                              tuple((0, j) for j in range(1, 2 + i % 7)), root=0, radial=True)
             for i in range(120)]
    placed = layout.layout_all(specs)
    assert [len(p.centres) for p in placed] == [len(s.boxes) for s in specs]
    assert [len(p.paths) for p in placed] == [len(s.edges) for s in specs]


def test_a_map_laid_out_before_is_not_laid_out_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Under `mkdocs serve` every rebuild asks for every map: those an edit did not change come
    # from the layouts already made, without running Graphviz (here: without it at all).
    spec = layout.GraphSpec((label_box("Memo North"), label_box("Memo South")), ((0, 1),))
    first = layout.layout_all([spec])
    monkeypatch.setattr(layout.shutil, "which", lambda name: None)
    assert layout.layout_all([spec, spec]) == first * 2


def test_a_pair_named_together_by_many_facts_lists_the_first_and_counts_the_rest(
        real, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # At 50,000 facts two states are named together by thousands of facts: the map page lists
    # each pair's first relations and says how many more there are, so it stays loadable.
    from factref import render
    monkeypatch.setattr(render, "RELATIONS_SHOWN", 2)
    pages = render.Renderer(real).pages()
    pair = next(k for k in connections(real).links if len(k.relations) > 3)
    for page in (pages["map/index.md"], pages[f"actors/{pair.a}.md"]):
        item = page[page.index(f'id="{pair.id}"'):]
        item = item[:item.index("</ul>")]
        assert item.count("<li>") == 2
        assert f"and {len(pair.relations) - 2} more relations, among the facts on the pages of" \
            in item


def test_each_issues_links_are_the_links_restricted_to_it(real) -> None:  # type: ignore[no-untyped-def]
    conns = connections(real)
    for iid in real.issues:
        assert conns.about(iid) == [k for link in conns.links if (k := link.about(iid))]
    assert any(conns.about(iid) for iid in real.issues)


def test_a_dense_overview_draws_only_its_strongest_links_and_says_so() -> None:
    # Forty actors all linked to each other are 780 lines: a tangle, and at 50,000 facts a map
    # page over 1 MB. The overview draws the strongest and its caption says how many it leaves.
    from factref.graph import MAX_LINKS, Plan
    actors = {f"a{i:02d}": Actor(id=f"a{i:02d}", name=f"Dense actor {i}", kind="state")
              for i in range(MAX_NODES)}
    links = []
    for i in range(MAX_NODES):
        for j in range(i + 1, MAX_NODES):
            rels = tuple(Relation(f"a{i:02d}", f"a{j:02d}", "together", False, "named together",
                                  f"claim {n}", "actors/x.md", frozenset())
                         for n in range(1 + (i + j) % 5))
            links.append(Link(f"a{i:02d}", f"a{j:02d}", rels))
    plan: Plan = plan_overview(Connections(links, {}))
    assert len(plan.links) == MAX_LINKS and plan.links_left_out == len(links) - MAX_LINKS
    weakest_drawn = min(len(k.relations) for k in plan.links)
    assert all(len(k.relations) <= weakest_drawn for k in links if k not in plan.links)
    (drawing,) = draw(SimpleNamespace(actors=actors), [plan])  # type: ignore[arg-type]
    assert drawing is not None and drawing.links_left_out == len(links) - MAX_LINKS
