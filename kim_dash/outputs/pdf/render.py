"""The brief of a view as a deterministic A4 PDF (reportlab platypus, invariant mode: same content, same
bytes). The caller builds the content; every caller string is user data, made drawable and escaped."""

from __future__ import annotations

import io
from functools import partial

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from kim_dash.outputs import palette
from kim_dash.outputs.pdf.chart import chart_block
from kim_dash.outputs.pdf.content import BriefDoc, Chart, Kpi, Sentence, Series, Table
from kim_dash.outputs.pdf.fonts import (
    BOLD,
    ITALIC,
    REGULAR,
    clip,
    markup,
    register_fonts,
    safe_text,
    text_width,
)
from kim_dash.outputs.pdf.map import COLUMN, beside_map, is_wide
from kim_dash.outputs.pdf.table import column_widths, numeric_columns

__all__ = ["BriefDoc", "Chart", "Kpi", "Sentence", "Series", "Table", "render_pdf"]

MARGIN = 15 * mm
WIDTH = A4[0] - 2 * MARGIN
BOTTOM = MARGIN + 3 * mm  # the footer sits below
CELL_LIMIT = 300  # characters in a KPI or table cell (a cell cannot split across pages)
INK = colors.HexColor(palette.INK)  # one ink: the screen's
MUTED = colors.HexColor("#5F6B76")
PANEL = colors.HexColor("#F1F4F7")
RULE = colors.HexColor("#C9D1D9")
WIDOW = 3  # a table split across pages keeps at least this many rows on each page
FRAME_HEIGHT = A4[1] - MARGIN - BOTTOM


def _style(name: str, size: float, font: str = REGULAR, colour=INK, **kw) -> ParagraphStyle:
    kw.setdefault("leading", size * 1.28)
    return ParagraphStyle(name, fontName=font, fontSize=size, textColor=colour, **kw)


TITLE = _style("title", 17, BOLD, leading=20)
SUBTITLE = _style("subtitle", 11.5, colour=MUTED, spaceBefore=2)
META = _style("meta", 8, colour=MUTED)
ANSWER = _style("answer", 10.5, BOLD, leftIndent=10, bulletIndent=0, spaceAfter=3)
SENTENCE = _style("sentence", 9.5, leftIndent=10, bulletIndent=0, spaceAfter=2.5)
KPI_LABEL = _style("kpi_label", 7.5, colour=MUTED)
KPI_VALUE = _style("kpi_value", 15, BOLD, leading=18)
KPI_NOTE = _style("kpi_note", 7, colour=MUTED)
HEADING = _style("heading", 10, BOLD, spaceBefore=8, spaceAfter=3)
SMALL = _style("small", 7, colour=MUTED, spaceAfter=1.5)
SMALL_HEAD = _style("small_head", 7, BOLD, colour=MUTED, spaceBefore=5, spaceAfter=1.5)


def _marked(text: str, illustrative: bool, marker: str) -> str:
    """Escaped `text`, followed by the marker word in italics when the item is illustrative."""
    return markup(text) + (f" <i>({markup(marker)})</i>" if illustrative else "")


def _header(doc: BriefDoc) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(markup(doc.title), TITLE)]
    if doc.subtitle:
        parts.append(Paragraph(markup(doc.subtitle), SUBTITLE))
    meta = [f"<b>{markup(doc.data_date)}</b>"] if doc.data_date else []
    meta += [markup(s) for s in doc.settings]
    if meta:
        parts += [Spacer(1, 4), Paragraph(" · ".join(meta), META)]
    parts.append(Spacer(1, 8))
    return parts


def _sentences(doc: BriefDoc) -> list[Flowable]:
    out: list[Flowable] = []
    for i, s in enumerate(doc.sentences):
        out.append(
            Paragraph(
                _marked(s.text, s.illustrative, doc.illustrative_marker),
                ANSWER if i == 0 else SENTENCE,
                bulletText="•",
            )
        )
    return out + ([Spacer(1, 6)] if out else [])


