"""Extract tables as CSV or XLSX bytes, safe to open in Excel, with stable snake_case columns."""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd

from kim_dash.coverage import KECAMATAN_COLUMNS, kecamatan_table, registry_in
from kim_dash.data import Dataset
from kim_dash.names import normalise
from kim_dash.ranking import RANKING_COLUMNS, RankingFilter, filter_ranking, national_ranking

# OWASP CSV injection: a cell starting with one of these can run as a formula in a spreadsheet
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REGISTRY_COLUMNS = [
    "id",
    "name",
    "kecamatan_code",
    "kecamatan",
    "desa_code",
    "desa",
    "year_formed",
    "status",
    "fields",
    "source",
]


def neutralise(value: object) -> object:
    """Prefix a formula-like text cell with an apostrophe so spreadsheets show it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Neutralise every text cell (and header); numbers stay numbers."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_string_dtype(values):  # vectorised: 10,000-row registries stay fast
            text = values.astype("str")
            risky = text.str.startswith(FORMULA_START).fillna(False)
            out[column] = values.where(~risky, "'" + text)
        else:
            out[column] = values.map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (so Excel shows Indonesian names right), comma-separated, formula-safe."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_frame(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
        props = writer.book.properties
        props.created = props.modified = dt.datetime(2000, 1, 1)  # same table, same bytes
    return buffer.getvalue()


def to_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv_bytes(frame)
    if fmt == "xlsx":
        return to_xlsx_bytes(frame)
    raise ValueError(f"unknown format {fmt!r}")


def file_name(stem: str, slug: str, fmt: str, today: dt.date | None = None) -> str:
    """'kim_peringkat_32_2026-11-29.csv': what, which filter, when."""
    day = (today or dt.date.today()).isoformat()
    clean = re.sub(r"[^0-9A-Za-z_-]+", "-", slug).strip("-")[:80] or "semua"
    return f"{stem}_{clean}_{day}.{fmt}"


def ranking_extract(dataset: Dataset, flt: RankingFilter) -> pd.DataFrame:
    return filter_ranking(national_ranking(dataset), flt)[RANKING_COLUMNS]


def kecamatan_extract(dataset: Dataset, kecamatan: tuple[str, ...] = ()) -> pd.DataFrame:
    return kecamatan_table(dataset, kecamatan)[KECAMATAN_COLUMNS]


def registry_extract(dataset: Dataset, kecamatan: tuple[str, ...] = (), search: str = "") -> pd.DataFrame:
    """The registry with kecamatan and desa names, optionally narrowed by kecamatan and a search."""
    out = dataset.memo(("registry_extract", kecamatan), lambda: _registry_extract(dataset, kecamatan))
    if search.strip():
        key = normalise(search)
        haystack = (out["name"] + " " + out["desa"] + " " + out["fields"]).map(normalise)
        out = out[haystack.str.contains(key, regex=False)].reset_index(drop=True)
    return out


def extract_csv(dataset: Dataset, table: str, kecamatan: tuple[str, ...] = ()) -> bytes:
    """CSV bytes of an unsearched kecamatan/registry extract, made once per dataset and filter."""
    make = {"kecamatan": kecamatan_extract, "registry": registry_extract}[table]
    return dataset.memo((f"{table}_csv", kecamatan), lambda: to_csv_bytes(make(dataset, kecamatan)))


def _registry_extract(dataset: Dataset, kecamatan: tuple[str, ...]) -> pd.DataFrame:
    registry = registry_in(dataset, kecamatan)
    kecamatan_names = dataset.kecamatan.set_index("code")["name"]
    desa_names = dataset.desa.set_index("code")["name"]
    out = registry.copy()
    out["kecamatan"] = out["kecamatan_code"].map(kecamatan_names)
    out["desa"] = out["desa_code"].map(desa_names)
    return out[REGISTRY_COLUMNS].reset_index(drop=True)


def kecamatan_slug(dataset: Dataset, kecamatan: tuple[str, ...]) -> str:
    if not kecamatan:
        return "semua"
    names = dataset.kecamatan.set_index("code")["name"]
    return "-".join(str(names.get(code, code)).replace(" ", "") for code in kecamatan)
