"""MkDocs hooks: thin glue that runs the factref pipeline and adds its pages to the build.

The pipeline package is imported at module top level: MkDocs puts this file's folder on
``sys.path`` only while importing the hook module itself (see the README, "How hooks load").
"""

from __future__ import annotations

import gc
import html
import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factref.cache import Cache
from factref.generate import (
    SHIM,
    GenerateError,
    generated_files,
    home_story,
    page_paths,
    with_story,
)
from factref.incremental import Snapshot, snapshot, touched
from factref.offline import relative_404
from factref.pipeline import run
from factref.place import page_kinds, place_pages
from factref.records import RecordKind
from factref.search import Entry, entries, with_entries
from factref.site import page_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from factref.pipeline import Result
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.hooks.factref")

_pipeline_cache: Cache | None = None
"""Under `mkdocs serve`, what the pipeline reuses from the previous rebuild (cache.py)."""

_serve_cache: Path | None = None
"""Under `mkdocs serve --dirty`, where generated pages are kept on disk between rebuilds."""

_last_snapshot: Snapshot | None = None
"""Under `mkdocs serve --dirty`, the records of the previous build (see incremental.py)."""

_search: dict[str, Entry | None] = {}
"""Docs path of each generated page of this build → its compact search entry (see search.py)."""
_titles: dict[str, tuple[str, str]] = {}
"""Docs path of each generated page rendered so far → (URL, title), for its search entry."""

_story = ("", "")
"""The home page's generated story, and the References section that goes at its end."""
_kinds: dict[str, tuple[str, str]] = {}
"""Docs path of each record page → its kind, for its title area and its search results."""


def on_startup(*, command: str, dirty: bool, **kwargs: object) -> None:
    global _pipeline_cache, _serve_cache
    if command == "serve":  # not for a build, whose pages would render with the records still held
        _pipeline_cache = Cache()
    # MkDocs treats generated content as always modified, so a dirty rebuild would still render
    # every generated page. Written to files that change only when their content does, only
    # the pages an edit touches are rebuilt.
    if command == "serve" and dirty:
        _serve_cache = Path(tempfile.mkdtemp(prefix="factref-serve-"))


def on_shutdown(**kwargs: object) -> None:
    global _pipeline_cache, _serve_cache, _last_snapshot
    _pipeline_cache = None
    if _serve_cache is not None:
        shutil.rmtree(_serve_cache, ignore_errors=True)
        _serve_cache = None
    _last_snapshot = None


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)  # before Material's offline plugin, which adds a CDN shim if none is named
def on_config(config: MkDocsConfig, **kwargs: object) -> MkDocsConfig:
    if _offline(config):
        polyfills = config.extra.setdefault("polyfills", [])
        if SHIM not in polyfills:
            polyfills.append(SHIM)
    return config


def on_files(files: Files, config: MkDocsConfig, **kwargs: object) -> Files:
    root = Path(config.config_file_path).parent
    result = run(root, cache=_pipeline_cache)
    for problem in result.problems:
        # A warning under the mkdocs logger tree: `mkdocs build --strict` fails on any of them,
        # while a non-strict build still renders every record that verified.
        log.warning(str(problem))
    global _story, _search
    _story = home_story(result, directory_urls=config.use_directory_urls)
    _kinds.clear()
    _kinds.update(page_kinds(result.site))
    edit = _edit_paths(result)
    for file in files.documentation_pages():
        file.edit_uri = f"docs/{file.src_uri}"
    paths = page_paths(result)
    only = _pages_to_render(result, paths)
    try:
        generated = generated_files(result, root, directory_urls=config.use_directory_urls,
                                    offline=_offline(config), only=only)
    except GenerateError as exc:
        raise PluginError(str(exc)) from exc
    record_entries = entries(result.site)
    _search = {path: record_entries.get(path) for path in paths}
    for path, item in generated.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning(f"docs/{path} is generated from the records; remove the hand-written file")
            files.remove(existing)
        if item.source is not None:
            files.append(File.generated(config, path, abs_src_path=str(item.source)))
            continue
        file = _generated(config, path, item.content)
        file.edit_uri = edit.get(path)
        files.append(file)
    # The pipeline's objects (and the reference cycles templates leave) are not needed past this
    # point: free them before MkDocs renders every page, so the two peaks do not add up.
    del result, generated
    # Under serve the cache keeps the records alive on purpose: a full collection would only walk
    # them again (0.4 s at 10,000 facts); the younger generations hold the templates' cycles.
    gc.collect(2 if _pipeline_cache is None else 1)
    return files