def _kpis(doc: BriefDoc, width: float = WIDTH) -> list[Flowable]:
    if not doc.kpis:
        return []
    per_row = 1 if len(doc.kpis) == 1 else 2 if len(doc.kpis) in (2, 4) else 3
    cells: list[list[Paragraph] | str] = []
    for k in doc.kpis:
        value = markup(k.value, CELL_LIMIT) + (
            f' <font name="{ITALIC}" size="8">({markup(doc.illustrative_marker)})</font>'
            if k.illustrative
            else ""
        )
        cell = [Paragraph(markup(k.label, CELL_LIMIT), KPI_LABEL), Paragraph(value, KPI_VALUE)]
        cells.append(cell + ([Paragraph(markup(k.note, CELL_LIMIT), KPI_NOTE)] if k.note else []))
    cells += [""] * (-len(cells) % per_row)  # empty table cells fill the last row
    grid = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    table = RLTable(grid, colWidths=[width / per_row] * per_row)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("INNERGRID", (0, 0), (-1, -1), 5, colors.white)]
    style += [("LEFTPADDING", (0, 0), (-1, -1), 7), ("TOPPADDING", (0, 0), (-1, -1), 5)]
    style += [("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    style += [
        ("BACKGROUND", (i % per_row, i // per_row), (i % per_row, i // per_row), PANEL)
        for i in range(len(doc.kpis))
    ]
    table.setStyle(TableStyle(style))
    return [table, Spacer(1, 8)]


def _chart(doc: BriefDoc) -> list[Flowable]:
    if doc.chart is None:
        return []
    title = Paragraph(markup(doc.chart.title, CELL_LIMIT), HEADING)
    max_height = A4[1] - MARGIN - BOTTOM - 40  # at most a page's frame: a Drawing cannot split
    return [*chart_block(title, doc.chart, WIDTH, doc.illustrative_marker, max_height), Spacer(1, 4)]


class _Table(RLTable):
    """A table split across pages keeps at least WIDOW rows on each side (never one row alone); a
    part too short to split moves on whole, unless it already has a whole page (giant rows)."""

    def _getFirstPossibleSplitRowPosition(self, availHeight, ignoreSpans=0):
        n = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        rows = len(self._rowHeights)  # the header row included
        if n <= 1 or n >= rows:
            return n
        if min(n, rows - WIDOW) - 1 >= WIDOW:
            return min(n, rows - WIDOW)
        return n if availHeight >= 0.9 * FRAME_HEIGHT else 0


def _table(doc: BriefDoc) -> list[Flowable]:
    t = doc.table
    if t is None or not t.columns:
        return []
    numeric = numeric_columns(t)
    widths, size = column_widths(t, WIDTH, CELL_LIMIT)
    left, right = _style(f"cell{size}", size), _style(f"cell_right{size}", size, alignment=TA_RIGHT)

    def rows(count: int) -> list[list[Flowable]]:
        """The header row and the first `count` rows (new paragraphs each time: one table each)."""
        cells = [[f"<b>{markup(c, CELL_LIMIT)}</b>" for c in t.columns]]
        cells += [
            [markup(r[j] if j < len(r) else "", CELL_LIMIT) for j in range(len(t.columns))]
            for r in t.rows[:count]
        ]
        return [[Paragraph(c, right if numeric[j] else left) for j, c in enumerate(row)] for row in cells]

    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED)]
    style += [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    style += [("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    style += [("BACKGROUND", (0, i), (-1, i), PANEL) for i in range(2, len(t.rows) + 1, 2)]
    table = _Table(rows(len(t.rows)), colWidths=widths, repeatRows=1, style=TableStyle(style))
    heading = [Paragraph(markup(t.title, CELL_LIMIT), HEADING)] if t.title else []
    # The heading, the header row and the first rows start together: a new page rather than a
    # heading (or a header row) alone at the foot of one.
    start = RLTable(rows(WIDOW), colWidths=widths, style=TableStyle(style))
    needed = sum(f.wrap(WIDTH, A4[1])[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in [*heading, start])
    out: list[Flowable] = [CondPageBreak(needed + 6), Spacer(1, 6), *heading, table]
    if t.more_rows_note:
        out.append(
            Paragraph(f"<i>{markup(t.more_rows_note)}</i>", _style("more", 7.5, colour=MUTED, spaceBefore=3))
        )
    return out


def _end_notes(doc: BriefDoc) -> list[Flowable]:
    out: list[Flowable] = []
    for heading, items in ((doc.sources_heading, doc.sources), (doc.notes_heading, doc.notes)):
        if items and heading:
            out.append(Paragraph(markup(heading), SMALL_HEAD))
        out += [Paragraph(markup(item), SMALL) for item in items]
    # A short block of sources and notes is read as one: keep it on one page when it fits on one.
    return [Spacer(1, 8), KeepTogether(out)] if out else []


class _FooterCanvas(Canvas):
    """Holds every page until the end, so the footer can say 'page 1 of 2'."""

    def __init__(self, *args, footer: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer = clip(safe_text(footer), 400)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            text = self._footer.replace("{pages}", str(len(self._pages))).replace("{page}", str(number))
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 11 * mm, A4[0] - MARGIN, 11 * mm)
            self.setFont(REGULAR, 7)
            self.setFillColor(MUTED)
            while len(text) > 1 and text_width(text, REGULAR, 7) > WIDTH:
                text = text[:-2] + "…"
            self.drawString(MARGIN, 7.5 * mm, text)
            super().showPage()
        super().save()


def render_pdf(doc: BriefDoc) -> bytes:
    """The brief as PDF bytes: same content, same bytes."""
    register_fonts()
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=safe_text(doc.title),
        subject=safe_text(doc.subtitle),
        creator="KIM Dashboard",
        author="",
        invariant=1,  # fixed dates and content-derived IDs, for this document only
    )
    # No frame padding: text, KPI panels and the table share one left edge.
    frame = Frame(MARGIN, BOTTOM, WIDTH, FRAME_HEIGHT, 0, 0, 0, 0, id="body")
    template.addPageTemplates([PageTemplate("page", [frame])])
    kpis = _kpis(doc, WIDTH - COLUMN if doc.map and not is_wide(doc.map) else WIDTH)  # type: ignore[arg-type]
    top = beside_map(kpis, WIDTH, doc.map, doc.map_title, doc.map_key, HEADING, SMALL)  # type: ignore[arg-type]
    story = [*_header(doc), *_sentences(doc), *top, *_chart(doc), *_table(doc)]
    story += _end_notes(doc)
    template.build(story, canvasmaker=partial(_FooterCanvas, footer=doc.footer))
    return buffer.getvalue()
