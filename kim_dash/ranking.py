"""National ranking of kabupaten/kota by number of KIM: ranks, bands, province totals, filters."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kim_dash.data import Dataset
from kim_dash.names import normalise

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


def national_ranking(dataset: Dataset) -> pd.DataFrame:
    """Every kabupaten/kota with at least one KIM, ranked nationally (before any filter)."""
    return dataset.memo(("national_ranking",), lambda: _national_ranking(dataset))


def _national_ranking(dataset: Dataset) -> pd.DataFrame:
    regencies = dataset.regencies.set_index("code")
    provinces = dataset.provinces.set_index("code")["name"]
    table = dataset.national[dataset.national["count"] > 0].copy()
    table["name"] = table["code"].map(regencies["name"])
    table["type"] = table["code"].map(regencies["type"])
    table["province_code"] = table["code"].map(regencies["province_code"])
    table["province"] = table["province_code"].map(provinces)
    table["rank"] = competition_rank(table["count"])
    table["band"] = table["count"].map(band_of)
    total = int(table["count"].sum())
    table["share"] = table["count"] / total if total else 0.0
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
        key = normalise(flt.search)
        mask &= ranking["name"].map(normalise).str.contains(key, regex=False)
    return ranking[mask].reset_index(drop=True)


@dataclass(frozen=True)
class FocusStats:
    code: str
    name: str
    rank: int
    of: int
    count: int
    share: float
    gap_to_first: int
    gap_to_next: int  # KIM needed to reach the next better rank (0 when first)
    band: str
    percentile: float  # share of ranked regencies with fewer KIM
    source: str


def focus_stats(ranking: pd.DataFrame, code: str) -> FocusStats | None:
    rows = ranking[ranking["code"] == code]
    if rows.empty:
        return None
    row = rows.iloc[0]
    count = int(row["count"])
    better = ranking.loc[ranking["count"] > count, "count"]
    return FocusStats(
        code=code,
        name=str(row["name"]),
        rank=int(row["rank"]),
        of=len(ranking),
        count=count,
        share=float(row["share"]),
        gap_to_first=int(ranking["count"].max()) - count,
        gap_to_next=int(better.min()) - count if not better.empty else 0,
        band=str(row["band"]),
        percentile=float((ranking["count"] < count).sum() / len(ranking)),
        source=str(row["source"]),
    )


def top_with_focus(table: pd.DataFrame, ranking: pd.DataFrame, n: int, focus: str | None) -> pd.DataFrame:
    """The first n rows of the (filtered) table, plus the focus regency when it is not among them."""
    top = table.head(n)
    if focus and focus not in set(top["code"]):
        top = pd.concat([top, ranking[ranking["code"] == focus]], ignore_index=True)
    return top


def band_counts(ranking: pd.DataFrame) -> pd.DataFrame:
    counts = ranking["band"].value_counts()
    return pd.DataFrame(
        {"band": list(BAND_LABELS), "regencies": [int(counts.get(b, 0)) for b in BAND_LABELS]}
    )


def province_summary(dataset: Dataset) -> pd.DataFrame:
    """Per province: KIM total, regencies with KIM / all regencies, coverage, top regency."""
    return dataset.memo(("province_summary",), lambda: _province_summary(dataset, national_ranking(dataset)))


def _province_summary(dataset: Dataset, ranking: pd.DataFrame) -> pd.DataFrame:
    all_regencies = dataset.regencies.groupby("province_code").size()
    grouped = ranking.groupby("province_code")
    top = ranking.sort_values(["count", "code"], ascending=[False, True]).groupby("province_code").first()
    out = pd.DataFrame(
        {
            "province_code": dataset.provinces["code"],
            "province": dataset.provinces["name"],
        }
    )
    out["kim"] = out["province_code"].map(grouped["count"].sum()).fillna(0).astype("int64")
    out["regencies_with_kim"] = out["province_code"].map(grouped.size()).fillna(0).astype("int64")
    out["regencies"] = out["province_code"].map(all_regencies).fillna(0).astype("int64")
    out["coverage"] = out["regencies_with_kim"] / out["regencies"].where(out["regencies"] > 0)
    out["coverage"] = out["coverage"].fillna(0.0)
    out["top_regency"] = out["province_code"].map(top["name"]).fillna("")
    return out.sort_values(["kim", "province_code"], ascending=[False, True], ignore_index=True)
