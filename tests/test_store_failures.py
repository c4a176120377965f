"""Bad states of the snapshot store, on SQLite and PostgreSQL, through the real CLI and the library.

A refused import leaves the store byte-for-byte as it was; read-only access reads and cannot write;
a row changed by hand is reported like a bad file; a store that goes away (or never answers) is a
`StoreUnavailable` with the reason and exit 2, within a bounded time.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from kim_dash.model.regency import regency_data
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.upload import ingest
from kim_dash.store import waits as store_waits
from kim_dash.store.database import Store, StoreUnavailable
from kim_dash.store.dataset import load_dataset
from tests.store_backends import (
    BANDUNG,
    BETWEEN,
    BOGOR,
    FIRST,
    SECOND,
    admin_engine,
    import_args,
    listing,
    postgres_database,
    postgres_store,
    require_postgres,
)

pytest_plugins = ["tests.store_fixtures"]


def test_refused_imports_leave_the_store_unchanged(store_backend, kim_cli, uploads):
    db = store_backend.url
    empty = store_backend.fingerprint()
    code, _, err = kim_cli(db, "import", "registry", str(uploads.first))  # no date, into an empty store
    assert code == 1 and "--as-of" in err
    assert store_backend.fingerprint() == empty  # not even the tables were made
    assert kim_cli(db, *import_args("registry", uploads.first, FIRST))[0] == 0
    stored = store_backend.fingerprint()
    refused = {
        "invalid file": (import_args("registry", uploads.invalid, SECOND), "32.01.99"),
        "no date": (["import", "registry", str(uploads.second)], "--as-of"),
        "bad date": (import_args("registry", uploads.second, "30-06-2024"), "30-06-2024"),
        "date taken": (import_args("registry", uploads.second, FIRST), f"#1 registry {BOGOR} {FIRST}"),
    }
    for case, (args, said) in refused.items():
        code, out, err = kim_cli(db, *args)
        assert (case, code, out) == (case, 1, "")
        assert said in err, case
        assert store_backend.fingerprint() == stored, case
    assert len(listing(kim_cli(db, "snapshots")[1])) == 1


def test_read_only_access_reads_and_cannot_import(
    store_backend, kim_cli, uploads, store_data, store_geography
):
    if not store_backend.readonly_url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but KIM_TEST_DATABASE_READONLY_URL is unset")
        pytest.skip("no read-only role: set KIM_TEST_DATABASE_READONLY_URL (scripts/postgres.sh does)")
    assert kim_cli(store_backend.url, *import_args("registry", uploads.first, FIRST))[0] == 0
    stored = store_backend.fingerprint()
    reader = Store.from_url(store_backend.readonly_url)
    dataset = load_dataset(store_data, reader, geography=store_geography)
    registry = regency_data(dataset, BOGOR).registry
    assert registry is not None and len(registry) == len(uploads.first.read_text().splitlines()) - 1
    code, out, err = kim_cli(store_backend.readonly_url, *import_args("registry", uploads.second, SECOND))
    assert code == 2 and out == "" and err.startswith("error: ")
    assert "read-only" in err or "readonly" in err
    password = sa.make_url(store_backend.readonly_url).password
    assert not password or f":{password}@" not in err
    assert store_backend.fingerprint() == stored


def test_a_row_changed_by_hand_is_reported_like_a_file(
    store_backend, kim_cli, uploads, store_data, store_geography, tmp_path
):
    db = store_backend.url
    assert kim_cli(db, *import_args("counts", uploads.counts, "2019-04-11", BANDUNG))[0] == 0
    store_backend.execute("UPDATE kim_counts_row SET count = 'abc' WHERE position = 3")
    dataset = load_dataset(store_data, Store.from_url(db), geography=store_geography)
    with pytest.raises(DatasetError) as caught:
        regency_data(dataset, BANDUNG)
    [problem] = caught.value.problems

    lines = uploads.counts.read_text().splitlines()  # the same change made in the file
    cells = lines[3].split(",")
    lines[3] = ",".join([cells[0], "abc", *cells[2:]])
    edited = tmp_path / uploads.counts.name
    edited.write_text("\n".join(lines) + "\n")
    [in_file] = ingest(edited.read_bytes(), edited.name, store_geography, "counts", BANDUNG).problems

    assert (problem.column, problem.value, problem.reason) == (in_file.column, in_file.value, in_file.reason)
    assert (problem.column, problem.value) == ("count", "abc")
    assert "not a whole number" in problem.message("en") == in_file.message("en")
    assert (problem.row, in_file.row) == (3, 4)  # the snapshot's third row; the file's row 4 under a header
    assert f"#1 counts {BANDUNG} 2019-04-11" in problem.file
    assert problem.file.split()[0] in ("SQLite", "PostgreSQL")  # never user, host, port or database name
    assert dataset.store_label == problem.file.split()[0]  # as the Data page names the store
    code, out, err = kim_cli(db, "export", "kecamatan", "--regency", BANDUNG)
    assert (code, out, err.strip()) == (1, "", problem.line("en"))


@contextmanager
def store_that_goes(how: str, folder: Path) -> Iterator[tuple[str, Callable[[], object]]]:
    """A store URL and the way it goes away."""
    if how == "postgresql: database dropped":
        require_postgres()
        with postgres_database() as url:
            name = sa.make_url(url).database

            def drop() -> None:
                admin = admin_engine()
                with admin.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                admin.dispose()

            yield url, drop
        return
    path = folder / "kim.sqlite"
    if how == "sqlite: file deleted":
        yield f"sqlite:///{path}", path.unlink
    else:  # replaced by something else (a bad copy, a restore gone wrong)
        yield f"sqlite:///{path}", lambda: path.write_bytes(b"not a database\n" * 100)


GONE = {
    "sqlite: file deleted": "unable to open database file",
    "sqlite: file replaced": "file is not a database",
    "postgresql: database dropped": "does not exist",
}


@pytest.mark.parametrize("how", GONE)
def test_a_store_that_goes_away_mid_session(how, kim_cli, uploads, store_data, store_geography, tmp_path):
    with store_that_goes(how, tmp_path) as (url, go_away):
        assert kim_cli(url, *import_args("registry", uploads.first, FIRST))[0] == 0
        assert kim_cli(url, *import_args("registry", uploads.second, SECOND))[0] == 0
        store = Store.from_url(url)
        dataset = load_dataset(store_data, store, geography=store_geography)
        first, second = dataset.snapshots
        assert len(dataset.frame(second)) == 138
        go_away()
        started = time.monotonic()
        reads = {
            "version": store.version,
            "a snapshot not read before": lambda: dataset.at(BETWEEN).frame(first),
            "the dataset again": lambda: load_dataset(store_data, store, geography=store_geography),
        }
        for read, call in reads.items():
            with pytest.raises(StoreUnavailable) as caught:
                call()
            assert str(caught.value).startswith(store.label) and GONE[how] in str(caught.value), read
        assert len(dataset.frame(second)) == 138  # what was read stays readable
        code, out, err = kim_cli(url, "snapshots")
        assert (code, out) == (2, "") and err.startswith("error: ") and GONE[how] in err
        assert time.monotonic() - started < 5


def test_a_connection_ended_by_the_server_is_replaced(kim_cli, uploads):
    require_postgres()
    with postgres_store() as postgres:
        assert kim_cli(postgres.url, *import_args("registry", uploads.first, FIRST))[0] == 0
        store = Store.from_url(postgres.url)
        assert store.version() == (1, 1)
        postgres.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = :a AND pid <> pg_backend_pid()",
            a=postgres.schema,
        )
        assert store.version() == (1, 1)


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("command", ["snapshots", "import", "export"])
def test_no_server_exits_2_with_the_reason(command, kim_cli, uploads):
    url = f"postgresql+psycopg://kim:s3cret@127.0.0.1:{unused_port()}/kim"
    args = {
        "snapshots": ["snapshots"],
        "import": import_args("registry", uploads.first, FIRST),
        "export": ["export", "kecamatan"],
    }[command]
    code, out, err = kim_cli(url, *args)
    assert (code, out) == (2, "") and err.startswith("error: ") and "refused" in err
    assert "s3cret" not in err


def test_a_server_that_never_answers_is_given_up_after_connect_timeout(kim_cli, monkeypatch):
    monkeypatch.setattr(store_waits, "ANSWER_TIMEOUT", 2)  # the default (5 s), shortened
    with socket.socket() as silent:  # accepts connections (the kernel does), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        started = time.monotonic()
        code, out, err = kim_cli(
            f"postgresql+psycopg://kim:x@127.0.0.1:{silent.getsockname()[1]}/kim", "snapshots"
        )
    assert (code, out) == (2, "") and "did not answer within 2 s" in err
    assert time.monotonic() - started < 5
