"""Imports and the default store: a file becomes a dated snapshot only after it validates.

The shipped sample is the first snapshots of the default store (`seed_snapshots.csv` names its files
and dates). Until the first import, the default store is an in-memory SQLite database seeded from
those files, so the app never writes to disk; the first `import` creates `<data>/kim.sqlite`, seeds
it the same way and appends.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from kim_dash.dates import date_problem
from kim_dash.geography import Geography, read_data_file
from kim_dash.ingest import Ingested, ingest
from kim_dash.problems import DatasetError, Problem
from kim_dash.store import Snapshot, Store
from kim_dash.validate import validate_frame

SEED_MANIFEST = "seed_snapshots.csv"
STORE_FILE = "kim.sqlite"


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


def _disagreements(store: Store, meta: Snapshot, frame: pd.DataFrame, geography: Geography) -> list:
    from kim_dash.data import SnapshotFrames

    other_kind = {"registry": "counts", "counts": "registry"}.get(meta.kind)
    if other_kind is None:
        return []
    others = [
        s
        for s in store.snapshots()
        if s.kind == other_kind and s.regency_code == meta.regency_code and s.as_of == meta.as_of
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
) -> ImportResult:
    """Append a validated upload as a snapshot (never changing an earlier one)."""
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
    )
    same_day = store.same_key(meta)
    if not same_day:
        disagreements = _disagreements(store, meta, result.frame, geography)
        stored, new = store.add(meta, result.text)  # the database's unique key decides a race
        if new:
            return ImportResult(stored, disagreements=disagreements)
        same_day = [stored]
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


def seed(store: Store, folder: Path, geography: Geography) -> None:
    """Import the shipped sample files named in the seed manifest, in order."""
    text, problems = read_data_file(folder, SEED_MANIFEST)
    manifest = None
    if text is not None:
        manifest, problems = validate_frame("seed", text, geography.refs(), SEED_MANIFEST)
    if manifest is None:
        raise DatasetError(problems)
    problems = []
    for row in manifest.itertuples(index=False):
        path = folder / row.file
        if not path.is_file():
            problems.append(Problem(row.file, None, None, None, "missing_file"))
            continue
        raw = path.read_bytes()
        result = ingest(raw, row.file, geography, kind=row.kind, regency=row.regency_code or "32.01")
        try:  # every seed file is checked, so one report lists the problems of all of them
            store_import(store, result, raw, row.as_of, row.note, geography)
        except DatasetError as err:
            problems += err.problems
    if problems:
        raise DatasetError(problems)


def memory_store(folder: Path, geography: Geography) -> Store:
    engine = sa.create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    store = Store(engine, f"{folder.name}/{SEED_MANIFEST}")
    store.ensure_schema()
    seed(store, folder, geography)
    return store


def default_store(folder: Path, geography: Geography, create: bool = False) -> Store:
    """`<folder>/kim.sqlite` when it exists (or `create`), else the seeded in-memory store.

    A new file is made whole or not at all: seeded under a temporary name, then linked into place
    (never over another importer's file), so a first import killed at any moment leaves either no
    store (the sample shows from memory) or a seeded one.
    """
    path = folder / STORE_FILE
    if not path.exists() and not create:
        return memory_store(folder, geography)
    if create:
        _remove_stale(path)
        _set_aside_if_empty(path)
    if not path.exists():
        _make_seeded(path, folder, geography)
    store = Store.from_url(f"sqlite:///{path}")
    store.label = f"{folder.name}/{STORE_FILE}"
    return store


def _remove_stale(path: Path) -> None:
    """Partial stores of imports killed before they finished (their process is gone, or long ago)."""
    for stale in path.parent.glob(f".{path.name}.*.partial*"):
        with suppress(OSError, ValueError):
            pid = int(stale.name.split(".")[3])
            if not _running(pid) or time.time() - stale.stat().st_mtime > 3600:
                stale.unlink()


def _set_aside_if_empty(path: Path) -> None:
    """A default store without snapshots (left by a first import killed in an older version): kept
    under another name, so this import seeds a new one. The sample is always its first snapshots."""
    if path.exists() and Store.from_url(f"sqlite:///{path}").version() == (0, 0):
        with suppress(FileNotFoundError):  # another importer set it aside first
            path.rename(path.with_name(f"{path.name}.empty-{time.strftime('%Y%m%d%H%M%S')}"))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid()


def _make_seeded(path: Path, folder: Path, geography: Geography) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.partial")
    try:
        store = Store.from_url(f"sqlite:///{partial}", create=True)
        store.ensure_schema()
        seed(store, folder, geography)
        store.engine.dispose()
        with suppress(FileExistsError):  # atomic, and never replaces a store another importer made first
            os.link(partial, path)
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
