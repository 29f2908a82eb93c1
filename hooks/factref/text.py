"""The declared normalisation under which a quote matches its source, and the map back to raw text.

The rules (documented for editors in docs/method.md) are exactly these, and nothing more:

1. Unicode NFC, applied to each base character with the characters that may compose with it
   (its combining marks, and the few other letters NFC joins to it: Hangul jamo, some Indic vowel
   signs), which gives the same text as NFC of the whole.
2. Typographic single quotes and apostrophes (U+2018, U+2019, U+201A, U+201B) fold to ``'``;
   typographic double quotes (U+201C, U+201D, U+201E, U+201F) fold to ``"``.
3. Every run of whitespace (anything ``str.isspace`` accepts: spaces, tabs, line breaks, the
   no-break space) becomes one space; leading and trailing whitespace of a quote is dropped.

Case, dashes, letters that merely look alike and invisible characters (zero-width space, soft
hyphen) are *not* folded, so a quote that differs in any of them does not match.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import overload

from .words import WORD, contains_whole, whole_at

QUOTE_FOLDS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
}

KEY_WORDS = 3
"""How many leading words of a quote key the passage index (see `NormalText.find`)."""
INDEX_FROM = 50_000
"""A normalised text this long or longer is searched through its index (`NormalText.find`)."""


@dataclass(frozen=True)
class NormalText:
    """A normalised text with, for each of its characters, the raw span it came from."""

    raw: str
    text: str
    starts: Offsets
    ends: Offsets
    _index: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the normalised span ``[start, end)``."""
        return self.starts[start], self.ends[end - 1]

    def find(self, quote: str) -> list[int]:
        """Every start offset at which ``quote`` (already normalised) occurs on word boundaries.

        A long text is searched through an index of its word trigrams, built once, so that
        verifying many quotes against it costs the length of the quotes, not a rescan of the text
        per quote; a short one is scanned, which is cheaper than indexing it (``INDEX_FROM``).
        """
        if len(self.text) >= INDEX_FROM:
            return self.find_indexed(quote)
        return self.find_scanning(quote)

    def find_scanning(self, quote: str) -> list[int]:
        if not WORD.search(quote):
            return []
        return [i for i in _all_occurrences(self.text, quote) if self.on_boundaries(i, quote)]

    def find_indexed(self, quote: str) -> list[int]:
        words = list(itertools.islice(WORD.finditer(quote), KEY_WORDS))
        if len(words) < KEY_WORDS:
            return self.find_scanning(quote)
        key = quote[words[0].start() : words[KEY_WORDS - 1].end()]
        lead = words[0].start()
        found = []
        for pos in self._trigram_index().get(key, ()):
            start = pos - lead
            if (start >= 0 and self.text.startswith(quote, start)
                    and self.on_boundaries(start, quote)):
                found.append(start)
        return found

    def on_boundaries(self, start: int, quote: str) -> bool:
        """True unless the quote cuts a word of the text in two at either end.

        A combining mark belongs to the character before it: a quote may neither start with one
        (it would cut it from its letter) nor stop just before one (it would drop it). Nor may it
        start or stop inside what one raw character (or cluster) normalised to, or its raw
        offsets would take in more than the quote.
        """
        end, text = start + len(quote), self.text
        if self.starts.inside(start) or self.starts.inside(end):
            return False
        return whole_at(text, start, end)

    def drop_index(self) -> None:
        """Free the passage index (it is rebuilt if ``find`` is called again)."""
        self._index.clear()

    def _trigram_index(self) -> dict[str, list[int]]:
        if not self._index:
            tokens = [(m.start(), m.end()) for m in WORD.finditer(self.text)]
            for i in range(len(tokens) - KEY_WORDS + 1):
                start, end = tokens[i][0], tokens[i + KEY_WORDS - 1][1]
                self._index.setdefault(self.text[start:end], []).append(start)
        return self._index


_HANGUL_VOWELS_AND_FINALS = range(0x1161, 0x11C3)  # jamo NFC joins to a preceding syllable part


@functools.cache
def _joins_previous(char: str) -> bool:
    """Whether NFC may combine ``char`` with what comes before it, so that it must be normalised
    together with the preceding base character rather than on its own."""
    if unicodedata.combining(char) or ord(char) in _HANGUL_VOWELS_AND_FINALS:
        return True
    if unicodedata.combining(unicodedata.normalize("NFD", char)[0]):
        return True  # e.g. U+0F73: no class of its own, but it decomposes to combining marks
    return char in _second_of_pairs()


