"""Labels on a map without a basemap, placed in Python at the initial view: each area's count where it
fits, its name above the count where there is room, the names of the areas around; none overlapping in an
estimate of their boxes in screen pixels (a fitted view is the same size on every screen)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import shapely
from shapely.ops import polylabel

from kim_dash.boundaries.shipped import View, bounds_of, screen_shape
from kim_dash.outputs.palette import CONTEXT_HEX, CONTEXT_INK, INK, rgb

Box = tuple[float, float, float, float]  # left, top, right, bottom (screen pixels)
COUNT_SIZE, NAME_SIZE = 12.0, 10.5  # label sizes (px): names a step smaller than counts
PAD = (3.0, 1.0)  # the light box behind a label reaches this far past its text (px, sideways and up/down)
LIGHT_BOX, GREY_BOX = [255, 255, 255, 205], [*rgb(CONTEXT_HEX)[:3], 215]  # behind data, behind context
_ADVANCE = {"upper": 0.62, "lower": 0.5, "digit": 0.53, "space": 0.26, "other": 0.36}  # of the em, bold


def text_size(text: str, size: float) -> tuple[float, float]:
    """An estimate of a label's box in pixels (one line per newline), its light box included."""
    lines = text.split("\n")

    def advance(ch: str) -> float:
        kind = (
            "upper"
            if ch.isupper()
            else "lower"
            if ch.islower()
            else "digit"
            if ch.isdigit()
            else "space"
            if ch == " "
            else "other"
        )
        return _ADVANCE[kind]

    width = max(sum(advance(ch) for ch in line) for line in lines) * size
    return width + 2 * PAD[0], len(lines) * size * 1.0 + 2 * PAD[1]


def label_point(area: shapely.Geometry) -> tuple[float, float]:
    """Where a label sits best: the point of the largest part farthest from its edges (pixels)."""
    parts = getattr(area, "geoms", [area])
    biggest = max((p for p in parts if p.geom_type == "Polygon"), key=lambda p: p.area, default=None)
    point = area.representative_point() if biggest is None else polylabel(biggest, tolerance=1.0)
    return point.x, point.y


def inside_share(box: Box, area: shapely.Geometry) -> float:
    """How much of a label's box lies on its own area (0 to 1)."""
    rect = shapely.box(*box)
    return rect.intersection(area).area / rect.area if rect.area else 0.0


def _clear(box: Box, taken: list[Box], gap: float) -> bool:
    left, top, right, bottom = box
    return all(
        left >= r + gap or right + gap <= x or top >= b + gap or bottom + gap <= y for x, y, r, b in taken
    )


def place_labels(
    candidates: list[tuple[str, list[Box]]], frame: Box, gap: float = 1.5, taken: Iterable[Box] = ()
) -> dict[str, tuple[int, Box]]:
    """Greedy placement in priority order, one option level at a time: every candidate first tries its
    smallest box (options[0]); then, in the same order, each placed one tries to grow to options[1], and
    so on, keeping a larger box only where it overlaps no other label (nor `taken`, placed before) and
    stays inside the frame. Returns code -> (option chosen, its box); a code left out gets no label."""
    chosen: dict[str, tuple[int, Box]] = {}
    fixed = list(taken)
    depth = max((len(options) for _, options in candidates), default=0)
    for level in range(depth):
        for code, options in candidates:
            if level >= len(options) or (level > 0 and chosen.get(code, (-1,))[0] != level - 1):
                continue
            box = options[level]
            others = fixed + [b for c, (_, b) in chosen.items() if c != code]
            inside = box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]
            if inside and _clear(box, others, gap):
                chosen[code] = (level, box)
    return chosen


@dataclass(frozen=True)
class Spot:
    """An area to label: its shape in screen pixels, its count (the data) and/or its name."""

    code: str
    area: shapely.Geometry
    count: str = ""
    name: str = ""
    colour: str = INK  # of the name
    box: bool = True  # a light box behind the name; else one of the grey around it (a neighbour's name)
    min_inside: float = 0.5  # share of the name's box that must lie on its own area
    strong: bool = False  # the count white on dark: the focus regency ("you are here")


def _centred(x: float, y: float, size: tuple[float, float]) -> Box:
    return x - size[0] / 2, y - size[1] / 2, x + size[0] / 2, y + size[1] / 2


