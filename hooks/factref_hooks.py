"""MkDocs hooks: thin glue that runs the factref pipeline and adds its pages to the build.

The pipeline package is imported at module top level: MkDocs puts this file's folder on
``sys.path`` only while importing the hook module itself (see the README, "How hooks load").
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from factref.pipeline import run
from factref.render import Renderer

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.factref")


def on_files(files: Files, config: MkDocsConfig, **kwargs: object) -> Files:
    root = Path(config.config_file_path).parent
    result = run(root)
    for problem in result.problems:
        # A warning under the mkdocs logger tree: `mkdocs build --strict` fails on any of them,
        # while a non-strict build still renders every record that verified.
        log.warning(str(problem))
    for path, content in Renderer(result.site).pages().items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning(f"docs/{path} is generated from the records; remove the hand-written file")
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    return files
