"""What a reader sees, in a real browser (Debian's chromium via Playwright), over http and file://.

Every test also asserts that no request left localhost or the file system.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import GuardedPage, require_browser, screenshot, serious_violations
from conftest import SEED_ID

require_browser()

from playwright.sync_api import Browser, Page, expect  # noqa: E402

PAGES = {  # page type -> path (online, directory URLs)
    "home": "",
    "actor": "actors/xi-jinping/",
    "issue": "issues/one-china-policy/",
    "event": "events/lee-beijing-summit/",
    "source": f"sources/{SEED_ID}/",
    "timeline": "timeline/",
    "map": "map/",
    "coverage": "coverage/",
    "actors-index": "actors/",
    "issues-index": "issues/",
    "events-index": "events/",
    "sources-index": "sources/",
    "method": "method/",
}


DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
         "device_scale_factor": 2}
SIZES = {"desktop": DESKTOP, "phone": PHONE}


class Visit(GuardedPage):
    """A page plus everything it requested and every error it raised."""

    def __init__(self, browser: Browser, size: str = "desktop") -> None:
        super().__init__(browser, **SIZES[size])
        self.size = size


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    v = Visit(browser)
    yield v
    assert v.external() == [], "requests left the machine"
    assert v.errors == []
    v.close()


@pytest.fixture(params=sorted(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Visit]:
    """A visit at each size: desktop (1280×900) and a phone (390×844, touch)."""
    v = Visit(browser, request.param)
    yield v
    assert v.external() == [], "requests left the machine"
    assert v.errors == []
    v.close()


def _url(online: str, offline: Path, mode: str, path: str, fragment: str = "") -> str:
    url = f"{online}/{path}" if mode == "http" else _offline_url(offline, path)
    return f"{url}#{fragment}" if fragment else url


def _offline_url(root: Path, path: str) -> str:
    target = root / (path.rstrip("/") + ".html" if path and not path.endswith("s/") else
                     path + "index.html")
    if path and path.endswith("/") and (root / path / "index.html").is_file():
        target = root / path / "index.html"
    return target.as_uri()


def _search(page: Page, words: str) -> list[str]:
    page.click("label.md-search__icon, .md-search__input", timeout=5000)
    field = page.locator("input.md-search__input")
    field.click()
    page.keyboard.type(words, delay=40)  # typed: filling the box programmatically doesn't search
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    return [t.strip() for t in page.locator(".md-search-result__item h1").all_inner_texts()]


@pytest.mark.parametrize("mode", ["http", "file"])
def test_search_finds_an_actor_by_its_alias(
    visit: Visit, online: str, offline: Path, mode: str
) -> None:
    start = f"{online}/" if mode == "http" else (offline / "index.html").as_uri()
    visit.page.goto(start)
    titles = _search(visit.page, "the Chinese leader")
    screenshot(visit.page, f"search-alias-{mode}")
    assert "Xi Jinping" in titles


@pytest.mark.parametrize("mode", ["http", "file"])
def test_search_finds_a_claim_by_its_words(
    visit: Visit, online: str, offline: Path, mode: str
) -> None:
    # Words of one claim only ("...tighter export license reviews for certain rare-earth related
    # items"), indexed once, on the claim's home page (hooks/factref/search.py).
    start = f"{online}/" if mode == "http" else (offline / "index.html").as_uri()
    visit.page.goto(start)
    titles = _search(visit.page, "license reviews")
    screenshot(visit.page, f"search-claim-{mode}")
    assert titles[:1] == ["China's export controls on Japan"]


@pytest.mark.parametrize("mode", ["http", "file"])
def test_map_and_timeline_render(visit: Visit, online: str, offline: Path, mode: str) -> None:
    page = visit.page
    page.goto(f"{online}/map/" if mode == "http" else (offline / "map" / "index.html").as_uri())
    svg = page.locator("figure.fr-map svg")
    expect(svg).to_be_visible()
    assert page.locator("figure.fr-map svg a.fr-node").count() >= 15
    assert page.locator("figure.fr-map a.fr-edge").count() >= 20
    box = svg.bounding_box()
    assert box is not None and box["width"] > 900
    screenshot(page, f"map-{mode}")
    page.goto(f"{online}/timeline/" if mode == "http" else (offline / "timeline.html").as_uri())
    hrefs = page.locator("article a.fr-tl-event").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    order = [h.rstrip("/").removesuffix(".html").rsplit("/", 1)[-1] for h in hrefs]
    assert len(order) == len(set(order)) >= 15
    # calendar values order these two; the text's "Hours after" orders the other two
    assert order.index("thaad-deployment-decision") < order.index("lee-takes-office")
    assert order.index("lee-beijing-summit") < order.index("china-export-controls-japan")
    screenshot(page, f"timeline-{mode}")


def test_no_serious_accessibility_violations(sized: Visit, online: str) -> None:
    """axe on every page type, at both sizes; one screenshot of each kept as an artifact."""
    page, serious = sized.page, {}
    for kind, path in sorted(PAGES.items()):
        page.goto(f"{online}/{path}")
        screenshot(page, f"page-{kind}-{sized.size}")
        bad = serious_violations(page)
        if bad:
            serious[kind] = bad
    assert serious == {}, json.dumps(serious)


# --- A reader's trust: no entity text, citations like Wikipedia's, landings like Hypothesis' -----

ENTITY = r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,31});"
XI = "actors/xi-jinping/"
SOURCE = f"sources/{SEED_ID}/"


def _shown_text(page: Page) -> dict[str, str]:
    """What a reader reads: the tab's title, the tables of contents and navigation, the body."""
    return page.evaluate("""() => ({
        title: document.title,
        toc: Array.from(document.querySelectorAll('.md-nav, .md-tabs, .md-header'))
                  .map(e => e.innerText).join(' | '),
        body: document.querySelector('.md-content').innerText,
    })""")


