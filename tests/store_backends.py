"""Fresh, empty snapshot stores on SQLite and PostgreSQL, a fingerprint of each, and the CLI in-process.

PostgreSQL comes from `scripts/postgres.sh` (run by scripts/test.sh): KIM_TEST_DATABASE_URL (the owner)
and KIM_TEST_DATABASE_READONLY_URL (SELECT only). Each test gets its own schema (search_path in the URL),
so parallel runs and earlier failures never meet; the schema is dropped afterwards.
"""

from __future__ import annotations

import gc
import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from kim_dash.cli import main

PG_URL = os.environ.get("KIM_TEST_DATABASE_URL", "")
PG_READONLY_URL = os.environ.get("KIM_TEST_DATABASE_READONLY_URL", "")
BACKENDS = ("sqlite", "postgresql")


def require_postgres() -> None:
    """Skip without PostgreSQL, except on CI, where its absence is a failure."""
    if PG_URL:
        return
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but KIM_TEST_DATABASE_URL is unset: scripts/test.sh must set up PostgreSQL")
    pytest.skip("no PostgreSQL: scripts/test.sh sets KIM_TEST_DATABASE_URL when run as root")


def with_query(url: str, **params: str) -> str:
    return sa.make_url(url).update_query_dict(params).render_as_string(hide_password=False)


def with_database(url: str, database: str) -> str:
    return sa.make_url(url).set(database=database).render_as_string(hide_password=False)


def admin_engine(url: str = "") -> sa.Engine:
    return sa.create_engine(url or PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")


def postgres_dump(engine: sa.Engine, schema: str) -> bytes:
    """Every table of the schema (columns and rows, sorted) and its sequences: equal bytes, equal store."""
    parts: list[str] = []
    with engine.connect() as conn:
        columns = conn.execute(
            sa.text(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                " WHERE table_schema = :s ORDER BY table_name, ordinal_position"
            ),
            {"s": schema},
        ).all()
        for table in sorted({c.table_name for c in columns}):
            names = [c.column_name for c in columns if c.table_name == table]
            order = ", ".join(str(i + 1) for i in range(len(names)))
            rows = conn.execute(sa.text(f'SELECT * FROM "{schema}"."{table}" ORDER BY {order}')).all()
            parts.append(f"{table} {names} {[tuple(r) for r in rows]}")
        sequences = conn.execute(
            sa.text("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = :s ORDER BY 1"),
            {"s": schema},
        ).all()
        parts.append(repr([tuple(s) for s in sequences]))
    return "\n".join(parts).encode()


@dataclass
class Backend:
    name: str
    url: str  # the owner: imports
    readonly_url: str  # the same store, reading only
    path: Path | None = None  # SQLite: the file
    schema: str = ""  # PostgreSQL: the test's own schema

    def fingerprint(self) -> str:
        """sha256 of the SQLite file's bytes, or of the PostgreSQL schema's sorted dump."""
        if self.path is not None:
            return hashlib.sha256(self.path.read_bytes()).hexdigest() if self.path.exists() else "no file"
        engine = admin_engine()
        try:
            return hashlib.sha256(postgres_dump(engine, self.schema)).hexdigest()
        finally:
            engine.dispose()

    def execute(self, statement: str, **params: object) -> None:
        """Change the store by hand, around the app (as someone with a SQL console would)."""
        engine = (
            admin_engine(self.url) if self.path is None else sa.create_engine(self.url, poolclass=NullPool)
        )
        try:
            with engine.begin() as conn:
                conn.execute(sa.text(statement), params)
        finally:
            engine.dispose()


@contextmanager
def sqlite_store(folder: Path) -> Iterator[Backend]:
    path = folder / "store.sqlite"
    yield Backend("sqlite", f"sqlite:///{path}", f"sqlite:///file:{path}?mode=ro&uri=true", path=path)


@contextmanager
def postgres_store() -> Iterator[Backend]:
    """A new schema; the application_name lets teardown end any connection a test left open."""
    schema = f"kim_t_{uuid.uuid4().hex[:12]}"
    admin = admin_engine()
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    options = {"options": f"-csearch_path={schema}", "application_name": schema}
    readonly = with_query(PG_READONLY_URL, **options) if PG_READONLY_URL else ""
    try:
        yield Backend("postgresql", with_query(PG_URL, **options), readonly, schema=schema)
    finally:
        gc.collect()  # engines the CLI made and dropped close their connections
        with admin.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE application_name = :a AND usename = current_user AND pid <> pg_backend_pid()"
                ),
                {"a": schema},
            )
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def postgres_database() -> Iterator[str]:
    """A whole new database (the owner needs CREATEDB): for a store whose database goes away."""
    name = f"kim_t_{uuid.uuid4().hex[:12]}"
    admin = admin_engine()
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.ProgrammingError as err:
        admin.dispose()
        pytest.skip(f"the test role cannot create a database: {str(err.orig).splitlines()[0]}")
    try:
        yield with_database(PG_URL, name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def fresh_store(name: str, folder: Path) -> Iterator[Backend]:
    if name == "postgresql":
        require_postgres()
        with postgres_store() as backend:
            yield backend
    else:
        with sqlite_store(folder) as backend:
            yield backend


FIRST, BETWEEN, SECOND = "2024-01-31", "2024-03", "2024-06-30"
BOGOR, BANDUNG = "32.01", "32.04"


def import_args(kind: str, path: Path, as_of: str, regency: str = BOGOR, note: str = "") -> list[str]:
    return ["import", kind, str(path), "--as-of", as_of, "--regency", regency, "--note", note]


LISTED = ["id", "as_of", "kind", "regency", "rows", "total_kim", "sha256", "note", "stored_by", "stored_at"]


def listing(out: str) -> list[list[str]]:
    """The rows of `snapshots` (tab-separated, after the header), up to the note: who and when apart."""
    return [row[:8] for row in listing_with_author(out)]


def listing_with_author(out: str) -> list[list[str]]:
    """Every column of `snapshots`, incl. stored_by and stored_at (a time: compare it with a window)."""
    lines = out.splitlines()
    assert lines[0].split("\t") == LISTED
    return [line.split("\t") for line in lines[1:]]


def sha12(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


@dataclass
class Cli:
    """`python -m kim_dash` in this process: exit code, stdout, stderr."""

    capsys: pytest.CaptureFixture
    data: Path

    def __call__(self, db: str, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data", str(self.data), *(["--db", db] if db else []), *args])
        out, err = self.capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
