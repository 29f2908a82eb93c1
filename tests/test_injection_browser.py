"""Record text that tries to run code, checked in a real browser.

The hostile records of test_hostile.py (every text field carrying <script>, event handlers,
Markdown links and images with javascript: URLs, and "</title>" to break out of the page title)
are built with this repository's own mkdocs.yml and theme features, served over loopback HTTP,
and opened in Debian's chromium through Playwright. On every page: no dialog opens, no script
error is raised, the injected scripts' marker ``window.__pwned`` stays undefined, no request goes
where injected markup points, and the hostile text is there to read, as text. Tooltips (hovered:
Material's content.tooltips renders title attributes and truncated titles as HTML) and search
results (typed) render record text too, so both are exercised.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import require_browser, serve
from test_hostile import FIELD_PAGES, FIELDS, MARK, TITLE, Page, make_hostile_project

ROOT = Path(__file__).resolve().parent.parent

require_browser()
from playwright import sync_api  # noqa: E402

PAGES = sorted(set(FIELD_PAGES.values()) | {"actors/", "issues/", "events/", "sources/",
                                             "timeline/", "map/", ""})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile project built with the repository's mkdocs.yml (theme features, scripts)."""
    root = tmp_path_factory.mktemp("browser")
    project = make_hostile_project(root, (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for item in (ROOT / "docs").iterdir():
        if item.is_dir():
            shutil.copytree(item, root / "docs" / item.name)
        elif item.name != "index.md":
            shutil.copyfile(item, root / "docs" / item.name)
    shutil.copytree(ROOT / "overrides", root / "overrides")  # mkdocs.yml's theme.custom_dir
    (root / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
    assert project.problems() == []
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True,
        check=False, env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    return root / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield f"{url}/"


class Watch:
    """Everything a page does that injected code could cause."""

    def __init__(self, page: Any, base_url: str) -> None:
        self.found: list[str] = []
        self.base_url = base_url
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.found.append(f"script error: {exc}"))
        page.on("console", self._console)
        page.on("request", self._request)

    def _dialog(self, dialog: Any) -> None:
        self.found.append(f"{dialog.type} dialog: {dialog.message!r}")
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.found.append(f"console error: {message.text}")

    def _request(self, request: Any) -> None:
        url = request.url
        if not url.startswith((self.base_url, "data:", "blob:", "about:")):
            self.found.append(f"request outside the site: {url}")
        elif url.rstrip("/").endswith("/x") or "javascript:" in url:
            self.found.append(f"request made by injected markup: {url}")


def _hover(page: Any, selector: str, most: int) -> None:
    for element in [e for e in page.locator(selector).all() if e.is_visible()][:most]:
        try:
            element.hover(force=True, timeout=1_000)
        except sync_api.Error:  # gone meanwhile (Material re-renders some of them)
            pass


def _visit(browser: Any, base_url: str, path: str) -> list[str]:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = Watch(page, base_url)
    try:
        page.goto(base_url + path, wait_until="load")
        # Material's content.tooltips renders title attributes, and the text of truncated
        # titles (.md-ellipsis, as in the header), as HTML when hovered: hover them all.
        _hover(page, '.md-content [title*="pwned"], .md-ellipsis', 10)
        _hover(page, ".md-content a.fr-cite", 4)  # the previews clone the page's references
        page.mouse.wheel(0, 800)  # the header now shows the page title
        page.wait_for_timeout(100)
        _hover(page, ".md-header .md-ellipsis", 4)
        page.wait_for_timeout(100)
        if page.evaluate(f"typeof window.{MARK}") != "undefined":
            watch.found.append(f"window.{MARK} was set by injected code")
        shown = " ".join(page.inner_text("body").split())
        for field, where in FIELD_PAGES.items():
            if where == path and " ".join(FIELDS[field].split()) not in shown:
                watch.found.append(f"{field} is not shown as typed: {FIELDS[field]!r}")
    finally:
        context.close()
    return watch.found


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_hostile_text_is_inert_and_readable(browser: Any, base_url: str, path: str) -> None:
    assert _visit(browser, base_url, path) == []


def test_search_results_show_hostile_text_inertly(browser: Any, base_url: str) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = Watch(page, base_url)
    try:
        page.goto(base_url, wait_until="load")
        page.keyboard.press("s")  # Material's shortcut to the search box
        page.keyboard.type("pwned", delay=20)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="visible")
        assert results.count() >= 6
        _hover(page, ".md-search-result [title], .md-search-result .md-ellipsis", 8)
        page.wait_for_timeout(150)
        assert page.evaluate(f"typeof window.{MARK}") == "undefined"
        assert "Council " + TITLE in page.inner_text(".md-search-result")
    finally:
        context.close()
    assert watch.found == []


@pytest.mark.parametrize("back", ["javascript:window.__pwned=true", "//example.test/x",
                                  "https://example.test/x", "../x\" onmouseover=\"x"])
def test_a_forged_way_back_is_not_offered(browser: Any, base_url: str, back: str) -> None:
    """The source page's "back to the claim" link comes from the URL: only a relative link
    within the site is offered."""
    from urllib.parse import quote

    context = browser.new_context(service_workers="block")
    page = context.new_page()
    watch = Watch(page, base_url)
    try:
        page.goto(f"{base_url}sources/evil/", wait_until="load")
        anchor = page.locator(".fr-anchor").first.get_attribute("id")
        page.goto(f"{base_url}sources/evil/?from={quote(back, safe='')}#{anchor}",
                  wait_until="load")
        assert page.locator("mark.fr-target").count() >= 1  # the landing itself still works
        assert page.locator(".fr-from").count() == 0
    finally:
        context.close()
    assert watch.found == []


NAMED = {"actor name": "actors/council/", "person name": "actors/mayor/",
         "issue name": "issues/evil-issue/", "event name": "events/evil-meeting/",
         "second event name": "events/evil-resignation/"}


@pytest.mark.parametrize("field", sorted(NAMED))
def test_the_breadcrumbs_name_a_hostile_page_as_typed(
        browser: Any, base_url: str, site: Path, field: str) -> None:
    """The trail ends with the page's own title (overrides/partials/path.html): the record's
    name, "</title><script>" and all, as text."""
    path = NAMED[field]
    assert Page((site / path / "index.html").read_text(encoding="utf-8")).problems() == []
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    watch = Watch(page, base_url)
    try:
        page.goto(base_url + path, wait_until="load")
        last = page.locator("nav.md-path li[aria-current='page']")
        assert " ".join(last.inner_text().split()) == " ".join(FIELDS[field].split())
        assert last.locator("*").evaluate_all("els => els.map(e => e.tagName)") == ["SPAN"]
        assert page.evaluate(f"typeof window.{MARK}") == "undefined"
    finally:
        context.close()
    assert watch.found == []
