"""Display boundaries shipped in data/boundaries (simplified from cahyadsn/wilayah_boundaries, MIT):
the 514 kabupaten/kota, and the kecamatan of each regency, as GeoJSON features keyed by code; and the
screen geometry of a map without a basemap: a Web-Mercator view fitted to its shapes."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import mapping, shape

REGENCY_FILE = "boundaries/regencies.geojson"
KECAMATAN_FOLDER = "boundaries/kecamatan"
ATTRIBUTION = "cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN)"
TILE = 512  # deck.gl's MapView draws the whole world 512 px wide at zoom 0 (Web Mercator)

Bounds = tuple[float, float, float, float]  # west, south, east, north (degrees)


def _features(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    collection = json.loads(path.read_text(encoding="utf-8"))
    return [
        f for f in collection.get("features", []) if f.get("geometry") and "code" in f.get("properties", {})
    ]


def regency_features(folder: Path) -> list[dict]:
    """All kabupaten/kota outlines (code only in properties); [] when the file is absent."""
    return _features(folder / REGENCY_FILE)


def kecamatan_features(folder: Path, regency: str) -> list[dict]:
    """The kecamatan outlines of one regency, from its province's file."""
    features = _features(folder / KECAMATAN_FOLDER / f"{regency[:2]}.geojson")
    return [f for f in features if f["properties"]["code"].startswith(regency + ".")]


def _ring_area(ring: list) -> float:
    xy = np.asarray(ring, dtype=float)[:, :2]
    return 0.5 * abs(float(np.dot(xy[:-1, 0], xy[1:, 1]) - np.dot(xy[1:, 0], xy[:-1, 1])))


def without_specks(features: list[dict], min_area: float) -> list[dict]:
    """The same areas without their islets under `min_area` square degrees (the largest part always kept).

    On the national map (1 px ~ 0.05 deg) such islets are under half a pixel, yet each is an outline to
    stroke: half the map's vertices, and seconds per frame where WebGL runs in software (PCs without a GPU).
    """
    out = []
    for feature in features:
        geometry = feature["geometry"]
        if geometry["type"] != "MultiPolygon" or len(geometry["coordinates"]) < 2:
            out.append(feature)
            continue
        parts = geometry["coordinates"]
        areas = [_ring_area(part[0]) for part in parts]
        largest = int(np.argmax(areas))
        kept = [p for i, (p, a) in enumerate(zip(parts, areas, strict=True)) if a >= min_area or i == largest]
        out.append({**feature, "geometry": {"type": "MultiPolygon", "coordinates": kept}})
    return out


def _coordinates(geometry: dict):
    kind, coords = geometry["type"], geometry["coordinates"]
    rings = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    for polygon in rings:
        for ring in polygon:
            yield from ring


def bounds_of(features: Iterable[dict]) -> Bounds | None:
    xs, ys = [], []
    for feature in features:
        for x, y, *_ in _coordinates(feature["geometry"]):
            xs.append(x)
            ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _world(lon: float, lat: float) -> tuple[float, float]:
    """Web Mercator pixels at zoom 0, origin top left."""
    lat = max(min(lat, 85.0), -85.0)
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * TILE, (1 - y / math.pi) / 2 * TILE


def _lat_of(world_y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * world_y / TILE))) - math.pi / 2)


@dataclass(frozen=True)
class View:
    """What a map of width x height pixels shows: its centre and zoom, and where a place is on it."""

    lat: float
    lon: float
    zoom: float
    width: int
    height: int

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        cx, cy = _world(self.lon, self.lat)
        x, y = _world(lon, lat)
        scale = 2**self.zoom
        return (x - cx) * scale + self.width / 2, (y - cy) * scale + self.height / 2

    def bounds(self) -> Bounds:
        cx, cy = _world(self.lon, self.lat)
        half_x, half_y = self.width / 2 / 2**self.zoom, self.height / 2 / 2**self.zoom
        west, east = (cx - half_x) / TILE * 360 - 180, (cx + half_x) / TILE * 360 - 180
        return west, _lat_of(cy + half_y), east, _lat_of(cy - half_y)

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        cx, cy = _world(self.lon, self.lat)
        scale = 2**self.zoom
        wx, wy = cx + (x - self.width / 2) / scale, cy + (y - self.height / 2) / scale
        return wx / TILE * 360 - 180, _lat_of(wy)

    def state(self) -> tuple[float, float, float]:
        return self.lat, self.lon, self.zoom


def fit(bounds: Bounds | None, width: int, height: int, pad: int = 8, max_zoom: float = 12.0) -> View:
    """The largest zoom (floored to 0.01) that shows the bounds whole in width x height pixels."""
    if bounds is None:
        return View(-2.5, 118.0, 3.6, width, height)
    west, south, east, north = bounds
    (x0, y0), (x1, y1) = _world(west, north), _world(east, south)
    span_x, span_y = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    zoom = math.log2(min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y))
    zoom = max(min(math.floor(zoom * 100) / 100, max_zoom), 1.0)
    return View(round(_lat_of((y0 + y1) / 2), 5), round((west + east) / 2, 5), zoom, width, height)


def height_for(bounds: Bounds | None, width: int, low: int, high: int, pad: int = 8) -> int:
    """The map height (px, within low..high) that shows the bounds whole at the zoom their width allows:
    a wide area (Indonesia) gets a short map, not a tall box with blank bands above and below."""
    if bounds is None:
        return high
    west, south, east, north = bounds
    (x0, y0), (x1, y1) = _world(west, north), _world(east, south)
    span_x, span_y = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    needed = span_y * (width - 2 * pad) / span_x + 2 * pad
    return int(min(max(math.ceil(needed), low), high))


def screen_shape(geometry: dict, view: View) -> shapely.Geometry:
    """A GeoJSON geometry in the view's screen pixels (valid, for areas and label points)."""
    cx, cy = _world(view.lon, view.lat)
    scale = 2**view.zoom

    def project(coords: np.ndarray) -> np.ndarray:
        lon, lat = coords[:, 0], np.radians(coords[:, 1].clip(-85, 85))
        x = (lon + 180) / 360 * TILE
        y = (1 - np.log(np.tan(np.pi / 4 + lat / 2)) / np.pi) / 2 * TILE
        return np.column_stack([(x - cx) * scale + view.width / 2, (y - cy) * scale + view.height / 2])

    return shapely.make_valid(shapely.transform(shape(geometry), project))


def outline_of(features: list[dict]) -> dict | None:
    """The outer outline of features that tile one area (a regency's kecamatan), as a GeoJSON feature."""
    shapes = [shapely.make_valid(shape(f["geometry"])) for f in features]
    if not shapes:
        return None
    merged = shapely.union_all(shapes, grid_size=1e-6)
    return {"type": "Feature", "geometry": mapping(merged), "properties": {"code": ""}}
