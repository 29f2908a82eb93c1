"""Problems found in records and sources, each located as precisely as the input allows.

A problem keeps its parts (file, line, column, key, record, message); every output, the text
diagnostics, GitHub annotations and the review report, is built from them, never by parsing a
formatted problem.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import RecordKind

Part = str | int


@dataclass(frozen=True)
class Key:
    """Where inside a record file a problem is: ``facts[3].evidence[0].quote``.

    ``section`` is the top-level list the value is in (a record kind, or the unknown name an
    editor wrote); ``index`` the record's place in that list; ``path`` the keys and list
    positions inside the record.
    """

    section: str = ""
    index: int | None = None
    path: tuple[Part, ...] = ()

    @property
    def kind(self) -> RecordKind | None:
        """The record kind of the list the problem is in, if it is one."""
        return RecordKind(self.section) if self.section in RecordKind.values() else None

    @property
    def in_record(self) -> str:
        """The dotted path inside the record (``evidence[0].quote``), without the record."""
        return _dotted(self.path)

    def __str__(self) -> str:
        head = self.section + (f"[{self.index}]" if self.index is not None else "")
        inner = self.in_record
        if not head:
            return inner
        return f"{head}{'' if not inner or inner.startswith('[') else '.'}{inner}"


NO_KEY = Key()


def _dotted(path: tuple[Part, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    ``file`` is relative to the project root; ``line``/``column`` are 1-based (0 when unknown);
    ``record`` is the id of the record the problem belongs to, if any.
    """

    file: str
    line: int
    column: int
    key: Key
    message: str
    record: str = ""
    follows: bool = False
    """True when this problem only follows from another one (a record left out because
    something it depends on failed): listed after the problems that cause it."""

    @property
    def kind(self) -> RecordKind | None:
        return self.key.kind

    @property
    def location(self) -> str:
        """``file:line:column``, or the file alone when the line is unknown."""
        return f"{self.file}:{self.line}:{self.column or 1}" if self.line else self.file

    @property
    def subject(self) -> str:
        """What the problem is about: the key, then the record (``facts[2].claim (record 'x')``)."""
        key = str(self.key)
        if not self.record:
            return key
        return f"{key} (record {self.record!r})" if key else f"record {self.record!r}"

    @property
    def text(self) -> str:
        """The subject and the message, without the location."""
        return f"{self.subject}: {self.message}" if self.subject else self.message

    def __str__(self) -> str:
        """Like a compiler diagnostic: ``file:line:column: key (record 'id'): message``."""
        return f"{self.location}: {self.text}"

    def sort_key(self) -> tuple[bool, str, int, int, str, str]:
        return (self.follows, self.file, self.line, self.column, str(self.key), self.message)


def ordered(problems: list[Problem]) -> list[Problem]:
    """Causes first, then their consequences; each group by file, line and column."""
    return sorted(problems, key=Problem.sort_key)
