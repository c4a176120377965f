"""Streaming pre-scans of XLSX parts, before calamine is trusted with them.

Each scan walks the real (decompressed, size-checked) XML in pieces with expat and follows cell
positions exactly as calamine's reader does, counting only cells that hold something; the claimed
`<dimension>` plays no part. It stops at the first cell past the budget and names it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from kim_dash.readers.budget import Budget, refuse
from kim_dash.readers.cells import column_letter
from kim_dash.readers.zipped import find_member, member_chunks

MAX_SHEETS = 1_000
_REF = re.compile(r"([A-Za-z]{0,4})([0-9]{1,8})")
COUNT = re.compile(r"\+?[0-9]{1,15}")


def local(name: str) -> str:
    return name.rpartition(":")[2]


def parse(
    chunks: Iterator[bytes],
    file: str,
    part: str,
    start: Callable,
    end: Callable | None = None,
    text: Callable | None = None,
) -> None:
    """Feed `chunks` to a fresh expat parser; a DOCTYPE (entity tricks) or bad XML is refused."""
    parser = expat.ParserCreate()  # no namespace processing: names keep their prefix, as calamine sees them
    parser.buffer_text = True
    parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if text:
        parser.CharacterDataHandler = text

    def doctype(*_: object) -> None:
        refuse(file, "bad_spreadsheet", detail=f"{part}: DOCTYPE")

    parser.StartDoctypeDeclHandler = doctype
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as err:
        refuse(file, "bad_spreadsheet", detail=f"{part}: {expat.ErrorString(err.code)} (line {err.lineno})")


def part_chunks(
    raw: bytes, archive: zipfile.ZipFile, path: str, file: str, budget: Budget
) -> Iterator[bytes]:
    info = find_member(archive, path)
    if info is None:
        refuse(file, "bad_spreadsheet", detail=f"missing part {path[:120]}")
    return member_chunks(raw, info, file, budget.max_unzipped_bytes)


def position(ref: str, file: str, need_column: bool) -> tuple[int, int | None]:
    """'AB12' -> (11, 27), 0-based as calamine counts; absurd references are refused as too far."""
    match = _REF.fullmatch(ref)
    if not match or int(match[2]) == 0 or (need_column and not match[1]):
        refuse(file, "bad_spreadsheet", detail=f"cell reference '{ref[:20]}'")
    column = 0
    for letter in match[1].upper():
        column = column * 26 + ord(letter) - 64
    return int(match[2]) - 1, (column - 1 if match[1] else None)


@dataclass
class Sheet:
    name: str
    kind: str  # worksheet, chartsheet, dialogsheet
    path: str


def xlsx_sheets(raw: bytes, archive: zipfile.ZipFile, file: str, budget: Budget) -> tuple[str, list[Sheet]]:
    """The workbook's folder and its sheets in order, resolved the way calamine resolves them."""
    targets: list[str] = []
    relations: dict[str, tuple[str, str]] = {}
    sheets: list[tuple[str, str]] = []

    def package(name: str, attrs: dict[str, str]) -> None:
        if local(name) == "Relationship" and attrs.get("Type", "").endswith("/relationships/officeDocument"):
            targets.append(attrs.get("Target", ""))

    def relation(name: str, attrs: dict[str, str]) -> None:
        if local(name) == "Relationship" and "Id" in attrs and len(relations) < 4 * MAX_SHEETS:
            relations[attrs["Id"]] = (attrs.get("Target", ""), attrs.get("Type", ""))

    def sheet(name: str, attrs: dict[str, str]) -> None:
        if local(name) == "sheet":
            if len(sheets) >= MAX_SHEETS:
                refuse(file, "too_many_sheets", value=str(MAX_SHEETS))
            rel = next((v for k, v in attrs.items() if local(k) == "id"), "")
            sheets.append((attrs.get("name", ""), rel))

    parse(part_chunks(raw, archive, "_rels/.rels", file, budget), file, "_rels/.rels", package)
    if not targets:
        refuse(file, "bad_spreadsheet", detail="no workbook part")
    target = targets[-1]
    folder = target[: target.rfind("/") + 1].removeprefix("/")
    for path, handler in ((f"{folder}_rels/workbook.xml.rels", relation), (f"{folder}workbook.xml", sheet)):
        parse(part_chunks(raw, archive, path, file, budget), file, path, handler)
    found = []
    for name, rel in sheets:
        if rel not in relations:
            refuse(file, "bad_spreadsheet", detail=f"sheet '{name[:60]}' has no part")
        where, kind = relations[rel]
        kind = kind.rsplit("/", 1)[-1]
        if kind not in ("worksheet", "chartsheet", "dialogsheet"):
            refuse(file, "bad_spreadsheet", detail=f"sheet '{name[:60]}' is a {kind[:40]}")
        found.append(Sheet(name, kind, where[1:] if where.startswith("/") else folder + where))
    return folder, found


