"""Builders for boundary-file tests: zips, GeoJSON documents, shapefiles and GeoPackages made in the test."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import box

from kim_dash.boundaries.upload import read_boundary_file
from kim_dash.sources.problems import DatasetError, Problem

from .conftest import SHARED_GEO

REAL = SHARED_GEO / "boundaries" / "bogor_kecamatan.geojson"
POINTS = SHARED_GEO / "bogor_kecamatan_points.csv"
needs_real = pytest.mark.skipif(not REAL.is_file(), reason="real boundaries live in ../shared (not shipped)")
SENTINEL = "KIMSENTINEL_7f3a91"
CIBINONG = (106.838295, -6.484742)  # an interior point (bogor_kecamatan_points.csv)


def refused(raw: bytes, file: str, layer: str | None = None) -> list[Problem]:
    with pytest.raises(DatasetError) as err:
        read_boundary_file(raw, file, layer)
    for problem in err.value.problems:  # every reason key has a text in both languages
        assert problem.message("id") and problem.message("en")
    return err.value.problems


def problem_text(problems: list[Problem]) -> str:
    return "\n".join(f"{p!r} {p.message('id')} {p.message('en')}" for p in problems)


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def feature(geometry: dict | None, **properties) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def geojson(*features: dict, **extra) -> bytes:
    return json.dumps({"type": "FeatureCollection", **extra, "features": list(features)}).encode()


def square(lon: float, lat: float, half: float = 0.01) -> dict:
    return shapely.geometry.mapping(box(lon - half, lat - half, lon + half, lat + half))


def shapefile_zip(frame: gpd.GeoDataFrame, folder: Path, prj: bool = True, **kwargs) -> bytes:
    folder.mkdir()
    frame.to_file(folder / "kec.shp", **kwargs)
    parts = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if prj or p.suffix != ".prj"}
    return zipped(parts)


def gpkg(frame, path: Path, layer: str = "kec") -> bytes:
    frame.to_file(path, layer=layer, driver="GPKG")
    return path.read_bytes()


def real_utm() -> gpd.GeoDataFrame:
    return gpd.read_file(REAL).to_crs("EPSG:32748")


def members(raw: bytes) -> list[tuple[str, bytes]]:
    archive = zipfile.ZipFile(io.BytesIO(raw))
    return [(name, archive.read(name)) for name in archive.namelist()]


def squares(names: list[str]) -> gpd.GeoDataFrame:
    geometry = [box(106.8 + i * 0.05, -6.5, 106.82 + i * 0.05, -6.48) for i in range(len(names))]
    return gpd.GeoDataFrame({"name": names}, geometry=geometry, crs=4326)


def sql(raw: bytes, path: Path, *statements: str) -> bytes:
    path.write_bytes(raw)
    with sqlite3.connect(path) as connection:
        triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for (trigger,) in triggers:  # GDAL's spatial index triggers call functions only GDAL has
            connection.execute(f'DROP TRIGGER "{trigger}"')
        for statement in statements:
            connection.execute(statement)
    connection.close()
    return path.read_bytes()
