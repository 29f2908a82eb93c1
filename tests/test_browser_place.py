"""Maps, sense of place and the home page, as a reader meets them: Debian's chromium via
Playwright, on a laptop (1280×900) and a phone (390×844, touch), over http and from file://.

Every test also asserts that nothing was requested from another host and no script failed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from browser import (
    GuardedPage,
    is_local,
    require_browser,
    screenshot,
    serious_violations,
)
from conftest import SEED_ID

require_browser()

from playwright.sync_api import Browser, Page, expect  # noqa: E402

SIZES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
}
MAPS = ["map/", "map/thaad/", "actors/xi-jinping/"]


class Reader(GuardedPage):
    """One browser context at one size; opens site paths over http or from the offline bundle."""

    def __init__(self, browser: Browser, size: str, online: str, offline: Path, mode: str):
        super().__init__(browser, **SIZES[size])
        self.size, self.mode, self.online, self.offline = size, mode, online, offline

    def url(self, path: str) -> str:
        if self.mode == "http":
            return f"{self.online}/{path}"
        if not path:
            return (self.offline / "index.html").as_uri()
        folder = self.offline / path.rstrip("/")
        target = folder / "index.html" if (folder / "index.html").is_file() else \
            folder.with_suffix(".html")
        return target.as_uri()

    def open(self, path: str) -> Page:
        self.page.goto(self.url(path))
        return self.page

    def shot(self, name: str) -> None:
        screenshot(self.page, f"{name}-{self.size}-{self.mode}")


@pytest.fixture(params=["desktop", "phone"])
def size(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(params=["http", "file"])
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def readers(browser: Browser, online: str, offline: Path) -> Iterator[Any]:
    made: list[Reader] = []

    def make(size: str, mode: str) -> Reader:
        made.append(Reader(browser, size, online, offline, mode))
        return made[-1]

    yield make
    for r in made:
        assert [u for u in r.requests if not is_local(u)] == [], "requests left the machine"
        assert r.errors == []
        r.context.close()


@pytest.fixture
def reader(readers: Any, size: str, mode: str) -> Reader:
    return readers(size, mode)


LABELS = """() => {
  const svg = document.querySelector('figure.fr-map svg');
  const box = e => { const r = e.getBoundingClientRect();
                     return [r.left, r.top, r.right, r.bottom]; };
  const scale = svg.getScreenCTM().a;
  return {svg: box(svg), view: box(svg.closest('.fr-map__view')),
          pannable: svg.closest('.fr-map__view').scrollWidth,
          nodes: [...svg.querySelectorAll('.fr-node')].map(n => ({
            name: n.getAttribute('aria-label'), text: box(n.querySelector('text')),
            rect: box(n.querySelector('rect')),
            px: parseFloat(getComputedStyle(n.querySelector('text')).fontSize) * scale}))};
}"""


def _inside(inner: list[float], outer: list[float], slack: float = 0.5) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("path", MAPS)
def test_map_labels_are_readable_inside_their_box_and_apart(reader: Reader, path: str) -> None:
    page = reader.open(path)
    expect(page.locator("figure.fr-map svg")).to_be_visible()
    found = page.evaluate(LABELS)
    nodes = found["nodes"]
    assert len(nodes) >= 3
    for n in nodes:
        assert n["text"][2] - n["text"][0] > 5, n["name"]  # drawn, not empty
        assert _inside(n["text"], n["rect"]), f"label clipped by its box: {n['name']}"
        assert _inside(n["rect"], found["svg"]), f"box outside the map: {n['name']}"
        assert n["px"] >= 12.5, f"label at {n['px']:.1f}px: {n['name']}"
    for a, b in combinations(nodes, 2):
        assert not _overlap(a["text"], b["text"]), (a["name"], b["name"])
        assert not _overlap(a["rect"], b["rect"]), (a["name"], b["name"])
    if path == "map/":
        reader.shot("map")
        if reader.size == "phone":  # wider than the screen: it pans in its frame, never shrinks
            assert found["pannable"] > found["view"][2] - found["view"][0]
    if path.startswith("actors/"):
        reader.shot("actor")


HANDLES = """() => {
  const out = [];
  for (const handle of document.querySelectorAll('figure.fr-map a.fr-edge--handle')) {
    const rel = handle.dataset.frRel;
    const line = document.querySelector(`.fr-edge__line[data-fr-rel="${rel}"]`);
    const dot = handle.querySelector('.fr-edge__dot');
    const cx = dot.cx.baseVal.value, cy = dot.cy.baseVal.value;
    let off = Infinity, at = 0;  // how far the handle sits from its line, and where along it
    const total = line.getTotalLength();
    for (let d = 0; d <= total; d += 0.5) {
      const p = line.getPointAtLength(d);
      const gap = Math.hypot(p.x - cx, p.y - cy);
      if (gap < off) { off = gap; at = d / total; }
    }
    handle.scrollIntoView({block: 'center', inline: 'center'});
    const r = dot.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const link = hit && hit.closest('a.fr-edge');
    const target = handle.querySelector('.fr-edge__target').getBoundingClientRect();
    out.push({rel, off, at, hit: link ? link.dataset.frRel : String(hit && hit.outerHTML),
              w: target.width, h: target.height});
  }
  return out;
}"""


@pytest.mark.parametrize("path", ["map/", "actors/xi-jinping/"])
def test_every_map_line_can_be_hit_at_its_handle(reader: Reader, path: str) -> None:
    """Each line has a round handle on it, at its middle unless another handle is there (in a
    crowded core it slides along its line); pointing or tapping there reaches that line."""
    page = reader.open(path)
    edges = page.evaluate(HANDLES)
    assert len(edges) >= (30 if path == "map/" else 7)
    assert [e for e in edges if e["hit"] != e["rel"]] == []
    assert max(e["off"] for e in edges) <= 1.0  # on its line
    assert all(0.15 <= e["at"] <= 0.85 for e in edges)
    assert sum(abs(e["at"] - 0.5) < 0.03 for e in edges) >= 0.6 * len(edges)
    assert min(min(e["w"], e["h"]) for e in edges) >= 23.99  # 24 px, less float error


def _point_at(page: Page, rel: str) -> tuple[float, float]:
    handle = page.locator(f"a.fr-edge--handle[data-fr-rel='{rel}']")
    handle.evaluate("h => h.scrollIntoView({block: 'center', inline: 'center'})")
    box = handle.locator(".fr-edge__dot").bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_a_line_shows_its_meaning_and_links_to_the_evidence(reader: Reader) -> None:
    page = reader.open("actors/xi-jinping/")
    rel = "rel-lee-jae-myung--xi-jinping"
    x, y = _point_at(page, rel)
    before = page.url
    if reader.size == "phone":
        page.touchscreen.tap(x, y)
    else:
        page.mouse.move(x, y)
    pop = page.locator("#fr-pop")
    expect(pop).to_be_visible()
    text = pop.inner_text()
    assert "Lee Jae Myung" in text
    assert "event: Lee Jae Myung's state visit to Beijing and meeting with Xi" in text
    assert page.url == before  # a tap previews; it does not leave the page
    box = pop.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= viewport["width"]
    assert box["y"] + box["height"] <= viewport["height"]
    reader.shot("map-popover")
    evidence = pop.locator("a[href*='#fact-']").first
    if reader.size == "desktop":
        page.mouse.move(box["x"] + 20, box["y"] + 10)  # it stays open while pointed at
        page.wait_for_timeout(500)
        expect(pop).to_be_visible()
    evidence.click()
    page.wait_for_url("**#fact-*")
    assert page.locator(":target").count() == 1


def test_a_line_can_be_reached_with_the_keyboard(readers: Any) -> None:
    page = readers("desktop", "http").open("actors/xi-jinping/")
    page.locator("figure.fr-map a.fr-node").last.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('class')")
    assert "fr-edge--handle" in focused
    expect(page.locator("#fr-pop")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#fr-pop")).to_be_hidden()


PLACES = {  # page -> (the tab lit, the kind in the title area)
    "actors/xi-jinping/": ("Actors", "Actor · Person"),
    "issues/thaad/": ("Issues", "Issue"),
    "events/thaad-deployment/": ("Events", "Event"),
    f"sources/{SEED_ID}/": ("Sources", "Source"),
}


@pytest.mark.parametrize("path", sorted(PLACES))
def test_a_record_page_shows_where_it_is_and_what_it_is(reader: Reader, path: str) -> None:
    tab, kind = PLACES[path]
    page = reader.open(path)
    crumbs = page.locator("nav.md-path")
    expect(crumbs).to_be_visible()
    assert [t.strip() for t in crumbs.locator("li").all_inner_texts()][:2] == ["Home", tab]
    expect(page.locator("article .fr-kind")).to_have_text(kind, ignore_case=True)
    if reader.size == "desktop":
        active = page.locator(".md-tabs__item--active")
        expect(active).to_have_count(1)
        expect(active).to_have_text(tab)
    else:  # the drawer's nav opens on the same section
        page.locator("label.md-header__button[for='__drawer']").click()
        expect(page.locator(".md-nav--primary .md-nav__item--active").first).to_be_visible()


CRUMBS = {  # page -> the trail before the page itself: (name, whether it links back)
    "actors/xi-jinping/": [("Home", True), ("Actors", True)],
    "events/lee-beijing-summit/": [("Home", True), ("Events", True)],
    "method/": [("Home", True), ("About", False)],  # About's first page is this one
}

TRAIL = """() => {
  const nav = document.querySelector('nav.md-path');
  const title = document.querySelector('[data-md-component=header-topic]').textContent.trim();
  return {title, tab: document.title, scrolls: nav.scrollWidth > nav.clientWidth,
          right: nav.getBoundingClientRect().right,
          items: [...nav.querySelectorAll('li')].map(li => ({
            text: li.innerText.trim(), link: !!li.querySelector('a[href]'),
            current: li.getAttribute('aria-current')}))};
}"""


@pytest.mark.parametrize("path", sorted(CRUMBS))
def test_the_breadcrumbs_end_with_the_page_itself(reader: Reader, path: str) -> None:
    page = reader.open(path)
    expect(page.locator("nav.md-path")).to_be_visible()
    trail = page.evaluate(TRAIL)
    *before, last = trail["items"]
    assert [(i["text"], i["link"]) for i in before] == CRUMBS[path]
    # the page's title, as its header and its browser tab give it
    assert last == {"text": trail["title"], "link": False, "current": "page"}
    assert trail["tab"].startswith(last["text"] + " - ")
    if path != "method/":  # a record page's title is the record's name, its first heading
        heading = re.compile("^" + re.escape(last["text"]) + "¶?$")  # ¶: its permalink
        expect(page.locator("article h1")).to_have_text(heading)
    assert [i["current"] for i in before] == [None] * len(before)
    assert not trail["scrolls"]  # a long title wraps; the trail never hides it sideways
    assert trail["right"] <= page.viewport_size["width"]
    reader.shot("breadcrumbs-" + path.strip("/").replace("/", "-"))


def _search(page: Page, words: str) -> list[dict[str, Any]]:
    toggle = page.locator("label.md-header__button[for='__search']")
    if toggle.is_visible():  # on a phone, the search box opens from the header's icon
        toggle.click()
    field = page.locator("input.md-search__input")
    field.click()
    page.keyboard.type(words, delay=40)  # typed: filling the box programmatically doesn't search
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')]
        .map(li => ({title: li.querySelector('h1, h2').innerText.trim(),
                     tags: [...li.querySelectorAll(':scope > a .md-tag')]
                            .map(t => t.innerText.trim())}))""")


