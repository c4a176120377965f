"""Boundary files (GeoJSON, zipped Shapefile, GeoPackage): read, reproject, join, simplify.

The project ships display boundaries (kim_dash.boundaries.shipped); a user may bring their own (BIG/Bappeda files).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from kim_dash.boundaries import repair as boundary_repair
from kim_dash.boundaries.upload import ACCEPTED, read_boundary_file
from kim_dash.sources import names
from kim_dash.sources.problems import DatasetError, Problem

SUFFIXES = ACCEPTED  # a .shp alone lacks its .dbf and .prj: zip the parts
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
    merged: list[str] = field(default_factory=list)  # reference codes several features matched (dissolved)
    token: str = ""  # a digest of the joined shapes: cached maps are keyed by content, never by object id


def read_boundaries(raw: bytes, file: str, layer: str | None = None) -> tuple[gpd.GeoDataFrame, str]:
    """Read a boundary file by its declared type, without GDAL (see boundary_files): (EPSG:4326 frame, CRS name).

    Several layers and no `layer` -> DatasetError with a `choose_layer` problem; boundary_files.layers lists them.
    """
    read = read_boundary_file(raw, file, layer)
    return read.frame, read.crs_name


def _pick_column(frame: pd.DataFrame, candidates: tuple[str, ...]) -> str | None:
    lower = {c.lower(): c for c in frame.columns if c != "geometry"}
    return next((lower[c] for c in candidates if c in lower), None)


def _labels(frame: pd.DataFrame, column: str) -> list[str | None]:
    """A column's values as text; missing and blank values are None (never the text 'None' or 'nan')."""
    return [None if pd.isna(v) or not str(v).strip() else str(v) for v in frame[column].astype(object)]


def _dissolve(frame: gpd.GeoDataFrame, merged: list[str]) -> gpd.GeoDataFrame:
    """One row per code, sorted: the features of each merged code unioned (bounded: boundary_repair)."""
    group = {code: number for number, code in enumerate(merged)}
    several = frame[frame["code"].isin(group)]
    try:
        unions = boundary_repair.run(
            "union", list(several.geometry.values), [group[c] for c in several["code"]]
        )
    except boundary_repair.TooComplex as err:
        seconds = f"{boundary_repair.SECONDS:.0f}"
        raise DatasetError([Problem("boundaries", None, None, None, "too_complex", seconds)]) from err
    single = frame[~frame["code"].isin(group)][["code", "geometry"]]
    joined = pd.concat([single, gpd.GeoDataFrame({"code": merged}, geometry=unions, crs="EPSG:4326")])
    return gpd.GeoDataFrame(joined.sort_values("code"), geometry="geometry", crs="EPSG:4326")


def join_boundaries(
    frame: gpd.GeoDataFrame, reference: pd.DataFrame, level: str, crs: str = ""
) -> BoundaryJoin:
    """Attach reference codes: by Kemendagri code when a column holds them, else by normalised name.

    Features that match one code (the same name twice, a unit drawn in parts) are dissolved into one.
    """
    geometry_name = getattr(frame, "active_geometry_name", None)
    if geometry_name is None or geometry_name not in frame.columns:
        raise DatasetError([Problem("boundaries", None, None, None, "no_geometry")])
    if frame.empty:
        raise DatasetError([Problem("boundaries", None, None, None, "no_features")])
    names_by_code = dict(zip(reference["code"], reference["name"]))
    code_column = _pick_column(frame, CODE_COLUMNS)
    joined_by = "name"
    codes: list[str | None] = []
    labels: list[str | None] = []
    if code_column is not None:
        raw_codes = [None if c is None else c.strip() for c in _labels(frame, code_column)]
        matched = names.match_many({c for c in raw_codes if c}, {c: c for c in names_by_code})
        if matched and sum(v is not None for v in matched.values()) >= len(matched) / 2:
            joined_by = "code"
            codes = [matched.get(c) if c else None for c in raw_codes]
            labels = raw_codes
    if joined_by == "name":
        name_column = _pick_column(frame, NAME_COLUMNS)
        if name_column is None:
            detail = ", ".join(CODE_COLUMNS + NAME_COLUMNS)
            raise DatasetError([Problem("boundaries", None, None, None, "no_name_column", detail)])
        labels = _labels(frame, name_column)
        matched = names.match_many({n for n in labels if n}, names_by_code)
        codes = [matched.get(n) if n else None for n in labels]
    # only the file's own values: a blank or missing name is not listed
    unmatched = sorted({label for label, code in zip(labels, codes) if code is None and label})
    geometry = frame.geometry if frame.crs is None else frame.geometry.to_crs("EPSG:4326")
    out = gpd.GeoDataFrame({"code": codes}, geometry=geometry.values, crs="EPSG:4326")
    out = out[out["code"].notna()]
    counts = out["code"].value_counts()
    merged = sorted(counts[counts > 1].index)
    out = _dissolve(out, merged) if merged else out[["code", "geometry"]]
    missing = sorted(set(names_by_code) - set(out["code"]))
    out = out.reset_index(drop=True)
    token = hashlib.sha256(b"".join(out.geometry.to_wkb()) + "|".join(out["code"]).encode()).hexdigest()
    return BoundaryJoin(out, crs, len(frame), joined_by, unmatched, missing, merged, token)


def simplify(frame: gpd.GeoDataFrame, level: str) -> gpd.GeoDataFrame:
    """Simplified and snapped to the display grid, bounded (boundary_repair): snapping can make a
    polygon's edges cross, and re-noding them costs what the file makes it cost."""
    out = frame.copy()
    try:
        done = boundary_repair.run(
            "simplify", list(out.geometry.values), args=(SIMPLIFY_DEGREES[level], GRID_DEGREES[level])
        )
    except boundary_repair.TooComplex as err:
        seconds = f"{boundary_repair.SECONDS:.0f}"
        raise DatasetError([Problem("boundaries", None, None, None, "too_complex", seconds)]) from err
    out["geometry"] = gpd.GeoSeries(done, index=out.index, crs=out.crs)
    return out[~out.geometry.is_empty]


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
    """The layers of a boundary file (several .shp in a zip, several tables in a GeoPackage)."""
    from kim_dash.boundaries.upload import layers as file_layers

    return file_layers(raw, file)
