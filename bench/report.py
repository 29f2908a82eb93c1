"""The benchmark's report, from the stored results: Markdown from ``templates/results.md.j2``.

This module only computes the figures (ratios, verdicts, growth exponents) and formats the cells;
the tables and the prose around them are in the template.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

MB = 1024 * 1024
SCHEMA = 2
"""Version of a results.json entry; entries of another version are not reported."""


def _get(entry: dict, *keys: str) -> float | None:
    value: object = entry
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def edit_served(entry: dict, mode: str = "full") -> float | None:
    """The slowest edit to be served under ``mkdocs serve`` (inf if one never was)."""
    serve = (entry.get("serve") or {}).get(mode) or {}
    shown = [e.get("edit_visible_seconds") for e in serve.get("edits", [])]
    if not shown:
        return None
    return max(math.inf if x is None else x for x in shown)


def search_index_mb(entry: dict) -> float | None:
    size = _get(entry, "build", "search_index", "bytes")
    return size / MB if size else None


def largest_page_mb(entry: dict) -> float | None:
    pages = (entry.get("build") or {}).get("largest_pages") or []
    return pages[0][1] / MB if pages else None


def build_ratio(e: dict) -> float | None:
    return ratio(_get(e, "build", "seconds"), _get(e, "floor_build", "seconds"))


def rss_ratio(e: dict) -> float | None:
    return ratio(_get(e, "build", "rss_mb"), _get(e, "floor_build", "rss_mb"))


def check_ratio(e: dict) -> float | None:
    return ratio(_get(e, "check", "seconds"), _get(e, "parse", "seconds"))


@dataclass(frozen=True)
class Target:
    measure: str
    value: Callable[[dict], float | None]
    limits: dict[int, float]  # F → the most the value may be at that F
    unit: str

    def cell(self, x: float | None) -> str:
        if x is None:
            return "–"
        if math.isinf(x):
            return "never"
        return f"{x:.2f}{self.unit}"

    def wanted(self) -> str:
        return ", ".join(f"≤ {v:g}{self.unit} at {_k(f)}" for f, v in self.limits.items())

    def verdict(self, by_facts: dict[int, dict]) -> str:
        measured = [(f, self.value(by_facts[f])) for f in self.limits if f in by_facts]
        measured = [(f, x) for f, x in measured if x is not None]
        if len(measured) < len(self.limits):
            return (
                "not measured"
                if not measured
                else (
                    "met so far" if all(x <= self.limits[f] for f, x in measured) else "**not met**"
                )
            )
        return "met" if all(x <= self.limits[f] for f, x in measured) else "**not met**"


TARGETS = (
    Target(
        "`mkdocs build` vs plain MkDocs building the very pages the hook generated",
        build_ratio,
        {10000: 0.8},
        "x",
    ),
    Target("peak RSS of that build vs the plain build's", rss_ratio, {10000: 1.2, 50000: 1.2}, "x"),
    Target(
        "`factref check` vs reading the same files with PyYAML's C loader (start-up included)",
        check_ratio,
        {50000: 2.0},
        "x",
    ),
    Target(
        "the README's preview (`mkdocs serve`): an edited claim served",
        edit_served,
        {10000: 3.0},
        " s",
    ),
    Target("search index a browser downloads", search_index_mb, {10000: 1.0, 50000: 5.0}, " MB"),
    Target("largest page", largest_page_mb, {50000: 1.0}, " MB"),
)


def _k(facts: int) -> str:
    return f"{facts // 1000}k" if facts % 1000 == 0 else f"{facts:,}"


def num(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else ("never" if math.isinf(x) else f"{x:.{digits}f}")


def seconds_list(xs: list[float] | None) -> str:
    return ", ".join(f"{x:.1f}" for x in xs or []) or "–"


def growth(a: dict, b: dict, value: Callable[[dict], float | None], size: str) -> str:
    """Exponent k in cost ∝ size^k between two entries (1 = linear, 2 = quadratic)."""
    x, y = value(a), value(b)
    n1, n2 = a.get(size) or 0, b.get(size) or 0
    if not x or not y or not n1 or not n2 or n1 == n2:
        return "–"
    return f"{math.log(y / x) / math.log(n2 / n1):.2f}"


def usable(data: dict) -> list[dict]:
    runs = [e for e in data.get("runs", {}).values() if e.get("schema") == SCHEMA]
    return sorted(runs, key=lambda e: e["facts"])


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown for docs/benchmark.md, from our own figures only
    )
    env.filters |= {"num": num, "seconds_list": seconds_list, "k": _k}
    env.globals |= {
        "MB": MB,
        "get": _get,
        "ratio": ratio,
        "edit_served": edit_served,
        "search_index_mb": search_index_mb,
        "largest_page_mb": largest_page_mb,
        "build_ratio": build_ratio,
        "rss_ratio": rss_ratio,
        "check_ratio": check_ratio,
        "growth": growth,
        "get_check": lambda e: _get(e, "check", "seconds"),
        "get_parse": lambda e: _get(e, "parse", "seconds"),
        "get_build": lambda e: _get(e, "build", "seconds"),
        "get_floor": lambda e: _get(e, "floor_build", "seconds"),
    }
    return env


def render(data: dict) -> str:
    runs = usable(data)
    if not runs:
        return "No results yet.\n"
    last = max(runs, key=lambda e: e["date"])
    commits = sorted(
        {
            e["git"]["commit"] + (" (+ uncommitted changes)" if e["git"]["pipeline_dirty"] else "")
            for e in runs
        }
    )
    return (
        _env()
        .get_template("results.md.j2")
        .render(
            runs=runs,
            by_facts={e["facts"]: e for e in runs},
            targets=TARGETS,
            pairs=list(zip(runs, runs[1:], strict=False)),
            machine=last["machine"],
            versions=last["versions"],
            commits=commits,
            dates=sorted({e["date"][:10] for e in runs}),
        )
    )


def main() -> None:
    """``python -m bench.report [results.json]``: print the report of stored results."""
    import json
    import sys

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "results.json"
    sys.stdout.write(render(json.loads(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
