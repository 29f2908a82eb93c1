"""The generated pages' links, checked by the generator itself: pages rendered straight to HTML
bypass the link checks MkDocs applies to Markdown, so a link to a page or an anchor that does not
exist fails generation here instead, naming the page and the link.

Pages are added one at a time as they are rendered (only their ids and the links' targets are
kept, not the pages), and checked once all are in.
"""

from __future__ import annotations

import posixpath
import re
import sys
from collections.abc import Collection

from .pagehtml import anchor_ids, linkable_ids
from .render import built_url

_HREF = re.compile(r'\shref="([^"]*)"')
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


class LinkCheck:
    """Collects the links and anchors of generated pages; ``broken()`` lists the bad links."""

    def __init__(self, docs: Collection[str], *, directory_urls: bool = True) -> None:
        """``docs``: the site's other files (hand-written pages, assets), which links may reach
        but whose anchors are not checked."""
        self.directory_urls = directory_urls
        self.by_url = {self._url(path): path for path in docs}
        self.ids: dict[str, frozenset[str]] = {}
        """Page → the ids other pages may link to (not its citations' and references')."""
        self.links: dict[tuple[str, str], str] = {}
        """(target URL, anchor) of each link to another page → the first page linking there;
        the same targets recur on thousands of pages, so each is kept once."""
        self.problems: list[str] = []
        self._resolved: dict[tuple[str, str], str] = {}

    def _url(self, path: str) -> str:
        return built_url(path, self.directory_urls) if path.endswith(".md") else path

    def add(self, path: str, page: str) -> None:
        self.by_url[self._url(path)] = path
        ids = anchor_ids(page)
        self.ids[path] = linkable_ids(page, ids)
        base = posixpath.dirname(built_url(path, self.directory_urls))
        for href in set(_HREF.findall(page)):
            if _EXTERNAL.match(href):
                continue
            link, _, anchor = href.partition("#")
            link = link.partition("?")[0]
            if not link:  # within the page: checked now, against all of its ids
                if anchor and anchor not in ids:
                    self.problems.append(f"{path}: a link to '#{anchor}': no such anchor on it")
                continue
            key = (base, link)
            if key not in self._resolved:
                self._resolved[key] = sys.intern(_resolve(base, link))
            self.links.setdefault((self._resolved[key], sys.intern(anchor)), path)

    def broken(self, limit: int = 20) -> list[str]:
        """Each link that leads to no file of the site, or to an anchor its (generated) target
        page lacks; at most ``limit``."""
        problems = self.problems[:limit]
        for (url, anchor), here in self.links.items():
            if len(problems) >= limit:
                break
            target = self.by_url.get(url)
            link = f"{url}#{anchor}" if anchor else url
            if target is None:
                problems.append(f"{here}: a link to {link!r} leads to no page of the site")
            elif anchor and target in self.ids and anchor not in self.ids[target]:
                problems.append(f"{here}: a link to {link!r}: {target} has no anchor "
                                f"{anchor!r}")
        return problems


def _resolve(base: str, link: str) -> str:
    """The site-relative URL a relative link from folder ``base`` leads to."""
    path = posixpath.normpath(posixpath.join(base, link)) if base else posixpath.normpath(link)
    if path == ".":
        return ""
    return path + "/" if link.endswith("/") and not path.endswith("/") else path
