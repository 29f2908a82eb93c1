"""JSON Schemas of the record files, generated from the pydantic models, committed under schemas/.

Editors that speak the YAML language server protocol read the first line of each record file
(``# yaml-language-server: $schema=../schemas/record-file.json``) and then complete keys, show each
field's description and flag unknown fields while the editor types. The models stay the single
source of truth: ``factref schema --write`` regenerates the files and ``factref schema`` (and a
test) fails when the committed ones are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .records import MODELS, Record, RecordFile

SCHEMA_DIR = "schemas"
RECORD_FILE = "record-file.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def generate() -> dict[str, str]:
    """File name inside schemas/ → schema text, for the record file and each record kind."""
    out = {RECORD_FILE: _render(RecordFile)}
    for model in MODELS.values():
        out[f"{model.__name__.lower()}.json"] = _render(model)
    return out


def _render(model: type[Record]) -> str:
    schema: dict[str, Any] = {"$schema": DIALECT, **model.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def stale(root: Path) -> list[str]:
    """Project-relative paths of schema files that are missing or differ from the models."""
    found = []
    for name, text in generate().items():
        path = root / SCHEMA_DIR / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            found.append(f"{SCHEMA_DIR}/{name}")
    return found


def write(root: Path) -> list[str]:
    """Write every schema that is missing or stale; return the paths written."""
    written = stale(root)
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    for name, text in generate().items():
        if f"{SCHEMA_DIR}/{name}" in written:
            (folder / name).write_text(text, encoding="utf-8")
    return written
