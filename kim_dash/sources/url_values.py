"""Values a link carries (?target=150, ?mulai=2027): bounded before any widget or computation sees them.

A link is hostile input: "1e309", "inf", "-1e309", "nan", 5,000 digits or a year past a widget's range
must never reach a widget (Streamlit converts "1e309" to an integer and crashes). A whole number of at
most 15 digits is clamped into its range; anything else is refused (the link's value is dropped and the
widget shows its default).
"""

from __future__ import annotations

import re

from kim_dash.sources.specs import MAX_DIGITS

WHOLE = re.compile(rf"-?[0-9]{{1,{MAX_DIGITS}}}(\.0*)?")


def clamp_int(text: str, low: int, high: int) -> int | None:
    """`text` as a whole number within [low, high] (clamped), or None when it is not a plain number."""
    if not isinstance(text, str) or not WHOLE.fullmatch(text.strip()):
        return None
    value = int(text.strip().split(".")[0])
    return min(max(value, low), high)


def clamp(value: int, low: int, high: int) -> int:
    """A computed default kept inside its widget's range (a deadline year after the last one offered)."""
    return min(max(int(value), low), high)


TARGET_RANGE = (0, 100_000)  # the planner's target total
PER_YEAR_RANGE = (1, 10_000)  # KIM formed a year
YEAR_RANGE = (1980, 2100)  # first and last year of the plan by year
