"""Properties of quote matching, checked on the real seed article and on generated text.

- Every passage of the body (at least four words, on word boundaries, unique) verifies at its own
  raw offsets however its quote marks and whitespace are typed.
- Changing any one letter or digit of such a quote makes it fail.
- Normalisation is idempotent, agrees with the rules in docs/method.md, and every match maps back
  to raw text that normalises to the quote.
"""

from __future__ import annotations

import os
import re
import unicodedata

import pytest
from conftest import SEED, SEED_ID, SOURCES_YML
from factref.load import Records, load_file
from factref.quotes import QuoteError, resolve
from factref.records import Evidence
from factref.sources import SourceText, read_source
from factref.text import (
    INDEX_FROM,
    QUOTE_FOLDS,
    WORD,
    _joins_previous,
    normalise,
    normalise_quote,
)
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st


def _seed_source() -> SourceText:
    records = Records()
    assert load_file(SOURCES_YML.encode(), "facts/sources.yml", records) == []
    source = read_source(records.sources[SEED_ID], SEED.parent, "seeds")
    assert isinstance(source, SourceText)
    return source


SOURCE = _seed_source()
BODY_WORDS = [(m.start() + SOURCE.body_start, m.end() + SOURCE.body_start)
              for m in WORD.finditer(SOURCE.raw[SOURCE.body_start : SOURCE.body_end])]
SINGLE = "'\u2018\u2019\u201a\u201b"
DOUBLE = '"\u201c\u201d\u201e\u201f'
SPACES = [" ", "  ", "\n", "\t", "\u00a0", " \n ", "\u2009", "\u3000", "\n\n"]
LOOK_ALIKES = "\u0430\u0435\u043e\u0440\u0441\u0445\u0410\u0412\u0415\u041c\u041d\u041e\u0420" \
              "\u0421\u0422\u0425\u03bf\u03bd\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c" \
              "\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u0131\u0456\u0458\uff21\uff41\uff10\u0660"