@functools.cache
def _second_of_pairs() -> frozenset[str]:
    """Characters of combining class 0 that are the second half of a canonical composition."""
    found = set()
    for cp in range(0x80, 0x30000):  # no canonical pair lies beyond the SIP
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            found.add(chr(int(parts[1], 16)))
    return frozenset(found)


def _all_occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


_FOLD_TABLE = str.maketrans(QUOTE_FOLDS)
_IRREGULAR = re.compile(r"\s{2,}|[^\S ]|\S?[^\x00-\x7f\s]+")
"""What normalising changes: whitespace other than one plain space, and each run of non-ASCII
characters with the character before it (a combining mark may join it). The rest of the text,
most of any English source, is kept as it is and mapped back by one offset per stretch."""


class Offsets(Sequence[int]):
    """The raw offset at which each character of a normalised text starts (or ends).

    Stored as stretches kept as they were (raw offset = index + the stretch's shift), plus the
    characters normalising changed, each with its raw span: a few entries per paragraph instead
    of two integers per character."""

    def __init__(self, length: int, breaks: list[int], shifts: list[int],
                 changed: dict[int, tuple[int, int]], end: bool) -> None:
        self._length = length
        self._breaks = breaks
        self._shifts = shifts
        self._changed = changed
        self._end = int(end)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        span = self._changed.get(index)
        if span is not None:
            return span[self._end]
        return index + self._shifts[bisect_right(self._breaks, index) - 1] + self._end

    def inside(self, index: int) -> bool:
        """Whether ``index`` falls inside what one raw character or cluster normalised to
        (its character starts where the one before it does). Only changed characters can."""
        here, before = self._changed.get(index), self._changed.get(index - 1)
        return here is not None and before is not None and here[0] < before[1]


def normalise(raw: str, *, offset: int = 0) -> NormalText:
    """Normalise ``raw``; offsets in the result are relative to ``raw`` plus ``offset``.

    Only the stretches the rules change are looked at one by one (``_IRREGULAR``); the text
    between them is copied as it is.
    """
    out: list[str] = []
    breaks: list[int] = [0]  # index 0 may be a changed character: its shift is never used
    shifts: list[int] = [offset]
    changed: dict[int, tuple[int, int]] = {}
    at = length = 0

    def keep(upto: int) -> None:  # raw[at:upto], as it is
        nonlocal length
        if upto > at:
            breaks.append(length)
            shifts.append(at + offset - length)
            out.append(raw[at:upto])
            length += upto - at

    for m in _IRREGULAR.finditer(raw):
        a, b = m.span()
        keep(a)
        chunk = m.group()
        if chunk[0].isspace():
            out.append(" ")
            changed[length] = (a + offset, b + offset)
            length += 1
        else:
            for char, start, end in _normalise_chunk(chunk, a + offset):
                out.append(char)
                changed[length] = (start, end)
                length += 1
        at = b
    keep(len(raw))
    return NormalText(raw=raw, text="".join(out),
                      starts=Offsets(length, breaks, shifts, changed, end=False),
                      ends=Offsets(length, breaks, shifts, changed, end=True))


def _normalise_chunk(chunk: str, base: int) -> list[tuple[str, int, int]]:
    """Characters of a whitespace-free run, NFC per base character with what joins it, each
    with the raw span of the characters it came from."""
    found: list[tuple[str, int, int]] = []
    i, n = 0, len(chunk)
    while i < n:
        j = i + 1
        while j < n and not chunk[j].isascii() and _joins_previous(chunk[j]):
            j += 1
        cluster = chunk[i:j]
        if j - i > 1 or not cluster.isascii():
            cluster = unicodedata.normalize("NFC", cluster)
        found.extend((QUOTE_FOLDS.get(c, c), base + i, base + j) for c in cluster)
        i = j
    return found


def normalise_quote(quote: str) -> str:
    """A quote (or prefix, suffix, name) as it is compared: normalised and stripped.

    The same result as ``normalise(quote).text.strip()``, without the offset map.
    """
    if not quote.isascii():
        quote = unicodedata.normalize("NFC", quote).translate(_FOLD_TABLE)
    return " ".join(quote.split())  # split() breaks at every run of what str.isspace accepts


def contains_normal(normal_haystack: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs as whole words in an already normalised haystack."""
    return contains_whole(normal_haystack, normalise_quote(phrase))


def contains_phrase(haystack: str, phrase: str) -> bool:
    """Whether normalised ``phrase`` occurs in normalised ``haystack`` as whole words."""
    return contains_normal(normalise_quote(haystack), phrase)
