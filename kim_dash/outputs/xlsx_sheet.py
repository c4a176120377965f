"""A typed XLSX sheet with the same bytes for the same table (fixed document dates and zip times)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from kim_dash.i18n import DECIMALS, PERCENT_DECIMALS

FIXED_DATE = dt.datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no clock inside the file
FORMATS = {
    "int": "0",
    "year": "0",
    "signed": "+0;-0;0",
    "decimal": "0." + "0" * DECIMALS,
    "percent": "0." + "0" * PERCENT_DECIMALS + "%",
}


def _cell(value: Any, kind: str) -> object:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # never a crash on a control character
    if value is None or pd.isna(value):
        return None
    if kind in ("int", "year", "signed"):
        return int(value)
    if kind == "decimal":
        return round(float(value), DECIMALS)
    if kind == "percent":
        return round(float(value), PERCENT_DECIMALS + 2)
    return value


def stable_zip(data: bytes) -> bytes:
    """The same archive with every member's time fixed, so two writes of one table are identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock on save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            target.writestr(fixed, data)
    return out.getvalue()


def write_xlsx(titles: list[str], columns: list[tuple[str, list]], sheet: str = "data") -> bytes:
    book = Workbook()
    worksheet = book.active
    worksheet.title = ILLEGAL_CHARACTERS_RE.sub("", sheet)[:31] or "data"
    worksheet.append([ILLEGAL_CHARACTERS_RE.sub("\ufffd", t) for t in titles])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    rows = len(columns[0][1]) if columns else 0
    for r in range(rows):
        worksheet.append([_cell(values[r], kind) for kind, values in columns])
    for index, (kind, values) in enumerate(columns, start=1):
        letter = worksheet.cell(row=1, column=index).column_letter
        number_format = FORMATS.get(kind, "@")  # codes and text stay text: 32.01 is not a number
        for cell in worksheet[letter][1:]:
            cell.number_format = number_format
        width = max([len(str(titles[index - 1]))] + [len(str(v)) for v in values[:200]])
        worksheet.column_dimensions[letter].width = min(max(width + 2, 8), 60)
    worksheet.freeze_panes = "A2"
    book.properties.created = book.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())
