"""Per kecamatan: KIM against each kecamatan's share of the regency's target, with provenance."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kim_dash.model.apportion import apportion, tie_order
from kim_dash.model.kinds import MinimumKind, Spread
from kim_dash.model.regency import RegencyData
from kim_dash.sources.provenance import ILLUSTRATIVE, Figure, combine, derive
from kim_dash.store.derived import derived

KECAMATAN_COLUMNS = [
    "code",
    "name",
    "desa_count",
    "kelurahan_count",
    "villages",
    "kim",
    "change",
    "villages_covered",
    "coverage",
    "kim_per_10_villages",
    "target",
    "gap",
    "status",
    "source",
]
STATUSES = ("none", "below", "at", "above")  # tanpa KIM · di bawah target · sesuai target · di atas target


@dataclass(frozen=True)
class TargetSpread:
    """The regency's target as a total and how it is shared among the kecamatan."""

    total: Figure  # whole KIM
    spread: Spread
    deadline: int | None

    @property
    def minimums(self) -> MinimumKind | None:
        """The minimum this target asks (a KIM in every desa, or in every kecamatan, which the default
        target is too); None for a total shared among the kecamatan. The one place a spread maps to it."""
        if self.spread == "even":
            return None
        return "per_desa" if self.spread == "per_desa" else "per_kecamatan"


def target_spread(regency: RegencyData) -> TargetSpread:
    t, units = regency.targets, regency.kecamatan
    if t.total is not None:
        return TargetSpread(Figure(int(t.total.value), t.total.source), "even", t.deadline)
    if t.per_desa is not None:
        total = int(round(t.per_desa.value * units["villages"].sum()))
        return TargetSpread(Figure(total, t.per_desa.source), "per_desa", t.deadline)
    if t.per_kecamatan is not None:
        total = int(round(t.per_kecamatan.value * len(units)))
        return TargetSpread(Figure(total, t.per_kecamatan.source), "per_kecamatan", t.deadline)
    # no target in the data: one KIM in every kecamatan (the SPM indicator), never presented as published
    return TargetSpread(Figure(len(units), ILLUSTRATIVE), "default", None)


def uses_floors(spread: TargetSpread) -> bool:
    """A KIM in every kecamatan / desa: per-kecamatan minimums, not a total to share."""
    return spread.minimums is not None


def planning_units(regency: RegencyData, weighting: str = "equal") -> pd.DataFrame:
    """code, name, current, weight, villages, covered, source: the kecamatan as planning units.

    `covered` is what counts toward a one-per-desa target: desa/kelurahan with a KIM when a registry
    says so, else the KIM count capped at the number of desa (a count table does not say which desa).
    """
    units = regency.kecamatan[["code", "name", "villages"]].copy()
    counts = regency.counts.set_index("kecamatan_code")
    units["current"] = units["code"].map(counts["kim"]).astype("int64")
    known = units["code"].map(counts["villages_covered"])
    units["covered"] = known.fillna(units["current"].clip(upper=units["villages"])).astype("int64")
    units["source"] = units["code"].map(counts["source"])
    if weighting == "equal":
        units["weight"] = 1.0
    elif weighting == "desa":
        units["weight"] = units["villages"].astype(float)
    else:
        raise ValueError(f"unknown weighting {weighting!r}")
    return units[["code", "name", "current", "weight", "villages", "covered", "source"]]


def floors(regency: RegencyData) -> dict[str, int] | None:
    """Each kecamatan's minimum under a per-kecamatan or per-desa target, else None."""
    spread = target_spread(regency)
    if not uses_floors(spread):
        return None
    units = regency.kecamatan
    t = regency.targets
    if spread.minimums == "per_desa" and t.per_desa is not None:
        return {
            c: int(round(v * t.per_desa.value)) for c, v in zip(units["code"], units["villages"], strict=True)
        }
    each = int(t.per_kecamatan.value) if t.per_kecamatan is not None else 1
    return dict.fromkeys(units["code"], each)


@derived
def kecamatan_targets(regency: RegencyData) -> dict[str, int]:
    """Each kecamatan's share of the target: largest remainder, stated tie rule."""
    minimums = floors(regency)
    if minimums is not None:
        return minimums
    spread = target_spread(regency)
    units = planning_units(regency, "equal")
    weights = dict(zip(units["code"], units["weight"], strict=True))
    return apportion(weights, spread.total.value, "hamilton", tie_order(units)) if len(units) else {}


def status_of(kim: pd.Series, target: pd.Series) -> np.ndarray:
    return np.select([kim == 0, kim < target, kim == target], ["none", "below", "at"], "above")


