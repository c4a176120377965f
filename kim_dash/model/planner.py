"""Where the next KIM should be formed: each kecamatan's share of the target, and the new KIM.

top-up (default): every kecamatan without a KIM first gets one (the SPM coverage; `empty_first`),
then the KIM still missing are placed one at a time where the claim is strongest; nobody loses a
KIM. full: each kecamatan's share is compared with today (a negative difference is a surplus, not
something to remove). Every plan row carries the source of the counts it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kim_dash.model.apportion import apportion, tie_order, top_up, top_up_empty_first
from kim_dash.model.inequality import Inequality, inequality
from kim_dash.model.kinds import METHODS, MODES, Method, MinimumKind, Mode
from kim_dash.model.regency import RegencyData
from kim_dash.sources.geography import Geography
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.provenance import ILLUSTRATIVE, Figure, combine, derive, published
from kim_dash.sources.upload import ingest
from kim_dash.store.derived import derived

WEIGHTINGS = ("equal", "desa", "file")
PLAN_COLUMNS = {
    "topup": ["code", "name", "current", "weight", "target", "new", "after", "short_after", "source"],
    "full": ["code", "name", "current", "weight", "target", "difference", "to_form", "source"],
}


def make_plan(
    units: pd.DataFrame,
    total: int,
    method: Method = "hamilton",
    mode: Mode = "topup",
    target_source: str = ILLUSTRATIVE,
    minimums: dict[str, int] | None = None,
    empty_first: bool = True,
) -> pd.DataFrame:
    """The plan table (PLAN_COLUMNS[mode]), most new KIM first, then the largest shortfall.

    Top-up with `empty_first`: every kecamatan without a KIM (and with a positive weight) gets one
    before the rest is shared by `method` (at most as many as there are KIM to add, largest weight first).

    With `minimums` (a KIM in every kecamatan or desa) each kecamatan's target is its minimum and the
    new KIM fill exactly what is missing; `covered` counts toward it (desa with a KIM for per-desa).
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    order = tie_order(units)
    weights = dict(zip(units["code"], units["weight"], strict=True))
    current = {c: int(v) for c, v in zip(units["code"], units["current"], strict=True)}
    target = dict(minimums) if minimums is not None else apportion(weights, total, method, order)
    out = units[["code", "name", "current", "weight"]].copy()
    out["target"] = out["code"].map(target).astype("int64")
    out["source"] = [derive(s, target_source) for s in units["source"]]
    if minimums is not None:
        covered = dict(zip(units["code"], units["covered"], strict=True))
        missing = {c: max(target[c] - covered[c], 0) for c in target}
        out["new"] = out["code"].map(missing).astype("int64")
        out["after"] = out["current"] + out["new"]
        out["short_after"] = 0
        out["difference"] = out["code"].map(lambda c: target[c] - covered[c]).astype("int64")
        out["to_form"] = out["new"]
        keys = ["new", "code", "code"] if mode == "topup" else ["to_form", "difference", "code"]
    elif mode == "topup":
        after = (top_up_empty_first if empty_first else top_up)(weights, current, total, method, order)
        out["after"] = out["code"].map(after).astype("int64")
        out["new"] = out["after"] - out["current"]
        out["short_after"] = (out["target"] - out["after"]).clip(lower=0)
        keys = ["new", "short_after", "code"]
    else:
        out["difference"] = out["target"] - out["current"]
        out["to_form"] = out["difference"].clip(lower=0)
        keys = ["to_form", "difference", "code"]
    ordered = out.sort_values(keys, ascending=[False, False, True])
    return ordered[PLAN_COLUMNS[mode]].reset_index(drop=True)


def proposals(plan: pd.DataFrame) -> list[tuple[str, int, str]]:
    """(kecamatan, new KIM, source) in the plan's order: the planner's answer in one sentence."""
    column = "new" if "new" in plan else "to_form"
    chosen = plan[plan[column] > 0]
    return [
        (str(n), int(k), str(s))
        for n, k, s in zip(chosen["name"], chosen[column], chosen["source"], strict=True)
    ]


@dataclass(frozen=True)
class PlanSummary:
    current: Figure
    target: Figure
    to_form: Figure  # KIM still to form to reach the target (a total, or every kecamatan's minimum)
    new: Figure  # KIM the plan places
    progress: Figure  # share of the target reached: KIM / total, or minimums met / minimums
    before: Inequality
    after: Inequality
    source: str  # of the inequality figures: they rest on every kecamatan's count, not on the total


