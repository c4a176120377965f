"""The kecamatan map when only partial facts exist (a list of kecamatan without a KIM, some with at least
one): each kecamatan in its known class, unknown in its own grey (never drawn as zero), labelled with its
count, "≥1" or "?". A picture like the status map's: nothing on it is clicked."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kim_dash.boundaries import shipped as boundaries
from kim_dash.outputs import map_labels
from kim_dash.outputs.map_labels import Spot, labels_for
from kim_dash.outputs.map_picture import (
    HEIGHTS,
    WIDTH,
    Area,
    MapPicture,
    in_frame,
    regencies_of,
    regency_names,
    rings_of,
    texts_of,
)
from kim_dash.outputs.palette import CONTEXT_HEX, CONTEXT_LINE_HEX, INK, KNOWN_HEX


def label_of(state: str, kim: float) -> str:
    """What the map writes on a kecamatan: its count, '≥1', or '?'."""
    if state in ("none", "some"):
        return str(int(kim))
    return "≥1" if state == "at_least" else "?"


def known_picture(folder: Path, regency: str, table: pd.DataFrame) -> MapPicture | None:
    """`table`: code, name, state (none, some, at_least, unknown), kim."""
    shapes = boundaries.kecamatan_features(folder, regency)
    if not shapes:
        return None
    bounds = boundaries.bounds_of(shapes)
    view = boundaries.fit(bounds, WIDTH, boundaries.height_for(bounds, WIDTH, *HEIGHTS))
    border = boundaries.outline_of(shapes)
    context, enclaves, neighbours = map_labels.context(
        regencies_of(str(folder)), regency_names(str(folder)), regency, view, border
    )
    areas = [
        Area(
            "",
            rings_of(in_frame(boundaries.screen_shape(f["geometry"], view), view)),
            CONTEXT_HEX,
            CONTEXT_LINE_HEX,
            0.8,
        )
        for f in context
    ]
    rows, spots = table.set_index("code"), []
    for feature in shapes:
        code = feature["properties"]["code"]
        if code not in rows.index:
            continue
        shape, row = boundaries.screen_shape(feature["geometry"], view), rows.loc[code]
        areas.append(Area(code, rings_of(shape), KNOWN_HEX[row["state"]], INK, 0.5))
        spots.append(Spot(code, shape, label_of(row["state"], row["kim"]), str(row["name"])))
    spots.sort(key=lambda s: (s.count != "0", -s.area.area))  # those known without a KIM first
    labels, taken = labels_for(enclaves + spots, view)
    more, _ = labels_for(neighbours, view, taken)
    if border is not None:
        areas.append(
            Area("border", rings_of(boundaries.screen_shape(border["geometry"], view)), "", INK, 1.4)
        )
    return MapPicture(
        view.width, view.height, tuple(areas), texts_of(pd.concat([labels, more]), view), (), ()
    )
