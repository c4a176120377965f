"""The static chart of the PDF brief: a reportlab Drawing with the plot, axis title and legend.

Bars and arrows put the categories on the vertical axis (40 kecamatan names stay readable, first
category on top); lines put them on the horizontal axis. Illustrative lines and arrows are drawn
lighter and dashed; illustrative bars keep their colour and are hatched (pdf_marks). The legend
shows each mark as drawn and says the word, so the mark survives black-and-white printing.
"""

from __future__ import annotations

import math
from math import ceil

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable

from kim_dash.outputs.pdf.content import Chart, Series
from kim_dash.outputs.pdf.fonts import BOLD, REGULAR, colour, lighter, text_width
from kim_dash.outputs.pdf.marks import hatch_swatch, hatched, hatching, target_ticks, tick_swatch, zero_stubs
from kim_dash.outputs.pdf.plots import (
    DASH,
    INK,
    SIZE,
    arrows,
    bar_plot,
    finite,
    fit,
    line_plot,
    reference,
    style_value_axis,
    tick_format,
)

LEGEND_ROW = 11.0
RIGHT = 22.0  # room right of the plot for bar labels and the last tick

HATCHED = colors.HexColor("#6B7785")  # the hatch's legend swatch: a neutral bar, hatched
LegendItem = tuple[str, colors.Color, str, bool]  # swatch kind, colour, label, illustrative


def _legend_items(chart: Chart, marker: str) -> list[LegendItem]:
    def named(s: Series) -> str:
        return f"{s.name} ({marker})" if s.illustrative else s.name

    items: list[LegendItem] = []
    if chart.kind == "arrows":
        before, after = chart.series
        items += [("dot", colour(before.colour), named(before), before.illustrative)]
        items += [("arrow", colour(after.colour), named(after), after.illustrative)]
    elif chart.kind == "lines":
        items += [("line", colour(s.colour), named(s), s.illustrative) for s in chart.series]
    elif len(chart.series) > 1:  # bars: the series by colour; the hatch has its own entry below
        items += [("box", colour(s.colour), s.name, False) for s in chart.series]
    items += [("box", colour(c), label, False) for c, label in chart.legend]
    if chart.reference is not None and chart.reference_label:
        items.append(("ref", INK, chart.reference_label, False))
    if chart.kind == "bars" and chart.ticks and chart.tick_label:
        items.append(("tick", INK, chart.tick_label, False))
    if chart.kind == "bars" and any(any(row) for row in hatched(chart)):
        items.append(("hatch", HATCHED, chart.hatch_label or marker, True))
    return items


def _swatch(kind: str, x: float, y: float, tint: colors.Color, dashed: bool) -> list:
    if kind == "hatch":
        return hatch_swatch(x, y, tint)
    if kind == "tick":
        return tick_swatch(x, y)
    fill = lighter(tint) if dashed else tint
    if kind == "box":
        dash = DASH if dashed else None
        return [Rect(x, y - 1, 9, 7, fillColor=fill, strokeColor=tint, strokeWidth=0.6, strokeDashArray=dash)]
    if kind == "dot":
        return [Circle(x + 4.5, y + 2.5, 2.4, fillColor=fill, strokeColor=tint, strokeWidth=0.6)]
    line = Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=fill, strokeWidth=1.4)
    line.strokeDashArray = DASH if dashed or kind == "ref" else None
    if kind != "arrow":
        return [line]
    return [
        line,
        Polygon([x + 14, y + 2.5, x + 10, y + 4.7, x + 10, y + 0.3], fillColor=fill, strokeColor=None),
    ]


def _legend_rows(items: list[LegendItem], width: float) -> list[list[tuple[float, LegendItem]]]:
    """Legend items flowed into rows at most `width` wide, each with its x offset."""
    rows: list[list[tuple[float, LegendItem]]] = [[]]
    x = 0.0
    for kind, tint, label, dashed in items:
        label = fit(label, width - 29)
        span = 17 + text_width(label, REGULAR, SIZE) + 12
        if rows[-1] and x + span > width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, (kind, tint, label, dashed)))
        x += span
    return rows if rows[0] else []


def _value_range(chart: Chart) -> tuple[float, float]:
    values = [v for s in chart.series for v in finite(s.values) if v is not None]
    if chart.reference is not None and math.isfinite(chart.reference):
        values.append(chart.reference)
    values += [v for v in finite(chart.ticks) if v is not None]
    low, high = min([0.0, *values]), max([0.0, *values])
    return low, (high if high > low else low + 1)


