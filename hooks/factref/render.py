"""Render: the site model → the HTML of every generated page, from Jinja templates.

Pages are rendered straight to HTML, not to Markdown for MkDocs to convert: the generator knows
every page's structure, link and anchor, so it does not pay for Markdown parsing and link
rewriting per page (issue 12). Headings carry the ids and permalinks Python-Markdown's toc would
give them (``heading``), so tables of contents and anchors are the same; every link is a built
URL relative to its page (``url``), checked by ``links.py``.

Record text is data. Every value a template prints is HTML-escaped unless it was deliberately
marked safe, so a claim containing ``<script>`` shows as those characters and never becomes
markup.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from collections.abc import Callable, Collection, Iterator
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from .citations import PRIVATE, Numbering, source_href, token
from .graph import KIND_COLOURS, Drawing, Plan, draw, plan_actor, plan_issue, plan_overview
from .home import story
from .jsonld import jsonld
from .memo import Memo
from .pagehtml import title
from .paging import CHUNK, coverage_path
from .relations import Connections
from .site import (
    KIND_NAMES,
    KIND_TITLES,
    FactView,
    Site,
    cited_passages,
    page_path,
    passage_numbers,
    source_paragraphs,
)

_SPACE = re.compile(r"\s+")
SECTIONS = ("actors", "issues", "events", "sources")
RELATIONS_SHOWN = 4
"""How many relations of one pair of actors a connections list (and popover) shows."""
LINKS_SHOWN = 60
"""How many connected actors an actor's page lists (the most strongly linked first)."""
MAP_PAGE = "map/index.md"
TOP_PAGES = ("timeline.md", MAP_PAGE, "coverage.md")
"""The whole-reference pages, which any edit may change (issue maps too: see map_paths)."""


def issue_map_path(iid: str) -> str:
    return f"map/{iid}.md"


def attr_text(value: Any) -> Markup:
    """Text for an HTML attribute or a Markdown link title: one line, HTML-escaped."""
    return Markup(html.escape(PRIVATE.sub("", _SPACE.sub(" ", str(value)).strip()), quote=True))


def html_text(value: Any) -> Markup:
    """Text for a raw-HTML context (element content), whitespace kept."""
    return escape(PRIVATE.sub("", str(value)))


def line_text(value: Any, side: str = "") -> Markup:
    """Text for raw HTML on one line; ``side``: "before" or "after" another element, whose
    side keeps its (single) space."""
    text = _SPACE.sub(" ", PRIVATE.sub("", str(value)))
    text = text.lstrip() if side == "before" else text.rstrip() if side == "after" else text.strip()
    return escape(text)


def _finalize(value: Any) -> Any:
    """Record text loses the citation tokens' private characters before it is escaped."""
    return value if isinstance(value, Markup) or not isinstance(value, str) else PRIVATE.sub(
        "", value)


