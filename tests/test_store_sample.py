"""Real data replaces the illustrative sample; every snapshot names who stored it and when (issue 26).

On SQLite and PostgreSQL: the sample is seeded into the store as the default store seeds it, then the
real Kabupaten Bandung count for the sample's own date (2019-04-11) is imported through the real CLI.
Expected values come from the uploaded file itself (pandas), never from the code under test.
"""

from __future__ import annotations

import getpass
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from kim_dash.model.coverage import kecamatan_table
from kim_dash.model.regency import regency_data
from kim_dash.store.database import Snapshot, Store
from kim_dash.store.dataset import load_dataset
from kim_dash.store.sample import shown
from kim_dash.store.seeding import SAMPLE_AUTHOR, seed
from tests.store_backends import BANDUNG, BOGOR, Cli, import_args, listing, listing_with_author, sha12

pytest_plugins = ["tests.store_fixtures"]
SAMPLE_DATE = "2019-04-11"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def real_counts(tmp_path_factory: pytest.TempPathFactory, store_data: Path) -> tuple[Path, Path]:
    """Two different "real" count tables of Bandung: the sample's kecamatan with other counts."""
    sample = pd.read_csv(store_data / "sample_counts_bandung.csv", dtype=str, keep_default_na=False)
    folder = tmp_path_factory.mktemp("real")
    paths = []
    for extra in (1, 2):
        real = sample.assign(count=(sample["count"].astype(int) + extra).astype(str))
        path = folder / f"rekap_bandung_{extra}.csv"
        real.to_csv(path, index=False)
        paths.append(path)
    return paths[0], paths[1]


def test_real_data_for_the_samples_own_date_is_stored_and_replaces_the_sample(
    store_backend, kim_cli: Cli, store_data, store_geography, real_counts
):
    db = store_backend.url
    store = Store.from_url(db, create=True)
    store.ensure_schema()
    seed(store, store_data, store_geography)
    sample_rows = listing_with_author(kim_cli(db, "snapshots")[1])
    assert len(sample_rows) == 3 and {r[8] for r in sample_rows} == {SAMPLE_AUTHOR}

    before = now()
    code, out, err = kim_cli(db, *import_args("counts", real_counts[0], SAMPLE_DATE, BANDUNG, "Rekap"))
    after = now()
    assert (code, err) == (0, "") and out.startswith(f"#4 counts {BANDUNG} {SAMPLE_DATE}: stored")
    rows = listing_with_author(kim_cli(db, "snapshots")[1])
    mine = rows[-1]
    assert mine[:8] == ["4", SAMPLE_DATE, "counts", BANDUNG, "22", mine[5], sha12(real_counts[0]), "Rekap"]
    assert mine[8] == f"command line ({getpass.getuser()})"
    assert before <= mine[9] <= after

    dataset = load_dataset(store_data, Store.from_url(db), geography=store_geography)
    shown_ids = {(s.regency_code, s.id, s.sample) for s in dataset.snapshots}
    assert shown_ids == {("", 1, True), (BOGOR, 2, True), (BANDUNG, 4, False)}  # Bogor keeps its sample
    bandung = regency_data(dataset, BANDUNG)
    assert bandung.snapshot.id == 4 and bandung.previous is None  # the sample is not its "before"
    expected = pd.read_csv(real_counts[0], dtype={"kecamatan_code": str}).set_index("kecamatan_code")["count"]
    table = kecamatan_table(bandung).set_index("code")["kim"].dropna().astype(int)
    assert table[table.index.isin(expected.index)].to_dict() == expected.to_dict()

    # a real snapshot is still never overwritten; the same file again changes nothing
    stored = store_backend.fingerprint()
    code, _, err = kim_cli(db, *import_args("counts", real_counts[1], SAMPLE_DATE, BANDUNG))
    assert code == 1 and "#4 counts 32.04 2019-04-11" in err
    code, out, _ = kim_cli(db, *import_args("counts", real_counts[0], SAMPLE_DATE, BANDUNG))
    assert code == 0 and "already stored, nothing changed" in out
    assert store_backend.fingerprint() == stored


def test_the_sample_is_stored_once(store_backend, kim_cli: Cli, store_data, store_geography):
    store = Store.from_url(store_backend.url, create=True)
    store.ensure_schema()
    seed(store, store_data, store_geography)
    seed(store, store_data, store_geography)  # seeding twice: "already stored", nothing added
    assert len(store.snapshots()) == 3
    # the shipped file imported as if real is the sample already stored, not real data
    national = store_data / "national_kim_2014.csv"
    code, out, _ = kim_cli(store_backend.url, *import_args("national", national, "2014-12"))
    assert code == 0 and "already stored, nothing changed" in out and len(store.snapshots()) == 3


