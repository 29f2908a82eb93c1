#!/usr/bin/env python3
"""The factref scaling benchmark: check and build cost against their floors, at F facts.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python bench/run.py [--facts 1000 10000 50000] [options]

For each F it generates a synthetic reference (bench/synth.py) and its floor project
(bench/floor.py), then measures, each in a fresh child process:

- ``factref check`` (the command, start-up included) and the same work in-process
  (bench/measure.py check: pipeline.run + coverage, by stage), against the floor of reading the
  same record files with PyYAML's C loader (bench/measure.py parse);
- ``mkdocs build`` of the reference, against plain MkDocs building the same pages from Markdown
  files with the same configuration and nav (the floor);
- the peak RSS of every child (``os.wait4``), the size of the built site and of its search index;
- optionally, under ``mkdocs serve``, how long an edit to one fact takes to be served
  (bench/serve.py), and cProfile reports of check and build (bench/hotspots.py).

Results are merged into bench/results.json (one entry per F, so F values can be run separately),
written as a table to bench/results.md and into docs/benchmark.md between its result markers.
See bench/README.md for the options and how to read the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from synth import STAMP, docs_files  # noqa: E402

BIN = Path(sys.executable).parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "results.md"
DOCS_PAGE = REPO / "docs" / "benchmark.md"
START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
MB = 1024 * 1024

TARGETS = {
    "build_ratio_10k": 1.10,
    "check_ratio_50k": 3.0,
    "rss_ratio": 1.5,
}


# --------------------------------------------------------------------------------------------
# Children
# --------------------------------------------------------------------------------------------


def child(
    cmd: list[str], *, timeout: float | None = None, nice: int = 0, cwd: Path | None = None
) -> dict:
    """Run ``cmd``; wall seconds, peak RSS (MB) of exactly this child, exit code and output."""
    if nice:
        cmd = ["nice", "-n", str(nice), *cmd]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    env.pop("SITE_URL", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "seconds": seconds,
            "rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
            "user_seconds": usage.ru_utime,
            "rc": proc.returncode,
            "timed_out": timed_out.is_set(),
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def best(cmd: list[str], repeat: int, **kw) -> dict:
    """The fastest of ``repeat`` runs (peak RSS: the largest seen)."""
    runs = [child(cmd, **kw) for _ in range(max(1, repeat))]
    fastest = min(runs, key=lambda r: r["seconds"])
    fastest["rss_mb"] = max(r["rss_mb"] for r in runs)
    fastest["all_seconds"] = [round(r["seconds"], 3) for r in runs]
    return fastest


def must(result: dict, what: str) -> dict:
    if result["rc"] != 0:
        sys.stderr.write(result["stdout"][-3000:] + result["stderr"][-3000:])
        raise SystemExit(f"{what} failed (exit {result['rc']})")
    return result


# --------------------------------------------------------------------------------------------
# Inputs, kept up to date by fingerprint
# --------------------------------------------------------------------------------------------


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
    return [HERE / "synth.py", REPO / "mkdocs.yml", *docs_files(fingerprinted=True)]


def code_inputs() -> list[Path]:
    return [REPO / "hooks" / "factref", REPO / "hooks" / "factref_hooks.py", HERE / "floor.py"]


def read_stamp(folder: Path) -> dict:
    try:
        return json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def ensure_corpus(facts: int, seed: int, corpus: Path, regenerate: bool, nice: int) -> dict:
    fp = fingerprint(corpus_inputs(), facts, seed)
    stamp = read_stamp(corpus)
    if regenerate or stamp.get("fingerprint") != fp:
        print(f"  generating {corpus} ...", flush=True)
        r = must(
            child(
                [
                    sys.executable,
                    str(HERE / "synth.py"),
                    "--facts",
                    str(facts),
                    "--out",
                    str(corpus),
                    "--seed",
                    str(seed),
                ],
                nice=nice,
            ),
            "synth.py",
        )
        stamp = json.loads(r["stdout"].strip().splitlines()[-1])
        stamp["fingerprint"] = fp
        stamp["generate_seconds"] = round(r["seconds"], 2)
        (corpus / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return stamp


def ensure_floor(corpus: Path, floor: Path, regenerate: bool, nice: int) -> dict:
    fp = fingerprint(code_inputs(), read_stamp(corpus).get("fingerprint"))
    stamp = read_stamp(floor)
    if regenerate or stamp.get("fingerprint") != fp:
        print(f"  writing the floor project {floor} ...", flush=True)
        r = must(
            child([sys.executable, str(HERE / "floor.py"), str(corpus), str(floor)], nice=nice),
            "floor.py",
        )
        stamp = json.loads(r["stdout"].strip().splitlines()[-1])
        stamp["fingerprint"] = fp
        stamp["seconds"] = round(r["seconds"], 2)
        (floor / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return stamp


# --------------------------------------------------------------------------------------------
# Measuring one F
# --------------------------------------------------------------------------------------------


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def compare_sites(a: Path, b: Path) -> dict:
    fa = {p.relative_to(a).as_posix(): p.stat().st_size for p in a.rglob("*") if p.is_file()}
    fb = {p.relative_to(b).as_posix(): p.stat().st_size for p in b.rglob("*") if p.is_file()}
    differ = sorted(k for k in fa.keys() & fb.keys() if fa[k] != fb[k])
    return {
        "only_in_build": sorted(fa.keys() - fb.keys())[:10],
        "only_in_floor": sorted(fb.keys() - fa.keys())[:10],
        "size_differs": len(differ),
        "bytes_difference": sum(fa.values()) - sum(fb.values()),
        "size_differs_examples": differ[:5],
    }


def warnings_in(result: dict) -> int:
    return sum(1 for line in result["stderr"].splitlines() if line.startswith("WARNING"))


def measure_build(config: Path, site: Path, repeat: int, timeout: float, nice: int) -> dict:
    if site.exists():
        shutil.rmtree(site)
    r = best(
        [str(BIN / "mkdocs"), "build", "-f", str(config), "-d", str(site)],
        repeat,
        timeout=timeout,
        nice=nice,
    )
    if r["timed_out"]:
        return {"skipped": f"stopped after {timeout:.0f} s", "seconds": None, "rss_mb": None}
    must(r, f"mkdocs build -f {config}")
    index = site / "search" / "search_index.json"
    return {
        "seconds": r["seconds"],
        "all_seconds": r["all_seconds"],
        "rss_mb": r["rss_mb"],
        "user_seconds": r["user_seconds"],
        "warnings": warnings_in(r),
        "site_bytes": tree_bytes(site),
        "search_index_bytes": index.stat().st_size if index.is_file() else 0,
    }


def measure(facts: int, args: argparse.Namespace) -> dict:
    work: Path = args.workdir
    corpus, floor = work / f"corpus-{facts}", work / f"floor-{facts}"
    print(f"F = {facts}", flush=True)
    load_before = os.getloadavg()
    stamp = ensure_corpus(facts, args.seed, corpus, args.regenerate, args.nice)
    entry: dict = {
        "facts": facts,
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "corpus": {
            k: stamp.get(k)
            for k in (
                "sources",
                "actors",
                "issues",
                "events",
                "facts",
                "seeds_bytes",
                "records_bytes",
            )
        },
        "load_before": [round(x, 2) for x in load_before],
        "git": git_state(),
    }
    print("  factref check ...", flush=True)
    cli = best([str(BIN / "factref"), "--root", str(corpus), "check"], args.repeat, nice=args.nice)
    entry["check_cli"] = {
        "seconds": cli["seconds"],
        "rss_mb": cli["rss_mb"],
        "rc": cli["rc"],
        "summary": cli["stdout"].strip().splitlines()[-1:],
    }
    runs = [
        must(
            child([sys.executable, str(HERE / "measure.py"), "check", str(corpus)], nice=args.nice),
            "measure.py check",
        )
        for _ in range(args.repeat)
    ]
    fastest = min(runs, key=lambda r: json.loads(r["stdout"])["seconds"])
    entry["check"] = {**json.loads(fastest["stdout"]), "rss_mb": max(r["rss_mb"] for r in runs)}
    if entry["check"]["problems"]:
        print(
            f"  WARNING: {entry['check']['problems']} problems in the generated records: "
            f"{entry['check']['first_problems'][:2]}",
            flush=True,
        )
    print("  C-loader parse ...", flush=True)
    runs = [
        must(
            child([sys.executable, str(HERE / "measure.py"), "parse", str(corpus)], nice=args.nice),
            "measure.py parse",
        )
        for _ in range(args.repeat)
    ]
    fastest = min(runs, key=lambda r: json.loads(r["stdout"])["seconds"])
    entry["parse"] = {**json.loads(fastest["stdout"]), "rss_mb": max(r["rss_mb"] for r in runs)}
    if not args.no_build:
        floor_stamp = ensure_floor(corpus, floor, args.regenerate, args.nice)
        entry["pages"] = sum(1 for _ in (floor / "docs").rglob("*.md"))
        entry["floor_project"] = floor_stamp
        print("  mkdocs build (factref) ...", flush=True)
        entry["build"] = measure_build(
            corpus / "mkdocs.yml",
            work / f"site-{facts}",
            args.repeat,
            args.build_timeout,
            args.nice,
        )
        print("  mkdocs build (floor) ...", flush=True)
        entry["floor_build"] = measure_build(
            floor / "mkdocs.yml",
            work / f"floor-site-{facts}",
            args.repeat,
            args.build_timeout,
            args.nice,
        )
        if entry["build"]["seconds"] and entry["floor_build"]["seconds"]:
            entry["sites_compared"] = compare_sites(
                work / f"site-{facts}", work / f"floor-site-{facts}"
            )
    if facts == args.serve:
        print("  mkdocs serve: edit one fact ...", flush=True)
        from serve import measure as serve_measure

        entry["serve"] = {}
        for mode in args.serve_modes:
            print(f"    mkdocs serve{' --dirty' if mode == 'dirty' else ''} ...", flush=True)
            entry["serve"][mode] = serve_measure(
                corpus, edits=args.serve_edits, dirty=mode == "dirty"
            )
    if facts == args.profile:
        print("  profiles ...", flush=True)
        for what in ("check", "build", "rebuild"):
            out = HERE / "profiles" / f"{what}-{facts}.txt"
            must(
                child(
                    [
                        sys.executable,
                        str(HERE / "hotspots.py"),
                        what,
                        str(corpus),
                        "--out",
                        str(out),
                    ],
                    nice=args.nice,
                ),
                f"hotspots.py {what}",
            )
            prof = Path(str(out) + ".prof")
            if prof.exists():
                shutil.move(prof, work / prof.name)  # raw profiles stay out of the repo
    entry["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return entry


# --------------------------------------------------------------------------------------------
# Machine, versions, report
# --------------------------------------------------------------------------------------------


def git_state() -> dict:
    def git(*a: str) -> str:
        try:
            return subprocess.run(
                ["git", *a], cwd=REPO, capture_output=True, text=True, check=False
            ).stdout.strip()
        except OSError:
            return ""

    dirty = git("status", "--porcelain", "--", "hooks", "mkdocs.yml", "pyproject.toml")
    return {"commit": git("rev-parse", "--short", "HEAD"), "pipeline_dirty": bool(dirty)}


def machine() -> dict:
    model, mem = "", 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor(),
        "ram_mb": mem,
        "os": f"{platform.system()} {platform.release()}",
    }


def versions() -> dict:
    from importlib import metadata

    import yaml

    out = {"python": platform.python_version()}
    for dist in (
        "mkdocs",
        "mkdocs-material",
        "pydantic",
        "pydantic-core",
        "PyYAML",
        "Jinja2",
        "Markdown",
    ):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "-"
    out["libyaml"] = _libyaml_version() if yaml.__with_libyaml__ else "not available"
    return out


def _libyaml_version() -> str:
    try:
        from yaml import _yaml

        return str(_yaml.get_version_string())
    except (ImportError, AttributeError):
        return "-"


def _f(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def table(runs: list[dict]) -> str:
    head = (
        "| F facts | sources | pages | check s | C-parse s | ratio | build s | floor build s "
        "| ratio | peak RSS build / floor MB | ratio | site MB | search index MB |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = []
    for e in runs:
        b, fb = e.get("build") or {}, e.get("floor_build") or {}
        check, parse = e["check"]["seconds"], e["parse"]["seconds"]
        build_s = b.get("seconds")
        rows.append(
            f"| {e['facts']:,} | {e['corpus']['sources']:,} | {e.get('pages', 0):,} "
            f"| {_f(check)} | {_f(parse)} | {_f(_ratio(check, parse))} "
            f"| {_f(build_s, 1) if build_s else b.get('skipped', '–')} "
            f"| {_f(fb.get('seconds'), 1)} "
            f"| {_f(_ratio(build_s, fb.get('seconds')))} "
            f"| {_f(b.get('rss_mb'), 0)} / {_f(fb.get('rss_mb'), 0)} "
            f"| {_f(_ratio(b.get('rss_mb'), fb.get('rss_mb')))} "
            f"| {_f((b.get('site_bytes') or 0) / MB, 1) if b.get('site_bytes') else '–'} "
            f"| {_f((b.get('search_index_bytes') or 0) / MB, 1) if b.get('site_bytes') else '–'} |"
        )
    return head + "\n".join(rows) + "\n"


def detail(runs: list[dict]) -> str:
    out = [
        "Check, by stage (seconds, in-process) and memory:\n",
        "| F facts | actors | issues | events | records MB | load | verify | model | coverage "
        "| `factref check` command s | check RSS MB | C-parse RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for e in runs:
        c, st = e["corpus"], e["check"].get("stages", {})
        out.append(
            f"| {e['facts']:,} | {c['actors']:,} | {c['issues']:,} | {c['events']:,} "
            f"| {c['records_bytes'] / MB:.1f} "
            f"| {_f(st.get('load'))} | {_f(st.get('verify'))} | {_f(st.get('model'))} "
            f"| {_f(st.get('coverage'))} | {_f(e['check_cli']['seconds'])} "
            f"| {_f(e['check']['rss_mb'], 0)} | {_f(e['parse']['rss_mb'], 0)} |"
        )
    out += [
        "",
        "Build: *hook s* is the time of MkDocs' `files` event, in which the factref hook runs the "
        "pipeline and renders every page (measured while writing the floor project); all runs "
        "are listed.\n",
        "| F facts | pages | generated MB | hook s | build runs s | floor runs s "
        "| build per page | floor per page | warnings build / floor |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for e in runs:
        b, fb = e.get("build") or {}, e.get("floor_build") or {}
        fp = e.get("floor_project") or {}
        pages = e.get("pages") or 0
        runs_b = ", ".join(f"{x:.1f}" for x in b.get("all_seconds") or []) or "–"
        runs_f = ", ".join(f"{x:.1f}" for x in fb.get("all_seconds") or []) or "–"
        gen = fp.get("generated_bytes")
        out.append(
            f"| {e['facts']:,} | {pages:,} | {_f(gen / MB, 1) if gen else '–'} "
            f"| {_f(fp.get('hook_seconds'), 1)} | {runs_b} | {runs_f} "
            f"| {per_page(b.get('seconds'), pages)} | {per_page(fb.get('seconds'), pages)} "
            f"| {b.get('warnings', '–')} / {fb.get('warnings', '–')} |"
        )
    return "\n".join(out) + "\n"


def per_page(seconds: float | None, pages: int) -> str:
    return f"{seconds / pages * 1000:.1f} ms" if seconds and pages else "–"


def growth(runs: list[dict]) -> str:
    """Exponent k in cost ∝ size^k between successive F (1 = linear, 2 = quadratic)."""
    lines = []
    for a, b in zip(runs, runs[1:], strict=False):

        def k(x: float | None, y: float | None, n1: float, n2: float) -> str:
            if not x or not y or n1 == n2:
                return "–"
            return f"{math.log(y / x) / math.log(n2 / n1):.2f}"

        pa, pb = a.get("pages") or 0, b.get("pages") or 0
        ba, bb = (a.get("build") or {}).get("seconds"), (b.get("build") or {}).get("seconds")
        fa, fb = (
            (a.get("floor_build") or {}).get("seconds"),
            (b.get("floor_build") or {}).get("seconds"),
        )
        lines.append(
            f"| {a['facts']:,} → {b['facts']:,} "
            f"| {k(a['check']['seconds'], b['check']['seconds'], a['facts'], b['facts'])} "
            f"| {k(a['parse']['seconds'], b['parse']['seconds'], a['facts'], b['facts'])} "
            f"| {k(ba, bb, pa, pb)} | {k(fa, fb, pa, pb)} |"
        )
    if not lines:
        return ""
    return (
        "| F | check vs facts | C-parse vs facts | build vs pages | floor build vs pages |\n"
        "|---|---:|---:|---:|---:|\n" + "\n".join(lines) + "\n"
    )


def serve_text(runs: list[dict]) -> str:
    out = []
    for e in runs:
        modes = e.get("serve") or {}
        if "edits" in modes:  # an entry from before serve had modes
            modes = {"full": modes}
        for mode, s in modes.items():
            command = "`mkdocs serve --dirty`" if mode == "dirty" else "`mkdocs serve`"
            if s.get("error"):
                out.append(f"- F = {e['facts']:,}, {command}: {s['error']}")
                continue
            shown = [x["edit_visible_seconds"] for x in s["edits"] if x["edit_visible_seconds"]]
            back = [x["revert_visible_seconds"] for x in s["edits"] if x["revert_visible_seconds"]]
            builds = s.get("builds_seconds") or [0.0]
            line = (
                f"- F = {e['facts']:,}, {command}: first page served "
                f"{s.get('first_page_seconds', 0):.1f} s after start (first build "
                f"{builds[0]:.1f} s); an edited claim was served after "
                f"{', '.join(f'{x:.1f}' for x in shown)} s, and the restored one after "
                f"{', '.join(f'{x:.1f}' for x in back)} s; the server's rebuilds took "
                f"{', '.join(f'{x:.1f}' for x in builds[1:])} s"
            )
            counts = [x.get("search_docs_after_edit") for x in s["edits"]]
            if s.get("search_docs_first") and any(counts):
                line += (
                    f"; search index entries: {s['search_docs_first']:,} after the first build, "
                    + ", ".join(f"{c:,}" for c in counts if c)
                    + " after each edit"
                )
            out.append(line + ".")
        full = (e.get("build") or {}).get("all_seconds")
        if modes and full:
            out.append(
                f"- F = {e['facts']:,}: a full `mkdocs build` took "
                + ", ".join(f"{x:.1f}" for x in full)
                + " s."
            )
    return "\n".join(out) + ("\n" if out else "")


def verdicts(runs: list[dict]) -> str:
    by = {e["facts"]: e for e in runs}
    out = []
    e = by.get(10000)
    if e and (e.get("build") or {}).get("seconds") and (e.get("floor_build") or {}).get("seconds"):
        r = e["build"]["seconds"] / e["floor_build"]["seconds"]
        ok = r <= TARGETS["build_ratio_10k"]
        out.append(
            f"- Build within {TARGETS['build_ratio_10k']:.2f}x of the floor at 10k facts: "
            f"**{'met' if ok else 'not met'}** ({r:.2f}x)."
        )
    e = by.get(50000)
    if e:
        r = e["check"]["seconds"] / e["parse"]["seconds"]
        ok = r <= TARGETS["check_ratio_50k"]
        out.append(
            f"- Check within {TARGETS['check_ratio_50k']:.0f}x of the C-loader parse at 50k "
            f"facts: **{'met' if ok else 'not met'}** ({r:.2f}x)."
        )
    rss = [
        (e["facts"], e["build"]["rss_mb"] / e["floor_build"]["rss_mb"])
        for e in runs
        if (e.get("build") or {}).get("rss_mb") and (e.get("floor_build") or {}).get("rss_mb")
    ]
    if rss:
        ok = all(r <= TARGETS["rss_ratio"] for _, r in rss)
        out.append(
            f"- Peak RSS of the build within {TARGETS['rss_ratio']}x of the floor: "
            f"**{'met' if ok else 'not met'}** ("
            + ", ".join(f"{r:.2f}x at {f:,}" for f, r in rss)
            + ")."
        )
    for e in runs:
        full = (e.get("build") or {}).get("seconds")
        modes = e.get("serve") or {}
        if "edits" in modes:
            modes = {"full": modes}
        for mode, srv in modes.items():
            shown = [x["edit_visible_seconds"] for x in srv.get("edits", [])]
            if not full or not shown:
                continue
            worst = max(x if x is not None else float("inf") for x in shown)
            command = "`mkdocs serve --dirty`" if mode == "dirty" else "`mkdocs serve`"
            out.append(
                f"- An edit to one fact served in less than a full build at {e['facts']:,} facts, "
                f"under {command}: **{'met' if worst < full else 'not met'}** (slowest edit "
                f"{worst:.1f} s, fastest full build {full:.1f} s)."
            )
    return "\n".join(out) + ("\n" if out else "")


def render(data: dict) -> str:
    runs = sorted(data["runs"].values(), key=lambda e: e["facts"])
    if not runs:
        return "No results yet.\n"
    last = max(runs, key=lambda e: e["date"])
    m, v = last["machine"], last["versions"]
    dirty = " (+ uncommitted pipeline changes)"
    commits = sorted(
        {e["git"]["commit"] + (dirty if e["git"]["pipeline_dirty"] else "") for e in runs}
    )
    parts = [
        table(runs),
        "\n",
        "Times are wall-clock seconds of one child process each (the fastest of the repeats), "
        "peak RSS is that child's own `ru_maxrss`. *check* is `pipeline.run` plus the coverage "
        "pass, in-process (what `factref check` does, without interpreter start-up); *C-parse* "
        "reads the same record files and parses them with `yaml.CSafeLoader`. Builds are "
        "`mkdocs build` of the reference and of the floor project (the same pages as Markdown "
        "files, same configuration and nav, no hook), start-up included.\n\n",
        "### Targets\n\n",
        verdicts(runs) or "No run covers a target yet.\n",
        "\n",
        "### Details\n\n",
        detail(runs),
        "\n",
        "Growth exponents (cost ∝ size^k; 1 is linear):\n\n",
        growth(runs) or "–\n",
        "\n",
    ]
    serve = serve_text(runs)
    if serve:
        parts += ["### `mkdocs serve`: editing one fact\n\n", serve, "\n"]
    parts += [
        "### Machine and versions\n\n",
        f"- {m['nproc']} cores, {m['cpu']}, {m['ram_mb'] / 1024:.1f} GB RAM, {m['os']}; load "
        "average (1, 5, 15 min) before each F: "
        + "; ".join(f"{e['facts']:,}: {', '.join(map(str, e['load_before']))}" for e in runs)
        + "\n",
        "- " + ", ".join(f"{k} {val}" for k, val in v.items()) + "\n",
        f"- factref at commit {', '.join(commits)}; runs on "
        + ", ".join(sorted({e["date"][:10] for e in runs}))
        + "\n",
    ]
    return "".join(parts)


def write_reports(data: dict) -> None:
    text = render(data)
    RESULTS_MD.write_text(
        "# factref benchmark results\n\nWritten by `bench/run.py`; see `bench/README.md` and "
        "`docs/benchmark.md`.\n\n" + text,
        encoding="utf-8",
    )
    if DOCS_PAGE.is_file():
        page = DOCS_PAGE.read_text(encoding="utf-8")
        if START in page and END in page:
            head, rest = page.split(START, 1)
            _, tail = rest.split(END, 1)
            DOCS_PAGE.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--facts",
        type=int,
        nargs="+",
        default=[1000, 10000, 50000],
        help="sizes to measure (default: 1000 10000 50000)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path("/tmp/factref-bench"),
        help="where corpora, floors and sites go (default /tmp/factref-bench)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs of each measurement; the fastest is kept (default 1)",
    )
    parser.add_argument(
        "--build-timeout",
        type=float,
        default=900.0,
        help="give up on a build after this many seconds (default 900)",
    )
    parser.add_argument("--no-build", action="store_true", help="measure check and parse only")
    parser.add_argument(
        "--serve",
        type=int,
        default=10000,
        metavar="F",
        help="measure `mkdocs serve` edit latency at this F (default 10000; 0: never)",
    )
    parser.add_argument("--serve-edits", type=int, default=3)
    parser.add_argument(
        "--serve-modes",
        nargs="+",
        choices=("full", "dirty"),
        default=["full", "dirty"],
        help="`mkdocs serve` (full) and/or `mkdocs serve --dirty` (default: both)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="F",
        help="also write cProfile reports at this F to bench/profiles/",
    )
    parser.add_argument("--nice", type=int, default=0, help="run children under nice -n N")
    parser.add_argument(
        "--regenerate",
        action="store_true",
        help="regenerate corpora and floor projects even if up to date",
    )
    parser.add_argument(
        "--no-write",
        action="store_true",
        help="print the report; leave results.json, results.md and docs alone",
    )
    args = parser.parse_args()
    args.workdir = args.workdir.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)

    data = {"runs": {}}
    if RESULTS_JSON.is_file():
        data = json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
    mach, vers = machine(), versions()
    for facts in args.facts:
        entry = measure(facts, args)
        entry["machine"], entry["versions"] = mach, vers
        entry["repeat"] = args.repeat
        data["runs"][str(facts)] = entry
        if not args.no_write:
            RESULTS_JSON.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
            write_reports(data)
    text = render(data)
    print(text)


if __name__ == "__main__":
    main()