def _options(spot: Spot, x: float, y: float) -> list[Box]:
    """The boxes a spot may take, smallest first: its count, then its name above the count; or its name."""
    name = text_size(spot.name, NAME_SIZE) if spot.name else (0.0, 0.0)
    if not spot.count:
        box = _centred(x, y, name)
        return [box] if spot.name and inside_share(box, spot.area) >= spot.min_inside else []
    count = text_size(spot.count, COUNT_SIZE)
    options = [_centred(x, y, count)]
    named = (x - name[0] / 2, y - name[1], x + name[0] / 2, y)
    if spot.name and inside_share(named, spot.area) >= spot.min_inside:
        width = max(count[0], name[0]) / 2
        options.append((x - width, y - name[1], x + width, y + count[1]))
    return options


def labels_for(
    spots: list[Spot], view: View, taken: list[Box] | None = None
) -> tuple[pd.DataFrame, list[Box]]:
    """The TextLayer rows of the labels that fit (spots in priority order), and the boxes they take."""
    spots = [spot for spot in spots if not spot.area.is_empty]
    points = {spot.code: label_point(spot.area) for spot in spots}
    candidates = [(spot.code, _options(spot, *points[spot.code])) for spot in spots]
    placed = place_labels(candidates, (0, 0, view.width, view.height), taken=taken or [])
    rows = []
    for spot in spots:
        if spot.code not in placed:
            continue
        level = placed[spot.code][0]
        lon, lat = view.lonlat(*points[spot.code])
        name = (lon, lat, spot.name, NAME_SIZE, rgb(spot.colour), LIGHT_BOX if spot.box else GREY_BOX)
        count = (
            lon,
            lat,
            spot.count,
            COUNT_SIZE,
            *((rgb("#FFFFFF"), rgb(INK)) if spot.strong else (rgb(INK), LIGHT_BOX)),
        )
        if not spot.count:
            rows.append((*name, "center"))
        elif level == 1:
            rows += [(*name, "bottom"), (*count, "top")]
        else:
            rows.append((*count, "center"))
    frame = pd.DataFrame(rows, columns=["lon", "lat", "text", "size", "color", "background", "baseline"])
    return frame, [box for _, box in placed.values()]


def _short(name: str) -> str:
    """'Kabupaten Sukabumi' -> 'Kab.\nSukabumi': a neighbour's name in two short lines."""
    for long, short in (("Kota Administrasi ", "Kota "), ("Kabupaten Administrasi ", "Kab. ")):
        name = name.replace(long, short)
    return name.replace("Kabupaten ", "Kab. ").replace(" ", "\n", 1)


def _within(inner: tuple, outer: tuple | None) -> bool:
    return outer is not None and all(outer[i] <= inner[i] and inner[i + 2] <= outer[i + 2] for i in (0, 1))


def _meet(one: tuple, other: tuple) -> bool:
    return all(one[i] <= other[i + 2] and other[i] <= one[i + 2] for i in (0, 1))


def context(
    regencies: list[dict], names: dict[str, str], regency: str, view: View, own: dict | None = None
) -> tuple[list[dict], list[Spot], list[Spot]]:
    """The other regencies in sight, to draw grey and name: their shapes; the enclaves (inside the
    regency's bounds, e.g. Kota Bogor in Kabupaten Bogor), named before any count; the neighbours,
    named only where room is left; `own`, the regency's outline, which no name of theirs may cover."""
    seen, frame = view.bounds(), shapely.box(0, 0, view.width, view.height)
    if own is not None:
        frame = frame.difference(screen_shape(own["geometry"], view))
    inner = bounds_of(f for f in regencies if f["properties"]["code"] == regency)
    shapes: list[dict] = []
    enclaves: list[Spot] = []
    neighbours: list[Spot] = []
    for feature in regencies:
        code, box = feature["properties"]["code"], bounds_of([feature])
        if code == regency or box is None or not _meet(box, seen):
            continue
        shapes.append({"type": "Feature", "geometry": feature["geometry"], "properties": {"code": code}})
        area = screen_shape(feature["geometry"], view).intersection(frame)
        spot = Spot(
            code, area, name=_short(names.get(code, code)), colour=CONTEXT_INK, box=False, min_inside=0.7
        )
        (enclaves if _within(box, inner) else neighbours).append(spot)
    return shapes, enclaves, neighbours
