"""What a reader sees, in a real browser (Debian's chromium via Playwright), over http and file://.

Every test also asserts that no request left localhost or the file system.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, is_local, node_module, require_browser, screenshot, serve
from conftest import ROOT, SEED_ID

require_browser()

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

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
}


def _build(dest: Path, offline: bool) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return dest


@pytest.fixture(scope="module")
def online(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(_build(tmp_path_factory.mktemp("online"), offline=False)) as url:
        yield url


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node_module("iframe-worker/shim/index.js")
    return _build(tmp_path_factory.mktemp("offline"), offline=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Visit:
    """A page plus everything it requested and every error it raised."""

    def __init__(self, browser: Browser) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Any) -> None:
        self.requests.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def external(self) -> list[str]:
        return [u for u in self.requests if not is_local(u)]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    v = Visit(browser)
    yield v
    assert v.external() == [], "requests left the machine"
    assert v.errors == []
    v.close()


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
def test_citation_click_lands_on_the_highlighted_passage(
    visit: Visit, online: str, offline: Path, mode: str
) -> None:
    page = visit.page
    page.goto(f"{online}/actors/xi-jinping/" if mode == "http"
              else (offline / "actors" / "xi-jinping.html").as_uri())
    link = page.locator(f"a[href*='{SEED_ID}'][href*='#q-']").first
    title = link.get_attribute("data-fr-tip") or ""
    assert title.startswith("“") and "(China courts South Korea" in title
    link.click()
    page.wait_for_url("**#q-*")
    target = page.locator("mark.fr-target").first
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    anchor = page.url.split("#", 1)[1]
    marked = " ".join(page.locator(f"mark[data-passages~='{anchor}']").all_inner_texts())
    quote = title[1 : title.rindex("” (")]
    assert " ".join(marked.split()) == " ".join(quote.split())
    screenshot(page, f"citation-landing-{mode}")


@pytest.mark.parametrize("mode", ["http", "file"])
def test_citation_hover_shows_the_quote(
    visit: Visit, online: str, offline: Path, mode: str
) -> None:
    page = visit.page
    page.goto(f"{online}/events/lee-beijing-summit/" if mode == "http"
              else (offline / "events" / "lee-beijing-summit.html").as_uri())
    link = page.locator("article a[href*='#q-']").first
    link.hover()
    tip = page.locator("#fr-tip")
    expect(tip).to_be_visible(timeout=5000)
    text = tip.inner_text()
    assert text.startswith("“") and text.endswith("(China courts South Korea as it pressures "
                                                   "Japan over Taiwan)")
    assert link.get_attribute("aria-describedby") == "fr-tip"
    screenshot(page, f"citation-tooltip-{mode}")
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()
    link.focus()  # keyboard users get it too
    expect(tip).to_be_visible()


@pytest.mark.parametrize("mode", ["http", "file"])
def test_map_and_timeline_render(visit: Visit, online: str, offline: Path, mode: str) -> None:
    page = visit.page
    page.goto(f"{online}/map/" if mode == "http" else (offline / "map.html").as_uri())
    svg = page.locator("figure.fr-map svg")
    expect(svg).to_be_visible()
    assert page.locator("figure.fr-map svg circle").count() >= 15
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


def test_source_page_marks_cited_and_uncited_text_differently(visit: Visit, online: str) -> None:
    page = visit.page
    page.goto(f"{online}/sources/{SEED_ID}/")
    cited = page.locator("mark.fr-cited").first
    body = page.locator("p.fr-body").first
    furniture = page.locator("p.fr-furniture").first
    colour = cited.evaluate("e => getComputedStyle(e).backgroundColor")
    plain = body.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour != plain
    assert furniture.evaluate("e => getComputedStyle(e).color") != body.evaluate(
        "e => getComputedStyle(e).color")
    link = page.locator(".fr-source sup.fr-backref a").first
    link.click()
    expect(page.locator("article a[href*='#fact-']").first).to_be_visible()


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_serious_accessibility_violations(visit: Visit, online: str, kind: str) -> None:
    axe = node_module("axe-core/axe.min.js").read_text(encoding="utf-8")
    page = visit.page
    page.goto(f"{online}/{PAGES[kind]}")
    page.add_script_tag(content=axe)
    found = page.evaluate("async () => (await axe.run(document)).violations.map("
                          "v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
    serious = [v for v in found if v["impact"] in ("serious", "critical")]
    screenshot(page, f"page-{kind}")
    assert serious == [], json.dumps(serious)
