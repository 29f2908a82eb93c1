"""Graph layout by Graphviz (Debian's ``graphviz`` package), run once per build for every map.

Graphviz only places boxes and routes lines: each node is a fixed-size box as large as the
label we will print in it (estimated generously from character widths, since the reader's font
is not known at build time), and the layout keeps boxes apart, so no label can overlap another.
Nothing of the records' text reaches Graphviz: nodes are named ``n0``, ``n1``, ... and carry no
label, so there is nothing to escape in the DOT input.
"""

from __future__ import annotations

import bisect
import json
import math
import os
import shutil
import subprocess
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from .memo import Memo

FONT_SIZE = 13.0
"""Label size, in SVG units; maps are drawn at one unit per CSS pixel, never scaled down."""
LINE_HEIGHT = 16.0
PAD_X, PAD_Y = 8.0, 5.0
MARGIN = 12.0
RADIAL_UP_TO = 10
"""Maps of at most this many actors are laid out in rings around the best-connected one."""
WRAP = 24
"""Names longer than this many characters are wrapped onto further lines."""

_NARROW = set("fijlrtI.,:;'!|()[] ")
_WIDE = set("mwMW@")


class LayoutError(RuntimeError):
    """Graphviz is missing or failed; the message says what to install or what went wrong."""


@dataclass(frozen=True)
class Box:
    lines: tuple[str, ...]
    width: float
    height: float


