"""Planned from today: when a plan by year starts, how old its data is, and whether a deadline can
still be met at a yearly pace — and the pace that would meet it.

`today` is always a parameter (tests inject it); callers pass `datetime.date.today()`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kim_dash.i18n import fmt_as_of, fmt_int, t

NO_DATE_YEARS_AHEAD = 0  # undated data: the plan starts this year


def plan_start(as_of: str, today: dt.date, requested: int | None = None) -> int:
    """The first year of a plan by year: the later of the year after the data's date and the
    current year; a requested year is honoured only when it is not in the past."""
    after_data = int(as_of[:4]) + 1 if as_of else today.year + NO_DATE_YEARS_AHEAD
    return max(requested if requested is not None else after_data, today.year)


def months_old(as_of: str, today: dt.date) -> int | None:
    """Whole months from the data's date to today, at the date's own precision (None: undated)."""
    if not as_of:
        return None
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 1:  # known to the year: count whole years
        return max(12 * (today.year - parts[0]), 0)
    months = 12 * (today.year - parts[0]) + today.month - parts[1]
    if len(parts) == 3 and today.day < parts[2]:
        months -= 1
    return max(months, 0)


def age_text(as_of: str, today: dt.date, lang: str) -> str:
    """'data per 20 Desember 2016, 10 tahun lalu' / 'data as of 20 December 2016, 10 years ago'."""
    months = months_old(as_of, today)
    if months is None:
        return t("planner.age.undated", lang)
    if months >= 12:  # a year or more: counted in calendar years (20 Dec 2016 in Dec 2026: 10 years)
        ago = t("planner.age.years", lang, count=today.year - int(as_of[:4]))
    elif months >= 1 and len(as_of) > 4:
        ago = t("planner.age.months", lang, count=months)
    else:
        ago = t("planner.age.recent", lang)
    return t("planner.age", lang, date=fmt_as_of(as_of, lang), ago=ago)


@dataclass(frozen=True)
class Outlook:
    """Toward one target with a deadline, seen from the plan's first year."""

    current: int
    goal: int
    deadline: int | None
    first_year: int
    per_year: int | None  # the pace given (None: none given)
    source: str = "setting"  # of the count and the goal together (provenance.derive)

    @property
    def missing(self) -> int:
        return max(self.goal - self.current, 0)

    @property
    def years_left(self) -> int:
        """Years from the plan's first year to the deadline, both counted (0: the deadline is past)."""
        return 0 if self.deadline is None else max(self.deadline - self.first_year + 1, 0)

    @property
    def needed_per_year(self) -> int | None:
        """The yearly pace that meets the deadline (None: no deadline, or no year left)."""
        if not self.years_left:
            return None
        return -(-self.missing // self.years_left)

    @property
    def reached_year(self) -> int | None:
        """The year the goal is met at the given pace."""
        if not self.per_year:
            return None
        if not self.missing:
            return self.first_year - 1
        return self.first_year + -(-self.missing // self.per_year) - 1

    @property
    def met(self) -> bool | None:
        """Can the deadline be met at the given pace? None: no deadline or no pace given."""
        if self.deadline is None:
            return None
        if not self.missing:
            return True
        if not self.years_left:
            return False
        if self.per_year is None:
            return None
        return self.per_year >= (self.needed_per_year or 0)


def outlook_text(o: Outlook, lang: str) -> str:
    """The deadline in words: met, missed, or what it would take."""
    if o.deadline is None:
        return ""
    n = {"deadline": o.deadline, "missing": fmt_int(o.missing, lang), "first": o.first_year}
    if not o.missing:
        return t("planner.deadline.done", lang, **n)
    if not o.years_left:
        return t("planner.deadline.passed", lang, **n)
    need = fmt_int(o.needed_per_year or 0, lang)
    if o.years_left == 1:
        needs = t("planner.deadline.needs_one", lang, needed=need, **n)
    else:
        needs = t("planner.deadline.needs", lang, needed=need, count=o.years_left, **n)
    if o.per_year is None:
        return t("planner.deadline.open", lang, needs=needs, **n)
    pace = fmt_int(o.per_year, lang)
    if o.met:
        return t("planner.deadline.met", lang, per_year=pace, year=o.reached_year, **n)
    return t("planner.deadline.missed", lang, per_year=pace, year=o.reached_year, needs=needs, **n)


def later_text(count: int, as_of: str, rows_as_of: str, current: int, lang: str) -> str:
    """A later report's total beside a plan made from older rows, and which way it may be off."""
    direction = "more" if count > current else "fewer"
    return t(
        f"planner.later_total.{direction}",
        lang,
        date=fmt_as_of(as_of, lang),
        kim=fmt_int(count, lang),
        as_of=fmt_as_of(rows_as_of, lang),
    )
