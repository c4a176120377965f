"""A static kecamatan map, drawn once in Python: each kecamatan's shape in pixels, its fill, its labels
(the same placement as the interactive map) and the legend. One picture, two renderings: SVG on the
pages where nothing on the map is clicked (Ringkasan, Rencana: no WebGL, drawn at once) and reportlab
vector graphics in the PDF briefs (kim_dash.outputs.pdf.map), in the same colours."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import shapely

from kim_dash.boundaries import shipped as boundaries
from kim_dash.i18n import t
from kim_dash.outputs import map_labels, map_views
from kim_dash.outputs.map_labels import Spot, text_size
from kim_dash.outputs.palette import CONTEXT_HEX, CONTEXT_LINE_HEX, INK, STATUS_HEX, STATUS_ORDER

WIDTH = 360  # px the picture is drawn at (a phone's column); it scales with its container
HEIGHTS = (300, 520)
CONTEXT_STYLE = (CONTEXT_HEX, CONTEXT_LINE_HEX, 0.8)  # a neighbour: grey, thin grey edges
ADDED_HEX, UNCHANGED_HEX = "#D9822B", "#F3F5F7"  # a kecamatan receiving new KIM / none

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Area:
    code: str
    rings: tuple[Ring, ...]  # outer rings and holes alike: filled even-odd
    fill: str
    stroke: str
    stroke_width: float


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    size: float
    colour: str
    background: str  # "" for none
    baseline: str  # top, center or bottom: where the text sits against y


@dataclass(frozen=True)
class MapPicture:
    width: int
    height: int
    areas: tuple[Area, ...]  # context first, then the kecamatan
    texts: tuple[Text, ...]
    legend: tuple[tuple[str, str], ...]  # (colour, label)
    key: tuple[tuple[str, str], ...]  # (letter, kecamatan name) where its name did not fit


@lru_cache(maxsize=2)
def regencies_of(folder: str) -> list[dict]:
    return boundaries.regency_features(Path(folder))


@lru_cache(maxsize=2)
def regency_names(folder: str) -> dict[str, str]:
    path = Path(folder) / "reference" / "regencies.csv"
    if not path.is_file():
        return {}
    frame = pd.read_csv(path, dtype=str, usecols=["code", "name"])
    return dict(zip(frame["code"], frame["name"], strict=True))


def rings_of(geometry: shapely.Geometry) -> tuple[Ring, ...]:
    parts = getattr(geometry, "geoms", [geometry])
    out: list[Ring] = []
    for part in parts:
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        for ring in (part.exterior, *part.interiors):
            out.append(tuple((round(x, 1), round(y, 1)) for x, y in ring.coords))
    return tuple(out)


def hex_of(colour: list[int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*colour[:3])


def in_frame(shape: shapely.Geometry, view: boundaries.View) -> shapely.Geometry:
    """A shape cut to the picture's frame (and a little beyond, so no edge shows): a neighbour reaching
    far off the map spilt over the PDF page, which, unlike an SVG, does not clip to its drawing."""
    return shapely.clip_by_rect(shape, -2, -2, view.width + 2, view.height + 2)


def kecamatan_picture(
    folder: Path,
    regency: str,
    table: pd.DataFrame,
    lang: str,
    added: dict[str, int] | None = None,
    chosen: tuple[str, ...] = (),
) -> MapPicture | None:
    """The regency's kecamatan coloured by status (table: code, name, kim, status), or, with `added`
    (code -> new KIM under a plan), the kecamatan receiving new KIM in orange, each labelled "+n";
    the `chosen` ones outlined."""
    shapes = boundaries.kecamatan_features(folder, regency)
    if not shapes:
        return None
    bounds = boundaries.bounds_of(shapes)
    view = boundaries.fit(bounds, WIDTH, boundaries.height_for(bounds, WIDTH, *HEIGHTS))
    border = boundaries.outline_of(shapes)
    context, enclaves, neighbours = map_labels.context(
        regencies_of(str(folder)), regency_names(str(folder)), regency, view, border
    )
    rows = table.set_index("code")
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
    spots = []
    for feature in shapes:
        code = feature["properties"]["code"]
        if code not in rows.index:
            continue
        shape = boundaries.screen_shape(feature["geometry"], view)
        row = rows.loc[code]
        if added is None:
            fill = STATUS_HEX[row["status"]]
            spots.append(Spot(code, shape, str(int(row["kim"])), str(row["name"])))
        else:
            more = int(added.get(code, 0))
            fill = ADDED_HEX if more else UNCHANGED_HEX
            spots.append(Spot(code, shape, f"+{more}" if more else "", str(row["name"]) if more else ""))
        areas.append(Area(code, rings_of(shape), fill, INK, 0.5))
    spots.sort(key=lambda s: -s.area.area)
    if added is None:
        labels, key = map_views.kecamatan_labels(spots, view, enclaves, neighbours)
        legend = tuple((STATUS_HEX[s], t(f"status.{s}", lang)) for s in STATUS_ORDER)
    else:
        # every kecamatan receiving new KIM named, as the status map names those without one
        first, taken = map_labels.labels_for(enclaves, view)
        receiving = [s for s in spots if s.count]
        rows, taken, lettered = map_views.empty_labels(receiving, view, taken, INK)
        counts = {s.name: s.count for s in receiving}
        key = [(letter, f"{name} ({counts[name]})") for letter, name in lettered]  # a letter has no "+n"
        labels = pd.concat([first, pd.DataFrame(rows, columns=map_views.COLUMNS)], ignore_index=True)
        legend = (
            (ADDED_HEX, t("map.plan_legend_added", lang)),
            (UNCHANGED_HEX, t("map.plan_legend_none", lang)),
        )
    if border is not None:
        areas.append(
            Area("border", rings_of(boundaries.screen_shape(border["geometry"], view)), "", INK, 1.4)
        )
    areas += [Area("chosen", a.rings, "", INK, 3.0) for a in list(areas) if a.code and a.code in chosen]
    return MapPicture(view.width, view.height, tuple(areas), texts_of(labels, view), legend, tuple(key))


def texts_of(labels: pd.DataFrame, view: boundaries.View) -> tuple[Text, ...]:
    """Placed labels (map_labels' rows: lon, lat, text, size, color, background, baseline) in pixels."""
    texts = []
    for row in labels.itertuples(index=False):
        x, y = view.xy(row.lon, row.lat)
        colour, box = hex_of(row.color), hex_of(row.background)
        texts.append(Text(x, y, str(row.text), float(row.size), colour, box, row.baseline))
    return tuple(texts)


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    """Escaped for SVG text and attributes, on one line (shown inline, a blank line would end the HTML
    block the page's Markdown hands over), "$" too (Markdown's maths never sees it), and without the
    characters XML cannot hold (a control character in a name would make the picture invalid)."""
    return html.escape(" ".join(NOT_XML.sub("", value).split()), quote=True).replace("$", "&#36;")


def _path(rings: tuple[Ring, ...]) -> str:
    return " ".join("M" + " L".join(f"{x} {y}" for x, y in ring) + " Z" for ring in rings if ring)


def to_svg(picture: MapPicture, title: str, links: dict[str, tuple[str, str]] | None = None) -> str:
    """The picture as an SVG document that scales with its container (viewBox), text in the app's face.
    `links`: area code -> (href, tooltip) for a map shown inline, where an area is clicked and hovered
    (both escaped here: names come from data files); the labels then let the pointer through."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {picture.width} {picture.height}" '
        + ('style="width:100%;height:auto;display:block" ' if links is not None else "")
        + f'width="{picture.width}" height="{picture.height}" role="img" '
        "font-family=\"'Source Sans Pro', 'Source Sans 3', Arial, sans-serif\" font-weight=\"600\">",
        f"<title>{_text(title)}</title>",
    ]
    for area in picture.areas:
        fill = area.fill or "none"
        path = (
            f'<path d="{_path(area.rings)}" fill="{fill}" fill-rule="evenodd" stroke="{area.stroke}" '
            f'stroke-width="{area.stroke_width}" stroke-linejoin="round"'
        )
        link = (links or {}).get(area.code)
        if link is None:
            out.append(path + ("/>" if links is None or area.fill else ' pointer-events="none"/>'))
        else:
            out.append(
                f'<a href="{_text(link[0])}" target="_self">{path}><title>{_text(link[1])}</title></path></a>'
            )
    if links is not None:
        out.append('<g pointer-events="none">')
    for text in picture.texts:
        lines = text.text.split("\n")
        width, height = text_size(text.text, text.size)
        top = {"top": text.y, "bottom": text.y - height}.get(text.baseline, text.y - height / 2)
        if text.background:
            out.append(
                f'<rect x="{text.x - width / 2:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" '
                f'rx="2" fill="{text.background}" fill-opacity="0.85"/>'
            )
        for i, line in enumerate(lines):
            baseline = top + map_labels.PAD[1] + (i + 0.82) * text.size
            out.append(
                f'<text x="{text.x:.1f}" y="{baseline:.1f}" font-size="{text.size}" fill="{text.colour}" '
                f'text-anchor="middle">{_text(line)}</text>'
            )
    out.append("</g></svg>" if links is not None else "</svg>")
    return "".join(out)


def added_by(plan: pd.DataFrame) -> dict[str, int]:
    """Kecamatan code -> new KIM a plan places there: the "new" column (only adding KIM), else the KIM
    still to form toward its share ("to_form", full redistribution; a kecamatan over its share gets 0)."""
    column = "new" if "new" in plan else "to_form"
    return {code: max(int(n), 0) for code, n in zip(plan["code"], plan[column], strict=True)}
