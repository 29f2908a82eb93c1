"""Measuring one size F: check against the C loader, the build against plain MkDocs, the site's
sizes, the live preview and (optionally) profiles; every measurement a fresh child process."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .children import BIN, Run, alternating, child, module, must
from .environment import git_state
from .inputs import ensure_corpus, ensure_floor
from .serve import measure as measure_serve
from .site_sizes import compare_sites, measure_site

HERE = Path(__file__).resolve().parent
CORPUS_KEYS = ("sources", "actors", "issues", "events", "facts", "seeds_bytes", "records_bytes")


@dataclass
class Options:
    workdir: Path
    seed: int = 1
    repeat: int = 1
    build_timeout: float = 900.0
    build: bool = True
    serve: bool = True
    serve_edits: int = 3
    serve_modes: tuple[str, ...] = ("full",)
    profile: bool = False
    nice: int = 0
    regenerate: bool = False
    profiles_dir: Path = HERE / "profiles"


def _timing(run: Run) -> dict:
    return {
        "seconds": run.seconds,
        "all_seconds": run.all_seconds,
        "rss_mb": run.rss_mb,
        "all_rss_mb": run.all_rss_mb,
    }


def _warnings(run: Run) -> int:
    return sum(1 for line in run.stderr.splitlines() if line.startswith("WARNING"))


def measure_check(corpus: Path, opts: Options) -> dict:
    """``factref check`` and the C-loader read of the same files, whole processes, alternating."""
    runs = alternating(
        {
            "check": [str(BIN / "factref"), "--root", str(corpus), "check"],
            "parse": module("yaml_floor", str(corpus)),
        },
        opts.repeat,
        nice=opts.nice,
    )
    must(runs["parse"], "bench.yaml_floor")
    check = runs["check"]
    inside = must(child(module("stages", str(corpus)), nice=opts.nice), "bench.stages")
    return {
        "stages": {**json.loads(inside.stdout), "rss_mb": inside.rss_mb},
        "check": {
            **_timing(check),
            "rc": check.rc,
            "summary": (check.stdout.strip().splitlines() or [""])[-1],
            "first_problems": check.stderr.splitlines()[:5],
        },
        "parse": {**_timing(runs["parse"]), **json.loads(runs["parse"].stdout)},
    }


def measure_builds(corpus: Path, floor: Path, facts: int, opts: Options) -> dict:
    """``mkdocs build`` of the corpus and of its floor project, alternating; the sites' sizes."""
    sites = {
        "build": opts.workdir / f"site-{facts}",
        "floor_build": opts.workdir / f"floor-site-{facts}",
    }
    configs = {"build": corpus / "mkdocs.yml", "floor_build": floor / "mkdocs.yml"}
    for site in sites.values():
        if site.exists():
            shutil.rmtree(site)
    runs = alternating(
        {
            k: [str(BIN / "mkdocs"), "build", "-f", str(configs[k]), "-d", str(sites[k])]
            for k in sites
        },
        opts.repeat,
        timeout=opts.build_timeout,
        nice=opts.nice,
    )
    out: dict = {}
    for k, run in runs.items():
        if run.timed_out:
            out[k] = {"skipped": f"stopped after {opts.build_timeout:.0f} s"}
            continue
        must(run, f"mkdocs build -f {configs[k]}")
        out[k] = {**_timing(run), "warnings": _warnings(run), **measure_site(sites[k])}
    if "skipped" not in out["build"] and "skipped" not in out["floor_build"]:
        out["sites_compared"] = compare_sites(sites["build"], sites["floor_build"])
    return out


def measure_profiles(corpus: Path, facts: int, opts: Options) -> None:
    for what in ("check", "build", "rebuild"):
        out = opts.profiles_dir / f"{what}-{facts}.txt"
        must(
            child(module("hotspots", what, str(corpus), "--out", str(out)), nice=opts.nice),
            f"bench.hotspots {what}",
        )
        prof = Path(str(out) + ".prof")
        if prof.exists():
            shutil.move(prof, opts.workdir / prof.name)  # raw profiles stay out of the repo


def measure_size(facts: int, opts: Options) -> dict:
    """Everything the report shows for one F, as one JSON-able entry."""
    corpus, floor = opts.workdir / f"corpus-{facts}", opts.workdir / f"floor-{facts}"
    print(f"F = {facts}", flush=True)
    load_before = os.getloadavg()
    stamp = ensure_corpus(facts, opts.seed, corpus, opts.regenerate, opts.nice)
    entry: dict = {
        "facts": facts,
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "corpus": {k: stamp.get(k) for k in CORPUS_KEYS},
        "load_before": [round(x, 2) for x in load_before],
        "git": git_state(),
        "repeat": opts.repeat,
    }
    print("  factref check and the C-loader read ...", flush=True)
    entry |= measure_check(corpus, opts)
    if entry["check"]["rc"] != 0:
        print(f"  WARNING: problems in the generated records: {entry['check']['first_problems']}")
    if opts.build:
        entry["floor_project"] = ensure_floor(corpus, floor, opts.regenerate, opts.nice)
        entry["pages"] = sum(1 for _ in (floor / "docs").rglob("*.md"))
        print("  mkdocs build, factref and plain ...", flush=True)
        entry |= measure_builds(corpus, floor, facts, opts)
    if opts.serve:
        entry["serve"] = {}
        for mode in opts.serve_modes:
            print(
                f"  mkdocs serve{' --dirty' if mode == 'dirty' else ''}: edit one fact ...",
                flush=True,
            )
            entry["serve"][mode] = measure_serve(
                corpus, edits=opts.serve_edits, dirty=mode == "dirty"
            )
    if opts.profile:
        print("  profiles ...", flush=True)
        measure_profiles(corpus, facts, opts)
    entry["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return entry
