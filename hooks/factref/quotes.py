"""Find a quote in a source body, fail closed, and explain a miss with the nearest real passage."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from .records import Evidence
from .sources import SourceText
from .text import normalise_quote
from .words import WORD, is_word_char, whole_at, word_count

MIN_QUOTE_WORDS = 4
"""A quote must hold at least this many words: shorter ones ("in Beijing") carry no claim of
their own and too easily match the wrong place."""


@dataclass(frozen=True, order=True)
class Passage:
    """A resolved evidence passage: raw offsets into the source file, and the raw text there."""

    source_id: str
    start: int
    end: int
    text: str

    @property
    def anchor(self) -> str:
        return f"q-{self.start}-{self.end}"


class QuoteError(Exception):
    """Why a quote could not be pinned to exactly one passage; ``key`` is the evidence field."""

    def __init__(self, message: str, key: str = "quote") -> None:
        super().__init__(message)
        self.message = message
        self.key = key


def resolve(evidence: Evidence, source: SourceText) -> Passage:
    quote = normalise_quote(evidence.quote)
    words = word_count(quote)
    if words < MIN_QUOTE_WORDS:
        raise QuoteError(
            f"quote is too short ({words} word{'s' * (words != 1)}; at least {MIN_QUOTE_WORDS} "
            "are needed): quote the whole phrase that supports the claim"
        )
    body = source.body
    hits = body.find(quote)
    if not hits:
        raise QuoteError(_not_found(quote, source))
    if evidence.prefix is not None:
        hits = _with_context(hits, quote, evidence.prefix, source, before=True)
    if evidence.suffix is not None:
        hits = _with_context(hits, quote, evidence.suffix, source, before=False)
    if len(hits) > 1:
        where = ", ".join(source.position_of(body.starts[h]) for h in hits)
        raise QuoteError(
            f"quote is ambiguous: it occurs {len(hits)} times in source {source.record.id!r} "
            f"(at line:column {where}); add a prefix or suffix with the words around the "
            "intended one"
        )
    start, end = body.raw_span(hits[0], hits[0] + len(quote))
    return Passage(source.record.id, start, end, source.raw[start:end])


def _with_context(
    hits: list[int], quote: str, context: str, source: SourceText, *, before: bool
) -> list[int]:
    wanted = normalise_quote(context)
    text = source.body.text
    kept = []
    for h in hits:
        # Context must be whole words: a prefix "ing" does not match after "saying".
        if before:
            near = text[max(0, h - len(wanted) - 2) : h].rstrip()
            cut = len(near) - len(wanted)
            ok = near.endswith(wanted) and whole_at(near, max(cut, 0), len(near))
        else:
            near = text[h + len(quote) : h + len(quote) + len(wanted) + 2].lstrip()
            ok = near.startswith(wanted) and whole_at(near, 0, len(wanted))
        if ok:
            kept.append(h)
    if not kept:
        key = "prefix" if before else "suffix"
        side = "before" if before else "after"
        raise QuoteError(
            f"{key} {context!r} does not match the text {side} any occurrence of the quote", key
        )
    return kept


def nearest(quote: str, source: SourceText) -> tuple[int, int]:
    """Normalised span of the body passage closest to ``quote``, widened to whole words."""
    text = source.body.text
    found = fuzz.partial_ratio_alignment(quote, text)
    start, end = (found.dest_start, found.dest_end) if found else (0, min(len(text), len(quote)))
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    # The alignment may take in punctuation the quote does not need ("Japan," for "Japan\u200b"):
    # a quote that ends (starts) on a letter is shown the passage that ends (starts) on one too.
    while end > start and quote[-1:].isalnum() and not text[end - 1].isalnum():
        end -= 1
    while start < end and quote[:1].isalnum() and not text[start].isalnum():
        start += 1
    return start, end


def _not_found(quote: str, source: SourceText) -> str:
    start, end = nearest(quote, source)
    body = source.body
    raw_start, raw_end = body.raw_span(start, end)
    passage = source.raw[raw_start:raw_end]
    line = source.line_of(raw_start)
    diffs = describe_differences(quote, body.text[start:end])
    return (
        f"quote not found in source {source.record.id!r}. Nearest passage (line {line}): "
        f"{show(passage)}. Differences: {diffs}"
    )


def describe_differences(quote: str, passage: str, limit: int = 3) -> str:
    """Word-level differences between a quote and the passage it most resembles."""
    qs, ps = _tokens(quote), _tokens(passage)
    parts = []
    matcher = difflib.SequenceMatcher(None, qs, ps, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        mine, theirs = "".join(qs[i1:i2]).strip(), "".join(ps[j1:j2]).strip()
        if op == "replace" and not (mine and theirs):  # e.g. " " against "\u200d ": one side only
            op = "delete" if mine else "insert"
        if op == "replace":
            parts.append(f"quote has {show(mine)} where the source has {show(theirs)}"
                         + _odd_chars(mine, theirs))
        elif op == "delete" and mine:
            parts.append(f"quote adds {show(mine)}" + _odd_chars(mine, ""))
        elif op == "insert" and theirs:
            parts.append(f"quote leaves out {show(theirs)}")
    if not parts:
        return "none in the words themselves; check where the quote starts and ends"
    more = len(parts) - limit
    return "; ".join(parts[:limit]) + (f"; and {more} more" if more > 0 else "")


def _tokens(text: str) -> list[str]:
    tokens, at = [], 0
    for m in WORD.finditer(text):
        if m.start() > at:
            tokens.append(text[at : m.start()])
        tokens.append(m.group())
        at = m.end()
    if at < len(text):
        tokens.append(text[at:])
    return tokens


def _odd_chars(mine: str, theirs: str) -> str:
    """Name characters of the quote that are invisible or look like others and are not in the
    source, since they are the usual reason two phrases look the same and do not match."""
    odd = sorted({c for c in mine if not c.isascii() and c not in theirs})
    if not odd:
        return ""
    names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in odd)
    return f" (the quote contains {names})"


def show(text: str, limit: int = 160) -> str:
    """Quote text for a message, with invisible characters made visible."""
    out = "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp") else c
        for c in text
    )
    if len(out) > limit:
        out = out[: limit - 1] + "…"
    return f'"{out}"'
