"""The project's one static check (scripts/check) passes: records and quotes verify, the JSON
Schemas are current, ruff finds nothing and mypy (strict) is clean. Pre-commit runs the same
command."""

from __future__ import annotations

import os
import subprocess

from conftest import ROOT


def test_scripts_check_passes() -> None:
    done = subprocess.run(["scripts/check"], cwd=ROOT, capture_output=True, text=True,
                          check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 problems" in done.stdout and "Success: no issues found" in done.stdout
