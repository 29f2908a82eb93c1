"""Small text helpers: slugs, capitals, skewed picks, whole-word search, typographic quotes."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

TOKEN = re.compile(r"\w+(?:['\-.,]\w+)*")
"""Words for choosing quote windows: keeps "Korea's", "400-member" and "1,200" whole."""

WORD_START = re.compile(r"(?<![\w'\-.,])\w")


def slug(text: str, limit: int = 60) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-_")
    return s or "x"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def zipf_pick(rng: random.Random, items: Sequence[T], skew: float = 1.1) -> T:
    """Pick with weight 1/rank**skew: a few items are very common, most are rare."""
    weights = [1.0 / (i + 1) ** skew for i in range(len(items))]
    return rng.choices(items, weights=weights, k=1)[0]


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text`` that do not cut a word in two at either end."""
    found, at = [], text.find(needle)
    while at != -1:
        end = at + len(needle)
        ok_start = not (
            needle[0].isalnum() and at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
        )
        ok_end = not (
            needle[-1].isalnum() and end < len(text) and (text[end].isalnum() or text[end] == "_")
        )
        if ok_start and ok_end:
            found.append(at)
        at = text.find(needle, at + 1)
    return found


def typeset(text: str) -> str:
    """Straight quotes → typographic ones, as a news site publishes them."""
    out = []
    for i, c in enumerate(text):
        if c == "'":
            out.append("\u2019")
        elif c == '"':
            opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([—"
            out.append("\u201c" if opening else "\u201d")
        else:
            out.append(c)
    return "".join(out)
