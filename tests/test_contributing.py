"""The contributing guide's worked example, run exactly as written in a copy of a project.

The guide is read as a script, in order:

- a ```console block: each ``$ command`` (with ``\\`` continuation lines) runs in bash at the
  project root, and its output (stdout and stderr together) must be the lines that follow it; a
  ``...`` stands for any text within a line, and a line of only ``...`` for any number of lines;
- a fenced block after a line ending in "Create `PATH`:" or "Append to `PATH`:" is written to, or
  appended to, that file; after "`PATH` now reads:" or "`PATH` now ends with:" the file must read
  exactly so;
- a line "In `PATH`, replace `OLD` with `NEW`." replaces the one occurrence of OLD.

Other blocks are illustrations; their YAML must still parse.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml
from conftest import ROOT, Project
from test_cli import commit_all, git_env

GUIDE = ROOT / "docs" / "contributing.md"
POINTER = ROOT / "CONTRIBUTING.md"
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```$", re.M | re.S)
REPLACE = re.compile(r"^In `(?P<path>[^`]+)`, replace `(?P<old>[^`]+)` with `(?P<new>[^`]+)`\.$",
                     re.M)
WRITE = re.compile(r"(?P<verb>Create|Append to) `(?P<path>[^`]+)`:$")
EXPECT = re.compile(r"`(?P<path>[^`]+)` now (?P<how>reads|ends with):$")


@dataclass(frozen=True)
class Step:
    at: int
    action: str
    path: str = ""
    text: str = ""
    other: str = ""


def guide_steps(markdown: str) -> list[Step]:
    steps = [Step(m.start(), "replace", m["path"], m["old"], m["new"])
             for m in REPLACE.finditer(markdown)]
    for block in FENCE.finditer(markdown):
        lead = markdown[: block.start()].rstrip().rsplit("\n", 1)[-1]
        body = block["body"]
        if block["lang"] == "console":
            steps.append(Step(block.start(), "run", text=body))
        elif m := WRITE.search(lead):
            steps.append(Step(block.start(), m["verb"].lower(), m["path"], body))
        elif m := EXPECT.search(lead):
            steps.append(Step(block.start(), m["how"], m["path"], body))
        elif block["lang"] == "yaml":
            steps.append(Step(block.start(), "parse", text=body))
    return sorted(steps, key=lambda s: s.at)


def session(body: str) -> list[tuple[str, list[str]]]:
    """A console block as (command, expected output lines) pairs."""
    pairs: list[tuple[str, list[str]]] = []
    lines = body.splitlines()
    while lines:
        line = lines.pop(0)
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\"):
                command += "\n" + lines.pop(0)
            pairs.append((command, []))
        else:
            assert pairs, f"output before any command: {line!r}"
            pairs[-1][1].append(line)
    return pairs


def output_matches(expected: list[str], actual: str) -> bool:
    pattern = "".join(
        r"(?:.*\n)*?" if line == "..." else re.escape(line).replace(r"\.\.\.", ".*?") + "\n"
        for line in expected
    )
    return re.fullmatch(pattern, actual) is not None


def run_step(step: Step, root: Path, env: dict[str, str]) -> None:
    path = root / step.path
    if step.action == "run":
        for command, expected in session(step.text):
            done = subprocess.run(["bash", "-c", command], cwd=root, env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
            if not output_matches(expected, done.stdout):
                assert done.stdout == "\n".join(expected) + "\n", f"$ {command}"
    elif step.action == "create":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(step.text, encoding="utf-8")
    elif step.action == "append to":
        with path.open("a", encoding="utf-8") as f:
            f.write(step.text)
    elif step.action == "reads":
        assert path.read_text(encoding="utf-8") == step.text
    elif step.action == "ends with":
        assert path.read_text(encoding="utf-8").endswith(step.text)
    elif step.action == "replace":
        text = path.read_text(encoding="utf-8")
        assert text.count(step.text) == 1, f"{step.text!r} in {step.path}"
        path.write_text(text.replace(step.text, step.other), encoding="utf-8")
    elif step.action == "parse":
        yaml.safe_load(step.text)


def test_worked_example_runs_as_written(project: Project) -> None:
    env = git_env(project.root)
    commit_all(project.root, env)
    steps = guide_steps(GUIDE.read_text(encoding="utf-8"))
    for step in steps:
        run_step(step, project.root, env)
    actions = {s.action for s in steps}
    assert actions >= {"run", "create", "append to", "reads", "ends with", "replace"}


def test_guide_covers_the_editor_tasks() -> None:
    headings = re.findall(r"^#+ (.+)$", GUIDE.read_text(encoding="utf-8"), re.M)
    for task in ("Add a source", "Add a fact", "Resolve an ambiguous quote",
                 "Read the review report", "Add a second source, end to end",
                 "Register the source with add-source", "Actors, an issue and events",
                 "Facts with dates, events and refers"):
        assert any(task in h for h in headings), task


def test_contributing_md_points_to_the_guide() -> None:
    assert "docs/contributing.md" in POINTER.read_text(encoding="utf-8")


def test_output_matching_understands_ellipses() -> None:
    assert output_matches(["a", "...", "z ... end"], "a\nb\nc\nz 3 4 end\n")
    assert output_matches(["...", "last"], "last\n")
    assert not output_matches(["a"], "a\nb\n")
    assert not output_matches(["...; 2 problems"], "x; 32 problems\n")
