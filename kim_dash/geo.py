"""Boundary files (GeoJSON, zipped Shapefile, GeoPackage): read, reproject, join, simplify.

Users bring their own polygons (BIG/Bappeda shapefiles); the project ships only interior points.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from kim_dash import names
from kim_dash.problems import DatasetError, Problem
from kim_dash.readers import check_zip as _check_zip

SUFFIXES = (".geojson", ".json", ".zip", ".gpkg", ".shp")
CODE_COLUMNS = ("code", "kode", "kode_kemendagri", "kdepum", "kode_wilayah", "kdcpum", "kdppum", "id")
NAME_COLUMNS = ("name", "nama", "wadmkc", "wadmkk", "namobj", "kecamatan", "kabupaten", "nama_kec", "nm_kec")
# about 3 km and 50 m: below a pixel at the national (zoom 3.3) and the Bogor (zoom 8.6) view
SIMPLIFY_DEGREES = {"regency": 0.03, "kecamatan": 0.0005}
GRID_DEGREES = {"regency": 0.001, "kecamatan": 0.00001}  # coordinate precision sent to the browser
ENV_VARS = {"regency": "KIM_REGENCY_BOUNDARIES", "kecamatan": "KIM_KECAMATAN_BOUNDARIES"}


@dataclass
class BoundaryJoin:
    frame: gpd.GeoDataFrame  # EPSG:4326, one row per matched unit, column `code`
    crs: str  # the file's own CRS before reprojection
    features: int
    joined_by: str  # "code" or "name"
    unmatched: list[str] = field(default_factory=list)  # names/codes in the file we could not place
    missing: list[str] = field(default_factory=list)  # reference codes no feature matched


def read_boundaries(raw: bytes, file: str, layer: str | None = None) -> tuple[gpd.GeoDataFrame, str]:
    """Read a boundary file from bytes; zips are checked for unsafe paths and bombs first."""
    suffix = Path(file).suffix.lower()
    if suffix not in SUFFIXES:
        raise DatasetError([Problem(file, None, None, suffix, "unsupported")])
    if suffix == ".zip":
        _check_zip(raw, file)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(raw)
        target = f"zip://{path}" if suffix == ".zip" else str(path)
        try:
            frame = gpd.read_file(target)
        except Exception as err:  # pyogrio raises its own and GDAL errors for a bad file
            raise DatasetError([Problem(file, None, None, None, "bad_geo", str(err)[:200])]) from err
    if frame.crs is None:
        frame = frame.set_crs("EPSG:4326")  # GeoJSON's default; shapefiles without .prj are rare here
    original = frame.crs.to_string()
    return frame.to_crs("EPSG:4326"), original


def read_boundary_path(path: str | Path) -> tuple[gpd.GeoDataFrame, str]:
    path = Path(path)
    return read_boundaries(path.read_bytes(), path.name)


def _pick_column(frame: pd.DataFrame, candidates: tuple[str, ...]) -> str | None:
    lower = {c.lower(): c for c in frame.columns if c != "geometry"}
    return next((lower[c] for c in candidates if c in lower), None)


def join_boundaries(
    frame: gpd.GeoDataFrame, reference: pd.DataFrame, level: str, crs: str = ""
) -> BoundaryJoin:
    """Attach reference codes: by Kemendagri code when a column holds them, else by normalised name."""
    names_by_code = dict(zip(reference["code"], reference["name"]))
    code_column = _pick_column(frame, CODE_COLUMNS)
    joined_by = "name"
    codes: list[str | None] = []
    labels: list[str] = []
    if code_column is not None:
        raw_codes = frame[code_column].astype(str).str.strip()
        matched = names.match_many(raw_codes.unique(), {c: c for c in names_by_code})
        if sum(v is not None for v in matched.values()) >= len(matched) / 2:
            joined_by = "code"
            codes = [matched.get(c) for c in raw_codes]
            labels = list(raw_codes)
    if joined_by == "name":
        name_column = _pick_column(frame, NAME_COLUMNS)
        if name_column is None:
            raise DatasetError([Problem("boundaries", None, None, None, "bad_geo", "no code or name column")])
        raw_names = frame[name_column].astype(str)
        matched = names.match_many(raw_names.unique(), names_by_code)
        codes = [matched.get(n) for n in raw_names]
        labels = list(raw_names)
    out = frame.assign(code=codes)
    unmatched = sorted({label for label, code in zip(labels, codes) if code is None})
    out = out[out["code"].notna()]
    out = out.dissolve(by="code", as_index=False) if out["code"].duplicated().any() else out
    out = gpd.GeoDataFrame(out[["code", "geometry"]], geometry="geometry", crs="EPSG:4326")
    missing = sorted(set(names_by_code) - set(out["code"]))
    return BoundaryJoin(out.reset_index(drop=True), crs, len(frame), joined_by, unmatched, missing)


def simplify(frame: gpd.GeoDataFrame, level: str) -> gpd.GeoDataFrame:
    out = frame.copy()
    simplified = out.geometry.simplify(SIMPLIFY_DEGREES[level], preserve_topology=True)
    out["geometry"] = shapely.set_precision(simplified.values, GRID_DEGREES[level])
    return out[~out.geometry.is_empty]


def configured_path(level: str) -> str | None:
    """A boundary file named by environment variable (KIM_REGENCY_BOUNDARIES / KIM_KECAMATAN_BOUNDARIES)."""
    value = os.environ.get(ENV_VARS[level], "").strip()
    return value if value and Path(value).is_file() else None


def display_features(polygons: gpd.GeoDataFrame, level: str) -> list[dict]:
    """Simplified polygons as GeoJSON features (code only): made once per boundary file."""
    import json

    simplified = simplify(polygons[["code", "geometry"]], level)
    return json.loads(simplified.to_json(drop_id=True))["features"]


def colour_features(features: list[dict], values: pd.DataFrame, colours: dict[str, list[int]]) -> dict:
    """A FeatureCollection with each feature's tooltip fields and colour (cheap: no geometry work)."""
    rows = values.set_index("code").to_dict("index")
    out = []
    for feature in features:
        code = feature["properties"]["code"]
        if code in rows:
            props = {"code": code, **rows[code], "colour": colours.get(code, [220, 220, 220])}
            out.append({"type": "Feature", "geometry": feature["geometry"], "properties": props})
    return {"type": "FeatureCollection", "features": out}


def choropleth_geojson(
    polygons: gpd.GeoDataFrame, values: pd.DataFrame, colours: dict[str, list[int]], level: str
) -> dict:
    """GeoJSON for a pydeck GeoJsonLayer: simplified polygons with the tooltip's fields and a colour."""
    return colour_features(display_features(polygons, level), values, colours)


def layers(raw: bytes, file: str) -> list[str]:
    return []