def summarise(
    plan: pd.DataFrame,
    units: pd.DataFrame,
    total: Figure,
    current_total: Figure | None = None,
    minimums: MinimumKind | None = None,
) -> PlanSummary:
    """Totals and inequality of a plan; `current_total` is the regency's own KIM figure when the units
    come from it (a public source may state that total even when the rows are a sample). Under
    minimums ("per_kecamatan" or "per_desa": a KIM in every kecamatan or desa) what is missing is the
    sum of each one's shortfall: 88 KIM against "one in each of 31 kecamatan" still lack 9, not 0."""
    villages = units.set_index("code")["villages"].reindex(plan["code"]).reset_index(drop=True)
    current_source = current_total.source if current_total is not None else combine(units["source"])
    current = int(plan["current"].sum())
    placed = plan["new"] if "new" in plan else plan["to_form"]
    after = plan["after"] if "after" in plan else plan["current"] + plan["to_form"]
    both = derive(current_source, total.source)
    if minimums:
        reached = _toward_minimums(plan, units, minimums)
        short = int((plan["target"] - reached).clip(lower=0).sum())
        progress = (
            float(reached.clip(upper=plan["target"]).sum() / plan["target"].sum()) if len(plan) else 1.0
        )
    else:
        short = max(int(total.value) - current, 0)
        progress = current / total.value if total.value else 1.0
    return PlanSummary(
        current=Figure(current, current_source),
        target=total,
        to_form=Figure(short, both),
        new=Figure(int(placed.sum()), both),
        progress=Figure(progress, both),
        before=inequality(plan["current"], villages, plan["target"]),
        after=inequality(after, villages, plan["target"]),
        source=derive(combine(units["source"]), total.source),  # unevenness rests on every kecamatan's row
    )


def _toward_minimums(plan: pd.DataFrame, units: pd.DataFrame, minimums: MinimumKind) -> pd.Series:
    """What counts toward each unit's minimum: toward one per desa the desa with a KIM (when known),
    else the KIM count."""
    if minimums != "per_desa" or "covered" not in units:
        return plan["current"]
    covered = units.set_index("code")["covered"].reindex(plan["code"]).reset_index(drop=True)
    return covered.fillna(plan["current"]).astype("int64")


@derived
def desa_saturation(regency: RegencyData) -> pd.DataFrame:
    """KIM needed so every desa/kelurahan has at least one, per kecamatan (needs a registry)."""
    from kim_dash.model.coverage import kecamatan_table

    table = kecamatan_table(regency)
    out = table[["code", "name", "villages", "villages_covered", "kim", "source"]].copy()
    out["needed"] = out["villages"] - out["villages_covered"]
    out = out[["code", "name", "villages", "villages_covered", "kim", "needed", "source"]]
    return out.sort_values(["needed", "code"], ascending=[False, True], ignore_index=True)


def weights_units(
    raw: bytes, file: str, geography: Geography, regency: RegencyData, sheet: str | None = None
) -> pd.DataFrame:
    """Planning units weighted by a user's file (code, weight[, name, current]); same reader as uploads."""
    from kim_dash.model.coverage import planning_units

    result = ingest(raw, file, geography, kind="weights", regency=regency.code, sheet=sheet)
    if result.problems or result.frame is None or result.text is None:
        raise DatasetError(result.problems)
    weights = result.frame.set_index("code")
    units = planning_units(regency, "equal")
    missing = units[~units["code"].isin(weights.index)]
    if len(missing):
        raise DatasetError(
            [Problem(file, None, "code", c, "weight_missing") for c in missing["code"].head(20)]
        )
    units["weight"] = units["code"].map(weights["weight"])
    if "current" in result.text.columns and (result.text["current"] != "").all():
        units["current"] = units["code"].map(weights["current"]).astype("int64")
        units["source"] = published(file)
    if units["weight"].sum() <= 0:
        raise DatasetError([Problem(file, None, "weight", "0", "weights_all_zero")])
    return units


def default_plan(regency: RegencyData) -> pd.DataFrame:
    """The plan the pages open with: the regency's target, spread as the data says, top-up, Hamilton."""
    from kim_dash.model.coverage import floors, planning_units, target_spread

    spread = target_spread(regency)
    units = planning_units(regency, "equal")
    return make_plan(units, spread.total.value, "hamilton", "topup", spread.total.source, floors(regency))
