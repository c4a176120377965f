"""Bogor per kecamatan: KIM counts, desa coverage, the even-coverage target and inequality figures."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kim_dash.apportion import apportion
from kim_dash.data import Dataset

KECAMATAN_COLUMNS = [
    "code",
    "name",
    "desa",
    "kelurahan",
    "villages",
    "kim",
    "villages_covered",
    "coverage",
    "kim_per_10_villages",
    "target",
    "gap",
    "status",
    "source_mix",
]


def tie_order(units: pd.DataFrame) -> list[str]:
    """The stated tie rule: more desa/kelurahan first, then the lower Kemendagri code."""
    return units.sort_values(["villages", "code"], ascending=[False, True])["code"].tolist()


def units_frame(dataset: Dataset) -> pd.DataFrame:
    """The kecamatan with their village counts (desa + kelurahan) as planning units."""
    units = dataset.kecamatan[["code", "name", "desa_count", "kelurahan_count"]].copy()
    units["villages"] = units["desa_count"] + units["kelurahan_count"]
    return units


def even_targets(dataset: Dataset, total: int | None = None) -> dict[str, int]:
    """Diskominfo's target spread evenly: equal weights, largest remainder, stated tie rule."""
    target_total = int(dataset.target("kim_total")) if total is None else total

    def compute() -> dict[str, int]:
        units = units_frame(dataset)
        return apportion(dict.fromkeys(units["code"], 1), target_total, "hamilton", tie_order(units))

    return dataset.memo(("even_targets", target_total), compute)


def registry_in(dataset: Dataset, kecamatan: tuple[str, ...] = ()) -> pd.DataFrame:
    registry = dataset.registry
    if kecamatan:
        registry = registry[registry["kecamatan_code"].isin(kecamatan)]
    return registry.reset_index(drop=True)


def _source_mix(sources: pd.Series) -> str:
    published = int(sources.str.startswith("published:").sum())
    return f"published {published} / illustrative {len(sources) - published}"


def kecamatan_table(dataset: Dataset, kecamatan: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per kecamatan (all 40, or the chosen ones)."""
    table = dataset.memo(("kecamatan_table",), lambda: _kecamatan_table(dataset))
    if kecamatan:
        table = table[table["code"].isin(kecamatan)]
    return table.reset_index(drop=True)


def _kecamatan_table(dataset: Dataset) -> pd.DataFrame:
    units = units_frame(dataset)
    registry = dataset.registry
    kim = registry.groupby("kecamatan_code").size()
    covered = registry.groupby("kecamatan_code")["desa_code"].nunique()
    mix = registry.groupby("kecamatan_code")["source"].agg(_source_mix)
    targets = even_targets(dataset)
    table = pd.DataFrame(
        {
            "code": units["code"],
            "name": units["name"],
            "desa": units["desa_count"],
            "kelurahan": units["kelurahan_count"],
            "villages": units["villages"],
        }
    )
    table["kim"] = table["code"].map(kim).fillna(0).astype("int64")
    table["villages_covered"] = table["code"].map(covered).fillna(0).astype("int64")
    table["coverage"] = (table["villages_covered"] / table["villages"].where(table["villages"] > 0)).fillna(
        0.0
    )
    table["kim_per_10_villages"] = (
        10 * table["kim"] / table["villages"].where(table["villages"] > 0)
    ).fillna(0.0)
    table["target"] = table["code"].map(targets).astype("int64")
    table["gap"] = table["target"] - table["kim"]
    table["status"] = np.select(
        [table["kim"] < table["target"], table["kim"] == table["target"]], ["below", "at"], "above"
    )
    table["source_mix"] = table["code"].map(mix).fillna("")
    return table[KECAMATAN_COLUMNS]


@dataclass(frozen=True)
class CoverageKpis:
    kim: int
    kecamatan_with_kim: int
    kecamatan: int
    villages_with_kim: int
    villages: int
    mean_per_kecamatan: float
    target_total: int
    target_per_kecamatan: float  # exact share, e.g. 150 / 40 = 3.75


def coverage_kpis(dataset: Dataset, kecamatan: tuple[str, ...] = ()) -> CoverageKpis:
    return kpis_of(kecamatan_table(dataset, kecamatan), dataset)


def kpis_of(table: pd.DataFrame, dataset: Dataset) -> CoverageKpis:
    """The page's KPIs from a kecamatan table already computed (so it is computed once)."""
    target_total = int(dataset.target("kim_total"))
    return CoverageKpis(
        kim=int(table["kim"].sum()),
        kecamatan_with_kim=int((table["kim"] > 0).sum()),
        kecamatan=len(table),
        villages_with_kim=int(table["villages_covered"].sum()),
        villages=int(table["villages"].sum()),
        mean_per_kecamatan=float(table["kim"].mean()) if len(table) else 0.0,
        target_total=target_total,
        target_per_kecamatan=target_total / len(dataset.kecamatan),
    )


def growth_by_year(dataset: Dataset) -> pd.DataFrame:
    """KIM in the registry by year formed, and the running total."""
    return dataset.memo(("growth_by_year",), lambda: _growth_by_year(dataset))


def _growth_by_year(dataset: Dataset) -> pd.DataFrame:
    per_year = dataset.registry.groupby("year_formed").size()
    if per_year.empty:
        return pd.DataFrame({"year": [], "formed": [], "cumulative": []})
    years = range(int(per_year.index.min()), int(per_year.index.max()) + 1)
    out = pd.DataFrame({"year": list(years)})
    out["formed"] = out["year"].map(per_year).fillna(0).astype("int64")
    out["cumulative"] = out["formed"].cumsum()
    return out


def gini(values: np.ndarray) -> float:
    """Gini coefficient (0 = all equal); mean absolute difference over twice the mean."""
    x = np.asarray(values, dtype=float)
    if x.size == 0 or x.sum() == 0:
        return 0.0
    diff = np.abs(x[:, None] - x[None, :]).sum()
    return float(diff / (2 * x.size * x.size * x.mean()))


@dataclass(frozen=True)
class Inequality:
    gini_per_village: float  # Gini of KIM per desa/kelurahan across kecamatan
    cv: float  # coefficient of variation of KIM per kecamatan
    min_max_ratio: float  # fewest / most KIM in a kecamatan
    zero_units: int
    share_at_target: float


def inequality(counts: pd.Series, villages: pd.Series, targets: pd.Series) -> Inequality:
    counts = counts.astype(float)
    per_village = counts / villages.where(villages > 0, other=np.nan)
    mean = counts.mean() if len(counts) else 0.0
    return Inequality(
        gini_per_village=gini(per_village.fillna(0).to_numpy()),
        cv=float(counts.std(ddof=0) / mean) if mean else 0.0,
        min_max_ratio=float(counts.min() / counts.max()) if len(counts) and counts.max() else 0.0,
        zero_units=int((counts == 0).sum()),
        share_at_target=float((counts >= targets).mean()) if len(counts) else 0.0,
    )
