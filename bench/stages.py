"""Where `factref check`'s time goes: ``pipeline.run`` in one process, timed by stage.

    python -m bench.stages ROOT

Prints one JSON line: the seconds of each stage (load, verify, model, coverage) as the pipeline
reports them through its ``timings`` argument, their total, and the number of problems.
Interpreter start-up and imports are not included (the whole `factref check` command is measured
separately, against the C-loader read).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def stages(root: Path) -> dict:
    from factref.pipeline import run

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    result = run(root, timings=timings)
    return {
        "seconds": time.perf_counter() - t0,
        "stages": timings,
        "problems": len(result.problems),
    }


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(json.dumps(stages(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
