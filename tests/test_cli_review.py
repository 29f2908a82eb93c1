"""`factref review`, and the whole editing loop on a scratch branch of a scratch git repository.

The branch adds a fact, changes a quote, removes an event (leaving a fact that still names it),
misspells a key and mistypes a quote. `check` must name every problem by file and line, `review`
must list every change with the right status, and the project's pre-commit and workflow files
must pass their linters in that repository.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ROOT, SEED_ID, Project
from test_cli import VENV_BIN, commit_all, factref, git_env, own_records
from test_workflows import lint_workflows, validate_pre_commit_config

EVENTS_YML = f"""\
events:
  - id: beijing-summit
    name: Lee Jae Myung's summit with Xi Jinping
    roles:
      - {{actor: lee-jae-myung, role: initiator}}
facts:
  - id: summit-monday
    claim: Xi and Lee met on Monday.
    actors: [xi-jinping, lee-jae-myung]
    event: beijing-summit
    attribution: {{kind: narration}}
    evidence:
      - source: "{SEED_ID}"
        quote: At their meeting on Monday, Xi pointed to the frequency of their recent summits
        refers: {{their: lee-jae-myung}}
"""


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def branch(project: Project) -> Project:
    """A project with an event, committed on main, then edited as a branch would."""
    own_records(project).write("facts/events.yml", EVENTS_YML)
    for rel in (".pre-commit-config.yaml", ".github/workflows", "scripts"):
        copy = shutil.copytree if (ROOT / rel).is_dir() else shutil.copyfile
        copy(ROOT / rel, project.root / rel)
    env = git_env(project.root)
    commit_all(project.root, env)
    subprocess.run(["git", "switch", "-qc", "scratch"], cwd=project.root, env=env, check=True)
    added = factref(project, "new", SEED_ID, "Lee said the summit could make 2026 the first year",
                    "--claim", "Lee said 2026 could be the first year of restored ties.",
                    "--actor", "lee-jae-myung", "--attribution", "paraphrase:lee-jae-myung")
    assert added.output == (
        "wrote fact 'lee-2026-could-be-first-year' to "
        f"facts/claims/{SEED_ID}.yml:3: verified\n")
    edit(project, "facts/claims.yml", "quote: President Xi Jinping posed for selfies",
         "quote: Xi Jinping posed for selfies")
    edit(project, "facts/claims.yml", "    attribution: {kind: narration}\n    evidence:\n"
         f'      - source: "{SEED_ID}"\n        quote: China sent',
         "    atribution: {kind: narration}\n    evidence:\n"
         f'      - source: "{SEED_ID}"\n        quote: China sent')
    edit(project, "facts/claims.yml", "He reiterated", "He reitterated")
    edit(project, "facts/events.yml", EVENTS_YML.split("facts:")[0], "")
    return project


NOT_FOUND = (
    f"quote not found in source '{SEED_ID}'. Nearest passage (line 33): \"He reiterated Seoul’s "
    "respect for the “One China” policy, according to Xinhua News\". Differences: quote has "
    "\"reitterated\" where the source has \"reiterated\"; quote leaves out \"News\""
)
UNUSED = "no verified fact or event concerns this actor; a page needs evidence"
UNKNOWN_FIELD = (
    "unknown field 'atribution' (did you mean 'attribution'?); allowed here: id, claim, actors, "
    "issues, event, attribution, date, evidence"
)
CHECK = [  # causes first, then what follows from them (actors left without evidence)
    "facts/claims.yml:9:5: facts[1].attribution (record 'export-controls'): required field is "
    "missing",
    f"facts/claims.yml:12:5: facts[1].atribution (record 'export-controls'): {UNKNOWN_FIELD}",
    f"facts/claims.yml:22:9: facts[2].evidence[0].quote (record 'one-china'): {NOT_FOUND}",
    "facts/events.yml:5:5: facts[0].event (record 'summit-monday'): unknown event "
    "'beijing-summit'",
    f"facts/actors.yml:4:5: actors[2] (record 'china'): {UNUSED}",
    f"facts/actors.yml:5:5: actors[3] (record 'japan'): {UNUSED}",
    f"facts/actors.yml:6:5: actors[4] (record 'xinhua'): {UNUSED}",
]
SUMMARY = "1 sources, 2 actors, 0 issues, 0 events, 2 facts verified; 7 problems"


def test_check_names_every_problem_by_file_and_line(branch: Project) -> None:
    result = factref(branch, "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == CHECK
    assert result.stdout == SUMMARY + "\n"


def test_check_annotates_every_problem_for_github(branch: Project) -> None:
    result = factref(branch, "check", "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[-1] == SUMMARY
    assert [line.split("::")[1] for line in lines[:-1]] == [
        "error file=facts/claims.yml,line=9,col=5", "error file=facts/claims.yml,line=12,col=5",
        "error file=facts/claims.yml,line=22,col=9", "error file=facts/events.yml,line=5,col=5",
        "error file=facts/actors.yml,line=4,col=5", "error file=facts/actors.yml,line=5,col=5",
        "error file=facts/actors.yml,line=6,col=5"]


SOURCE = f"`{SEED_ID}`"
NOT_FOUND_MD = NOT_FOUND.replace("_", "\\_")  # record text is escaped in Markdown
REVIEW = f"""\
## factref review: records changed since `main`

