"""Shared fixtures: small projects built in tmp_path around the real seed article."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from factref.pipeline import Result, run

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "000_ed07831bd54794ff"
SEED = ROOT / "seeds" / f"{SEED_ID}.txt"
HOOK = ROOT / "hooks" / "factref_hooks.py"

SOURCES_YML = f"""\
sources:
  - id: "{SEED_ID}"
    file: {SEED_ID}.txt
    sha256: 30af8cc3b064c9d07a3ce441eb9a1fe153aac310b9100d1e728daabd3a05b750
    headline: China courts South Korea as it pressures Japan over Taiwan
    publisher: Bloomberg News
    kind: news-report
    published: not stated
    body:
      starts_with: Hours after President Xi Jinping posed for selfies
      ends_with: Both the U.S. and Japan would have closely monitored the meeting.”
"""

ACTORS_YML = """\
actors:
  - {id: xi-jinping, name: Xi Jinping, kind: person, aliases: [Xi, the Chinese leader]}
  - {id: lee-jae-myung, name: Lee Jae Myung, kind: person, aliases: [Lee]}
  - {id: china, name: China, kind: state, aliases: [Beijing]}
  - {id: japan, name: Japan, kind: state, aliases: [Tokyo]}
  - {id: xinhua, name: Xinhua News Agency, kind: outlet, aliases: [Xinhua]}
"""

GOOD_FACTS = f"""\
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
        quote: >-
          China sent a very different message to Japan, escalating their dispute by imposing
          export controls.
  - id: one-china
    claim: Lee reiterated respect for the "One China" policy, according to Xinhua.
    actors: [lee-jae-myung]
    attribution: {{kind: report, actor: xinhua}}
    evidence:
      - source: "{SEED_ID}"
        quote: >-
          He reiterated Seoul’s respect for the “One China” policy, according to Xinhua News
          Agency
        refers: {{He: lee-jae-myung}}
"""

FACTREF_YML = """\
# The fixture cites a few sentences of the seed only: coverage is reported, not required.
coverage: {require: report}
"""

MKDOCS_YML = f"""\
site_name: Fixture
hooks:
  - {HOOK}
theme:
  name: material
  font: false
validation:
  omitted_files: ignore
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
watch:
  - facts
  - seeds
nav:
  - Home: index.md
  - Actors: actors/index.md
"""


@dataclass
class Project:
    """A throwaway reference project: seeds/, facts/ and a minimal MkDocs site."""

    root: Path

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_bytes(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def run(self) -> Result:
        return run(self.root)

    def problems(self) -> list[str]:
        return [str(p) for p in self.run().problems]

    def build(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )

    def page(self, rel: str) -> str:
        return (self.root / "site" / rel).read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A project with the seed, its registry entry, a few actors and one good fact."""
    p = Project(tmp_path)
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(SEED, tmp_path / "seeds" / SEED.name)
    p.write("facts/sources.yml", SOURCES_YML)
    p.write("facts/actors.yml", ACTORS_YML)
    p.write("facts/claims.yml", GOOD_FACTS)
    p.write("mkdocs.yml", MKDOCS_YML)
    p.write("factref.yml", FACTREF_YML)
    p.write("docs/index.md", "# Fixture\n\nSee the [actors](actors/index.md).\n")
    return p


def fact(fid: str, claim: str, quote: str, *, actors: str = "[china]", extra: str = "",
         evidence_extra: str = "") -> str:
    """YAML for one fact record, for tests that vary one thing at a time."""
    return f"""\
facts:
  - id: {fid}
    claim: {claim}
    actors: {actors}
    attribution: {{kind: narration}}
{extra}    evidence:
      - source: "{SEED_ID}"
        quote: {quote}
{evidence_extra}"""


# --- The real site, built once per test session for the browser tests ---------------------------


def snapshot_repo(dest: Path) -> Path:
    """This repository's site sources (records, texts, pages, theme overrides, settings), copied
    so that work in progress cannot change them; the hooks are linked."""
    dest.mkdir(parents=True)
    for name in ("facts", "seeds", "docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "factref.yml"):
        shutil.copyfile(ROOT / name, dest / name)
    (dest / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
    return dest


def build_real_site(dest: Path, offline: bool) -> Path:
    """This repository's site, built with the README's command into ``dest``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return dest


@pytest.fixture(scope="session")
def online(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site served over loopback HTTP."""
    from browser import serve

    with serve(build_real_site(tmp_path_factory.mktemp("online"), offline=False)) as url:
        yield url


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site's offline bundle, opened from file://."""
    from browser import node_module

    node_module("iframe-worker/shim/index.js")
    return build_real_site(tmp_path_factory.mktemp("offline"), offline=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, driven by Playwright (never `playwright install`)."""
    from browser import ARGS, CHROMIUM, require_browser

    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()