def on_nav(nav: Navigation, files: Files, **kwargs: object) -> Navigation:
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    place_pages(pages, _sections(nav.items))
    return nav


def _sections(items: list[Any]) -> list[Any]:
    found: list[Any] = []
    for item in items:
        if getattr(item, "is_section", False):
            found.append(item)
            found.extend(_sections(item.children))
    return found


def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    if page.file.src_uri == "index.md":
        markdown = with_story(markdown, _story)
    return markdown


def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    kind = _kinds.get(page.file.src_uri)
    if not kind:
        return html
    at = html.find("</h1>")
    kicker = f'<p class="fr-kind" data-search-exclude>{kind[0]}</p>'
    return html[: at + 5] + kicker + html[at + 5 :] if at >= 0 else kicker + html


@event_priority(50)  # before Material's search plugin indexes the page
def on_page_context(context: TemplateContext, page: Page, **kwargs: object) -> TemplateContext:
    if page.file.src_uri in _search:
        # Indexed by a compact entry instead (search.py); Material's documented per-page switch.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        # page.title is the first heading's HTML (entities and all): its text, for the index.
        _titles[page.file.src_uri] = (page.url, html.unescape(str(page.title or "")))
    # Material prints `page.title | striptags` into <title>, and striptags decodes entities, so a
    # record named "</title><script>..." would become markup there. A meta title is printed as
    # it is, still escaped.
    if page.title and not page.meta.get("title"):
        page.meta["title"] = page.title
    return context


@event_priority(-50)  # after Material's search plugin writes the index, before offline inlines it
def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if _search and index.is_file():
        pages = [(*_titles[path], entry) for path, entry in _search.items() if path in _titles]
        text = with_entries(index.read_text(encoding="utf-8"), pages)
        index.write_text(text, encoding="utf-8")
    # The 404 page is served from any depth, so MkDocs links its assets from the site root;
    # opened from file:// that root is the disk's: the offline bundle's links are made relative.
    page = Path(config.site_dir) / "404.html"
    if _offline(config) and page.is_file():
        page.write_text(relative_404(page.read_text(encoding="utf-8")), encoding="utf-8")


def _pages_to_render(result: Result, paths: list[str]) -> set[str] | None:
    """Under `mkdocs serve --dirty`, the pages the edit since the last build can have changed
    (the others are still in the serve cache); otherwise None: every page."""
    global _last_snapshot
    if _serve_cache is None:
        return None
    before, _last_snapshot = _last_snapshot, snapshot(result.site)
    only = touched(before, _last_snapshot)
    if only is not None and all((_serve_cache / p).is_file() for p in paths if p not in only):
        return only
    return None


def _generated(config: MkDocsConfig, path: str, content: str | None) -> File:
    """The File of a generated page; ``content`` None: unchanged since the serve cache's copy."""
    if _serve_cache is None:
        assert content is not None
        return File.generated(config, path, content=content)
    cached = _serve_cache / path
    if content is None:
        return File.generated(config, path, abs_src_path=str(cached))
    if not cached.is_file() or cached.read_text(encoding="utf-8") != content:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(content, encoding="utf-8")
    return File.generated(config, path, abs_src_path=str(cached))


def _edit_paths(result: Result) -> dict[str, str]:
    """Docs path of each generated record page → the YAML file behind it ("Edit this page")."""
    v = result.verified
    paths = {}
    for kind in (RecordKind.ACTORS, RecordKind.ISSUES, RecordKind.EVENTS):
        for rid, loaded in v.loaded(kind).items():
            paths[page_path(kind, rid)] = loaded.origin.file
    for sid, origin in v.source_origins.items():
        paths[page_path(RecordKind.SOURCES, sid)] = origin.file
    return paths

