"""Sense of place: generated pages sit under their folder's section, and say what kind they are;
the home page tells the story from verified records."""

from __future__ import annotations

from types import SimpleNamespace

from conftest import ROOT
from factref.home import story
from factref.pipeline import run
from factref.place import page_kinds, place_pages
from factref.relations import connections
from factref.render import Renderer


def _page(uri: str, parent: object = None) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), parent=parent)


def test_parentless_pages_get_the_section_of_their_folder() -> None:
    actors = SimpleNamespace(children=[_page("actors/index.md")])
    sources = SimpleNamespace(children=[_page("sources/index.md"), _page("coverage.md")])
    about = SimpleNamespace(children=[_page("method.md")])  # its folder is the top: not used
    xi, own, top, stray = (_page("actors/xi.md"), _page("sources/s.md", parent="kept"),
                           _page("timeline.md"), _page("elsewhere/x.md"))
    assert place_pages([xi, own, top, stray], [actors, sources, about]) == 1
    assert xi.parent is actors
    assert own.parent == "kept" and top.parent is None and stray.parent is None


def test_every_record_page_has_a_kind() -> None:
    site = run(ROOT).site
    kinds = page_kinds(site)
    assert kinds["actors/xi-jinping.md"] == ("Actor · Person", "person")
    assert kinds["actors/china.md"] == ("Actor · State", "state")
    assert kinds["issues/thaad.md"] == ("Issue", "issue")
    assert kinds["events/thaad-deployment.md"] == ("Event", "event")
    assert len(kinds) == len(site.actors) + len(site.issues) + len(site.events) + len(site.sources)


def test_the_home_story_shows_verified_facts_with_their_citations() -> None:
    site = run(ROOT).site
    told = story(site, connections(site))
    assert 3 <= len(told.facts) <= 5
    assert all(v.fact.id in site.facts and v.citations for v in told.facts)
    home, references = Renderer(site).home()
    for view in told.facts:
        assert view.fact.claim.split()[0] in home
        assert f'id="{view.anchor}"' in home
    assert home.count('class="fr-cite"') >= len(told.facts)
    assert references.startswith("<!-- factref:references -->")
    assert '<h2 id="references">' in references and '<h2 id="references">' not in home
    assert "China courts South Korea as it pressures Japan over Taiwan" in home
    assert '<a href="actors/xi-jinping/">Xi Jinping</a> (person)' in home
    assert told.issues[0][1] >= told.issues[-1][1]


SECTIONED = """\
site_name: Fixture
hooks:
  - {hook}
theme:
  name: material
  font: false
  features: [navigation.tabs, navigation.indexes, navigation.path]
validation:
  omitted_files: ignore
nav:
  - Home: index.md
  - Actors:
      - actors/index.md
  - Sources:
      - sources/index.md
"""


def test_a_built_record_page_knows_its_place(project) -> None:  # type: ignore[no-untyped-def]
    import json

    from conftest import HOOK, SEED_ID
    project.write("mkdocs.yml", SECTIONED.format(hook=HOOK))
    project.write("docs/index.md", "# Fixture\n\nIntro.\n\n<!-- factref:story -->\n\n## After\n")
    done = project.build("--strict")
    assert done.returncode == 0, done.stderr
    page = project.page("actors/xi-jinping/index.html")
    active = page.split("md-tabs__item--active", 1)[1][:200]
    assert "Actors" in active
    path = page.split('<nav class="md-path"', 1)[1].split("</nav>", 1)[0]
    assert "Home" in path and "Actors" in path
    assert '<p class="fr-kind" data-search-exclude>Actor · Person</p>' in page
    source = project.page(f"sources/{SEED_ID}/index.html")
    assert "Sources" in source.split("md-tabs__item--active", 1)[1][:200]
    index = json.loads(project.page("search/search_index.json"))["docs"]
    tags = {d["location"]: d.get("tags") for d in index}
    assert tags["actors/xi-jinping/"] == ["Person"]
    assert tags["actors/china/"] == ["State"]
    assert tags["actors/"] is None  # hand-written and index pages carry no kind
    assert not any("Actor · Person" in d["text"] for d in index)  # the tag says it once
    home = project.page("index.html")
    assert "factref:story" not in home
    assert home.index("The story in brief") < home.index("After")
