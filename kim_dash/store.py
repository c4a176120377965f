"""Snapshots of KIM data: dated, never changed once stored; SQLite by default, PostgreSQL by URL.

One schema (SQLAlchemy Core) for both backends, so both give the same results. A snapshot is one
imported file: a Kabupaten's registry, a per-kecamatan count table, or the national table. Rows are
stored as the validated text the user gave, and validated again when read, so a row changed in the
database by hand gets the same problem report as a file. The app only reads (a read-only role is
enough); `python -m kim_dash import` is the one writer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from kim_dash.specs import SNAPSHOT_KINDS, SPECS

METADATA = sa.MetaData()
SNAPSHOTS = sa.Table(
    "kim_snapshot",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("regency_code", sa.String(8), nullable=False),  # "" for the national table
    sa.Column(
        "as_of", sa.String(10), nullable=False
    ),  # YYYY, YYYY-MM or YYYY-MM-DD: never more precise than known
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("total_kim", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    # who stored it and when (issue 26); `sample`: the shipped illustrative sample, which real data replaces
    sa.Column("author", sa.Text, nullable=False, server_default=""),
    sa.Column("stored_at", sa.String(32), nullable=False, server_default=""),
    sa.Column("sample", sa.Boolean, nullable=False, server_default=sa.false()),
)
ADDED_COLUMNS = ("author", "stored_at", "sample")  # added to a store made before them by ensure_schema
ROWS = {
    kind: sa.Table(
        f"kim_{kind}_row",
        METADATA,
        sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("kim_snapshot.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        *[sa.Column(col.name, sa.Text, nullable=False) for col in SPECS[kind]],
    )
    for kind in SNAPSHOT_KINDS
}


CONNECT_TIMEOUT = 10  # seconds a PostgreSQL server may take to answer: a clear error, never a hang


class StoreUnavailable(Exception):
    """The store cannot be reached or read (server down, wrong URL, not initialised)."""


def engine_options(url: sa.URL, create: bool = False) -> tuple[sa.URL, dict[str, Any]]:
    """The URL and create_engine options: bounded connects, and an SQLite file that cannot vanish unseen.

    An SQLite file is opened afresh for each read (NullPool): a pooled handle would keep reading a
    deleted or replaced file. Only `create` makes a missing file; a file that exists when the store is
    opened must go on existing (mode=rw): deleting it mid-session is reported, not recreated empty.
    """
    options: dict[str, Any] = {"pool_pre_ping": True}
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        options["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT}
    database = url.database or ""
    if url.get_backend_name() == "sqlite" and database not in ("", ":memory:") and "uri" not in url.query:
        path = os.path.abspath(database)
        mode = "rwc" if create and not os.path.exists(path) else "rw"
        url = url.set(database=f"file:{quote(path)}", query={**url.query, "mode": mode, "uri": "true"})
        options["poolclass"] = NullPool
    return url, options


@dataclass(frozen=True)
class Snapshot:
    id: int
    kind: str
    regency_code: str
    as_of: str
    rows: int
    total_kim: int
    sha256: str
    file_name: str
    note: str
    author: str = ""  # an officer's e-mail, or "command line (<OS user>)"; "" in a store older than this
    stored_at: str = ""  # UTC, ISO 8601 to the second
    sample: bool = False  # the shipped illustrative sample

    @property
    def label(self) -> str:
        scope = f" {self.regency_code}" if self.regency_code else ""
        return f"#{self.id} {self.kind}{scope} {self.as_of}"


class Store:
    """Reads and appends snapshots through one SQLAlchemy engine."""

    def __init__(self, engine: Engine, label: str):
        self.engine = engine
        self.label = label  # where it lives, password hidden: shown in reports

    @classmethod
    def from_url(cls, url: str, create: bool = False) -> Store:
        """A store at `url`; `create`: an SQLite file may be made (the first import), reading never does."""
        try:
            parsed = sa.make_url(url)
            target, options = engine_options(parsed, create)
            engine = sa.create_engine(target, **options)
        except (SQLAlchemyError, ValueError, ImportError) as err:
            raise StoreUnavailable(f"{type(err).__name__}: {err}".splitlines()[0]) from err
        return cls(engine, parsed.render_as_string(hide_password=True))

    def _fail(self, err: Exception) -> StoreUnavailable:
        first = str(getattr(err, "orig", None) or err).strip().splitlines()
        return StoreUnavailable(f"{self.label}: {first[0] if first else type(err).__name__}")

    def ensure_schema(self) -> None:
        try:
            METADATA.create_all(self.engine)
            present = {c["name"] for c in sa.inspect(self.engine).get_columns(SNAPSHOTS.name)}
            with self.engine.begin() as conn:
                for name in ADDED_COLUMNS:
                    if name not in present:
                        column = SNAPSHOTS.c[name]
                        kind = column.type.compile(dialect=self.engine.dialect)
                        default = "false" if name == "sample" else "''"
                        conn.execute(
                            sa.text(
                                f"ALTER TABLE {SNAPSHOTS.name} ADD COLUMN {name} {kind} NOT NULL DEFAULT {default}"
                            )
                        )
        except SQLAlchemyError as err:
            raise self._fail(err) from err

    def snapshots(self) -> list[Snapshot]:
        # every column there is: a store made before `author` was added reads too (the app only reads)
        query = sa.text(f"SELECT * FROM {SNAPSHOTS.name} ORDER BY as_of, id")
        try:
            with self.engine.connect() as conn:
                result = [r._mapping for r in conn.execute(query).all()]
        except SQLAlchemyError as err:
            raise self._fail(err) from err
        return [
            Snapshot(
                r["id"],
                r["kind"],
                r["regency_code"],
                r["as_of"],
                r["row_count"],
                r["total_kim"],
                r["sha256"],
                r["file_name"],
                r["note"],
                r.get("author") or "",
                r.get("stored_at") or "",
                bool(r.get("sample") or False),
            )
            for r in result
        ]

    def version(self) -> tuple[int, int]:
        """(number of snapshots, highest id): changes exactly when an import lands."""
        query = sa.select(sa.func.count(SNAPSHOTS.c.id), sa.func.coalesce(sa.func.max(SNAPSHOTS.c.id), 0))
        try:
            with self.engine.connect() as conn:
                count, top = conn.execute(query).one()
        except SQLAlchemyError as err:
            raise self._fail(err) from err
        return int(count), int(top)

    def mark_sample(self, ids: list[int], author: str) -> None:
        """Mark snapshots of an older store as the shipped sample (their data stays as stored)."""
        if not ids:
            return
        update = sa.update(SNAPSHOTS).where(SNAPSHOTS.c.id.in_(ids)).values(sample=True, author=author)
        try:
            with self.engine.begin() as conn:
                conn.execute(update)
        except SQLAlchemyError as err:
            raise self._fail(err) from err

    def rows(self, snapshot: Snapshot) -> pd.DataFrame:
        """The snapshot's rows as text, indexed from 0 in stored order (row n is position n + 1)."""
        table = ROWS[snapshot.kind]
        columns = [col.name for col in SPECS[snapshot.kind]]
        query = sa.select(*[table.c[c] for c in columns]).where(table.c.snapshot_id == snapshot.id)
        try:
            with self.engine.connect() as conn:
                result = conn.execute(query.order_by(table.c.position)).all()
        except SQLAlchemyError as err:
            raise self._fail(err) from err
        return pd.DataFrame([tuple(r) for r in result], columns=columns, dtype=str)

    def add(self, meta: Snapshot, text_rows: pd.DataFrame) -> Snapshot:
        """Store one snapshot and its rows in a single transaction; returns it with its new id."""
        columns = [col.name for col in SPECS[meta.kind]]
        frame = text_rows.reindex(columns=columns, fill_value="").fillna("").astype(str)
        record = {k: v for k, v in meta.__dict__.items() if k not in ("id", "rows")}
        record["row_count"] = len(frame)
        record["stored_at"] = meta.stored_at or utc_now()
        try:
            with self.engine.begin() as conn:
                inserted = conn.execute(sa.insert(SNAPSHOTS).values(**record)).inserted_primary_key
                assert inserted is not None
                new_id = inserted[0]
                rows = [
                    {"snapshot_id": new_id, "position": i + 1, **r}
                    for i, r in enumerate(frame.to_dict("records"))
                ]
                if rows:
                    conn.execute(sa.insert(ROWS[meta.kind]), rows)
        except SQLAlchemyError as err:
            raise self._fail(err) from err
        return Snapshot(
            **{**meta.__dict__, "id": int(new_id), "rows": len(frame), "stored_at": record["stored_at"]}
        )


def utc_now() -> str:
    """The time a snapshot is stored: UTC, to the second (the data's own date is `as_of`)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
