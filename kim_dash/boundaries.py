"""Display boundaries shipped in data/boundaries (simplified from cahyadsn/wilayah_boundaries, MIT):
the 514 kabupaten/kota, and the kecamatan of each regency, as GeoJSON features keyed by code."""

from __future__ import annotations

import json
import math
from pathlib import Path

REGENCY_FILE = "boundaries/regencies.geojson"
KECAMATAN_FOLDER = "boundaries/kecamatan"
ATTRIBUTION = "cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN)"


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


def _coordinates(geometry: dict):
    kind, coords = geometry["type"], geometry["coordinates"]
    rings = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    for polygon in rings:
        for ring in polygon:
            yield from ring


def view_of(features: list[dict], width_px: int = 640, height_px: int = 480) -> tuple[float, float, float]:
    """(latitude, longitude, zoom) that frames the features in a map of about this size."""
    xs, ys = [], []
    for feature in features:
        for x, y in _coordinates(feature["geometry"]):
            xs.append(x)
            ys.append(y)
    if not xs:
        return -2.5, 118.0, 3.6
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    span_x = max(east - west, 1e-3)
    span_y = max(north - south, 1e-3) * 1.15  # latitude stretches away from the equator; Indonesia is near it
    # deck.gl draws the world 512 px wide at zoom 0
    zoom = min(math.log2(width_px * 360 / (512 * span_x)), math.log2(height_px * 180 / (512 * span_y)))
    return (south + north) / 2, (west + east) / 2, round(max(min(zoom - 0.15, 12.0), 2.5), 2)
