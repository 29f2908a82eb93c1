"""`factref generate`: verify, fail closed, then write every page a hookless generator needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SEED_ID, Project, fact
from factref.cli import main
from factref.generate import MARKER, SHIM, generated_files
from test_hostile import _case_files, run_case
from test_one_result import check

TAMPERED = fact("tampered", "China sent a message.", "China sent a very diferent message to Japan")
PROBLEM = (f"facts/extra.yml:8:9: facts[0].evidence[0].quote (record 'tampered'): quote not found "
           f"in source '{SEED_ID}'.")


def generate(project: Project, out: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--root", str(project.root), "generate", str(out), *args])


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_writes_the_hand_written_pages_and_every_generated_file(project: Project) -> None:
    out = project.root / "build" / "docs"
    done = generate(project, out)
    assert done.exit_code == 0, done.output
    generated = generated_files(project.run(), project.root)
    assert files_in(out) == set(generated) | {"index.md", MARKER}
    assert {"actors/xi-jinping.md", "sources/index.md", "timeline.md", "map/index.md",
            "coverage.md", "export.json"} <= set(generated)
    for path, item in generated.items():
        assert (out / path).read_text(encoding="utf-8") == item.content, path
    assert done.output.endswith(f"wrote {len(generated)} generated files and the pages of docs/ "
                                f"to {out}\n")


def test_any_problem_writes_nothing_and_exits_1(project: Project) -> None:
    project.write("facts/extra.yml", TAMPERED)
    out = project.root / "build" / "docs"
    done = generate(project, out)
    assert done.exit_code == 1
    assert PROBLEM in done.output
    assert f"factref generate: 1 problems; nothing written to {out}" in done.output
    assert not out.exists()


def test_a_failed_run_leaves_the_previous_output_whole(project: Project) -> None:
    out = project.root / "build" / "docs"
    assert generate(project, out).exit_code == 0
    before = files_in(out)
    project.write("facts/extra.yml", TAMPERED)
    assert generate(project, out).exit_code == 1
    assert files_in(out) == before


def test_a_new_run_replaces_what_the_last_one_wrote(project: Project) -> None:
    out = project.root / "build" / "docs"
    assert generate(project, out).exit_code == 0
    (out / "actors" / "stale.md").write_text("# left from an earlier run\n", encoding="utf-8")
    assert generate(project, out).exit_code == 0
    assert not (out / "actors" / "stale.md").exists()
    assert [p.name for p in out.parent.iterdir()] == ["docs"]  # no staging folder left behind


def test_refuses_to_replace_a_folder_it_did_not_write(project: Project) -> None:
    done = generate(project, project.root / "docs")
    assert done.exit_code == 1
    assert (f"factref generate: {project.root / 'docs'} exists and was not written by "
            "`factref generate`; choose an empty or new folder") in done.output
    assert files_in(project.root / "docs") == {"index.md"}


def test_refuses_a_hand_written_page_at_a_generated_path(project: Project) -> None:
    project.write("docs/actors/china.md", "# China, by hand\n")
    out = project.root / "build" / "docs"
    done = generate(project, out)
    assert done.exit_code == 1
    assert (f"{project.root / 'docs/actors/china.md'} is generated from the records; remove the "
            "hand-written file") in done.output
    assert not out.exists()


def test_offline_adds_the_web_worker_shim_from_npm(project: Project) -> None:
    out = project.root / "build" / "docs"
    done = generate(project, out, "--offline")
    assert done.exit_code == 1
    assert ("node_modules/iframe-worker/shim/index.js is missing: the offline bundle needs the "
            "npm packages; run `npm ci` first") in done.output
    assert not out.exists()
    project.write("node_modules/iframe-worker/shim/index.js", "/* shim */\n")
    assert CliRunner().invoke(main, ["--root", str(project.root), "generate", str(out)],
                              env={"OFFLINE": "true"}).exit_code == 0
    assert (out / SHIM).read_text(encoding="utf-8") == "/* shim */\n"


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_generate_and_check_agree_on_every_case(project: Project, path: Path) -> None:
    _, problems, _ = run_case(project, path)
    out = project.root / "build" / "docs"
    done = generate(project, out)
    assert check(project.root) == (done.exit_code == 0, problems)
    lines = [line for line in done.stderr.splitlines() if line]
    if problems:
        assert lines == [*problems, f"factref generate: {len(problems)} problems; nothing written "
                                    f"to {out}"]
        assert not out.exists()
    else:
        assert lines == []
        assert (out / MARKER).is_file()
