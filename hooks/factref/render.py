"""Render: the site model → Markdown pages, from Jinja templates.

Record text is data. Every value a template prints is escaped for Markdown *and* HTML unless it
was deliberately marked safe, so a claim containing ``<script>`` or ``[x](javascript:...)`` shows
as those characters and never becomes markup.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .model import KIND_TITLES, Site, page_path, source_paragraphs

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~=^])")
_SPACE = re.compile(r"\s+")


def md_escape(value: Any) -> Markup:
    """Text → Markdown that renders as exactly that text (one line, HTML-escaped)."""
    text = _SPACE.sub(" ", str(value)).strip()
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True)))


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return md_escape(value)


def html_text(value: Any) -> Markup:
    """Text for a raw-HTML context (attributes or element content)."""
    return escape(str(value))


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
    env.filters["html"] = html_text
    env.filters["ids"] = lambda items: Markup(" ".join(str(escape(i)) for i in items))
    return env


class Renderer:
    """Renders every generated page of a site; ``pages()`` yields (docs path, Markdown)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.env = make_env()

    def pages(self) -> dict[str, str]:
        site = self.site
        out: dict[str, str] = {}
        for aid, actor in site.actors.items():
            out.update(self._page("actors", aid, "actor.md.j2", actor=actor))
        for iid, issue in site.issues.items():
            out.update(self._page("issues", iid, "issue.md.j2", issue=issue))
        for eid, event in site.events.items():
            out.update(self._page("events", eid, "event.md.j2", event=event))
        for sid, source in site.sources.items():
            paragraphs = source_paragraphs(site, sid)
            out.update(self._page("sources", sid, "source.md.j2", source=source,
                                  paragraphs=paragraphs))
        for kind in ("actors", "issues", "events", "sources"):
            out.update(self._page(kind, "index", f"{kind}-index.md.j2"))
        return out

    def _page(self, kind: str, rid: str, template: str, **context: Any) -> dict[str, str]:
        here = page_path(kind, rid)
        text = self.env.get_template(template).render(
            site=self.site,
            here=here,
            link=lambda target: Markup(_relative(target, here)),
            page_path=page_path,
            kind_titles=KIND_TITLES,
            **context,
        )
        return {here: text}


def _relative(target: str, here: str) -> str:
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(here))
    return f"{rel}#{anchor}" if anchor else rel
