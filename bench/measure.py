#!/usr/bin/env python3
"""One measurement per process, printed as one JSON line (run.py runs each in a fresh child).

    python bench/measure.py check ROOT    # what `factref check` does, timed by stage
    python bench/measure.py parse ROOT    # the floor: read every record file, yaml CSafeLoader

Times exclude interpreter start-up and imports (run.py also times the whole `factref check`
command, start-up included). ``check`` times ``factref.pipeline.run`` (load, verify, model) and the
coverage pass that the command adds, with each stage of ``run`` timed separately by wrapping the
functions ``pipeline.run`` calls.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from pathlib import Path


def _timed(name: str, func, times: dict[str, float]):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            times[name] = times.get(name, 0.0) + time.perf_counter() - t0

    return wrapper


def check(root: Path) -> dict:
    from factref import pipeline
    from factref.coverage import coverage

    stages: dict[str, float] = {}
    for name, attr in (("load", "load_records"), ("verify", "verify"), ("model", "build_site")):
        if hasattr(pipeline, attr):
            setattr(pipeline, attr, _timed(name, getattr(pipeline, attr), stages))
    t0 = time.perf_counter()
    result = pipeline.run(root)
    t1 = time.perf_counter()
    _, cov_problems = coverage(result.site)
    t2 = time.perf_counter()
    v = result.verified
    problems = sorted(result.problems + cov_problems)
    return {
        "seconds": t2 - t0,
        "run_seconds": t1 - t0,
        "stages": {**stages, "coverage": t2 - t1},
        "problems": len(problems),
        "first_problems": [str(p) for p in problems[:5]],
        "counts": {
            "sources": len(v.sources),
            "actors": len(v.actors),
            "issues": len(v.issues),
            "events": len(v.events),
            "facts": len(v.facts),
        },
    }


def parse(root: Path) -> dict:
    import yaml

    files = sorted(p for p in (root / "facts").rglob("*") if p.suffix in (".yml", ".yaml"))
    t0 = time.perf_counter()
    size = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        yaml.load(data.decode("utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
    return {"seconds": time.perf_counter() - t0, "files": len(files), "bytes": size}


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("check", "parse"):
        sys.exit(__doc__)
    what, root = sys.argv[1], Path(sys.argv[2])
    out = check(root) if what == "check" else parse(root)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
