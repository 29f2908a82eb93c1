"""The committed JSON Schemas: up to date with the models, pointed at by every record file, and
accepting exactly the records the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEED_ID
from factref import reference
from factref.load import record_files
from factref.records import MODELS, RecordFile, RecordKind
from factref.schema import RECORD_FILE, SCHEMA_DIR, generate, stale
from factref.yamlio import load
from pydantic import ValidationError

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = ROOT / SCHEMA_DIR
HEADER = "# yaml-language-server: $schema="


def test_committed_schemas_are_up_to_date() -> None:
    assert stale(ROOT) == [], "run: factref schema --write"
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(generate())


def test_record_file_schema_lists_every_kind_and_one_schema_per_kind() -> None:
    schema = json.loads((SCHEMAS / RECORD_FILE).read_text(encoding="utf-8"))
    assert list(schema["properties"]) == list(RecordKind.values())
    assert schema["additionalProperties"] is False
    for model in MODELS.values():
        kind = json.loads((SCHEMAS / f"{model.__name__.lower()}.json").read_text("utf-8"))
        assert kind["title"] == model.__name__
        assert kind["additionalProperties"] is False


def test_every_record_file_points_at_the_schema() -> None:
    for path in record_files(ROOT / "facts"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        rel = path.relative_to(ROOT)
        assert first.startswith(HEADER), f"{rel}: first line must be {HEADER}..."
        target = (path.parent / first.removeprefix(HEADER)).resolve()
        assert target == (SCHEMAS / RECORD_FILE).resolve(), rel


def record_items() -> list[tuple[str, str, Any]]:
    """Every record of the real project, as (kind, label, data) with data as the loader reads it."""
    items = []
    for path in record_files(ROOT / "facts"):
        doc = load(path.read_bytes())
        for kind, records in (doc or {}).items():
            for i, item in enumerate(records if kind in MODELS else []):
                items.append((kind, f"{path.relative_to(ROOT)}:{kind}[{i}]", item))
    return items


FACT = {"id": "x", "claim": "Xi spoke.", "actors": ["xi-jinping"],
        "attribution": {"kind": "narration"},
        "evidence": [{"source": SEED_ID, "quote": "Xi pointed to the frequency"}]}
SOURCE = {"id": "s", "kind": "readout", "file": "s.txt", "sha256": "a" * 64, "headline": "H",
          "publisher": "P", "published": "not stated",
          "body": {"starts_with": "a", "ends_with": "b"}}
CRAFTED = [
    ("facts", "valid fact", FACT),
    ("facts", "unknown field", {**FACT, "atribution": {"kind": "narration"}}),
    ("facts", "missing claim", {k: v for k, v in FACT.items() if k != "claim"}),
    ("facts", "id with upper case", {**FACT, "id": "Xi"}),
    ("facts", "no evidence", {**FACT, "evidence": []}),
    ("facts", "unknown attribution", {**FACT, "attribution": {"kind": "rumour"}}),
    ("facts", "date with a sharper value", {**FACT, "date": {"text": "in 2016", "precision":
                                                               "year", "value": "2016-1"}}),
    ("facts", "control character", {**FACT, "claim": "Xi\x07 spoke."}),
    ("actors", "unknown kind", {"id": "a", "name": "A", "kind": "robot"}),
    ("sources", "bad digest", {"id": "s", "file": "s.txt", "sha256": "abc", "headline": "H",
                               "publisher": "P", "body": {"starts_with": "a", "ends_with": "b"}}),
    ("events", "null date", {"id": "e", "name": "E", "date": None}),
    ("sources", "no kind", {"id": "s", "file": "s.txt", "sha256": "a" * 64, "headline": "H",
                            "publisher": "P", "published": "not stated",
                            "body": {"starts_with": "a", "ends_with": "b"}}),
    ("sources", "dated readout", {**SOURCE, "published": {"date": "2022-03-25",
                                                          "text": "March 25, 2022"}}),
    ("sources", "published as free text", {**SOURCE, "published": "March 25, 2022"}),
    ("sources", "published without a year", {**SOURCE, "published": {"date": "--03-25",
                                                                      "text": "March 25"}}),
    ("sources", "original without its digest", {**SOURCE, "original": "s.html"}),
    ("sources", "retrieved", {**SOURCE, "retrieved": "2026-11-20"}),
    ("sources", "unknown kind", {**SOURCE, "kind": "blog"}),
    ("facts", "month-day date resolved", {**FACT, "date": {
        "text": "March 24", "precision": "month-day", "value": "--03-24", "resolve": "dateline"}}),
    ("facts", "resolve from elsewhere", {**FACT, "date": {
        "text": "March 24", "precision": "month-day", "resolve": "the web"}}),
]


@pytest.mark.parametrize("kind,label,item", CRAFTED + record_items(), ids=lambda v: str(v)[:60])
def test_schema_accepts_exactly_what_the_loader_accepts(kind: str, label: str, item: Any) -> None:
    validator = jsonschema.Draft202012Validator(
        json.loads((SCHEMAS / f"{MODELS[kind].__name__.lower()}.json").read_text("utf-8")))
    try:
        MODELS[kind].model_validate(item)
        loader_ok = True
    except ValidationError:
        loader_ok = False
    schema_errors = [e.message for e in validator.iter_errors(item)]
    if label == "control character":  # a rule the schema cannot state: the loader is stricter
        assert (loader_ok, schema_errors) == (False, [])
        return
    assert loader_ok == (not schema_errors), (label, schema_errors)


def test_schemas_are_plain_json_with_the_dialect(tmp_path: Path) -> None:
    for name, text in generate().items():
        schema = json.loads(text)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", name
        jsonschema.Draft202012Validator.check_schema(schema)


def test_the_field_reference_is_up_to_date() -> None:
    assert not reference.stale(ROOT), "run: factref schema --reference --write"


def test_every_record_field_is_documented() -> None:
    defs = RecordFile.model_json_schema()["$defs"]
    undocumented = [f"{name}.{field}" for name, node in defs.items()
                    for field, spec in node.get("properties", {}).items()
                    if not spec.get("description")]
    assert undocumented == []
    assert [name for name, node in defs.items() if not node.get("description")] == []
    page = (ROOT / reference.REFERENCE).read_text(encoding="utf-8")
    for name, node in defs.items():
        assert f"## {name}" in page
        for field in node.get("properties", {}):
            assert f"| `{field}` |" in page, f"{name}.{field}"


def test_the_reference_is_linked_from_the_contributing_guide() -> None:
    assert "(records.md)" in (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
