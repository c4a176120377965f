"""The national map as one picture drawn in Python: every regency in the view filled by its band of KIM
(grey without data), the focus outlined, the same labels as before (the focus, the leaders, the filtered
table where room allows). Software WebGL took ~4 s to tessellate and draw the 514 areas on an office PC
without a GPU; this SVG is drawn by the browser at once and carries a link and a tooltip per area."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import shapely

from kim_dash.boundaries import shipped as boundaries
from kim_dash.i18n import t
from kim_dash.outputs import map_views
from kim_dash.outputs.map_picture import (
    Area,
    MapPicture,
    in_frame,
    regencies_of,
    regency_names,
    rings_of,
    texts_of,
)
from kim_dash.outputs.palette import BAND_HEX, INK, NO_DATA_HEX

NATIONAL_MIN_PART = 0.0005  # square degrees: islets under half a pixel are left off the national map
SIMPLIFY_PX = 0.4  # a vertex closer than this to the line through its neighbours is not drawn


def in_sight(shapes: list[dict], provinces: tuple[str, ...], width: int, height: int) -> boundaries.View:
    """The view of the chosen provinces (all of Indonesia when none is chosen)."""
    chosen = [f for f in shapes if f["properties"]["code"][:2] in provinces]
    return boundaries.fit(boundaries.bounds_of(chosen or shapes), width, height)


def regency_picture(
    shapes: list[dict],
    rows: pd.DataFrame,
    focus: str,
    provinces: tuple[str, ...],
    names: dict[str, str],
    width: int,
    height: int,
    leaders: int,
) -> MapPicture:
    """`rows`: the filtered ranking indexed by code (count, rank, band); `names` label the regencies above
    their counts when zoomed to a province. Areas are in the view's pixels, simplified below a pixel."""
    view = in_sight(shapes, provinces, width, height)
    shown = map_views.in_view(boundaries.without_specks(shapes, NATIONAL_MIN_PART), view)
    areas, outline = [], None
    for feature in shown:
        code = feature["properties"]["code"]
        # cut to the view (a province zoomed in: its neighbours end at the frame, in the SVG and the PDF)
        on_screen = in_frame(boundaries.screen_shape(feature["geometry"], view), view)
        shape = shapely.simplify(on_screen, SIMPLIFY_PX)
        if shape.is_empty:
            continue
        fill = BAND_HEX[rows.loc[code, "band"]] if code in rows.index else NO_DATA_HEX
        areas.append(Area(code, rings_of(shape), fill, INK, 0.3))
        if code == focus:
            outline = Area("focus", rings_of(shape), "", INK, 2.5)
    if outline is not None:
        areas.append(outline)  # last, so no neighbour's edge is drawn over it
    labels = map_views.regency_labels(shown, rows, focus, view, leaders, names if provinces else None)
    return MapPicture(view.width, view.height, tuple(areas), texts_of(labels, view), (), ())


BRIEF_WIDTH = 880  # px the brief's map is drawn at (as a desktop's), then scaled to the page


def brief_picture(
    folder: Path, ranking: pd.DataFrame, focus: str, provinces: tuple[str, ...], lang: str, leaders: int = 20
) -> MapPicture | None:
    """The national map of a brief: the filtered ranking (`ranking`: code, count, rank, band) as on the
    page, with its legend of bands; None without shipped boundaries."""
    shapes = regencies_of(str(folder))
    if not shapes:
        return None
    bounds = boundaries.bounds_of([f for f in shapes if f["properties"]["code"][:2] in provinces] or shapes)
    height = boundaries.height_for(bounds, BRIEF_WIDTH, 140, 460)
    rows = ranking.set_index("code")
    picture = regency_picture(
        shapes, rows, focus, provinces, regency_names(str(folder)), BRIEF_WIDTH, height, leaders
    )
    legend = [*BAND_HEX.items(), (t("map.regency_none", lang), NO_DATA_HEX)]
    return replace(picture, legend=tuple((colour, label) for label, colour in legend))
