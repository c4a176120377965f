"""Plans by year: with a yearly capacity (e.g. 53 new KIM a year), which kecamatan get how many in
which year until the target is met — the planner's method and tie rule, one year at a time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from kim_dash.model.apportion import cover_empty, fill_floors, tie_order, top_up, top_up_empty_first
from kim_dash.model.kinds import Method
from kim_dash.sources.provenance import ILLUSTRATIVE, derive

SCHEDULE_COLUMNS = ["year", "code", "name", "new", "after", "desa", "source"]
MAX_YEARS = 100  # a capacity of 1 a year toward thousands of KIM is not a plan: stop and say so


@dataclass(frozen=True)
class Schedule:
    table: pd.DataFrame  # SCHEDULE_COLUMNS, one row per kecamatan that gets new KIM in a year
    per_year: int
    first_year: int
    reached_year: int | None  # the year the target is met; None: not within MAX_YEARS
    deadline: int | None

    @cached_property  # once per plan: a page rerun asks again (frozen dataclass: cached in __dict__)
    def totals(self) -> pd.DataFrame:
        """New KIM and the running total per year."""
        per_year = self.table.groupby("year")["new"].sum()
        out = per_year.rename("new").reset_index()
        out["cumulative"] = out["new"].cumsum()
        return out


def _uncovered_desa(desa: pd.DataFrame | None, registry: pd.DataFrame | None) -> dict[str, list[str]]:
    """Per kecamatan, its desa/kelurahan without a KIM, in code order (the next KIM goes there)."""
    if desa is None or registry is None:
        return {}
    covered = set(registry["desa_code"]) - {""}
    free = desa[~desa["code"].isin(covered)].sort_values("code")
    return {k: g["name"].tolist() for k, g in free.groupby("kecamatan_code")}


def plan_by_year(
    units: pd.DataFrame,
    total: int,
    per_year: int,
    first_year: int,
    method: Method = "hamilton",
    target_source: str = ILLUSTRATIVE,
    deadline: int | None = None,
    desa: pd.DataFrame | None = None,
    registry: pd.DataFrame | None = None,
    minimums: dict[str, int] | None = None,
    empty_first: bool = True,
) -> Schedule:
    """Place at most `per_year` new KIM a year, strongest claim first, until `total` is reached.

    With `minimums` (a KIM in every kecamatan or desa) the claim is how far a kecamatan is below its
    minimum, counted on `covered` (desa with a KIM), and `total` is the number of KIM missing.
    With `empty_first` every kecamatan without a KIM gets its first one before any other is placed.
    """
    if per_year <= 0:
        raise ValueError("per_year must be positive")
    order = tie_order(units)
    weights = dict(zip(units["code"], units["weight"], strict=True))
    names = dict(zip(units["code"], units["name"], strict=True))
    sources = dict(zip(units["code"], units["source"], strict=True))
    column = "covered" if minimums is not None else "current"
    current = {c: int(v) for c, v in zip(units["code"], units[column], strict=True)}
    kim = {c: int(v) for c, v in zip(units["code"], units["current"], strict=True)}
    if minimums is not None:
        total = sum(current.values()) + sum(max(minimums[c] - current[c], 0) for c in current)
    free = _uncovered_desa(desa, registry)
    rows: list[dict] = []
    year, reached = first_year, None
    placed = sum(current.values())
    if placed >= total:
        reached = first_year - 1
    while reached is None and year < first_year + MAX_YEARS:
        step = min(per_year, total - placed)
        if minimums is not None:
            empty = {c: int(empty_first and kim[c] == 0 == current[c] < minimums[c]) for c in current}
            seeded = cover_empty(empty, current, step, order)
            after = fill_floors(minimums, seeded, step - sum(seeded.values()) + sum(current.values()), order)
            kim = {c: kim[c] + after[c] - current[c] for c in current}
        else:
            after = (top_up_empty_first if empty_first else top_up)(
                weights, current, placed + step, method, order
            )
        for code in sorted(after, key=order.index):
            new = after[code] - current[code]
            if new:
                chosen, free[code] = free.get(code, [])[:new], free.get(code, [])[new:]
                rows.append(
                    {
                        "year": year,
                        "code": code,
                        "name": names[code],
                        "new": new,
                        "after": after[code],
                        "desa": ", ".join(chosen),
                        "source": derive(sources[code], target_source),
                    }
                )
        current, placed = after, placed + step
        if placed >= total:
            reached = year
        year += 1
    table = pd.DataFrame(rows, columns=SCHEDULE_COLUMNS)
    return Schedule(table, per_year, first_year, reached, deadline)
