"""MkDocs hooks: thin glue that runs the factref pipeline and adds its pages to the build.

The pipeline package is imported at module top level: MkDocs puts this file's folder on
``sys.path`` only while importing the hook module itself (see the README, "How hooks load").
"""

from __future__ import annotations

import functools
import gc
import html
import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

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
from factref.inplace import PageFiles
from factref.memo import Memo
from factref.offline import relative_404
from factref.pagehtml import linkable_ids, toc_tokens
from factref.pipeline import run
from factref.place import page_kinds, place_pages
from factref.records import RecordKind
from factref.relations import connect
from factref.render import COMPILED
from factref.reuse import TEMPLATE as REUSED
from factref.reuse import TEMPLATE_SOURCE as REUSED_SOURCE
from factref.reuse import Outputs, folder_parts, frame_key
from factref.search import Entry, entries, with_entries
from factref.site import page_path
from jinja2 import BaseLoader, ChoiceLoader, DictLoader
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

if TYPE_CHECKING:
    from factref.pipeline import Result
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.hooks.factref")

_pipeline_cache: Cache | None = None
"""Under `mkdocs serve`, what the pipeline reuses from the previous rebuild (cache.py)."""
_memo: Memo | None = None
"""Under `mkdocs serve`, what is made from the records (export, relations, search entries, maps),
reused while the cache gives back the same record objects (memo.py)."""

_serve_cache: Path | None = None
"""Under `mkdocs serve`, where generated pages are kept on disk between rebuilds."""
_build_folder: Path | None = None
"""Otherwise, where this build's generated pages are written (see _pages_folder)."""

_last_snapshot: Snapshot | None = None
"""Under `mkdocs serve`, the records of the previous build (see incremental.py)."""

_outputs: Outputs | None = None
"""Under `mkdocs serve`, each generated page's themed output, for the next build (reuse.py)."""
_frame = ""
"""Under `mkdocs serve`, this build's frame key (reuse.py)."""
_keys: dict[str, str] = {}
"""Under `mkdocs serve`, docs path of each generated page → its output's key in this build."""
_reused: set[str] = set()
"""Under `mkdocs serve`, the generated pages whose kept output this build reused."""

_page_files: PageFiles | None = None
"""Under plain `mkdocs serve` (not ``--dirty``): unchanged pages' files stay in the site folder
between rebuilds (inplace.py)."""
_frozen = False
"""Under `mkdocs serve`, whether what lived between the first builds is frozen (on_pre_build)."""

_search: dict[str, Entry | None] = {}
"""Docs path of each generated page of this build → its compact search entry (see search.py)."""
_titles: dict[str, tuple[str, str]] = {}
"""Docs path of each generated page rendered so far → (URL, title), for its search entry."""

_story = ("", "")
"""The home page's generated story, and the References section that goes at its end."""
_kinds: dict[str, tuple[str, str]] = {}
"""Docs path of each record page → its kind, for its title area and its search results."""


def on_startup(*, command: str, dirty: bool, **kwargs: object) -> None:
    # Under `mkdocs serve` only the pages an edit touches are rendered again (incremental.py);
    # the others are kept in files that change only when their content does, so that
    # `--dirty` skips them too, and their themed output is reused (reuse.py). The pipeline
    # reuses what unchanged record files gave (cache.py): not for a build, whose pages would
    # render with the records still held.
    global _pipeline_cache, _serve_cache, _outputs, _page_files, _memo
    if command == "serve":
        _pipeline_cache = Cache()
        _memo = Memo()
        _serve_cache = Path(tempfile.mkdtemp(prefix="factref-serve-"))
        _outputs = Outputs(_serve_cache)
        # (--dirty cleans nothing and skips unchanged pages by itself.)
        _page_files = None if dirty else PageFiles()
        logging.getLogger("mkdocs.commands.build").addFilter(_unwritten)


def on_shutdown(**kwargs: object) -> None:
    global _pipeline_cache, _serve_cache, _last_snapshot, _outputs, _build_folder, _memo
    global _page_files, _frozen
    for folder in (_serve_cache, _build_folder):
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    _serve_cache = _build_folder = None
    _last_snapshot = _outputs = _pipeline_cache = _memo = _page_files = None
    logging.getLogger("mkdocs.commands.build").removeFilter(_unwritten)
    if _frozen:
        gc.unfreeze()
        _frozen = False


