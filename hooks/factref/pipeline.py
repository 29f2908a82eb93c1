"""The whole pipeline in one call, for the MkDocs hooks and the command line alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import load_records
from .model import Site, build_site
from .problems import Problem
from .verify import Verified, verify


@dataclass(frozen=True)
class Result:
    verified: Verified
    site: Site
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def run(root: Path, facts_dir: str = "facts", seeds_dir: str = "seeds") -> Result:
    """Load, verify and model every record under ``root``; problems are collected, not raised."""
    records, problems = load_records(root, facts_dir)
    verified = verify(records, root, seeds_dir)
    problems = sorted(problems + verified.problems)
    return Result(verified, build_site(verified), problems)
