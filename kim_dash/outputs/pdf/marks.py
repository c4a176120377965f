"""Marks drawn over the bars of the brief's chart: hatching on illustrative bars, a target tick per bar.

A bar keeps its full status colour (the legend's colour); an illustrative bar is hatched with white
diagonal lines, as on screen, so the mark survives black-and-white printing and still reads.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.shapes import Group, Line, Rect
from reportlab.lib import colors

from kim_dash.outputs import palette
from kim_dash.outputs.pdf.content import Chart
from kim_dash.outputs.pdf.fonts import colour

HATCH = colors.white
HATCH_STEP = 3.2  # points between hatch lines
HATCH_WIDTH = 0.8
STUB = 3.0  # points: the width of a bar of value 0
TICK = colors.HexColor(palette.INK)


def hatch_lines(x: float, y: float, w: float, h: float, step: float = HATCH_STEP) -> list[Line]:
    """White '/' lines filling the rectangle (x, y, w, h), each clipped to it."""
    lines: list[Line] = []
    if w <= 0 or h <= 0:
        return lines
    # Lines x - y = c for c from (x - y - h) to (x + w - y), one every `step` along x.
    c = x - y - h + (step - (x - y - h) % step)
    while c < x + w - y:
        x0, x1 = max(x, y + c), min(x + w, y + h + c)
        if x1 > x0:
            lines.append(Line(x0, x0 - c, x1, x1 - c, strokeColor=HATCH, strokeWidth=HATCH_WIDTH))
        c += step
    return lines


def hatched(chart: Chart) -> list[list[bool]]:
    """Per series, per category: is this bar illustrative?"""
    marked = chart.marked or (False,) * len(chart.categories)
    return [[s.illustrative or m for m in marked] for s in chart.series]


def hatching(chart: Chart) -> Callable:
    """Annotation hatching every illustrative bar (bar positions are known once the chart is laid out)."""
    flags = hatched(chart)

    def draw(plot, cscale, vscale) -> Group:
        g = Group()
        for i, positions in enumerate(getattr(plot, "_barPositions", [])):
            for j, (x, y, w, h) in enumerate(positions):
                if w is None or h is None or not (i < len(flags) and j < len(flags[i]) and flags[i][j]):
                    continue
                x, w = (x + w, -w) if w < 0 else (x, w)
                y, h = (y + h, -h) if h < 0 else (y, h)
                for line in hatch_lines(x, y, w, h):
                    g.add(line)
        return g

    return draw


def zero_stubs(chart: Chart) -> Callable:
    """Annotation drawing a bar of value 0 as a thin stub in its colour, so a kecamatan without KIM
    still shows its status colour (as on screen)."""
    per_bar = chart.bar_colours if len(chart.series) == 1 else ()
    flags = hatched(chart)

    def draw(plot, cscale, vscale) -> Group:
        g = Group()
        for i, positions in enumerate(getattr(plot, "_barPositions", [])):
            for j, (x, y, w, h) in enumerate(positions):
                value = chart.series[i].values[j] if i < len(chart.series) else None
                if value != 0 or w is None or h is None:
                    continue
                tint = colour(per_bar[j] if j < len(per_bar) else chart.series[i].colour)
                y, h = min(y, y + h), abs(h)
                g.add(Rect(x, y, STUB, h, fillColor=tint, strokeColor=None))
                for line in hatch_lines(x, y, STUB, h, 2.0) if flags[i][j] else []:
                    g.add(line)
        return g

    return draw


def target_ticks(chart: Chart) -> Callable:
    """Annotation drawing each category's own target as a short upright tick across its bar, on a
    white halo so it also reads over a dark bar."""

    def draw(plot, cscale, vscale) -> Group:
        g = Group()
        for i, value in enumerate(chart.ticks):
            if value is None or not math.isfinite(value):
                continue
            start, band = cscale(i)
            x, y0, y1 = vscale(value), start + band * 0.05, start + band * 0.95
            g.add(Line(x, y0, x, y1, strokeColor=colors.white, strokeWidth=2.6))
            g.add(Line(x, y0, x, y1, strokeColor=TICK, strokeWidth=1.3))
        return g

    return draw


def tick_swatch(x: float, y: float) -> list:
    return [
        Rect(x + 3, y - 1, 3, 8, fillColor=colors.white, strokeColor=None),
        Line(x + 4.5, y - 1, x + 4.5, y + 7, strokeColor=TICK, strokeWidth=1.3),
    ]


def hatch_swatch(x: float, y: float, tint: colors.Color) -> list:
    return [Rect(x, y - 1, 9, 7, fillColor=tint, strokeColor=None), *hatch_lines(x, y - 1, 9, 7, 2.6)]
