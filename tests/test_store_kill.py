"""A first import into a fresh data folder, killed (SIGKILL) at several moments: the sample survives.

The kill comes a set time after the import's first store file appears, so each offset lands in the
same phase on a fast or a slow machine. Afterwards the store (or, if none was made, the in-memory
sample) lists every seed snapshot, and the same import runs again and lands after them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from kim_dash.store.dataset import DEFAULT_DATA_DIR
from tests.store_backends import SECOND, Cli, import_args, listing, sha12

pytest_plugins = ["tests.store_fixtures"]
ROOT = Path(__file__).resolve().parents[1]


def started_import(data: Path, upload: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "KIM_DATABASE_URL"}
    return subprocess.Popen(
        [sys.executable, "-m", "kim_dash", "--data", str(data), *import_args("registry", upload, SECOND)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for_store_file(data: Path, process: subprocess.Popen) -> bool:
    """True once any file of the store (final or partial) exists; False if the import ended first."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if any("kim.sqlite" in p.name for p in data.iterdir()):
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    raise AssertionError("the import neither made a store file nor ended")


@pytest.mark.parametrize("offset", [0.0, 0.05, 0.15, 0.3])
def test_a_killed_first_import_keeps_the_sample(
    offset, tmp_path, capsys, read_geography, monkeypatch, uploads
):
    from kim_dash.cli import commands, store_commands

    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data, ignore=shutil.ignore_patterns("kim.sqlite", "boundaries"))
    process = started_import(data, uploads.second)
    try:
        if wait_for_store_file(data, process):
            time.sleep(offset)
            process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)

    monkeypatch.delenv("KIM_DATABASE_URL", raising=False)
    monkeypatch.setattr(commands, "load_geography", read_geography)
    monkeypatch.setattr(store_commands, "load_geography", read_geography)
    cli = Cli(capsys, data)
    seed = pd.read_csv(data / "seed_snapshots.csv", dtype=str, keep_default_na=False)
    sample = [(s.as_of, s.kind, sha12(data / s.file)) for s in seed.sort_values("as_of").itertuples()]
    mine = (SECOND, "registry", sha12(uploads.second))

    code, out, _ = cli("", "snapshots")
    shown = [(r[1], r[2], r[6]) for r in listing(out)]
    assert code == 0 and shown in (sample, [*sample, mine])  # the kill may have come after the end
    assert cli("", *import_args("registry", uploads.second, SECOND))[0] == 0  # run again: fine
    assert [(r[1], r[2], r[6]) for r in listing(cli("", "snapshots")[1])] == [*sample, mine]
    assert not [p.name for p in data.iterdir() if p.name.endswith(".partial")]


def test_an_empty_store_left_by_an_older_version_is_seeded_on_the_next_import(
    data_copy, capsys, read_geography, monkeypatch, uploads
):
    from kim_dash.cli import commands, store_commands
    from kim_dash.store.database import Store

    Store.from_url(f"sqlite:///{data_copy / 'kim.sqlite'}", create=True).ensure_schema()  # tables, no rows
    monkeypatch.delenv("KIM_DATABASE_URL", raising=False)
    monkeypatch.setattr(commands, "load_geography", read_geography)
    monkeypatch.setattr(store_commands, "load_geography", read_geography)
    cli = Cli(capsys, data_copy)
    assert cli("", *import_args("registry", uploads.second, SECOND))[0] == 0
    seed = pd.read_csv(data_copy / "seed_snapshots.csv", dtype=str, keep_default_na=False)
    sample = [(s.as_of, s.kind, sha12(data_copy / s.file)) for s in seed.sort_values("as_of").itertuples()]
    mine = (SECOND, "registry", sha12(uploads.second))
    assert [(r[1], r[2], r[6]) for r in listing(cli("", "snapshots")[1])] == [*sample, mine]
    assert [p.name.split("-")[0] for p in data_copy.glob("kim.sqlite.empty-*")] == ["kim.sqlite.empty"]
