"""GeoPackage boundaries read with Python's sqlite3 from memory (deserialize): no GDAL, no temp files.

A GeoPackage is an SQLite database the user wrote, so: read-only, untrusted schema, bounded value
length and time, only fixed SQL plus identifiers that were checked against sqlite_master and quoted,
and no virtual table or view is ever queried (they run code: modules, SQL in the schema).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

import pyproj
import shapely

from kim_dash.boundaries.base import (
    MAX_PROBLEMS,
    MAX_UPLOAD_BYTES,
    Parsed,
    VertexBudget,
    check_columns,
    check_count,
    crs_from_epsg,
    crs_from_wkt,
    fail,
    pick_layer,
    text_value,
)
from kim_dash.boundaries.wkb import NotPolygon, scan_wkb
from kim_dash.sources.problems import DatasetError, Problem

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_IDS = (b"GPKG", b"GP10", b"GP11")  # 1.2+, 1.0, 1.1
METADATA = ("gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys")
ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
SECONDS = 10.0
WAL_VERSIONS, ROLLBACK_VERSIONS = b"\x02\x02", b"\x01\x01"  # header bytes 18-19: write and read version
T = TypeVar("T")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class ExtendedGeometry(ValueError):
    """A GeoPackage 'extended' geometry blob (a vendor's own encoding)."""


def _open(raw: bytes, file: str, deadline: float) -> sqlite3.Connection:
    if len(raw) < 100 or not raw.startswith(SQLITE_MAGIC):
        fail(file, "gpkg_not_sqlite")
    if raw[68:72] not in APPLICATION_IDS:
        fail(file, "gpkg_not_geopackage")
    if raw[18:20] == WAL_VERSIONS:
        # WAL mode (QGIS leaves its files so): the upload holds the main file only, whose pages are the
        # last checkpoint. Marked as a rollback-journal file, the in-memory copy reads without a -wal
        # file (deserialize cannot open WAL mode); nothing is ever written to a disk.
        raw = raw[:18] + ROLLBACK_VERSIONS + raw[20:]
    connection = sqlite3.connect(":memory:")
    connection.text_factory = lambda value: value.decode("utf-8", errors="replace")  # TEXT need not be UTF-8
    connection.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)  # nonzero: interrupt
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_UPLOAD_BYTES)
    connection.deserialize(raw)
    for pragma in ("query_only = ON", "trusted_schema = OFF", "cell_size_check = ON"):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _schema(connection: sqlite3.Connection, file: str) -> tuple[dict[str, str], set[str]]:
    """(plain tables, virtual tables and views), keyed by lower-case name as SQLite matches them
    (ASCII case-insensitively); the plain ones map to their names exactly as sqlite_master holds them."""
    plain: dict[str, str] = {}
    other: set[str] = set()
    for kind, name, sql in connection.execute("SELECT type, name, sql FROM sqlite_master"):
        if kind in ("table", "view") and isinstance(name, str):
            virtual = kind == "view" or (
                isinstance(sql, str) and sql.lstrip().upper().startswith("CREATE VIRTUAL")
            )
            if virtual:
                other.add(_fold(name))
            else:
                plain[_fold(name)] = name
    if not set(METADATA) <= set(plain):
        fail(file, "gpkg_broken")  # missing, or a virtual table or view in their place
    return plain, other


def _fold(name: str) -> str:
    """A name as SQLite compares identifiers: ASCII letters folded, nothing else (unlike str.lower)."""
    return name.translate(_ASCII_LOWER)


def _feature_layers(connection: sqlite3.Connection) -> dict[str, tuple[str, int]]:
    """Layer name -> (geometry column, srs_id), in name order."""
    rows = connection.execute(
        "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents AS c "
        "JOIN gpkg_geometry_columns AS g ON g.table_name = c.table_name COLLATE NOCASE "
        "WHERE c.data_type = 'features' ORDER BY c.table_name"
    )
    return {t: (c, s) for t, c, s in rows if isinstance(t, str) and isinstance(c, str) and isinstance(s, int)}


def _run(raw: bytes, file: str, job: Callable[[sqlite3.Connection, dict[str, str], set[str]], T]) -> T:
    """Run `job(connection, plain, other)` on a GeoPackage's bytes; every SQLite error is one Problem:
    past the time limit 'too slow to read', else 'damaged'."""
    deadline = time.monotonic() + SECONDS

    def problem() -> Problem:
        if time.monotonic() > deadline:  # the progress handler interrupted a statement
            return Problem(file, None, None, None, "gpkg_too_slow", f"{SECONDS:.0f}")
        return Problem(file, None, None, None, "gpkg_broken")

    try:
        connection = _open(raw, file, deadline)
    except (sqlite3.Error, UnicodeDecodeError) as err:
        raise DatasetError([problem()]) from err
    try:
        return job(connection, *_schema(connection, file))
    except (sqlite3.Error, UnicodeDecodeError) as err:  # corrupt page, time limit, message not UTF-8
        raise DatasetError([problem()]) from err
    finally:
        connection.close()


