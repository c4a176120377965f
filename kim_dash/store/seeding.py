"""The default store: the shipped sample seeded into `<data>/kim.sqlite`, or into memory until then.

The shipped sample is the first snapshots of the default store (`seed_snapshots.csv` names its files
and dates). Until the first import, the default store is an in-memory SQLite database seeded from
those files, so the app never writes to disk; the first `import` creates `<data>/kim.sqlite` under a
temporary name, seeds it the same way and links it into place (a killed import never leaves a store
without the sample).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from contextlib import suppress
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from kim_dash.sources.geography import Geography, read_data_file
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.upload import ingest
from kim_dash.sources.validate import validate_frame
from kim_dash.store.database import Store
from kim_dash.store.imports import store_import

SEED_MANIFEST = "seed_snapshots.csv"
STORE_FILE = "kim.sqlite"
SAMPLE_AUTHOR = f"sample ({SEED_MANIFEST})"


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
            store_import(
                store, result, raw, row.as_of, row.note, geography, author=SAMPLE_AUTHOR, sample=True
            )
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
    existed = path.exists()
    if not existed:
        _make_seeded(path, folder, geography)
    store = Store.from_url(f"sqlite:///{path}")
    store.label = f"{folder.name}/{STORE_FILE}"
    if existed and create:  # a store seeded before snapshots knew their sample: mark the shipped files
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
