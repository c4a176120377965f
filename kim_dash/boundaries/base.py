"""Shared pieces of the boundary readers: budgets, problems, attribute text, CRS parsing, zip checks.

Everything here treats its input as hostile: bounded sizes, no file system, no library error text in
a Problem (those carry server paths and tracebacks), user data only in a Problem's `value`.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import NoReturn

import pyproj
from shapely.geometry.base import BaseGeometry

from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.readers import UPLOAD_MB

MIB = 1024 * 1024
MAX_UPLOAD_BYTES = UPLOAD_MB * MIB  # the tables' limit: one upload limit
MAX_FEATURES = 20_000
MAX_VERTICES = 2_000_000
MAX_PARTS = 10_000  # polygons in one feature (an archipelago kecamatan has a few hundred)
MAX_RINGS = 50_000  # rings (outer and holes) in one feature
MAX_TEXT = 1_000  # characters in one attribute value
MAX_COLUMNS = 200
MAX_COLUMN_NAME = 100
MAX_WKT = 20_000  # a real .prj is under 1,000 characters
MAX_SHOWN = 200  # characters of user data copied into a Problem
MAX_PROBLEMS = 100
# WKT that makes PROJ open files (grids, parameter files) or run a PROJ string: never needed for a boundary
_UNSAFE_WKT = re.compile(r"\b(EXTENSION|PARAMETERFILE)\s*[\[(]|grids\s*=", re.I)
_WKT_START = re.compile(r"\s*[A-Z][A-Z0-9_]*\s*[\[(]", re.I)  # PROJCS[, GEOGCRS[, ...: nothing else


@dataclass
class Parsed:
    """One layer as a format parser found it: text attributes, shapely geometries, the declared CRS."""

    columns: list[str]
    records: list[dict[str, str | None]]
    geometries: list[BaseGeometry | None]  # None where `skipped` says why
    crs: pyproj.CRS | None
    skipped: dict[int, str] = field(default_factory=dict)  # 0-based feature index -> reason key


def shown(value: object) -> str | None:
    """User data as it may appear in a Problem: text, bounded."""
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def fail(
    file: str,
    reason: str,
    value: object = None,
    detail: str = "",
    row: int | None = None,
    column: str | None = None,
) -> NoReturn:
    raise DatasetError([Problem(file, row, shown(column), shown(value), reason, detail)])


class VertexBudget:
    """Counts coordinates before shapely builds them; refuses past MAX_VERTICES."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.used = 0

    def add(self, count: int, row: int) -> None:
        self.used += count
        if self.used > MAX_VERTICES:
            fail(self.file, "too_many_vertices", detail=f"{MAX_VERTICES:,}", row=row)


def pick_layer(layers: list[str], layer: str | None, file: str) -> str:
    """The layer to read: the only one, or the one asked for; several and none asked -> choose_layer."""
    if layer is None:
        if len(layers) == 1:
            return layers[0]
        fail(file, "choose_layer", value=", ".join(layers), detail=str(len(layers)))
    if layer not in layers:
        fail(file, "unknown_layer", value=layer)
    return layer


def check_count(file: str, count: int) -> None:
    if count > MAX_FEATURES:
        fail(file, "too_many_features", value=count, detail=f"{MAX_FEATURES:,}")


def check_columns(file: str, columns: list[str]) -> None:
    if len(columns) > MAX_COLUMNS:
        fail(file, "too_many_attributes", value=len(columns), detail=str(MAX_COLUMNS))
    for name in columns:
        if not name or len(name) > MAX_COLUMN_NAME:
            fail(file, "bad_column_name", value=name, detail=str(MAX_COLUMN_NAME))


def text_value(value: object, file: str, row: int, column: str, problems: list[Problem]) -> str | None:
    """An attribute as text (None stays None); too long -> a Problem, collected."""
    if value is None or isinstance(value, bytes | bytearray):
        return None  # a binary attribute is not a name or a code
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))  # 3201010.0 from a numeric column is the code 3201010
    elif hasattr(value, "isoformat"):
        text = value.isoformat()
    else:
        text = str(value)
    if len(text) > MAX_TEXT:
        if len(problems) < MAX_PROBLEMS:
            problems.append(Problem(file, row, shown(column), shown(text), "text_too_long", str(MAX_TEXT)))
        return None
    return text


def crs_from_epsg(code: int, file: str) -> pyproj.CRS:
    try:
        crs = pyproj.CRS.from_epsg(code)
    except pyproj.exceptions.CRSError:
        fail(file, "bad_crs", value=f"EPSG:{code}")
    return _usable(crs, file)


def crs_from_wkt(text: str, file: str) -> pyproj.CRS:
    """A CRS from a .prj or a GeoPackage definition: bounded, no file-opening clauses."""
    if len(text) > MAX_WKT:
        fail(file, "bad_crs", value=text[:60])
    if not _WKT_START.match(text):
        fail(file, "bad_crs", value=text)
    if _UNSAFE_WKT.search(text):
        fail(file, "unsafe_crs", value=text)
    try:
        crs = pyproj.CRS.from_wkt(text)
    except Exception:  # CRSError, and whatever PROJ's parser raises for a hostile text
        fail(file, "bad_crs", value=text)
    return _usable(crs, file)


def _usable(crs: pyproj.CRS, file: str) -> pyproj.CRS:
    """Only a 2D geographic or projected CRS (a TOWGS84 datum shift allowed) can hold our polygons."""
    base = crs.source_crs if crs.is_bound else crs
    if base is None or not (base.is_geographic or base.is_projected) or len(base.axis_info) != 2:
        fail(file, "bad_crs", value=crs.name)
    return crs


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> bytes:
    """A checked zip's member; a damaged one (CRC, header, compression method) is a zip_broken Problem."""
    try:
        return archive.read(info)  # bounded: zipfile stops at the declared size that check_zip summed
    except Exception as err:  # zipfile, zlib, bz2 and lzma raise many types for damaged data
        raise DatasetError([Problem(file, None, None, None, "zip_broken")]) from err


def check_zip(raw: bytes, file: str) -> zipfile.ZipFile:
    """A zip through the readers' one set of checks (unsafe paths, bombs, real sizes and CRCs)."""
    from kim_dash.sources.readers import check_zip as checked

    return checked(raw, file)
