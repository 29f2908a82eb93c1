"""Generated pages are HTML that MkDocs does not check: the generator checks their links itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from factref.generate import GenerateError, generated_files
from factref.links import LinkCheck
from factref.pipeline import run

ACTOR = ('<h1 id="xi">Xi</h1><span class="fr-fact" id="fact-a"></span>'
         '<a class="fr-cite" id="cite-1-a" href="../../sources/s/#q-1-2">[1]</a>'
         '<a href="#ref-1">↑</a><li id="ref-1"></li>')
SOURCE = '<h1 id="s">S</h1><span class="fr-anchor" id="q-1-2"></span>'


def _check(pages: dict[str, str], docs: tuple[str, ...] = ("method.md",)) -> list[str]:
    check = LinkCheck(docs)
    for path, page in pages.items():
        check.add(path, page)
    return check.broken()


def test_links_to_pages_and_anchors_that_exist_pass() -> None:
    back = '<a href="../../actors/xi/#fact-a">x</a><a href="../../method/">m</a>'
    assert _check({"actors/xi.md": ACTOR, "sources/s.md": SOURCE + back}) == []


def test_a_link_to_a_page_that_does_not_exist_is_named_with_its_page() -> None:
    page = ACTOR + '<a href="../japan/">Japan</a>'
    assert _check({"actors/xi.md": page, "sources/s.md": SOURCE}) == [
        "actors/xi.md: a link to 'actors/japan/' leads to no page of the site"]


def test_a_link_to_a_missing_anchor_on_another_page_fails() -> None:
    page = ACTOR.replace("#q-1-2", "#q-9-9")
    assert _check({"actors/xi.md": page, "sources/s.md": SOURCE}) == [
        "actors/xi.md: a link to 'sources/s/#q-9-9': sources/s.md has no anchor 'q-9-9'"]


def test_a_link_to_a_missing_anchor_on_the_same_page_fails() -> None:
    page = ACTOR.replace('href="#ref-1"', 'href="#ref-2"')
    assert _check({"actors/xi.md": page, "sources/s.md": SOURCE}) == [
        "actors/xi.md: a link to '#ref-2': no such anchor on it"]


def test_external_links_and_queries_are_not_mistaken_for_pages() -> None:
    page = ACTOR + '<a href="https://example.org/x">o</a><a href="../../sources/s/?from=x#q-1-2">'
    assert _check({"actors/xi.md": page, "sources/s.md": SOURCE}) == []


def test_the_real_site_links_only_to_what_exists_and_a_broken_link_fails_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = run(ROOT)
    docs = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*")
            if p.is_file()]
    assert generated_files(result, ROOT, docs=docs, folder=tmp_path)  # no error: all links hold
    from factref import render
    real = render.relative_url
    monkeypatch.setattr(render, "relative_url",
                        lambda target, here, d: real(target, here, d).replace("#fact-", "#fakt-"))
    with pytest.raises(GenerateError, match="has no anchor 'fakt-"):
        generated_files(result, ROOT, docs=docs, folder=tmp_path)
