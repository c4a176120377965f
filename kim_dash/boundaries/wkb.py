"""A WKB geometry checked by walking its headers, before GEOS sees a byte of it.

GEOS reads WKB recursively: a MultiPolygon holding GeometryCollections nested 16,000 deep (144 KB)
overflows its stack and kills the process. This walker never recurses and accepts only what a
boundary can be, a Polygon or a MultiPolygon of Polygons (nesting depth 2), with bounded part, ring
and point counts and every byte accounted for; anything else is refused before shapely is called.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from kim_dash.boundaries.base import MAX_PARTS, MAX_RINGS, MAX_VERTICES, fail

POLYGON, MULTIPOLYGON = 3, 6
COLLECTIONS = (4, 5, 6, 7)  # MultiPoint, MultiLineString, MultiPolygon, GeometryCollection
OTHER = (1, 2)  # Point, LineString
DIMENSIONS = {0: 2, 1000: 3, 2000: 3, 3000: 4}  # ISO WKB type code offset -> ordinates per point
MAX_DEPTH = 2  # MultiPolygon -> Polygon


class NotPolygon(ValueError):
    """A standard geometry that is not polygonal (a point, a line, a collection at the top)."""


@dataclass
class Counts:
    """What one WKB geometry holds: polygons, rings and points."""

    parts: int = 0
    rings: int = 0
    points: int = 0


class _Walker:
    def __init__(self, wkb: bytes, file: str, row: int) -> None:
        self.wkb, self.file, self.row, self.at = wkb, file, row, 0
        self.counts = Counts()

    def _uint(self, order: str) -> int:
        if self.at + 4 > len(self.wkb):
            raise ValueError("truncated")
        value = struct.unpack_from(order + "I", self.wkb, self.at)[0]
        self.at += 4
        return int(value)

    def header(self) -> tuple[str, int, int]:
        """(byte order, base type 1..7, ordinates per point) of the geometry at the cursor."""
        if self.at >= len(self.wkb) or self.wkb[self.at] not in (0, 1):
            raise ValueError("bad byte order")
        order = "<" if self.wkb[self.at] else ">"
        self.at += 1
        code = self._uint(order)
        base, kind = code - code % 1000, code % 1000
        if base not in DIMENSIONS or not 1 <= kind <= 7:
            raise ValueError("not a standard WKB type")  # curves, EWKB flags, nonsense
        return order, kind, DIMENSIONS[base]

    def polygon(self, order: str, ordinates: int) -> None:
        self.counts.parts += 1
        if self.counts.parts > MAX_PARTS:
            fail(self.file, "too_many_parts", detail=f"{MAX_PARTS:,}", row=self.row)
        rings = self._uint(order)
        self.counts.rings += rings
        if self.counts.rings > MAX_RINGS:
            fail(self.file, "too_many_rings", detail=f"{MAX_RINGS:,}", row=self.row)
        for _ in range(rings):
            points = self._uint(order)
            self.counts.points += points
            if self.counts.points > MAX_VERTICES:
                fail(self.file, "too_many_vertices", detail=f"{MAX_VERTICES:,}", row=self.row)
            self.at += points * ordinates * 8
            if self.at > len(self.wkb):
                raise ValueError("truncated")

    def walk(self) -> Counts:
        order, kind, ordinates = self.header()
        if kind in OTHER or kind in (4, 5, 7):
            raise NotPolygon(kind)
        if kind == POLYGON:
            self.polygon(order, ordinates)
        else:
            for _ in range(self._uint(order)):
                part_order, part, part_ordinates = self.header()
                if part in COLLECTIONS:  # a collection inside a MultiPolygon: deeper than a boundary goes
                    fail(self.file, "geometry_too_deep", detail=str(MAX_DEPTH), row=self.row)
                if part != POLYGON or part_ordinates != ordinates:
                    raise ValueError("a MultiPolygon member that is not a Polygon of its dimension")
                self.polygon(part_order, part_ordinates)
        if self.at != len(self.wkb):
            raise ValueError("trailing bytes")
        return self.counts


def scan_wkb(wkb: bytes, file: str, row: int) -> Counts:
    """Counts of a Polygon or MultiPolygon WKB. Bounds exceeded -> DatasetError (file, row);
    not polygonal -> NotPolygon; malformed (truncated, trailing bytes, odd types) -> ValueError."""
    return _Walker(wkb, file, row).walk()


def check_counts(file: str, row: int, parts: int, rings: int) -> None:
    """The same part and ring bounds for formats counted by their own parsers (GeoJSON, Shapefile)."""
    if parts > MAX_PARTS:
        fail(file, "too_many_parts", detail=f"{MAX_PARTS:,}", row=row)
    if rings > MAX_RINGS:
        fail(file, "too_many_rings", detail=f"{MAX_RINGS:,}", row=row)
