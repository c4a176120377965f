"""A user's boundary file (GeoJSON, zipped Shapefile, GeoPackage) read safely into EPSG:4326 polygons.

GDAL never sees user bytes: GDAL opens a file by its content whatever its name (an OGR VRT named
.geojson read server files), so each declared type has its own pure parser (json, pyshp, sqlite3).
Then, for every format alike: a missing CRS is assumed only when the coordinates are plainly degrees,
the polygons are reprojected with pyproj, invalid ones are repaired (polygonal parts kept, counted)
and features without a usable polygon are dropped with a reason key, never silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from kim_dash.boundaries import repair as boundary_repair
from kim_dash.boundaries.base import MAX_UPLOAD_BYTES, MIB, Parsed, check_zip, fail, shown
from kim_dash.boundaries.geojson import read_geojson
from kim_dash.boundaries.gpkg import gpkg_layers, read_gpkg
from kim_dash.boundaries.shapefile import read_shapefile_zip, shapefile_layers
from kim_dash.sources.problems import DatasetError, Problem

__all__ = ["ACCEPTED", "BoundaryRead", "check_zip", "layers", "read_boundary_file"]

ACCEPTED = (".geojson", ".json", ".zip", ".gpkg")
POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon
WGS84 = pyproj.CRS.from_epsg(4326)


@dataclass
class BoundaryRead:
    frame: gpd.GeoDataFrame  # EPSG:4326; attribute columns as text (or missing), then `geometry`
    crs_name: str  # the CRS as the file names it: user data, show it escaped
    layer: str | None  # the layer read (a GeoPackage table, a .shp inside the zip); None for GeoJSON
    repaired: int = 0  # invalid polygons made valid
    dropped: list[tuple[int, str]] = field(default_factory=list)  # (feature number, problem.* reason key)
    crs_assumed: bool = False  # the file named no CRS and its coordinates were plainly degrees


def _suffix(raw: bytes, file: str) -> str:
    suffix = PurePosixPath(file.replace("\\", "/")).suffix.lower()
    if suffix not in ACCEPTED:
        fail(file, "boundary_unsupported", value=suffix or file, detail=", ".join(ACCEPTED))
    if len(raw) > MAX_UPLOAD_BYTES:
        fail(file, "too_large", value=f"{MAX_UPLOAD_BYTES // MIB} MB", detail=f"{len(raw) / MIB:.1f} MB")
    return suffix


def layers(raw: bytes, file: str) -> list[str]:
    """The layers a file holds: [] for GeoJSON, one name or several for a zip or a GeoPackage."""
    suffix = _suffix(raw, file)
    if suffix == ".zip":
        return shapefile_layers(raw, file)
    if suffix == ".gpkg":
        return gpkg_layers(raw, file)
    return []


def read_boundary_file(raw: bytes, file: str, layer: str | None = None) -> BoundaryRead:
    """Read a boundary upload by its declared type; raises DatasetError with Problems for a bad file."""
    suffix = _suffix(raw, file)
    if suffix == ".zip":
        parsed, name = read_shapefile_zip(raw, file, layer)
    elif suffix == ".gpkg":
        parsed, name = read_gpkg(raw, file, layer)
    else:
        parsed, name = read_geojson(raw, file), None
    return _finish(parsed, file, name)


def _bounds(xy: np.ndarray) -> str:
    finite = xy[np.isfinite(xy).all(axis=1)]
    if not len(finite):
        return ""
    (x0, y0), (x1, y1) = finite.min(axis=0), finite.max(axis=0)
    return f"{x0:.6g}, {y0:.6g} … {x1:.6g}, {y1:.6g}"


def _plainly_degrees(xy: np.ndarray) -> bool:
    """Longitude/latitude without doubt: all within range, some fractional, spread over more than a point.

    Metres of a projected CRS (UTM: hundreds of thousands) fail the range; a small local grid in whole
    units would pass the range but not the fractional test.
    """
    x, y = xy[:, 0], xy[:, 1]
    in_range = bool(((np.abs(x) <= 180) & (np.abs(y) <= 90)).all())
    return in_range and not bool((xy == np.round(xy)).all()) and bool(np.ptp(x) > 0 and np.ptp(y) > 0)


def _finish(parsed: Parsed, file: str, layer: str | None) -> BoundaryRead:
    if not parsed.geometries:
        fail(file, "no_features")
    dropped = dict(parsed.skipped)
    geometries = np.empty(len(parsed.geometries), dtype=object)
    geometries[:] = parsed.geometries
    kinds = shapely.get_type_id(geometries)
    for index in np.flatnonzero(~np.isin(kinds, POLYGONAL)):
        dropped.setdefault(int(index), "drop_not_polygon")
    geometries[np.isin(kinds, POLYGONAL)] = shapely.force_2d(geometries[np.isin(kinds, POLYGONAL)])
    for index in np.flatnonzero(shapely.is_empty(geometries)):
        dropped.setdefault(int(index), "drop_no_geometry")
    xy, owner = shapely.get_coordinates(geometries, return_index=True)
    for index in np.unique(owner[~np.isfinite(xy).all(axis=1)]):
        dropped.setdefault(int(index), "drop_bad_geometry")
    keep = np.array([i for i in range(len(geometries)) if i not in dropped], dtype=int)
    if not len(keep):
        fail(file, "no_polygons", detail=str(len(geometries)))
    crs, assumed = parsed.crs, False
    if crs is None:
        xy = shapely.get_coordinates(geometries[keep])
        if not _plainly_degrees(xy):
            fail(file, "no_crs_projected", value=_bounds(xy))
        crs, assumed = WGS84, True
    try:
        projected = np.asarray(gpd.GeoSeries(geometries[keep], crs=crs).to_crs(WGS84).values, dtype=object)
    except Exception as err:  # pyproj raises its own types for a transformation it cannot do
        raise DatasetError([Problem(file, None, None, shown(crs.name), "reprojection_failed")]) from err
    xy = shapely.get_coordinates(projected)
    x, y = xy[:, 0], xy[:, 1]
    if not (np.isfinite(xy).all() and (np.abs(x) <= 180).all() and (np.abs(y) <= 90).all()):
        fail(file, "out_of_range", value=f"{crs.name}: {_bounds(xy)}")
    try:  # validity too: its cost grows with the square of the crossings (boundary_repair)
        checked = boundary_repair.run("validate", list(projected))
    except boundary_repair.TooComplex as err:
        seconds = f"{boundary_repair.SECONDS:.0f}"
        raise DatasetError([Problem(file, None, None, None, "too_complex", seconds)]) from err
    repaired = 0
    for position, geometry in enumerate(checked):
        if geometry is boundary_repair.KEPT:
            continue
        if geometry is None:
            dropped[int(keep[position])] = "drop_repair_not_polygon"
        repaired += geometry is not None
        projected[position] = geometry
    kept_rows = [int(index) for index in keep if int(index) not in dropped]
    kept_geometries = [g for g in projected if g is not None]
    if not kept_rows:
        fail(file, "no_polygons", detail=str(len(geometries)))
    return BoundaryRead(
        frame=_frame(parsed, kept_rows, kept_geometries),
        crs_name=crs.name,
        layer=layer,
        repaired=repaired,
        dropped=sorted((index + 1, reason) for index, reason in dropped.items()),
        crs_assumed=assumed,
    )


def _frame(parsed: Parsed, rows: list[int], geometries: list) -> gpd.GeoDataFrame:
    """Attributes as text (or None) in the file's column order; an attribute `geometry` is renamed."""
    names = {c: c for c in parsed.columns}
    if "geometry" in names:
        names["geometry"] = next(f"geometry_{n}" for n in range(1, 999) if f"geometry_{n}" not in names)
    data = pd.DataFrame(
        {names[c]: pd.array([parsed.records[i].get(c) for i in rows], dtype=object) for c in parsed.columns},
        index=range(len(rows)),
    )
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geometries, crs=WGS84).values, crs=WGS84)
