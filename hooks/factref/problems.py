"""Problems found in records and sources, each located as precisely as the input allows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, printed like a compiler diagnostic.

    ``file`` is relative to the project root; ``line``/``column`` are 1-based (0 when unknown);
    ``key`` is the dotted path of the offending value inside the file
    (``facts[3].evidence[0].quote``) and ``record`` the id of the record it belongs to, if any.
    """

    file: str
    line: int
    column: int
    key: str
    message: str
    record: str = ""
    follows: bool = False
    """True when this problem only follows from another one (a record left out because
    something it depends on failed): listed after the problems that cause it."""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        subject = self.key
        if self.record:
            subject += f" (record {self.record!r})" if subject else f"record {self.record!r}"
        return f"{where}: {subject}: {self.message}" if subject else f"{where}: {self.message}"


def ordered(problems: list[Problem]) -> list[Problem]:
    """Causes first, then their consequences; each group by file, line and column."""
    return sorted(problems, key=lambda p: (p.follows, p))


class ProblemError(Exception):
    """Raised by pipeline steps that cannot go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
