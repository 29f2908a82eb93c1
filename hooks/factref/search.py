"""What readers search for, as compact entries for Material's search index.

Material indexes every page's whole text, section by section. The generated pages repeat each
claim on its actors', issues', event's and source's pages, the coverage report and the timeline,
so that index grew to 57 MB at 50,000 facts, all of it downloaded before the first result. The
generated pages are therefore left out of Material's own indexing (its documented per-page
``search: exclude``) and each gets one entry instead:

- ``title``: the page's title (a record's name, a source's headline);
- ``text``: one short line saying what it is (aliases; place and date; publisher), the part a
  result shows under its title;
- ``claims``: a field the results do not show, declared in ``mkdocs.yml`` so that Material's
  search indexes it: the distinct words of the title, of that line, of every claim whose home
  page this is (each claim is indexed once, on its event's page, else its first issue's, else
  its first actor's) and, on a source's page, of the passages cited from it.

Lunr matches words, not phrases, and Material highlights the searched words on the page a result
opens, so a reader who types words of a claim lands on the page that shows it. All text is
HTML-escaped: Material renders titles and texts as HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from .memo import Memo
from .place import page_kinds
from .quotes import Passage
from .records import Fact, Published
from .site import Site, page_path

FIELD = "claims"
"""The hidden field's name; ``mkdocs.yml`` declares it under ``plugins: search: fields``."""

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
LUNR_STOP_WORDS = frozenset("""
a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him
his how however i if in into is it its just least let like likely may me might most must my neither
no nor not of off often on only or other our own rather said say says she should since so some than
that the their them then there these they this tis to too twas us wants was we were what when where
which while who whom why will with would yet you your""".split())
"""English words lunr's ``stopWordFilter`` drops from the index and from every query (the list
in the lunr that Material bundles): in a hidden field they could never be found."""


@dataclass(frozen=True)
class Entry:
    title: str
    text: str
    words: str
    kind: str = ""
    """What kind of page it is ("Person", "Issue", "Event", "Source"): shown by Material's
    search as a tag under the result's title, so same-named pages are told apart."""


def distinct_words(texts: Iterable[str]) -> str:
    """The words of ``texts``, each once (case-folded), in the order they first appear."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(text):
            seen.setdefault(word.casefold(), None)
    return " ".join(seen)


def _line(*parts: str | None) -> str:
    return html.escape(" · ".join(p for p in parts if p), quote=False)


def entries(site: Site, memo: Memo | None = None) -> dict[str, Entry]:
    """Docs path of each record page → its title, its short line and its hidden words; each
    entry reused from ``memo`` while its record and the facts or passages it reads come back
    (memo.py)."""
    homed: dict[str, list[Fact]] = defaultdict(list)
    for view in site.facts.values():
        homed[view.home].append(view.fact)
    out: dict[str, Entry] = {}
    kinds = page_kinds(site)

    def add(path: str, record: object, title: str, parts: tuple[str | None, ...],
            texts: Sequence[Fact | Passage]) -> None:
        made = partial(_entry, title, parts, texts, kinds[path][1].capitalize())
        out[path] = made() if memo is None else memo.get(
            "search", (record, *texts), made, (path, kinds[path]))

    for aid, actor in site.actors.items():
        path = page_path("actors", aid)
        add(path, actor, actor.name, (", ".join(actor.aliases),), homed.get(path, []))
    for iid, issue in site.issues.items():
        path = page_path("issues", iid)
        add(path, issue, issue.name, (), homed.get(path, []))
    for eid, event in site.events.items():
        path = page_path("events", eid)
        date = event.date.text if event.date else None
        add(path, event, event.name, (event.place, date), homed.get(path, []))
    for sid, source in site.sources.items():
        record = source.record
        published = record.published.text if isinstance(record.published, Published) else None
        add(page_path("sources", sid), source, record.headline,
            (record.publisher, record.byline, published), site.passages_by_source.get(sid, []))
    return out


def _entry(title: str, parts: tuple[str | None, ...], texts: Sequence[Fact | Passage],
           kind: str) -> Entry:
    # Words of the title and line too: lunr splits only on spaces and hyphens, so a name
    # written "Korea's" or "<b>Name</b>" is found by its words this way. A fact gives its claim,
    # a source's passage its text.
    said = (t.claim if isinstance(t, Fact) else t.text for t in texts)
    words = distinct_words((title, *(p for p in parts if p), *said))
    return Entry(title, _line(*parts), words, kind)


def index_entry(location: str, title: str, entry: Entry | None) -> dict[str, Any]:
    """One document of ``search_index.json`` for a generated page; ``title`` (plain text) is used
    for pages that are not a record's (indexes, timeline, map, coverage)."""
    if entry is not None:
        title = entry.title
    doc: dict[str, Any] = {"location": location, "title": html.escape(title, quote=False),
                           "text": ""}
    if entry is not None:
        doc["text"] = entry.text
        if entry.words:
            doc[FIELD] = entry.words
        if entry.kind:
            doc["tags"] = [entry.kind]
    return doc


def _without_stop_words(entry: Entry | None) -> Entry | None:
    if entry is None:
        return None
    words = " ".join(w for w in entry.words.split(" ") if w not in LUNR_STOP_WORDS)
    return Entry(entry.title, entry.text, words, entry.kind)


def with_entries(index_json: str, pages: list[tuple[str, str, Entry | None]]) -> str:
    """Material's ``search_index.json`` with one document for each generated page, given as
    (URL, plain-text title, entry), in place of any Material made for it."""
    data = json.loads(index_json)
    config = data.get("config", {})
    if "stopWordFilter" in config.get("pipeline", ()) and config.get("lang") == ["en"]:
        pages = [(url, title, _without_stop_words(entry)) for url, title, entry in pages]
    ours = {url for url, _, _ in pages}
    docs = [d for d in data["docs"] if d["location"].partition("#")[0] not in ours]
    docs += [index_entry(url, title, entry) for url, title, entry in pages]
    data["docs"] = docs
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