def on_pre_build(config: MkDocsConfig, **kwargs: object) -> None:
    global _frozen
    if _pipeline_cache is not None and _last_snapshot is not None and not _frozen:
        # What lives across rebuilds (the records the cache holds, the memo, the server) is most
        # of the heap, and each full collection walked it again: 0.3 s at 10,000 facts, once or
        # twice a rebuild. Once the first build's objects are collected, what is left is frozen
        # (left out of every later collection). A frozen object that dies later is still freed
        # unless it is in a reference cycle: bounded by what was alive then, not by the edits.
        gc.collect()
        gc.freeze()
        _frozen = True
    if _page_files is not None:
        # Before MkDocs empties the site folder: the previous build's files are set aside, and
        # on_env puts back those this build would write again unchanged (inplace.py).
        _page_files.start(Path(config.site_dir))


def on_build_error(error: Exception, **kwargs: object) -> None:
    if _page_files is not None:
        _page_files.failed()


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
    if _memo is not None:
        _memo.next_rebuild()
        connect(result.site, _memo)
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
    if _outputs is not None:
        _outputs.rendered(only)  # the others' files are as the last build left them
    try:
        generated = generated_files(result, root, directory_urls=config.use_directory_urls,
                                    offline=_offline(config), only=only,
                                    docs=[f.src_uri for f in files], folder=_pages_folder(),
                                    memo=_memo)
    except GenerateError as exc:
        raise PluginError(str(exc)) from exc
    record_entries = entries(result.site, _memo)
    _search = {path: record_entries.get(path) for path in paths}
    for path, item in generated.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning(f"docs/{path} is generated from the records; remove the hand-written file")
            files.remove(existing)
        if item.content is not None:
            file = File.generated(config, path, content=item.content)
        elif item.source is not None:  # a page, written out as it was rendered
            file = File.generated(config, path, abs_src_path=str(item.source))
        else:  # pragma: no cover - every page is rendered or kept
            raise PluginError(f"docs/{path}: neither rendered nor kept from an earlier build")
        file.edit_uri = edit.get(path)
        files.append(file)
    # The pipeline's objects (and the reference cycles templates leave) are not needed past this
    # point: free them before MkDocs renders every page, so the two peaks do not add up.
    del result, generated
    # Under serve the cache keeps the records alive on purpose: a full collection would only walk
    # them again (0.4 s at 10,000 facts); the younger generations hold the templates' cycles.
    gc.collect(2 if _pipeline_cache is None else 1)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: object) -> Navigation:
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    place_pages(pages, _sections(nav.items))
    if _outputs is not None:
        global _frame
        written = [(f.src_uri, f.content_string) for f in files.documentation_pages()
                   if f.src_uri not in _search]
        entries = [(str(i.title or ""), str(getattr(i, "url", "") or "")) for i in _walk(nav.items)]
        # The theme's own files are left out: an installed theme changes only with a new version
        # (and a restart); the project's overrides (custom_dir) can change at any time.
        custom = config.theme.custom_dir
        theme = folder_parts(Path(custom), "custom_dir") if custom else []
        _frame = frame_key(Path(config.config_file_path).read_bytes(),
                           [*entries, *written, *theme])
        _keys.clear()
        _reused.clear()
    return nav


