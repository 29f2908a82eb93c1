"""Date values, dateline resolution and dates in words: one test per rule in docs/method.md."""

from __future__ import annotations

import pytest
from factref.dates import RELATIVE_RULES, Value, describe, parse_value, resolve


@pytest.mark.parametrize("text,value", [
    ("2016", Value(2016, None, None)), ("2025-06", Value(2025, 6, None)),
    ("--11", Value(None, 11, None)), ("--03-24", Value(None, 3, 24)),
    ("2022-03-24", Value(2022, 3, 24)), ("--02-29", Value(None, 2, 29)),
])
def test_values_parse_at_their_precision(text: str, value: Value) -> None:
    assert parse_value(text) == value
    assert parse_value(text).iso == text


@pytest.mark.parametrize("text,message", [
    ("March 24", "'March 24' is not a date value: write 2016 (a year), 2025-06 (a month of a "
     "year), --11 (a month, year not stated), --03-24 (a month and day, year not stated) or "
     "2022-03-24 (a full date)"),
    ("--13", "'--13' is not a date value: there is no month 13"),
    ("2022-02-30", "'2022-02-30' is not a date value: February has no day 30"),
    ("2023-02-29", "'2023-02-29' is not a date value: February has no day 29"),
])
def test_a_bad_value_is_explained_in_words(text: str, message: str) -> None:
    with pytest.raises(ValueError) as exc:
        parse_value(text)
    assert str(exc.value) == message


# --- Resolution rules (docs/method.md, "Completing a date from the dateline") -----------------

def test_a_month_and_day_take_the_datelines_year() -> None:
    assert resolve("March 24", "month-day", "--03-24", "2022-03-25") == Value(2022, 3, 24)


def test_a_month_takes_the_datelines_year() -> None:
    assert resolve("in November", "month", "--11", "2025") == Value(2025, 11, None)


@pytest.mark.parametrize("phrase,dateline,expected", [
    ("today", "2022-03-25", Value(2022, 3, 25)),
    ("earlier today", "2022-03-25", Value(2022, 3, 25)),
    ("yesterday", "2022-03-01", Value(2022, 2, 28)),
    ("tomorrow", "2022-12-31", Value(2023, 1, 1)),
    ("this year", "2022-03", Value(2022, None, None)),
    ("last year", "2022", Value(2021, None, None)),
    ("next year", "2022", Value(2023, None, None)),
    ("this month", "2022-03-25", Value(2022, 3, None)),
    ("earlier this month", "2022-03", Value(2022, 3, None)),
    ("later this month", "2022-03-26", Value(2022, 3, None)),
    ("last month", "2022-01-10", Value(2021, 12, None)),
    ("next month", "2022-12", Value(2023, 1, None)),
])
def test_relative_phrases_resolve_by_their_rule(phrase: str, dateline: str,
                                                expected: Value) -> None:
    assert resolve(phrase, "relative", None, dateline) == expected


def test_every_resolvable_phrase_has_a_tested_rule() -> None:
    tested = {"today", "yesterday", "tomorrow", "this year", "last year", "next year",
              "this month", "earlier this month", "later this month", "last month", "next month"}
    assert set(RELATIVE_RULES) == tested


@pytest.mark.parametrize("text,precision,value,dateline,message", [
    ("today", "relative", None, "2022-03",
     "'today' needs a full date in the dateline, which gives only a month (2022-03)"),
    ("last month", "relative", None, "2022",
     "'last month' needs a month in the dateline, which gives only a year (2022)"),
    ("nearly a decade ago", "relative", None, "2022-03-25",
     "'nearly a decade ago' is not a phrase the dateline can resolve; resolvable: 'today', "
     "'yesterday', 'tomorrow', 'this year', 'last year', 'next year', 'this month', "
     "'earlier this month', 'later this month', 'last month', 'next month'"),
    ("on Monday", "weekday", None, "2022-03-25",
     "a weekday date cannot be resolved against the dateline: only month, month-day and "
     "relative dates can"),
    ("in 2016", "year", "2016", "2022-03-25",
     "a year date cannot be resolved against the dateline: only month, month-day and "
     "relative dates can"),
    ("in June 2025", "month", "2025-06", "2026",
     "value '2025-06' already states its year; leave out 'resolve'"),
])
def test_never_more_precise_than_the_text_and_the_dateline(
    text: str, precision: str, value: str | None, dateline: str, message: str
) -> None:
    with pytest.raises(ValueError) as exc:
        resolve(text, precision, value, dateline)
    assert str(exc.value) == message


# --- Dates in words -------------------------------------------------------------------------

@pytest.mark.parametrize("args,words", [
    (("in November", "month", "--11", None, False), "in November — year not stated"),
    (("March 24", "month-day", "--03-24", Value(2022, 3, 24)),
     "March 24 — 2022, from the dateline"),
    (("today", "relative", None, Value(2022, 3, 25)), "today — 25 March 2022, from the dateline"),
    (("later this month", "relative", None, Value(2022, 3, None)),
     "later this month — March 2022, from the dateline"),
    (("in 2016", "year", "2016", None), "in 2016"),
    (("nearly a decade ago", "approximate", None, None, False),
     "nearly a decade ago — the source states no date to count from"),
    (("on Monday", "weekday", None, None, True), "on Monday — date not stated"),
])
def test_dates_in_words(args: tuple, words: str) -> None:
    assert describe(*args) == words