class _CompiledTemplates(BytecodeCache):
    """The templates' compiled code, kept in memory for the life of the process: a Renderer
    (each build makes its own, with its own site) loads them from here instead of compiling
    them again: under `mkdocs serve` that is every rebuild. Jinja keys each by its source, so
    an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledTemplates()


def make_env() -> Environment:
    env = Environment(
        loader=PackageLoader("factref", "templates"),
        bytecode_cache=COMPILED,
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["attr"] = attr_text
    env.filters["html"] = html_text
    env.filters["line"] = line_text
    env.filters["ids"] = lambda items: Markup(" ".join(str(escape(i)) for i in items))
    env.filters["count"] = plural
    env.globals["heading"] = heading
    return env


@pass_context
def heading(ctx: Context, level: int, content: Any) -> Markup:
    """A heading as Python-Markdown's toc extension (permalink on) writes it: the id is the
    slug of its text, made unique on the page (``ids``: the page's heading ids so far)."""
    inner = content if isinstance(content, Markup) else escape(PRIVATE.sub("", str(content)))
    text = _SPACE.sub(" ", Markup(inner).striptags()).strip()
    hid = unique(slugify(text, "-"), ctx["ids"])
    return Markup(f'<h{level} id="{hid}">{inner}<a class="headerlink" href="#{hid}" '
                  f'title="Permanent link">&para;</a></h{level}>')


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


REFERENCES = "<!-- factref:references -->"
"""How references.html.j2 begins a page's References section."""

Maps = dict[str, Drawing | None]
"""Record id → its map, if it has one."""


class Renderer:
    """Renders every generated page of a site; ``pages()`` returns {docs path: HTML}.

    Everything a template may call is registered once on the environment; what depends on the
    page being rendered (its links, its heading ids) reads ``here`` and ``ids`` from the
    template's context.
    """

    def __init__(self, site: Site, *, directory_urls: bool = True, memo: Memo | None = None,
                 ) -> None:
        self.site = site
        self.directory_urls = directory_urls
        self.memo = memo
        """Under `mkdocs serve`, the maps laid out and drawn by the previous rebuild (memo.py)."""
        self.env = make_env()
        self._fact_items: dict[tuple[str, str, bool], Markup] = {}
        self._mapped: list[str] | None = None
        self.env.globals.update(
            site=site, page_path=page_path, kind_titles=KIND_TITLES, kind_names=KIND_NAMES,
            url=self._url, svg=self._svg, jsonld=self._jsonld, colours=KIND_COLOURS,
            actors=site.actors, fact_item=self._fact_item, cite_token=token,
            coverage_path=coverage_path, cited_passages=lambda sid: cited_passages(site, sid),
            relations_shown=RELATIONS_SHOWN, links_shown=LINKS_SHOWN,
        )
        self._cite = self.env.get_template("cite.html.j2")
        self._refs = self.env.get_template("references.html.j2")

    # --- what templates call -------------------------------------------------------------

    @property
    def _url(self) -> Any:
        directory_urls = self.directory_urls

        @pass_context
        def url(ctx: Context, target: str) -> Markup:
            """Built URL from this page to a docs path (maybe with #anchor)."""
            return Markup(escape(relative_url(target, ctx["here"], directory_urls)))
        return url

    @property
    def _svg(self) -> Any:
        template = self.env.get_template("map.svg.j2")

        @pass_context
        def svg(ctx: Context, drawing: Drawing | None) -> Markup:
            if drawing is None:
                return Markup("")
            text = template.render(drawing=drawing, here=ctx["here"])
            return Markup("\n".join(line for line in text.splitlines() if line.strip()))
        return svg

    @property
    def _jsonld(self) -> Any:
        site = self.site

        def ld(kind: str, rid: str) -> Markup:
            text = json.dumps(jsonld(site, kind, rid), ensure_ascii=False, sort_keys=True)
            text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            return Markup(f'<script type="application/ld+json">{text}</script>')
        return ld

    @property
    def _fact_item(self) -> Any:
        template, items = self.env.get_template("fact.html.j2"), self._fact_items

        @pass_context
        def fact_item(ctx: Context, view: FactView, grouped: bool = False) -> Markup:
            """One fact as a list item; ``grouped``: under a heading that already says who
            tells it, so only the kind of statement is marked. A fact shows the same on every
            page of a folder (links are relative): rendered once per folder."""
            key = (view.fact.id, posixpath.dirname(ctx["here"]), grouped)
            if key not in items:
                text = template.render(view=view, grouped=grouped, here=ctx["here"])
                items[key] = Markup(text.strip("\n"))
            return items[key]
        return fact_item

    # --- pages ---------------------------------------------------------------------------

    def paths(self) -> list[str]:
        """The docs path of every page ``pages()`` renders."""
        site = self.site
        return [
            *(page_path("actors", aid) for aid in site.actors),
            *(page_path("issues", iid) for iid in site.issues),
            *(page_path("events", eid) for eid in site.events),
            *(page_path("sources", sid) for sid in site.sources),
            *(page_path(kind, "index") for kind in SECTIONS),
            *TOP_PAGES,
            *(issue_map_path(iid) for iid in self.mapped_issues()),
            *(chunk.path for plan in site.plans.paged.values()
              for _, chunk, _, _ in plan.sub_pages()),
            *(coverage_path(sid) for sid in site.sources),
            *(part.path for part in site.timeline_parts),
        ]

    def pages(self, only: Collection[str] | None = None) -> dict[str, str]:
        """Every generated page (docs path → HTML), or those whose path is in ``only``."""
        return dict(self.iter_pages(only))

    def iter_pages(self, only: Collection[str] | None = None) -> Iterator[tuple[str, str]]:
        """Each generated page as it is rendered (docs path, HTML): a caller that writes each
        out need not hold them all."""
        site = self.site

        def wanted(path: str) -> bool:
            return only is None or path in only

        conns = site.connections
        actor_maps, issue_maps, overview = self._maps(conns, wanted)
        for aid, actor in site.actors.items():
            if wanted(page_path("actors", aid)):
                yield from self._page("actors", aid, "actor.html.j2", actor=actor,
                                      connections=conns, neighbourhood=actor_maps[aid]).items()
            yield from self._sub_pages("actors", aid, actor.name, wanted).items()
        self._fact_items.clear()  # a folder's facts are not shown in the next folder
        for iid, issue in site.issues.items():
            if wanted(page_path("issues", iid)):
                yield from self._page("issues", iid, "issue.html.j2", issue=issue).items()
            yield from self._sub_pages("issues", iid, issue.name, wanted).items()
        self._fact_items.clear()  # a folder's facts are not shown in the next folder
        for eid, event in site.events.items():
            if wanted(page_path("events", eid)):
                yield from self._page("events", eid, "event.html.j2", event=event).items()
            yield from self._sub_pages("events", eid, event.name, wanted).items()
        self._fact_items.clear()  # a folder's facts are not shown in the next folder
        for sid, source in site.sources.items():
            if wanted(page_path("sources", sid)):
                yield from self._page("sources", sid, "source.html.j2", source=source,
                                      paragraphs=source_paragraphs(site, sid),
                                      numbers=passage_numbers(site, sid)).items()
        for kind in SECTIONS:
            if wanted(page_path(kind, "index")):
                yield from self._page(kind, "index", f"{kind}-index.html.j2").items()
        parts = site.timeline_parts
        if wanted("timeline.md"):
            yield from self._top("timeline", part=None, parts=parts).items()
        for part in parts:
            if wanted(part.path):
                yield from self._render(part.path, "timeline.html.j2", part=part,
                                        parts=parts).items()
        mapped = [site.issues[i] for i in self.mapped_issues()]
        if wanted(MAP_PAGE):
            yield from self._render(MAP_PAGE, "map.html.j2", drawing=overview, issue=None,
                                    issues=mapped).items()
        for issue in mapped:
            if wanted(issue_map_path(issue.id)):
                yield from self._render(issue_map_path(issue.id), "map.html.j2",
                                        drawing=issue_maps[issue.id], issue=issue,
                                        issues=mapped).items()
        if wanted("coverage.md"):
            yield from self._top("coverage", reports=site.coverage).items()
        for report in site.coverage:
            path = coverage_path(report.source_text.record.id)
            if wanted(path):
                yield from self._render(path, "coverage-source.html.j2", report=report).items()

    def _sub_pages(self, kind: str, rid: str, name: str,
                   wanted: Callable[[str], bool]) -> dict[str, str]:
        """The pages of a paged record's groups (see paging.py); none for the others."""
        plan, out = self.site.plan(kind, rid), {}
        for group, chunk, before, after in plan.sub_pages() if plan else ():
            if wanted(chunk.path):
                out.update(self._render(chunk.path, "chunk.html.j2", plan=plan, group=group,
                                        chunk=chunk, before=before, after=after, name=name,
                                        chunk_size=CHUNK))
        return out

    def mapped_issues(self) -> list[str]:
        """The issues that get a map page of their own (those with links between actors)."""
        if self._mapped is None:
            conns = self.site.connections
            self._mapped = [iid for iid, i in self.site.issues.items()
                            if (p := plan_issue(conns, iid, i.name)) is not None and p.actors]
        return self._mapped

    def _maps(self, conns: Connections, wanted: Callable[[str], bool],
              ) -> tuple[Maps, Maps, Drawing | None]:
        """The maps of the pages to render, laid out in one Graphviz run."""
        site = self.site
        plans: list[Plan | None] = [plan_overview(conns) if wanted(MAP_PAGE) else None]
        plans += [plan_issue(conns, iid, i.name) if wanted(issue_map_path(iid)) else None
                  for iid, i in site.issues.items()]
        plans += [plan_actor(conns, aid, a.name) if wanted(page_path("actors", aid)) else None
                  for aid, a in site.actors.items()]
        drawn = draw(site, plans, self.memo)
        overview, n = drawn[0], len(site.issues)
        issue_maps = dict(zip(site.issues, drawn[1 : 1 + n], strict=True))
        actor_maps = dict(zip(site.actors, drawn[1 + n :], strict=True))
        return actor_maps, issue_maps, overview

    def home(self) -> tuple[str, str]:
        """The generated part of the home page (see ``home.html.j2``), and the References
        section its citations need, which goes at the end of the page."""
        site = self.site
        text = self._fragment("index.md", "home.html.j2", story=story(site, site.connections))
        body, mark, refs = text.partition(REFERENCES)
        return body, (mark + refs).lstrip("\n")

    def _top(self, name: str, **context: Any) -> dict[str, str]:
        return self._render(f"{name}.md", f"{name}.html.j2", **context)

    def _page(self, kind: str, rid: str, template: str, **context: Any) -> dict[str, str]:
        return self._render(page_path(kind, rid), template, kind=kind, rid=rid, **context)

    def _render(self, here: str, template: str, **context: Any) -> dict[str, str]:
        return {here: with_title(self._fragment(here, template, **context))}

    def _fragment(self, here: str, template: str, **context: Any) -> str:
        ids: set[str] = set()
        text = self.env.get_template(template).render(here=here, ids=ids, **context)
        return self._number(here, text, ids)

    def _number(self, here: str, text: str, ids: set[str]) -> str:
        """Number the page's citations in reading order and add its References section."""
        directory_urls = self.directory_urls

        def url(target: str, at: str) -> str:
            return relative_url(target, at, directory_urls)

        def cite(**values: Any) -> str:
            return self._cite.render(**values).strip()

        numbering = Numbering(self.site, here, url, cite)
        text = numbering(text)
        if not numbering.references:
            return text
        refs = self._refs.render(references=list(numbering.references.values()), here=here,
                                 ids=ids,
                                 source_href=lambda p, back: source_href(p, here, back, url))
        return text.rstrip("\n") + "\n" + refs


def with_title(page: str) -> str:
    """The page with its first heading's text as its title in its front matter, for every
    builder: MkDocs (which reads no heading from a page it does not convert) and Zensical."""
    name = title(page)
    if name is None:
        return page
    line = f"title: {json.dumps(name, ensure_ascii=False)}\n"
    if page.startswith("---\n"):
        return "---\n" + line + page[4:]
    return f"---\n{line}---\n{page}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 fact``, ``2 facts``: a count with its noun agreeing."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"
