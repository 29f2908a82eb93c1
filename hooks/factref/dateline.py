"""Full calendar dates written in a text ("March 25, 2022", "25 March 2022", "2022-03-25").

``add-source`` proposes a source's publication date from the first such date in its file (a
dateline comes before the story); the editor confirms it. Only whole dates count: a month and
day without a year, or a year alone, is not a publication date.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                  "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_NUMBER = {name: n for n, name in enumerate(MONTHS, start=1)} | _ABBREVIATIONS
_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d])"),
)


@dataclass(frozen=True)
class WrittenDate:
    """A date as a text writes it: the words, where they are, and the ISO date they mean."""

    text: str
    start: int
    value: datetime.date

    @property
    def iso(self) -> str:
        return self.value.isoformat()


def full_dates(text: str) -> list[WrittenDate]:
    """Every full, valid calendar date in ``text``, in reading order."""
    found: dict[int, WrittenDate] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            month = m["month"]
            number = int(month) if month.isdigit() else MONTH_NUMBER[month.lower()]
            try:
                value = datetime.date(int(m["year"]), number, int(m["day"]))
            except ValueError:  # "February 30, 2022" is not a date
                continue
            found.setdefault(m.start(), WrittenDate(m[0], m.start(), value))
    return [found[at] for at in sorted(found)]


def matching(text: str, value: datetime.date) -> WrittenDate | None:
    """The first place ``text`` writes the date ``value``, if it does."""
    return next((d for d in full_dates(text) if d.value == value), None)
