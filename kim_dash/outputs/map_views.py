"""What a map shows at its view, in plain Python: the areas in sight, the regencies' labels on the
national map, and the kecamatan's labels with every kecamatan without a KIM named (on the map where its
name fits, else by a letter on the map and the name in a key beside it)."""

from __future__ import annotations

import string

import pandas as pd
import shapely

from kim_dash.boundaries.shipped import View, bounds_of, screen_shape
from kim_dash.outputs.map_labels import (
    COUNT_SIZE,
    LIGHT_BOX,
    NAME_SIZE,
    Box,
    Spot,
    _short,
    inside_share,
    label_point,
    labels_for,
    text_size,
)
from kim_dash.outputs.palette import STATUS_HEX, rgb

COLUMNS = ["lon", "lat", "text", "size", "color", "background", "baseline"]
KEY_LETTERS = string.ascii_uppercase  # letters, not numbers: a number on a map reads as a count of KIM


def in_view(features: list[dict], view: View) -> list[dict]:
    """The features whose bounds meet the view (a province zoomed in: only it and its surroundings)."""
    west, south, east, north = view.bounds()
    out = []
    for feature in features:
        box = bounds_of([feature])
        if box is not None and box[0] <= east and box[2] >= west and box[1] <= north and box[3] >= south:
            out.append(feature)
    return out


