"""Propose where a source's body starts and ends: its first and last paragraphs of prose.

A paragraph of prose has at least eight words and ends like a sentence; mastheads, bylines,
datelines and "Share this page" do not. Each bound is the fewest whole words (five or more) at
that end of the paragraph that occur once in the file, taken from one line so that the registry
can quote them exactly as the file has them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_MARKER_WORDS = 5
MIN_PROSE_WORDS = 8
_PROSE_END = re.compile(r"[.!?…][\"'\u201d\u2019)\]]*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


class BoundsError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Found:
    """A proposed value and where in the text file it was found (1-based line), for the editor."""

    text: str
    line: int


def body_bounds(raw: str, starts_with: str | None = None,
                ends_with: str | None = None) -> tuple[Found, Found]:
    """The body's first and last words: given, or the first and last paragraphs of prose."""
    prose = [(s, e) for s, e in paragraphs(raw) if _is_prose(raw[s:e])]
    given = (starts_with, ends_with)
    found = []
    for which, typed in zip(("starts_with", "ends_with"), given, strict=True):
        if typed:
            if raw.count(typed) != 1:
                times = "not found" if typed not in raw else f"found {raw.count(typed)} times"
                raise BoundsError(f"--{which.replace('_', '-')} {typed!r} is {times} in the "
                                     "file; it must occur exactly once")
            at = raw.index(typed)
            found.append(Found(typed, raw.count("\n", 0, at) + 1))
            continue
        if not prose:
            raise BoundsError("no paragraph of prose found to start or end the body; give "
                                 "--starts-with and --ends-with")
        span = prose[0] if which == "starts_with" else prose[-1]
        marker = _marker(raw, *span, from_end=which == "ends_with")
        if marker is None:
            raise BoundsError(f"the {'first' if which == 'starts_with' else 'last'} paragraph "
                                 f"of prose (line {raw.count(chr(10), 0, span[0]) + 1}) occurs "
                                 f"more than once; give --{which.replace('_', '-')}")
        found.append(marker)
    start, end = (raw.index(f.text) for f in found)
    if end + len(found[1].text) <= start:
        raise BoundsError("the body would end before it starts; check --starts-with and "
                             "--ends-with")
    return found[0], found[1]


def paragraphs(raw: str) -> list[tuple[int, int]]:
    """Raw spans of the non-blank paragraphs (separated by blank lines), stripped."""
    spans, at = [], 0
    for brk in [*_PARAGRAPH_BREAK.finditer(raw), None]:
        end = brk.start() if brk else len(raw)
        chunk = raw[at:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((at + lead, at + len(chunk.rstrip())))
        at = brk.end() if brk else len(raw)
    return spans


def _is_prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= MIN_PROSE_WORDS and bool(_PROSE_END.search(paragraph))


def _marker(raw: str, start: int, end: int, *, from_end: bool) -> Found | None:
    """The fewest whole words (at least five) at one end of a paragraph, unique in the file and
    on one line, so the registry can quote them plainly."""
    if from_end:
        line_start = max(start, raw.rfind("\n", start, end) + 1)
        words = list(re.finditer(r"\S+", raw[line_start:end]))[::-1]
        cuts = [(line_start + w.start(), end) for w in words]
    else:
        line_end = raw.find("\n", start, end)
        words = list(re.finditer(r"\S+", raw[start:line_end if line_end != -1 else end]))
        cuts = [(start, start + w.end()) for w in words]
    for n, (a, b) in enumerate(cuts, start=1):
        if n >= min(MIN_MARKER_WORDS, len(cuts)) and raw.count(raw[a:b]) == 1:
            return Found(raw[a:b], raw.count("\n", 0, a) + 1)
    return None
