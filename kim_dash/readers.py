"""TEMPORARY stub: replaced by the hardened reader from the `readers` branch."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from kim_dash.problems import DatasetError, Problem


@dataclass(frozen=True)
class Budget:
    max_bytes: int = 5 * 1024 * 1024
    max_rows: int = 20_000
    max_columns: int = 60
    max_cell_chars: int = 1_000


DEFAULT_BUDGET = Budget()
DATA_FILE_BUDGET = Budget(max_bytes=50 * 1024 * 1024, max_rows=200_000)


def read_table(
    raw: bytes, file: str, sheet: str | None = None, budget: Budget = DEFAULT_BUDGET
) -> list[list[str]]:
    if len(raw) > budget.max_bytes:
        raise DatasetError([Problem(file, None, None, None, "too_large")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    sample = "\n".join(text.splitlines()[:20])
    delimiter = max((";", ",", "\t"), key=sample.count)
    return [[c.strip() for c in r] for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def check_zip(raw: bytes, file: str, budget: Budget = DEFAULT_BUDGET):
    import zipfile

    return zipfile.ZipFile(io.BytesIO(raw))


def sheet_names(raw: bytes, file: str) -> list[str]:
    return []
