"""The home page's headline figures, each computed from the dataset (never typed in)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kim_dash.coverage import coverage_kpis
from kim_dash.data import Dataset
from kim_dash.ranking import focus_stats, national_ranking

BOGOR = "32.01"


@dataclass(frozen=True)
class Headline:
    national_total: int
    regencies_with_kim: int
    provinces_with_kim: int
    bogor_rank: int | None
    bogor_of: int
    bogor_count_national: int | None  # in the national snapshot
    registry_total: int  # rows in the Bogor registry
    target_total: int
    kecamatan_with_kim: int
    kecamatan: int
    villages_with_kim: int
    villages: int

    @property
    def progress(self) -> float:
        return self.registry_total / self.target_total if self.target_total else 0.0


def headline(dataset: Dataset) -> Headline:
    return dataset.memo(("headline",), lambda: _headline(dataset))


def _headline(dataset: Dataset) -> Headline:
    ranking = national_ranking(dataset)
    bogor = focus_stats(ranking, BOGOR)
    kpis = coverage_kpis(dataset)
    return Headline(
        national_total=int(ranking["count"].sum()),
        regencies_with_kim=len(ranking),
        provinces_with_kim=int(ranking["province_code"].nunique()),
        bogor_rank=bogor.rank if bogor else None,
        bogor_of=len(ranking),
        bogor_count_national=bogor.count if bogor else None,
        registry_total=kpis.kim,
        target_total=kpis.target_total,
        kecamatan_with_kim=kpis.kecamatan_with_kim,
        kecamatan=kpis.kecamatan,
        villages_with_kim=kpis.villages_with_kim,
        villages=kpis.villages,
    )


def split_history(history: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Dated points (for a time axis) and undated reports (listed, never given a date)."""
    dated = history[history["as_of"] != ""].sort_values("as_of")
    undated = history[history["as_of"] == ""]
    return dated.reset_index(drop=True), undated.reset_index(drop=True)