def _walk(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def on_env(env: Environment, **kwargs: object) -> Environment:
    if _page_files is not None:
        _page_files.put_back()
    if _outputs is not None:
        loaders: list[BaseLoader] = [DictLoader({REUSED: REUSED_SOURCE})]
        env.loader = ChoiceLoader([*loaders, *([env.loader] if env.loader else [])])
        env.globals["factref_reused"] = _reused_output
        # Under serve each rebuild makes a new theme environment: its templates' compiled code
        # is kept from the previous one instead of compiled again.
        env.bytecode_cache = COMPILED
    return env


def _sections(items: list[Any]) -> list[Any]:
    found: list[Any] = []
    for item in items:
        if getattr(item, "is_section", False):
            found.append(item)
            found.extend(_sections(item.children))
    return found


def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    uri = page.file.src_uri
    if uri in _search:
        # A generated page is HTML already (render.py): MkDocs' conversion of it is replaced by
        # one that takes it as it is, with its table of contents and anchors.
        page.render = functools.partial(_as_html, page, markdown)  # type: ignore[method-assign]
        if _outputs is not None:
            _keys[uri] = key = _outputs.key(_frame, uri, markdown, page.file.edit_uri)
            if _outputs.kept(uri, key):
                page.meta["template"] = REUSED
                if _page_files is not None:
                    _page_files.offer(uri, page.file.dest_uri, key)
        return ""
    if uri == "index.md":
        markdown = with_story(markdown, _story)
    return markdown


def _as_html(page: Page, html: str, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` for a page that is HTML already: what MkDocs' Markdown conversion would
    set, read from the HTML (its title is in its front matter). Used once: the page is then
    left with MkDocs' own method, and the HTML is not held past the page's output."""
    del page.render
    page.content = html
    uri = page.file.src_uri
    if (_outputs is not None and page.meta.get("template") == REUSED
            and uri in _outputs.anchors):
        # Its kept output is printed, table of contents included; its anchors are as they were.
        page.present_anchor_ids = _outputs.anchors[uri]
        return
    page.toc = get_toc(cast(Any, toc_tokens(html)))
    page.present_anchor_ids = set(linkable_ids(html))
    if _outputs is not None:
        _outputs.anchors[uri] = page.present_anchor_ids


def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    uri = page.file.src_uri
    if uri in _search and page.meta.get("template") == REUSED:
        return ""  # its kept output is printed instead: the theme needs no content
    if uri == "index.md" and _story[0]:
        # The story's headings came as raw HTML, which Markdown's toc does not see.
        page.toc = get_toc(cast(Any, toc_tokens(html)))
    kind = _kinds.get(uri)
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


def on_post_page(output: str, page: Page, **kwargs: object) -> str:
    uri = page.file.src_uri
    if uri in _search:
        # Written out once this returns, and read by nothing after: a generated page's HTML is
        # not kept for the rest of the build (thousands of pages would be held to the end).
        page.content = None
    if _outputs is not None and uri in _keys:
        if page.meta.get("template") == REUSED:
            _reused.add(uri)
        else:
            _outputs.keep(uri, _keys[uri], output)
        if _page_files is not None:
            _page_files.wrote(uri, page.file.dest_uri, _keys[uri])
    if uri in _in_place():
        return ""  # its file is in place: MkDocs writes nothing for an empty output
    return output


def _reused_output(uri: str) -> str:
    """What the template of a reused page prints: its kept output, or nothing if its file is in
    place (on_post_page then has MkDocs write nothing)."""
    assert _outputs is not None
    return "" if uri in _in_place() else _outputs.output(uri)


def _unwritten(record: logging.LogRecord) -> bool:
    """A filter on MkDocs' build log: drops its note of each page left unwritten because its file
    is in place (inplace.py); one line per page would drown the log."""
    message = record.msg
    return not (isinstance(message, str) and message.startswith("Page skipped: '")
                and message.removeprefix("Page skipped: '").partition("'")[0] in _in_place())


def _in_place() -> set[str]:
    return _page_files.in_place if _page_files is not None else set()


@event_priority(-50)  # after Material's search plugin writes the index, before offline inlines it
def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if _search and index.is_file():
        pages = [(*_titles[path], entry) for path, entry in _search.items() if path in _titles]
        text = with_entries(index.read_text(encoding="utf-8"), pages)
        index.write_text(text, encoding="utf-8")
    if _outputs is not None:
        log.info(f"factref: {len(_keys) - len(_reused)} generated pages themed, "
                 f"{len(_reused)} unchanged ones reused ({len(_in_place())} left in place)")
    if _page_files is not None:
        _page_files.completed()
    # The 404 page is served from any depth, so MkDocs links its assets from the site root;
    # opened from file:// that root is the disk's: the offline bundle's links are made relative.
    page = Path(config.site_dir) / "404.html"
    if _offline(config) and page.is_file():
        page.write_text(relative_404(page.read_text(encoding="utf-8")), encoding="utf-8")


def _pages_to_render(result: Result, paths: list[str]) -> set[str] | None:
    """Under `mkdocs serve`, the pages the edit since the last build can have changed (the
    others are still in the serve cache); otherwise None: every page."""
    global _last_snapshot
    if _serve_cache is None:
        return None
    before, _last_snapshot = _last_snapshot, snapshot(result.site)
    only = touched(before, _last_snapshot)
    kept = _pages_folder()
    if only is not None and all((kept / p).is_file() for p in paths if p not in only):
        return only
    return None


def _pages_folder() -> Path:
    """Where generated pages are written as they are rendered: the serve cache under
    `mkdocs serve`, else a folder of this build's own (removed at shutdown)."""
    global _build_folder
    if _serve_cache is not None:
        return _serve_cache / "pages"
    if _build_folder is None:
        _build_folder = Path(tempfile.mkdtemp(prefix="factref-pages-"))
    return _build_folder


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

