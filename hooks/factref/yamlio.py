"""Read record files as YAML, keeping the position of every key and item.

Record text is data, so the loader is deliberately narrow:

- every scalar is a string, except an empty value or ``null``/``~`` (None): ``yes``, ``1.10`` and
  ``2025-06`` stay exactly as typed;
- a key given twice in one mapping is an error (PyYAML alone silently keeps the last);
- anchors and aliases are refused, which also rules out alias bombs;
- tags other than ``!!str`` are refused, and so is nesting deeper than any record needs;
- the file must be UTF-8 (a leading byte-order mark is allowed and dropped).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError
from yaml.resolver import BaseResolver

try:  # libyaml's parser is several times faster than the pure-Python one.
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    _PARSER: tuple[type, ...] = (CParser,)
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    _PARSER = (Reader, Scanner, Parser, Composer)


class Pos(NamedTuple):
    """1-based line and column in a record file (a tuple: made for every key and item)."""

    line: int
    column: int


class LocatedDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers where it and each of its keys were written."""

    pos: Pos
    key_pos: dict[Any, Pos]


class LocatedList(list):  # type: ignore[type-arg]
    """A sequence that remembers where it and each of its items were written."""

    pos: Pos
    item_pos: list[Pos]


class YamlProblem(Exception):
    """A file that is not a well-formed record file; carries the position when one is known."""

    def __init__(self, message: str, pos: Pos | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


MAX_DEPTH = 32
"""Records nest about seven levels deep (file, list, record, evidence, refers...); anything far
deeper is refused before it can exhaust Python's recursion limit."""

ANCHORS = (
    "anchors and aliases (&name / *name) are not allowed in records; write the value out in full"
)
_PLAIN_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TAGS = {
    MappingNode: "tag:yaml.org,2002:map",
    SequenceNode: "tag:yaml.org,2002:seq",
    ScalarNode: "tag:yaml.org,2002:str",
}


def _pos(node: Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _Resolver(BaseResolver):
    """Resolves nothing implicitly but null: all other plain scalars are strings.

    The parser asks for every scalar (a million times at 50,000 facts), so the answer is given
    directly instead of through BaseResolver's tables; it is the one those tables would give."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            plain = implicit[0] and (not value or value[0] in "~nN")
            return _NULL if plain and _PLAIN_NULL.match(value) else _STR
        return _SEQ if kind is SequenceNode else _MAP


def _build(node: Node, depth: int, locate_below: int) -> Any:
    """A node as strings, None, and dicts and lists; those nested less than ``locate_below``
    deep remember where they and their keys or items were written (LocatedDict, LocatedList).

    Anchors need no check here: ``load`` refuses any before a tree is built, and an alias
    without an anchor does not parse."""
    cls = node.__class__
    tag = node.tag
    if cls is ScalarNode:
        if tag == _STR:
            return node.value
        if tag == _NULL and _PLAIN_NULL.match(node.value):  # not `!!null text`: it drops text
            return None
        raise YamlProblem(f"YAML tag {tag!r} is not allowed in records", _pos(node))
    if tag != _TAGS.get(cls):
        raise YamlProblem(f"YAML tag {tag!r} is not allowed in records", _pos(node))
    if depth >= MAX_DEPTH:
        raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep; no record needs that",
                          _pos(node))
    located = depth < locate_below
    if cls is SequenceNode:
        items = [_build(child, depth + 1, locate_below) for child in node.value]
        if not located:
            return items
        placed = LocatedList(items)
        placed.pos = _pos(node)
        placed.item_pos = [_pos(child) for child in node.value]
        return placed
    result: dict[str, Any] = LocatedDict() if located else {}
    key_pos: dict[str, Pos] = {}
    for key_node, value_node in node.value:
        key = _key(node, key_node, result)
        if located:
            key_pos[key] = _pos(key_node)
        result[key] = _build(value_node, depth + 1, locate_below)
    if isinstance(result, LocatedDict):
        result.pos = _pos(node)
        result.key_pos = key_pos
    return result


def _key(node: Node, key_node: Node, seen: dict[str, Any]) -> str:
    """A mapping key, checked: a plain string, not a merge key, not given before."""
    if key_node.tag == "tag:yaml.org,2002:merge":
        raise YamlProblem("merge keys (<<) are not allowed in records", _pos(key_node))
    if key_node.__class__ is not ScalarNode:
        raise YamlProblem("a mapping key must be a plain string", _pos(key_node))
    key: str = key_node.value
    if key in seen:
        first = next(_pos(k) for k, _ in node.value if k.value == key)
        raise YamlProblem(
            f"duplicate key {key!r} (first given on line {first.line}); "
            "YAML would silently keep only the last value",
            _pos(key_node),
        )
    return key


RECORDS_DEPTH = 2
"""How deep a record file places its values with ``located=False``: the file's mapping of
record lists, and each list (so each record's position)."""


class _Loader(*_PARSER, _Resolver):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        if len(_PARSER) == 1:
            _PARSER[0].__init__(self, stream)  # type: ignore[misc]
        else:  # pragma: no cover
            _PARSER[0].__init__(self, stream)  # type: ignore[misc]
            for base in _PARSER[1:]:
                base.__init__(self)  # type: ignore[misc]
        _Resolver.__init__(self)


def decode(data: bytes) -> str:
    """Decode a record file's bytes as UTF-8, naming the line of the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            Pos(line, column),
        ) from None


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's own line breaks


def _position(text: str, offset: int) -> Pos:
    lines = _LINE_BREAK.split(text[:offset])
    return Pos(len(lines), len(lines[-1]) + 1)


def _char_at(text: str, pos: Pos) -> str:
    lines = _LINE_BREAK.split(text)
    line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
    return line[pos.column - 1] if 0 < pos.column <= len(line) else ""


def _refuse_anchors(loader: _Loader) -> None:
    """Raise on the first anchor, even one never aliased (the composer does not keep them)."""
    while loader.check_event():
        event = loader.get_event()
        if getattr(event, "anchor", None) is not None:
            mark = event.start_mark
            raise YamlProblem(ANCHORS, Pos(mark.line + 1, mark.column + 1))


def load(data: bytes, *, located: bool = True) -> Any:
    """Parse one YAML document from ``data`` into LocatedDict/LocatedList/str/None values.

    With ``located=False`` only the document's keys and the items of its lists (the records)
    keep their positions; what is inside a record is plain dicts and lists, built several times
    faster. The same input is refused with the same message and position either way, so a
    caller that later needs a position inside a record parses again with ``located=True``."""
    text = decode(data)
    if "\x00" in text:
        raise YamlProblem("the file contains a NUL character", _position(text, text.index("\x00")))
    loader = _Loader(text)
    try:
        if "&" in text:  # no anchor without an ampersand: skip the extra pass for most files
            scan = _Loader(text)
            try:
                _refuse_anchors(scan)
            finally:
                scan.dispose()
        node = loader.get_single_node()
        if node is None:
            return None
        return _build(node, 0, MAX_DEPTH if located else RECORDS_DEPTH)
    except YamlProblem:
        raise
    except ReaderError as exc:  # a character YAML forbids; its offset is in bytes
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        raise YamlProblem(
            f"malformed YAML: {exc.reason} (found U+{ord(char):04X})",
            _position(text, text.index(char)) if char in text else None,
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else None
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        if pos and _char_at(text, pos) == "\t":
            message += " (a tab: YAML indents with spaces only)"
        raise YamlProblem(f"malformed YAML: {message}", pos) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"malformed YAML: {exc}", None) from None
    finally:
        loader.dispose()
