"""add-source's proposals, each on its own: the id convention, body bounds and datelines."""

from __future__ import annotations

import datetime
import re

import pytest
from factref.addsource import next_sequence, source_id
from factref.bodybounds import BoundsError, body_bounds
from factref.dateline import full_dates
from factref.records import ID_PATTERN
from factref.suggest import acronym_definitions

DIGEST = "ec5f390297af4390" + "0" * 48


def test_ids_are_a_sequence_number_and_the_received_file_s_digest() -> None:
    assert source_id(1, DIGEST) == "001_ec5f390297af4390"
    assert source_id(1234, DIGEST) == "1234_ec5f390297af4390"
    assert re.match(ID_PATTERN, source_id(999, DIGEST))


@pytest.mark.parametrize("ids,expected", [
    ([], 0),
    (["000_ed07831bd54794ff"], 1),
    (["000_ed07831bd54794ff", "practice-eastwick", "007_0123456789abcdef"], 8),
    (["practice-eastwick", "12_0123456789abcdef", "001_short"], 0),
])
def test_the_sequence_follows_the_highest_conventional_id(ids: list[str], expected: int) -> None:
    assert next_sequence(ids) == expected


@pytest.mark.parametrize("text,found", [
    ("WASHINGTON, March 25, 2022 — The talks", [("March 25, 2022", "2022-03-25")]),
    ("Published 25 March 2022 at noon", [("25 March 2022", "2022-03-25")]),
    ("Posted 2022-03-25T16:40:00Z", [("2022-03-25", "2022-03-25")]),
    ("Sept. 3, 2021 and Feb 1 2020", [("Sept. 3, 2021", "2021-09-03"),
                                     ("Feb 1 2020", "2020-02-01")]),
    ("February 30, 2022 is no date; nor is March 2022, March 24 or 12022-01-015", []),
    ("on march 5, 2020", [("march 5, 2020", "2020-03-05")]),
])
def test_full_dates_are_found_with_their_words(text: str, found: list[tuple[str, str]]) -> None:
    assert [(d.text, d.iso) for d in full_dates(text)] == found
    for d in full_dates(text):
        assert text[d.start:].startswith(d.text)
        assert isinstance(d.value, datetime.date)


READOUT = """\
Ministry of Foreign Affairs of Avalon

Readout

March 25, 2022

Foreign Minister Tamsin Hale spoke today with Foreign Minister Oren Vask of the
Republic of Brenna about the launch.

The ministers agreed to meet again later this month in Port Sayer, the ministry said.

Share this page
"""


def test_the_body_runs_from_the_first_to_the_last_paragraph_of_prose() -> None:
    start, end = body_bounds(READOUT)
    assert (start.text, start.line) == ("Foreign Minister Tamsin Hale spoke", 7)
    assert (end.text, end.line) == ("Port Sayer, the ministry said.", 10)


def test_bounds_grow_until_they_are_unique_and_stay_on_one_line() -> None:
    raw = ("Masthead\n\nThe minister said the talks went well on Monday night.\n\nThe minister "
           "said the talks went well, and then said the talks went well.\n")
    start, end = body_bounds(raw)
    assert start.text == "The minister said the talks went well on"
    assert end.text == "said the talks went well."
    assert raw.count(start.text) == raw.count(end.text) == 1


@pytest.mark.parametrize("raw,given,message", [
    ("Only a masthead\n\nAnd a footer\n", {},
     "no paragraph of prose found to start or end the body; give --starts-with and --ends-with"),
    ("Same words, the same words here and now.\n\nSame words, the same words here and now.\n",
     {},
     "the first paragraph of prose (line 1) occurs more than once; give --starts-with"),
    (READOUT, {"starts_with": "the embassy"},
     "--starts-with 'the embassy' is not found in the file; it must occur exactly once"),
    (READOUT, {"ends_with": "Minister"},
     "--ends-with 'Minister' is found 2 times in the file; it must occur exactly once"),
    (READOUT, {"starts_with": "Share this page", "ends_with": "Readout"},
     "the body would end before it starts; check --starts-with and --ends-with"),
])
def test_bounds_that_cannot_be_proposed_say_what_to_give(raw: str, given: dict[str, str],
                                                        message: str) -> None:
    with pytest.raises(BoundsError) as exc:
        body_bounds(raw, given.get("starts_with"), given.get("ends_with"))
    assert exc.value.message == message


def test_acronyms_a_text_defines_are_read_with_their_long_form() -> None:
    text = ("Secretary Blinken spoke with Republic of Korea (ROK) Foreign Minister Chung about "
            "the Democratic People’s Republic of Korea’s (DPRK) March 24 launch; the United "
            "Nations (UN) and the (EU) were not named in full.")
    assert acronym_definitions(text) == {
        "ROK": "Republic of Korea", "DPRK": "Democratic People’s Republic of Korea",
        "UN": "United Nations"}
