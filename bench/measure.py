#!/usr/bin/env python3
"""One measurement per process, printed as one JSON line (run.py runs each in a fresh child).

    python bench/measure.py check ROOT    # what `factref check` does, timed by stage
    python bench/measure.py parse ROOT    # the floor: read every record file, yaml CSafeLoader

Times exclude interpreter start-up and imports (run.py also times the whole `factref check`
command, start-up included). ``check`` times ``factref.pipeline.run``, with each of its stages
(load, verify, model, coverage) as the pipeline reports them through its ``timings`` argument.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def check(root: Path) -> dict:
    from factref import pipeline

    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    result = pipeline.run(root, timings=stages)
    t1 = time.perf_counter()
    v = result.verified
    problems = result.problems
    return {
        "seconds": t1 - t0,
        "run_seconds": t1 - t0,
        "stages": stages,
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
