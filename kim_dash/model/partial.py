"""Partial facts per kecamatan: unknown is not zero, and "at least one" is a fact of its own.

A count table or a published list names some kecamatan. A kecamatan it does not name is unknown —
unless a regency-level statement of the same date settles it: "88 KIM in 22 of 31 kecamatan" with 22
kecamatan listed makes the other 9 zeros; "3 of 33 kecamatan without a KIM" with those 3 listed makes
each of the other 30 "at least one". A registry names every KIM, so it is always complete.
"""

from __future__ import annotations

import pandas as pd

from kim_dash.sources.provenance import Figure, combine
from kim_dash.store.dataset import Dataset

STATES = ("none", "some", "at_least", "unknown")  # tanpa KIM · ada (jumlah diketahui) · ≥ 1 · ?
PARTIAL_COLUMNS = ["code", "kim", "at_least", "state", "source"]


def resolve(
    codes: list[str], listed: pd.DataFrame, with_kim: Figure | None = None, table_source: str = ""
) -> pd.DataFrame:
    """One row per kecamatan code: `kim` (nullable: <NA> = not known exactly), `at_least`, `state`.

    `listed`: kecamatan_code, count (nullable) and optionally at_least and source; `with_kim`: the
    number of kecamatan with a KIM a source states for the same date, if any.
    """
    listed = listed.drop_duplicates("kecamatan_code", keep="last").set_index("kecamatan_code")
    count = pd.to_numeric(listed["count"], errors="coerce") if "count" in listed else pd.Series(dtype=float)
    least = (
        pd.to_numeric(listed["at_least"], errors="coerce") if "at_least" in listed else pd.Series(dtype=float)
    )
    sources = listed["source"] if "source" in listed else pd.Series(dtype=object)
    out = pd.DataFrame({"code": codes})
    out["kim"] = out["code"].map(count).astype("Int64")
    out["at_least"] = out["code"].map(least).astype("Int64")
    out["state"] = "unknown"
    out.loc[out["at_least"].fillna(0) > 0, "state"] = "at_least"
    out.loc[out["kim"].notna() & (out["kim"].fillna(0) > 0), "state"] = "some"
    out.loc[out["kim"].notna() & (out["kim"].fillna(-1) == 0), "state"] = "none"
    out["source"] = out["code"].map(sources).astype(object).fillna(table_source or combine([]))
    unlisted = ~out["code"].isin(listed.index)
    if with_kim is not None and unlisted.any():
        known_with = int(out["state"].isin(["some", "at_least"]).sum())
        known_without = int((out["state"] == "none").sum())
        if int(with_kim.value) == known_with:  # every kecamatan with a KIM is listed: the rest have none
            out.loc[unlisted, ["kim", "state", "source"]] = [0, "none", with_kim.source]
        elif len(codes) - int(with_kim.value) == known_without:  # every one without is listed
            out.loc[unlisted, ["at_least", "state", "source"]] = [1, "at_least", with_kim.source]
    out["kim"] = out["kim"].astype("Int64")
    out["at_least"] = out["at_least"].astype("Int64")
    return out[PARTIAL_COLUMNS]


def is_complete(resolved: pd.DataFrame) -> bool:
    """Every kecamatan's count is known (a full count table), so the per-kecamatan pages apply."""
    return bool(resolved["state"].isin(["none", "some"]).all())


def with_kim_stated(dataset: Dataset, code: str, as_of: str, n_kecamatan: int) -> Figure | None:
    """Kecamatan with a KIM that a public source states for this regency and date, if any."""
    facts = dataset.facts.table
    stated = facts[
        (facts["regency_code"] == code)
        & (facts["as_of"] == as_of)
        & (facts["figure"] == "kecamatan_with_kim")
    ]
    if len(stated):
        return Figure(int(stated["value"].iloc[-1]), str(stated["source"].iloc[-1]))
    reports = dataset.reports
    mine = reports[(reports["regency_code"] == code) & (reports["as_of"] == as_of)]
    for row in mine.itertuples(index=False):
        if row.what == "kecamatan_with_kim":
            return Figure(int(row.count), str(row.source))
        if row.what == "kecamatan_without_kim" and row.of_total is not pd.NA and row.of_total == n_kecamatan:
            return Figure(n_kecamatan - int(row.count), str(row.source))
    return None


def resolve_counts(
    dataset: Dataset, code: str, frame: pd.DataFrame, as_of: str, codes: list[str]
) -> pd.DataFrame:
    """A count table's kecamatan resolved with what a source states for the same date."""
    stated = with_kim_stated(dataset, code, as_of, len(codes))
    return resolve(codes, frame, stated, combine(frame["source"].tolist()))


def is_partial_table(
    dataset: Dataset, code: str, kind: str, frame: pd.DataFrame, as_of: str, codes: list[str]
) -> bool:
    """A count table that leaves some kecamatan unknown (a registry never does: it names every KIM)."""
    if kind == "registry" or set(codes) <= set(frame["kecamatan_code"]):
        return False
    return not is_complete(resolve_counts(dataset, code, frame, as_of, codes))
