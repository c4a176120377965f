"""Parse budgets for uploaded files, and the one way a reader refuses a file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from kim_dash.sources.problems import DatasetError, Problem

UPLOAD_MB = 5  # the one upload limit: tables and boundaries (.streamlit/config.toml maxUploadSize says 5 too)


@dataclass(frozen=True)
class Budget:
    """What one upload may cost. The byte limits alone do not bound parsing (a 4.7 KB XLSX can
    claim a million rows), so rows, columns and text are counted while reading."""

    max_bytes: int = UPLOAD_MB * 1024 * 1024  # the upload limit
    max_rows: int = 20_000  # spreadsheet rows, title and header included
    max_columns: int = 60
    max_cell_chars: int = 1_000
    max_unzipped_bytes: int = 50 * 1024 * 1024  # XLSX/ODS/ZIP members together
    max_zip_ratio: int = 100  # per member of more than 1 MB
    max_text_chars: int = 20_000_000  # all cells together: one shared 1,000-char string can fill every cell
    max_zip_members: int = 10_000
    worker_memory: int = 1024 * 1024 * 1024  # address space of the spreadsheet child process
    worker_seconds: int = 10  # its CPU time (a legit 5 MB file needs 1-3 s); wall clock: twice that

    @property
    def max_cells(self) -> int:
        return self.max_rows * self.max_columns


DEFAULT_BUDGET = Budget()


def refuse(
    file: str,
    reason: str,
    value: str | None = None,
    detail: str = "",
    row: int | None = None,
    column: str | None = None,
) -> NoReturn:
    """Raise the one Problem that stops reading this file."""
    raise DatasetError([Problem(file, row, column, value, reason, detail)])
