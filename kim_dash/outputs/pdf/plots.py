"""reportlab.graphics chart objects for the brief's chart: bars, lines and before/after arrows.

Each builder returns a configured reportlab chart; pdf_chart places it in a Drawing with a legend.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Circle, Group, Line, Polygon, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from kim_dash.i18n import fmt_int, fmt_num
from kim_dash.outputs import palette
from kim_dash.outputs.pdf.content import Chart
from kim_dash.outputs.pdf.fonts import REGULAR, clip, colour, lighter, safe_text, text_width

INK = colors.HexColor(palette.INK)  # one ink: the screen's
GRID = colors.HexColor("#DDDDDD")
DASH = (3, 2)
SIZE = 8.0  # tick and legend font size (pt): 7 read small on paper


def finite(values: tuple[float | None, ...]) -> list[float | None]:
    """NaN and infinities count as missing."""
    return [v if v is not None and math.isfinite(v) else None for v in values]


def tick_format(lang: str) -> Callable[[float], str]:
    """Axis and bar numbers in the locale: whole numbers without decimals, others with one or two."""

    def fmt(value: float) -> str:
        if abs(value - round(value)) < 1e-9:
            return safe_text(fmt_int(value, lang))
        return safe_text(fmt_num(value, lang, 1 if abs(value * 10 - round(value * 10)) < 1e-9 else 2))

    return fmt


def fit(text: str, width: float, size: float = SIZE) -> str:
    """`text` drawable and shortened with an ellipsis to `width` (a drawn string cannot wrap)."""
    text = clip(safe_text(text), 200)
    full = text_width(text, REGULAR, size)
    if full <= width:
        return text
    text = text[: int(len(text) * width / full) + 1]  # near the cut, then trim to it
    while text and text_width(text + "…", REGULAR, size) > width:
        text = text[:-1]
    return text + "…"


def style_value_axis(axis, lang: str, low: float, high: float) -> None:
    axis.valueMin, axis.valueMax, axis.rangeRound = low, high, "ceiling"
    axis.labelTextFormat = tick_format(lang)
    axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = REGULAR, SIZE, INK
    axis.visibleGrid, axis.gridStrokeColor, axis.gridStrokeWidth, axis.strokeColor = 1, GRID, 0.5, GRID


def arrows(chart: Chart) -> Callable:
    """Annotation drawing, per category, a dot at the first series and an arrow to the second."""
    before, after = (finite(s.values) for s in chart.series)
    tints = [colour(c) for c in chart.bar_colours] or [colour(chart.series[1].colour)] * len(before)
    dashed = chart.series[1].illustrative
    fmt = tick_format(chart.lang)

    def draw(plot, cscale, vscale) -> Group:
        g = Group()
        for i, (b, a) in enumerate(zip(before, after)):
            start, band = cscale(i)
            y = start + band / 2
            if a is not None:
                tint = lighter(tints[i]) if dashed else tints[i]
                x0, x1 = vscale(b if b is not None else a), vscale(a)
                head = math.copysign(min(4.0, abs(x1 - x0)), x1 - x0)
                if head:
                    h = min(2.4, band / 2.5)
                    line = Line(x0, y, x1 - head, y, strokeColor=tint, strokeWidth=1.2)
                    line.strokeDashArray = DASH if dashed else None
                    g.add(line)
                    g.add(
                        Polygon([x1, y, x1 - head, y + h, x1 - head, y - h], fillColor=tint, strokeColor=None)
                    )
                g.add(
                    String(max(x0, x1) + 3, y - 2, fmt(a), fontName=REGULAR, fontSize=SIZE - 1, fillColor=INK)
                )
            if b is not None:
                tint = colour(chart.series[0].colour)
                fill = lighter(tint) if chart.series[0].illustrative else tint
                g.add(
                    Circle(
                        vscale(b), y, min(2.2, band / 3), fillColor=fill, strokeColor=tint, strokeWidth=0.5
                    )
                )
        return g

    return draw


def reference(chart: Chart, horizontal: bool, top: float) -> Callable:
    """Annotation drawing the dashed target line, labelled at its top (bars) or right end (lines)."""

    def draw(plot, cscale, vscale) -> Group:
        v = vscale(chart.reference)
        if horizontal:
            line = Line(plot.x, v, plot.x + plot.width, v, strokeColor=INK, strokeWidth=0.8)
        else:
            line = Line(v, plot.y, v, top, strokeColor=INK, strokeWidth=0.8)
        line.strokeDashArray = DASH
        g = Group(line)
        if chart.reference_label:
            x, y, anchor = (plot.x + plot.width, v + 2, "end") if horizontal else (v, top + 2, "middle")
            text = fit(chart.reference_label, plot.width / 2)
            g.add(String(x, y, text, fontName=REGULAR, fontSize=SIZE, fillColor=INK, textAnchor=anchor))
        return g

    return draw


def bar_plot(chart: Chart, box: tuple[float, float, float, float], label_size: float) -> HorizontalBarChart:
    """Horizontal bars, first category on top; for arrows the same frame with invisible bars."""
    plot = HorizontalBarChart()
    plot.x, plot.y, plot.width, plot.height = box
    axis = plot.categoryAxis
    axis.reverseDirection, axis.strokeColor, axis.tickLeft = 1, GRID, 0
    axis.categoryNames = [fit(c, plot.x - 6, label_size) for c in chart.categories]
    axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = REGULAR, label_size, INK
    axis.labels.boxAnchor, axis.labels.dx = "e", -3
    series = chart.series if chart.kind == "bars" else chart.series[:1]
    plot.data = [finite(s.values) for s in series]
    plot.barWidth, plot.groupSpacing, plot.barSpacing = 10, 3 if len(series) == 1 else 5, 0.5
    for i, s in enumerate(series):
        style, tint = plot.bars[i], colour(s.colour)
        style.strokeWidth, style.strokeColor = 0, None
        if chart.kind == "arrows":
            style.fillColor = None
            continue
        # Full colour, as in the legend; pdf_marks hatches the illustrative bars.
        style.fillColor = tint
        per_bar = chart.bar_colours if len(series) == 1 else ()
        for j, tint_j in enumerate(per_bar):
            plot.bars[(i, j)].fillColor = colour(tint_j)
    if chart.kind == "bars" and len(chart.categories) * len(series) <= 80:
        plot.barLabelFormat = tick_format(chart.lang)
        labels = plot.barLabels
        labels.fontName, labels.fontSize, labels.fillColor = REGULAR, min(SIZE - 1, label_size), INK
        labels.boxAnchor, labels.dx = "w", 4
    return plot


def line_plot(chart: Chart, box: tuple[float, float, float, float], angled: bool) -> HorizontalLineChart:
    """One line per series along the categories; a missing value leaves a gap."""
    plot = HorizontalLineChart()
    plot.x, plot.y, plot.width, plot.height = box
    plot.joinedLines = 0  # joined per data row below: reportlab cannot draw a one-point polyline
    axis = plot.categoryAxis
    axis.categoryNames, axis.strokeColor = [fit(c, 150) for c in chart.categories], GRID
    axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = REGULAR, SIZE, INK
    if angled:
        axis.labels.angle, axis.labels.boxAnchor, axis.labels.dx, axis.labels.dy = 40, "ne", 2, -2
    data: list[list[float | None]] = []
    for s in chart.series:
        values = finite(s.values)
        # One data row per unbroken run: reportlab would otherwise bridge the gap with a line.
        starts = [i for i, v in enumerate(values) if v is not None and (i == 0 or values[i - 1] is None)]
        for start in starts or [0]:
            end = next((i for i in range(start, len(values)) if values[i] is None), len(values))
            style = plot.lines[len(data)]
            data.append([v if start <= i < end else None for i, v in enumerate(values)])
            style.strokeColor = lighter(colour(s.colour)) if s.illustrative else colour(s.colour)
            style.strokeWidth, style.strokeDashArray = 1.6, DASH if s.illustrative else None
            style.lineStyle = "joinedLine" if end - start > 1 else None
            style.symbol = makeMarker("FilledCircle", size=3.2, fillColor=style.strokeColor)
    plot.data = data
    return plot
