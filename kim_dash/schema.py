"""Column specifications of every table the project reads, and their pandera schemas.

Every value is read as text first and checked here, so a bad cell is reported with the exact text
the user typed ("12,5" is not a whole number) instead of being coerced silently. Checks are
vectorised: the reference geography has 83,762 desa and is validated once per process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

CODE_PATTERNS = {
    "province": (r"[0-9]{2}", "NN"),
    "regency": (r"[0-9]{2}\.[0-9]{2}", "NN.NN"),
    "kecamatan": (r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}", "NN.NN.NN"),
    "desa": (r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}", "NN.NN.NN.NNNN"),
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
MAX_COUNT = 1_000_000  # more KIM than Indonesia has desa is a typo, and int64 overflow is a crash
MAX_NUMBER = 1e12
INT_TEXT = r"-?[0-9]+"
MAX_DIGITS = 15  # longer is never a count; checked before any conversion (5,000 digits, 2^63)
NUMBER_TEXT = (
    r"-?[0-9]{1,15}(\.[0-9]{1,15})?"  # a weight such as 5331149 or 0.25; "inf" and "²" are not numbers
)
DATE_TEXT = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
SNAPSHOT_KINDS = ("registry", "national", "counts")
TARGET_IDS = ("kim_total", "kim_per_desa", "kim_per_kecamatan", "kim_new_per_year", "spm_kecamatan_coverage")


@dataclass(frozen=True)
class Col:
    name: str
    kind: str = "text"  # text | code:<level> | int | year | float | date | source | fields | choice
    required: bool = True  # the column must be present
    nullable: bool = False  # the cell may be empty
    unique: bool = False
    ref: str | None = None  # code must exist in this reference level
    choices: tuple[str, ...] = ()


_POINT = (Col("lat", "float"), Col("lon", "float"), Col("area_km2", "float"))
SPECS: dict[str, tuple[Col, ...]] = {
    "provinces": (Col("code", "code:province", unique=True), Col("name"), *_POINT),
    "regencies": (
        Col("code", "code:regency", unique=True),
        Col("name"),
        Col("type", "choice", choices=("Kabupaten", "Kota")),
        Col("province_code", "code:province", ref="province"),
        *_POINT,
    ),
    "kecamatan": (
        Col("code", "code:kecamatan", unique=True),
        Col("name"),
        Col("regency_code", "code:regency", ref="regency"),
        Col("desa_count", "int"),
        Col("kelurahan_count", "int"),
        *_POINT,
    ),
    "desa": (
        Col("code", "code:desa", unique=True),
        Col("name"),
        Col("type", "choice", choices=("desa", "kelurahan", "desa_adat")),  # desa adat: customary desa
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
        # a published KIM may be known by name and kecamatan only: the rest stays unknown, never invented
        Col("desa_code", "code:desa", ref="desa", nullable=True),
        Col("year_formed", "year", nullable=True),
        Col("status", "choice", nullable=True, choices=STATUSES),
        Col("fields", "fields", nullable=True),
        Col("source", "source"),
    ),
    "counts": (
        Col("kecamatan_code", "code:kecamatan", unique=True, ref="kecamatan"),
        Col("count", "int"),
        Col("source", "source"),
        Col("as_of", "date", required=False, nullable=True),
        Col("note", required=False, nullable=True),
    ),
    "history": (
        Col("regency_code", "code:regency", ref="regency"),
        Col("as_of", "date", nullable=True),
        Col("count", "int"),
        Col("counted_by"),
        Col("source", "source"),
        Col("note", required=False, nullable=True),
    ),
    "targets": (
        Col("regency_code", "code:regency", ref="regency"),
        Col("id", "choice", choices=TARGET_IDS),
        Col("value", "float"),
        Col("deadline", "year", nullable=True),
        Col("source", "source"),
        Col("note", required=False, nullable=True),
    ),
    "facts": (
        Col("kind", "choice", choices=SNAPSHOT_KINDS),
        Col("as_of", "date"),
        Col("regency_code", "code:regency", nullable=True),
        Col(
            "figure",
            "choice",
            choices=(
                "total_kim",
                "regencies_with_kim",
                "provinces_with_kim",
                "band_count",
                "rank",
                "kecamatan_with_kim",
            ),
        ),
        Col("subject", nullable=True),
        Col("value", "int"),
        Col("source", "source"),
    ),
    "seed": (
        Col("file"),
        Col("kind", "choice", choices=SNAPSHOT_KINDS),
        Col("regency_code", "code:regency", ref="regency", nullable=True),
        Col("as_of", "date"),
        Col("note", nullable=True),
    ),
    "weights": (
        Col("code", "code:kecamatan", unique=True, ref="kecamatan"),
        Col("weight", "float"),
        Col("name", required=False, nullable=True),
        Col("current", "int", required=False),
    ),
}


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
    shaped = s.str.fullmatch(DATE_TEXT).fillna(False)
    padded = s.where(shaped, "").map(lambda v: (v + "-01-01"[len(v) - 4 :]) if v else "")
    parsed = pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")
    return shaped & parsed.notna()


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
        checks.append(_vector(lambda s: (s == "illustrative") | s.str.startswith("published:"), "bad_source"))
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
        if col.kind == "int":
            out[col.name] = out[col.name].astype("int64")
        elif col.kind == "year":  # may be unknown: nullable integer, never an invented year
            out[col.name] = pd.to_numeric(out[col.name].replace("", None)).astype("Int64")
        elif col.kind == "float":
            out[col.name] = out[col.name].astype("float64")
    return out[[c.name for c in SPECS[kind]]]
