"""Where the next KIM should be formed: target allocation, top-up plan, desa saturation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kim_dash.apportion import METHODS, apportion, top_up
from kim_dash.coverage import Inequality, inequality, kecamatan_table
from kim_dash.data import Dataset, read_csv_text
from kim_dash.problems import DatasetError, Problem

WEIGHTINGS = ("equal", "desa")
MODES = ("topup", "full")
PLAN_COLUMNS = ["code", "name", "current", "weight", "target", "gap", "new", "after"]


def bogor_units(dataset: Dataset, weighting: str = "equal") -> pd.DataFrame:
    """Planning units from the dataset: code, name, current, weight, villages."""
    table = kecamatan_table(dataset)
    units = table[["code", "name", "kim", "villages"]].rename(columns={"kim": "current"})
    if weighting == "equal":
        units["weight"] = 1.0
    elif weighting == "desa":
        units["weight"] = units["villages"].astype(float)
    else:
        raise ValueError(f"unknown weighting {weighting!r}")
    return units


def read_weights_file(raw: bytes, file: str, dataset: Dataset | None) -> pd.DataFrame:
    """A `code,weight[,name,current]` CSV as planning units; without `current`, counts come from the registry."""
    frame, problems = read_csv_text(raw, file)
    if frame is None:
        raise DatasetError(problems)
    for column in ("code", "weight"):
        if column not in frame.columns:
            problems.append(Problem(file, None, column, column, "missing_column"))
    if problems:
        raise DatasetError(problems)
    units = pd.DataFrame({"code": frame["code"]})
    weights, currents = [], []
    for i, row in frame.iterrows():
        line = int(i) + 2
        try:
            weight = float(row["weight"])
            if weight < 0 or weight != weight:
                raise ValueError
            weights.append(weight)
        except ValueError:
            problems.append(Problem(file, line, "weight", row["weight"], "not_number"))
            weights.append(0.0)
        if "current" in frame.columns:
            value = row["current"]
            if not value.isdigit():
                reason = "negative" if value.lstrip("-").isdigit() else "not_integer"
                problems.append(Problem(file, line, "current", value, reason))
            currents.append(int(value) if value.isdigit() else 0)
    dup = frame["code"][frame["code"].duplicated()]
    problems += [Problem(file, int(i) + 2, "code", c, "duplicate") for i, c in dup.items()]
    units["weight"] = weights
    if "current" in frame.columns:
        units["current"] = currents
        units["villages"] = 0
        units["name"] = frame["name"] if "name" in frame.columns else frame["code"]
    else:
        if dataset is None:
            raise DatasetError([Problem(file, None, "current", "current", "missing_column")])
        own = bogor_units(dataset).set_index("code")
        unknown = units[~units["code"].isin(own.index)]
        problems += [
            Problem(file, int(i) + 2, "code", c, "unknown_kecamatan") for i, c in unknown["code"].items()
        ]
        units["current"] = units["code"].map(own["current"]).fillna(0).astype("int64")
        units["villages"] = units["code"].map(own["villages"]).fillna(0).astype("int64")
        units["name"] = units["code"].map(own["name"]).fillna("")
    if problems:
        raise DatasetError(problems)
    if units["weight"].sum() <= 0:
        raise DatasetError([Problem(file, None, "weight", "0", "not_number")])
    return units[["code", "name", "current", "weight", "villages"]]


def load_weights(path: Path, dataset: Dataset | None) -> pd.DataFrame:
    return read_weights_file(path.read_bytes(), path.name, dataset)


def plan_order(units: pd.DataFrame) -> list[str]:
    """Tie rule: more desa/kelurahan first, then larger weight, then lower code."""
    return units.sort_values(["villages", "weight", "code"], ascending=[False, False, True])["code"].tolist()


def make_plan(units: pd.DataFrame, total: int, method: str = "hamilton", mode: str = "topup") -> pd.DataFrame:
    """The plan table (PLAN_COLUMNS).

    topup: the (total - current) new KIM placed one at a time by the method's priority; nobody
    loses a KIM; gap = target - after (what is left). full: gap = target - current (negative =
    above its share), new = the positive part of the gap.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    order = plan_order(units)
    weights = dict(zip(units["code"], units["weight"]))
    current = {c: int(v) for c, v in zip(units["code"], units["current"])}
    target = apportion(weights, total, method, order)
    out = units[["code", "name", "current", "weight"]].copy()
    out["target"] = out["code"].map(target).astype("int64")
    if mode == "topup":
        after = top_up(weights, current, total, method, order)
        out["after"] = out["code"].map(after).astype("int64")
        out["new"] = out["after"] - out["current"]
        out["gap"] = out["target"] - out["after"]
    else:
        out["gap"] = out["target"] - out["current"]
        out["new"] = out["gap"].clip(lower=0)
        out["after"] = out["current"] + out["new"]
    # most new KIM first, then the largest gap: the order a leader reads the plan in
    return out.sort_values(["new", "gap", "code"], ascending=[False, False, True])[PLAN_COLUMNS].reset_index(
        drop=True
    )


@dataclass(frozen=True)
class PlanSummary:
    current: int
    target: int
    to_form: int  # KIM still to form to reach the target total
    new: int  # KIM the plan places
    before: Inequality
    after: Inequality


def summarise(plan: pd.DataFrame, units: pd.DataFrame, total: int) -> PlanSummary:
    villages = units.set_index("code")["villages"].reindex(plan["code"]).reset_index(drop=True)
    return PlanSummary(
        current=int(plan["current"].sum()),
        target=total,
        to_form=max(total - int(plan["current"].sum()), 0),
        new=int(plan["new"].sum()),
        before=inequality(plan["current"], villages, plan["target"]),
        after=inequality(plan["after"], villages, plan["target"]),
    )


def desa_saturation(dataset: Dataset) -> pd.DataFrame:
    """KIM needed so every desa/kelurahan has at least one, per kecamatan."""
    table = kecamatan_table(dataset)
    out = table[["code", "name", "villages", "villages_covered", "kim"]].copy()
    out["needed"] = out["villages"] - out["villages_covered"]
    return out.sort_values(["needed", "code"], ascending=[False, True], ignore_index=True)
