"""The whole-word rule exists once (factref.words) and every caller agrees with it.

Quote matching (NormalText.find), phrase checks (numbers, dates, places: contains_normal), actor
naming (Naming.names_actor) and prefix/suffix context all find text under the same rule: a
stretch stands as whole words when no word runs across either of its ends and it neither starts
with nor stops before a combining mark.
"""

from __future__ import annotations

import re
import unicodedata

from factref.naming import Naming
from factref.records import Actor
from factref.text import contains_normal, normalise
from factref.words import WORD, find_whole, is_word_char, whole_at, word_count
from hypothesis import assume, given
from hypothesis import strategies as st

MARK = "\u0331"  # combining macron below: composes with none of the letters used here
ALPHABET = ["f", "q", "v", "1", "_", " ", ".", "-", "'", MARK, "\u00e9", "\u05d0"]
texts = st.text(alphabet=ALPHABET, min_size=0, max_size=40)
phrases = st.text(alphabet=ALPHABET, min_size=1, max_size=6)


def _reference(text: str, phrase: str) -> list[int]:
    """The rule as stated in words, written independently of factref.words."""
    def word(c: str) -> bool:
        return c.isalnum() or c == "_" or unicodedata.category(c).startswith("M")

    hits = []
    for at in range(len(text) - len(phrase) + 1):
        if text[at : at + len(phrase)] != phrase:
            continue
        end = at + len(phrase)
        starts_ok = at == 0 or not (unicodedata.category(text[at]).startswith("M")
                                    or (word(text[at]) and word(text[at - 1])))
        ends_ok = end == len(text) or not (unicodedata.category(text[end]).startswith("M")
                                           or (word(text[end - 1]) and word(text[end])))
        if starts_ok and ends_ok:
            hits.append(at)
    return hits


@given(texts, phrases)
def test_find_whole_is_the_stated_rule(text: str, phrase: str) -> None:
    assert list(find_whole(text, phrase)) == _reference(text, phrase)


@given(texts, phrases)
def test_quote_matching_phrase_checks_and_naming_agree(text: str, phrase: str) -> None:
    assume(unicodedata.normalize("NFC", text) == text and "  " not in text)
    assume(phrase.strip() == phrase and "  " not in phrase and word_count(phrase) > 0)
    expected = _reference(text, phrase)
    assert normalise(text).find(phrase) == expected
    assert contains_normal(text, phrase) == bool(expected)
    if re.fullmatch(r"[\w\u00e9\u05d0 .'-]+", phrase) and phrase[0] != MARK:
        naming = Naming([Actor(id="a", name=phrase, kind="person")])
        assert naming.names_actor(text, "a") == bool(expected)


def test_examples() -> None:
    assert whole_at("in Seoul, said", 3, 8)
    assert not whole_at("Seoulites", 0, 5)
    assert not whole_at("Ta\u0304\u0331ma", 0, 3)  # stops before a mark
    assert not whole_at("snake_case", 0, 5)  # the underscore joins words
    assert is_word_char("\u0331") and not is_word_char("-")
    assert word_count("Ta\u0331ma said it's 400-member") == 6


def test_the_word_pattern_matches_exactly_the_word_characters_of_every_code_point() -> None:
    # WORD lists the combining marks as ranges (for speed): none may be lost or added.
    differ = [hex(c) for c in range(0x110000)
              if (WORD.fullmatch(chr(c)) is not None) != is_word_char(chr(c))]
    assert differ == []
