"""CSV and TXT uploads: decoded, delimiter sniffed, parsed with the csv module under the budget.

What turns up: semicolon CSVs from Indonesian Excel, UTF-8 with or without a BOM, Windows-1252
accents, Excel's "Unicode Text" (UTF-16 LE with a BOM, tab-separated), and binaries renamed .csv.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from kim_dash.sources.readers.budget import Budget, refuse
from kim_dash.sources.readers.cells import RowBudget

UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
SNIFF_LINES = 20
QUOTED = re.compile(r'"[^"]*"')
SNIFF_CHARS = 64 * 1024
DELIMITERS = (";", "\t", ",")  # ties go to the first: Indonesian Excel writes ';'
BINARY_MAGIC = {
    b"PK\x03\x04": "ZIP/XLSX",
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"\xd0\xcf\x11\xe0": "XLS",
    b"MZ": "EXE",
    b"\x7fELF": "ELF",
    b"GIF8": "GIF",
    b"Rar!": "RAR",
    b"\x1f\x8b": "GZIP",
    b"7z\xbc\xaf": "7Z",
    b"SQLite format 3": "SQLite",
}
# magic a table's first cell could begin with ("MZ …"): a binary only when control bytes follow
# (an EXE's header, a GIF's sizes, RAR's \x1a\x07 all have them within the first bytes)
SHORT_MAGIC = (b"MZ", b"GIF8", b"Rar!")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def _utf16(raw: bytes) -> str | None:
    """'utf-16' (with BOM), 'utf-16-le'/'-be' when every other byte is NUL, else None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def decode(raw: bytes, file: str) -> str:
    """Text from bytes, or a refusal naming what the bytes look like instead."""
    bom = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = CONTROL_BYTES.search(raw[:64]) is not None
    for magic, what in BINARY_MAGIC.items():
        if raw.startswith(magic) and not bom and (controls or magic not in SHORT_MAGIC):
            refuse(file, "not_text", detail=what)
    encoding = _utf16(raw)
    if encoding:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as err:
            refuse(file, "not_utf16", detail=f"{err.start}")
    if b"\x00" in raw:
        refuse(file, "binary_file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if raw.startswith(b"\xef\xbb\xbf") or UTF8_MULTIBYTE.search(raw):  # UTF-8 with a stray byte:
            line = raw[: err.start].count(b"\n") + 1  # cp1252 would turn its "é" into "Ã©": refuse
            refuse(file, "mixed_encoding", f"0x{raw[err.start]:02X}", str(err.start), row=line)
        return raw.decode("cp1252", errors="replace")  # what Indonesian Excel writes on Windows


def sniff(text: str) -> str:
    """The delimiter seen on the most of the first lines (then the most often), outside quotes:
    "Jl. Raya, No. 5" must not make a semicolon file look comma-separated."""
    sample = text[:SNIFF_CHARS].splitlines()[:SNIFF_LINES]
    lines = [QUOTED.sub("", line) for line in sample if line.strip()]
    scores = {d: (sum(d in line for line in lines), sum(line.count(d) for line in lines)) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: scores[d])
    return best if scores[best][0] else ","


class _Lines:
    """Feeds the csv reader line by line, counting, so a record's first line is known."""

    def __init__(self, text: str):
        self.source = io.StringIO(text, newline="")
        self.read = 0
        self.exhausted = False

    def __iter__(self) -> Iterator[str]:
        for line in self.source:
            self.read += 1
            yield line
        self.exhausted = True


def csv_rows(raw: bytes, file: str, budget: Budget) -> list[list[str]]:
    """Rows of stripped text cells; row i is line-record i+1, blank records kept."""
    text = decode(raw, file).removeprefix("\ufeff")
    if not text.strip():
        refuse(file, "empty_file")
    lines = _Lines(text)
    reader = csv.reader(iter(lines), delimiter=sniff(text))
    limits = RowBudget(budget.max_rows, budget.max_columns, budget.max_cell_chars, budget.max_text_chars)
    rows: list[list[str]] = []
    while True:
        first_line = lines.read
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error:  # the csv module's field limit (128 KiB): a quote that never closes, mostly
            row = limits.rows + 1
            if lines.read - first_line > 1:
                refuse(file, "unclosed_quote", row=row)
            detail = f"{csv.field_size_limit()}+ > {budget.max_cell_chars}"
            refuse(file, "cell_too_long", detail=detail, row=row)
        if lines.exhausted:  # a record that needed the end of the file ended inside quotes
            refuse(file, "unclosed_quote", row=limits.rows + 1)
        cells = [cell.strip() for cell in record]
        breach = limits.add(cells)
        if breach is not None:
            reason, at_row, column, value, detail = breach
            refuse(file, reason, value, detail, at_row, column)
        if limits.keep:
            rows.append(cells)
    return rows
