"""The benchmark's inputs, kept up to date by fingerprint: a corpus per F and its floor project.

A corpus is regenerated when the generator, the project's ``mkdocs.yml`` or its hand-written docs
change; a floor project when anything under ``hooks/`` (or the floor writer) changes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .children import REPO, child, module, must
from .synth import STAMP, docs_files

HERE = Path(__file__).resolve().parent


def fingerprint(paths: list[Path], *extra: object) -> str:
    h = hashlib.sha256(repr(extra).encode())
    for base in paths:
        files = sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else [base]
        for p in files:
            if "__pycache__" in p.parts or p.suffix == ".pyc" or not p.exists():
                continue
            h.update(str(p.relative_to(REPO)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def corpus_inputs() -> list[Path]:
    return [
        HERE / "synth",
        HERE / "mkdocs_yaml.py",
        REPO / "mkdocs.yml",
        REPO / "overrides",
        *docs_files(fingerprinted=True),
    ]


def code_inputs() -> list[Path]:
    return [REPO / "hooks" / "factref", REPO / "hooks" / "factref_hooks.py", HERE / "floor.py"]


def read_stamp(folder: Path) -> dict:
    try:
        return json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_stamp(folder: Path, run_stdout: str, **extra: object) -> dict:
    stamp = json.loads(run_stdout.strip().splitlines()[-1]) | extra
    (folder / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return stamp


def ensure_corpus(facts: int, seed: int, corpus: Path, regenerate: bool, nice: int) -> dict:
    fp = fingerprint(corpus_inputs(), facts, seed)
    stamp = read_stamp(corpus)
    if regenerate or stamp.get("fingerprint") != fp:
        print(f"  generating {corpus} ...", flush=True)
        cmd = module("synth", "--facts", str(facts), "--out", str(corpus), "--seed", str(seed))
        r = must(child(cmd, nice=nice), "bench.synth")
        stamp = _write_stamp(corpus, r.stdout, fingerprint=fp, generate_seconds=round(r.seconds, 2))
    return stamp


def ensure_floor(corpus: Path, floor: Path, regenerate: bool, nice: int) -> dict:
    fp = fingerprint(code_inputs(), read_stamp(corpus).get("fingerprint"))
    stamp = read_stamp(floor)
    if regenerate or stamp.get("fingerprint") != fp:
        print(f"  writing the floor project {floor} ...", flush=True)
        r = must(child(module("floor", str(corpus), str(floor)), nice=nice), "bench.floor")
        stamp = _write_stamp(floor, r.stdout, fingerprint=fp, seconds=round(r.seconds, 2))
    return stamp