1 added, 3 changed, 1 removed; 2 verified, 2 with problems; 4 unchanged records with problems.

### Added

- ✅ fact `lee-2026-could-be-first-year` (`facts/claims/{SEED_ID}.yml:3`): verified
  - claim: Lee said 2026 could be the first year of restored ties.
  - {SOURCE} line 33: …and stability in Northeast Asia.” **Lee said the summit could make 2026 \
the first year** of a full restoration of…

### Changed

- ❌ fact `export-controls` (`facts/claims.yml:9`): problem: required field is missing \
(`facts/claims.yml:9:5`, `attribution`)
  - problem: {UNKNOWN_FIELD} (`facts/claims.yml:12:5`, `atribution`)
- ❌ fact `one-china` (`facts/claims.yml:16`): problem: {NOT_FOUND_MD} \
(`facts/claims.yml:22:9`, `evidence[0].quote`)
  - changed: `evidence[0].quote`
  - claim: Lee reiterated respect for the "One China" policy, according to Xinhua.
  - {SOURCE}: **He reitterated Seoul's respect for the "One China" policy, according to \
Xinhua** (not pinned to one passage)
- ✅ fact `selfies` (`facts/claims.yml:2`): verified
  - changed: `evidence[0].quote`
  - claim: Xi Jinping posed for selfies with Lee Jae Myung in Beijing.
  - {SOURCE} line 13: Hours after President **Xi Jinping posed for selfies with South Korea’s \
Lee Jae Myung in Beijing**, China sent a very…

### Removed

- event `beijing-summit` (was `facts/events.yml:2`)
  - name: Lee Jae Myung's summit with Xi Jinping

### Unchanged, with problems

- ❌ actor `china` (`facts/actors.yml:4`): problem: {UNUSED} (`facts/actors.yml:4:5`)
  - name: China
- ❌ actor `japan` (`facts/actors.yml:5`): problem: {UNUSED} (`facts/actors.yml:5:5`)
  - name: Japan
- ❌ actor `xinhua` (`facts/actors.yml:6`): problem: {UNUSED} (`facts/actors.yml:6:5`)
  - name: Xinhua News Agency
- ❌ fact `summit-monday` (`facts/events.yml:2`): problem: unknown event 'beijing-summit' \
(`facts/events.yml:5:5`, `event`)
  - claim: Xi and Lee met on Monday.
  - {SOURCE} line 29: …it can move toward China. **At their meeting on Monday, Xi pointed to the \
frequency of their recent summits** as evidence of the importance…
"""


def test_review_lists_every_change_with_its_status(branch: Project) -> None:
    result = factref(branch, "review", "main")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == REVIEW


def test_review_of_an_untouched_tree_says_so(project: Project) -> None:
    commit_all(project.root, git_env(project.root))
    result = factref(project, "review", "HEAD")
    assert result.output == (
        "## factref review: records changed since `HEAD`\n\n"
        "No record was added, changed or removed.\n")


def test_review_names_an_unknown_revision(project: Project) -> None:
    commit_all(project.root, git_env(project.root))
    result = factref(project, "review", "origin/nope")
    assert (result.exit_code, result.stderr) == (
        2, "factref review: unknown git revision 'origin/nope' (in CI, check out with "
        "fetch-depth: 0)\n")


def test_review_outside_a_repository_says_so(project: Project) -> None:
    result = factref(project, "review", "main")
    assert (result.exit_code, result.stderr) == (
        2, f"factref review: {project.root} is not in a git repository\n")


def test_pre_commit_and_workflow_files_pass_their_linters_on_the_branch(branch: Project) -> None:
    validate_pre_commit_config(branch.root)
    lint_workflows(branch.root)


def test_pre_commit_hook_stops_the_commit(branch: Project) -> None:
    pre_commit = VENV_BIN / "pre-commit"
    if not pre_commit.is_file():
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    env = git_env(branch.root) | {"PRE_COMMIT_HOME": str(branch.root.parent / "pre-commit")}
    done = subprocess.run([str(pre_commit), "run", "--all-files"], cwd=branch.root, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("scripts/check (records, quotes, schemas, ruff, mypy)..")
    assert (lines[0].endswith("Failed"), lines[1:3]) == (True, ["- hook id: check",
                                                                "- exit code: 1"])
    # The project's one check runs factref check first: its problems and summary, as typed.
    assert lines[4 : 5 + len(CHECK)] == [*CHECK, SUMMARY]