@pytest.mark.parametrize("mode", ["http", "file"])
def test_no_entity_shows_as_text(sized: Visit, online: str, offline: Path, mode: str) -> None:
    """Every page type: the tab's title, the navigation and the body hold no "&#x27;" or
    "&amp;" as text."""
    page, found = sized.page, {}
    for kind, path in sorted(PAGES.items()):
        page.goto(_url(online, offline, mode, path))
        shown = _shown_text(page)
        assert shown["title"], kind
        entities = {k: sorted(set(re.findall(ENTITY, v))) for k, v in shown.items()}
        if any(entities.values()):
            found[kind] = entities
    assert found == {}


def test_titles_with_an_apostrophe_read_as_typed(visit: Visit, online: str) -> None:
    page = visit.page
    page.goto(f"{online}/events/lee-visit-japan/")
    assert page.title().startswith("Lee's planned visit to Japan")
    page.goto(f"{online}/events/lee-beijing-summit/")
    assert page.title().startswith("Lee Jae Myung's state visit")
    toc = page.locator(".md-sidebar--secondary .md-nav--secondary").inner_text()
    assert "The reporters' account" in toc and "&#" not in toc


def _cite_numbers(page: Page) -> list[int]:
    return [int(t.strip("[]")) for t in page.locator("article a.fr-cite").all_inner_texts()]


@pytest.mark.parametrize("mode", ["http", "file"])
def test_citations_are_numbered_across_the_page_with_references(
    visit: Visit, online: str, offline: Path, mode: str
) -> None:
    page = visit.page
    page.goto(_url(online, offline, mode, "issues/china-japan-dispute/"))
    numbers = _cite_numbers(page)
    assert len(numbers) > len(set(numbers)) > 3  # and some passage is cited twice
    # Wikipedia's order: a new passage gets the next number; a passage cited again keeps its own
    seen = 0
    for n in numbers:
        assert n <= seen + 1
        seen = max(seen, n)
    assert seen > 1, "numbering restarts for every statement"
    refs = page.locator("ol.fr-refs > li")
    assert refs.count() == seen == len(set(numbers))
    expect(page.locator("h2#references")).to_be_visible()
    for i in range(refs.count()):
        ref = refs.nth(i)
        uses = page.locator(f"article a.fr-cite[data-ref='ref-{i + 1}']").count()
        back = ref.locator(".fr-ref-back a")
        assert back.count() == uses  # ↑ for one use, ↑ a b c for several
        assert ref.locator(".fr-ref-source cite").inner_text().startswith("China courts")
        context = ref.locator(".fr-ref-context").inner_text()
        quote = ref.locator(".fr-ref-context mark").inner_text()
        assert quote in context and len(context) > len(quote)  # the passage in its context
        expect(ref.locator("a.fr-ref-open")).to_have_attribute("href", re.compile(r"#q-\d+-\d+$"))
    page.locator("ol.fr-refs > li .fr-ref-back a").first.click()
    expect(page.locator("article a.fr-cite:target")).to_have_count(1)


