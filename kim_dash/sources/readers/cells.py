"""Cell values as a person typed them, row budgets, and the sandboxed spreadsheet worker.

Standard library only (plus python_calamine inside the worker): the parent runs this file as a script
in a child process (`python -I cells.py ...`), where the kim_dash package is not importable. The
child exists because python-calamine can abort the whole process on hostile input (a Rust
allocation failure is not an exception): a 5.6 KB .xls with one cell at column 65536, or an XLSX
whose sharedStrings claims 10^14 entries. Limits set here make such a file cost one dead child.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

Breach = tuple[str, int | None, str | None, str | None, str]  # reason, row, column, value, detail


def column_letter(number: int) -> str:
    """1 -> A, 27 -> AA: how a spreadsheet names a column."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_text(value: object) -> str:
    """A cell as typed: 12 not 12.0, ISO dates, TRUE/FALSE, no surrounding whitespace."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:  # beyond, repr is 1e+16 (no ".0")
            return str(int(value))
        return repr(value)  # shortest round-trip form
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return f"{value.date().isoformat()} {value.time().isoformat(timespec='seconds')}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    return str(value).strip()


class RowBudget:
    """Checks rows as they are produced and names the first breach (its row and column)."""

    def __init__(self, max_rows: int, max_columns: int, max_cell_chars: int, max_text_chars: int):
        self.limits = (max_rows, max_columns, max_cell_chars, max_text_chars)
        self.rows = 0
        self.chars = 0

    @property
    def keep(self) -> bool:
        """Whether the last row counted fits (blank rows past the limit are dropped, not kept)."""
        return self.rows <= self.limits[0]

    def add(self, cells: list[str]) -> Breach | None:
        """Count one row (trailing empty cells are dropped in place); a breach or None."""
        max_rows, max_columns, max_cell_chars, max_text_chars = self.limits
        self.rows += 1
        while cells and not cells[-1]:
            cells.pop()
        if self.rows > max_rows and cells:
            return ("too_many_rows", self.rows, None, str(max_rows), "")
        if len(cells) > max_columns:
            return (
                "too_many_columns",
                self.rows,
                column_letter(max_columns + 1),  # the first column past the limit
                str(max_columns),
                str(len(cells)),
            )
        for position, cell in enumerate(cells, start=1):
            if len(cell) > max_cell_chars:
                excerpt = cell[:40] + "…"
                return (
                    "cell_too_long",
                    self.rows,
                    column_letter(position),
                    excerpt,
                    f"{len(cell)} > {max_cell_chars}",
                )
            self.chars += len(cell)
        if self.chars > max_text_chars:
            return ("too_much_text", self.rows, None, str(max_text_chars), "")
        return None


def _sheet(book, wanted: str) -> tuple[str | None, Breach | None]:
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    sheets = [
        (m.name, m.typ == SheetTypeEnum.WorkSheet, m.visible == SheetVisibleEnum.Visible)
        for m in book.sheets_metadata
    ]
    if wanted:
        found = next((s for s in sheets if s[0] == wanted), None)
        if found is None:
            return None, ("no_such_sheet", None, None, wanted, ", ".join(s[0] for s in sheets))
        return (wanted, None) if found[1] else (None, ("not_a_worksheet", None, None, wanted, ""))
    # the first visible worksheet (a hidden first sheet often holds lookup lists), else the first
    first = next((s[0] for s in sheets if s[1] and s[2]), None) or next((s[0] for s in sheets if s[1]), None)
    return (first, None) if first is not None else (None, ("no_worksheet", None, None, None, ""))


def _read(book, wanted: str, budget: RowBudget) -> dict:
    name, breach = _sheet(book, wanted)
    if breach or name is None:
        return {"problem": breach}
    sheet = book.get_sheet_by_name(name)
    if sheet.start is None or sheet.end is None:
        return {"problem": ("empty_sheet", None, None, name, "")}
    (top, left), (bottom, right) = sheet.start, sheet.end
    max_rows, max_columns = budget.limits[:2]
    if bottom + 1 > max_rows:  # known before any row is built: nothing large is made in Python
        return {"problem": ("too_many_rows", bottom + 1, None, str(max_rows), "")}
    if right + 1 > max_columns:
        return {
            "problem": ("too_many_columns", None, column_letter(right + 1), str(max_columns), str(right + 1))
        }
    rows = []
    for values in sheet.iter_rows():  # rows above `top` come back empty, so numbering stays true
        cells = [""] * left + [cell_text(v) for v in values]
        breach = budget.add(cells)
        if breach:
            return {"problem": breach}
        rows.append(cells)
    return {"rows": rows, "sheet": name, "top": top}


def _limit(memory: int, seconds: int) -> None:
    try:
        import resource
    except ImportError:  # not on POSIX: still a separate process, without the limits
        return
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # writes nothing but its answer on the pipe


def main(argv: list[str]) -> None:
    """Child process: limits first, then one workbook from stdin, one JSON answer on stdout."""
    mode, wanted, *numbers = argv[1:]
    max_rows, max_columns, max_cell_chars, max_text_chars, memory, seconds = (int(n) for n in numbers)
    _limit(memory, seconds)
    raw = sys.stdin.buffer.read()
    try:
        from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum

        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        except PasswordError:
            answer: dict = {"problem": ("password", None, None, None, "")}
        else:
            if mode == "names":
                kinds = book.sheets_metadata
                answer = {"sheets": [m.name for m in kinds if m.typ == SheetTypeEnum.WorkSheet]}
            else:
                budget = RowBudget(max_rows, max_columns, max_cell_chars, max_text_chars)
                answer = _read(book, wanted, budget)
    except BaseException as err:  # PanicException is a BaseException; all end here
        answer = {"error": f"{type(err).__name__}: {str(err)[:200]}"}
    rows = answer.pop("rows", [])
    answer["count"] = len(rows)
    out = sys.stdout
    out.write(json.dumps(answer) + "\n")  # then one line per row: the parent decodes them one by one
    out.writelines(json.dumps(row) + "\n" for row in rows)


if __name__ == "__main__":
    main(sys.argv)