def test_the_issues_case_on_the_default_store(data_copy, capsys, read_geography, monkeypatch, real_counts):
    """An officer imports the real Bandung count for 2019-04-11 into data/kim.sqlite: stored, not refused."""
    from kim_dash.cli import commands, store_commands

    monkeypatch.delenv("KIM_DATABASE_URL", raising=False)
    monkeypatch.setattr(commands, "load_geography", read_geography)
    monkeypatch.setattr(store_commands, "load_geography", read_geography)
    cli = Cli(capsys, data_copy)
    code, out, err = cli("", *import_args("counts", real_counts[0], SAMPLE_DATE, BANDUNG))
    assert (code, err) == (0, "") and "stored" in out
    rows = listing(cli("", "snapshots")[1])
    assert [(r[1], r[2], r[3], r[6]) for r in rows if r[3] == BANDUNG] == [
        (SAMPLE_DATE, "counts", BANDUNG, sha12(data_copy / "sample_counts_bandung.csv")),
        (SAMPLE_DATE, "counts", BANDUNG, sha12(real_counts[0])),
    ]
    dataset = load_dataset(data_copy, geography=read_geography(data_copy))
    assert [s.sample for s in dataset.snapshots if s.regency_code == BANDUNG] == [False]


def test_shown_keeps_the_sample_only_where_nothing_real_is():
    def snap(i: int, regency: str, sample: bool, kind: str = "counts") -> Snapshot:
        return Snapshot(i, kind, regency, "2020", 1, 1, "", "f.csv", "", "x", "", sample)

    every = [
        snap(1, "", True, "national"),
        snap(2, BOGOR, True),
        snap(3, BANDUNG, True),
        snap(4, BANDUNG, False),
    ]
    assert [s.id for s in shown(every)] == [1, 2, 4]
    later = snap(5, BOGOR, False, "registry")  # a real registry replaces the sample counts of its area too
    assert [s.id for s in shown([*every, later])] == [1, 4, 5]
    assert shown([replace(s, sample=False) for s in every]) == [replace(s, sample=False) for s in every]


def test_a_store_made_before_authorship_is_read_then_upgraded(store_backend):
    """The app reads an older store as it is; the next import adds the columns (empty author)."""
    store_backend.execute(
        "CREATE TABLE kim_snapshot (id INTEGER PRIMARY KEY, kind VARCHAR(16) NOT NULL,"
        " regency_code VARCHAR(8) NOT NULL, as_of VARCHAR(10) NOT NULL, row_count INTEGER NOT NULL,"
        " total_kim INTEGER NOT NULL, sha256 VARCHAR(64) NOT NULL, file_name TEXT NOT NULL, note TEXT NOT NULL)"
    )
    store_backend.execute(
        "INSERT INTO kim_snapshot VALUES (1, 'counts', '32.04', '2020', 0, 0, 'ab', 'old.csv', 'lama')"
    )
    old = Store.from_url(store_backend.url).snapshots()
    assert [(s.id, s.note, s.author, s.stored_at, s.sample) for s in old] == [(1, "lama", "", "", False)]
    store = Store.from_url(store_backend.url)
    store.ensure_schema()
    store.ensure_schema()  # twice: nothing more to add
    assert store.snapshots() == old


def test_an_older_default_store_learns_which_snapshots_are_the_sample(
    data_copy, capsys, read_geography, monkeypatch, real_counts
):
    """data/kim.sqlite seeded before `sample` existed: the next import marks the shipped files."""
    import sqlalchemy as sa

    from kim_dash.cli import commands, store_commands

    monkeypatch.delenv("KIM_DATABASE_URL", raising=False)
    monkeypatch.setattr(commands, "load_geography", read_geography)
    monkeypatch.setattr(store_commands, "load_geography", read_geography)
    cli = Cli(capsys, data_copy)
    from kim_dash.store.seeding import default_store

    default_store(data_copy, read_geography(data_copy), create=True)  # made and seeded
    engine = sa.create_engine(f"sqlite:///{data_copy / 'kim.sqlite'}")
    with engine.begin() as conn:  # as an older version left it
        conn.execute(sa.text("UPDATE kim_snapshot SET sample = 0, author = ''"))
    engine.dispose()
    code, out, err = cli("", *import_args("counts", real_counts[0], SAMPLE_DATE, BANDUNG))
    assert (code, err) == (0, "") and "stored" in out
    rows = listing_with_author(cli("", "snapshots")[1])
    assert [r[8] for r in rows] == [SAMPLE_AUTHOR] * 3 + [f"command line ({getpass.getuser()})"]
