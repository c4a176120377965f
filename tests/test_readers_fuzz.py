"""kim_dash.sources.readers under fuzzing: rows or a DatasetError, never another exception."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from kim_dash.sources.problems import DatasetError
from kim_dash.sources.readers import read_table, sheet_names
from tests import hostile_files

# --- fuzzing ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fuzzed_uploads_give_rows_or_problems_and_nothing_else():
    """1,000 hostile and mutated files through read_table and sheet_names: a result or a
    DatasetError, never another exception (threads: most time is spent waiting for the child)."""

    def outcome(case: tuple[str, bytes]) -> tuple[str, str]:
        name, raw = case
        results = []
        for read in (read_table, sheet_names):
            try:
                read(raw, name)
                results.append("read")
            except DatasetError as err:
                assert err.problems and all(p.reason for p in err.problems)
                results.append("refused")
        return results[0], results[1]

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(outcome, hostile_files.cases(seed=20_240_229, n=1_000)))
    counts = Counter(o for pair in outcomes for o in pair)
    assert len(outcomes) == 1_000
    assert counts["read"] > 50 and counts["refused"] > 50, counts