SCALE = int(os.environ.get("FACTREF_PROPERTY_SCALE", "1"))
"""Multiply every example count, for a long soak run: FACTREF_PROPERTY_SCALE=100 pytest ..."""
FAST = settings(max_examples=120 * SCALE, deadline=None,
                suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


@st.composite
def passages(draw: st.DrawFn) -> tuple[int, int]:
    """Raw offsets of a body passage: four to thirty whole words, occurring once in the body."""
    first = draw(st.integers(0, len(BODY_WORDS) - 4))
    last = draw(st.integers(first + 3, min(first + 29, len(BODY_WORDS) - 1)))
    start, end = BODY_WORDS[first][0], BODY_WORDS[last][1]
    assume(len(SOURCE.body.find(normalise_quote(SOURCE.raw[start:end]))) == 1)
    return start, end


@st.composite
def retyped(draw: st.DrawFn, text: str) -> str:
    """``text`` as an editor might type it: any quote marks, any whitespace, stray ends."""
    out = [draw(st.sampled_from(["", " ", "\n  "]))]
    for run in re.finditer(r"\s+|.", text, re.S):
        char = run.group()
        if char.isspace():
            out.append(draw(st.sampled_from(SPACES)))
        elif char in SINGLE:
            out.append(draw(st.sampled_from(SINGLE)))
        elif char in DOUBLE:
            out.append(draw(st.sampled_from(DOUBLE)))
        else:
            out.append(char)
    out.append(draw(st.sampled_from(["", " ", "\t"])))
    return "".join(out)


def evidence(quote: str) -> Evidence:
    return Evidence.model_validate({"source": SEED_ID, "quote": quote})


@FAST
@given(st.data())
def test_every_body_passage_verifies_at_its_own_offsets(data: st.DataObject) -> None:
    start, end = data.draw(passages())
    typed = data.draw(retyped(SOURCE.raw[start:end]))
    passage = resolve(evidence(typed), SOURCE)
    assert (passage.start, passage.end) == (start, end)
    assert passage.text == SOURCE.raw[start:end]


@FAST
@given(st.data())
def test_changing_one_letter_or_digit_is_rejected(data: st.DataObject) -> None:
    start, end = data.draw(passages())
    quote = SOURCE.raw[start:end]
    at = data.draw(st.sampled_from([i for i, c in enumerate(quote) if c.isalnum()]))
    old = quote[at]
    new = data.draw(st.one_of(
        st.sampled_from(LOOK_ALIKES),
        st.characters(categories=("Lu", "Ll", "Nd"), max_codepoint=0x2FFFF),
        st.just(old.swapcase()),
    ))
    assume(new.isalnum() and unicodedata.normalize("NFC", new) != old)
    changed = quote[:at] + new + quote[at + 1 :]
    assume(normalise_quote(changed) not in SOURCE.body.text)  # not another real passage
    with pytest.raises(QuoteError) as caught:
        resolve(evidence(changed), SOURCE)
    assert caught.value.message.startswith(f"quote not found in source '{SEED_ID}'. Nearest "
                                           "passage (line ")


TRICKY = st.sampled_from(
    list("ab Z9 _.,-\n\t\r\u00a0\u2009\u2028\u200b\u00ad") + list(SINGLE + DOUBLE)
    + ["e\u0301", "\u00e9", "q\u0301", "\u0301", "\u0331", "a\u0304\u0331", "\u1100\u1161",
       "\u11a8", "\uac00", "\u0bc6\u0bbe", "\u0bbe", "\u212b", "K", "\u0344", "\u0f73",
       "\ufb01", "\u0430", "\U0001d400"]
)
TEXTS = st.one_of(
    st.lists(TRICKY, max_size=40).map("".join),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
)
_FOLD = str.maketrans(QUOTE_FOLDS)


@settings(max_examples=150 * SCALE, deadline=None)
@given(TEXTS)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise(text).text
    assert normalise(once).text == once
    quote = normalise_quote(text)
    assert normalise_quote(quote) == quote


@settings(max_examples=150 * SCALE, deadline=None)
@given(TEXTS)
def test_normalisation_is_exactly_the_documented_rules(text: str) -> None:
    """docs/method.md: NFC; typographic quotes folded; every whitespace run one space."""
    assert normalise(text).text == re.sub(r"\s+", " ",
                                          unicodedata.normalize("NFC", text).translate(_FOLD))


@settings(max_examples=150 * SCALE, deadline=None)
@given(TEXTS, st.integers(0, 40), st.integers(1, 40))
def test_every_match_maps_back_to_raw_text_that_normalises_to_the_quote(
    text: str, start: int, length: int
) -> None:
    quote = normalise_quote(text[start : start + length])
    if not quote:  # returned, not assumed: blank slices are common and filtering them is slow
        return
    normal = normalise(text)
    for hit in normal.find(quote):
        raw_start, raw_end = normal.raw_span(hit, hit + len(quote))
        assert normalise_quote(text[raw_start:raw_end]) == quote


@settings(max_examples=60 * SCALE, deadline=None)
@given(TEXTS, st.integers(0, 200))
def test_offsets_are_raw_positions_of_each_character(text: str, offset: int) -> None:
    normal = normalise(text, offset=offset)
    assert len(normal.starts) == len(normal.ends) == len(normal.text)
    for k, char in enumerate(normal.text):
        raw = text[normal.starts[k] - offset : normal.ends[k] - offset]
        assert char in normalise(raw).text
        assert normal.starts[k] < normal.ends[k]
        assert k == 0 or normal.starts[k - 1] <= normal.starts[k]


def _offsets_by_the_rules(raw: str) -> tuple[list[int], list[int]]:
    """Raw span of each normalised character, worked out one character at a time: a whitespace
    run's one space spans the run; each character NFC makes of a base character and what joins
    it spans them all; any other character spans itself."""
    starts: list[int] = []
    ends: list[int] = []
    for m in re.finditer(r"\s+|\S+", raw):
        a, chunk = m.start(), m.group()
        if chunk[0].isspace():
            starts.append(a)
            ends.append(m.end())
            continue
        i = 0
        while i < len(chunk):
            j = i + 1
            while j < len(chunk) and not chunk[j].isascii() and _joins_previous(chunk[j]):
                j += 1
            made = len(unicodedata.normalize("NFC", chunk[i:j]))
            starts += [a + i] * made
            ends += [a + j] * made
            i = j
    return starts, ends


@settings(max_examples=150 * SCALE, deadline=None)
@given(TEXTS, st.integers(0, 9))
def test_each_characters_raw_span_is_the_one_the_rules_give(text: str, offset: int) -> None:
    normal = normalise(text, offset=offset)
    starts, ends = _offsets_by_the_rules(text)
    assert [s - offset for s in normal.starts] == starts
    assert [e - offset for e in normal.ends] == ends
    assert normal.ends[-1:] == [e + offset for e in ends[-1:]]  # slices and negative indexes


@settings(max_examples=200 * SCALE, deadline=None)
@given(TEXTS, st.integers(0, 40), st.integers(1, 40))
def test_the_index_and_the_scan_find_the_same_occurrences(text: str, start: int,
                                                          length: int) -> None:
    # find() scans a short text and searches a long one through its index: either way alike.
    normal = normalise(text * 3)
    quote = normalise_quote(text[start : start + length])
    assert normal.find_indexed(quote) == normal.find_scanning(quote)


def test_a_long_text_is_searched_through_its_index() -> None:
    long = normalise(SOURCE.body.text * (INDEX_FROM // len(SOURCE.body.text) + 1))
    quote = normalise_quote(SOURCE.raw[BODY_WORDS[0][0]:BODY_WORDS[5][1]])
    assert long.find(quote) == long.find_scanning(quote) != []
    assert long._index  # built by find
