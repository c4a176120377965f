"""Zipped Shapefile boundaries read with pyshp from memory: no GDAL, no temporary files.

Only the .shp/.dbf/.prj/.cpg members of a checked zip are ever read (the .shx index is not trusted:
records are found by the .shp's own headers); one .shp is one layer.
"""

from __future__ import annotations

import io
import logging
import posixpath
import re
import struct
import warnings
import zipfile

import numpy as np
import shapefile  # pyshp
import shapely

from kim_dash.boundaries.base import (
    MAX_PROBLEMS,
    MAX_WKT,
    Parsed,
    VertexBudget,
    check_columns,
    check_count,
    check_zip,
    crs_from_wkt,
    fail,
    pick_layer,
    read_member,
    text_value,
)
from kim_dash.boundaries.wkb import check_counts
from kim_dash.sources.problems import DatasetError, Problem

SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
# offset of numPoints in a record's content: after type and bounding box (and numParts, if it has parts)
POINT_COUNT_AT = {**dict.fromkeys((3, 5, 13, 15, 23, 25, 31), 40), **dict.fromkeys((8, 18, 28), 36)}
POLYGON_SHAPES = {shapefile.POLYGON, shapefile.POLYGONZ, shapefile.POLYGONM}
# pyshp warns and logs about odd headers and ring orders of a file we then refuse or repair: log noise
warnings.filterwarnings("ignore", module="shapefile")
logging.getLogger("shapefile").setLevel(logging.ERROR)
_CODEPAGES = {"utf-8": "utf-8", "utf8": "utf-8", "65001": "utf-8", "ascii": "ascii", "us-ascii": "ascii"}


def _shapefile_sets(archive: zipfile.ZipFile) -> dict[str, dict[str, zipfile.ZipInfo]]:
    """Layer name (the .shp's path without extension) -> its parts; other members are never read."""
    sets: dict[str, dict[str, zipfile.ZipInfo]] = {}
    for info in archive.infolist():
        name = info.filename.replace("\\", "/")
        if info.is_dir() or "__MACOSX" in name.split("/") or posixpath.basename(name).startswith("._"):
            continue
        stem, ext = posixpath.splitext(name)
        if ext.lower() in SHAPEFILE_PARTS:
            sets.setdefault(stem.lower(), {})[ext.lower()] = info
    layers = {}
    for parts in sets.values():
        if ".shp" in parts:
            layers[posixpath.splitext(parts[".shp"].filename.replace("\\", "/"))[0]] = parts
    return dict(sorted(layers.items()))


def shapefile_layers(raw: bytes, file: str) -> list[str]:
    layers = list(_shapefile_sets(check_zip(raw, file)))
    if not layers:
        fail(file, "zip_no_shapefile", detail=", ".join(SHAPEFILE_PARTS))
    return layers


def _encoding(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], file: str) -> str | None:
    """The .cpg's code page as a Python codec name; None: try UTF-8, then Windows-1252."""
    if ".cpg" not in parts or parts[".cpg"].file_size > 64:
        return None
    text = read_member(archive, parts[".cpg"], file).decode("ascii", errors="replace").strip().lower()
    digits = re.fullmatch(r"(?:ansi |cp|windows-)?(125[0-8]|874|932|936|949|950)", text)
    if digits:
        return f"cp{digits.group(1)}"
    latin = re.fullmatch(r"(?:iso[-_ ]?)?8859[-_]([1-9]|1[0-5])", text)
    return f"iso8859-{latin.group(1)}" if latin else _CODEPAGES.get(text)


def _shape_reason(item: shapefile.Shape) -> str | None:
    """None for a polygon record, else why the feature is skipped."""
    if item.shapeType == shapefile.NULL or not item.points:
        return "drop_no_geometry"
    return None if item.shapeType in POLYGON_SHAPES else "drop_not_polygon"


def _polygon(interface: dict) -> shapely.Geometry:
    """shapely from pyshp's GeoJSON-like rings via numpy (shape() copies point by point: 3x slower)."""
    polygons = [interface["coordinates"]] if interface["type"] == "Polygon" else interface["coordinates"]
    built = [
        shapely.polygons(
            np.asarray(rings[0], dtype=float)[:, :2],
            holes=[shapely.linearrings(np.asarray(r, dtype=float)[:, :2]) for r in rings[1:]] or None,
        )
        for rings in polygons
    ]
    return built[0] if len(built) == 1 else shapely.multipolygons(built)


