"""The locked install: the lock covers pyproject.toml, and README, CI and the lock agree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
_PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)(?: ; ([^\\]+?))? \\$", re.M)


def pins() -> dict[str, list[tuple[Version, str]]]:
    """Package → each (version, marker) the lock pins it at."""
    found: dict[str, list[tuple[Version, str]]] = {}
    for name, version, marker in _PIN.findall(LOCK.read_text(encoding="utf-8")):
        found.setdefault(canonicalize_name(name), []).append((Version(version), marker))
    return found


def readme_block(heading: str) -> str:
    """The first shell block under a README heading, its continued lines joined."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return " ".join(block.replace("\\\n", " ").split())


def test_every_requirement_is_pinned_with_hashes_at_a_version_it_allows() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    wanted += [Requirement(r) for r in project["optional-dependencies"]["test"]]
    locked = pins()
    assert len(wanted) > 15
    for req in wanted:
        if req.marker and not req.marker.evaluate():
            continue
        here = [v for v, m in locked.get(canonicalize_name(req.name), [])
                if not m or Marker(m).evaluate()]
        assert len(here) == 1, f"{req.name}: not pinned in {LOCK.name} (see README, Upgrading)"
        assert req.specifier.contains(here[0], prereleases=True), (req, here[0])
    entries = LOCK.read_text(encoding="utf-8").split("\n    # via")
    assert all("--hash=sha256:" in e for e in entries[:-1])
    assert ("mkdocs", "1.6.1") in {(n, str(v)) for n, vs in locked.items() for v, _ in vs}


def test_the_readme_commands_install_from_the_lock_and_ci_runs_them() -> None:
    install = ("python3 -m venv .venv && .venv/bin/pip install --require-hashes -r "
               "requirements/pip.txt && .venv/bin/pip install --require-hashes -r "
               "requirements/lock.txt && .venv/bin/pip install --no-deps -e .")
    assert readme_block("Build the site") == f"{install} && .venv/bin/mkdocs build --strict"
    tests = readme_block("Run the tests")
    assert tests == f"{install} && .venv/bin/pytest"
    ci = " ".join((ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ").split())
    assert tests in ci


def test_the_readme_names_the_command_that_made_the_lock() -> None:
    header = LOCK.read_text(encoding="utf-8").splitlines()[1].removeprefix("#").strip()
    assert header.startswith("uv pip compile pyproject.toml")
    assert header.replace(" ", "") in (ROOT / "README.md").read_text(encoding="utf-8").replace(
        "\\\n", "").replace(" ", "")


def test_pip_itself_is_pinned_with_hashes_before_the_lock() -> None:
    # Python 3.11's bundled pip (23.2) refuses the lock in --require-hashes mode once PyPI has an
    # lxml newer than the pin (it resolves justext's lxml[html_clean] past it).
    text = (ROOT / "requirements" / "pip.txt").read_text(encoding="utf-8")
    (name, version, marker), = _PIN.findall(text)
    assert (name, marker) == ("pip", "") and Version(version) >= Version("23.3")
    assert text.count("--hash=sha256:") >= 1
    assert "pip==" not in LOCK.read_text(encoding="utf-8")