def label_box(name: str) -> Box:
    lines = tuple(textwrap.wrap(name, WRAP, break_long_words=False)) or ("",)
    width = max(text_width(line) for line in lines) + 2 * PAD_X
    return Box(lines, math.ceil(width), len(lines) * LINE_HEIGHT + 2 * PAD_Y)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """An upper estimate of the width of ``text`` in a common sans-serif font (DejaVu Sans, one
    of the widest, sets the figures)."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.36
        elif ch in _WIDE:
            em += 0.98
        elif ch.isupper() or ch.isdigit():
            em += 0.74
        else:
            em += 0.63
    return em * size


@dataclass(frozen=True)
class GraphSpec:
    """One map to lay out: boxes, the pairs of boxes joined by a line, and an optional centre."""

    boxes: tuple[Box, ...]
    edges: tuple[tuple[int, int], ...]
    root: int | None = None
    """The box a radial layout radiates from (the best-connected actor, or the page's own)."""
    radial: bool = False


@dataclass(frozen=True)
class Placed:
    width: float
    height: float
    centres: tuple[tuple[float, float], ...]
    """Centre of each box, in SVG coordinates (y down), margin included."""
    paths: tuple[tuple[tuple[float, float], ...], ...]
    """Each edge as cubic Bézier control points: p0, then three more per segment."""


def dot_source(spec: GraphSpec, name: str) -> str:
    # A few actors, or one actor's own: rings around the root (twopi), one ranksep apart, so
    # no line is too short to point at. Many: a force-directed layout (fdp) spreads them evenly.
    radial = spec.radial or len(spec.boxes) <= RADIAL_UP_TO
    # An actor's own map is a star: straight lines from the centre cross no other box, and
    # routing curves around boxes would double the cost of every build.
    splines = "line" if spec.radial else "true"
    lines = [f"graph {name} {{",
             f'  layout={"twopi" if radial else "fdp"}; overlap=false; splines={splines};',
             '  sep="+10"; esep="+4"; ranksep=1.3; overlap_shrink=false; outputorder=edgesfirst;',
             '  start=1;',
             '  node [shape=box, fixedsize=true, label=""];']
    if spec.root is not None and radial:
        lines.append(f"  root=n{spec.root};")
    for i, box in enumerate(spec.boxes):
        lines.append(f"  n{i} [width={box.width / 72:.4f}, height={box.height / 72:.4f}];")
    for a, b in spec.edges:
        lines.append(f"  n{a} -- n{b};")
    lines.append("}")
    return "\n".join(lines) + "\n"


_LAID_OUT: dict[GraphSpec, Placed] = {}
"""Layouts already computed in this process, for callers without a memo (under `mkdocs serve`
the memo keeps them: memo.py): Graphviz is deterministic, so a process that renders a reference
again (the test suite) does not lay out an unchanged map twice."""
_KEEP = 20_000


def layout_all(specs: list[GraphSpec], memo: Memo | None = None) -> list[Placed]:
    """Lay out every map in a few Graphviz runs (one process per core, not one per page);
    maps laid out before (by the previous rebuild, with ``memo``; else in this process) are
    reused."""
    if memo is not None:
        todo = list(dict.fromkeys(s for s in specs if not memo.has("layout", (), s)))
        laid = dict(zip(todo, _run_graphviz(todo), strict=True))
        return [memo.get("layout", (), partial(laid.__getitem__, s), s) for s in specs]
    todo = list(dict.fromkeys(s for s in specs if s not in _LAID_OUT))
    if todo:
        if len(_LAID_OUT) + len(todo) > _KEEP:
            _LAID_OUT.clear()
        _LAID_OUT.update(zip(todo, _run_graphviz(todo), strict=True))
    return [_LAID_OUT[s] for s in specs]


def _run_graphviz(specs: list[GraphSpec]) -> list[Placed]:
    if not specs:
        return []
    exe = shutil.which("dot")
    if exe is None:
        raise LayoutError("the maps need Graphviz: install it (Debian: apt-get install graphviz)")
    workers = max(1, min(os.cpu_count() or 1, 4, len(specs) // 50 + 1))
    chunks = [list(range(i, len(specs), workers)) for i in range(workers)]

    def lay_out(chunk: list[int]) -> list[Placed]:
        source = "".join(dot_source(specs[i], f"g{i}") for i in chunk)
        done = subprocess.run([exe, "-Tjson0"], input=source, capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            raise LayoutError(f"Graphviz failed: {done.stderr.strip()[:500]}")
        graphs = _json_documents(done.stdout)
        if len(graphs) != len(chunk):
            raise LayoutError(f"Graphviz laid out {len(graphs)} maps of {len(chunk)}")
        return [_placed(g, specs[i]) for i, g in zip(chunk, graphs, strict=True)]

    placed: dict[int, Placed] = {}
    with ThreadPoolExecutor(workers) as pool:  # the processes run in parallel, not the threads
        for chunk, result in zip(chunks, pool.map(lay_out, chunks), strict=True):
            placed.update(zip(chunk, result, strict=True))
    return [placed[i] for i in range(len(specs))]


def _json_documents(text: str) -> list[dict[str, Any]]:
    decoder, at = json.JSONDecoder(), 0
    out: list[dict[str, Any]] = []
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return out
        doc, at = decoder.raw_decode(text, at)
        out.append(doc)


def _placed(graph: dict[str, Any], spec: GraphSpec) -> Placed:
    llx, lly, urx, ury = (float(v) for v in graph["bb"].split(","))

    def point(text: str) -> tuple[float, float]:
        x, y = (float(v) for v in text.split(",")[:2])
        return round(x - llx + MARGIN, 1), round(ury - y + MARGIN, 1)

    centres = [(0.0, 0.0)] * len(spec.boxes)
    for obj in graph.get("objects", []):
        centres[int(obj["name"][1:])] = point(obj["pos"])
    paths = []
    for edge in graph.get("edges", []):
        points = [point(p) for p in edge["pos"].split() if not p.startswith(("s,", "e,"))]
        paths.append(tuple(points))
    return Placed(round(urx - llx + 2 * MARGIN, 1), round(ury - lly + 2 * MARGIN, 1),
                  tuple(centres), tuple(paths))


def path_data(points: tuple[tuple[float, float], ...]) -> str:
    (x0, y0), rest = points[0], points[1:]
    segs = [f"M{x0},{y0}"]
    for i in range(0, len(rest) - 2, 3):
        (x1, y1), (x2, y2), (x3, y3) = rest[i : i + 3]
        segs.append(f"C{x1},{y1} {x2},{y2} {x3},{y3}")
    return " ".join(segs)


class Curve:
    """A laid-out line, sampled once, to find points along it by length."""

    def __init__(self, points: tuple[tuple[float, float], ...]) -> None:
        samples = [points[0]]
        for i in range(0, len(points) - 3, 3):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[i : i + 4]
            for k in range(1, 17):
                t = k / 16
                a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
                samples.append((a * x0 + b * x1 + c * x2 + d * x3,
                                a * y0 + b * y1 + c * y2 + d * y3))
        lengths = [0.0]
        for (xa, ya), (xb, yb) in zip(samples, samples[1:], strict=False):
            lengths.append(lengths[-1] + math.hypot(xb - xa, yb - ya))
        self.samples, self.lengths = samples, lengths

    def at(self, fraction: float) -> tuple[float, float]:
        """The point ``fraction`` of the way along, by length."""
        samples, lengths = self.samples, self.lengths
        goal = lengths[-1] * fraction
        i = max(1, bisect.bisect_left(lengths, goal))
        if i >= len(lengths):
            return samples[-1]
        span = (lengths[i] - lengths[i - 1]) or 1.0
        f = (goal - lengths[i - 1]) / span
        (xa, ya), (xb, yb) = samples[i - 1], samples[i]
        return round(xa + f * (xb - xa), 1), round(ya + f * (yb - ya), 1)
