"""Citations, references and what the site model answers for the reader's pages (no browser)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import ROOT, SEED_ID
from factref.citations import PRIVATE
from factref.offline import relative_404
from factref.pagehtml import title, toc_tokens
from factref.pipeline import Result, run
from factref.render import Renderer, make_env, plural
from factref.site import source_paragraphs

CITE = re.compile(r'<a class="fr-cite" id="cite-(\d+)-([a-z]+)" href="([^"]+)" '
                  r'data-ref="ref-(\d+)">&#91;(\d+)&#93;</a>')


@pytest.fixture(scope="module")
def result() -> Result:
    return run(ROOT)


@pytest.fixture(scope="module")
def pages(result: Result) -> dict[str, str]:
    return Renderer(result.site).pages()


def test_citations_are_numbered_in_order_of_first_use_across_the_page(
    pages: dict[str, str],
) -> None:
    page = pages["issues/china-japan-dispute.md"]
    cites = CITE.findall(page)
    numbers = [int(n) for n, *_ in cites]
    firsts = list(dict.fromkeys(numbers))
    assert firsts == list(range(1, len(firsts) + 1))
    assert len(numbers) > len(firsts), "no passage is cited twice on this page"
    for number, _letter, _, ref, shown in cites:
        assert number == ref == shown
    letters = {}
    for number, letter, *_ in cites:
        letters.setdefault(number, []).append(letter)
    assert all(ls == ["a", "b", "c", "d", "e"][: len(ls)] for ls in letters.values())
    refs = page.split('<h2 id="references">', 1)[1]
    assert refs.count('<li id="ref-') == len(firsts)
    for number, uses in letters.items():
        item = re.search(f'<li id="ref-{number}">(.*?)</li>\n', refs)
        assert item is not None
        assert item.group(1).count('href="#cite-') == len(uses)


def test_a_citation_tells_the_source_page_which_claim_it_came_from(
    pages: dict[str, str],
) -> None:
    page = pages["actors/xi-jinping.md"]
    first = CITE.search(page)
    assert first is not None
    href = first.group(3)
    assert href.startswith(f"../../sources/{SEED_ID}/?from=..%2F..%2Factors%2Fxi-jinping%2F"
                           "%23fact-xi-frequency-of-summits#q-")


def test_every_page_with_citations_has_references_and_no_token_is_left(
    pages: dict[str, str],
) -> None:
    for path, text in pages.items():
        assert not PRIVATE.search(text), path
        assert ('<h2 id="references">' in text) == bool(CITE.search(text)), path


def test_the_reference_shows_the_passage_in_its_context(result: Result) -> None:
    site = result.site
    view = site.facts["xi-japanese-militarism"]
    ctx = site.context(view.citations[0].passage)
    assert ctx.text == "He also brought up the two countries’ shared history of fighting " \
                       "Japanese militarism"
    assert ctx.before.startswith("At their meeting on Monday, Xi pointed")  # the sentence before
    assert ctx.after.startswith(", saying that they should")  # the rest of its own sentence
    assert ctx.after.endswith("first year of a full restoration of South Korea-China ties.")


def test_a_declared_line_without_a_sentence_end_is_a_subheading(result: Result) -> None:
    paragraphs = source_paragraphs(result.site, SEED_ID)
    assert [p.text for p in paragraphs if p.heading] == ["China-Japan ties"]


def test_each_date_is_said_once(result: Result) -> None:
    site = result.site
    assert site.facts["summit-on-monday"].fact.claim == "Xi and Lee met on Monday."
    assert site.facts["summit-on-monday"].date_note is None
    view = site.facts["summit-on-monday"]
    undated_claim = view.fact.model_copy(update={"claim": "Xi and Lee met."})
    assert replace(view, fact=undated_claim).date_note == "on Monday"  # not in the claim: shown


def test_facts_are_grouped_by_who_tells_them(result: Result) -> None:
    site = result.site
    views = site.by_actor["lee-jae-myung"]
    groups = site.by_attribution(views)
    assert groups[0].speaker is None  # the reporters' narration first
    speakers = [g.speaker for g in groups]
    assert len(speakers) == len(set(speakers))
    assert sum(len(g.views) for g in groups) == len(views)
    for g in groups:
        assert {v.fact.attribution.actor for v in g.views} == {g.speaker}


def test_actor_pages_name_the_attribution_once_and_never_link_to_themselves(
    pages: dict[str, str],
) -> None:
    lee = pages["actors/lee-jae-myung.md"]
    assert "the reporters' narration" not in lee
    xi = pages["actors/xi-jinping.md"]
    assert '<h2 id="what-xi-jinping-said">What Xi Jinping said<a' in xi
    assert 'href="./"' not in xi and 'href="../xi-jinping/"' not in xi
    assert "on Monday. · " not in xi


def test_coverage_shows_claims_and_text_marks_not_ids_lines_or_emoji(
    pages: dict[str, str],
) -> None:
    page = pages[f"coverage/{SEED_ID}.md"]
    assert "xi-identity]" not in page and "(line " not in page
    assert not re.search("[\u2705\u2796\u274c]", page)
    assert '<span class="fr-status fr-status-cited">cited</span>' in page
    assert "1 sentence judged" in page
    index = pages["coverage.md"]  # the index: counts per source, each linking to its page
    assert (f'<a href="{SEED_ID}/">China courts South Korea as it pressures Japan over'
            ' Taiwan</a></td><td style="text-align: right;">39</td>') in index
    assert '<td style="text-align: right;">100%</td><td style="text-align: right;">0</td>' in index


def test_counts_agree_with_their_nouns() -> None:
    assert plural(1, "fact") == "1 fact"
    assert plural(2, "fact") == "2 facts"
    assert plural(0, "claim") == "0 claims"


def test_record_text_can_not_forge_a_citation() -> None:
    forged = "\ue000selfies\ue002q-1-2\ue001"
    out = make_env().from_string("{{ claim }}").render(claim=f"claim {forged}")
    assert not PRIVATE.search(out)
    assert out == "claim selfiesq-1-2"


def test_titles_and_tables_of_contents_show_quotes_as_quotes() -> None:
    page = make_env().from_string('{{ heading(1, name) }}{{ heading(2, "Lee\'s <b>") }}').render(
        name="Lee's \"visit\" & <b>", ids=set())
    assert title(page) == "Lee's \"visit\" &amp; &lt;b&gt;"
    [h1] = toc_tokens(page)
    assert h1["id"] == "lees-visit-b"
    assert h1["children"][0]["name"] == "Lee's &lt;b&gt;"


def test_the_offline_404_page_links_relative_to_the_bundle() -> None:
    page = ('<link href="/assets/main.css"><script src="/assets/bundle.js"></script>'
            '<a href="/actors/">x</a><a href="//cdn.example/x">y</a>'
            '{"base": "/", "search": "/assets/workers/search.js"}')
    assert relative_404(page) == (
        '<link href="./assets/main.css"><script src="./assets/bundle.js"></script>'
        '<a href="./actors/">x</a><a href="//cdn.example/x">y</a>'
        '{"base": ".", "search": "./assets/workers/search.js"}')
