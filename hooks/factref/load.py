"""Load: record files in facts/ → typed records, each remembering its file, line and key.

A record that fails validation is reported and left out; the other records of the same file are
kept, so one typo never hides the rest of an editor's work.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .problems import NO_KEY, Key, Part, Problem
from .records import UNION_TAGS, Actor, Event, Fact, IdentifiedRecord, Issue, RecordKind, Source
from .yamlio import LocatedDict, LocatedList, Pos, YamlProblem
from .yamlio import load as load_yaml

R = TypeVar("R", bound=IdentifiedRecord)
RECORD_SUFFIXES = (".yml", ".yaml")
DRAFTS = "drafts"
"""A list of unfinished facts that ``factref new --draft`` keeps in a record file."""
PATTERN_HELP = {
    "url": "a URL must start with http:// or https:// and hold no spaces, quotes or angle "
    "brackets (at most 500 characters)",
    "sha256": "a SHA-256 is 64 lower-case hexadecimal digits (factref add-source computes it)",
    "original_sha256": "a SHA-256 is 64 lower-case hexadecimal digits",
    "file": "a file name inside seeds/: letters, digits, '.', '_' and '-', no folders",
    "original": "a file name inside seeds/: letters, digits, '.', '_' and '-', no folders",
}
"""What a field's pattern asks for, in words: an editor never sees a raw regular expression."""
ID_KEYS = {"id", "source", "event", "actor", "actors", "issues", "outlets", "refers"}


class Trees:
    """A record file's YAML tree, with the position of every key, for as long as it is needed.

    Records are loaded from a tree that places only the records themselves (yamlio's
    ``located=False``, several times faster), and keeping every file's tree for the whole run
    cost more memory than all the records; so the located tree is parsed from the file's bytes
    only when a check needs a position inside one of its records, and dropped once loading and
    verifying are over.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._doc: Any = None

    def record(self, kind: str, index: int) -> Any:
        if self._doc is None:
            try:
                self._doc = load_yaml(self._data)
            except YamlProblem:  # pragma: no cover - it parsed a moment ago
                return None
        try:
            return self._doc[kind][index]
        except (KeyError, IndexError, TypeError):  # pragma: no cover
            return None

    def forget(self) -> None:
        self._doc = None


@dataclass(frozen=True)
class Origin:
    """Where a record was written: its file, its position in the file's list, and its tree."""

    file: str
    kind: RecordKind
    index: int
    pos: Pos
    trees: Trees | None = field(default=None, compare=False, repr=False)

    @property
    def data(self) -> Any:
        """The record's raw YAML tree (LocatedDict), for positions inside it."""
        return self.trees.record(self.kind, self.index) if self.trees else None

    @property
    def key(self) -> Key:
        return Key(self.kind, self.index)

    def locate(self, *path: Part) -> Pos:
        """Position of ``path`` inside this record (as deep as it exists)."""
        return locate(self.data, path, self.pos)

    def problem(
        self, message: str, *path: Part, record: str = "", follows: bool = False
    ) -> Problem:
        pos = self.locate(*path)
        key = Key(self.kind, self.index, path)
        return Problem(self.file, pos.line, pos.column, key, message, record, follows)


@dataclass(frozen=True)
class Loaded(Generic[R]):
    record: R
    origin: Origin


@dataclass
class Records:
    """All records that parsed and validated, by kind and id, in file order."""

    sources: dict[str, Loaded[Source]] = field(default_factory=dict)
    actors: dict[str, Loaded[Actor]] = field(default_factory=dict)
    issues: dict[str, Loaded[Issue]] = field(default_factory=dict)
    events: dict[str, Loaded[Event]] = field(default_factory=dict)
    facts: dict[str, Loaded[Fact]] = field(default_factory=dict)

    def table(self, kind: RecordKind) -> dict[str, Loaded[Any]]:
        """The records of one kind, by id."""
        tables: dict[RecordKind, dict[str, Loaded[Any]]] = {
            RecordKind.SOURCES: self.sources, RecordKind.ACTORS: self.actors,
            RecordKind.ISSUES: self.issues, RecordKind.EVENTS: self.events,
            RecordKind.FACTS: self.facts,
        }
        return tables[kind]


def locate(data: Any, path: tuple[Part, ...], pos: Pos) -> Pos:
    for part in path:
        if isinstance(part, int):
            if isinstance(data, LocatedList) and 0 <= part < len(data):
                pos, data = data.item_pos[part], data[part]
            else:
                data = None
        else:
            if isinstance(data, LocatedDict) and part in data:
                pos, data = data.key_pos[part], data[part]
            else:
                data = None
    return pos


def record_files(facts_dir: Path) -> list[Path]:
    """Record files in a stable order; symlinks are not followed out of facts/."""
    found = [
        p
        for p in facts_dir.rglob("*")
        if p.suffix in RECORD_SUFFIXES and p.is_file() and not p.is_symlink()
    ]
    return sorted(found, key=lambda p: p.relative_to(facts_dir).as_posix())


Parsed = list[Problem | Loaded[Any]]
"""What one record file holds, in file order: each record that validated, and each problem."""
ParseFile = Callable[[bytes, str], Parsed]


def load_records(
    root: Path, facts_dir: str = "facts", parse: ParseFile | None = None
) -> tuple[Records, list[Problem]]:
    """Every record file under ``facts_dir``; ``parse`` stands in for ``parse_file`` (a cache)."""
    records, problems = Records(), []
    base = root / facts_dir
    if not base.is_dir():
        return records, [Problem(facts_dir, 0, 0, NO_KEY, "the facts folder does not exist")]
    for path in record_files(base):
        rel = path.relative_to(root).as_posix()
        problems.extend(add_parsed((parse or parse_file)(path.read_bytes(), rel), records))
    return records, problems


