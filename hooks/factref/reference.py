"""The record field reference (docs/records.md), generated from the models' JSON Schema.

Every field's name, type, whether it is required and what it means come from ``records.py``
(its ``Field(description=...)`` and class docstrings), so the page cannot drift from the code:
``factref schema --reference --write`` rewrites it, and ``factref schema --reference`` and a test
fail when the committed page is stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .records import ID_PATTERN, MODELS, RecordFile, RecordKind

REFERENCE = "docs/records.md"
HEAD = """\
# Record fields

Every field of every record, generated from the record models (`hooks/factref/records.py`) by
`factref schema --reference --write`; a test fails when this page and the models disagree. How
records work together, with a worked example, is in [the contributing guide](contributing.md);
what a check verifies is in [the method](method.md).

A record file in `facts/` is a mapping of record lists, any of:

{lists}

Unknown fields are errors, so a misspelt key never goes unnoticed. Ids are lower-case slugs:
letters, digits, `-` and `_`, at most 80 characters. Every value is text as typed: YAML's `yes`,
`1.10` or `2025-06` stay strings.
"""


def generate() -> str:
    """The reference page's Markdown."""
    schema = RecordFile.model_json_schema()
    defs: dict[str, Any] = schema["$defs"]
    tops = [MODELS[k].__name__ for k in RecordKind]
    order = [*tops, *[name for name in _referenced(tops, defs) if name not in tops]]
    names = {k.value: MODELS[k].__name__ for k in RecordKind}
    lists = "\n".join(f"- `{kind}:` a list of [{name}](#{name.lower()}) records"
                       for kind, name in names.items())
    parts = [HEAD.format(lists=lists)]
    for name in order:
        parts.append(_section(name, defs[name], part=name not in tops))
    return "\n".join(parts)


def _referenced(names: list[str], defs: dict[str, Any]) -> list[str]:
    """Names of the definitions the given ones use, depth first, each once."""
    seen: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref:
                name = ref.rsplit("/", 1)[-1]
                if name not in seen:
                    seen.append(name)
                    visit(defs[name])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for name in names:
        visit(defs[name])
    return seen


def _section(name: str, node: dict[str, Any], *, part: bool) -> str:
    note = " Written inside another record, not as a list of its own." if part else ""
    lines = [f"## {name}", "", node.get("description", "").strip() + note, "",
             "| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
    required = set(node.get("required", ()))
    for field, spec in node.get("properties", {}).items():
        meaning = spec.get("description", "")
        lines.append(f"| `{field}` | {_type(spec)} | {_required(field, spec, required)} | "
                     f"{_cell(meaning)} |")
    return "\n".join(lines) + "\n"


def _required(field: str, spec: dict[str, Any], required: set[str]) -> str:
    if field in required:
        return "yes"
    default = spec.get("default")
    return "no" if default in (None, [], {}) else f"no (default `{default}`)"


def _type(spec: dict[str, Any]) -> str:
    """A field's type in words."""
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    for key in ("anyOf", "oneOf"):
        if key in spec:
            options = [_type(s) for s in spec[key] if s.get("type") != "null"]
            return " or ".join(dict.fromkeys(options))
    if "const" in spec:
        return f"`{spec['const']}`"
    if "enum" in spec:
        return "one of " + ", ".join(f"`{v}`" for v in spec["enum"])
    kind = spec.get("type")
    if kind == "array":
        least = f", at least {spec['minItems']}" if spec.get("minItems") else ""
        return f"list of {_type(spec.get('items', {}))}{least}"
    if kind == "object":
        return f"mapping of text to {_type(spec.get('additionalProperties', {}))}"
    if kind == "string":
        if spec.get("pattern") == ID_PATTERN:
            return "id"
        return f"text (at most {spec['maxLength']} characters)" if "maxLength" in spec else "text"
    return str(kind or "any")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def stale(root: Path) -> bool:
    path = root / REFERENCE
    return not path.is_file() or path.read_text(encoding="utf-8") != generate()


def write(root: Path) -> bool:
    """Write the reference if it is stale; whether it was."""
    if not stale(root):
        return False
    (root / REFERENCE).write_text(generate(), encoding="utf-8")
    return True
