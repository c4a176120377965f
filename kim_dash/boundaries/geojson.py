"""GeoJSON boundaries read with json and shapely: no GDAL, so a file is only ever read as what its name says.

GDAL opens a file by its content whatever its name (an OGR VRT named .geojson reads server files); here
a VRT document named .geojson is simply "not JSON".
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pyproj
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from kim_dash.boundaries.base import (
    MAX_COLUMNS,
    MAX_PROBLEMS,
    Parsed,
    VertexBudget,
    check_columns,
    check_count,
    crs_from_epsg,
    fail,
    text_value,
)
from kim_dash.boundaries.wkb import check_counts
from kim_dash.sources.problems import DatasetError, Problem

POLYGON_DEPTH = {"Polygon": 3, "MultiPolygon": 4}  # list levels down to a position
OTHER_GEOMETRIES = ("Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection")
_EPSG_NAME = re.compile(r"(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[0-9.]*:)(\d{1,6})", re.I)
_CRS84 = {"urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84", "ogc:crs84", "crs84"}


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("not finite")
    return value


def _no_constant(_: str) -> float:
    raise ValueError("NaN and Infinity are not JSON")


def _positions(value: Any, depth: int) -> int:
    """Positions in a coordinates array `depth` lists deep; ValueError when it is not one."""
    level = [value]
    for _ in range(depth - 1):
        if not all(isinstance(item, list) for item in level):
            raise ValueError("not a coordinates array")
        level = [child for item in level for child in item]
    for position in level:
        if not isinstance(position, list) or not 2 <= len(position) <= 3:
            raise ValueError("not a position")
        if not all(isinstance(c, int | float) and not isinstance(c, bool) for c in position):
            raise ValueError("not a number")
    return len(level)


def _legacy_crs(member: object, file: str) -> pyproj.CRS:
    """The 2008 GeoJSON `crs` member, in its EPSG and CRS84 forms only."""
    name = None
    if (
        isinstance(member, dict)
        and member.get("type") == "name"
        and isinstance(member.get("properties"), dict)
    ):
        name = member["properties"].get("name")
    if isinstance(name, str):
        if name.strip().lower() in _CRS84:
            return crs_from_epsg(4326, file)
        match = _EPSG_NAME.fullmatch(name.strip())
        if match:
            return crs_from_epsg(int(match.group(1)), file)
    fail(file, "bad_crs_member", value=name if isinstance(name, str) else json.dumps(member)[:200])


def _rings(coordinates: Any, kind: str, file: str, row: int) -> None:
    """Part and ring bounds, counted before shapely builds anything (depth is fixed by `_positions`)."""
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if isinstance(polygons, list) and all(isinstance(p, list) for p in polygons):
        check_counts(file, row, len(polygons), sum(len(p) for p in polygons))


def _json_geometry(geometry: object, row: int, budget: VertexBudget) -> BaseGeometry | str:
    """A shapely polygon, or the reason key for skipping the feature."""
    if geometry is None:
        return "drop_no_geometry"
    if not isinstance(geometry, dict):
        return "drop_bad_geometry"
    kind = geometry.get("type")
    kind = kind if isinstance(kind, str) else None
    if kind in OTHER_GEOMETRIES:
        return "drop_not_polygon"
    if kind not in POLYGON_DEPTH:
        return "drop_bad_geometry"
    _rings(geometry.get("coordinates"), kind, budget.file, row)
    try:
        budget.add(_positions(geometry.get("coordinates"), POLYGON_DEPTH[kind]), row)
        return shape({"type": kind, "coordinates": geometry["coordinates"]})
    except (ValueError, TypeError, OverflowError, IndexError, shapely.errors.GEOSException):
        return "drop_bad_geometry"  # e.g. a ring of three points


def read_geojson(raw: bytes, file: str) -> Parsed:
    try:
        document = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant, parse_float=_finite)
    except RecursionError as err:
        raise DatasetError([Problem(file, None, None, None, "json_too_deep")]) from err
    except ValueError as err:  # also UnicodeDecodeError: not UTF-8 text, so not GeoJSON
        raise DatasetError([Problem(file, None, None, None, "not_json")]) from err
    try:
        return _parse(document, file)
    except RecursionError as err:  # json.dumps of a nested property recurses as deep as loads did
        raise DatasetError([Problem(file, None, None, None, "json_too_deep")]) from err


def _parse(document: Any, file: str) -> Parsed:
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "FeatureCollection" and isinstance(document.get("features"), list):
        features = document["features"]
    elif kind == "Feature":
        features = [document]
    else:
        fail(file, "geojson_type", value=kind if isinstance(kind, str) else None)
    check_count(file, len(features))
    crs = _legacy_crs(document["crs"], file) if document.get("crs") is not None else None
    budget, problems = VertexBudget(file), []
    columns: dict[str, None] = {}
    parsed = Parsed([], [], [], crs)
    for row, feature in enumerate(features, 1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if (
            not isinstance(feature, dict)
            or feature.get("type") != "Feature"
            or not (properties is None or isinstance(properties, dict))
        ):
            problems.append(Problem(file, row, None, None, "geojson_feature"))
            continue
        properties = properties or {}
        columns.update(dict.fromkeys(properties))
        if len(columns) > MAX_COLUMNS:
            check_columns(file, list(columns))
        record = {}
        for key, value in properties.items():
            if isinstance(value, dict | list):
                value = json.dumps(value, ensure_ascii=False)
            record[key] = text_value(value, file, row, key, problems)
        geometry = _json_geometry(feature.get("geometry"), row, budget)
        if isinstance(geometry, str):
            parsed.skipped[len(parsed.geometries)] = geometry
            geometry = None
        parsed.records.append(record)
        parsed.geometries.append(geometry)
    if problems:
        raise DatasetError(problems[:MAX_PROBLEMS])
    parsed.columns = list(columns)
    check_columns(file, parsed.columns)
    return parsed
