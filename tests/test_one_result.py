"""One verified result on every path: `factref check` and `mkdocs build --strict` agree.

For every hostile case file (each a rule, or a way to break one), the command line and a real
MkDocs build of the same project fail or pass together, and report the very same problems, in
the same order: both read `factref.pipeline.run`'s one result.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Project
from factref.cli import main
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from test_hostile import _case_files, run_case

# The smallest site that still runs the hook: no theme assets worth copying, no search.
LEAN_MKDOCS = """\
site_name: Agreement
hooks:
  - {hook}
theme: {{name: mkdocs}}
plugins: []
validation:
  omitted_files: ignore
"""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def check(root: Path) -> tuple[bool, list[str]]:
    result = CliRunner().invoke(main, ["--root", str(root), "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code == 0, [line for line in result.stderr.splitlines() if line]


def strict_build(root: Path) -> tuple[bool, list[str]]:
    from conftest import HOOK

    (root / "mkdocs.yml").write_text(LEAN_MKDOCS.format(hook=HOOK), encoding="utf-8")
    logger, collect = logging.getLogger("mkdocs.hooks.factref"), _Collect()
    logger.addHandler(collect)
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=True,
                             site_dir=str(root / "site"))
        build(config)
        passed = True
    except Abort:
        passed = False
    finally:
        logger.removeHandler(collect)
    return passed, collect.messages


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_check_and_strict_build_agree(project: Project, path: Path) -> None:
    case, problems, _ = run_case(project, path)
    checked = check(project.root)
    built = strict_build(project.root)
    assert checked == built
    assert checked == (not problems, problems)


def test_an_uncited_sentence_fails_both_under_full_coverage(project: Project) -> None:
    (project.root / "factref.yml").write_text("coverage: {require: full}\n", encoding="utf-8")
    checked, built = check(project.root), strict_build(project.root)
    assert checked == built
    assert not checked[0]
    uncited = "body sentence not cited: 'The contrasting treatment of Seoul and Tokyo"
    assert any(uncited in p for p in checked[1])


def test_a_stale_non_claim_fails_both(project: Project) -> None:
    sources = project.root / "facts/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + (
        "    non_claims:\n      - {sentence: China-Japan tie, reason: a subheading}\n"),
        encoding="utf-8")
    checked, built = check(project.root), strict_build(project.root)
    assert checked == built == (False, [
        "facts/sources.yml:13:10: sources[0].non_claims[0].sentence (record "
        "'000_ed07831bd54794ff'): this is not one of the body's sentences (see the coverage "
        "report for the sentences as split)"])
