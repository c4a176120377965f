"""One kabupaten/kota as the per-kecamatan pages see it: its kecamatan, its data, its targets.

The KIM per kecamatan come from the latest registry or complete count table on or before the chosen
date (a registry wins a tie: it names every KIM); a count table that leaves kecamatan unknown is a
partial fact, shown by kim_dash.model.grain. A kecamatan with no KIM in a table is a zero whose source
is the whole table's: the zero is only as published as the table is complete.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kim_dash.model.partial import is_partial_table
from kim_dash.sources.provenance import Facts, Figure, combine, combine_series
from kim_dash.store.database import Snapshot
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived

KIND_ORDER = {"counts": 0, "registry": 1}  # on the same date the registry is shown


@dataclass(frozen=True)
class RegencyTarget:
    """The regency's targets from targets.csv (never from code)."""

    total: Figure | None = None  # kim_total: spread evenly over the kecamatan
    per_desa: Figure | None = None  # kim_per_desa: one (or n) in every desa/kelurahan
    per_kecamatan: Figure | None = None
    deadline: int | None = None  # the year the main target (total, per desa or per kecamatan) is due
    new_kim: Figure | None = None  # kim_new: KIM to form in one year (Malang: 53 in 2023), not a pace
    new_kim_year: int | None = None  # that target's own year

    @property
    def has_any(self) -> bool:
        return any((self.total, self.per_desa, self.per_kecamatan))


@dataclass(eq=False)
class RegencyData:
    code: str
    name: str
    kecamatan: pd.DataFrame  # code, name, desa_count, kelurahan_count, villages, lat, lon, area_km2
    desa: pd.DataFrame
    snapshot: Snapshot | None  # the registry or count table shown; None = no data for this regency
    registry: pd.DataFrame | None  # the KIM rows when the snapshot is a registry
    counts: pd.DataFrame  # per kecamatan: kecamatan_code, kim, villages_covered (NaN: unknown), source
    previous: Snapshot | None  # the snapshot before, for "since the previous snapshot"
    previous_kim: pd.Series | None  # kecamatan_code -> KIM then
    targets: RegencyTarget
    series: tuple[Snapshot, ...]  # every registry/count snapshot of the regency up to the date
    disagreements: tuple[tuple[str, int, int], ...] = ()  # registry vs count table of the same date
    count_rows: pd.DataFrame | None = None  # the count table's own rows, when it is one
    facts: Facts | None = None  # aggregates a public source states (to confirm whole-regency figures)
    _derived: dict[tuple, Any] = field(default_factory=dict, repr=False)

    @property
    def has_data(self) -> bool:
        return self.snapshot is not None

    @property
    def as_of(self) -> str:
        """The shown snapshot's date at its own precision; '' when there is no data."""
        return self.snapshot.as_of if self.snapshot is not None else ""

    @property
    def kecamatan_names(self) -> dict[str, str]:
        """Kecamatan code -> name, in the reference geography's order."""
        return dict(zip(self.kecamatan["code"], self.kecamatan["name"], strict=True))

    def confirm(self, fig: Figure, figure_name: str) -> Figure:
        """A whole-regency figure as published when a source states it for the snapshot shown."""
        if self.snapshot is None or self.facts is None:
            return fig
        return self.facts.confirm(
            fig, self.snapshot.kind, self.snapshot.as_of, figure_name, regency=self.code
        )

    @property
    def table_source(self) -> str:
        """The source of the whole table: what a zero (or any figure over all kecamatan) rests on."""
        rows = self.registry if self.registry is not None else self.count_rows
        return combine(rows["source"].tolist()) if rows is not None else combine([])


def _targets(dataset: Dataset, code: str) -> RegencyTarget:
    rows = dataset.targets[dataset.targets["regency_code"] == code].set_index("id")

    def pick(target_id: str) -> Figure | None:
        if target_id not in rows.index:
            return None
        row = rows.loc[target_id]
        return Figure(float(row["value"]), str(row["source"]))

    def due(target_id: str) -> int | None:
        """Each target keeps its own deadline: never another target's."""
        if target_id not in rows.index or "deadline" not in rows:
            return None
        year = rows.loc[target_id, "deadline"]
        return None if pd.isna(year) or year == "" else int(year)

    main = next((i for i in ("kim_total", "kim_per_desa", "kim_per_kecamatan") if i in rows.index), "")
    return RegencyTarget(
        pick("kim_total"),
        pick("kim_per_desa"),
        pick("kim_per_kecamatan"),
        due(main) if main else None,
        pick("kim_new"),
        due("kim_new"),
    )