def count_points(shp: bytes, file: str) -> int:
    """Vertices a .shp declares, from its record headers alone (before pyshp builds any point); rings
    (parts) bounded per record. pyshp then walks the same headers: it is never given the .shx, whose
    record lengths could step into a record's points, onto a polygon these headers never declared."""
    budget, offset, records = VertexBudget(file), 100, 0
    while offset + 12 <= len(shp):
        length = 2 * struct.unpack_from(">i", shp, offset + 4)[0]  # content length in 16-bit words
        kind = struct.unpack_from("<i", shp, offset + 8)[0]
        if length < 4:
            break  # damaged: pyshp reports it
        at = offset + 8 + POINT_COUNT_AT.get(kind, -1)  # where numPoints sits in the record
        if at > offset + 8 and at + 4 <= len(shp):
            if POINT_COUNT_AT[kind] == 40:  # numParts just before numPoints
                check_counts(file, records + 1, 0, struct.unpack_from("<i", shp, at - 4)[0])
            budget.add(max(0, struct.unpack_from("<i", shp, at)[0]), records + 1)
        records += 1
        check_count(file, records)
        offset += 8 + length
    return budget.used


def _read_shapes(archive, parts, file: str, encoding: str, errors: str) -> Parsed:
    files = {
        ext: io.BytesIO(read_member(archive, info, file))
        for ext, info in parts.items()
        if ext in (".shp", ".dbf")
    }
    count_points(files[".shp"].getvalue(), file)
    reader = shapefile.Reader(shp=files[".shp"], dbf=files[".dbf"], encoding=encoding, encodingErrors=errors)
    check_count(file, reader.numRecords)
    columns = [f.name for f in reader.fields[1:]]  # the first is dBASE's deletion flag
    check_columns(file, columns)
    budget, problems = VertexBudget(file), list[Problem]()
    parsed = Parsed(columns, [], [], None)
    for index, item in enumerate(reader.iterShapeRecords()):
        check_count(file, index + 1)
        values = list(item.record)
        parsed.records.append(
            {c: text_value(v, file, index + 1, c, problems) for c, v in zip(columns, values)}
        )
        reason = _shape_reason(item.shape)
        if reason is None:
            budget.add(len(item.shape.points), index + 1)
            try:
                parsed.geometries.append(_polygon(item.shape.__geo_interface__))
                continue
            except (ValueError, TypeError, IndexError, shapely.errors.GEOSException):
                reason = "drop_bad_geometry"  # e.g. a ring of three points
        parsed.skipped[index] = reason
        parsed.geometries.append(None)
    if problems:
        raise DatasetError(problems[:MAX_PROBLEMS])
    return parsed


def read_shapefile_zip(raw: bytes, file: str, layer: str | None) -> tuple[Parsed, str]:
    archive = check_zip(raw, file)
    sets = _shapefile_sets(archive)
    if not sets:
        fail(file, "zip_no_shapefile", detail=", ".join(SHAPEFILE_PARTS))
    name = pick_layer(list(sets), layer, file)
    parts = sets[name]
    if ".dbf" not in parts:
        fail(file, "shapefile_part_missing", value=f"{name}.dbf")
    crs = None
    if ".prj" in parts:
        if parts[".prj"].file_size > MAX_WKT:
            fail(file, "bad_crs", value=f"{name}.prj")
        crs = crs_from_wkt(
            read_member(archive, parts[".prj"], file).decode("utf-8", errors="replace").strip(), file
        )
    encoding = _encoding(archive, parts, file)
    # no .cpg: UTF-8 first; pyshp wraps a decoding error in its own type, so any failure of the strict
    # attempt moves on to Windows-1252 (what Indonesian ArcGIS writes), which decodes every byte
    attempts = [(encoding, "replace")] if encoding else [("utf-8", "strict"), ("cp1252", "replace")]
    for number, (codec, errors) in enumerate(attempts, 1):
        try:
            parsed = _read_shapes(archive, parts, file, codec, errors)
        except DatasetError:
            raise
        except Exception as err:  # pyshp, struct and zlib raise many types for a broken file
            if number == len(attempts):
                raise DatasetError([Problem(file, None, None, name, "bad_shapefile")]) from err
            continue
        parsed.crs = crs
        return parsed, name
    raise AssertionError("unreachable: the last attempt returns or raises")
