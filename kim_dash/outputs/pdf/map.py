"""The page's map in the PDF brief: the MapPicture (kim_dash.outputs.map_picture) as reportlab vector paths, in
the screen's colours, with its legend and, where names did not fit, the key of lettered kecamatan."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Path, Rect, String
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from kim_dash.outputs.map_labels import PAD, text_size
from kim_dash.outputs.map_picture import MapPicture
from kim_dash.outputs.pdf.fonts import BOLD, REGULAR, colour, markup, text_width

LEGEND_SIZE = 8.0
LEGEND_ROW = 12.0


def _path(rings, scale: float, height: float, **style) -> Path:
    path = Path(fillMode=0, **style)  # 0: even-odd (a hole such as Kota Bogor stays open)
    for ring in rings:
        for i, (x, y) in enumerate(ring):
            (path.moveTo if i == 0 else path.lineTo)(x * scale, height - y * scale)
        path.closePath()
    return path


def _legend(picture: MapPicture, width: float) -> tuple[list, float]:
    """Swatches and labels in rows across `width`; returns the shapes (y downwards from 0) and height."""
    items, x, row = [], 0.0, 0
    for hex_colour, label in picture.legend:
        need = 14 + text_width(label, REGULAR, LEGEND_SIZE) + 12
        if x and x + need > width:
            x, row = 0.0, row + 1
        y = row * LEGEND_ROW
        items.append(("swatch", x, y, hex_colour))
        items.append(("label", x + 14, y, label))
        x += need
    return items, (row + 1) * LEGEND_ROW


def draw_map(picture: MapPicture, width: float, max_height: float = 420.0) -> Drawing:
    scale = min(width / picture.width, max_height / picture.height)
    map_height = picture.height * scale
    legend, legend_height = _legend(picture, width)
    height = map_height + 6 + legend_height
    drawing = Drawing(width, height)
    top = height
    for area in picture.areas:
        style = {"strokeColor": colour(area.stroke), "strokeWidth": area.stroke_width * scale * 0.8}
        style["fillColor"] = colour(area.fill) if area.fill else None
        drawing.add(_path(area.rings, scale, top, **style))
    size_scale = max(scale, 0.75)  # labels stay readable when the map is drawn small
    for text in picture.texts:
        w, h = text_size(text.text, text.size)
        w, h = w * size_scale, h * size_scale
        x, y = text.x * scale, top - text.y * scale
        box_top = {"top": y, "bottom": y + h}.get(text.baseline, y + h / 2)
        if text.background:
            drawing.add(
                Rect(
                    x - w / 2, box_top - h, w, h, rx=1.5, fillColor=colour(text.background), strokeColor=None
                )
            )
        for i, line in enumerate(text.text.split("\n")):
            size = text.size * size_scale * 0.92
            baseline = box_top - PAD[1] * size_scale - (i + 0.8) * text.size * size_scale
            drawing.add(
                String(
                    x,
                    baseline,
                    line,
                    fontName=BOLD,
                    fontSize=size,
                    fillColor=colour(text.colour),
                    textAnchor="middle",
                )
            )
    for kind, x, y, value in legend:
        row_top = height - map_height - 6 - y
        if kind == "swatch":
            drawing.add(
                Rect(
                    x,
                    row_top - 10,
                    10,
                    10,
                    fillColor=colour(value),
                    strokeColor=colour("#555555"),
                    strokeWidth=0.5,
                )
            )
        else:
            drawing.add(String(x, row_top - 8.5, value, fontName=REGULAR, fontSize=LEGEND_SIZE))
    return drawing


COLUMN = 215.0  # pt: the map's column beside the KPIs
WIDE = 600  # px: a map drawn at a desktop's width (the national one) goes across the page, under the KPIs


def is_wide(picture: MapPicture | None) -> bool:
    return picture is not None and picture.width >= WIDE


def beside_map(
    left: list[Flowable], width: float, picture: MapPicture | None, title: str, key_note: str, heading, body
) -> list[Flowable]:
    """`left` (the KPIs, drawn `width` - COLUMN wide) with the map under its heading on the right, and
    the key of lettered kecamatan under the map; `left` alone without a map."""
    if picture is None:
        return left
    if is_wide(picture):  # Indonesia: across the page under the KPIs, not a sliver beside them
        wide = [*left, Paragraph(markup(title), heading), draw_map(picture, width, max_height=300.0)]
        return [*wide, *([Paragraph(markup(key_note), body)] if key_note else []), Spacer(1, 6)]
    parts: list[Flowable] = [
        Paragraph(markup(title), heading),
        draw_map(picture, COLUMN - 8, max_height=230.0),
    ]
    if key_note:
        parts.append(Paragraph(markup(key_note), body))
    table = Table([[left, parts]], colWidths=[width - COLUMN, COLUMN])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    return [table, Spacer(1, 6)]
