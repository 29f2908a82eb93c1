"""Citations numbered across a page, Wikipedia's way, and the page's References section.

A fact is rendered once per folder (its Markdown is the same on every page there), so its
citations can not know their numbers yet: the fact leaves a token for each, and ``number``
replaces the tokens of one finished page in reading order. The same passage cited twice on a
page keeps one number, and its reference links back to each use (↑ a b c).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from string import ascii_lowercase
from urllib.parse import quote

from markupsafe import Markup

from .quotes import Passage
from .site import Citation, FactView, PassageContext, Site, page_path

_OPEN, _SEP, _CLOSE = "\ue000", "\ue002", "\ue001"
_TOKEN = re.compile(f"{_OPEN}([a-z0-9][a-z0-9-]*){_SEP}(q-[0-9]+-[0-9]+){_CLOSE}")
PRIVATE = re.compile("[\ue000-\ue002]")
"""The token's delimiters: removed from record text wherever it is escaped, so no record can
forge a citation."""


def token(view: FactView, citation: Citation) -> Markup:
    """Where a fact's citation goes, until the page it is on numbers it."""
    return Markup(f"{_OPEN}{view.fact.id}{_SEP}{citation.passage.anchor}{_CLOSE}")


@dataclass
class Reference:
    number: int
    passage: Passage
    context: PassageContext
    uses: list[Use] = field(default_factory=list)


@dataclass(frozen=True)
class Use:
    """One citation link on the page: its element id, and the fact it belongs to."""

    id: str
    view: FactView
    letter: str


def _letter(index: int) -> str:
    """a, b, …, z, aa, ab, …: back-link labels in the order of use."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = ascii_lowercase[rest] + out
    return out


def source_href(passage: Passage, here: str, back: str, url: Callable[[str, str], str]) -> str:
    """Link from page ``here`` to ``passage`` on its source page, telling that page where the
    reader came from (``back``: a docs path with #fact-anchor) in a query, which works from
    file:// too. ``url(target, from_page)`` makes a relative link between docs paths."""
    source = page_path("sources", passage.source_id)
    back_link = url(back, source)
    return f"{url(source, here)}?from={quote(back_link, safe='')}#{passage.anchor}"


class Numbering:
    """Numbers the citation tokens of one page and collects its references."""

    def __init__(self, site: Site, here: str, url: Callable[[str, str], str],
                 cite: Callable[..., str]) -> None:
        self.site, self.here, self.url, self.cite = site, here, url, cite
        self.references: dict[str, Reference] = {}

    def __call__(self, text: str) -> str:
        return _TOKEN.sub(self._replace, text)

    def _replace(self, m: re.Match[str]) -> str:
        view = self.site.facts.get(m.group(1))
        passage = next((c.passage for c in view.citations if c.passage.anchor == m.group(2)),
                       None) if view else None
        if view is None or passage is None:
            return ""
        ref = self.references.get(passage.anchor)
        if ref is None:
            ref = Reference(len(self.references) + 1, passage, self.site.context(passage))
            self.references[passage.anchor] = ref
        letter = _letter(len(ref.uses))
        use = Use(f"cite-{ref.number}-{letter}", view, letter)
        ref.uses.append(use)
        href = source_href(passage, self.here, f"{self.here}#{view.anchor}", self.url)
        return self.cite(ref=ref, use=use, href=href)
