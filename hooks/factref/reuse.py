"""Under `mkdocs serve`, the theme's output of a generated page an edit did not change is reused.

MkDocs' preview rebuilds the whole site on every edit, and even with nothing to convert (the
pages are HTML already) putting each page into the theme costs milliseconds: at thousands of
pages, seconds. A page's themed output depends on its own content (title, table of contents,
body) and on its frame: the configuration, the theme and the navigation. So each output is kept,
keyed by a digest of its content and the frame's, and a later build whose key for that page is
the same takes the kept output instead of rendering the theme again. Any change to the frame
(mkdocs.yml, a hand-written page's title, the nav, a file of the theme's ``custom_dir``) makes
every key differ.

Knows nothing of MkDocs beyond the strings it is given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

TEMPLATE = "factref-reused.html"
"""The theme template a reused page is rendered with: it prints the kept output as it is."""
TEMPLATE_SOURCE = "{{ factref_reused(page.file.src_uri) }}"


def frame_key(config: bytes, parts: Iterable[tuple[str, str]]) -> str:
    """Digest of what every page's frame is made of: the configuration file's bytes, and named
    parts: each nav entry (title, URL) and each hand-written page (path, text), whose title
    the nav may show."""
    digest = hashlib.sha256(config)
    for name, text in parts:
        digest.update(f"\0{name}\0{text}".encode())
    return digest.hexdigest()


def folder_parts(folder: Path, name: str) -> list[tuple[str, str]]:
    """Each file under ``folder`` as a named part of the frame (its path under ``name``, the
    digest of its bytes): the theme's overrides, whose edits show with the next rebuild."""
    return [(f"{name}/{path.relative_to(folder).as_posix()}",
             hashlib.sha256(path.read_bytes()).hexdigest())
            for path in sorted(folder.rglob("*")) if path.is_file()]


class Outputs:
    """The themed output of each generated page, kept on disk between builds."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.keys: dict[str, str] = {}
        self.anchors: dict[str, set[str]] = {}
        """The ids of each kept page (for MkDocs' checks of links into it), as they were."""
        self.digests: dict[str, bytes] = {}
        """Each page's content digest, while its content is unchanged (hashing every page's
        content again took 0.1 s a rebuild at 10,000 facts)."""

    def rendered(self, uris: Iterable[str] | None) -> None:
        """These pages' content may have changed since their digest (None: every page's)."""
        if uris is None:
            self.digests.clear()
        for uri in uris or ():
            self.digests.pop(uri, None)

    def key(self, frame: str, uri: str, content: str, edit: str | None) -> str:
        content_digest = self.digests.get(uri)
        if content_digest is None:
            content_digest = hashlib.sha256(content.encode("utf-8")).digest()
            self.digests[uri] = content_digest
        digest = hashlib.sha256(frame.encode())
        digest.update(f"\0{edit}\0".encode())
        digest.update(content_digest)
        return digest.hexdigest()

    def kept(self, uri: str, key: str) -> bool:
        """Whether the page's output was kept under this very key."""
        return self.keys.get(uri) == key and self._path(uri).is_file()

    def keep(self, uri: str, key: str, output: str) -> None:
        path = self._path(uri)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
        self.keys[uri] = key

    def output(self, uri: str) -> str:
        return self._path(uri).read_text(encoding="utf-8")

    def _path(self, uri: str) -> Path:
        return self.folder / "outputs" / (uri + ".html")
