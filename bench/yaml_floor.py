"""The floor of ``factref check``: read every record file and parse it with PyYAML's C loader.

    python -m bench.yaml_floor ROOT

run as a whole process, like the ``factref check`` command it is compared with, so interpreter
start-up and imports count on both sides. Prints one JSON line: files and bytes read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml


def parse(root: Path) -> dict:
    files = sorted(p for p in (root / "facts").rglob("*") if p.suffix in (".yml", ".yaml"))
    size = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        yaml.load(data.decode("utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
    return {"files": len(files), "bytes": size}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(json.dumps(parse(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
