"""Which grain of data answers for a kabupaten/kota on the chosen date, and what that grain holds.

In order: a registry of KIM -> a complete count table per kecamatan -> partial facts per kecamatan
(a published list, a count table that names some kecamatan) -> regency totals (dated reports) ->
other published reports (kecamatan with a KIM, desa with a KIM, …) -> nothing. Every page opens
with what its grain supports; nothing later than the chosen date is ever shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kim_dash.model.coverage import TargetSpread, coverage_kpis, target_spread
from kim_dash.model.partial import is_partial_table, resolve, with_kim_stated
from kim_dash.model.regency import RegencyData, regency_data
from kim_dash.sources.provenance import Figure, derive
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived

GRAINS = ("registry", "counts", "partial", "totals", "reports", "nothing")
FULL_GRAINS = ("registry", "counts")
PARTIAL_VIEW_COLUMNS = ["code", "name", "villages", "kim", "at_least", "state", "source"]


def choose_grain(table_kind: str | None, has_partial: bool, has_total: bool, has_reports: bool) -> str:
    """The finest grain that exists: the per-KIM registry first, nothing last."""
    if table_kind in FULL_GRAINS:
        return str(table_kind)
    if has_partial:
        return "partial"
    if has_total:
        return "totals"
    return "reports" if has_reports else "nothing"


def on_or_before(as_of: pd.Series, date: str) -> pd.Series:
    """Dated values visible on `date` ("" = the latest); a partial date counts from its start, so
    "2023" is visible in June 2023 but "2023-06" is not visible on "2023"."""
    dated = as_of.astype(str) != ""
    return dated & (as_of.astype(str) <= date) if date else dated


@dataclass(frozen=True)
class Total:
    """A regency's whole count of KIM on a date, as a source states it."""

    value: int
    as_of: str
    source: str
    counted_by: str

    @property
    def figure(self) -> Figure:
        return Figure(self.value, self.source)


@dataclass(eq=False)
class RegencyView:
    code: str
    name: str
    grain: str
    regency: RegencyData
    total: Total | None  # the latest dated total on or before the date (any grain)
    target: TargetSpread | None  # None: the data hold no target for this regency
    partial: pd.DataFrame | None  # PARTIAL_VIEW_COLUMNS, one row per kecamatan
    partial_as_of: str
    reports: pd.DataFrame  # this regency's published reports visible on the date
    _derived: dict[tuple, Any] = field(default_factory=dict, repr=False)

    @property
    def full(self) -> bool:
        return self.grain in FULL_GRAINS

    @property
    def data_as_of(self) -> str:
        """The date of what the view shows: the table's, else the latest total's or list's ("" = none)."""
        if self.regency.snapshot is not None:
            return self.regency.snapshot.as_of
        return max(self.total.as_of if self.total else "", self.partial_as_of)

    @property
    def n_kecamatan(self) -> int:
        return len(self.regency.kecamatan)

    @property
    def missing(self) -> Figure | None:
        """KIM still missing toward a total (or one-per-desa) target, from the regency's total."""
        if self.total is None or self.target is None or self.target.spread not in ("even", "per_desa"):
            return None
        short = max(int(self.target.total.value) - self.total.value, 0)
        return Figure(short, derive(self.total.source, self.target.total.source))

    def states(self) -> dict[str, int]:
        """How many kecamatan are known without a KIM, known with, at least one, unknown."""
        if self.partial is None:
            return {}
        counts = self.partial["state"].value_counts()
        return {s: int(counts.get(s, 0)) for s in ("none", "some", "at_least", "unknown")}


def regency_totals(dataset: Dataset, code: str) -> pd.DataFrame:
    """as_of, count, counted_by, source: every dated total of the regency visible on the date, from
    the curated history and the published reports (a report repeating a history figure once)."""
    history = dataset.history[dataset.history["regency_code"] == code]
    rows = history[["as_of", "count", "counted_by", "source"]].copy()
    reports = dataset.reports[(dataset.reports["regency_code"] == code) & (dataset.reports["what"] == "kim")]
    extra = reports[~reports["count"].isin(rows["count"])]
    rows = pd.concat(
        [
            rows,
            pd.DataFrame(
                {
                    "as_of": extra["as_of"],
                    "count": extra["count"],
                    "counted_by": extra["url"],
                    "source": extra["source"],
                }
            ),
        ],
        ignore_index=True,
    )
    rows = rows[on_or_before(rows["as_of"], dataset.as_of)]
    return rows.sort_values("as_of", kind="stable").reset_index(drop=True)


