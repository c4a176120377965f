"""Opening a store: which database URLs are supported, and the engine options of each backend."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from kim_dash.store.waits import SQLITE_BUSY_TIMEOUT, engine_waits

SUPPORTED = ("sqlite", "postgresql+psycopg")  # the drivers installed with the app
SUPPORTED_TEXT = "sqlite:///path/kim.sqlite or postgresql+psycopg://user:password@host:5432/database"


class StoreUnavailable(Exception):
    """The store cannot be reached or read (server down, wrong URL, not initialised).

    The message is for the operator (command line, server log): it names the store's URL without its
    password. `timed_out`: the database did not answer in time (the page says only that).
    """

    def __init__(self, message: str, timed_out: bool = False):
        super().__init__(message)
        self.timed_out = timed_out


def supported_url(url: sa.URL) -> sa.URL:
    """The URL with its driver (postgresql:// means psycopg), or StoreUnavailable naming the supported ones."""
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.drivername in ("sqlite+pysqlite",):
        url = url.set(drivername="sqlite")
    if url.drivername not in SUPPORTED:
        raise StoreUnavailable(f"unsupported database URL {url.drivername}://…; supported: {SUPPORTED_TEXT}")
    return url


def engine_options(url: sa.URL, create: bool = False) -> tuple[sa.URL, dict[str, Any]]:
    """The URL and create_engine options: bounded waits, and an SQLite file that cannot vanish unseen.

    An SQLite file is opened afresh for each read (NullPool): a pooled handle would keep reading a
    deleted or replaced file. Only `create` makes a missing file; a file that exists when the store is
    opened must go on existing (mode=rw): deleting it mid-session is reported, not recreated empty.
    """
    options: dict[str, Any] = {"pool_pre_ping": True, **engine_waits(url)}
    database = url.database or ""
    if url.get_backend_name() == "sqlite":
        options["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT}
    if url.get_backend_name() == "sqlite" and database not in ("", ":memory:") and "uri" not in url.query:
        path = os.path.abspath(database)
        mode = "rwc" if create and not os.path.exists(path) else "rw"
        url = url.set(database=f"file:{quote(path)}", query={**url.query, "mode": mode, "uri": "true"})
        options["poolclass"] = NullPool
    return url, options


def visitor_label(url: sa.URL, label: str) -> str:
    """The store as a visitor may see it: the kind of database, never its user, host, port or name."""
    if url.get_backend_name() == "postgresql":
        return "PostgreSQL"
    return "SQLite" if "://" in label else label  # data/kim.sqlite, or the sample's manifest
