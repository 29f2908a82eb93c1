"""A citation's preview, operated from the keyboard alone: Debian's chromium via Playwright, on a
laptop (1280×900) and a phone (390×844, touch), over http and from file://.

The preview holds a link to the passage in the source, so Tab from the citation must reach it,
Shift+Tab go back, Escape close the preview and return to the citation, and focus leaving both
close it (docs/assets/factref.js). Every test also asserts that nothing was requested from another
host and no script failed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import is_local, require_browser, serious_violations
from conftest import SEED_ID

require_browser()

from playwright.sync_api import Browser, expect  # noqa: E402
from test_browser_place import Reader  # noqa: E402

XI = "actors/xi-jinping/"

FOCUSED_IN_PREVIEW = "() => !!document.activeElement.closest('#fr-preview')"


@pytest.fixture(params=[(size, mode) for size in ("desktop", "phone") for mode in ("http", "file")],
                ids=lambda p: "-".join(p))
def reader(request: pytest.FixtureRequest, browser: Browser, online: str,
           offline: Path) -> Iterator[Reader]:
    size, mode = request.param
    r = Reader(browser, size, online, offline, mode)
    yield r
    assert [u for u in r.requests if not is_local(u)] == [], "requests left the machine"
    assert r.errors == []
    r.close()


def test_tab_reaches_the_previews_link_and_escape_returns_to_the_citation(
        reader: Reader) -> None:
    page = reader.open(XI)
    cite = page.locator("article a.fr-cite").nth(3)
    preview = page.locator("#fr-preview")
    source = preview.locator("a.fr-ref-open")
    cite.focus()
    expect(preview).to_be_visible()
    assert cite.get_attribute("aria-describedby") == "fr-preview"
    page.keyboard.press("Tab")
    expect(source).to_be_focused()
    expect(preview).to_be_visible()
    reader.shot("preview-keyboard")
    page.keyboard.press("Shift+Tab")
    expect(cite).to_be_focused()
    expect(preview).to_be_visible()
    page.keyboard.press("Tab")
    expect(source).to_be_focused()
    page.keyboard.press("Escape")
    expect(preview).to_be_hidden()
    expect(cite).to_be_focused()  # back where the reader was, the preview not reopened
    page.wait_for_timeout(400)  # past the preview's closing delay: it stays closed
    expect(preview).to_be_hidden()


def test_focus_leaving_the_citation_and_its_preview_closes_it(reader: Reader) -> None:
    page = reader.open(XI)
    cite = page.locator("article a.fr-cite").nth(3)
    cite.focus()
    page.keyboard.press("Tab")
    expect(page.locator("#fr-preview a.fr-ref-open")).to_be_focused()
    page.keyboard.press("Tab")  # on past the preview, to whatever follows the citation
    assert not page.evaluate(FOCUSED_IN_PREVIEW)
    expect(cite).not_to_have_attribute("aria-describedby", "fr-preview")  # not its preview
    moved_to_a_citation = page.evaluate(
        "() => document.activeElement.matches('a.fr-cite')")
    if not moved_to_a_citation:
        expect(page.locator("#fr-preview")).to_be_hidden()


def test_enter_on_the_previews_link_opens_the_passage_in_the_source(reader: Reader) -> None:
    page = reader.open(XI)
    cite = page.locator("article a.fr-cite").nth(3)
    anchor = (cite.get_attribute("href") or "").rsplit("#", 1)[1]
    cite.focus()
    page.keyboard.press("Tab")
    expect(page.locator("#fr-preview a.fr-ref-open")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#{anchor}")
    assert f"/sources/{SEED_ID}/" in page.url or f"/sources/{SEED_ID}.html" in page.url
    target = page.locator("mark.fr-target").first
    expect(target).to_be_visible()
    assert page.locator("mark.fr-target").evaluate_all(
        f"ms => ms.every(m => m.dataset.passages.split(' ').includes('{anchor}'))")
    expect(page.locator(".fr-from a")).to_be_visible()  # and the way back to the claim
    reader.shot("preview-keyboard-landing")


def test_no_serious_accessibility_violations_with_the_preview_focused(reader: Reader) -> None:
    """axe, with the preview open in the text and its link focused from the keyboard."""
    page = reader.open(XI)
    page.locator("article a.fr-cite").nth(3).focus()
    page.keyboard.press("Tab")
    expect(page.locator("#fr-preview a.fr-ref-open")).to_be_focused()
    serious = serious_violations(page)
    assert serious == [], json.dumps(serious)
    expect(page.locator("#fr-preview a.fr-ref-open")).to_be_focused()  # axe moved nothing
