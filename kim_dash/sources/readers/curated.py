"""The data folder's own CSV files (reference geography, history, targets, seed snapshots).

They are UTF-8 and comma-separated by contract (data/README.md), and the reference geography alone has
83,762 rows, so they are parsed by pandas' C parser under their own, larger budget instead of cell by
cell; the same problems (file, row, reason) come back as from an upload.
"""

from __future__ import annotations

import io

import pandas as pd

from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.readers.budget import Budget

DATA_FILE_BUDGET = Budget(max_bytes=50 * 1024 * 1024, max_rows=200_000, max_columns=30, max_cell_chars=2_000)


def read_data_csv(raw: bytes, file: str, budget: Budget = DATA_FILE_BUDGET) -> pd.DataFrame:
    """An all-text frame (stripped cells, header on row 1); raises DatasetError."""
    if len(raw) > budget.max_bytes:
        raise DatasetError([Problem(file, None, None, f"{budget.max_bytes // 2**20} MB", "too_large")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:  # a curated file is UTF-8: never guess another encoding for it
        line = raw[: err.start].count(b"\n") + 1
        raise DatasetError(
            [Problem(file, line, None, None, "undecodable", f"byte 0x{raw[err.start]:02x}")]
        ) from err
    if not text.strip():
        raise DatasetError([Problem(file, None, None, None, "empty_file")])
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            skipinitialspace=False,
            nrows=budget.max_rows + 1,
        )
    except (pd.errors.ParserError, ValueError) as err:
        raise DatasetError([Problem(file, None, None, None, "malformed", str(err).strip()[:200])]) from err
    if len(frame) > budget.max_rows or len(frame.columns) > budget.max_columns:
        raise DatasetError([Problem(file, None, None, None, "too_many_rows", str(budget.max_rows))])
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.apply(lambda column: column.str.strip())
    too_long = frame.apply(lambda column: column.str.len() > budget.max_cell_chars).to_numpy().nonzero()
    if len(too_long[0]):
        row, col = int(too_long[0][0]), int(too_long[1][0])
        raise DatasetError([Problem(file, row + 2, frame.columns[col], None, "cell_too_long")])
    return frame
