"""The floor project: plain MkDocs building exactly the pages the factref hook generates.

    python -m bench.floor CORPUS FLOOR

runs the corpus's MkDocs configuration up to the ``files`` event (so the project's own hook
generates its pages exactly as in a real build), then writes every generated file into
``FLOOR/docs/`` as an ordinary file, copies the hand-written pages, and writes ``FLOOR/mkdocs.yml``:
the corpus's configuration without ``hooks`` (same theme, features, plugins, Markdown extensions,
validation and nav). Building FLOOR is what MkDocs itself costs for the same site.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import time
from pathlib import Path

from .mkdocs_yaml import dump_config, load_config
from .synth import STAMP

HOOK_SECONDS: list[float] = []
"""Time the ``files`` event took: the hook's whole work (pipeline and rendering) in a build."""


def generated_files(corpus: Path) -> dict[str, bytes]:
    """src_uri → content of every file the hooks add in ``on_files``, as MkDocs would build it."""
    from mkdocs.config import load_config as load_mkdocs_config
    from mkdocs.structure.files import get_files

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_mkdocs_config(config_file=str(corpus / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        t0 = time.perf_counter()
        files = config.plugins.on_files(files, config=config)
        HOOK_SECONDS.append(time.perf_counter() - t0)
        out = {}
        for file in files:
            if file.generated_by is not None:
                out[file.src_uri] = file.content_bytes
        return out
    finally:
        config.plugins.on_shutdown()


def make_floor(corpus: Path, floor: Path) -> dict:
    if floor.exists():
        if not (floor / STAMP).is_file():
            sys.exit(f"{floor} exists and was not made by bench.floor; refusing to overwrite it")
        shutil.rmtree(floor)
    floor.mkdir(parents=True)
    (floor / STAMP).write_text("{}\n", encoding="utf-8")
    shutil.copytree(corpus / "docs", floor / "docs")
    pages = generated_files(corpus)
    total = 0
    for uri, content in pages.items():
        dest = floor / "docs" / uri
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(content)
        total += len(content)
    # The corpus's own configuration minus the hooks: same site name, theme, plugins, nav.
    config = load_config(corpus / "mkdocs.yml")
    config.pop("hooks", None)
    config.pop("watch", None)
    (floor / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    markdown = sum(1 for uri in pages if uri.endswith(".md"))
    info = {
        "generated_files": len(pages),
        "generated_pages": markdown,
        "generated_bytes": total,
        "hook_seconds": round(sum(HOOK_SECONDS), 3),
    }
    (floor / STAMP).write_text(
        json.dumps({"floor_of": str(corpus), **info}, indent=2) + "\n", encoding="utf-8"
    )
    return info


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(json.dumps(make_floor(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())))


if __name__ == "__main__":
    main()