def load_file(data: bytes, rel: str, records: Records) -> list[Problem]:
    """Parse one record file's bytes into ``records``; return the problems found."""
    return add_parsed(parse_file(data, rel), records)


def add_parsed(parsed: Parsed, records: Records) -> list[Problem]:
    """Add one file's parsed records to ``records``, refusing an id another file already took:
    that rule spans files, so it is applied on every load, from a cached parse too."""
    problems = []
    for item in parsed:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        table = records.table(item.origin.kind)
        first = table.get(item.record.id)
        if first is None:
            table[item.record.id] = item
            continue
        o = first.origin
        problems.append(item.origin.problem(
            f"duplicate id {item.record.id!r}: already used by {o.key} at {o.file}:{o.pos.line}",
            "id", record=item.record.id))
    return problems


def parse_file(data: bytes, rel: str) -> Parsed:
    """One record file's bytes → its validated records and its problems, in file order.

    Depends on nothing but ``data`` and ``rel``, so a cache may keep the result (cache.py)."""
    try:
        doc = load_yaml(data, located=False)  # a record's inner positions only when needed
    except YamlProblem as exc:
        pos = exc.pos or Pos(0, 0)
        return [Problem(rel, pos.line, pos.column, NO_KEY, exc.message)]
    if doc is None:
        message = f"empty record file: expected a mapping with {_kinds()}"
        return [Problem(rel, 1, 1, NO_KEY, message)]
    if not isinstance(doc, LocatedDict):
        found = _what(doc)
        return [Problem(rel, 1, 1, NO_KEY, f"expected a mapping with {_kinds()}, found {found}")]
    parsed: Parsed = []
    trees = Trees(data)
    for kind, items in doc.items():
        kpos = doc.key_pos[kind]
        if kind == DRAFTS:
            parsed.append(_drafts_problem(rel, kpos, items))
            continue
        if kind not in RecordKind.values():
            hint = _suggest(kind, RecordKind.values())
            parsed.append(
                Problem(rel, kpos.line, kpos.column, Key(kind), f"unknown record list{hint}; "
                        f"expected {_kinds()}")
            )
            continue
        if not isinstance(items, LocatedList):
            parsed.append(
                Problem(rel, kpos.line, kpos.column, Key(kind),
                        f"expected a list, found {_what(items)}")
            )
            continue
        for index, item in enumerate(items):
            origin = Origin(rel, RecordKind(kind), index, items.item_pos[index], trees)
            parsed.extend(_validate(item, origin))
    trees.forget()
    return parsed


def _drafts_problem(rel: str, pos: Pos, items: Any) -> Problem:
    """Drafts (``factref new --draft``) are never loaded, so never published; and always
    reported, so that neither ``factref check`` nor the strict build passes while one is left."""
    ids = [d["id"] for d in items if isinstance(d, dict) and isinstance(d.get("id"), str)] \
        if isinstance(items, list) else []
    named = f" ({', '.join(repr(i) for i in ids)})" if ids else ""
    count = len(items) if isinstance(items, list) else 0
    return Problem(rel, pos.line, pos.column, Key(DRAFTS),
                   f"{count} draft record{'s' * (count != 1)}{named} not published: fix each "
                   "and move it under 'facts:' (factref check then verifies it), or delete it")


def _validate(item: Any, origin: Origin) -> Parsed:
    """One record's YAML → ``[its typed record]``, or the problems that keep it out."""
    model = origin.kind.model
    if not isinstance(item, dict):
        return [origin.problem(f"expected a mapping (a record), found {_what(item)}")]
    given_id = item.get("id")
    record_id = given_id if isinstance(given_id, str) else ""
    try:
        record = model.model_validate(item)
    except ValidationError as exc:
        return [_pydantic_problem(err, origin, model, record_id) for err in exc.errors()]
    return [Loaded(record, origin)]


def _pydantic_problem(err: Any, origin: Origin, model: type[BaseModel], record: str) -> Problem:
    loc = tuple(part for part in err["loc"] if part not in UNION_TAGS)
    kind = err["type"]
    if kind == "missing":
        message = "required field is missing"
    elif kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = _suggest(str(loc[-1]), allowed)
        message = f"unknown field{hint}; allowed here: {', '.join(allowed)}"
    elif kind == "string_pattern_mismatch" and ID_KEYS & {str(part) for part in loc[-2:]}:
        message = (
            f"{err['input']!r} is not a valid id: use lower-case letters, digits, '-' and '_' "
            "(no spaces, dots, slashes or upper case), at most 80 characters"
        )
    elif kind == "string_pattern_mismatch" and str(loc[-1]) in PATTERN_HELP:
        message = f"{PATTERN_HELP[str(loc[-1])]} (found {_short(err['input'])})"
    elif kind == "published":
        message = f"{err['msg']} (found {_short(err['input'])})"
    elif kind in ("string_type", "list_type", "dict_type", "model_type"):
        message = f"{err['msg']}, found {_what(err['input'])}"
    else:
        message = err["msg"].replace("Value error, ", "")
        if kind.startswith("string_") or kind == "literal_error":
            message += f" (found {_short(err['input'])})"
    return origin.problem(message, *loc, record=record)


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the (sub)model that ``loc`` points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        current = _inner_model(info.annotation) if info else None
    return list(current.model_fields) if current is not None else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" {word!r} (did you mean {close[0]!r}?)" if close else f" {word!r}"


def _kinds() -> str:
    return ", ".join(f"'{k}'" for k in RecordKind)


def _what(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"the text {_short(value)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "...'"
