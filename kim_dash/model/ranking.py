"""National ranking of kabupaten/kota by number of KIM: ranks, bands, province totals, with provenance.

Every figure knows its source: a row's count is its own; a rank, a distance to rank 1, a band count
or a province total rests on other rows too, so it is published only when they all are, or when a
public source states that very figure for this snapshot ("Bogor 2nd", "8 in 100–199").
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kim_dash.sources.names import normalise
from kim_dash.sources.provenance import Figure, combine, combine_series, derive
from kim_dash.store.database import Snapshot
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived

# (label, lowest, highest); the source article speaks of "100 sampai 199"
BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("1–9", 1, 9),
    ("10–49", 10, 49),
    ("50–99", 50, 99),
    ("100–199", 100, 199),
    ("200+", 200, None),
)
BAND_LABELS = tuple(b[0] for b in BANDS)
RANKING_COLUMNS = [
    "rank",
    "code",
    "name",
    "type",
    "province_code",
    "province",
    "count",
    "band",
    "share",
    "source",
]


def band_of(count: int) -> str:
    for label, low, high in BANDS:
        if count >= low and (high is None or count <= high):
            return label
    return "0"


def competition_rank(counts: pd.Series) -> pd.Series:
    """Standard competition ranking ("1224"): ties share a rank, the next rank skips."""
    return counts.rank(method="min", ascending=False).astype("int64")


def national_snapshot(dataset: Dataset) -> Snapshot | None:
    return dataset.latest("national")


@dataclass(frozen=True)
class NationalTotals:
    kim: Figure
    regencies: Figure
    provinces: Figure


def _confirm(dataset: Dataset, fig: Figure, figure_name: str, subject: str = "") -> Figure:
    snapshot = national_snapshot(dataset)
    if snapshot is None:
        return fig
    return dataset.facts.confirm(fig, "national", snapshot.as_of, figure_name, subject)


@derived
def national_totals(dataset: Dataset) -> NationalTotals:
    ranking = national_ranking(dataset)
    every = combine(ranking["source"]) if len(ranking) else combine([])
    return NationalTotals(
        kim=_confirm(dataset, Figure(int(ranking["count"].sum()), every), "total_kim"),
        regencies=_confirm(dataset, Figure(len(ranking), every), "regencies_with_kim"),
        provinces=_confirm(
            dataset, Figure(int(ranking["province_code"].nunique()), every), "provinces_with_kim"
        ),
    )


@derived
def national_ranking(dataset: Dataset) -> pd.DataFrame:
    """Every kabupaten/kota with at least one KIM, ranked nationally (before any filter)."""
    snapshot = national_snapshot(dataset)
    if snapshot is None:
        return pd.DataFrame({c: [] for c in RANKING_COLUMNS})
    national = dataset.frame(snapshot)
    regencies = dataset.geography.regencies.set_index("code")
    provinces = dataset.geography.provinces.set_index("code")["name"]
    table = national[national["count"] > 0].copy()
    table["name"] = table["code"].map(regencies["name"])
    table["type"] = table["code"].map(regencies["type"])
    table["province_code"] = table["code"].map(regencies["province_code"])
    table["province"] = table["province_code"].map(provinces)
    table["rank"] = competition_rank(table["count"])
    table["band"] = table["count"].map(band_of)
    total = int(table["count"].sum())
    table["share"] = table["count"] / total if total else 0.0
    total_source = _confirm(dataset, Figure(total, combine(table["source"])), "total_kim").source
    table["source"] = [derive(s, total_source) for s in table["source"]]  # a share rests on the total too
    return table.sort_values(["rank", "code"], ignore_index=True)[RANKING_COLUMNS]


@dataclass(frozen=True)
class RankingFilter:
    provinces: tuple[str, ...] = ()  # province codes; empty = all
    types: tuple[str, ...] = ()  # "Kabupaten" / "Kota"
    bands: tuple[str, ...] = ()
    search: str = ""

    def slug(self) -> str:
        """A short, file-name-safe description of the filter."""
        parts = [*self.provinces, *self.types, *(b.replace("–", "-") for b in self.bands)]
        if self.search:
            parts.append(normalise(self.search))
        return "_".join(p.replace(".", "") for p in parts) or "semua"


def filter_ranking(ranking: pd.DataFrame, flt: RankingFilter) -> pd.DataFrame:
    mask = pd.Series(True, index=ranking.index)
    if flt.provinces:
        mask &= ranking["province_code"].isin(flt.provinces)
    if flt.types:
        mask &= ranking["type"].isin(flt.types)
    if flt.bands:
        mask &= ranking["band"].isin(flt.bands)
    if flt.search.strip():
        mask &= ranking["name"].map(normalise).str.contains(normalise(flt.search), regex=False)
    return ranking[mask].reset_index(drop=True)


@dataclass(frozen=True)
class FocusStats:
    code: str
    name: str
    rank: Figure
    of: Figure
    count: Figure
    share: Figure
    gap_to_first: Figure
    gap_to_next: Figure  # KIM needed to reach the next better rank (0 when first)
    band: Figure
    percentile: Figure  # share of ranked regencies with fewer KIM

    @property
    def next_differs(self) -> bool:
        """At rank 2 the next rank up is rank 1: one figure (the gap to the first), not the same twice."""
        return int(self.rank.value) > 2


def ranked_provinces(ranking: pd.DataFrame) -> list[str]:
    """The provinces of the ranked regencies, by code: the ranking page's province filter."""
    return sorted(set(ranking["province_code"]))


