"""The compact search entries of generated pages (hooks/factref/search.py)."""

from __future__ import annotations

import json

from conftest import Project
from factref.search import FIELD, Entry, distinct_words, entries, with_entries


def test_distinct_words_keep_first_appearance_and_split_markup() -> None:
    assert distinct_words(["Korea's <b>Lee</b> met Lee", "KOREA'S lee"]) == "korea's b lee met"


def test_each_claim_is_indexed_once_on_its_home_page(project: Project) -> None:
    site = project.run().site
    found = entries(site)
    for view in site.facts.values():
        words = distinct_words([view.fact.claim]).split()
        holders = [p for p, e in found.items() if set(words) <= set(e.words.split())]
        assert view.home in holders, view.fact.id
    xi = found["actors/xi-jinping.md"]
    assert xi.title == "Xi Jinping" and "the Chinese leader" in xi.text


def test_generated_pages_replace_what_material_indexed_for_them() -> None:
    material = json.dumps({"config": {"lang": ["en"]}, "docs": [
        {"location": "method/", "title": "Method", "text": "How it is checked"},
        {"location": "actors/x/", "title": "X", "text": "every claim again"},
        {"location": "actors/x/#facts", "title": "Facts", "text": "every claim again"},
    ]})
    entry = Entry("<X>", "also &lt;Y&gt;", "x y")
    out = json.loads(with_entries(material, [("actors/x/", "ignored", entry),
                                             ("timeline/", "Time & line", None)]))
    assert out["config"] == {"lang": ["en"]}
    assert out["docs"] == [
        {"location": "method/", "title": "Method", "text": "How it is checked"},
        {"location": "actors/x/", "title": "&lt;X&gt;", "text": "also &lt;Y&gt;", FIELD: "x y"},
        {"location": "timeline/", "title": "Time &amp; line", "text": ""},
    ]


def test_words_lunr_never_indexes_are_left_out_of_the_hidden_field() -> None:
    # Material's lunr drops English stop words from the index and from every query, so in the
    # hidden field they are bytes every reader downloads for nothing (a tenth of it at 10k).
    entry = Entry("Xi", "", "the selfies of xi and lee in beijing")
    index = {"config": {"lang": ["en"], "pipeline": ["stopWordFilter"]}, "docs": []}
    out = json.loads(with_entries(json.dumps(index), [("actors/xi/", "Xi", entry)]))
    assert out["docs"][0][FIELD] == "selfies xi lee beijing"
    index["config"]["pipeline"] = []  # a site that searches for stop words keeps them
    out = json.loads(with_entries(json.dumps(index), [("actors/xi/", "Xi", entry)]))
    assert out["docs"][0][FIELD] == entry.words