@derived
def _full_table(regency: RegencyData) -> pd.DataFrame:
    units = regency.kecamatan
    counts = regency.counts.set_index("kecamatan_code")
    spread = target_spread(regency)
    table = pd.DataFrame(
        {
            "code": units["code"],
            "name": units["name"],
            "desa_count": units["desa_count"],
            "kelurahan_count": units["kelurahan_count"],
            "villages": units["villages"],
        }
    )
    table["kim"] = table["code"].map(counts["kim"]).astype("int64")
    before = regency.previous_kim
    table["change"] = (table["kim"] - table["code"].map(before).fillna(0)) if before is not None else np.nan
    table["villages_covered"] = table["code"].map(counts["villages_covered"])
    villages = table["villages"].where(table["villages"] > 0)
    table["coverage"] = table["villages_covered"] / villages
    table["kim_per_10_villages"] = (10 * table["kim"] / villages).fillna(0.0)
    table["target"] = table["code"].map(kecamatan_targets(regency)).astype("int64")
    # toward one KIM per desa only desa with a KIM count; toward a total every KIM does
    progress = planning_units(regency)["covered"] if spread.minimums == "per_desa" else table["kim"]
    table["gap"] = table["target"] - progress
    table["status"] = status_of(table["kim"], table["target"])
    table.loc[(table["kim"] > 0) & (progress < table["target"]), "status"] = "below"
    table["source"] = [derive(s, spread.total.source) for s in table["code"].map(counts["source"])]
    return table[KECAMATAN_COLUMNS]


def kecamatan_table(regency: RegencyData, chosen: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per kecamatan of the regency (or the chosen ones), zeros included."""
    table = _full_table(regency)
    return table[table["code"].isin(chosen)].reset_index(drop=True) if chosen else table


@dataclass(frozen=True)
class CoverageKpis:
    kim: Figure
    kecamatan_with_kim: Figure
    kecamatan: int  # reference geography: published (Kemendagri)
    villages_with_kim: Figure | None  # None: a count table does not say which desa
    villages: int
    mean_per_kecamatan: Figure
    target: TargetSpread
    target_per_kecamatan: Figure  # exact share, e.g. 150 / 40 = 3.75; a minimum's own value (1)
    to_form: Figure  # KIM still missing to reach the target (of the chosen kecamatan when chosen)
    target_shown: Figure  # the target of what is shown: the regency's, or the chosen kecamatan's own
    kecamatan_short: int  # kecamatan still below their own target
    progress: float  # share of the target reached: KIM / total, or minimums (or chosen shares) met


@derived
def coverage_kpis(regency: RegencyData, chosen: tuple[str, ...] = ()) -> CoverageKpis:
    table = kecamatan_table(regency, chosen)
    source = combine(table["source"]) if chosen else regency.table_source
    kim = Figure(int(table["kim"].sum()), source)
    with_kim = Figure(int((table["kim"] > 0).sum()), source)
    if not chosen:  # a public source may state the whole regency's figures for this snapshot
        kim, with_kim = regency.confirm(kim, "total_kim"), regency.confirm(with_kim, "kecamatan_with_kim")
    covered = table["villages_covered"]
    spread = target_spread(regency)
    n = len(regency.kecamatan)
    return CoverageKpis(
        kim=kim,
        kecamatan_with_kim=with_kim,
        kecamatan=len(table),
        villages_with_kim=None if covered.isna().any() else Figure(int(covered.sum()), source),
        villages=int(table["villages"].sum()),
        # the total over the kecamatan in the reference geography: as published as the total it rests on
        mean_per_kecamatan=Figure(kim.value / len(table) if len(table) else 0.0, kim.source),
        target=spread,
        target_per_kecamatan=Figure(_per_kecamatan(regency, spread, n), spread.total.source),
        to_form=Figure(_to_form(table, spread, kim.value, chosen), derive(spread.total.source, kim.source)),
        target_shown=Figure(int(table["target"].sum()), spread.total.source) if chosen else spread.total,
        kecamatan_short=int((table["gap"] > 0).sum()),
        progress=_progress(table, spread, kim.value, chosen),
    )


def _progress(table: pd.DataFrame, spread: TargetSpread, kim: int, chosen: tuple[str, ...]) -> float:
    if chosen or uses_floors(spread):
        wanted = int(table["target"].sum())
        return 1.0 - int(table["gap"].clip(lower=0).sum()) / wanted if wanted else 1.0
    return kim / spread.total.value if spread.total.value else 1.0


def _per_kecamatan(regency: RegencyData, spread: TargetSpread, n: int) -> float:
    """The even share (150 / 40 = 3.75), or the minimum every kecamatan must reach (1)."""
    if spread.spread in ("per_kecamatan", "default"):
        minimums = floors(regency) or {}
        return float(max(minimums.values(), default=0))
    return spread.total.value / n if n else 0.0


def _to_form(table: pd.DataFrame, spread: TargetSpread, kim: int, chosen: tuple[str, ...]) -> int:
    # every kecamatan (or desa) below its own share or minimum needs its own KIM; for the regency's
    # even total the surplus of one kecamatan counts toward the total, as Diskominfo counts it
    if chosen or uses_floors(spread):
        return int(table["gap"].clip(lower=0).sum())
    return max(spread.total.value - kim, 0)


@derived
def growth_by_year(regency: RegencyData) -> pd.DataFrame:
    """KIM of the registry by year formed (running total); rows with an unknown year are left out."""
    if regency.registry is None:
        return pd.DataFrame({"year": [], "formed": [], "cumulative": [], "source": []})
    known = regency.registry.dropna(subset=["year_formed"])
    if known.empty:
        return pd.DataFrame({"year": [], "formed": [], "cumulative": [], "source": []})
    per_year = known.groupby("year_formed").size()
    out = pd.DataFrame({"year": range(int(per_year.index.min()), int(per_year.index.max()) + 1)})
    out["formed"] = out["year"].map(per_year).fillna(0).astype("int64")
    out["cumulative"] = out["formed"].cumsum()
    out["source"] = combine(known["source"])
    return out