@derived
def focus_stats(dataset: Dataset, code: str) -> FocusStats | None:
    """The figures of one regency in the national ranking, a published fact confirming rank and total."""
    totals = national_totals(dataset)
    return stats_of(
        national_ranking(dataset),
        code,
        totals.regencies,
        lambda fig, subject: _confirm(dataset, fig, "rank", subject),
    )


def stats_of(
    ranking: pd.DataFrame, code: str, of: Figure | None = None, confirm_rank=lambda fig, subject: fig
) -> FocusStats | None:
    rows = ranking[ranking["code"] == code]
    if rows.empty:
        return None
    row = rows.iloc[0]
    count, own = int(row["count"]), str(row["source"])
    every = combine(ranking["source"])
    rank = confirm_rank(Figure(int(row["rank"]), every), code)
    better = ranking[ranking["count"] > count]
    nearest = better[better["count"] == better["count"].min()] if len(better) else better
    first = ranking[ranking["count"] == ranking["count"].max()]
    return FocusStats(
        code=code,
        name=str(row["name"]),
        rank=rank,
        of=of or Figure(len(ranking), every),
        count=Figure(count, own),
        share=Figure(float(row["share"]), own),
        gap_to_first=Figure(int(ranking["count"].max()) - count, derive(own, *first["source"])),
        gap_to_next=Figure(
            int(better["count"].min()) - count if len(better) else 0,
            derive(own, *nearest["source"]) if len(better) else rank.source,
        ),
        band=Figure(str(row["band"]), own),
        percentile=Figure(float((ranking["count"] < count).sum() / len(ranking)), every),
    )


def top_with_focus(table: pd.DataFrame, ranking: pd.DataFrame, n: int, focus: str | None) -> pd.DataFrame:
    """The first n rows of the (filtered) table, plus the focus regency when it is not among them."""
    top = table.head(n)
    if focus and focus not in set(top["code"]):
        top = pd.concat([top, ranking[ranking["code"] == focus]], ignore_index=True)
    return top


@derived
def band_counts(dataset: Dataset) -> pd.DataFrame:
    """Regencies per band; a band's count rests on every row (which rows fall in it)."""
    ranking = national_ranking(dataset)
    counts = ranking["band"].value_counts()
    every = combine(ranking["source"])
    rows = []
    for band in BAND_LABELS:
        fig = _confirm(dataset, Figure(int(counts.get(band, 0)), every), "band_count", band)
        rows.append({"band": band, "regencies": fig.value, "source": fig.source})
    return pd.DataFrame(rows)


@derived
def province_summary(dataset: Dataset) -> pd.DataFrame:
    """Per province: KIM, regencies with KIM / all regencies, coverage, top regency, source."""
    ranking = national_ranking(dataset)
    geography = dataset.geography
    all_regencies = geography.regencies.groupby("province_code").size()
    grouped = ranking.groupby("province_code")
    top = ranking.sort_values(["count", "code"], ascending=[False, True]).groupby("province_code").first()
    out = pd.DataFrame(
        {"province_code": geography.provinces["code"], "province": geography.provinces["name"]}
    )
    out["kim"] = out["province_code"].map(grouped["count"].sum()).fillna(0).astype("int64")
    out["regencies_with_kim"] = out["province_code"].map(grouped.size()).fillna(0).astype("int64")
    out["regencies"] = out["province_code"].map(all_regencies).fillna(0).astype("int64")
    out["coverage"] = (out["regencies_with_kim"] / out["regencies"].where(out["regencies"] > 0)).fillna(0.0)
    out["top_regency"] = out["province_code"].map(top["name"]).fillna("")
    # a province without KIM is a zero of the whole table: as published as the table is complete
    out["source"] = (
        out["province_code"].map(combine_series(grouped["source"])).fillna(combine(ranking["source"]))
    )
    return out.sort_values(["kim", "province_code"], ascending=[False, True], ignore_index=True)
