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

from .export import dumps, export
from .layout import LayoutError
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
    """One generated file: its text, or the file on disk it is copied from (neither: a page
    left unrendered because it has not changed, under `mkdocs serve --dirty`)."""

    content: str | None = None
    source: Path | None = None


def page_paths(result: Result) -> list[str]:
    """The docs path of every generated page."""
    return Renderer(result.site).paths()


def generated_files(result: Result, root: Path, *, directory_urls: bool = True,
                    offline: bool = False, only: Collection[str] | None = None,
                    ) -> dict[str, Generated]:
    """Docs path → content of every generated page and asset; pages outside ``only`` (if given)
    are listed without content."""
    renderer = Renderer(result.site, directory_urls=directory_urls)
    try:
        with no_gc():
            pages = renderer.pages(only)
    except LayoutError as exc:  # the maps' layout engine is missing or failed
        raise GenerateError(str(exc)) from exc
    files = {path: Generated(content=pages.get(path)) for path in renderer.paths()}
    # The machine-readable export (W3C Web Annotations with resolved offsets), linked from the site.
    files["export.json"] = Generated(content=dumps(export(result), compact=True))
    if offline:
        shim = root / SHIM_SOURCE
        if not shim.is_file():
            raise GenerateError(
                f"{shim} is missing: the offline bundle needs the npm packages; run `npm ci` first")
        files[SHIM] = Generated(source=shim)
    return files


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
