"""Every wait on the database ends: connect, pool checkout, each statement, SQLite's write lock.

A PostgreSQL server that is stopped (SIGSTOP, a frozen VM, a half-open network path) still has its
kernel acknowledge TCP, so neither TCP timeouts nor the server's own `statement_timeout` end a wait
for it. Here the client bounds it: an operation of the store runs within a deadline
(`operation(seconds)`), a new connection gets the time that remains as `connect_timeout` (shared by
every address the host name resolves to), and each statement runs under a watchdog that shuts the
socket down when the time is up, so the blocked call returns and the error says "did not answer".
SQLite writes take the lock at BEGIN (BEGIN IMMEDIATE) and wait for it at most `SQLITE_BUSY_TIMEOUT`.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

ANSWER_TIMEOUT = 5  # seconds: connect plus one read of the store; a statement on its own
POOL_TIMEOUT = 5  # seconds a session waits for a pooled connection when all are in use
SQLITE_BUSY_TIMEOUT = 10  # seconds an SQLite writer waits for another writer's transaction
ROWS_PER_EXTRA_WAIT = 5000  # an import may take ANSWER_TIMEOUT longer per this many rows
# An import's write may queue behind other importers on the unique key: waiting for their commit is not a
# silent database (reads and connecting keep ANSWER_TIMEOUT, so a stalled server still fails fast).
WRITE_TIMEOUT = 4 * ANSWER_TIMEOUT
WRITE = "kim_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)
NO_ANSWER = "the database did not answer within {seconds:g} s"

_local = threading.local()


def remaining() -> float | None:
    """Seconds left in this thread's operation, or None outside one."""
    end = getattr(_local, "end", None)
    return None if end is None else end - time.monotonic()


@contextmanager
def operation(seconds: float) -> Iterator[None]:
    """Run one store operation within `seconds` (an operation inside another keeps the outer end)."""
    if getattr(_local, "end", None) is not None:
        yield
        return
    _local.end, _local.seconds = time.monotonic() + seconds, seconds
    try:
        yield
    finally:
        _local.end = None


def budget() -> float:
    """The whole time of the current operation (the number the message gives)."""
    return (
        float(getattr(_local, "seconds", None) or ANSWER_TIMEOUT)
        if remaining() is not None
        else ANSWER_TIMEOUT
    )


def _timeout_error(seconds: float) -> Exception:
    import psycopg

    return psycopg.errors.ConnectionTimeout(NO_ANSWER.format(seconds=seconds))


def is_timeout(err: BaseException | None) -> bool:
    return type(err).__name__ in ("ConnectionTimeout", "QueuePoolTimeout", "TimeoutError")


@contextmanager
def _watchdog(connection: Any, floor: float = 0) -> Iterator[None]:
    """Shut the connection's socket down if the statement outlives the operation's time.

    `floor`: a commit or rollback gets at least this long, so an operation that used its time on a
    slow but live server ends cleanly instead of leaving its transaction to the pool's reset.
    """
    left = remaining()
    seconds = max(floor, ANSWER_TIMEOUT if left is None else left)
    if seconds <= 0:
        raise _timeout_error(budget())
    fired = threading.Event()

    def expire() -> None:
        fired.set()
        try:
            with socket.socket(fileno=os.dup(connection.pgconn.socket)) as sock:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except Exception as err:
        if fired.is_set():
            raise _timeout_error(budget() if left is not None else ANSWER_TIMEOUT) from err
        raise
    finally:
        timer.cancel()


def _bounded_classes() -> tuple[Any, Any]:
    """psycopg's Connection and Cursor, each call that waits for the server under the watchdog."""
    import psycopg

    class BoundedCursor(psycopg.Cursor):
        def execute(self, *args: Any, **kwargs: Any) -> Any:
            with _watchdog(self.connection):
                return super().execute(*args, **kwargs)

        def executemany(self, *args: Any, **kwargs: Any) -> Any:
            with _watchdog(self.connection):
                return super().executemany(*args, **kwargs)

    class BoundedConnection(psycopg.Connection):
        def commit(self) -> None:
            with _watchdog(self, floor=1):
                super().commit()

        def rollback(self) -> None:
            if self.broken or self.closed:  # nothing to wait for
                return super().rollback()
            with _watchdog(self, floor=1):
                super().rollback()

    return BoundedConnection, BoundedCursor


def _attempts(params: dict[str, Any]) -> int:
    """How many addresses psycopg will try (each gets the connect timeout on its own)."""
    try:
        from psycopg.conninfo import conninfo_attempts

        return max(1, len(conninfo_attempts({k: v for k, v in params.items() if isinstance(v, str | int)})))
    except Exception:  # a name that does not resolve fails in connect, with its reason
        return 1


def bound_postgres(engine: Engine) -> None:
    """Connect within the time left (split across addresses), statements under the watchdog."""
    if getattr(engine, "_kim_bounded", False):
        return
    connection_class, cursor_class = _bounded_classes()

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        left = remaining()
        seconds = ANSWER_TIMEOUT if left is None else left
        if seconds <= 0:
            raise _timeout_error(budget())
        share = max(1, round(seconds / _attempts(cparams)))  # psycopg takes whole seconds
        with suppress(ValueError):  # a smaller connect_timeout in the URL is kept
            share = min(share, int(cparams.get("connect_timeout", share)) or share)
        cparams["connect_timeout"] = share
        return connection_class.connect(*cargs, cursor_factory=cursor_class, **cparams)

    engine._kim_bounded = True  # type: ignore[attr-defined]


def bound_sqlite(engine: Engine) -> None:
    """The driver leaves transactions to us: BEGIN for reads, BEGIN IMMEDIATE for writes."""
    if getattr(engine, "_kim_bounded", False):
        return

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT * 1000}")

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

    engine._kim_bounded = True  # type: ignore[attr-defined]


def bound(engine: Engine) -> None:
    name = engine.url.get_backend_name()
    if name == "postgresql" and engine.url.get_driver_name() == "psycopg":
        bound_postgres(engine)
    elif name == "sqlite" and (engine.url.database or "") not in ("", ":memory:"):
        bound_sqlite(engine)


def engine_waits(url: sa.URL) -> dict[str, Any]:
    """create_engine options bounding the pool's wait."""
    return {"pool_timeout": POOL_TIMEOUT} if url.get_backend_name() == "postgresql" else {}
