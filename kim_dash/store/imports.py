"""Imports: a file becomes a dated snapshot only after it validates, and never overwrites one.

`store_import` is the one writer (the command line and a signed-in officer's page); the default store
and its seeding from the shipped sample are in `kim_dash.store.seeding`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kim_dash.sources.dates import date_problem
from kim_dash.sources.geography import Geography
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.upload import Ingested
from kim_dash.store.database import Snapshot, Store
from kim_dash.store.frames import SnapshotFrames


def command_line_author() -> str:
    """Who stores a snapshot from a shell: "command line (<OS user>)"."""
    import getpass

    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        user = "?"
    return f"command line ({user})"


@dataclass
class ImportResult:
    snapshot: Snapshot
    already: bool = False  # the same file, kind, regency and date was stored before: nothing changed
    disagreements: list[tuple[str, int, int]] = field(default_factory=list)  # kecamatan, this, the other kind


def total_kim(kind: str, frame: pd.DataFrame) -> int:
    return len(frame) if kind == "registry" else int(frame["count"].sum())


def per_kecamatan(kind: str, frame: pd.DataFrame) -> pd.Series:
    if kind == "registry":
        return frame.groupby("kecamatan_code").size()
    return frame.set_index("kecamatan_code")["count"]


def _date_problem(as_of: str, file: str, allow_future: bool = False) -> Problem | None:
    if not as_of:
        return Problem(file, None, "as_of", "", "snapshot_needs_date")
    reason = date_problem(as_of, allow_future)
    return Problem(file, None, "as_of", as_of, reason) if reason else None


def check_import(result: Ingested, as_of: str, allow_future: bool = False) -> str:
    """The snapshot's date (the file's own date column, else `as_of`), or DatasetError."""
    if result.problems:
        raise DatasetError(result.problems)
    if result.as_of and as_of and result.as_of != as_of:
        raise DatasetError([Problem(result.file, None, "as_of", result.as_of, "date_conflict", as_of)])
    date = result.as_of or as_of
    problem = _date_problem(date, result.file, allow_future)
    if problem:
        raise DatasetError([problem])
    return date


def _disagreements(
    store: Store, meta: Snapshot, frame: pd.DataFrame, geography: Geography, stored: list[Snapshot]
) -> list:
    other_kind = {"registry": "counts", "counts": "registry"}.get(meta.kind)
    if other_kind is None:
        return []
    others = [
        s
        for s in stored
        if s.kind == other_kind
        and s.regency_code == meta.regency_code
        and s.as_of == meta.as_of
        and (meta.sample or not s.sample)  # real data is compared with real data only
    ]
    if not others:
        return []
    mine = per_kecamatan(meta.kind, frame)
    theirs = per_kecamatan(other_kind, SnapshotFrames(store, geography)(others[-1]))
    codes = sorted(set(mine.index) | set(theirs.index))
    pairs = [(c, int(mine.get(c, 0)), int(theirs.get(c, 0))) for c in codes]
    return [p for p in pairs if p[1] != p[2]]


def store_import(
    store: Store,
    result: Ingested,
    raw: bytes,
    as_of: str,
    note: str,
    geography: Geography,
    allow_future: bool = False,
    author: str = "",
    sample: bool = False,
) -> ImportResult:
    """Append a validated upload as a snapshot (never changing an earlier one).

    The one writer of the command line and the page. A real snapshot of a kind, area and date is
    never overwritten; the illustrative sample never blocks real data of its own kind, area and date
    (the sample then stops being shown for that area: `kim_dash.store.sample.shown`).
    """
    date = check_import(result, as_of, allow_future)
    assert result.frame is not None and result.text is not None
    regency = "" if result.kind == "national" else result.regency
    digest = hashlib.sha256(raw).hexdigest()
    meta = Snapshot(
        0,
        result.kind,
        regency,
        date,
        len(result.frame),
        total_kim(result.kind, result.frame),
        digest,
        Path(result.file).name,
        note,
        author or command_line_author(),
        "",
        sample,
    )
    stored = store.snapshots()
    if any(  # the same file for its kind, area and date: the shipped file itself stays the sample
        (s.kind, s.regency_code, s.as_of, s.sha256) == (meta.kind, regency, date, digest) for s in stored
    ):
        same = [
            s
            for s in stored
            if (s.kind, s.regency_code, s.as_of, s.sha256) == (meta.kind, regency, date, digest)
        ]
        return ImportResult(same[0], already=True)
    same_day = store.same_key(meta)  # the unique key: kind, area, date and sample (real never blocked)
    if not same_day:
        disagreements = _disagreements(store, meta, result.frame, geography, stored)
        added, new = store.add(meta, result.text)  # the database's unique key decides a race
        if new:
            return ImportResult(added, disagreements=disagreements)
        same_day = [added]
    if any(s.sha256 == digest for s in same_day):
        return ImportResult(next(s for s in same_day if s.sha256 == digest), already=True)
    raise DatasetError([Problem(result.file, None, "as_of", date, "snapshot_exists", same_day[-1].label)])


def schema_problems(store: Store) -> list[Problem]:
    """Make the store's tables and unique key; a store holding several snapshots of one key says which."""
    return [
        Problem(
            store.label,
            None,
            "as_of",
            as_of,
            "duplicate_snapshots",
            f"{kind} {regency or '-'}: #" + ", #".join(map(str, ids)),
        )
        for kind, regency, as_of, ids in store.ensure_schema()
    ]
