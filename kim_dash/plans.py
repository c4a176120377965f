"""One request, one plan: what the planner page and `python -m kim_dash plan` both compute."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kim_dash.cache import derived
from kim_dash.coverage import TargetSpread, coverage_kpis, floors, planning_units, target_spread
from kim_dash.data import Dataset
from kim_dash.planner import PlanSummary, make_plan, summarise, weights_units
from kim_dash.provenance import SETTING, Figure
from kim_dash.regency import RegencyData, regency_data
from kim_dash.schedule import Schedule, plan_by_year


@dataclass(frozen=True)
class PlanRequest:
    regency: str
    target: int | None = None  # None: the regency's own target from the data
    weighting: str = "equal"  # equal | desa | file
    method: str = "hamilton"
    mode: str = "topup"
    per_year: int | None = None  # with `until`: a plan by year
    until: int | None = None
    from_year: int | None = None
    weights_file: tuple[bytes, str] | None = None  # (bytes, file name) when weighting == "file"


@dataclass(frozen=True)
class PlanResult:
    regency: RegencyData
    units: pd.DataFrame
    total: Figure
    spread: TargetSpread
    minimums: bool  # a KIM in every kecamatan/desa: per-kecamatan minimums instead of shares
    plan: pd.DataFrame
    summary: PlanSummary
    schedule: Schedule | None
    goal: int  # the total the plan builds toward: what it leaves (top-up, minimums) or the target (full)


def _first_year(regency: RegencyData, request: PlanRequest) -> int:
    if request.from_year is not None:
        return request.from_year
    as_of = regency.snapshot.as_of if regency.snapshot is not None and regency.snapshot.as_of else ""
    return int(as_of[:4]) + 1 if as_of else 2027


@derived
def run_plan(dataset: Dataset, request: PlanRequest) -> PlanResult:
    regency = regency_data(dataset, request.regency)
    spread = target_spread(regency)
    if request.weighting == "file" and request.weights_file is not None:
        units = weights_units(request.weights_file[0], request.weights_file[1], dataset.geography, regency)
    else:
        units = planning_units(regency, "desa" if request.weighting == "desa" else "equal")
    if request.target is None:
        total, minimums = spread.total, floors(regency)
    else:  # a target typed by the user is theirs: a total shared by the weights, never "published"
        total, minimums = Figure(request.target, SETTING), None
    plan = make_plan(units, total.value, request.method, request.mode, total.source, minimums)
    schedule = None
    goal = int(plan["after"].sum()) if "after" in plan else int(total.value)
    if request.per_year and request.until:
        schedule = plan_by_year(
            units,
            goal,
            request.per_year,
            _first_year(regency, request),
            request.method,
            total.source,
            request.until,
            regency.desa,
            regency.registry,
            minimums,
        )
    own = coverage_kpis(regency).kim if request.weighting != "file" or request.weights_file is None else None
    return PlanResult(
        regency,
        units,
        total,
        spread,
        minimums is not None,
        plan,
        summarise(plan, units, total, own, _minimums_kind(spread) if minimums is not None else ""),
        schedule,
        goal,
    )


def _minimums_kind(spread: TargetSpread) -> str:
    return "per_desa" if spread.spread == "per_desa" else "per_kecamatan"


def plan_table(dataset: Dataset, request: PlanRequest) -> tuple[pd.DataFrame, str]:
    """The table a plan download holds: the plan by year when asked for, else the plan."""
    result = run_plan(dataset, request)
    if result.schedule is not None:
        return result.schedule.table, "schedule"
    return result.plan, "plan"


def method_name(method: str, lang: str) -> str:
    """An apportionment method as a reader names it ("sisa terbesar", "Webster/Sainte-Laguë"), never
    the internal key ("hamilton")."""
    from kim_dash.i18n import t

    return t(f"planner.method.{method}", lang)


def plan_slug(total: int, weighting: str, method: str, mode: str, lang: str) -> str:
    """The plan's settings in a file name, in the reader's language: "150-rata-sisa-terbesar-tambah" /
    "150-equal-largest-remainder-add-only" (never the internal "equal-hamilton-topup")."""
    from kim_dash.i18n import t

    words = [
        t(f"planner.slug.{kind}.{key}", lang) for kind, key in (("w", weighting), ("m", method), ("o", mode))
    ]
    return "-".join([str(total), *words])
