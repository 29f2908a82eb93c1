"""The factref scaling benchmark: check, build, memory, live preview, search index and page size,
each against the floor the tools underneath set, at F facts.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python -m bench.run [--facts 1000 10000 50000] [options]

For each F it generates a synthetic reference (bench.synth) and its plain-MkDocs floor project
(bench.floor), then measures, each in a fresh child process (bench.measure): ``factref check``
against reading the same files with PyYAML's C loader, ``mkdocs build`` against plain MkDocs
building the very same pages, their peak RSS, the built site's search index and largest pages,
and under ``mkdocs serve`` how long an edited claim takes to be served (bench.serve).

Results are merged into bench/results.json (one entry per F, so sizes can be run separately) and
rendered (bench.report, templates/results.md.j2) to bench/results.md and into docs/benchmark.md
between its result markers. See bench/README.md for the options and how to read the tables.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .environment import machine, versions
from .measure import Options, measure_size
from .report import SCHEMA, render

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "results.md"
DOCS_PAGE = HERE.parent / "docs" / "benchmark.md"
START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"


def write_reports(data: dict, results_md: Path, docs_page: Path | None) -> None:
    text = render(data)
    results_md.write_text(
        "# factref benchmark results\n\nWritten by `python -m bench.run`; see `bench/README.md` "
        "and `docs/benchmark.md`.\n\n" + text,
        encoding="utf-8",
    )
    if docs_page is not None and docs_page.is_file():
        page = docs_page.read_text(encoding="utf-8")
        if START in page and END in page:
            head, rest = page.split(START, 1)
            _, tail = rest.split(END, 1)
            docs_page.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=(__doc__ or "").split("\n\n")[0]
    )
    add = parser.add_argument
    add(
        "--facts",
        type=int,
        nargs="+",
        default=[1000, 10000, 50000],
        help="sizes to measure (default: 1000 10000 50000)",
    )
    add(
        "--workdir",
        type=Path,
        default=Path("/tmp/factref-bench"),
        help="where corpora, floors and sites go (default /tmp/factref-bench)",
    )
    add("--seed", type=int, default=1)
    add(
        "--repeat",
        type=int,
        default=1,
        help="runs of each measurement, in turns with its floor; the fastest is kept (default 1)",
    )
    add(
        "--build-timeout",
        type=float,
        default=900.0,
        help="give up on a build after this many seconds (default 900)",
    )
    add("--no-build", action="store_true", help="measure check and the C-loader read only")
    add(
        "--serve",
        type=int,
        nargs="*",
        default=None,
        metavar="F",
        help="sizes at which to measure `mkdocs serve` (default: every size; none: never)",
    )
    add("--serve-edits", type=int, default=3)
    add(
        "--serve-modes",
        nargs="+",
        choices=("full", "dirty"),
        default=["full"],
        help="`mkdocs serve` (full, the README's command) and/or `mkdocs serve --dirty`",
    )
    add(
        "--profile",
        type=int,
        default=0,
        metavar="F",
        help="also write cProfile reports at this F to bench/profiles/",
    )
    add("--nice", type=int, default=0, help="run children under nice -n N")
    add(
        "--regenerate",
        action="store_true",
        help="regenerate corpora and floor projects even if up to date",
    )
    add(
        "--results",
        type=Path,
        default=None,
        metavar="DIR",
        help="write results.json and results.md here instead of bench/ (docs are left alone)",
    )
    add(
        "--no-write",
        action="store_true",
        help="print the report; leave results.json, results.md and docs alone",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> str:
    args = parse_args(argv)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    results_json, results_md, docs_page = RESULTS_JSON, RESULTS_MD, DOCS_PAGE
    if args.results is not None:
        args.results.mkdir(parents=True, exist_ok=True)
        results_json, results_md = args.results / "results.json", args.results / "results.md"
        docs_page = None
    data: dict = {"runs": {}}
    if results_json.is_file():
        data = json.loads(results_json.read_text(encoding="utf-8"))
    mach, vers = machine(), versions()
    serve_at = set(args.facts) if args.serve is None else set(args.serve)
    for facts in args.facts:
        opts = Options(
            workdir=workdir,
            seed=args.seed,
            repeat=args.repeat,
            build_timeout=args.build_timeout,
            build=not args.no_build,
            serve=facts in serve_at,
            serve_edits=args.serve_edits,
            serve_modes=tuple(args.serve_modes),
            profile=facts == args.profile,
            nice=args.nice,
            regenerate=args.regenerate,
        )
        entry = measure_size(facts, opts)
        entry |= {"schema": SCHEMA, "machine": mach, "versions": vers}
        data["runs"][str(facts)] = entry
        if not args.no_write:
            results_json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
            write_reports(data, results_md, docs_page)
    text = render(data)
    print(text)
    return text


if __name__ == "__main__":
    main()