def later_total(dataset: Dataset, code: str, after: str, count: int) -> Total | None:
    """The latest total dated after `after` (a table's date) that says something else than `count`:
    a later report a plan or a table made from older rows has to name (Bandung: 113 KIM in July 2024
    against its 88 per kecamatan of April 2019). None when there is none, or `after` is undated."""
    if not after:
        return None
    totals = regency_totals(dataset, code)
    later = totals[(totals["as_of"].astype(str) > after) & (totals["count"] != count)]
    if not len(later):
        return None
    last = later.iloc[-1]
    return Total(int(last["count"]), str(last["as_of"]), str(last["source"]), str(last["counted_by"]))


@derived
def later_than_rows(dataset: Dataset, code: str) -> Total | None:
    """later_total() of a regency's per-kecamatan rows (None without rows), once per dataset."""
    regency = regency_data(dataset, code)
    if not regency.has_data:
        return None
    return later_total(dataset, regency.code, regency.as_of, int(coverage_kpis(regency).kim.value))


def _partial_table(dataset: Dataset, regency: RegencyData) -> tuple[pd.DataFrame | None, str]:
    """The latest partial facts per kecamatan on or before the date: a stored count table that names
    some kecamatan, or a published list (a stored table wins a tie)."""
    code, codes = regency.code, regency.kecamatan["code"].tolist()
    candidates: list[tuple[str, int, pd.DataFrame]] = []
    for snapshot in dataset.history_of("counts", code):
        frame = dataset.frame(snapshot)
        if is_partial_table(dataset, code, "counts", frame, snapshot.as_of, codes):
            candidates.append((snapshot.as_of, 1, frame))
    facts = dataset.kecamatan_facts
    mine = facts[(facts["regency_code"] == code) & on_or_before(facts["as_of"], dataset.as_of)]
    if len(mine):
        latest = str(mine["as_of"].max())
        candidates.append((latest, 0, mine[mine["as_of"] == latest]))
    if not candidates:
        return None, ""
    as_of, _, listed = max(candidates, key=lambda c: (c[0], c[1]))
    stated = with_kim_stated(dataset, code, as_of, len(codes))
    resolved = resolve(codes, listed, stated)
    units = regency.kecamatan.set_index("code")
    resolved["name"] = resolved["code"].map(units["name"])
    resolved["villages"] = resolved["code"].map(units["villages"]).astype("int64")
    return resolved[PARTIAL_VIEW_COLUMNS], as_of


@derived
def regency_view(dataset: Dataset, code: str) -> RegencyView:
    regency = regency_data(dataset, code)
    totals = regency_totals(dataset, code)
    total = None
    if regency.has_data and regency.snapshot is not None and regency.snapshot.as_of:
        kim = coverage_kpis(regency).kim
        total = Total(int(kim.value), regency.snapshot.as_of, kim.source, "")
    elif len(totals):
        last = totals.iloc[-1]
        total = Total(int(last["count"]), str(last["as_of"]), str(last["source"]), str(last["counted_by"]))
    partial, partial_as_of = (None, "") if regency.has_data else _partial_table(dataset, regency)
    reports = dataset.reports[dataset.reports["regency_code"] == code]
    reports = reports[on_or_before(reports["as_of"], dataset.as_of)].reset_index(drop=True)
    grain = choose_grain(
        regency.snapshot.kind if regency.snapshot else None,
        partial is not None,
        total is not None,
        len(reports) > 0,
    )
    return RegencyView(
        code=code,
        name=regency.name,
        grain=grain,
        regency=regency,
        total=total,
        target=target_spread(regency) if regency.targets.has_any else None,
        partial=partial,
        partial_as_of=partial_as_of,
        reports=reports,
    )
