"""Column alignment and widths for the table of a PDF brief (cells arrive preformatted as text)."""

from __future__ import annotations

import re

from kim_dash.pdf_model import Table
from kim_dash.pdf_text import BOLD, REGULAR, clip, safe_text, text_width

# A cell that is a number, a percentage, an amount or a dash for "none" is right-aligned.
# A code such as 32.01.02 is not a number: digit groups after the first have exactly three digits.
NUMERIC = re.compile(r"^[+\-−–]?\s?(Rp\s?)?(\d{1,3}([.,\u00a0\u202f ]\d{3})+|\d+)([.,]\d+)?\s?%?$")
NEUTRAL = {"", "-", "–", "—", "n/a"}


def numeric_columns(table: Table) -> list[bool]:
    """Per column: every cell is a number or a dash, and at least one is a number (right-align it)."""

    def col(j: int) -> list[str]:
        return [r[j].strip() for r in table.rows if j < len(r)]

    return [
        any(NUMERIC.match(c) for c in col(j)) and all(c in NEUTRAL or NUMERIC.match(c) for c in col(j))
        for j in range(len(table.columns))
    ]


def column_widths(table: Table, width: float, limit: int) -> list[float]:
    """Each column's natural width (longest cell, longest header word), scaled to the page width."""
    natural = []
    for j, head in enumerate(table.columns):
        words = [text_width(w, BOLD, 7.5) for w in safe_text(head).split()] or [0.0]
        cells = [text_width(safe_text(clip(r[j], limit)), REGULAR, 7.5) for r in table.rows if j < len(r)]
        natural.append(min(max([*words, *cells]) + 8, width * 0.4))
    total = sum(natural) or 1.0
    return [w * width / total for w in natural]
