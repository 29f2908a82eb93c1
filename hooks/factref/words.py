"""The whole-word rule, stated once (docs/method.md, "Whole words") and used by every check.

A *word character* is a letter or digit of any script, the underscore, or a combining mark (a
mark belongs to the letter before it). A *word* is a run of word characters. A stretch of text
stands as *whole words* when it neither starts nor ends inside a word: the characters on either
side of each of its ends are not both word characters, and it does not start with, or stop just
before, a combining mark.

Quotes, prefixes and suffixes, names and aliases, numbers, dates, places and ordering phrases
are all found in the text under this one rule; the property tests in tests/test_words.py check
that every caller agrees with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator


def is_mark(char: str) -> bool:
    """A combining mark: it belongs to the character before it."""
    return not char.isascii() and unicodedata.category(char)[0] == "M"


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or is_mark(char)


def _mark_class() -> str:
    """Every combining mark, as ranges of consecutive code points: listed one by one, the
    regular expression engine scans them all for each character that is not a word character
    (three times slower on plain English text)."""
    spans: list[list[int]] = []
    for c in (*range(0x300, 0x20000), *range(0xE0100, 0xE01F0)):
        if unicodedata.category(chr(c))[0] != "M":
            continue
        if spans and spans[-1][1] == c - 1:
            spans[-1][1] = c
        else:
            spans.append([c, c])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                   for a, b in spans)


WORD = re.compile(rf"[\w{_mark_class()}]+")
"""A run of word characters: how words are counted and tokenised."""


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def whole_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as whole words inside ``text``."""
    if start >= end:
        return False
    if start > 0 and (is_mark(text[start]) or
                      (is_word_char(text[start]) and is_word_char(text[start - 1]))):
        return False
    return not (end < len(text) and (is_mark(text[end]) or
                                     (is_word_char(text[end - 1]) and is_word_char(text[end]))))


def find_whole(text: str, phrase: str, start: int = 0) -> Iterator[int]:
    """Every offset at which ``phrase`` occurs in ``text`` as whole words."""
    if not phrase:
        return
    at = text.find(phrase, start)
    while at >= 0:
        if whole_at(text, at, at + len(phrase)):
            yield at
        at = text.find(phrase, at + 1)


def contains_whole(text: str, phrase: str) -> bool:
    return next(find_whole(text, phrase), None) is not None