def _centre_in_middle_third(page: Page, locator: Any) -> None:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None
    centre = box["y"] + box["height"] / 2
    assert height / 3 <= centre <= 2 * height / 3, (centre, height)


@pytest.mark.parametrize("mode", ["http", "file"])
def test_a_citation_lands_centred_on_its_passage_with_the_way_back(
    sized: Visit, online: str, offline: Path, mode: str
) -> None:
    page = sized.page
    page.goto(_url(online, offline, mode, XI))
    cite = page.locator("article a.fr-cite").nth(5)
    fact = cite.evaluate("a => a.closest('li').querySelector('.fr-fact').id")
    claim = cite.evaluate("a => a.closest('li').innerText")
    if sized.size == "phone":
        cite.tap()  # a tap previews; the preview's link opens the source
        page.locator("#fr-preview a.fr-ref-open").tap()
    else:
        cite.click()
    page.wait_for_url("**#q-*")
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator("mark.fr-target").first
    expect(target).to_be_visible()
    assert page.locator("mark.fr-target").evaluate_all(
        f"ms => ms.every(m => m.dataset.passages.split(' ').includes('{anchor}'))")
    _centre_in_middle_third(page, target)
    back = page.locator(".fr-from a")
    expect(back).to_be_visible()
    said = page.locator(".fr-from q").inner_text()
    assert said and claim.startswith(said)
    screenshot(page, f"landing-{sized.size}-{mode}")
    back.click()
    page.wait_for_url(f"**#{fact}")
    item = page.locator("li.fr-target-fact")
    expect(item).to_have_count(1)
    assert item.locator(".fr-fact").get_attribute("id") == fact
    _centre_in_middle_third(page, item)


@pytest.mark.parametrize("mode", ["http", "file"])
def test_arriving_at_a_fact_highlights_it(
    sized: Visit, online: str, offline: Path, mode: str
) -> None:
    page = sized.page
    page.goto(_url(online, offline, mode, "events/lee-beijing-summit/",
                   "fact-xi-frequency-of-summits"))  # where the map's arrows point
    item = page.locator("li:has(> #fact-xi-frequency-of-summits)")
    expect(item).to_have_class(re.compile("fr-target-fact"))
    assert item.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    _centre_in_middle_third(page, item)


def _open_preview(visit: Visit, cite: Any) -> Any:
    if visit.size == "phone":
        cite.tap()
    else:
        cite.hover()
    preview = visit.page.locator("#fr-preview")
    expect(preview).to_be_visible()
    return preview


def _inside_window(page: Page, box: dict[str, float] | None) -> bool:
    size = page.viewport_size
    return (box is not None and box["x"] >= 0 and box["y"] >= 0
            and box["x"] + box["width"] <= size["width"] + 0.5
            and box["y"] + box["height"] <= size["height"] + 0.5)


@pytest.mark.parametrize("edge", ["top", "bottom", "left", "right"])
def test_the_preview_fits_in_the_window_near_each_edge(
    sized: Visit, online: str, edge: str
) -> None:
    page = sized.page
    page.goto(f"{online}/{XI}")
    cites = page.locator("article a.fr-cite")
    xs = cites.evaluate_all("cs => cs.map(c => c.getBoundingClientRect().left)")
    pick = {"left": xs.index(min(xs)), "right": xs.index(max(xs)), "top": len(xs) // 2,
            "bottom": len(xs) - 1}[edge]
    cite = cites.nth(pick)
    cite.scroll_into_view_if_needed()
    # put it just below the header, or at the very bottom of the window
    cite.evaluate("""(c, edge) => {
        const r = c.getBoundingClientRect(), header = document.querySelector('.md-header');
        const top = edge === 'bottom' ? window.innerHeight - r.height - 2
                  : header.getBoundingClientRect().bottom + 4;
        window.scrollTo({top: window.scrollY + r.top - top, behavior: 'instant'});
    }""", edge)
    box, height = cite.bounding_box(), page.viewport_size["height"]
    assert box is not None
    if edge in ("top", "bottom"):  # the page did scroll that far
        assert (box["y"] < height / 5) if edge == "top" else (box["y"] > height * 0.8), box
    preview = _open_preview(sized, cite)
    assert _inside_window(page, preview.bounding_box()), (edge, preview.bounding_box())
    assert preview.locator(".fr-ref-context mark").inner_text()
    assert preview.locator(".fr-ref-source").inner_text().startswith("China courts")
    expect(preview.locator("a.fr-ref-open")).to_be_visible()
    screenshot(page, f"preview-{edge}-{sized.size}")


