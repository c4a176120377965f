"""The one reader of uploaded tables: CSV/TXT, XLSX, XLS and ODS bytes -> rows of text cells.

Every input is hostile until read. Costs are bounded by a Budget counted while reading (not by
sizes a file claims), spreadsheets are pre-scanned and then parsed by python-calamine in a child
process with memory and time limits, and anything refused is a DatasetError of Problems naming
the file, row and column, never a library traceback.

    read_table(raw, file, sheet=None, budget=DEFAULT_BUDGET) -> list[list[str]]
    sheet_names(raw, file) -> list[str]
    check_zip(raw, file, budget=DEFAULT_BUDGET) -> zipfile.ZipFile
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.readers.books import read_sheet, spreadsheet_names
from kim_dash.sources.readers.budget import DEFAULT_BUDGET, UPLOAD_MB, Budget, refuse
from kim_dash.sources.readers.cells import cell_text, column_letter
from kim_dash.sources.readers.text import BINARY_MAGIC, csv_rows
from kim_dash.sources.readers.zipped import check_zip

__all__ = [
    "UPLOAD_MB",
    "BINARY_MAGIC",
    "DEFAULT_BUDGET",
    "Budget",
    "cell_text",
    "check_zip",
    "column_letter",
    "read_table",
    "sheet_names",
]

TEXT_TYPES = ("csv", "txt", "tsv")
SHEET_TYPES = ("xlsx", "ods", "xls")
SAVE_AS = (  # spreadsheets we do not read: the how-to says how to make an .xlsx of them
    "xlsm",
    "xlsb",
    "xltx",
    "xltm",
    "xlt",
    "xla",
    "xlam",
    "xlw",
    "numbers",
    "ots",
    "fods",
    "sxc",
    "et",
    "ett",
    "dbf",
    "wks",
    "wk1",
    "wk3",
    "wk4",
    "123",
    "qpw",
    "slk",
    "sylk",
    "dif",
    "gsheet",
)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # what openpyxl cannot write into an XLSX
MAX_CONTROL_PROBLEMS = 20


def _extension(file: str) -> str:
    return PurePosixPath(file.replace("\\", "/")).suffix.lower().lstrip(".")


def _check_size(raw: bytes, file: str, budget: Budget) -> None:
    if len(raw) > budget.max_bytes:
        limit = f"{budget.max_bytes / 1024 / 1024:g} MB"
        refuse(file, "too_large", value=limit, detail=f"{len(raw) / 1024 / 1024:.1f} MB")


def _escaped(text: str) -> str:
    return CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text[:80])


def check_control(rows: list[list[str]], file: str) -> None:
    """Control characters break an XLSX extract later: each is a Problem now (20, then a count)."""
    problems: list[Problem] = []
    more = 0
    for number, cells in enumerate(rows, start=1):
        if not CONTROL.search("\t".join(cells)):
            continue
        for position, cell in enumerate(cells, start=1):
            if CONTROL.search(cell):
                if len(problems) < MAX_CONTROL_PROBLEMS:
                    column = column_letter(position)
                    problems.append(Problem(file, number, column, _escaped(cell), "control_character"))
                else:
                    more += 1
    if more:
        problems.append(Problem(file, None, None, str(more), "control_character_more"))
    if problems:
        raise DatasetError(problems)


def read_table(
    raw: bytes, file: str, sheet: str | None = None, budget: Budget = DEFAULT_BUDGET
) -> list[list[str]]:
    """Rows of text cells from an upload: row i is spreadsheet row i+1 (blank rows kept, trailing
    empty cells dropped); `sheet` picks a worksheet (default: the first). DatasetError if refused."""
    _check_size(raw, file, budget)
    extension = _extension(file)
    if extension in SHEET_TYPES:
        rows = read_sheet(raw, file, extension, sheet, budget)
    elif extension in TEXT_TYPES:
        rows = csv_rows(raw, file, budget)
    elif extension in SAVE_AS:
        refuse(file, "save_as_xlsx", value=extension)
    else:
        refuse(file, "unsupported", value=extension or file[-20:])
    check_control(rows, file)
    return rows


def sheet_names(raw: bytes, file: str, budget: Budget = DEFAULT_BUDGET) -> list[str]:
    """The worksheets of a spreadsheet upload, in order ([] for CSV/TXT). DatasetError if refused."""
    _check_size(raw, file, budget)
    extension = _extension(file)
    if extension in SHEET_TYPES:
        return spreadsheet_names(raw, file, extension, budget)
    if extension in TEXT_TYPES:
        return []
    if extension in SAVE_AS:
        refuse(file, "save_as_xlsx", value=extension)
    refuse(file, "unsupported", value=extension or file[-20:])
