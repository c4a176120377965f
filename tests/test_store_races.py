"""Concurrent importers, on SQLite and PostgreSQL: one (kind, area, date) is stored once, whoever wins.

Each importer is a separate process (forked after the geography is read, so six of them stay cheap)
running the real command line; a barrier releases them together. A store written before the unique
key existed gets it on the next import, or, if it already holds duplicates, a report naming them.
"""

from __future__ import annotations

import multiprocessing
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from kim_dash.cli import main
from tests.store_backends import BOGOR, FIRST, SECOND, import_args, listing, sha12

pytest_plugins = ["tests.store_fixtures"]

IMPORTERS = 6


def _child(barrier, data: str, db: str, args: list[str], out: str) -> None:  # pragma: no cover - a child
    barrier.wait(timeout=120)
    with open(out, "w") as sink, redirect_stdout(sink), redirect_stderr(sink):
        code = main(["--data", data, *(["--db", db] if db else []), *args])
    os._exit(code)


def run_together(data: Path, db: str, imports: list[list[str]], folder: Path) -> list[tuple[int, str]]:
    """Start every import at once, each in its own process: (exit code, output) of each."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(imports))
    outs = [folder / f"importer{i}.txt" for i in range(len(imports))]
    children = [
        context.Process(target=_child, args=(barrier, str(data), db, args, str(out)))
        for args, out in zip(imports, outs, strict=True)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=300)
    stuck = [c for c in children if c.exitcode is None]
    for child in stuck:  # stop what this test started before failing
        child.kill()
        child.join()
    assert not stuck, f"{len(stuck)} importers never finished"
    return [(int(c.exitcode or 0), out.read_text()) for c, out in zip(children, outs, strict=True)]


def variants(first: Path, folder: Path, count: int) -> list[Path]:
    """`count` different valid registries (each lacks another KIM)."""
    registry = pd.read_csv(first, dtype=str, keep_default_na=False)
    paths = []
    for i in range(count):
        path = folder / f"registry_v{i}.csv"
        registry.drop(index=i).to_csv(path, index=False)
        paths.append(path)
    return paths


@pytest.fixture
def warm(store_data, read_geography, kim_cli):
    read_geography(store_data)  # read once, before the fork: each importer gets it for free
    return kim_cli


def test_concurrent_imports_of_different_files_store_exactly_one(store_backend, warm, uploads, tmp_path):
    files = variants(uploads.first, tmp_path, IMPORTERS)
    results = run_together(
        warm.data, store_backend.url, [import_args("registry", f, FIRST) for f in files], tmp_path
    )
    assert all("Traceback" not in out for _, out in results)
    winners = [i for i, (code, out) in enumerate(results) if code == 0 and ": stored (" in out]
    assert len(winners) == 1, results
    refused = [r for i, r in enumerate(results) if i not in winners]
    assert all(code == 1 and f"#1 registry {BOGOR} {FIRST}" in out for code, out in refused), results
    rows = listing(warm(store_backend.url, "snapshots")[1])
    assert [(r[0], r[1], r[6]) for r in rows] == [("1", FIRST, sha12(files[winners[0]]))]


def test_concurrent_imports_of_one_file_store_it_once(store_backend, warm, uploads, tmp_path):
    results = run_together(
        warm.data, store_backend.url, [import_args("registry", uploads.first, FIRST)] * IMPORTERS, tmp_path
    )
    assert [code for code, _ in results] == [0] * IMPORTERS, results
    outcomes = sorted("already stored, nothing changed" in out for _, out in results)
    assert outcomes == [False] + [True] * (IMPORTERS - 1), results
    rows = listing(warm(store_backend.url, "snapshots")[1])
    assert [(r[0], r[6]) for r in rows] == [("1", sha12(uploads.first))]


def key_exists(backend) -> bool:
    engine = sa.create_engine(backend.url)
    try:
        with engine.connect() as conn:
            return any(i["name"] == "kim_snapshot_key" for i in sa.inspect(conn).get_indexes("kim_snapshot"))
    finally:
        engine.dispose()


def test_an_older_store_gets_the_key_or_a_report_of_its_duplicates(store_backend, kim_cli, uploads):
    db = store_backend.url
    assert kim_cli(db, *import_args("registry", uploads.first, FIRST))[0] == 0
    store_backend.execute("DROP INDEX kim_snapshot_key")  # as a store made before the key existed
    store_backend.execute(  # a second snapshot of the same key, as the race of old left them
        "INSERT INTO kim_snapshot (kind, regency_code, as_of, row_count, total_kim, sha256, file_name, note)"
        " SELECT kind, regency_code, as_of, row_count, total_kim, 'other', file_name, note FROM kim_snapshot"
    )
    stored = store_backend.fingerprint()
    code, out, err = kim_cli(db, *import_args("registry", uploads.second, SECOND))
    assert (code, out) == (1, "")
    assert f"registry {BOGOR}: #1, #2" in err and "several snapshots of one kind, area and date" in err
    assert store_backend.fingerprint() == stored and not key_exists(store_backend)
    assert len(listing(kim_cli(db, "snapshots")[1])) == 2  # still readable

    store_backend.execute("DELETE FROM kim_snapshot WHERE id = 2")  # the operator keeps one
    assert kim_cli(db, *import_args("registry", uploads.second, SECOND))[0] == 0
    assert key_exists(store_backend)
    assert [(r[1], r[6]) for r in listing(kim_cli(db, "snapshots")[1])] == [
        (FIRST, sha12(uploads.first)),
        (SECOND, sha12(uploads.second)),
    ]


def test_concurrent_first_imports_into_a_data_folder_seed_it_once(
    data_copy, warm, uploads, tmp_path, read_geography, monkeypatch
):
    """No --db: the first import makes data/kim.sqlite with the sample; six at once make it once."""
    monkeypatch.delenv("KIM_DATABASE_URL", raising=False)
    read_geography(data_copy)
    files = variants(uploads.first, tmp_path, IMPORTERS)
    results = run_together(data_copy, "", [import_args("registry", f, SECOND) for f in files], tmp_path)
    assert sorted(code for code, _ in results) == [0] + [1] * (IMPORTERS - 1), results
    [winner] = [i for i, (code, _) in enumerate(results) if code == 0]
    seed = pd.read_csv(data_copy / "seed_snapshots.csv", dtype=str, keep_default_na=False)
    sample = [(s.as_of, s.kind, sha12(data_copy / s.file)) for s in seed.sort_values("as_of").itertuples()]
    rows = listing(warm.__class__(warm.capsys, data_copy)("", "snapshots")[1])
    assert [(r[1], r[2], r[6]) for r in rows] == [*sample, (SECOND, "registry", sha12(files[winner]))]
    assert sorted(p.name for p in data_copy.iterdir() if "kim.sqlite" in p.name) == ["kim.sqlite"]
