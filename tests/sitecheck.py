"""Reading a built site the way a link checker would: links, anchors and the text at an anchor."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

from factref.text import normalise_quote

_TAG = re.compile(r"<[^>]+>")
_NOTES = re.compile(r'<details class="fr-notes">.*?</details>')


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")


def parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to, or None for external links."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href):
        return None
    url, frag = urldefrag(href)
    url = url.split("?", 1)[0]  # a citation tells the source page where the reader came from
    base = "/" + page.relative_to(site).as_posix()
    target = unquote(urljoin(base, url)) if url else base
    path = site / target.lstrip("/")
    if path.is_dir() or target.endswith("/"):
        path = path / "index.html"
    return path, frag


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the built site that leads nowhere."""
    problems, cache = [], {}
    for page in sorted(site.rglob("*.html")):
        for href in parse(page).links:
            found = resolve(site, page, href)
            if found is None:
                continue
            path, frag = found
            if not path.is_file():
                problems.append(f"{page.relative_to(site)}: {href} -> missing file")
                continue
            if frag:
                ids = cache.setdefault(path, parse(path).ids)
                if frag not in ids:
                    problems.append(f"{page.relative_to(site)}: {href} -> missing anchor")
    return problems


def text_after_anchor(page: Path, anchor: str, length: int = 2000) -> str:
    """Normalised source text that follows the element with id ``anchor`` in document order
    (the notes the page puts beside each paragraph are not source text)."""
    source = page.read_text(encoding="utf-8")
    at = source.index(f'id="{anchor}"')
    rest = _NOTES.sub("", source[source.index(">", at) + 1 : at + length * 6])
    return normalise_quote(html.unescape(_TAG.sub("", rest)))[:length]


def citation_links(page: Path) -> list[str]:
    return [h for h in parse(page).links if "/sources/" in h and "#q-" in h]
