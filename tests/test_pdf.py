"""The PDF brief: same bytes for the same content, text that survives, hostile strings printed literally."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
import reportlab
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFontFile

from kim_dash.i18n import fmt_int, fmt_num, fmt_pct
from kim_dash.outputs.pdf.fonts import safe_text
from kim_dash.outputs.pdf.render import BriefDoc, Chart, Kpi, Sentence, Series, Table, render_pdf
from kim_dash.outputs.pdf.table import numeric_columns
from tests.pdf_samples import ROOT, sample_doc, write_samples

VERA = set(TTFontFile(str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")).charToGlyph)


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _squash(text: str) -> str:
    """Text without whitespace: extraction may break lines where the layout wrapped them."""
    return "".join(text.split())


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _plain(doc: BriefDoc) -> BriefDoc:
    """`doc` with no illustrative item anywhere."""
    chart = doc.chart and dataclasses.replace(
        doc.chart, series=tuple(dataclasses.replace(s, illustrative=False) for s in doc.chart.series)
    )
    return dataclasses.replace(
        doc,
        sentences=tuple(dataclasses.replace(s, illustrative=False) for s in doc.sentences),
        kpis=tuple(dataclasses.replace(k, illustrative=False) for k in doc.kpis),
        chart=chart,
    )


def test_same_content_gives_the_same_bytes_even_seconds_apart() -> None:
    doc = sample_doc("id")
    first = render_pdf(doc)
    render_pdf(sample_doc("en", "lines"))  # another document in between changes nothing
    time.sleep(2)
    assert render_pdf(doc) == first
    assert time.strftime("%Y%m%d").encode() not in first  # no creation date from the clock
    assert render_pdf(dataclasses.replace(doc, title="Lain")) != first
    assert rl_config.invariant == 0  # invariant mode was set for the document only


def test_same_bytes_in_another_process() -> None:
    """No dependence on string hashing or on what the process rendered before."""
    script = "import sys; from tests.pdf_samples import sample_doc; "
    script += "from kim_dash.outputs.pdf.render import render_pdf; "
    script += "sys.stdout.buffer.write(render_pdf(sample_doc('id')))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, check=True, timeout=60
    )
    assert other.stdout == render_pdf(sample_doc("id"))


def test_text_survives_in_the_pdf() -> None:
    with open(ROOT / "data/reference/kecamatan.csv", encoding="utf-8") as f:
        names = {row["name"] for row in csv.DictReader(f) if row["regency_code"] == "32.01"}
    doc = sample_doc("id")
    text = _text(render_pdf(doc))
    assert "Sebaran KIM per kecamatan" in text
    assert "Ada 136 KIM di 40 kecamatan; targetnya 150." in text
    assert "Jumlah KIM" in text and "136" in text
    assert "32.01.03" in text  # a table cell (Citeureup, the most KIM)
    in_table = {row[1] for row in doc.table.rows}
    chart_only = sorted(names - in_table)
    assert len(chart_only) == 25 and all(name in text for name in chart_only)
    assert "halaman 1 dari 2" in text and "halaman 2 dari 2" in text
    assert "(ilustratif)" in text


@pytest.mark.parametrize("flagged", ["sentence", "kpi", "series"])
def test_marker_word_appears_exactly_where_flagged(flagged: str) -> None:
    plain = _plain(sample_doc("en", "lines"))
    assert "illustrative" not in _text(render_pdf(plain)).lower()
    if flagged == "sentence":
        doc = dataclasses.replace(
            plain, sentences=(Sentence("Years are guesses.", True), *plain.sentences[1:])
        )
        expected = "Years are guesses. (illustrative)"
    elif flagged == "kpi":
        doc = dataclasses.replace(plain, kpis=(Kpi("Active", "87%", illustrative=True), *plain.kpis[1:]))
        expected = "87% (illustrative)"
    else:
        assert plain.chart is not None
        series = (plain.chart.series[0], dataclasses.replace(plain.chart.series[1], illustrative=True))
        doc = dataclasses.replace(plain, chart=dataclasses.replace(plain.chart, series=series))
        expected = f"{series[1].name} (illustrative)"
    text = _text(render_pdf(doc))
    assert expected in text and text.count("illustrative") == 1


HOSTILE = [
    "<b>x</b>",
    '<a href="https://example.org">klik</a>',
    "A & B &amp; <font size=40>besar</font>",
    "<para>Ö</para> <img src='/etc/passwd'/>",
    "]]> %PDF-1.4 (kurung) \\",
]


def test_hostile_strings_print_literally() -> None:
    chart = Chart(
        "bars",
        HOSTILE[1],
        tuple(HOSTILE),
        (Series(HOSTILE[2], (1.0, 2, 3, 4, 5), "#2E6F9E"),),
        value_label=HOSTILE[3],
        reference=2.0,
        reference_label=HOSTILE[4],
        legend=(("#C8553D", HOSTILE[0]),),
    )
    doc = BriefDoc(
        title=HOSTILE[0],
        subtitle=HOSTILE[1],
        settings=tuple(HOSTILE),
        data_date=HOSTILE[2],
        sentences=tuple(Sentence(h) for h in HOSTILE),
        kpis=tuple(Kpi(h, h, h) for h in HOSTILE),
        chart=chart,
        table=Table(("<th>", "&"), tuple((h, h) for h in HOSTILE), HOSTILE[3], HOSTILE[4]),
        sources=tuple(HOSTILE),
        notes=tuple(HOSTILE),
        illustrative_marker="<i>",
        footer="{x} {page} {0}",
    )
    data = render_pdf(doc)
    text = _squash(_text(data))
    for hostile in [*HOSTILE, "<th>"]:
        assert _squash(hostile) in text
    assert "{x}1{0}" in text  # the footer fills {page} only
    assert b"/URI" not in data and b"/Link" not in data


def test_characters_outside_the_font_fall_back_to_ascii() -> None:
    sentence = "Cakupan ≥ 50% – naik × 2 · “bagus” ’ — ≤ → Łódź Nguyễn Đà Nẵng ✓ 🟢 中文 e\u0301"
    text = _text(render_pdf(dataclasses.replace(sample_doc("id"), sentences=(Sentence(sentence),))))
    assert "Cakupan ≥ 50% – naik × 2 · “bagus” ’ — ≤ -> Łódz Nguyen Đà Nang v ? ?? é" in text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_every_character_after_fallback_is_in_the_font(text: str) -> None:
    safe = safe_text(text)
    drawable = [ord(c) in VERA and (c.isprintable() or c == "\xa0") for c in safe]
    assert all(drawable)
    if all(ord(c) in VERA and (c.isprintable() or c == "\xa0") for c in text) and unicodedata.is_normalized(
        "NFC", text
    ):
        assert safe == text  # drawable text is left alone


@settings(max_examples=15, deadline=None)
@given(st.text(max_size=60), st.text(max_size=30))
def test_any_text_renders(title: str, cell: str) -> None:
    doc = dataclasses.replace(
        sample_doc("id", "arrows"),
        title=title,
        sentences=(Sentence(title, True),),
        table=Table((cell,), ((cell,),)),
    )
    assert _pages(render_pdf(doc)) in (1, 2)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("kind", ["bars", "lines", "arrows"])
def test_typical_view_fits_in_two_pages(lang: str, kind: str) -> None:
    doc = sample_doc(lang, kind)
    assert (len(doc.sentences), len(doc.kpis), len(doc.table.rows), len(doc.table.columns)) == (4, 6, 15, 8)
    assert len(doc.notes) == 4 and (kind != "bars" or len(doc.chart.categories) == 40)
    assert 1 <= _pages(render_pdf(doc)) <= 2


def test_no_chart_and_no_table() -> None:
    doc = dataclasses.replace(sample_doc("en"), chart=None, table=None)
    text = _text(render_pdf(doc))
    assert _pages(render_pdf(doc)) == 1
    assert "KIM by kecamatan" in text and "Code" not in text and "Gunungputri" not in text
    bare = dataclasses.replace(doc, sentences=(), kpis=(), settings=(), sources=(), notes=(), subtitle="")
    assert "KIM by kecamatan" in _text(render_pdf(bare))


def test_numeric_columns_are_right_aligned_and_codes_are_not() -> None:
    doc = dataclasses.replace(
        sample_doc("id"), chart=None, table=Table(("Kode", "KIM", "Nama"), (("32.01.02", "1.234", "A"),))
    )
    page = PdfReader(io.BytesIO(render_pdf(doc))).pages[-1]
    left: dict[str, float] = {}
    # the last occurrence of each text: the table comes after the KPI cards
    page.extract_text(visitor_text=lambda t, cm, tm, *_: left.__setitem__(t.strip(), cm[4] + tm[4]))
    assert abs(left["32.01.02"] - left["Kode"]) < 0.5  # a code starts where its header starts
    assert abs(left["A"] - left["Nama"]) < 0.5
    # A number (and its header) ends at the column's right edge; the two differ in width.
    right_number = left["1.234"] + stringWidth("1.234", "KimVera", 7.5)
    right_header = left["KIM"] + stringWidth("KIM", "KimVera-Bold", 7.5)
    assert abs(left["1.234"] - left["KIM"]) > 3 and abs(right_number - right_header) < 0.5


def test_invalid_chart_content_is_refused() -> None:
    with pytest.raises(ValueError):
        Series("x", (1.0,), "red")
    with pytest.raises(ValueError):
        Chart("bars", "t", ("a", "b"), (Series("x", (1.0,), "#000000"),))
    with pytest.raises(ValueError):
        Chart("arrows", "t", ("a",), (Series("x", (1.0,), "#000000"),))
    nan = Chart("lines", "t", ("2015", "2016"), (Series("x", (float("nan"), float("inf")), "#000000"),))
    assert _pages(render_pdf(dataclasses.replace(sample_doc("id"), chart=nan))) >= 1


def test_samples_render(tmp_path: Path) -> None:
    written = write_samples(tmp_path)
    pdfs = [p for p in written if p.suffix == ".pdf"]
    assert len(pdfs) == 6 and all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
    if shutil.which("pdftoppm"):
        pngs = [p for p in written if p.suffix == ".png"]
        assert pngs and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_oversized_content_still_renders() -> None:
    big = "Sukamakmur " * 500
    names = tuple(f"{big[: i % 50]}{i}" for i in range(300))
    chart = Chart(
        "bars",
        big,
        names,
        (Series(big, tuple(float(i % 16) for i in range(300)), "#2E6F9E", True),),
        value_label=big,
        reference=3.75,
        reference_label=big,
        legend=(("#C8553D", big),),
    )
    doc = dataclasses.replace(
        sample_doc("id"),
        title=big,
        settings=(big,),
        kpis=(Kpi(big, big, big, True),) * 7,
        chart=chart,
        table=Table((big,) * 8, ((big,) * 8,) * 12, big, big),
        footer=big + "{page}",
    )
    data = render_pdf(doc)  # its time is measured in bench/, not asserted here
    assert _pages(data) > 2 and "(ilustratif)" in _text(data)


@settings(max_examples=100, deadline=None)
@given(st.integers(-(10**9), 10**9), st.sampled_from(["id", "en"]))
def test_locale_numbers_are_numeric_and_region_codes_are_not(n: int, lang: str) -> None:
    for cell in (fmt_int(n, lang), fmt_num(n / 7, lang, 2), fmt_pct(n / 1000, lang), "–"):
        assert numeric_columns(Table(("x",), ((cell,), (fmt_int(1, lang),)))) == [True], cell
    code = f"32.{abs(n) % 100:02d}.{abs(n) % 37:02d}"
    assert numeric_columns(Table(("Kode",), ((code,),))) == [False]
    assert numeric_columns(Table(("Nama",), (("Cibinong",), ("12",)))) == [False]
