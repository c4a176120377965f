"""The one reading of a data date: YYYY, YYYY-MM or YYYY-MM-DD that exists, from 1990 to today.

A date keeps its precision (a year, a month or a day, never more precise than known). Every date that
enters the app goes through `date_problem`/`parse_as_of`: `--as-of` of an import and of any command, a
file's date column, the dates of stored snapshots (an older version or a hand-edited row may hold
"2024-13-45"). A later date is refused unless the operator says so (`--allow-future`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

EARLIEST_YEAR = 1990  # no KIM data is older (KIM began in the 2000s); an earlier year is a typo
DATE_SHAPE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class BadDate(ValueError):
    """A date that cannot be a data date; `reason` is a key under "problem." in the strings."""

    def __init__(self, text: str, reason: str):
        self.text, self.reason = text, reason
        super().__init__(f"{reason}: {text!r}")


@dataclass(frozen=True)
class AsOf:
    """A data date with its precision: `month`/`day` are None when not known."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def start(self) -> dt.date:
        """The first day the date can mean (a year counts from 1 January)."""
        return dt.date(
            self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day
        )

    @property
    def text(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)


def parse_as_of(text: str, allow_future: bool = False, today: dt.date | None = None) -> AsOf:
    """`text` as a date, or BadDate: not YYYY[-MM[-DD]] or no such day, before 1990, after today."""
    shaped = DATE_SHAPE.fullmatch(text) if isinstance(text, str) and len(text) <= 10 else None
    if shaped is None:
        raise BadDate(str(text)[:40], "bad_date")
    year, month, day = (int(p) if p else None for p in shaped.groups())
    assert year is not None
    try:
        when = AsOf(year, month, day)
        when.start  # noqa: B018 - raises ValueError for month 13, 30 February, day 0, year 0
    except ValueError as err:
        raise BadDate(text, "bad_date") from err
    if year < EARLIEST_YEAR:
        raise BadDate(text, "date_too_early")
    if not allow_future and when.start > (today or dt.date.today()):
        raise BadDate(text, "date_in_future")
    return when


def date_problem(text: str, allow_future: bool = False, today: dt.date | None = None) -> str | None:
    """The reason `text` is not a data date ("bad_date", "date_too_early", "date_in_future"), or None."""
    try:
        parse_as_of(text, allow_future, today)
    except BadDate as err:
        return err.reason
    return None


def is_data_date(text: str, allow_future: bool = False) -> bool:
    return date_problem(text, allow_future) is None
