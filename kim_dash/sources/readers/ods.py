"""Streaming pre-scan of an ODS `content.xml`, before calamine is trusted with it.

calamine reads every sheet of an ODS when the file is opened, expands `number-rows-repeated` and
`number-columns-repeated` (up to 100 million cells) and `<text:s text:c="N"/>` (N spaces), so one
small file can claim gigabytes. This scan does the same arithmetic without building anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kim_dash.sources.readers.budget import Budget, refuse
from kim_dash.sources.readers.cells import column_letter
from kim_dash.sources.readers.scan import COUNT, MAX_SHEETS, local, parse

_VALUES = {"value", "string-value", "date-value", "time-value", "boolean-value", "formula", "value-type"}


@dataclass
class OdsScan:
    file: str
    budget: Budget
    names: list[str] = field(default_factory=list)  # sheets as calamine lists them (tables with a name)
    row: int = 0  # 0-based index of the next row in the current table
    col: int = 0
    row_start: int = 0
    row_repeats: int = 1
    row_filled: bool = False
    last_row: int = -1  # furthest row and column holding something, in the current table
    last_col: int = -1
    cells: int = 0  # rectangles of all tables so far (calamine allocates each one)

    def _repeats(self, attrs: dict[str, str], key: str) -> int:
        text = attrs.get(key, "1")
        if not COUNT.fullmatch(text):
            refuse(self.file, "bad_spreadsheet", detail=f"{key}='{text[:20]}'")
        return int(text)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        if tag in ("table-cell", "covered-table-cell"):
            self._cell(attrs)
        elif tag == "table-row":
            self.row_start, self.row_filled, self.col = self.row, False, 0
            self.row_repeats = self._repeats(attrs, "table:number-rows-repeated")
        elif tag == "s" and self._repeats(attrs, "text:c") > self.budget.max_cell_chars:
            limit = self.budget.max_cell_chars
            detail = f"{attrs['text:c'][:15]} > {limit}"
            refuse(self.file, "cell_too_long", None, detail, self.row_start + 1, column_letter(self.col))
        elif tag == "table":
            if "table:name" in attrs:
                if len(self.names) >= MAX_SHEETS:
                    refuse(self.file, "too_many_sheets", value=str(MAX_SHEETS))
                self.names.append(attrs["table:name"])
            self.row, self.last_row, self.last_col = 0, -1, -1

    def _cell(self, attrs: dict[str, str]) -> None:
        first = self.col
        self.col += self._repeats(attrs, "table:number-columns-repeated")
        if not any(local(key) in _VALUES for key in attrs):
            return  # empty cells are not kept unless something follows them
        if self.col > self.budget.max_columns:
            column = column_letter(max(first + 1, self.budget.max_columns + 1))
            limit = str(self.budget.max_columns)
            refuse(self.file, "too_many_columns", limit, str(self.col), self.row_start + 1, column)
        self.row_filled = True
        self.last_col = max(self.last_col, self.col - 1)

    def end(self, name: str) -> None:
        tag = local(name)
        if tag == "table-row":
            self.row = self.row_start + self.row_repeats
            if self.row_filled:
                if self.row > self.budget.max_rows:
                    row = max(self.row_start + 1, self.budget.max_rows + 1)
                    refuse(self.file, "too_many_rows", value=str(self.budget.max_rows), row=row)
                self.last_row = self.row - 1
        elif tag == "table":
            self.cells += (self.last_row + 1) * (self.last_col + 1)
            if self.cells > self.budget.max_cells:
                refuse(self.file, "too_many_cells", value=str(self.budget.max_cells))


def scan_content(chunks: Iterator[bytes], file: str, budget: Budget) -> list[str]:
    """Sheet names of an ODS whose every sheet fits the budget (all are read on opening)."""
    scan = OdsScan(file, budget)
    parse(chunks, file, "content.xml", scan.start, scan.end)
    return scan.names