def scan_strings(chunks: Iterator[bytes], file: str, budget: Budget) -> None:
    """sharedStrings: calamine reserves room for `uniqueCount` strings up front (10^14 aborts the
    process), then keeps every string; both are bounded by one sheet's worth of cells."""
    count = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count
        tag = local(name)
        claimed = attrs.get("uniqueCount", "") if tag == "sst" else ""
        if claimed and (not COUNT.fullmatch(claimed) or int(claimed) > budget.max_cells):
            refuse(file, "too_many_cells", value=str(budget.max_cells), detail=claimed[:20])
        if tag == "si":
            count += 1
            if count > budget.max_cells:
                refuse(file, "too_many_cells", value=str(budget.max_cells))

    parse(chunks, file, "sharedStrings.xml", start)


@dataclass
class CellScan:
    """One worksheet's cells, at the positions calamine's XlsxCellReader gives them."""

    file: str
    budget: Budget
    row: int = 0  # calamine's row_index / col_index: 0-based, for cells without an `r`
    col: int = 0
    cell: tuple[int, int] | None = None
    filled: bool = False
    is_error: bool = False
    collecting: bool = False
    cells: int = 0
    text: list[str] = field(default_factory=list)
    errors: dict[tuple[int, int], str] = field(
        default_factory=dict
    )  # error cells (#N/A): calamine drops them

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        if self.cell is not None:
            self.filled = True  # <v>, <is> or <f>: calamine keeps the cell
            self.collecting = self.is_error and tag == "v"
        elif tag == "row" and "r" in attrs:
            self.row = position(attrs["r"], self.file, need_column=False)[0]
        elif tag == "c":
            if "r" in attrs:
                row, col = position(attrs["r"], self.file, need_column=True)
                self.col = col or 0
                self.cell = (row, self.col)
            else:
                self.cell = (self.row, self.col)
            self.filled, self.is_error, self.text = False, attrs.get("t") == "e", []

    def end(self, name: str) -> None:
        tag = local(name)
        if tag == "v":
            self.collecting = False
        elif tag == "c" and self.cell is not None:
            if self.filled:
                self._count(*self.cell)
            self.cell = None
            self.col += 1
        elif tag == "row" and self.cell is None:
            self.row += 1
            self.col = 0

    def chars(self, data: str) -> None:
        if self.collecting and len(self.text) < 4:
            self.text.append(data[:40])

    def _count(self, row: int, col: int) -> None:
        budget = self.budget
        if row + 1 > budget.max_rows:
            refuse(self.file, "too_many_rows", value=str(budget.max_rows), row=row + 1)
        if col + 1 > budget.max_columns:
            refuse(
                self.file,
                "too_many_columns",
                str(budget.max_columns),
                str(col + 1),
                row + 1,
                column_letter(col + 1),
            )
        self.cells += 1
        if self.cells > budget.max_cells:
            refuse(self.file, "too_many_cells", value=str(budget.max_cells), row=row + 1)
        if self.is_error and self.text and len(self.errors) < budget.max_cells:
            self.errors[(row, col)] = "".join(self.text).strip()[:40]


def scan_sheet(chunks: Iterator[bytes], file: str, budget: Budget, part: str) -> CellScan:
    scan = CellScan(file, budget)
    parse(chunks, file, part, scan.start, scan.end, scan.chars)
    return scan
