"""Project settings, read from ``factref.yml`` at the project root by every path that publishes.

The settings are policy, not content: today, how much of each source must be cited (coverage).
A missing file means the defaults, which are the strict ones: every claim-bearing body sentence
of every source is cited, or declared under the source's ``non_claims`` with a reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_core import ErrorDetails

from .problems import Key, Problem
from .records import Id, Record
from .yamlio import LocatedDict, Pos, YamlProblem
from .yamlio import load as load_yaml

SETTINGS_FILE = "factref.yml"

CoverageRule = Literal["full", "report"]
"""full: every claim-bearing body sentence must be cited (an uncited one is a problem);
report: coverage is shown on the coverage page and by ``factref coverage``, not enforced."""


class Coverage(Record):
    """How much of each source the facts must cite."""

    require: CoverageRule = Field(
        "full", description="The rule for every source: full (enforced) or report (shown only).")
    sources: dict[Id, CoverageRule] = Field(
        default_factory=dict, description="Per-source exceptions to the rule, by source id.")

    def rule(self, source_id: str) -> CoverageRule:
        return self.sources.get(source_id, self.require)


class Settings(Record):
    """The whole of factref.yml."""

    coverage: Coverage = Field(default_factory=lambda: Coverage())


def load_settings(root: Path) -> tuple[Settings, list[Problem]]:
    """The project's settings, and the problems with its settings file (the defaults then)."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return Settings(), []
    try:
        doc = load_yaml(path.read_bytes())
    except YamlProblem as exc:
        pos = exc.pos or Pos(0, 0)
        return Settings(), [Problem(SETTINGS_FILE, pos.line, pos.column, Key(), exc.message)]
    if doc is None:
        return Settings(), []
    try:
        return Settings.model_validate(doc), []
    except ValidationError as exc:
        return Settings(), [_problem(err, doc) for err in exc.errors()]


def _problem(err: ErrorDetails, doc: object) -> Problem:
    loc = tuple(err["loc"])
    pos, data = Pos(1, 1), doc
    for part in loc:
        if isinstance(data, LocatedDict) and part in data:
            pos, data = data.key_pos[part], data[part]
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message = "unknown setting"
    elif err["type"] == "literal_error":
        message = f"{message} (found {err['input']!r})"
    return Problem(SETTINGS_FILE, pos.line, pos.column, Key(path=loc), message)
