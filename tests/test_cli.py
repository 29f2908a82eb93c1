"""The factref command line: check's formats, new, export and schema, with their exact output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result
from conftest import ACTORS_YML, SEED_ID, Project, fact
from factref.cli import main

VENV_BIN = Path(sys.executable).parent


def git_env(root: Path) -> dict[str, str]:
    """An environment for git and the venv's commands that ignores the machine's git config."""
    home = root.parent / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(home), "LC_ALL": "C.UTF-8",
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
            "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}


def commit_all(root: Path, env: dict[str, str], message: str = "base") -> None:
    """Make ``root`` a git repository on branch main whose last commit holds every file."""
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=env, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, env=env, check=True)
    subprocess.run(["git", "commit", "-qm", message], cwd=root, env=env, check=True)


def factref(project: Project, *args: str) -> Result:
    return CliRunner().invoke(main, ["--root", str(project.root), *args])


ACTORS = ACTORS_YML  # the fixture project's actors
CLAIMS = f"""\
facts:
  - id: selfies
    claim: Xi Jinping posed for selfies with Lee Jae Myung in Beijing.
    actors: [xi-jinping, lee-jae-myung]
    attribution: {{kind: narration}}
    evidence:
      - source: "{SEED_ID}"
        quote: President Xi Jinping posed for selfies with South Korea's Lee Jae Myung in Beijing
  - id: export-controls
    claim: China escalated its dispute with Japan by imposing export controls.
    actors: [china, japan]
    attribution: {{kind: narration}}
    evidence:
      - source: "{SEED_ID}"
        quote: China sent a very different message to Japan, escalating their dispute
  - id: one-china
    claim: Lee reiterated respect for the "One China" policy, according to Xinhua.
    actors: [lee-jae-myung]
    attribution: {{kind: report, actor: xinhua}}
    evidence:
      - source: "{SEED_ID}"
        quote: He reiterated Seoul's respect for the "One China" policy, according to Xinhua
        refers: {{He: lee-jae-myung}}
"""


def own_records(project: Project) -> Project:
    """The fixture's seed and registry, with this module's own actors and facts (so that these
    exact-output tests do not change when the shared fixture does)."""
    project.write("facts/actors.yml", ACTORS)
    project.write("facts/claims.yml", CLAIMS)
    return project


BROKEN = fact("tampered", "China sent a message.", "China sent a very diferent message to Japan")
TAMPERED = (
    "facts/extra.yml:8:9: facts[0].evidence[0].quote (record 'tampered'): quote not found in "
    f"source '{SEED_ID}'. Nearest passage (line 13): \"China sent a very different message to "
    "Japan\". Differences: quote has \"diferent\" where the source has \"different\""
)


def test_check_prints_compiler_style_problems_and_a_summary(project: Project) -> None:
    own_records(project).write("facts/extra.yml", BROKEN)
    result = factref(project, "check")
    assert result.exit_code == 1
    assert result.stderr == TAMPERED + "\n"
    assert result.stdout == (
        "1 sources, 5 actors, 0 issues, 0 events, 3 facts verified; 1 problems\n")


def test_check_passes_on_a_clean_project(project: Project) -> None:
    result = factref(own_records(project), "check")
    assert (result.exit_code, result.output) == (
        0, "1 sources, 5 actors, 0 issues, 0 events, 3 facts verified; 0 problems\n")


def test_check_format_github_prints_workflow_annotations(project: Project) -> None:
    own_records(project).write("facts/extra.yml", BROKEN)
    project.write("facts/odd.yml", "- just a list\n")
    result = factref(project, "check", "--format", "github")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "::error file=facts/extra.yml,line=8,col=9::facts[0].evidence[0].quote (record "
        f"'tampered'): quote not found in source '{SEED_ID}'. Nearest passage (line 13): "
        "\"China sent a very different message to Japan\". Differences: quote has \"diferent\" "
        "where the source has \"different\"",
        "::error file=facts/odd.yml,line=1,col=1::expected a mapping with 'sources', 'actors', "
        "'issues', 'events', 'facts', found a list",
        "1 sources, 5 actors, 0 issues, 0 events, 3 facts verified; 2 problems",
    ]


def test_github_annotation_escapes_what_the_runner_would_parse() -> None:
    from factref.cli import github_annotation
    from factref.problems import Problem

    problem = Problem("facts/a,b:c.yml", 0, 0, "", "50% done\nsecond line")
    assert github_annotation(problem) == (
        "::error file=facts/a%2Cb%3Ac.yml::50%25 done%0Asecond line")


def test_schema_check_names_stale_files_and_write_fixes_them(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(tmp_path), "schema"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "schemas/record-file.json: stale or missing; run factref schema --write")
    result = runner.invoke(main, ["--root", str(tmp_path), "schema", "--write"])
    assert result.output.splitlines() == [
        "wrote schemas/record-file.json", "wrote schemas/source.json", "wrote schemas/actor.json",
        "wrote schemas/issue.json", "wrote schemas/event.json", "wrote schemas/fact.json"]
    result = runner.invoke(main, ["--root", str(tmp_path), "schema"])
    assert (result.exit_code, result.output) == (0, "")


def test_export_prints_the_json_of_verified_records(project: Project) -> None:
    own_records(project).write("facts/extra.yml", BROKEN)
    result = factref(project, "export")
    data = json.loads(result.stdout)
    assert [f["id"] for f in data["facts"]] == ["export-controls", "one-china", "selfies"]
    assert result.stderr == (
        "1 problems: records that did not verify are left out (run factref check)\n")
