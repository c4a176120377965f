"""Write extract tables as bytes: machine CSV, or CSV/XLSX for people in their language.

For people (the pages' downloads, `export --lang id|en`): translated headers and values, numbers
rounded as on screen, percentages as percentages. Indonesian CSV uses `;` between fields and `,` as
the decimal mark (what Excel expects under an Indonesian locale); English uses `,` and `.`. The
machine form (the CLI's default) keeps snake_case headers and raw values in RFC 4180 CSV. Every text
cell that could run as a formula is neutralised, and the same table always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pandas as pd

from kim_dash.i18n import DECIMALS, PERCENT_DECIMALS, t
from kim_dash.outputs.extract_tables import kind_of
from kim_dash.outputs.xlsx_sheet import write_xlsx
from kim_dash.sources.provenance import SourceKind, mix_of, reference_of, source_kind

# OWASP CSV injection: a cell starting with one of these can run as a formula in a spreadsheet
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SEPARATORS = {"id": (";", ","), "en": (",", ".")}  # field separator, decimal mark


def neutralise(value: str) -> str:
    """Prefix a formula-like text cell with an apostrophe so spreadsheets show it as text."""
    return "'" + value if value.startswith(FORMULA_START) else value


def source_label(source: str, lang: str) -> str:
    """'published:ref' -> 'terbit: ref'; 'illustrative' -> 'ilustratif'; a mix in plain words with its
    count: 'sebagian besar ilustratif (133 dari 136 baris)' (the machine form keeps 'published 3 /
    illustrative 133')."""
    kind, ref, mix = source_kind(source), reference_of(source), mix_of(source)
    if ref is not None:
        return t("source.published_ref", lang, ref=ref)
    if mix is not None:
        published, illustrative = mix
        key = "source.mostly_illustrative" if illustrative > published else "source.partly_illustrative"
        return t(key, lang, illustrative=illustrative, rows=published + illustrative)
    if kind is SourceKind.SETTING:
        return t("source.setting", lang)
    if kind is SourceKind.STATEMENT:
        return t("source.statement", lang)
    return t("source.illustrative", lang) if kind is SourceKind.ILLUSTRATIVE else source


def header(column: str, table: str, lang: str) -> str:
    """A column's title in `lang`; a table may name a column its own way (col.<table>.<column>)."""
    from kim_dash.strings import STRINGS

    key = f"col.{table}.{column}"
    return t(key if key in STRINGS else f"col.{column}", lang)


def _number(value: Any, digits: int, mark: str) -> str:
    if value is None or pd.isna(value):
        return ""
    text = f"{round(float(value), digits):.{digits}f}" if digits else str(int(round(float(value))))
    return text.replace(".", mark)


def localised_cell(value: Any, kind: str, lang: str, mark: str) -> str:
    """One cell as text for a CSV read by people (numbers without thousands separators)."""
    if kind in ("int", "year", "signed"):
        return _number(value, 0, mark)
    if kind == "decimal":
        return _number(value, DECIMALS, mark)
    if kind == "percent":
        return _number(
            None if value is None or pd.isna(value) else float(value) * 100, PERCENT_DECIMALS, mark
        )
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    if kind == "source":
        return neutralise(source_label(text, lang))
    if kind.startswith("enum:"):
        return t(f"{kind[5:]}.{text or 'unknown'}", lang)
    return neutralise(text)


def localised_headers(frame: pd.DataFrame, table: str, lang: str, percent_suffix: bool) -> list[str]:
    titles = []
    for column in frame.columns:
        title = header(column, table, lang)
        titles.append(neutralise(title + (" (%)" if percent_suffix and kind_of(column) == "percent" else "")))
    return titles


def to_csv_bytes(frame: pd.DataFrame, table: str = "", lang: str | None = None) -> bytes:
    """Machine CSV (lang None: snake_case headers, raw values, comma) or the localised CSV of a page."""
    buffer = io.StringIO()
    if lang is None:
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([neutralise(str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False):
            writer.writerow([_machine_cell(v) for v in row])
        return buffer.getvalue().encode("utf-8")
    separator, mark = SEPARATORS[lang]
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(localised_headers(frame, table, lang, percent_suffix=True))
    kinds = [kind_of(c) for c in frame.columns]
    for row in frame.itertuples(index=False):
        writer.writerow([localised_cell(v, k, lang, mark) for v, k in zip(row, kinds, strict=True)])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8 (Indonesian names) right


def _machine_cell(value: object) -> object:
    if isinstance(value, str):
        return neutralise(value)
    if value is None or pd.isna(value):
        return ""
    return value


def to_xlsx_bytes(
    frame: pd.DataFrame, table: str = "", lang: str | None = None, sheet: str = "data"
) -> bytes:
    """XLSX with typed cells: codes as text, numbers as numbers, percentages with a percent format."""
    titles = (
        localised_headers(frame, table, lang, False) if lang else [neutralise(str(c)) for c in frame.columns]
    )
    columns = []
    for column in frame.columns:
        kind = kind_of(column)
        values = frame[column].tolist()
        if lang is not None and (kind in ("source", "text", "code", "date") or kind.startswith("enum:")):
            values = [localised_cell(v, kind, lang, ".") for v in values]
        elif kind in ("text", "code", "date", "source") or kind.startswith("enum:"):
            values = [
                neutralise("" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v))
                for v in values
            ]
        columns.append((kind, values))
    return write_xlsx(titles, columns, sheet)


def to_bytes(frame: pd.DataFrame, fmt: str, table: str = "", lang: str | None = None) -> bytes:
    if fmt == "csv":
        return to_csv_bytes(frame, table, lang)
    if fmt == "xlsx":
        return to_xlsx_bytes(frame, table, lang)
    raise ValueError(f"unknown format {fmt!r}")


def file_name(stem: str, slug: str, data_date: str, fmt: str) -> str:
    """'kim_kecamatan_Caringin_data-2016-12-20.xlsx': what, which selection, the data's date (not today's)."""
    clean = re.sub(r"[^0-9A-Za-z_-]+", "-", slug).strip("-")[:80] or "semua"
    date = re.sub(r"[^0-9-]", "", data_date) or "tanpa-tanggal"
    return f"{stem}_{clean}_data-{date}.{fmt}"
