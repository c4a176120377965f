"""The planner page's decisions, so the page only renders: the request its settings make, the target
when none is typed, the plan by year's first year, and the plan placed once per rerun for both the
plan asked for and the same plan by year."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from kim_dash.model.coverage import target_spread
from kim_dash.model.kinds import Method, Mode
from kim_dash.model.plan_request import (
    PlanRequest,
    PlanResult,
    in_time,
    known_as_of,
    placed_plan,
    untimed,
)
from kim_dash.model.plan_time import plan_start
from kim_dash.model.regency import RegencyData, regency_data
from kim_dash.store.dataset import Dataset


def default_target(regency: RegencyData) -> int:
    """The planner's target when none is typed: the regency's own, from the data (no plan placed)."""
    return int(target_spread(regency).total.value)


def page_request(
    regency: RegencyData,
    total: int,
    weighting: str,
    method: Method,
    mode: Mode,
    weights_file: tuple[bytes, str] | None,
    empty_first: bool,
) -> PlanRequest:
    """The page's settings as a request: the data's own target when the typed one equals it, and
    equal weights while the weights file is chosen but not yet given."""
    return PlanRequest(
        regency.code,
        None if total == default_target(regency) else total,
        "equal" if weighting == "file" and weights_file is None else weighting,
        method,
        mode,
        weights_file=weights_file,
        empty_first=empty_first,
    )


def plan_first_year(dataset: Dataset, request: PlanRequest) -> int:
    """The plan by year's first year when none is asked for: the year after the data's date, never
    before today's year (what `run_plan(...).first_year` says, without placing a plan)."""
    as_of, _ = known_as_of(dataset, regency_data(dataset, request.regency))
    return plan_start(as_of, request.today, request.from_year)


def plan_and_schedule(
    dataset: Dataset, request: PlanRequest, per_year: int, from_year: int, until: int
) -> tuple[PlanResult, PlanResult]:
    """One plan placed once, in its two views: the plan asked for (answer, map, table, PDF; equal to
    `run_plan(dataset, request)`) and the same plan by year at `per_year` from `from_year` until
    `until` (equal to `run_plan` of that request)."""
    placed = placed_plan(dataset, untimed(request))
    yearly = replace(request, per_year=per_year, until=until, from_year=from_year)
    return in_time(placed, request), in_time(placed, yearly)


def target_family(result: PlanResult) -> str:
    """Which minimum the target card names: one per desa, else one per kecamatan."""
    return result.spread.minimums or "per_kecamatan"


def saturation_totals(saturation: pd.DataFrame) -> tuple[int, int]:
    """KIM still needed for one in every desa, and the desa counted (the saturation note's figures)."""
    return int(saturation["needed"].sum()), int(saturation["villages"].sum())


def hidden_plan_columns(weighting: str) -> tuple[str, ...]:
    """The plan table's columns not shown: the code, and the weight when every weight is equal."""
    return ("code",) + (("weight",) if weighting == "equal" else ())


def schedule_slug(per_year: int, first: int, until: int) -> str:
    """The plan by year's settings in its download's file name: "10-2026-2030"."""
    return f"{per_year}-{first}-{until}"
