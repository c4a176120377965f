"""Column alignment and widths for the table of a PDF brief (cells arrive preformatted as text).

Widths come from the content, measured with the fonts that draw it: no column is narrower than its
longest word (a header wraps only at its spaces; a number, code or date such as 32.01.27 never
wraps), numbers get their full width, and the text columns share the rest where it saves the most
lines. When even the words do not fit side by side, the font shrinks a step at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kim_dash.outputs.pdf.content import Table
from kim_dash.outputs.pdf.fonts import BOLD, REGULAR, clip, safe_text, text_width

# A cell that is a number, a percentage, an amount or a dash for "none" is right-aligned.
# A code such as 32.01.02 is not a number: digit groups after the first have exactly three digits.
NUMERIC = re.compile(r"^[+\-−–]?\s?(Rp\s?)?(\d{1,3}([.,\u00a0\u202f ]\d{3})+|\d+)([.,]\d+)?\s?%?$")
NEUTRAL = {"", "-", "–", "—", "n/a"}
SIZES = (7.5, 7.0, 6.5, 6.0)  # the cell font, largest first
PADDING = 6.0 + 1.0  # left + right cell padding (pdf._table), and room for rounding
LONGEST_WORD = 0.4  # a single word wider than this share of the page may break (a hostile cell)


def numeric_columns(table: Table) -> list[bool]:
    """Per column: every cell is a number or a dash, and at least one is a number (right-align it)."""

    def col(j: int) -> list[str]:
        return [r[j].strip() for r in table.rows if j < len(r)]

    return [
        any(NUMERIC.match(c) for c in col(j)) and all(c in NEUTRAL or NUMERIC.match(c) for c in col(j))
        for j in range(len(table.columns))
    ]


@dataclass(frozen=True)
class _Column:
    texts: tuple[tuple[tuple[float, ...], float], ...]  # (word widths, space width): header, then cells
    least: float  # the longest word (a number: the whole cell), padding included
    steps: tuple[float, ...]  # widths at which a cell or the header needs one line fewer
    numeric: bool


def _fewer_lines(words: tuple[float, ...], space: float, most: int = 4) -> list[float]:
    """The narrowest widths (padding included) that set a paragraph on 1, 2, … `most` lines."""
    low = max(words) + PADDING
    high = sum(words) + space * (len(words) - 1) + PADDING
    out = [high]
    for k in range(2, most + 1):
        lo, hi = low, out[-1]
        while hi - lo > 0.25:  # the line count only falls as the width grows
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if _lines(words, space, mid) <= k else (mid, hi)
        out.append(hi)
    return out


def _lines(words: tuple[float, ...], space: float, width: float) -> int:
    """How many lines a paragraph takes in a cell `width` wide (its words' widths; breaks at spaces)."""
    lines, used = 1, 0.0
    for w in words:
        if used and used + space + w > width - PADDING:
            lines, used = lines + 1, w
        else:
            used += (space if used else 0.0) + w
    return lines


def _columns(table: Table, limit: int, size: float, width: float) -> list[_Column]:
    numeric = numeric_columns(table)
    out = []
    for j, head in enumerate(table.columns):
        cells = [safe_text(clip(r[j], limit)) for r in table.rows if j < len(r)]
        texts = [(safe_text(head).split() or [""], BOLD)] + [(c.split() or [""], REGULAR) for c in cells]
        measured = tuple(
            (tuple(text_width(w, font, size) for w in words), text_width(" ", font, size))
            for words, font in texts
        )
        steps = {w for words, space in measured for w in _fewer_lines(words, space)}
        word = max(max(ws) for ws, _ in measured)
        if numeric[j]:  # a number is one unit, never wrapped: at least as wide as the widest cell
            word = max([word, *(text_width(c, REGULAR, size) for c in cells)])
        least = min(word, width * LONGEST_WORD) + PADDING
        out.append(_Column(measured, least, tuple(sorted(s for s in steps if s > least)), numeric[j]))
    return out


def _spend(columns: list[_Column], widths: list[float], width: float) -> list[float]:
    """Widen, step by step, the column whose next width saves the most lines per point, until no
    step that fits saves a line. A row is as tall as its tallest cell, so the rows' lines count most;
    the cells' own lines break ties (and let two columns that wrap in the same row widen in turn)."""
    seen: dict[tuple[int, float], list[int]] = {}
    n = len(columns)

    def lines_at(j: int, w: float) -> list[int]:
        if (j, w) not in seen:
            seen[(j, w)] = [_lines(words, space, w) for words, space in columns[j].texts]
        return seen[(j, w)]

    def cost(others: list[int], mine: list[int]) -> int:
        return sum(n * max(o, m) + m for o, m in zip(others, mine, strict=True))

    while True:
        current = [lines_at(j, w) for j, w in enumerate(widths)]
        spare, best = width - sum(widths), None
        for j, c in enumerate(columns):
            others = [max([0, *row[:j], *row[j + 1 :]]) for row in zip(*current, strict=True)]
            now = cost(others, current[j])
            for step in (s for s in c.steps if widths[j] < s <= widths[j] + spare):
                saved = now - cost(others, lines_at(j, step))
                if saved > 0 and (best is None or saved / (step - widths[j]) > best[0]):
                    best = (saved / (step - widths[j]), j, step)
        if best is None:
            return widths
        widths = widths[: best[1]] + [best[2]] + widths[best[1] + 1 :]


def column_widths(table: Table, width: float, limit: int) -> tuple[list[float], float]:
    """The columns' widths (summing to `width`) and the font size of the cells.

    Every column first gets its least width (its longest word; a number its whole width). The rest
    goes where it saves the most lines (_spend), then to the text columns."""
    for size in SIZES:
        columns = _columns(table, limit, size, width)
        if sum(c.least for c in columns) <= width:
            break
    widths = [c.least for c in columns]
    if sum(widths) > width:  # too many columns even at the smallest size: scale down (words may break)
        return [w * width / sum(widths) for w in widths], size
    widths = _spend(columns, widths, width)
    texts = [j for j, c in enumerate(columns) if not c.numeric] or list(range(len(widths)))
    spare, basis = width - sum(widths), sum(widths[j] for j in texts) or 1.0
    return [w + (spare * w / basis if j in texts else 0.0) for j, w in enumerate(widths)], size
