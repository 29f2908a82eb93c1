"""Under `mkdocs serve`, the files of unchanged pages stay in the site folder between rebuilds.

Plain `mkdocs serve` empties the site folder before every rebuild and writes every page again,
although an edit changes a few dozen pages: at 10,000 facts, 1.6 to 2.3 s of file-system work a
rebuild, growing from one rebuild to the next (the file system's doing: a plain script deleting
and writing 2,145 pages the same way slows down as much). MkDocs' cleaning leaves hidden entries
alone, so before it runs the previous build's files are set aside in a hidden folder inside the
site folder (``set_aside``); once the build knows which pages it will write exactly as they are
on disk, every other held file is deleted and the rest put back in place (``restore``), and MkDocs
writes nothing for those pages (the hook has it skip them). Everything else (assets, hand-written
pages, the search index, every page that changed) is written as in any build, and nothing of the
previous build survives that this build would not write: the served site stays what a fresh
build writes (``tests/test_serve.py``, ``tests/test_inplace.py``). ``PageFiles`` keeps, across
builds, which pages the last completed build left on disk and under which output.

Works on folders and relative paths only: nothing here knows MkDocs.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from pathlib import Path

HELD = ".factref-previous"
"""The hidden folder inside the site folder that holds the previous build's files meanwhile."""


def set_aside(site: Path) -> bool:
    """Move every entry of ``site`` that MkDocs' cleaning would delete into the hidden folder.
    False (and nothing moved) if there is nothing to set aside."""
    held = site / HELD
    if held.exists():  # left by a build that stopped half-way: unknown content
        shutil.rmtree(held, ignore_errors=True)
    entries = [e for e in _entries(site) if not e.startswith(".")]
    if not entries:
        return False
    held.mkdir()
    for entry in entries:
        os.replace(site / entry, held / entry)
    return True


def restore(site: Path, keep: Collection[str]) -> set[str]:
    """Put back the held files whose paths (relative to the site, ``/``-separated) are in
    ``keep``; delete every other held file and folder. Returns the paths put back (a path
    missing from the held files is not)."""
    held = site / HELD
    if not held.is_dir():
        return set()
    wanted = set(keep)
    tops = {p.partition("/")[0] for p in wanted}
    kept: set[str] = set()
    for top in _entries(held):
        source, target = held / top, site / top
        if top not in tops or target.exists():
            # Nothing of it is wanted, or this build wrote there already: let it go whole.
            _remove(source)
            continue
        if source.is_dir() and not source.is_symlink():
            kept |= _prune(source, top, wanted)
        elif top in wanted:
            kept.add(top)
        if source.exists():
            os.replace(source, target)
    shutil.rmtree(held, ignore_errors=True)
    return kept


def discard(site: Path) -> None:
    """Delete the held files, if any."""
    shutil.rmtree(site / HELD, ignore_errors=True)


def _prune(folder: Path, rel: str, wanted: set[str]) -> set[str]:
    """Delete every file under ``folder`` (at ``rel`` in the site) not in ``wanted``, and every
    folder left empty; returns the files kept."""
    kept: set[str] = set()
    with os.scandir(folder) as entries:
        for entry in entries:
            path = f"{rel}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                kept |= _prune(Path(entry.path), path, wanted)
            elif path in wanted:
                kept.add(path)
            else:
                os.unlink(entry.path)
    if not kept:
        shutil.rmtree(folder, ignore_errors=True)
    return kept


def _entries(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except FileNotFoundError:
        return []


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


class PageFiles:
    """Across the builds of one `mkdocs serve`: the page files the last completed build left in
    the site folder, and those the current build leaves there as they are.

    A build calls ``start`` before MkDocs cleans the site folder, ``offer`` for each page whose
    output it reuses unchanged, ``put_back`` before MkDocs writes anything, ``wrote`` for each
    page it has a file for, and ``completed`` or ``failed`` at its end. A page is left in place
    only if the last completed build left its file under the same key (its output's digest)."""

    def __init__(self) -> None:
        self._on_disk: dict[str, tuple[str, str]] | None = None
        """Each page (by name) → (its file, relative to the site folder; its key), as the last
        completed build left them; None: no such build, the next build writes every page."""
        self._held: dict[str, tuple[str, str]] | None = None
        self._wanted: dict[str, str] = {}
        self._written: dict[str, tuple[str, str]] = {}
        self._site: Path | None = None
        self.in_place: set[str] = set()
        """The pages of this build whose file is in place: nothing is to be written for them."""

    def start(self, site: Path) -> None:
        self._site, self._held = site, None
        if self._on_disk is not None and set_aside(site):
            self._held = self._on_disk
        else:
            discard(site)
        self._on_disk = None  # until this build completes
        self._wanted, self._written, self.in_place = {}, {}, set()

    def offer(self, page: str, file: str, key: str) -> None:
        """This build's output of ``page`` is the one kept under ``key``."""
        if self._held is not None and self._held.get(page) == (file, key):
            self._wanted[page] = file

    def put_back(self) -> None:
        if self._held is not None and self._site is not None:
            kept = restore(self._site, self._wanted.values())
            self.in_place = {page for page, file in self._wanted.items() if file in kept}
            self._held = None

    def wrote(self, page: str, file: str, key: str) -> None:
        """``page`` has its file, of the output kept under ``key`` (written or left in place)."""
        self._written[page] = (file, key)

    def completed(self) -> None:
        self._on_disk = dict(self._written)

    def failed(self) -> None:
        """The site folder is whatever the failed build left: the next build writes it all."""
        self._on_disk = None
        if self._site is not None:
            discard(self._site)
