"""The snapshot store on SQLite and PostgreSQL through the real CLI: imports, dates, listings, one result.

Expected values come from the uploaded CSVs themselves (pandas), never from the code under test.
Bad states (refused imports, read-only access, rows changed by hand, a store that goes away) are in
test_store_failures.py; the stores in store_backends.py, the fixtures in store_fixtures.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from kim_dash.model.coverage import kecamatan_table
from kim_dash.model.regency import regency_data
from kim_dash.store.database import Store
from kim_dash.store.dataset import load_dataset
from tests.store_backends import (
    BANDUNG,
    BETWEEN,
    BOGOR,
    FIRST,
    SECOND,
    Cli,
    import_args,
    listing,
    postgres_store,
    require_postgres,
    sha12,
    sqlite_store,
)

pytest_plugins = ["tests.store_fixtures"]


def kim_per_kecamatan(path: Path, data: Path) -> pd.Series:
    """KIM per kecamatan of Kabupaten Bogor counted from the file itself, zeros included."""
    reference = pd.read_csv(data / "reference" / "kecamatan.csv", dtype=str)
    codes = reference.loc[reference["regency_code"] == BOGOR, "code"]
    return pd.read_csv(path, dtype=str)["kecamatan_code"].value_counts().reindex(codes, fill_value=0)


def test_two_imports_and_a_date_between(
    store_backend, kim_cli, uploads, store_data, store_geography, tmp_path
):
    db = store_backend.url
    code, out, _ = kim_cli(db, *import_args("registry", uploads.first, FIRST, note="Januari"))
    assert code == 0 and out.startswith(f"#1 registry {BOGOR} {FIRST}: stored (136 rows, 136 KIM)")
    code, out, _ = kim_cli(db, *import_args("registry", uploads.second, SECOND, note="Juni"))
    assert code == 0 and out.startswith(f"#2 registry {BOGOR} {SECOND}: stored (138 rows, 138 KIM)")

    code, out, _ = kim_cli(db, "snapshots")
    assert code == 0 and listing(out) == [
        ["1", FIRST, "registry", BOGOR, "136", "136", sha12(uploads.first), "Januari"],
        ["2", SECOND, "registry", BOGOR, "138", "138", sha12(uploads.second), "Juni"],
    ]

    before, now = kim_per_kecamatan(uploads.first, store_data), kim_per_kecamatan(uploads.second, store_data)
    for as_of, expected in ((BETWEEN, before), ("", now)):
        out_file = tmp_path / f"kecamatan{as_of}.csv"
        assert (
            kim_cli(
                db, *(["--as-of", as_of] if as_of else []), "export", "kecamatan", "--out", str(out_file)
            )[0]
            == 0
        )
        table = pd.read_csv(out_file, dtype={"code": str}).set_index("code")
        assert table["kim"].to_dict() == expected.to_dict()
    assert table["change"].to_dict() == (now - before).to_dict()

    # The library sees the same: "change" is KIM now minus KIM in the previous snapshot
    dataset = load_dataset(store_data, Store.from_url(db), geography=store_geography)
    regency = regency_data(dataset, BOGOR)
    assert (regency.snapshot.as_of, regency.previous.as_of) == (SECOND, FIRST)
    change = kecamatan_table(regency).set_index("code")["change"]
    assert change.astype(int).to_dict() == (now - before).to_dict()
    assert (change["32.01.08"], change["32.01.03"]) == (3, -1)  # Cariu, Citeureup
    earlier = regency_data(dataset.at(BETWEEN), BOGOR)
    assert earlier.snapshot.as_of == FIRST and earlier.previous is None
    assert kecamatan_table(earlier)["change"].isna().all()
    assert not (store_data / "kim.sqlite").exists()  # --db: the data folder is only read


def test_the_same_file_twice_is_stored_once(store_backend, kim_cli, uploads):
    args = import_args("registry", uploads.first, FIRST)
    assert kim_cli(store_backend.url, *args)[0] == 0
    stored = store_backend.fingerprint()
    code, out, _ = kim_cli(store_backend.url, *args)
    assert code == 0 and out.startswith(f"#1 registry {BOGOR} {FIRST}: already stored, nothing changed")
    assert store_backend.fingerprint() == stored
    assert len(listing(kim_cli(store_backend.url, "snapshots")[1])) == 1


def test_a_database_store_starts_empty(store_backend, kim_cli, uploads):
    """--db names a real store: the shipped sample is illustrative and never goes into it."""
    empty = store_backend.fingerprint()
    code, out, err = kim_cli(store_backend.url, "snapshots")  # nothing imported yet: no tables
    if store_backend.path is None:  # a database without tables: none yet, said in words
        assert (code, listing(out)) == (0, []) and err.startswith("no snapshots yet in ")
        assert "relation" not in err and "does not exist" not in err
    else:  # no file at that path: maybe a typo, so not "empty"
        assert code == 2 and out == "" and err.startswith("error: ")
    assert store_backend.fingerprint() == empty  # reading made nothing, not even an SQLite file
    assert kim_cli(store_backend.url, *import_args("national", uploads.national, "2014-12"))[0] == 0
    rows = listing(kim_cli(store_backend.url, "snapshots")[1])
    assert rows == [["1", "2014-12", "national", "-", "174", "4228", sha12(uploads.national), ""]]


def test_database_url_from_the_environment(store_backend, kim_cli, uploads, store_data, monkeypatch):
    monkeypatch.setenv("KIM_DATABASE_URL", store_backend.url)
    assert kim_cli("", *import_args("registry", uploads.first, FIRST))[0] == 0
    monkeypatch.delenv("KIM_DATABASE_URL")
    assert len(listing(kim_cli(store_backend.url, "snapshots")[1])) == 1
    assert not (store_data / "kim.sqlite").exists()


def test_the_default_store_is_seeded_with_the_sample_on_first_import(
    data_copy, capsys, read_geography, monkeypatch, uploads
):
    from kim_dash.cli import commands, store_commands

    monkeypatch.delenv("KIM_DATABASE_URL", raising=False)
    monkeypatch.setattr(commands, "load_geography", read_geography)
    monkeypatch.setattr(store_commands, "load_geography", read_geography)
    cli = Cli(capsys, data_copy)
    code, _, err = cli("", "import", "registry", str(uploads.second))
    assert code == 1 and "--as-of" in err
    assert not (data_copy / "kim.sqlite").exists()  # a refused import makes no store
    assert cli("", *import_args("registry", uploads.second, SECOND))[0] == 0
    assert (data_copy / "kim.sqlite").exists()
    seed = pd.read_csv(data_copy / "seed_snapshots.csv", dtype=str, keep_default_na=False)
    rows = listing(cli("", "snapshots")[1])
    assert [(r[1], r[2], r[6]) for r in rows] == [
        *[(s.as_of, s.kind, sha12(data_copy / s.file)) for s in seed.sort_values("as_of").itertuples()],
        (SECOND, "registry", sha12(uploads.second)),
    ]


def test_both_backends_give_the_same_results(kim_cli, uploads, store_data, store_geography, tmp_path):
    require_postgres()
    imports = [
        import_args("national", uploads.national, "2014-12"),
        import_args("registry", uploads.second, SECOND),
        import_args("counts", uploads.counts, "2019-04-11", BANDUNG),
        import_args("registry", uploads.first, FIRST),
    ]
    results = []
    with sqlite_store(tmp_path) as sqlite, postgres_store() as postgres:
        for backend in (sqlite, postgres):
            for args in imports:
                assert kim_cli(backend.url, *args)[0] == 0
            store = Store.from_url(backend.url)
            dataset = load_dataset(store_data, store, geography=store_geography)
            tables = [
                kecamatan_table(regency_data(dataset.at(as_of), code))
                for as_of in ("", BETWEEN)
                for code in (BOGOR, BANDUNG)
            ]
            results.append((kim_cli(backend.url, "snapshots")[1], store.snapshots(), tables))
    (sqlite_listing, sqlite_snapshots, sqlite_tables), (pg_listing, pg_snapshots, pg_tables) = results
    assert listing(sqlite_listing) == listing(pg_listing) and len(listing(pg_listing)) == 4
    untimed = [[replace(s, stored_at="") for s in found] for found in (sqlite_snapshots, pg_snapshots)]
    assert untimed[0] == untimed[1]
    for ours, theirs in zip(sqlite_tables, pg_tables, strict=True):
        pd.testing.assert_frame_equal(ours, theirs)


@pytest.mark.parametrize("url", ["nonsense://x", "sqlite:////no/such/folder/kim.sqlite"])
def test_a_bad_url_exits_2_with_the_reason(kim_cli, url):
    code, out, err = kim_cli(url, "snapshots")
    assert code == 2 and out == "" and err.startswith("error: ") and len(err.splitlines()) == 1


@pytest.mark.parametrize("url", ["mysql://kim:pw@127.0.0.1/kim", "oracle://kim@db/kim", "mongodb://db/kim"])
def test_an_unsupported_url_names_the_supported_ones(kim_cli, url):
    code, out, err = kim_cli(url, "snapshots")
    assert (code, out) == (2, "") and len(err.splitlines()) == 1
    assert "supported: sqlite:///" in err and "postgresql+psycopg://" in err
    assert "ModuleNotFoundError" not in err and "pw" not in err