def test_the_preview_shows_on_hover_and_focus_and_stays_open_while_hovered(
    visit: Visit, online: str
) -> None:
    page = visit.page
    page.goto(f"{online}/{XI}")
    cite = page.locator("article a.fr-cite").first
    cite.hover()
    preview = page.locator("#fr-preview")
    expect(preview).to_be_visible()
    assert cite.get_attribute("aria-describedby") == "fr-preview"
    preview.hover()  # moving onto it keeps it open, so its link can be reached
    page.wait_for_timeout(500)
    expect(preview).to_be_visible()
    page.mouse.move(5, 5)
    expect(preview).to_be_hidden()
    cite.focus()  # keyboard users get it too
    expect(preview).to_be_visible()
    page.keyboard.press("Escape")
    expect(preview).to_be_hidden()
    box = cite.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24


def test_an_event_dates_citation_is_numbered_and_previews_its_passage(
    visit: Visit, online: str
) -> None:
    # "When: on Monday [1]": the date's evidence is a citation like any other, with its preview.
    page = visit.page
    page.goto(f"{online}/events/lee-beijing-summit/")
    when = page.locator("article p", has=page.locator("strong", has_text="When:"))
    cite = when.locator("a.fr-cite")
    expect(cite).to_have_text("[1]")
    cite.hover()
    preview = page.locator("#fr-preview")
    expect(preview).to_be_visible()
    assert "Monday" in preview.locator(".fr-ref-context mark").inner_text()
    expect(page.locator("#ref-1")).to_be_attached()
    screenshot(page, "event-date-preview")


@pytest.mark.parametrize("mode", ["http", "file"])
def test_a_tap_previews_without_leaving_the_page(
    browser: Browser, online: str, offline: Path, mode: str
) -> None:
    v = Visit(browser, "phone")
    try:
        page = v.page
        start = _url(online, offline, mode, "events/lee-beijing-summit/")
        page.goto(start)
        cite = page.locator("article a.fr-cite").first
        preview = _open_preview(v, cite)
        page.wait_for_timeout(300)
        assert page.url == start
        assert _inside_window(page, preview.bounding_box())
        screenshot(page, f"tap-preview-{mode}")
        page.locator(".fr-preview-close").tap()
        expect(preview).to_be_hidden()
        assert v.external() == [] and v.errors == []
    finally:
        v.close()


def test_the_source_page_reads_as_an_article(sized: Visit, online: str) -> None:
    page = sized.page
    page.goto(f"{online}/{SOURCE}")
    assert page.locator(".fr-source sup").count() == 0  # no markers inside sentences
    heading = page.locator("article h3", has_text="China-Japan ties")
    expect(heading).to_be_visible()
    faint = page.locator("mark.fr-cited[data-depth='1']").first
    deep = page.locator("mark.fr-cited[data-depth='2']").first
    colour = "e => getComputedStyle(e).backgroundColor"
    assert faint.evaluate(colour) != deep.evaluate(colour)  # overlapping passages told apart
    text = page.locator("article").inner_text()
    assert "- claim" not in text and "(line " not in text
    note = page.locator("li.fr-note").first
    if sized.size == "desktop":
        expect(note).to_be_visible()  # notes in the margin
        para, aside = page.locator(".fr-para").first.bounding_box(), note.bounding_box()
        assert para and aside and aside["x"] > para["x"] + para["width"] / 2
    else:
        expect(note).to_be_hidden()  # an expandable list under the paragraph
        page.locator("details.fr-notes > summary").first.tap()
        expect(note).to_be_visible()
    note.hover()
    passage = note.get_attribute("data-passage")
    assert page.locator(f"mark.fr-focus[data-passages~='{passage}']").count() >= 1
    link = note.locator("ul a").first
    link.click()
    page.wait_for_url("**#fact-*")
    expect(page.locator("li.fr-target-fact")).to_have_count(1)


def test_the_offline_404_page_is_styled(visit: Visit, offline: Path) -> None:
    page = visit.page
    page.goto((offline / "404.html").as_uri())
    header = page.locator(".md-header")
    expect(header).to_be_visible()
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky"
    failed = [u for u in visit.requests if u.startswith("file:///assets")]
    assert failed == []
    screenshot(page, "404-offline")
