"""Hostile boundary geometry, made here (nothing large is committed): GeoPackages written with sqlite3
alone (no GDAL, so any blob can be stored), deep WKB, self-overlapping rings, lying shapefiles.

    python -m tests.geometry_files OUT_FOLDER   # writes the worst files, for trying them by hand
"""

from __future__ import annotations

import io
import math
import random
import sqlite3
import struct
import sys
import zipfile
from pathlib import Path

CIBINONG = (106.838295, -6.484742)
WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
    'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]'
)


def polygon_wkb(ring: list[tuple[float, float]]) -> bytes:
    return (
        struct.pack("<BII", 1, 3, 1)
        + struct.pack("<I", len(ring))
        + struct.pack(f"<{2 * len(ring)}d", *(c for p in ring for c in p))
    )


def square_ring(
    lon: float = CIBINONG[0], lat: float = CIBINONG[1], half: float = 0.01
) -> list[tuple[float, float]]:
    return [
        (lon - half, lat - half),
        (lon + half, lat - half),
        (lon + half, lat + half),
        (lon - half, lat + half),
        (lon - half, lat - half),
    ]


def nested_collection_wkb(depth: int) -> bytes:
    """A MultiPolygon whose one member is a GeometryCollection holding one, `depth` levels down (9 bytes a level)."""
    level = struct.pack("<BII", 1, 7, 1)
    return struct.pack("<BII", 1, 6, 1) + level * (depth - 1) + struct.pack("<BII", 1, 7, 0)


def star_ring(vertices: int, distinct: int = 16, seed: int = 22) -> list[tuple[float, float]]:
    """A closed ring of `vertices` points, each one of `distinct` points on a circle, visited in a random
    order (never the same twice in a row): every edge overlaps or crosses thousands of others. Random,
    so that a zipped .shp of 400,000 of them stays under the zip-bomb ratio (a fixed cycle deflates 250:1)."""
    rng = random.Random(seed)
    points = [
        (
            CIBINONG[0] + 0.01 * math.cos(2 * math.pi * k / distinct),
            CIBINONG[1] + 0.01 * math.sin(2 * math.pi * k / distinct),
        )
        for k in range(distinct)
    ]
    order = [0]
    for _ in range(vertices - 2):
        order.append((order[-1] + rng.randrange(1, distinct)) % distinct)
    return [points[k] for k in order] + [points[0]]


def gp_blob(wkb: bytes, srs_id: int = 4326) -> bytes:
    """A GeoPackage geometry blob: magic, version 0, flags (little-endian, no envelope), srs_id, WKB."""
    return b"GP\x00\x01" + struct.pack("<i", srs_id) + wkb


def gpkg(
    path: Path, blobs: list[bytes], table: str = "kec", listed_as: str | None = None, wal: bool = False
) -> bytes:
    """A GeoPackage of one feature table `table` (listed in the metadata as `listed_as`), one row a blob."""
    path.unlink(missing_ok=True)
    listed = listed_as or table
    connection = sqlite3.connect(path)
    connection.executescript(
        f"""
        PRAGMA application_id = 1196444487;
        PRAGMA user_version = 10300;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
          organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
          description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
          identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE,
          max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
          geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
        CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, name TEXT);
        """
    )
    connection.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, ?, NULL)", (WGS84_WKT,)
    )
    connection.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES (?, 'features', 4326)", (listed,)
    )
    connection.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'MULTIPOLYGON', 4326, 0, 0)", (listed,)
    )
    connection.executemany(
        f'INSERT INTO "{table}" (geom, name) VALUES (?, ?)',
        [(blob, f"Cibinong {i}") for i, blob in enumerate(blobs)],
    )
    connection.commit()
    if wal:
        connection.execute(
            "PRAGMA journal_mode = WAL"
        )  # persistent: header bytes 18-19 become 2, as QGIS leaves it
    connection.close()
    return path.read_bytes()


def shapefile_zip(
    rings: list[list[tuple[float, float]]], folder: Path, lying_shx: bytes | None = None
) -> bytes:
    """A zipped Shapefile of one polygon a ring (pyshp writes it); `lying_shx` replaces its index."""
    import shapefile

    folder.mkdir(parents=True, exist_ok=True)
    with shapefile.Writer(str(folder / "kec"), shapeType=shapefile.POLYGON) as writer:
        writer.field("name", "C", 40)
        for number, ring in enumerate(rings):
            writer.poly([ring])
            writer.record(f"Cibinong {number}")
    parts = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.stem == "kec"}
    if lying_shx is not None:
        parts["kec.shx"] = lying_shx
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def worst_files(folder: Path) -> dict[str, bytes]:
    """The geometry files the hardening tests and bench/uploads.py use, by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "nested_collections_16000_deep.gpkg": gpkg(
            folder / "nested.gpkg", [gp_blob(nested_collection_wkb(16_000))]
        ),
        "star_400k_vertices_16_points.zip": shapefile_zip([star_ring(400_000)], folder / "star"),
    }


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, raw in worst_files(out / "work").items():
        (out / name).write_bytes(raw)
        print(name, len(raw))
