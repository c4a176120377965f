"""The pandera schemas of every table: the specs of kim_dash.sources.specs turned into vectorised checks.

Every value is read as text first and checked here, so a bad cell is reported with the exact text
the user typed ("12,5" is not a whole number) instead of being coerced silently. Checks are
vectorised: the reference geography has 83,762 desa and is validated once per process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

import pandas as pd
import pandera.pandas as pa

from kim_dash.sources.dates import is_data_date
from kim_dash.sources.provenance import row_source_ok
from kim_dash.sources.specs import (
    CODE_PATTERNS,
    FIELDS_OF_ACTIVITY,
    FIRST_YEAR,
    INT_TEXT,
    MAX_COUNT,
    MAX_DIGITS,
    MAX_NUMBER,
    NUMBER_TEXT,
    SPECS,
    Col,
)


def last_year() -> int:
    return dt.date.today().year


def _vector(test, reason: str) -> pa.Check:
    """A vectorised check that leaves empty cells to the "empty" check."""
    return pa.Check(lambda s: (s == "") | test(s).fillna(False).astype(bool), name=reason)


def _fullmatch(pattern: str):
    return lambda s: s.str.fullmatch(pattern).fillna(False)


def _bounded_int(s: pd.Series, low: int, high: int) -> pd.Series:
    shaped = s.str.fullmatch(INT_TEXT).fillna(False) & (s.str.lstrip("-").str.len() <= MAX_DIGITS)
    values = pd.to_numeric(s.where(shaped), errors="coerce")
    return shaped & values.between(low, high)


def _valid_dates(s: pd.Series) -> pd.Series:
    """Dates that exist, from 1990 to today (`kim_dash.sources.dates`, the one reading of a data date)."""
    verdicts = {v: is_data_date(v) for v in s.dropna().unique()}
    return s.map(verdicts).fillna(False).astype(bool)


def _checks(col: Col, refs: Mapping[str, Collection[str]]) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if not col.nullable:
        checks.append(pa.Check(lambda s: s.str.strip() != "", name="empty"))
    kind = col.kind
    if kind.startswith("code:"):
        checks.append(_vector(_fullmatch(CODE_PATTERNS[kind[5:]][0]), f"bad_code:{kind}"))
    elif kind == "int":
        checks.append(_vector(_fullmatch(INT_TEXT), "not_integer"))
        checks.append(_vector(lambda s: ~s.str.fullmatch(r"-[0-9]+").fillna(False), "negative"))
        checks.append(
            _vector(
                lambda s: (
                    ~s.str.fullmatch(INT_TEXT).fillna(False)
                    | s.str.startswith("-")
                    | _bounded_int(s, 0, MAX_COUNT)
                ),
                "too_big",
            )
        )
    elif kind == "float":
        checks.append(_vector(_fullmatch(NUMBER_TEXT), "not_number"))
        checks.append(
            _vector(lambda s: pd.to_numeric(s, errors="coerce").abs().fillna(0) <= MAX_NUMBER, "too_big")
        )
    elif kind == "year":
        checks.append(_vector(lambda s: _bounded_int(s, FIRST_YEAR, last_year()), "bad_year"))
    elif kind == "date":
        checks.append(_vector(_valid_dates, "bad_date"))
    elif kind == "source":
        checks.append(_vector(row_source_ok, "bad_source"))
    elif kind == "choice":
        checks.append(_vector(lambda s: s.isin(col.choices), "not_allowed"))
    elif kind == "fields":
        allowed = set(FIELDS_OF_ACTIVITY)
        checks.append(
            _vector(
                lambda s: s.map(lambda v: all(f.strip() in allowed for f in v.split(";"))),
                "not_allowed_fields",
            )
        )
    if col.ref is not None and col.ref in refs:
        known = refs[col.ref]
        checks.append(_vector(lambda s: s.isin(known), f"unknown_{col.ref}"))
    return checks


def build_schema(kind: str, refs: Mapping[str, Collection[str]]) -> pa.DataFrameSchema:
    columns = {
        col.name: pa.Column(str, checks=_checks(col, refs), required=col.required, unique=col.unique)
        for col in SPECS[kind]
    }
    return pa.DataFrameSchema(columns, strict=True, ordered=False)


def typed(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Convert a validated all-text frame to its working types (optional columns filled empty)."""
    out = frame.copy()
    for col in SPECS[kind]:
        if col.name not in out.columns:
            out[col.name] = ""
            continue
        if col.kind == "int" and col.nullable:  # unknown stays unknown: a nullable integer, never 0
            out[col.name] = pd.to_numeric(out[col.name].replace("", None)).astype("Int64")
        elif col.kind == "int":
            out[col.name] = out[col.name].astype("int64")
        elif col.kind == "year":  # may be unknown: nullable integer, never an invented year
            out[col.name] = pd.to_numeric(out[col.name].replace("", None)).astype("Int64")
        elif col.kind == "float":
            out[col.name] = out[col.name].astype("float64")
    return out[[c.name for c in SPECS[kind]]]
