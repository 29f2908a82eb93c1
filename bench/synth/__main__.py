"""``python -m bench.synth --facts N --out DIR [--seed S]``: write a synthetic project."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import __doc__ as doc
from .project import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.synth", description=(doc or "").split("\n\n")[0]
    )
    parser.add_argument("--facts", type=int, required=True, help="number of facts (F)")
    parser.add_argument("--out", type=Path, required=True, help="project folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    print(json.dumps(generate(args.facts, args.out, args.seed)))


if __name__ == "__main__":
    main()
