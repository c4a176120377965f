"""Streaming pre-scans of XLSX parts, before calamine is trusted with them.

Each scan walks the real (decompressed, size-checked) XML in pieces with expat and follows cell
positions exactly as calamine's reader does, counting only cells that hold something; the claimed
`<dimension>` plays no part. It stops at the first cell past the budget and names it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.parsers import expat

from kim_dash.sources.readers.budget import Budget, refuse
from kim_dash.sources.readers.cells import column_letter
from kim_dash.sources.readers.zipped import find_member, member_chunks

MAX_SHEETS = 1_000
COUNT = re.compile(r"\+?[0-9]{1,15}")


def local(name: str) -> str:
    return name.rpartition(":")[2]


def new_parser(file: str, part: str) -> expat.XMLParserType:
    """An expat parser that refuses a DOCTYPE (entity tricks); names keep their prefix, as
    calamine sees them (no namespace processing)."""
    parser = expat.ParserCreate()
    parser.buffer_text = True

    def doctype(*_: object) -> None:
        refuse(file, "bad_spreadsheet", detail=f"{part}: DOCTYPE")

    parser.StartDoctypeDeclHandler = doctype
    return parser


def feed(parser: expat.XMLParserType, chunks: Iterator[bytes], file: str, part: str) -> None:
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as err:
        refuse(file, "bad_spreadsheet", detail=f"{part}: {expat.ErrorString(err.code)} (line {err.lineno})")


def parse(
    chunks: Iterator[bytes], file: str, part: str, start: Callable, end: Callable | None = None
) -> None:
    """Feed `chunks` to a fresh parser calling `start(name, attrs)` (and `end(name)`)."""
    parser = new_parser(file, part)
    parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    feed(parser, chunks, file, part)


def part_chunks(
    raw: bytes, archive: zipfile.ZipFile, path: str, file: str, budget: Budget
) -> Iterator[bytes]:
    info = find_member(archive, path)
    if info is None:
        refuse(file, "bad_spreadsheet", detail=f"missing part {path[:120]}")
    return member_chunks(raw, info, file, budget.max_unzipped_bytes)


_REF = re.compile(r"([A-Za-z]{0,4})([0-9]{1,8})").fullmatch
_COLUMNS: dict[str, int] = {}


def position(ref: str, file: str, need_column: bool) -> tuple[int, int]:
    """'AB12' -> (11, 27), 0-based as calamine counts (column -1 when there are no letters)."""
    match = _REF(ref)
    if match is None:
        refuse(file, "bad_spreadsheet", detail=f"cell reference '{ref[:20]}'")
    letters, digits = match.groups()
    row = int(digits) - 1
    if row < 0 or (need_column and not letters):
        refuse(file, "bad_spreadsheet", detail=f"cell reference '{ref[:20]}'")
    column = _COLUMNS.get(letters)
    if column is None:
        column = -1
        for letter in letters.upper():
            column = (column + 1) * 26 + ord(letter) - 65
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = column
    return row, column


@dataclass
class Sheet:
    name: str
    kind: str  # worksheet, chartsheet, dialogsheet
    path: str
    visible: bool = True


def xlsx_sheets(raw: bytes, archive: zipfile.ZipFile, file: str, budget: Budget) -> tuple[str, list[Sheet]]:
    """The workbook's folder and its sheets in order, resolved the way calamine resolves them."""
    targets: list[str] = []
    relations: dict[str, tuple[str, str]] = {}
    sheets: list[tuple[str, str, bool]] = []

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
            sheets.append((attrs.get("name", ""), rel, attrs.get("state", "visible") == "visible"))

    parse(part_chunks(raw, archive, "_rels/.rels", file, budget), file, "_rels/.rels", package)
    if not targets:
        refuse(file, "bad_spreadsheet", detail="no workbook part")
    target = targets[-1]
    folder = target[: target.rfind("/") + 1].removeprefix("/")
    for path, handler in ((f"{folder}_rels/workbook.xml.rels", relation), (f"{folder}workbook.xml", sheet)):
        parse(part_chunks(raw, archive, path, file, budget), file, path, handler)
    found = []
    for name, rel, visible in sheets:
        if rel not in relations:
            refuse(file, "bad_spreadsheet", detail=f"sheet '{name[:60]}' has no part")
        where, kind = relations[rel]
        kind = kind.rsplit("/", 1)[-1]
        if kind not in ("worksheet", "chartsheet", "dialogsheet"):
            refuse(file, "bad_spreadsheet", detail=f"sheet '{name[:60]}' is a {kind[:40]}")
        found.append(Sheet(name, kind, where[1:] if where.startswith("/") else folder + where, visible))
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
class SheetCells:
    cells: int  # cells holding something
    errors: dict[tuple[int, int], str]  # error cells (#N/A) by 0-based position: calamine drops them


def scan_sheet(chunks: Iterator[bytes], file: str, budget: Budget, part: str) -> SheetCells:
    """One worksheet's cells at the positions calamine's XlsxCellReader gives them: a `<c>`
    without `r` sits after the previous cell, a `<row>` without `r` after the previous row.
    Written with closures over locals because it runs once per XML element."""
    max_rows, max_columns, max_cells = budget.max_rows, budget.max_columns, budget.max_cells
    row = col = count = 0  # calamine's row_index / col_index, 0-based
    cell: tuple[int, int] | None = None
    filled = is_error = False
    errors: dict[tuple[int, int], str] = {}
    text: list[str] = []
    parser = new_parser(file, part)

    def chars(data: str) -> None:  # only inside an error cell's <v>
        if len(text) < 4:
            text.append(data[:40])

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal row, col, cell, filled, is_error, text
        if cell is not None:
            filled = True  # <v>, <is> or <f> inside: calamine keeps the cell
            if is_error and local(name) == "v":
                parser.CharacterDataHandler = chars
            return
        tag = local(name) if ":" in name else name
        if tag == "c":
            ref = attrs.get("r")
            if ref is not None:
                cell = position(ref, file, need_column=True)
                col = cell[1]
            else:
                cell = (row, col)
            filled, is_error = False, attrs.get("t") == "e"
            text = []
        elif tag == "row" and "r" in attrs:
            row = position(attrs["r"], file, need_column=False)[0]

    def end(name: str) -> None:
        nonlocal row, col, cell, count
        tag = local(name) if ":" in name else name
        if cell is None:
            if tag == "row":
                row, col = row + 1, 0
            return
        if tag == "v":
            parser.CharacterDataHandler = None
        elif tag == "c":
            if filled:
                at_row, at_col = cell
                if at_row >= max_rows:
                    refuse(file, "too_many_rows", value=str(max_rows), row=at_row + 1)
                if at_col >= max_columns:
                    limit, where = str(max_columns), column_letter(at_col + 1)
                    refuse(file, "too_many_columns", limit, str(at_col + 1), at_row + 1, where)
                count += 1
                if count > max_cells:
                    refuse(file, "too_many_cells", value=str(max_cells), row=at_row + 1)
                if is_error and text:
                    errors[cell] = "".join(text).strip()[:40]
            cell = None
            col += 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    feed(parser, chunks, file, part)
    return SheetCells(count, errors)
