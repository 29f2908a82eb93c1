"""Add a record to a record file as text, keeping everything else in the file as it was.

Editors' comments, key order and quoting are theirs: a new record is spliced in as lines at the end
of its list (``facts:``, ``sources:``, ...), never by re-dumping the file. The caller checks that
the result parses and validates before writing it.
"""

from __future__ import annotations

import yaml

from .yamlio import LocatedDict, LocatedList, YamlProblem
from .yamlio import load as load_yaml


class RecordFileError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def add_item(text: str | None, kind: str, item: list[str], schema_ref: str) -> tuple[str, int]:
    """``text`` with ``item`` (block YAML lines starting ``- id:``, unindented) appended to its
    ``kind`` list; and the line the item starts on."""
    if text is None:
        head = [f"# yaml-language-server: $schema={schema_ref}", f"{kind}:"]
        return "\n".join([*head, *_indented(item, "  ")]) + "\n", len(head) + 1
    try:
        doc = load_yaml(text.encode("utf-8"))
    except YamlProblem as exc:
        where = f"line {exc.pos.line}: " if exc.pos else ""
        raise RecordFileError(f"it does not parse ({where}{exc.message}); fix it first") from None
    lines, newline = text.splitlines(), "\r\n" if "\r\n" in text else "\n"
    if doc is None or (isinstance(doc, LocatedDict) and kind not in doc):
        out, line = _insert(lines, len(lines), [f"{kind}:", *_indented(item, "  ")], newline,
                            blank=bool(lines))
        return out, line + 1
    if not isinstance(doc, LocatedDict):
        raise RecordFileError("it is not a mapping of record lists")
    items, key_line = doc[kind], doc.key_pos[kind].line
    if items is None:
        return _insert(lines, key_line, _indented(item, "  "), newline)
    if not isinstance(items, LocatedList) or not items or items.item_pos[0].line == key_line:
        raise RecordFileError(f"its {kind!r} list is not written one item per line "
                              "('- id: ...'); add the record by hand or write it to another file")
    first = items.item_pos[0]
    lead = lines[first.line - 1][: first.column - 1]
    indent = lead[: lead.index("-")] if "-" in lead else "  "
    keys = list(doc)
    if keys[-1] == kind:
        return _insert(lines, len(lines), _indented(item, indent), newline)
    at = doc.key_pos[keys[keys.index(kind) + 1]].line - 1
    while at > items.item_pos[-1].line and (not lines[at - 1].strip()
                                            or lines[at - 1].lstrip().startswith("#")):
        at -= 1
    return _insert(lines, at, _indented(item, indent), newline)


def _indented(item: list[str], indent: str) -> list[str]:
    return [indent + line for line in item]


def _insert(lines: list[str], at: int, new: list[str], newline: str,
            blank: bool = False) -> tuple[str, int]:
    out = lines[:at] + [""] * blank + new + lines[at:]
    return newline.join(out) + newline, at + 1 + blank


def scalar(value: str) -> str:
    """``value`` as a one-line YAML scalar: plain when YAML reads it back as this string."""
    style = '"' if any(c in value for c in "\n\r\x85\u2028\u2029") else None
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style=style)
    return dumped.removesuffix("\n").removesuffix("\n...")
