"""Every file the pipeline adds to a site, for the MkDocs hook and for generators without hooks.

``generated_files`` is the one list of generated pages and assets: the MkDocs hook adds each to
the build, and ``write_docs`` writes them (after the hand-written pages) into a docs folder that
any generator reading Markdown can build, such as Zensical. Both read the same list, so the two
builds cannot disagree on what a site holds.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .export import export_text
from .layout import LayoutError
from .links import LinkCheck
from .memo import Memo
from .pipeline import Result, no_gc
from .render import Renderer

SHIM = "assets/vendor/iframe-worker/shim.js"
"""Where the offline bundle's Web Worker shim goes; from npm's iframe-worker (see package.json)."""
SHIM_SOURCE = "node_modules/iframe-worker/shim/index.js"
MARKER = ".factref-generated"
"""Left in a generated docs folder, so that a later run may replace it and nothing else."""


class GenerateError(Exception):
    """Something outside the records stops generation (a missing npm package, a folder in use)."""


@dataclass(frozen=True)
class Generated:
    """One generated file: its text, or the file on disk it is read from (neither: a page left
    unrendered, of which no earlier file is kept)."""

    content: str | None = None
    source: Path | None = None


def page_paths(result: Result) -> list[str]:
    """The docs path of every generated page."""
    return Renderer(result.site).paths()


def generated_files(result: Result, root: Path, *, directory_urls: bool = True,
                    offline: bool = False, only: Collection[str] | None = None,
                    docs: Collection[str] = (), folder: Path | None = None,
                    memo: Memo | None = None) -> dict[str, Generated]:
    """Docs path → content of every generated page and asset.

    ``docs``: the site's other files (hand-written pages, assets), which generated pages may link
    to; a link to anything else fails (links.py). ``folder``: write each page there as it is
    rendered (rewriting a file only if its content changed) and list it by its file, so that no
    caller holds every page at once. ``only``: render just those pages; the others are listed
    by their file in ``folder``, from an earlier call (under `mkdocs serve`), or else without
    content. ``memo``: results kept from the previous call (memo.py), under `mkdocs serve`.
    """
    renderer = Renderer(result.site, directory_urls=directory_urls, memo=memo)
    check = LinkCheck([*docs, "export.json"], directory_urls=directory_urls)
    files: dict[str, Generated] = {}
    try:
        with no_gc():
            for path, page in renderer.iter_pages(only):
                if only is None:
                    check.add(path, page)
                files[path] = _keep(path, page, folder)
    except LayoutError as exc:  # the maps' layout engine is missing or failed
        raise GenerateError(str(exc)) from exc
    broken = check.broken()
    if broken:
        raise GenerateError("generated pages link to what does not exist:\n  "
                            + "\n  ".join(broken))
    for path in renderer.paths():
        if path not in files:
            kept = folder / path if folder is not None else None
            files[path] = Generated(source=kept if kept and kept.is_file() else None)
    # The machine-readable export (W3C Web Annotations with resolved offsets), linked from the site.
    files["export.json"] = Generated(content=export_text(result, memo))
    if offline:
        shim = root / SHIM_SOURCE
        if not shim.is_file():
            raise GenerateError(
                f"{shim} is missing: the offline bundle needs the npm packages; run `npm ci` first")
        files[SHIM] = Generated(source=shim)
    return files


def _keep(path: str, page: str, folder: Path | None) -> Generated:
    if folder is None:
        return Generated(content=page)
    target = folder / path
    # An unchanged page keeps its file's time, which is how `mkdocs serve --dirty` skips it.
    if not target.is_file() or target.read_text(encoding="utf-8") != page:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    return Generated(source=target)


STORY_MARK = "<!-- factref:story -->"
"""The line of docs/index.md that the generated story (sources, key facts, actors) replaces."""


def home_story(result: Result, *, directory_urls: bool = True) -> tuple[str, str]:
    """The home page's generated story, and the References section that goes at its end."""
    return Renderer(result.site, directory_urls=directory_urls).home()


def with_story(markdown: str, story: tuple[str, str]) -> str:
    """The home page's Markdown with the story in place of its mark (unchanged without one)."""
    if STORY_MARK not in markdown:
        return markdown
    body, references = story
    return markdown.replace(STORY_MARK, body, 1).rstrip("\n") + "\n\n" + references


def write_docs(files: dict[str, Generated], docs: Path, out: Path,
               story: tuple[str, str] | None = None) -> int:
    """Write the hand-written pages of ``docs`` and every generated file into folder ``out``.

    The folder is assembled beside ``out`` and then put in its place, so a failure leaves the
    previous one whole. Returns the number of generated files written.
    """
    _check_replaceable(out)
    for path in files:
        if (docs / path).exists():
            raise GenerateError(
                f"{docs / path} is generated from the records; remove the hand-written file")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        shutil.copytree(docs, staging, dirs_exist_ok=True)
        home = staging / "index.md"
        if story is not None and home.is_file():
            home.write_text(with_story(home.read_text(encoding="utf-8"), story), encoding="utf-8")
        for path, file in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if file.source is not None:
                shutil.copyfile(file.source, target)
            else:
                target.write_text(file.content or "", encoding="utf-8")
        (staging / MARKER).write_text(
            "Written by `factref generate`; replaced on each run. Do not edit.\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(files)


def _check_replaceable(out: Path) -> None:
    if out.is_file() or (out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file()):
        raise GenerateError(
            f"{out} exists and was not written by `factref generate`; "
            "choose an empty or new folder")