def kim_per_kecamatan(kind: str, frame: pd.DataFrame, kecamatan: pd.Series) -> pd.DataFrame:
    """KIM, desa/kelurahan with a KIM and the source, for every kecamatan (zeros included)."""
    whole = combine(frame["source"].tolist())
    out = pd.DataFrame({"kecamatan_code": kecamatan.to_numpy()})
    if kind == "registry":
        grouped = frame.groupby("kecamatan_code")
        kim, sources = grouped.size(), combine_series(grouped["source"])
        with_desa = frame[frame["desa_code"] != ""]
        covered = with_desa.groupby("kecamatan_code")["desa_code"].nunique()
        out["villages_covered"] = out["kecamatan_code"].map(covered).fillna(0).astype(float)
    else:
        kim = frame.set_index("kecamatan_code")["count"]
        sources = frame.set_index("kecamatan_code")["source"]
        out["villages_covered"] = np.nan  # a count table does not say which desa
    out["kim"] = out["kecamatan_code"].map(kim).fillna(0).astype("int64")
    out["source"] = out["kecamatan_code"].map(sources).astype(object).fillna(whole)
    return out


def _disagreements(dataset: Dataset, shown: Snapshot, code: str, kecamatan: pd.Series) -> tuple:
    other_kind = "counts" if shown.kind == "registry" else "registry"
    other = [s for s in dataset.history_of(other_kind, code) if s.as_of == shown.as_of]
    if not other:
        return ()
    mine = kim_per_kecamatan(shown.kind, dataset.frame(shown), kecamatan).set_index("kecamatan_code")["kim"]
    theirs = kim_per_kecamatan(other_kind, dataset.frame(other[-1]), kecamatan).set_index("kecamatan_code")[
        "kim"
    ]
    differ = mine[mine != theirs]
    pairs = [(c, int(mine[c]), int(theirs[c])) for c in differ.index]
    return tuple(pairs if shown.kind == "registry" else [(c, b, a) for c, a, b in pairs])


@derived
def regency_data(dataset: Dataset, code: str) -> RegencyData:
    geography = dataset.geography
    kecamatan = geography.kecamatan_in(code).copy()
    kecamatan["villages"] = kecamatan["desa_count"] + kecamatan["kelurahan_count"]
    codes = kecamatan["code"].tolist()
    series = sorted(
        (
            s
            for s in dataset.history_of("registry", code) + dataset.history_of("counts", code)
            # a count table that leaves kecamatan unknown is a partial fact (kim_dash.model.grain), not a table
            if not is_partial_table(dataset, code, s.kind, dataset.frame(s), s.as_of, codes)
        ),
        key=lambda s: (s.id < 0, s.as_of, KIND_ORDER[s.kind], s.id),
    )
    shown = series[-1] if series else None
    previous = series[-2] if len(series) > 1 else None
    frame = dataset.frame(shown) if shown else pd.DataFrame({"kecamatan_code": [], "count": [], "source": []})
    counts = kim_per_kecamatan(shown.kind if shown else "counts", frame, kecamatan["code"])
    previous_kim = None
    if previous is not None:
        before = kim_per_kecamatan(previous.kind, dataset.frame(previous), kecamatan["code"])
        previous_kim = before.set_index("kecamatan_code")["kim"]
    return RegencyData(
        code=code,
        name=geography.regency_name(code),
        kecamatan=kecamatan,
        desa=geography.desa_in(code),
        snapshot=shown,
        registry=frame if shown is not None and shown.kind == "registry" else None,
        counts=counts,
        previous=previous,
        previous_kim=previous_kim,
        targets=_targets(dataset, code),
        series=tuple(series),
        disagreements=_disagreements(dataset, shown, code, kecamatan["code"]) if shown else (),
        count_rows=frame if shown is not None and shown.kind == "counts" else None,
        facts=dataset.facts,
    )