def gpkg_layers(raw: bytes, file: str) -> list[str]:
    layers = _run(raw, file, lambda connection, plain, other: list(_feature_layers(connection)))
    if not layers:
        fail(file, "no_geometry_layer")
    return layers


def _crs(connection: sqlite3.Connection, srs_id: int, file: str) -> pyproj.CRS | None:
    """EPSG organisation and id when given, else the definition WKT; None for the 'undefined' systems."""
    if srs_id in (-1, 0):
        return None
    row = connection.execute(
        "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
        (srs_id,),
    ).fetchone()
    if row is None:
        return None
    organisation, code, definition = row
    if (
        isinstance(organisation, str)
        and organisation.upper() == "EPSG"
        and isinstance(code, int)
        and code > 0
    ):
        return crs_from_epsg(code, file)
    if isinstance(definition, str) and definition.strip().lower() not in ("", "undefined"):
        return crs_from_wkt(definition, file)
    return None


def wkb_of(blob: object) -> bytes | None:
    """The standard WKB inside a GeoPackage geometry blob; None when empty; ValueError if malformed."""
    if not isinstance(blob, bytes) or len(blob) < 8 or blob[:2] != b"GP" or blob[2] != 0:
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    if flags & 0x20:
        raise ExtendedGeometry("extended geometry")
    envelope = (flags >> 1) & 0x07
    if envelope not in ENVELOPE_BYTES:
        raise ValueError("bad envelope")
    if flags & 0x10:
        return None
    return blob[8 + ENVELOPE_BYTES[envelope] :]


def _geometry(blob: object, row: int, budget: VertexBudget, file: str):
    """A shapely polygon or the reason key for skipping the feature; the WKB is walked (depth, parts,
    rings, points, every byte) before shapely parses it, so GEOS never sees a nested collection."""
    if blob is None:
        return "drop_no_geometry"
    try:
        wkb = wkb_of(blob)
    except ExtendedGeometry:
        fail(file, "gpkg_extended_geometry", row=row)
    except ValueError:
        return "drop_bad_geometry"
    if wkb is None:
        return "drop_no_geometry"
    try:
        counts = scan_wkb(wkb, file, row)
    except NotPolygon:
        return "drop_not_polygon"
    except ValueError:
        return "drop_bad_geometry"  # curves, EWKB flags, truncated, trailing bytes, mixed members
    budget.add(counts.points, row)
    try:
        return shapely.from_wkb(wkb)
    except (shapely.errors.GEOSException, ValueError):
        return "drop_bad_geometry"  # e.g. a ring of three points


def read_gpkg(raw: bytes, file: str, layer: str | None) -> tuple[Parsed, str]:
    def job(connection: sqlite3.Connection, plain: dict[str, str], other: set[str]) -> tuple[Parsed, str]:
        layers = _feature_layers(connection)
        if not layers:
            fail(file, "no_geometry_layer")
        name = pick_layer(list(layers), layer, file)
        if _fold(name) in other:
            fail(file, "gpkg_virtual_table", value=name)
        if _fold(name) not in plain:  # gpkg_contents names a table the file does not hold
            fail(file, "gpkg_missing_table", value=name)
        geometry_column, srs_id = layers[name]
        table = _quote(plain[_fold(name)])
        info = connection.execute(
            "SELECT name, type, pk, hidden FROM pragma_table_xinfo(?)", (plain[_fold(name)],)
        ).fetchall()
        by_lower = {n.lower(): n for n, _, _, hidden in info if isinstance(n, str) and hidden == 0}
        if geometry_column.lower() not in by_lower:
            fail(file, "gpkg_broken")
        geometry_column = by_lower[geometry_column.lower()]
        rowid_alias = [n for n, kind, pk, _ in info if pk and str(kind).upper() == "INTEGER"]
        columns = [
            n for n, _, _, hidden in info if hidden == 0 and n != geometry_column and n not in rowid_alias
        ]
        check_columns(file, columns)
        check_count(file, connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        crs = _crs(connection, srs_id, file)
        budget, problems = VertexBudget(file), list[Problem]()
        parsed = Parsed(columns, [], [], crs)
        selected = ", ".join(_quote(c) for c in [*columns, geometry_column])
        for index, values in enumerate(connection.execute(f"SELECT {selected} FROM {table}")):
            row = index + 1
            check_count(file, row)
            parsed.records.append({c: text_value(v, file, row, c, problems) for c, v in zip(columns, values)})
            geometry = _geometry(values[-1], row, budget, file)
            if isinstance(geometry, str):
                parsed.skipped[index] = geometry
                geometry = None
            parsed.geometries.append(geometry)
        if problems:
            raise DatasetError(problems[:MAX_PROBLEMS])
        return parsed, name

    return _run(raw, file, job)