def test_typed_search_results_say_what_kind_of_page_each_is(reader: Reader) -> None:
    page = reader.open("")
    results = _search(page, "THAAD")
    reader.shot("search-thaad")
    tagged = [(r["title"], tuple(r["tags"])) for r in results if r["tags"]]
    kinds = {t for _, tags in tagged for t in tags}
    assert {"Issue", "Event"} <= kinds
    assert len(tagged) >= 3 and len(set(tagged)) == len(tagged)


def test_the_home_page_tells_the_story_before_the_method(reader: Reader) -> None:
    page = reader.open("")
    headings = [h.strip().rstrip("¶") for h in page.locator("article h2").all_inner_texts()]
    assert headings == ["The sources", "The story in brief", "Who and what", "How checking works",
                        "References"]
    source = page.locator("article a", has_text="China courts South Korea as it pressures Japan")
    expect(source.first).to_be_visible()
    facts = page.locator("article h2:has-text('The story in brief') + ul > li")
    assert 3 <= facts.count() <= 5
    for i in range(facts.count()):
        assert facts.nth(i).locator(f"a[href*='{SEED_ID}'][href*='#q-']").count() >= 1
    reader.shot("home")
    source.first.click()
    expect(page.locator("article .fr-kind")).to_have_text("Source", ignore_case=True)


@pytest.mark.parametrize("path", ["", "map/", "map/thaad/", "actors/xi-jinping/"])
def test_no_serious_accessibility_violations_with_a_popover_open(
        readers: Any, size: str, path: str) -> None:
    page = readers(size, "http").open(path)
    handles = page.locator("figure.fr-map a.fr-edge--handle")
    if handles.count():
        handles.first.focus()
        expect(page.locator("#fr-pop")).to_be_visible()
    serious = serious_violations(page)
    assert serious == [], json.dumps(serious)
