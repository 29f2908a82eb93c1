"""Dates exactly as precise as the texts: ISO values, resolution against a dateline, words.

A value says what the text states and no more: ``2016``, ``2025-06``, ``--11`` (November, year
not stated), ``--03-24`` (March 24, year not stated), ``2022-03-24``. A partial or relative date
may be *resolved* against its source's publication date (``resolve: dateline``); each rule below is
stated in docs/method.md and has a test. Nothing is resolved that the text plus the dateline do not
settle: "on Monday" or "days earlier" stay as they are.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = (
    "January February March April May June July August September October November December"
).split()

_FORMS = (
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "year-month"),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "full"),
    (re.compile(r"^--(\d{2})$"), "month"),
    (re.compile(r"^--(\d{2})-(\d{2})$"), "month-day"),
)
VALUE_HELP = (
    "write 2016 (a year), 2025-06 (a month of a year), --11 (a month, year not stated), "
    "--03-24 (a month and day, year not stated) or 2022-03-24 (a full date)"
)
ISO_HELP = "write 2022 (a year), 2022-03 (a month) or 2022-03-25 (a full date)"


@dataclass(frozen=True, order=True)
class Value:
    """A parsed calendar value; a part the text does not state is None."""

    year: int | None
    month: int | None
    day: int | None

    @property
    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        return "-".join([f"{self.year:04d}", *(f"{p:02d}" for p in (self.month, self.day) if p)])

    @property
    def form(self) -> str:
        """year | month | month-day | day: which precision this value has."""
        if self.day:
            return "day" if self.year is not None else "month-day"
        return "month" if self.month else "year"


def parse_value(text: str) -> Value:
    """Parse an ISO value, or raise ValueError with a message an editor can act on."""
    for pattern, form in _FORMS:  # noqa: B007 - the matching form is used after the loop
        m = pattern.match(text)
        if m:
            break
    else:
        raise ValueError(f"{text!r} is not a date value: {VALUE_HELP}")
    parts = [int(g) for g in m.groups()]
    year = parts.pop(0) if form in ("year", "year-month", "full") else None
    month = parts.pop(0) if parts else None
    day = parts.pop(0) if parts else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} is not a date value: there is no month {month}")
    if day is not None:
        last = calendar.monthrange(year if year is not None else 2000, month or 1)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{text!r} is not a date value: {MONTHS[(month or 1) - 1]} has no "
                             f"day {day}")
    return Value(year, month, day)


def check_value(text: str) -> str:
    parse_value(text)
    return text


def check_iso(text: str) -> str:
    """A publication or retrieval date: a year, month or full date, always with its year."""
    if not any(pattern.match(text) for pattern, _ in _FORMS):
        raise ValueError(f"{text!r} is not a date: {ISO_HELP}")
    value = parse_value(text)
    if value.year is None:
        raise ValueError(f"{text!r} is not a date: a publication date states its year; {ISO_HELP}")
    return text


def check_full_date(text: str) -> str:
    value = parse_value(check_iso(text))
    if value.day is None:
        raise ValueError(f"{text!r} is not a full date: write it as 2026-11-20")
    return text


# --- Resolution against the dateline -------------------------------------------------------

RELATIVE_RULES = {
    "today": "the dateline's day",
    "yesterday": "the day before the dateline's day",
    "tomorrow": "the day after the dateline's day",
    "this year": "the dateline's year",
    "last year": "the year before the dateline's year",
    "next year": "the year after the dateline's year",
    "this month": "the dateline's month",
    "earlier this month": "the dateline's month",
    "later this month": "the dateline's month",
    "last month": "the month before the dateline's month",
    "next month": "the month after the dateline's month",
}
"""The relative phrases that can be resolved, and what each resolves to."""

_NEEDS = {"year": "a year", "month": "a month", "day": "a full date"}


def _phrase(text: str) -> str | None:
    """The resolvable phrase a date text consists of ('later this month', 'today'), if any."""
    words = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:")
    for lead in ("on ", "in ", "as of ", "earlier ", "later "):
        if words.startswith(lead) and words[len(lead):] in RELATIVE_RULES and (
            words not in RELATIVE_RULES
        ):
            words = words[len(lead):]
    return words if words in RELATIVE_RULES else None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def resolve(text: str, precision: str, value: str | None, dateline: str) -> Value:
    """The calendar value a date's words and its source's dateline settle together.

    Raises ValueError (with the reason) when they settle nothing more than the text alone."""
    line = parse_value(dateline)
    if precision in ("month", "month-day"):
        if value is None:
            raise ValueError(f"a {precision} date needs its 'value' (e.g. "
                             f"{'--11' if precision == 'month' else '--03-24'}) to be resolved")
        own = parse_value(value)
        if own.year is not None:
            raise ValueError(f"value {value!r} already states its year; leave out 'resolve'")
        return Value(line.year, own.month, own.day)
    if precision != "relative":
        raise ValueError(f"a {precision} date cannot be resolved against the dateline: only "
                         "month, month-day and relative dates can")
    phrase = _phrase(text)
    if phrase is None:
        raise ValueError(f"{text!r} is not a phrase the dateline can resolve; resolvable: "
                         + ", ".join(repr(p) for p in RELATIVE_RULES))
    assert line.year is not None
    unit = "day" if phrase in ("today", "yesterday", "tomorrow") else phrase.split()[-1]
    have = "day" if line.day else "month" if line.month else "year"
    order = ["year", "month", "day"]
    if order.index(have) < order.index(unit):
        raise ValueError(f"{text!r} needs {_NEEDS[unit]} in the dateline, which gives only "
                         f"{_NEEDS[have]} ({dateline})")
    if unit == "day":
        assert line.month and line.day
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[phrase]
        d = date(line.year, line.month, line.day) + timedelta(days=shift)
        return Value(d.year, d.month, d.day)
    if unit == "month":
        assert line.month
        shift = {"last month": -1, "next month": 1}.get(phrase, 0)
        year, month = _shift_month(line.year, line.month, shift)
        return Value(year, month, None)
    shift = {"last year": -1, "next year": 1}.get(phrase, 0)
    return Value(line.year + shift, None, None)


# --- Words ---------------------------------------------------------------------------------


def value_words(value: Value) -> str:
    """'25 March 2022', 'March 2022', '2022', 'November', 'March 24'."""
    month = MONTHS[value.month - 1] if value.month else ""
    if value.year is None:
        return f"{month} {value.day}" if value.day else month
    if value.day:
        return f"{value.day} {month} {value.year}"
    return f"{month} {value.year}" if month else str(value.year)


def describe(text: str, precision: str, value: str | None, resolved: Value | None,
             source_dated: bool = True) -> str:
    """A date in words for pages: what the text says, and what was added and from where.

    'March 24 — 2022, from the dateline'; 'today — 25 March 2022, from the dateline';
    'in November — year not stated'; 'in 2016'."""
    if resolved is not None:
        if precision in ("month", "month-day"):
            return f"{text} — {resolved.year}, from the dateline"
        return f"{text} — {value_words(resolved)}, from the dateline"
    own = parse_value(value) if value else None
    if own is not None and own.year is None:
        return f"{text} — year not stated"
    if precision in ("relative", "approximate", "weekday") and not source_dated:
        return f"{text} — the source states no date to count from"
    if precision == "weekday":
        return f"{text} — date not stated"
    return text


def unstated_parts(value: Value, text: str) -> list[str]:
    """The parts of ``value`` that ``text`` does not state (a value may say no more than its
    words): the year's digits, the month's name (or its three-letter abbreviation), the day."""
    from .text import contains_phrase

    missing = []
    if value.year is not None and not contains_phrase(text, str(value.year)):
        missing.append(f"the year {value.year} is not in the date text {text!r}")
    if value.month:
        name = MONTHS[value.month - 1]
        if not (contains_phrase(text, name) or contains_phrase(text, name[:3])):
            missing.append(f"the month {name} is not in the date text")
    if value.day and not contains_phrase(text, str(value.day)):
        missing.append(f"the day {value.day} is not in the date text")
    return missing


@dataclass(frozen=True)
class Resolution:
    """A date completed from its source's dateline: the result, and where it came from."""

    value: Value
    source: str
    dateline: str
    """The dateline words the completion was read from."""