def regency_labels(
    shapes: list[dict],
    rows: pd.DataFrame,
    focus: str,
    view: View,
    leaders: int,
    names: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The national map's labels in priority order: the focus, the top `leaders`, then every regency of
    `rows` (the filtered table, by rank); each a count, with its name above where `names` are given
    (a zoomed view) and there is room."""
    order = [focus, *rows.head(leaders).index, *rows.sort_values("rank").index]
    areas = {f["properties"]["code"]: f["geometry"] for f in shapes}
    spots = [
        Spot(
            code,
            screen_shape(areas[code], view),
            str(int(rows.loc[code, "count"])),
            _short((names or {}).get(code, "")),
            strong=code == focus,
        )
        for code in dict.fromkeys(order)
        if code in rows.index and code in areas
    ]
    labels, _ = labels_for(spots, view)
    return labels


def _box_at(x: float, y: float, size: tuple[float, float], baseline: str) -> Box:
    w, h = size
    top = y - h if baseline == "bottom" else y if baseline == "top" else y - h / 2
    return x - w / 2, top, x + w / 2, top + h


def _clear(box: Box, taken: list[Box], frame: Box, gap: float = 1.5) -> bool:
    inside = box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]
    return inside and all(
        box[0] >= r + gap or box[2] + gap <= x or box[1] >= b + gap or box[3] + gap <= y
        for x, y, r, b in taken
    )


def _letter_box(spot: Spot, x: float, y: float, taken: list[Box], frame: Box) -> tuple[float, float, Box]:
    """Where a key letter goes: at the label point, else a step away while still on its own area, else
    at the label point even so (every kecamatan without a KIM is marked)."""
    size = text_size("W", COUNT_SIZE)
    for dx, dy in ((0, 0), (0, -9), (0, 9), (-9, 0), (9, 0), (-9, -9), (9, 9), (9, -9), (-9, 9)):
        box = _box_at(x + dx, y + dy, size, "center")
        if _clear(box, taken, frame) and spot.area.contains(shapely.Point(x + dx, y + dy)):
            return x + dx, y + dy, box
    return x, y, _box_at(x, y, size, "center")


def empty_labels(
    spots: list[Spot], view: View, taken: list[Box], mark: str = STATUS_HEX["none"]
) -> tuple[list[tuple], list[Box], list[tuple[str, str]]]:
    """Every spot (a kecamatan without a KIM; on a plan's map, one receiving new KIM) named: its name above
    its count ("0", "+2") where both fit on its area, else its name alone (with "+2" beside it), else a
    letter on the map and (letter, name) in the key. The letters go first (they must be placed), then the
    names, largest area first; a name that finds no room becomes a letter too. Placed before any other
    label; the count and the letter in white on `mark`."""
    frame = (0.0, 0.0, float(view.width), float(view.height))
    white, red = rgb("#FFFFFF"), rgb(mark)
    taken = list(taken)
    points = {s.code: label_point(s.area) for s in spots if not s.area.is_empty}
    options: dict[str, list[tuple[list[tuple], Box]]] = {}
    for spot in spots:
        if spot.code not in points:
            continue
        x, y = points[spot.code]
        lon, lat = view.lonlat(x, y)
        name, zero = text_size(spot.name, NAME_SIZE), text_size(spot.count, COUNT_SIZE)
        above, below = _box_at(x, y, name, "bottom"), _box_at(x, y, zero, "top")
        joined = (min(above[0], below[0]), above[1], max(above[2], below[2]), below[3])
        # on its own line the name carries its count when the count says more than its red box ("+2")
        single = spot.name if spot.count == "0" else f"{spot.name} {spot.count}"
        alone = _box_at(x, y, text_size(single, NAME_SIZE), "center")
        options[spot.code] = []
        if inside_share(above, spot.area) >= 0.4:
            rows = [
                (lon, lat, spot.name, NAME_SIZE, rgb(spot.colour), LIGHT_BOX, "bottom"),
                (lon, lat, spot.count, COUNT_SIZE, white, red, "top"),
            ]
            options[spot.code].append((rows, joined))
        if inside_share(alone, spot.area) >= 0.4:
            options[spot.code].append(([(lon, lat, single, NAME_SIZE, white, red, "center")], alone))
    spots = [s for s in spots if s.code in points]
    letters: dict[str, tuple[float, float]] = {}
    for spot in spots:  # no room for its name on its own area: a letter, placed before any name
        if not options[spot.code]:
            x, y, box = _letter_box(spot, *points[spot.code], taken, frame)
            letters[spot.code], taken = (x, y), [*taken, box]
    named: dict[str, list[tuple]] = {}
    for spot in spots:
        for rows, box in options[spot.code]:
            if _clear(box, taken, frame):
                named[spot.code], taken = rows, [*taken, box]
                break
        else:
            if spot.code not in letters:  # its name would cover another: a letter after all
                x, y, box = _letter_box(spot, *points[spot.code], taken, frame)
                letters[spot.code], taken = (x, y), [*taken, box]
    key: list[tuple[str, str]] = []
    out: list[tuple] = []
    for spot in spots:
        if spot.code in named:
            out += named[spot.code]
        else:
            letter = KEY_LETTERS[len(key) % len(KEY_LETTERS)]
            out.append((*view.lonlat(*letters[spot.code]), letter, COUNT_SIZE, white, red, "center"))
            key.append((letter, spot.name))
    return out, taken, key


def kecamatan_labels(
    spots: list[Spot], view: View, before: list[Spot], after: list[Spot]
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """All of a kecamatan map's labels: `before` (enclaves such as Kota Bogor), then every kecamatan
    without a KIM named (empty_labels), then the other counts and names where they fit, then `after`
    (the neighbours' names). Returns the TextLayer rows and the key of lettered kecamatan."""
    first, taken = labels_for(before, view)
    empty = [s for s in spots if s.count == "0"]
    rows, taken, key = empty_labels(empty, view, taken)
    rest, taken = labels_for([s for s in spots if s.count != "0"], view, taken)
    more, _ = labels_for(after, view, taken)
    frames = [f for f in (first, pd.DataFrame(rows, columns=COLUMNS), rest, more) if not f.empty]
    return (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)), key


def key_text(key: list[tuple[str, str]]) -> str:
    """'A Cariu · B Tanjungsari': the key of lettered kecamatan, one line."""
    return " · ".join(f"{letter} {name}" for letter, name in key)
