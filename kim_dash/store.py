"""Snapshots of KIM data: dated, never changed once stored; SQLite by default, PostgreSQL by URL.

One schema (SQLAlchemy Core) for both backends, so both give the same results. A snapshot is one
imported file: a Kabupaten's registry, a per-kecamatan count table, or the national table. Rows are
stored as the validated text the user gave, and validated again when read, so a row changed in the
database by hand gets the same problem report as a file. The app only reads (a read-only role is
enough); `python -m kim_dash import` is the one writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from kim_dash import store_waits
from kim_dash.specs import SNAPSHOT_KINDS, SPECS
from kim_dash.store_engine import StoreUnavailable as StoreUnavailable
from kim_dash.store_engine import engine_options, supported_url
from kim_dash.store_waits import (
    NO_ANSWER,
    ROWS_PER_EXTRA_WAIT,
    WRITE,
    bound,
    budget,
    is_timeout,
    operation,
)

METADATA = sa.MetaData()
SNAPSHOTS = sa.Table(
    "kim_snapshot",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("regency_code", sa.String(8), nullable=False),  # "" for the national table
    sa.Column("as_of", sa.String(10), nullable=False),  # YYYY, YYYY-MM or YYYY-MM-DD: as precise as known
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("total_kim", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
)
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
KEY = sa.Index("kim_snapshot_key", SNAPSHOTS.c.kind, SNAPSHOTS.c.regency_code, SNAPSHOTS.c.as_of, unique=True)


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

    @property
    def label(self) -> str:
        scope = f" {self.regency_code}" if self.regency_code else ""
        return f"#{self.id} {self.kind}{scope} {self.as_of}"


def _snapshot(r: Any) -> Snapshot:
    return Snapshot(
        r.id, r.kind, r.regency_code, r.as_of, r.row_count, r.total_kim, r.sha256, r.file_name, r.note
    )


class Store:
    """Reads and appends snapshots through one SQLAlchemy engine; every wait is bounded (store_waits)."""

    def __init__(self, engine: Engine, label: str):
        self.engine = engine
        self.label = label  # where it lives, password hidden: shown in reports, never to visitors
        bound(engine)

    @classmethod
    def from_url(cls, url: str, create: bool = False) -> Store:
        """A store at `url`; `create`: an SQLite file may be made (the first import), reading never does."""
        try:
            parsed = supported_url(sa.make_url(url))
            target, options = engine_options(parsed, create)
            engine = sa.create_engine(target, **options)
        except (SQLAlchemyError, ValueError, ImportError) as err:
            raise StoreUnavailable(f"{type(err).__name__}: {err}".splitlines()[0]) from err
        return cls(engine, parsed.render_as_string(hide_password=True))

    def _fail(self, err: Exception) -> StoreUnavailable:
        orig = getattr(err, "orig", None)
        if is_timeout(orig) or is_timeout(err):
            return StoreUnavailable(f"{self.label}: {NO_ANSWER.format(seconds=budget())}", True)
        first = str(orig or err).strip().splitlines()
        return StoreUnavailable(f"{self.label}: {first[0] if first else type(err).__name__}")

    def _run(self, work: Any, seconds: float = 0) -> Any:
        with operation(seconds or store_waits.ANSWER_TIMEOUT):
            try:
                return work()
            except SQLAlchemyError as err:
                raise self._fail(err) from err

    def _not_made_yet(self, err: SQLAlchemyError) -> bool:
        """The store answers but has no snapshot table: no import has reached it yet."""
        if is_timeout(getattr(err, "orig", None)) or getattr(err, "connection_invalidated", False):
            return False
        with self.engine.connect() as conn:
            return not sa.inspect(conn).has_table(SNAPSHOTS.name)

    def ensure_schema(self) -> list[tuple[str, str, str, list[int]]]:
        """Make the tables and the unique key (kind, area, date) if missing, in one write transaction.

        Returns the keys an older store holds several snapshots of (kind, regency, date, ids): then
        the unique key is not made. An empty list: all is well.
        """

        def work() -> list[tuple[str, str, str, list[int]]]:
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE: True})
                with conn.begin():
                    if conn.dialect.name == "postgresql":  # concurrent first imports make the tables once
                        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(0x4B494D)))
                    METADATA.create_all(conn)
                    duplicates = self._duplicates(conn)
                    if not duplicates:
                        KEY.create(conn, checkfirst=True)
                    return duplicates

        return self._run(work)

    @staticmethod
    def _duplicates(conn: sa.Connection) -> list[tuple[str, str, str, list[int]]]:
        key = (SNAPSHOTS.c.kind, SNAPSHOTS.c.regency_code, SNAPSHOTS.c.as_of)
        rows = conn.execute(sa.select(*key, SNAPSHOTS.c.id).order_by(*key, SNAPSHOTS.c.id)).all()
        groups: dict[tuple[str, str, str], list[int]] = {}
        for kind, regency, as_of, id_ in rows:
            groups.setdefault((kind, regency, as_of), []).append(int(id_))
        return [(*k, ids) for k, ids in groups.items() if len(ids) > 1]

    def snapshots(self) -> list[Snapshot]:
        """Every snapshot by date; [] for a database the first import has not reached yet."""
        query = sa.select(SNAPSHOTS).order_by(SNAPSHOTS.c.as_of, SNAPSHOTS.c.id)

        def work() -> list[Snapshot]:
            try:
                with self.engine.connect() as conn:
                    return [_snapshot(r) for r in conn.execute(query).all()]
            except (sa.exc.ProgrammingError, sa.exc.OperationalError) as err:
                if self._not_made_yet(err):
                    return []
                raise

        return self._run(work)

    def version(self) -> tuple[int, int]:
        """(number of snapshots, highest id): changes exactly when an import lands."""
        query = sa.select(sa.func.count(SNAPSHOTS.c.id), sa.func.coalesce(sa.func.max(SNAPSHOTS.c.id), 0))

        def work() -> tuple[int, int]:
            try:
                with self.engine.connect() as conn:
                    count, top = conn.execute(query).one()
            except (sa.exc.ProgrammingError, sa.exc.OperationalError) as err:
                if self._not_made_yet(err):
                    return 0, 0
                raise
            return int(count), int(top)

        return self._run(work)

    def rows(self, snapshot: Snapshot) -> pd.DataFrame:
        """The snapshot's rows as text, indexed from 0 in stored order (row n is position n + 1)."""
        table = ROWS[snapshot.kind]
        columns = [col.name for col in SPECS[snapshot.kind]]
        query = sa.select(*[table.c[c] for c in columns]).where(table.c.snapshot_id == snapshot.id)

        def work() -> list:
            with self.engine.connect() as conn:
                return list(conn.execute(query.order_by(table.c.position)).all())

        result = self._run(work)
        return pd.DataFrame([tuple(r) for r in result], columns=columns, dtype=str)

    def same_key(self, meta: Snapshot, conn: sa.Connection | None = None) -> list[Snapshot]:
        """Stored snapshots of the kind, area and date of `meta`."""
        query = sa.select(SNAPSHOTS).where(
            SNAPSHOTS.c.kind == meta.kind,
            SNAPSHOTS.c.regency_code == meta.regency_code,
            SNAPSHOTS.c.as_of == meta.as_of,
        )
        if conn is not None:
            return [_snapshot(r) for r in conn.execute(query.order_by(SNAPSHOTS.c.id)).all()]

        def work() -> list[Snapshot]:
            with self.engine.connect() as own:
                return self.same_key(meta, own)

        return self._run(work)

    def add(self, meta: Snapshot, text_rows: pd.DataFrame) -> tuple[Snapshot, bool]:
        """Store one snapshot and its rows in a single transaction, unless its key is taken.

        (new snapshot, True), or (the one already stored with its kind, area and date, False): the
        check and the insert are one transaction; the unique key decides between concurrent importers.
        """
        columns = [col.name for col in SPECS[meta.kind]]
        frame = text_rows.reindex(columns=columns, fill_value="").fillna("").astype(str)
        record = {k: v for k, v in meta.__dict__.items() if k not in ("id", "rows")}
        record["row_count"] = len(frame)

        def work() -> tuple[Snapshot, bool]:
            try:
                with self.engine.connect() as conn:
                    conn.execution_options(**{WRITE: True})
                    with conn.begin():
                        taken = self.same_key(meta, conn)
                        if taken:
                            return taken[0], False
                        inserted = conn.execute(sa.insert(SNAPSHOTS).values(**record)).inserted_primary_key
                        assert inserted is not None
                        new_id = int(inserted[0])
                        rows = [
                            {"snapshot_id": new_id, "position": i + 1, **r}
                            for i, r in enumerate(frame.to_dict("records"))
                        ]
                        for start in range(0, len(rows), 1000):
                            conn.execute(sa.insert(ROWS[meta.kind]), rows[start : start + 1000])
            except IntegrityError:  # another importer stored this key first: theirs stands
                taken = self.same_key(meta)
                if not taken:
                    raise
                return taken[0], False
            return Snapshot(**{**meta.__dict__, "id": new_id, "rows": len(frame)}), True

        return self._run(work, store_waits.ANSWER_TIMEOUT * (1 + len(frame) // ROWS_PER_EXTRA_WAIT))
