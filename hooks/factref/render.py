"""Render: the site model → Markdown pages, from Jinja templates.

Record text is data. Every value a Markdown template prints is escaped for Markdown *and* HTML
unless it was deliberately marked safe, so a claim containing ``<script>`` or
``[x](javascript:...)`` shows as those characters and never becomes markup. Raw-HTML fragments
(the source text, the SVG maps) use the ``html`` filter or an HTML-escaping environment.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from collections.abc import Collection
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .graph import KIND_COLOURS, Drawing, edges, edges_by_actor, full_map, neighbourhood
from .jsonld import jsonld
from .quotes import Passage
from .site import (
    KIND_TITLES,
    FactView,
    Site,
    cited_passages,
    page_path,
    source_paragraphs,
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
"""Python-Markdown's own escapable characters: a backslash before them disappears."""
_MD_ENTITIES = {"|": "&#124;", "~": "&#126;", "=": "&#61;", "^": "&#94;"}
"""Characters extensions may give meaning to, but a backslash would show: written as entities."""
_MD_ENTITY_RE = re.compile("[|~=^]")
_SPACE = re.compile(r"\s+")
SECTIONS = ("actors", "issues", "events", "sources")
TOP_PAGES = ("timeline", "map", "coverage")


def md_escape(value: Any) -> Markup:
    """Text → Markdown that renders as exactly that text (one line, HTML-escaped)."""
    return _md_escape(str(value))


@functools.lru_cache(maxsize=1 << 16)  # names and labels recur on many pages
def _md_escape(text: str) -> Markup:
    text = _SPACE.sub(" ", text).strip()
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True))
    return Markup(_MD_ENTITY_RE.sub(lambda m: _MD_ENTITIES[m.group()], escaped))


def attr_text(value: Any) -> Markup:
    """Text for an HTML attribute or a Markdown link title: one line, HTML-escaped."""
    return Markup(html.escape(_SPACE.sub(" ", str(value)).strip(), quote=True))


def html_text(value: Any) -> Markup:
    """Text for a raw-HTML context (element content), whitespace kept."""
    return escape(str(value))


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return md_escape(value)