def draw_chart(chart: Chart, width: float, marker: str, max_height: float = 600.0) -> Drawing:
    """The chart as a Drawing `width` points wide and at most about `max_height` tall."""
    n = max(len(chart.categories), 1)
    rows = _legend_rows(_legend_items(chart, marker), width)
    low, high = _value_range(chart)
    horizontal = chart.kind == "lines"
    has_ref = chart.reference is not None and math.isfinite(chart.reference)
    top = 12.0 if (has_ref and chart.reference_label) or (horizontal and chart.value_label) else 3.0
    bottom = 14.0 + LEGEND_ROW * len(rows) + (4 if rows else 0)
    bottom += 11.0 if chart.value_label and not horizontal else 0
    if horizontal:
        names = [fit(c, 150) for c in chart.categories] or [""]
        x0 = 10 + text_width(tick_format(chart.lang)(ceil(high * 1.25)), REGULAR, SIZE)
        angled = max(text_width(c, REGULAR, SIZE) for c in names) > (width - x0 - 8) / n - 2
        y0 = bottom + (26.0 if angled else 0.0)
        plot_h = min(190.0, max_height - top - y0)
        plot = line_plot(chart, (x0, y0, width - x0 - 8, plot_h), angled)
    else:
        per_category = len(chart.series) if chart.kind == "bars" else 1
        # Many categories shrink the rows (and names) so the drawing still fits on one page.
        band = min(10.0 + 4 * (per_category - 1), (max_height - top - bottom) / n)
        label_size = max(2.0, min(SIZE, band * 0.75))
        widest = max(text_width(fit(c, width), REGULAR, label_size) for c in chart.categories or [""])
        x0, y0 = min(widest + 8, width * 0.35), bottom
        plot_h = band * n
        plot = bar_plot(chart, (x0, y0, width - x0 - RIGHT, plot_h), label_size)
    style_value_axis(plot.valueAxis, chart.lang, low, high)
    plot.annotations = [arrows(chart)] if chart.kind == "arrows" else []
    if chart.kind == "bars":
        plot.annotations += [zero_stubs(chart), hatching(chart)]
        plot.annotations += [target_ticks(chart)] if chart.ticks else []
    if has_ref:
        plot.annotations.append(reference(chart, horizontal, y0 + plot_h))
    drawing = Drawing(width, y0 + plot_h + top)
    drawing.add(plot)
    if chart.value_label:
        text = fit(chart.value_label, width - x0 - RIGHT)
        if horizontal:
            drawing.add(String(2, y0 + plot_h + 4, text, fontName=BOLD, fontSize=SIZE, fillColor=INK))
        else:
            mid = x0 + (width - x0 - RIGHT) / 2
            drawing.add(
                String(mid, y0 - 24, text, fontName=BOLD, fontSize=SIZE, fillColor=INK, textAnchor="middle")
            )
    for r, row in enumerate(rows):
        y = LEGEND_ROW * (len(rows) - r - 1) + 2
        for x, (kind, tint, label, dashed) in row:
            for shape in _swatch(kind, x, y, tint, dashed):
                drawing.add(shape)
            drawing.add(String(x + 17, y, label, fontName=REGULAR, fontSize=SIZE, fillColor=INK))
    return drawing


class FittedChart(Flowable):
    """A chart of many rows that is a little taller than the rest of the page gives up at most
    (1 - FIT_SHRINK) of its row height to stay there, instead of leaving that space blank and moving on
    (Bandung's 31 kecamatan under one more sentence); otherwise it keeps its own height."""

    FIT_SHRINK = 0.85

    def __init__(self, chart: Chart, width: float, marker: str, max_height: float) -> None:
        super().__init__()
        self.chart, self.width, self.marker, self.max_height = chart, width, marker, max_height
        self.drawing = draw_chart(chart, width, marker, max_height=max_height)
        self.natural = self.drawing.height
        self.smallest = self.natural * self.FIT_SHRINK

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # reportlab's names
        fits = self.smallest <= availHeight < self.natural
        height = availHeight - 1 if fits else self.max_height  # a point spare for rounding
        self.drawing = draw_chart(self.chart, self.width, self.marker, max_height=height)
        return self.drawing.wrap(availWidth, availHeight)

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)


def chart_block(
    title: Flowable, chart: Chart, width: float, marker: str, max_height: float
) -> list[Flowable]:
    """Title and chart on one page: a new page unless both fit with the chart at its smallest
    (KeepTogether would measure the chart on an endless page, so never let it take the page's rest)."""
    drawing = FittedChart(chart, width, marker, max_height)
    _, title_height = title.wrap(width, max_height)
    heading = title_height + title.getSpaceBefore() + title.getSpaceAfter()
    return [CondPageBreak(heading + drawing.smallest), title, drawing]
