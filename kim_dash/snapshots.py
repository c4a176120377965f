"""Imports and the default store: a file becomes a dated snapshot only after it validates.

The shipped sample is the first snapshots of the default store (`seed_snapshots.csv` names its files
and dates). Until the first import, the default store is an in-memory SQLite database seeded from
those files, so the app never writes to disk; the first `import` creates `<data>/kim.sqlite`, seeds
it the same way and appends.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from kim_dash.geography import Geography, read_data_file
from kim_dash.ingest import Ingested, ingest
from kim_dash.problems import DatasetError, Problem
from kim_dash.specs import DATE_TEXT
from kim_dash.store import Snapshot, Store
from kim_dash.validate import validate_frame

SEED_MANIFEST = "seed_snapshots.csv"
STORE_FILE = "kim.sqlite"
SAMPLE_AUTHOR = f"sample ({SEED_MANIFEST})"


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


def _date_problem(as_of: str, file: str) -> Problem | None:
    import re

    if not as_of:
        return Problem(file, None, "as_of", "", "snapshot_needs_date")
    if not re.fullmatch(DATE_TEXT, as_of):
        return Problem(file, None, "as_of", as_of, "bad_date")
    return None


def check_import(result: Ingested, as_of: str) -> str:
    """The snapshot's date (the file's own date column, else `as_of`), or DatasetError."""
    if result.problems:
        raise DatasetError(result.problems)
    if result.as_of and as_of and result.as_of != as_of:
        raise DatasetError([Problem(result.file, None, "as_of", result.as_of, "date_conflict", as_of)])
    date = result.as_of or as_of
    problem = _date_problem(date, result.file)
    if problem:
        raise DatasetError([problem])
    return date


def _disagreements(
    store: Store, meta: Snapshot, frame: pd.DataFrame, geography: Geography, stored: list[Snapshot]
) -> list:
    from kim_dash.data import SnapshotFrames

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
    author: str = "",
    sample: bool = False,
) -> ImportResult:
    """Append a validated upload as a snapshot (never changing an earlier one).

    The one writer of the command line and the page. A real snapshot of a kind, area and date is
    never overwritten; the illustrative sample never blocks real data of its own kind, area and date
    (the sample then stops being shown for that area: `kim_dash.sample.shown`).
    """
    date = check_import(result, as_of)
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
    same_day = [s for s in stored if (s.kind, s.regency_code, s.as_of) == (meta.kind, regency, date)]
    if any(s.sha256 == digest for s in same_day):  # the shipped file itself is still the sample
        return ImportResult(next(s for s in same_day if s.sha256 == digest), already=True)
    same_day = [s for s in same_day if sample or not s.sample]  # the sample never blocks real data
    if same_day:
        raise DatasetError([Problem(result.file, None, "as_of", date, "snapshot_exists", same_day[-1].label)])
    disagreements = _disagreements(store, meta, result.frame, geography, stored)
    return ImportResult(store.add(meta, result.text), disagreements=disagreements)


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
            store_import(store, result, raw, row.as_of, row.note, geography, SAMPLE_AUTHOR, sample=True)
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
    """`<folder>/kim.sqlite` when it exists (or `create`), else the seeded in-memory store."""
    path = folder / STORE_FILE
    if not path.exists() and not create:
        return memory_store(folder, geography)
    store = Store.from_url(f"sqlite:///{path}", create=True)
    store.label = f"{folder.name}/{STORE_FILE}"
    if not path.exists():
        store.ensure_schema()
        seed(store, folder, geography)
    elif create:  # a store seeded before snapshots knew their sample: mark the shipped files as such
        store.ensure_schema()
        store.mark_sample(shipped_sample_ids(store, folder), SAMPLE_AUTHOR)
    return store


def shipped_sample_ids(store: Store, folder: Path) -> list[int]:
    """Unmarked snapshots holding exactly a shipped sample file for its kind, area and date."""
    manifest = pd.read_csv(folder / SEED_MANIFEST, dtype=str, keep_default_na=False)
    shipped = {
        (row.kind, row.regency_code, row.as_of, hashlib.sha256((folder / row.file).read_bytes()).hexdigest())
        for row in manifest.itertuples(index=False)
        if (folder / row.file).is_file()
    }
    return [
        s.id
        for s in store.snapshots()
        if not s.sample and not s.author and (s.kind, s.regency_code, s.as_of, s.sha256) in shipped
    ]