def make_env() -> Environment:
    env = Environment(
        loader=PackageLoader("factref", "templates"),
        autoescape=True,  # so macro output stays Markup; _finalize does the Markdown escaping
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["attr"] = attr_text
    env.filters["html"] = html_text
    env.filters["ids"] = lambda items: Markup(" ".join(str(escape(i)) for i in items))
    return env


def make_svg_env() -> Environment:
    return Environment(
        loader=PackageLoader("factref", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def built_url(docs_path: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) MkDocs gives the page built from ``docs_path``."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem if directory_urls else stem + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(target: str, here: str, directory_urls: bool) -> str:
    """Link from the page built from ``here`` to ``target`` (a docs path, maybe with #anchor)."""
    path, _, anchor = target.partition("#")
    to, at = built_url(path, directory_urls), built_url(here, directory_urls)
    rel = _relpath(to, at.rsplit("/", 1)[0] if "/" in at else "")
    return f"{rel}#{anchor}" if anchor else rel


@functools.lru_cache(maxsize=65536)
def _relpath(to: str, base: str) -> str:
    """``to`` relative to folder ``base`` (both site-relative, no leading slash): a plain string
    computation, since these are URLs, not files."""
    to_parts, base_parts = to.split("/"), [p for p in base.split("/") if p]
    common = 0
    while (common < len(base_parts) and common < len(to_parts) - 1
           and to_parts[common] == base_parts[common]):
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + to_parts[common:])
    return rel or "./"


class Renderer:
    """Renders every generated page of a site; ``pages()`` returns {docs path: Markdown}."""

    def __init__(self, site: Site, *, directory_urls: bool = True) -> None:
        self.site = site
        self.directory_urls = directory_urls
        self.env = make_env()
        self.svg_env = make_svg_env()
        self._fact_items: dict[tuple[str, str], Markup] = {}

    def paths(self) -> list[str]:
        """The docs path of every page ``pages()`` renders."""
        site = self.site
        return [
            *(page_path("actors", aid) for aid in site.actors),
            *(page_path("issues", iid) for iid in site.issues),
            *(page_path("events", eid) for eid in site.events),
            *(page_path("sources", sid) for sid in site.sources),
            *(page_path(kind, "index") for kind in SECTIONS),
            *(f"{name}.md" for name in TOP_PAGES),
        ]

    def pages(self, only: Collection[str] | None = None) -> dict[str, str]:
        """Every generated page (docs path → Markdown), or those whose path is in ``only``."""
        site, out = self.site, {}

        def wanted(path: str) -> bool:
            return only is None or path in only

        all_edges = edges(site)
        touching = edges_by_actor(all_edges)
        for aid, actor in site.actors.items():
            if wanted(page_path("actors", aid)):
                out.update(self._page("actors", aid, "actor.md.j2", actor=actor,
                                      neighbourhood=neighbourhood(site, aid,
                                                                  touching.get(aid, []))))
        for iid, issue in site.issues.items():
            if wanted(page_path("issues", iid)):
                out.update(self._page("issues", iid, "issue.md.j2", issue=issue))
        for eid, event in site.events.items():
            if wanted(page_path("events", eid)):
                out.update(self._page("events", eid, "event.md.j2", event=event))
        for sid, source in site.sources.items():
            if wanted(page_path("sources", sid)):
                out.update(self._page("sources", sid, "source.md.j2", source=source,
                                      paragraphs=source_paragraphs(site, sid)))
        for kind in SECTIONS:
            if wanted(page_path(kind, "index")):
                out.update(self._page(kind, "index", f"{kind}-index.md.j2"))
        if wanted("timeline.md"):
            out.update(self._top("timeline"))
        if wanted("map.md"):
            out.update(self._top("map", drawing=full_map(site)))
        if wanted("coverage.md"):
            out.update(self._top("coverage", reports=site.coverage))
        return out

    def _top(self, name: str, **context: Any) -> dict[str, str]:
        return self._render(f"{name}.md", f"{name}.md.j2", **context)

    def _page(self, kind: str, rid: str, template: str, **context: Any) -> dict[str, str]:
        return self._render(page_path(kind, rid), template, kind=kind, rid=rid, **context)

    def _render(self, here: str, template: str, **context: Any) -> dict[str, str]:
        def url(target: str) -> Markup:
            return Markup(escape(relative_url(target, here, self.directory_urls)))

        def svg(drawing: Drawing | None) -> Markup:
            if drawing is None:
                return Markup("")
            text = self.svg_env.get_template("map.svg.j2").render(
                drawing=drawing, url=url, page_path=page_path, actors=self.site.actors,
                colours=KIND_COLOURS)
            # One raw-HTML block for Markdown: no blank lines inside.
            return Markup("\n".join(line for line in text.splitlines() if line.strip()))

        def ld(kind: str, rid: str) -> Markup:
            data = jsonld(self.site, kind, rid)
            text = json.dumps(data, ensure_ascii=False, sort_keys=True)
            text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            return Markup(f'<script type="application/ld+json">{text}</script>')

        def cited_by(passages: tuple[Passage, ...]) -> str:
            views = dict.fromkeys(v for p in passages
                                  for v in self.site.by_passage[(p.source_id, p.start, p.end)])
            return "Cited by: " + "; ".join(v.fact.claim for v in views)

        def link(target: str) -> Markup:
            return Markup(_relative_md(target, folder))

        folder = posixpath.dirname(here)

        def cached_fact_item(view: FactView) -> Markup:
            # A fact shows the same on every page of a folder (links are relative): render once.
            key = (view.fact.id, folder)
            if key not in self._fact_items:
                text = self.env.get_template("fact.md.j2").render(
                    view=view, site=self.site, link=link, page_path=page_path)
                self._fact_items[key] = Markup(text.strip("\n"))
            return self._fact_items[key]

        text = self.env.get_template(template).render(
            site=self.site,
            cached_fact_item=cached_fact_item,
            group_by_speaker=_group_by_speaker,
            site_passages=lambda sid: cited_passages(self.site, sid),
            cited_by=cited_by,
            here=here,
            link=link,
            url=url,
            svg=svg,
            jsonld=ld,
            page_path=page_path,
            kind_titles=KIND_TITLES,
            **context,
        )
        return {here: text}


def _group_by_speaker(views: list[FactView]) -> dict[str, list[FactView]]:
    grouped: dict[str, list[FactView]] = {}
    for view in views:
        if view.fact.attribution.actor:
            grouped.setdefault(view.fact.attribution.actor, []).append(view)
    return grouped


def _relative_md(target: str, folder: str) -> str:
    """Markdown link from a page in docs folder ``folder`` to ``target`` (docs path#anchor)."""
    path, _, anchor = target.partition("#")
    rel = _relpath(path, folder)
    return f"{rel}#{anchor}" if anchor else rel
