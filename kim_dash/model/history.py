"""A regency's KIM over time: dated snapshots and dated published reports (undated ones listed apart)."""

from __future__ import annotations

import pandas as pd

from kim_dash.model.regency import RegencyData, regency_data
from kim_dash.sources.provenance import Figure, combine
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived

PROGRESS_COLUMNS = ["as_of", "kim", "kind", "source"]


@derived
def snapshot_progress(dataset: Dataset, code: str) -> pd.DataFrame:
    """One point per stored registry/count snapshot of the regency (the session's preview excluded)."""
    regency: RegencyData = regency_data(dataset, code)
    rows = []
    for snapshot in regency.series:
        if snapshot.id < 0:
            continue
        frame = dataset.frame(snapshot)
        fig = Figure(snapshot.total_kim, combine(frame["source"]))
        fig = dataset.facts.confirm(fig, snapshot.kind, snapshot.as_of, "total_kim", regency=code)
        rows.append({"as_of": snapshot.as_of, "kim": fig.value, "kind": snapshot.kind, "source": fig.source})
    return pd.DataFrame(rows, columns=PROGRESS_COLUMNS)


def reported_history(dataset: Dataset, code: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Dated reports (for a time axis) and undated ones (listed, never given a date) of one regency,
    as seen on the chosen date: nothing dated later, and no undated report (it may be later)."""
    history = dataset.history[dataset.history["regency_code"] == code]
    dated = history[history["as_of"] != ""]
    if dataset.as_of:
        dated = dated[dated["as_of"] <= dataset.as_of]  # a partial date counts from its start
    dated = dated.sort_values("as_of", kind="stable")  # "2023" (early 2023) before "2023-06"
    undated = history[history["as_of"] == ""] if not dataset.as_of else history.iloc[0:0]
    return dated.reset_index(drop=True), undated.reset_index(drop=True)
