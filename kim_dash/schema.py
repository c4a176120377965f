"""Column specifications of every data file, and their pandera schemas.

Every value is read as text first and checked here, so a bad cell is reported with the exact text
the user typed ("12,5" is not a whole number) instead of being coerced silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

CODE_PATTERNS = {
    "province": (re.compile(r"^\d{2}$"), "NN"),
    "regency": (re.compile(r"^\d{2}\.\d{2}$"), "NN.NN"),
    "kecamatan": (re.compile(r"^\d{2}\.\d{2}\.\d{2}$"), "NN.NN.NN"),
    "desa": (re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"), "NN.NN.NN.NNNN"),
}
FIELDS_OF_ACTIVITY = (
    "pertanian",
    "pembangunan",
    "peternakan",
    "keagamaan",
    "seni budaya",
    "sosial kemasyarakatan",
    "pusat informasi massa",
    "percetakan",
    "usaha kecil mikro",
    "pendidikan",
    "lingkungan hidup",
)
STATUSES = ("aktif", "kurang aktif", "tidak aktif")
FIRST_YEAR = 1980
_INT = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Col:
    name: str
    kind: str = "text"  # text | code:<level> | int | year | float | date | source | fields | choice
    required: bool = True  # the column must be present
    nullable: bool = False  # the cell may be empty
    unique: bool = False
    ref: str | None = None  # code must exist in this reference level
    choices: tuple[str, ...] = ()


SPECS: dict[str, tuple[Col, ...]] = {
    "provinces": (
        Col("code", "code:province", unique=True),
        Col("name"),
        Col("lat", "float"),
        Col("lon", "float"),
        Col("area_km2", "float"),
    ),
    "regencies": (
        Col("code", "code:regency", unique=True),
        Col("name"),
        Col("type", "choice", choices=("Kabupaten", "Kota")),
        Col("province_code", "code:province", ref="province"),
        Col("lat", "float"),
        Col("lon", "float"),
        Col("area_km2", "float"),
    ),
    "kecamatan": (
        Col("code", "code:kecamatan", unique=True),
        Col("name"),
        Col("desa_count", "int"),
        Col("kelurahan_count", "int"),
        Col("lat", "float"),
        Col("lon", "float"),
        Col("area_km2", "float"),
    ),
    "desa": (
        Col("code", "code:desa", unique=True),
        Col("name"),
        Col("kecamatan_code", "code:kecamatan", ref="kecamatan"),
        Col("type", "choice", choices=("desa", "kelurahan")),
    ),
    "national": (
        Col("code", "code:regency", unique=True, ref="regency"),
        Col("count", "int"),
        Col("source", "source"),
        Col("note", required=False, nullable=True),
    ),
    "registry": (
        Col("id", unique=True),
        Col("name"),
        Col("kecamatan_code", "code:kecamatan", ref="kecamatan"),
        Col("desa_code", "code:desa", ref="desa"),
        Col("year_formed", "year"),
        Col("status", "choice", choices=STATUSES),
        Col("fields", "fields", nullable=True),
        Col("source", "source"),
    ),
    "history": (
        Col("as_of", "date", nullable=True),
        Col("count", "int"),
        Col("counted_by"),
        Col("source", "source"),
        Col("note", required=False, nullable=True),
    ),
    "targets": (
        Col("id", unique=True),
        Col("value", "float"),
        Col("unit"),
        Col("spread"),
        Col("source", "source"),
        Col("note", required=False, nullable=True),
    ),
}


def _element_check(test: Callable[[str], bool], reason: str) -> pa.Check:
    # empty cells are the "empty" check's business, not every other check's
    return pa.Check(lambda v: v == "" or test(v), element_wise=True, name=reason)


def _year_ok(value: str) -> bool:
    return bool(_INT.match(value)) and FIRST_YEAR <= int(value) <= dt.date.today().year


def _date_ok(value: str) -> bool:
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _checks(col: Col, refs: dict[str, Collection[str]]) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if not col.nullable:
        checks.append(pa.Check(lambda s: s.str.strip() != "", name="empty"))
    kind = col.kind
    if kind.startswith("code:"):
        pattern = CODE_PATTERNS[kind.split(":")[1]][0]
        checks.append(_element_check(lambda v: bool(pattern.match(v)), f"bad_code:{kind}"))
    elif kind == "int":
        checks.append(_element_check(lambda v: bool(_INT.match(v)), "not_integer"))
        checks.append(_element_check(lambda v: not (_INT.match(v) and int(v) < 0), "negative"))
    elif kind == "float":
        checks.append(_element_check(lambda v: bool(_NUMBER.match(v)), "not_number"))
    elif kind == "year":
        checks.append(_element_check(_year_ok, "bad_year"))
    elif kind == "date":
        checks.append(_element_check(_date_ok, "bad_date"))
    elif kind == "source":
        checks.append(
            _element_check(lambda v: v == "illustrative" or v.startswith("published:"), "bad_source")
        )
    elif kind == "choice":
        checks.append(_element_check(lambda v: v in col.choices, "not_allowed"))
    elif kind == "fields":
        allowed = set(FIELDS_OF_ACTIVITY)
        checks.append(
            _element_check(lambda v: all(f.strip() in allowed for f in v.split(";")), "not_allowed_fields")
        )
    if col.ref is not None and col.ref in refs:
        known = set(refs[col.ref])
        checks.append(_element_check(lambda v: v in known, f"unknown_{col.ref}"))
    return checks


def build_schema(kind: str, refs: dict[str, Collection[str]]) -> pa.DataFrameSchema:
    columns = {
        col.name: pa.Column(
            str, checks=_checks(col, refs), required=col.required, unique=col.unique, nullable=False
        )
        for col in SPECS[kind]
    }
    return pa.DataFrameSchema(columns, strict=True, ordered=False)


def typed(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Convert a validated all-text frame to its working types."""
    out = frame.copy()
    for col in SPECS[kind]:
        if col.name not in out.columns:
            out[col.name] = ""
            continue
        if col.kind in ("int", "year"):
            out[col.name] = out[col.name].astype("int64")
        elif col.kind == "float":
            out[col.name] = out[col.name].astype("float64")
    return out[[c.name for c in SPECS[kind]]]
