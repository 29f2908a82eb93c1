"""Profile `factref check`, the site build or a serve rebuild of a generated reference (cProfile).

    python -m bench.hotspots check CORPUS [--out FILE] [--top 30]
    python -m bench.hotspots build CORPUS [--out FILE] [--top 30]
    python -m bench.hotspots rebuild CORPUS [--out FILE] [--top 30]

``check`` profiles ``factref.pipeline.run`` plus the coverage pass (what ``factref check`` does);
``build`` profiles a whole in-process ``mkdocs build`` of CORPUS (hook included), into a temporary
folder; ``rebuild`` profiles the rebuild ``mkdocs serve --dirty`` makes after an edit to one fact
(the fact bench/serve.py edits; CORPUS is restored afterwards). The report lists the functions
with the most own time, the factref functions with the most cumulative time, and, for a build,
how the time splits between the factref hook and MkDocs.
It is written to FILE (default: stdout); the raw profile goes next to it as FILE.prof.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path


def profile_check(root: Path) -> tuple[cProfile.Profile, float]:
    from factref.pipeline import run

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    run(root)
    prof.disable()
    return prof, time.perf_counter() - t0


def profile_build(root: Path) -> tuple[cProfile.Profile, float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="factref-profile-") as site:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site)
        config.plugins.on_startup(command="build", dirty=False)
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        build(config)
        prof.disable()
        elapsed = time.perf_counter() - t0
        config.plugins.on_shutdown()
    return prof, elapsed


def profile_rebuild(root: Path) -> tuple[cProfile.Profile, float]:
    """A `mkdocs serve --dirty` rebuild after an edit to one fact, as the server runs it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .serve import MARKERS, hook_caches, pick_fact, remove_caches_of, set_claim

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    path, fid, _event, claim = pick_fact(root)
    original = path.read_bytes()
    caches = hook_caches()
    with tempfile.TemporaryDirectory(prefix="factref-profile-") as site:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site)
        config.plugins.on_startup(command="serve", dirty=True)
        try:
            build(config, dirty=True)  # the server's first build
            set_claim(path, fid, f"{claim} {MARKERS[0]}")
            time.sleep(1.1)  # a later mtime than the first build's output
            config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site)
            prof = cProfile.Profile()
            t0 = time.perf_counter()
            prof.enable()
            build(config, dirty=True)
            prof.disable()
            elapsed = time.perf_counter() - t0
        finally:
            path.write_bytes(original)
            config.plugins.on_shutdown()
            remove_caches_of(root, caches)
    return prof, elapsed


def _is_factref(filename: str) -> bool:
    return (
        "/factref/" in filename
        or filename.endswith("factref_hooks.py")
        or (filename.endswith(".j2"))
    )


def report(prof: cProfile.Profile, what: str, root: Path, elapsed: float, top: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    total = stats.total_tt  # type: ignore[attr-defined]
    out.write(f"# cProfile of `{what}` on {root}\n\n")
    out.write(
        f"wall time under the profiler: {elapsed:.2f} s (profiler overhead included; "
        f"profiled CPU time {total:.2f} s)\n\n"
    )
    raw = stats.stats  # type: ignore[attr-defined]
    rows = []
    for (filename, line, func), (_cc, nc, tt, ct, _callers) in raw.items():
        rows.append((filename, line, func, nc, tt, ct))
    if what in ("build", "rebuild"):
        out.write("## Where the build's time goes (cumulative)\n\n")
        marks = (
            ("factref hook: on_files (pipeline + render)", "factref_hooks.py", "on_files"),
            ("  factref.pipeline.run (load, verify, model)", "factref/pipeline.py", "run"),
            ("  factref Renderer.pages (templates → Markdown)", "factref/render.py", "pages"),
            (
                "mkdocs: _populate_page (Markdown → HTML, per page)",
                "mkdocs/commands/build.py",
                "_populate_page",
            ),
            (
                "mkdocs: _build_page (theme template, per page)",
                "mkdocs/commands/build.py",
                "_build_page",
            ),
            (
                "search plugin: on_post_build (writes the index)",
                "search/plugin.py",
                "on_post_build",
            ),
            (
                "search plugin: on_page_context (indexes a page)",
                "search/plugin.py",
                "on_page_context",
            ),
        )
        for label, file_part, func in marks:
            ct = sum(r[5] for r in rows if file_part in r[0] and r[2] == func)
            out.write(f"- {label}: {ct:.2f} s ({ct / total:.0%})\n")
        out.write("\n")
    out.write(f"## Top {top} functions by own time (all code)\n\n```\n")
    for filename, line, func, nc, tt, ct in sorted(rows, key=lambda r: -r[4])[:top]:
        out.write(f"{tt:8.3f} {ct:8.3f} {nc:>10}  {_short(filename)}:{line}({func})\n")
    out.write("```\n\ncolumns: own seconds, cumulative seconds, calls, function\n\n")
    out.write(f"## Top {top} factref functions by cumulative time\n\n```\n")
    ours = [r for r in rows if _is_factref(r[0])]
    for filename, line, func, nc, tt, ct in sorted(ours, key=lambda r: -r[5])[:top]:
        out.write(f"{tt:8.3f} {ct:8.3f} {nc:>10}  {_short(filename)}:{line}({func})\n")
    out.write("```\n")
    return out.getvalue()


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/hooks/", "/lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("check", "build", "rebuild"))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, help="write the report here (and FILE.prof)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    root = args.corpus.resolve()
    if args.what == "check":
        prof, elapsed = profile_check(root)
    elif args.what == "build":
        prof, elapsed = profile_build(root)
    else:
        prof, elapsed = profile_rebuild(root)
    text = report(prof, args.what, root, elapsed, args.top)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        prof.dump_stats(str(args.out) + ".prof")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
