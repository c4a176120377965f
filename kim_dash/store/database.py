"""Snapshots of KIM data: dated, never changed once stored; SQLite by default, PostgreSQL by URL.

A snapshot is one imported file (a registry, a per-kecamatan count table, or the national table),
stored as the validated text given and validated again when read, so a row changed by hand gets the
same report as a file. The app only reads; `kim_dash.store.imports.store_import` is the one writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from kim_dash.sources.specs import SPECS
from kim_dash.store import waits as store_waits
from kim_dash.store.engine import StoreUnavailable as StoreUnavailable
from kim_dash.store.engine import engine_options, supported_url
from kim_dash.store.schema import KEY, METADATA, ROWS, SNAPSHOTS, add_missing_columns
from kim_dash.store.waits import (
    NO_ANSWER,
    ROWS_PER_EXTRA_WAIT,
    WRITE,
    bound,
    budget,
    is_timeout,
    operation,
)


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


def _snapshot(r: Any) -> Snapshot:
    m = r._mapping  # a store older than `author`, `stored_at` and `sample` reads too
    return Snapshot(
        m["id"], m["kind"], m["regency_code"], m["as_of"], m["row_count"], m["total_kim"], m["sha256"],
        m["file_name"], m["note"], m.get("author") or "", m.get("stored_at") or "", bool(m.get("sample") or False),
    )  # fmt: skip


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
                    add_missing_columns(conn)
                    duplicates = self._duplicates(conn)
                    if not duplicates:
                        KEY.create(conn, checkfirst=True)
                    return duplicates

        return self._run(work, store_waits.WRITE_TIMEOUT)  # first importers queue on the lock

    @staticmethod
    def _duplicates(conn: sa.Connection) -> list[tuple[str, str, str, list[int]]]:
        # the unique key's columns: one sample and one real snapshot of a kind, area and date may coexist
        key = (SNAPSHOTS.c.kind, SNAPSHOTS.c.regency_code, SNAPSHOTS.c.as_of, SNAPSHOTS.c.sample)
        rows = conn.execute(sa.select(*key, SNAPSHOTS.c.id).order_by(*key, SNAPSHOTS.c.id)).all()
        groups: dict[tuple[str, str, str, bool], list[int]] = {}
        for kind, regency, as_of, _sample, id_ in rows:
            groups.setdefault((kind, regency, as_of, _sample), []).append(int(id_))
        return [(*k[:3], ids) for k, ids in groups.items() if len(ids) > 1]

    def snapshots(self) -> list[Snapshot]:
        """Every snapshot by date; [] for a database the first import has not reached yet."""
        # every column there is: a store made before `author` was added reads too (the app only reads)
        query = sa.text(f"SELECT * FROM {SNAPSHOTS.name} ORDER BY as_of, id")

        def work() -> list[Snapshot]:
            try:
                with self.engine.connect() as conn:
                    return [_snapshot(r) for r in conn.execute(query).all()]
            except (sa.exc.ProgrammingError, sa.exc.OperationalError) as err:
                if self._not_made_yet(err):
                    return []
                raise

        return self._run(work)

    def version(self) -> tuple[int, int]:  # (count, highest id): changes exactly when an import lands
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

    def mark_sample(self, ids: list[int], author: str) -> None:
        """Mark snapshots of an older store as the shipped sample (their data stays as stored)."""
        if not ids:
            return
        update = sa.update(SNAPSHOTS).where(SNAPSHOTS.c.id.in_(ids)).values(sample=True, author=author)

        def work() -> None:
            with self.engine.begin() as conn:
                conn.execute(update)

        self._run(work)

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
        """Stored snapshots of the unique key of `meta`: its kind, area, date and whether it is the sample."""
        query = sa.select(SNAPSHOTS).where(
            SNAPSHOTS.c.kind == meta.kind,
            SNAPSHOTS.c.regency_code == meta.regency_code,
            SNAPSHOTS.c.as_of == meta.as_of,
            SNAPSHOTS.c.sample == meta.sample,
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
        stamp = record["stored_at"] = meta.stored_at or utc_now()

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
            return Snapshot(**{**meta.__dict__, "id": new_id, "rows": len(frame), "stored_at": stamp}), True

        return self._run(work, store_waits.WRITE_TIMEOUT + 5 * (len(frame) // ROWS_PER_EXTRA_WAIT))


def utc_now() -> str:
    """The time a snapshot is stored: UTC, to the second (the data's own date is `as_of`)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
