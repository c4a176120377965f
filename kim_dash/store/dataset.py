"""The Dataset: reference geography + the snapshots visible on a date + curated history and targets.

`load_dataset(folder, store, as_of)` is the one way in, for the pages and the CLI alike. Snapshots
are immutable, so each one is read and validated once per process and shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from kim_dash.sources.dates import date_problem
from kim_dash.sources.geography import Geography, load_geography, read_data_file
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.provenance import Facts
from kim_dash.sources.validate import validate_frame
from kim_dash.store import sample
from kim_dash.store.database import Snapshot, Store
from kim_dash.store.engine import visitor_label
from kim_dash.store.frames import SnapshotFrames

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
CURATED_FILES = {
    "history": "kim_history.csv",
    "targets": "targets.csv",
    "facts": "published_figures.csv",
    "reports": "published_reports.csv",
    "kecamatan_facts": "published_kecamatan.csv",
}
OPTIONAL_FILES = ("reports", "kecamatan_facts")  # a data folder without them has no such reports
PREVIEW_ID = -1  # a session's upload: shown like the latest snapshot, never stored


@dataclass(eq=False)
class Dataset:
    geography: Geography
    snapshots: tuple[Snapshot, ...]  # every stored snapshot, by date
    frames: SnapshotFrames
    history: pd.DataFrame
    targets: pd.DataFrame
    facts: Facts
    reports: pd.DataFrame = field(default_factory=lambda: typed_empty("reports"))
    kecamatan_facts: pd.DataFrame = field(default_factory=lambda: typed_empty("kecamatan_facts"))
    store_label: str = ""
    as_of: str = ""  # the chosen "data as of" date; "" = the latest
    previews: dict[tuple[str, str], tuple[Snapshot, pd.DataFrame]] = field(default_factory=dict)
    _derived: dict[tuple, Any] = field(default_factory=dict, repr=False)

    def visible(self) -> list[Snapshot]:
        """Snapshots on or before the chosen date (a partial date counts from its start)."""
        return [s for s in self.snapshots if not self.as_of or s.as_of <= self.as_of]

    def history_of(self, kind: str, regency: str = "") -> list[Snapshot]:
        """Visible snapshots of one kind and regency, oldest first, with a session preview last."""
        found = [s for s in self.visible() if s.kind == kind and s.regency_code == regency]
        preview = self.previews.get((kind, regency))
        return [*found, preview[0]] if preview else found

    def latest(self, kind: str, regency: str = "") -> Snapshot | None:
        shown = self.history_of(kind, regency)
        return shown[-1] if shown else None

    def previous(self, snapshot: Snapshot) -> Snapshot | None:
        earlier = self.history_of(snapshot.kind, snapshot.regency_code)
        position = next(i for i, s in enumerate(earlier) if s.id == snapshot.id)
        return earlier[position - 1] if position > 0 else None

    def frame(self, snapshot: Snapshot) -> pd.DataFrame:
        if snapshot.id == PREVIEW_ID:
            return self.previews[(snapshot.kind, snapshot.regency_code)][1]
        return self.frames(snapshot)

    def dates(self) -> list[str]:
        """Every date with data, newest first: the choices of "data as of" — snapshots, and the dates of
        published totals, per-kecamatan lists and national reports (each shows what was published by then)."""
        found = {s.as_of for s in self.snapshots}
        national = self.reports[self.reports["level"] == "national"]
        for frame in (self.history, self.kecamatan_facts, national):
            found |= {str(d) for d in frame["as_of"] if d}
        return sorted(found, reverse=True)

    def regencies_with_data(self) -> list[str]:
        return sorted(
            {s.regency_code for s in self.visible() if s.kind in ("registry", "counts")}
            | {k[1] for k in self.previews if k[0] != "national"}
        )

    def at(self, as_of: str) -> Dataset:
        """The same data seen on another date (derived tables are computed afresh)."""
        return replace(self, as_of=as_of, _derived={})

    def with_preview(
        self, kind: str, regency: str, frame: pd.DataFrame, file_name: str, as_of: str = ""
    ) -> Dataset:
        """A copy showing a session's upload as the latest data of its kind (nothing is stored)."""
        total = int(frame["count"].sum()) if "count" in frame else len(frame)
        meta = Snapshot(PREVIEW_ID, kind, regency, as_of, len(frame), total, "", file_name, "")
        return replace(self, previews={**self.previews, (kind, regency): (meta, frame)}, _derived={})


def typed_empty(kind: str) -> pd.DataFrame:
    from kim_dash.sources.schema import typed
    from kim_dash.sources.specs import SPECS

    return typed(kind, pd.DataFrame({c.name: pd.Series([], dtype=str) for c in SPECS[kind]}))


def load_curated(folder: Path, geography: Geography) -> dict[str, pd.DataFrame]:
    """History, targets and published aggregates of the data folder, validated."""
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    for kind, relative in CURATED_FILES.items():
        if kind in OPTIONAL_FILES and not (folder / relative).exists():
            frames[kind] = typed_empty(kind)
            continue
        raw, read_problems = read_data_file(folder, relative)
        problems += read_problems
        if raw is not None:
            typed, kind_problems = validate_frame(kind, raw, geography.refs(), relative)
            problems += kind_problems
            if typed is not None:
                frames[kind] = typed
    if problems:
        raise DatasetError(problems)
    return frames


def load_dataset(
    folder: str | Path = DEFAULT_DATA_DIR,
    store: Store | None = None,
    as_of: str = "",
    geography: Geography | None = None,
) -> Dataset:
    """Geography and curated files from `folder`, snapshots from `store` (default: the folder's own)."""
    from kim_dash.store.seeding import default_store  # the default store seeds itself through ingest

    folder = Path(folder)
    geography = geography or load_geography(folder)
    problems: list[Problem] = []
    try:
        store = store or default_store(folder, geography)
    except DatasetError as err:  # go on: the report lists the curated files' problems too
        problems += err.problems
        store = None
    try:
        curated = load_curated(folder, geography)
    except DatasetError as err:
        problems += err.problems
    if problems or store is None:
        raise DatasetError(problems)
    snapshots = tuple(store.snapshots())
    dated = [(s, date_problem(s.as_of, allow_future=True)) for s in snapshots]  # stored by an older version
    bad = [Problem(f"{store.label} {s.label}", None, "as_of", s.as_of, r) for s, r in dated if r]
    if bad:  # or by hand: a report, never a page that fails formatting the date
        raise DatasetError(bad)
    return Dataset(
        geography,
        tuple(sample.shown(snapshots)),  # real data replaces the sample of its area
        SnapshotFrames(store, geography),
        curated["history"],
        curated["targets"],
        Facts(curated["facts"]),
        curated["reports"],
        curated["kecamatan_facts"],
        visitor_label(store.engine.url, store.label),  # shown on the Data page: no user, host or port
        as_of,
    )
