"""The briefs of the pages as a reader gets them: whole words and codes, no on-screen hints, tables in a
meaningful order, each kecamatan's own target, and a file name that says which regency."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from kim_dash.cli import main
from kim_dash.outputs.pdf.render import Table, render_pdf
from kim_dash.outputs.pdf.table import column_widths
from kim_dash.outputs.pdf.views import BriefRequest, brief_file, brief_file_name, brief_pdf, build_doc
from tests.pdf_samples import sample_doc

WIDTH = 510.2  # the brief's text width (A4 less two 15 mm margins)


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _tokens(text: str) -> set[str]:
    return set(text.split())


def _table_only(dataset, request: BriefRequest) -> tuple[Table, str]:
    """The brief's table, and the text of a PDF holding only it (no chart labels to hide a broken word)."""
    doc = build_doc(dataset, request)
    bare = dataclasses.replace(doc, chart=None, kpis=(), sentences=(), sources=(), notes=(), settings=())
    assert doc.table is not None
    return doc.table, "\n".join(_pages(render_pdf(bare)))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_ranking_table_breaks_no_header_word_name_or_code(dataset, lang):
    table, text = _table_only(dataset, BriefRequest("ranking", lang, "32.01"))
    words = _tokens(text)
    expected = {
        "id": ["Peringkat", "Kode", "Jumlah", "KIM", "Pangsa", "nasional", "Kabupaten/kota", "Provinsi"],
        "en": ["Rank", "Code", "Number", "KIM", "National", "share", "Kabupaten/kota", "Province"],
    }[lang]
    assert [w for w in expected if w not in words] == []
    assert {"32.01", "16.01", "52.07", "33.75", "17.09", "100–199", "50–99"} <= words
    for broken in ("Pering\nkat", "Kod\ne", "Juml\nah", "Pangs\na", "52.\n07", "100–1\n99"):
        assert broken not in text
    # every word of every header and cell of the table is printed whole
    cells = [*table.columns, *(c for row in table.rows for c in row)]
    assert [w for c in cells for w in c.split() if w not in words] == []


def test_many_columns_shrink_the_font_rather_than_break_a_word():
    heads: tuple[str, ...] = ("Peringkat", "Kode", "Kabupaten/kota", "Provinsi", "Jumlah KIM", "Kelompok")
    heads += ("Pangsa nasional", "Sumber", "Keterangan", "Perubahan", "Persentase")
    row: tuple[str, ...] = ("12", "32.01.27", "Kabupaten Bogor", "Jawa Barat", "134", "100–199", "3,2%")
    row += ("terbit", "ilustratif", "+12", "45,6%")
    table = Table(heads, (row,) * 5)
    widths, size = column_widths(table, WIDTH, 300)
    assert size < 7.5 and abs(sum(widths) - WIDTH) < 0.01
    text = "\n".join(_pages(render_pdf(dataclasses.replace(sample_doc("id"), chart=None, table=table))))
    assert [w for c in (*heads, *row) for w in c.split() if w not in _tokens(text)] == []


@pytest.mark.parametrize(("lang", "all_words"), [("id", "semua kecamatan"), ("en", "all kecamatan")])
def test_no_on_screen_hint_in_the_kecamatan_brief(dataset, lang, all_words):
    text = " ".join(_pages(brief_pdf(dataset, BriefRequest("kecamatan", lang, "32.01"))))
    flat = " ".join(text.split()).lower()
    for hint in ("klik", "click", "untuk memilih", "to choose", "sentuh", "tap "):
        assert hint not in flat
    assert all_words in flat


def test_kecamatan_brief_titles_its_chart_and_ticks_each_kecamatan_target(dataset):
    doc = build_doc(dataset, BriefRequest("kecamatan", "id", "32.01"))
    chart = doc.chart
    assert chart is not None and chart.title == "KIM per kecamatan" and chart.title != doc.table.title
    assert chart.reference is None  # no single "target merata 3,75" line
    assert (
        set(chart.ticks) == {3.0, 4.0} and sum(t or 0 for t in chart.ticks) == 150
    )  # 150 over 40: ten 3s, thirty 4s
    assert chart.tick_label == "target kecamatan" and chart.hatch_label == "arsir = ilustratif"
    assert all(chart.marked)  # every Bogor row rests on sample rows: every bar hatched
    text = " ".join(" ".join(_pages(render_pdf(doc))).split())
    assert "target kecamatan" in text and "arsir = ilustratif" in text and "target merata" not in text
    en = build_doc(dataset, BriefRequest("kecamatan", "en", "32.01")).chart
    assert en.tick_label == "kecamatan's target" and en.hatch_label == "hatched = illustrative"


def test_ranking_chart_hatches_only_the_bars_from_sample_rows(dataset):
    chart = build_doc(dataset, BriefRequest("ranking", "id", "32.01")).chart
    published = [c for c, m in zip(chart.categories, chart.marked, strict=True) if not m]
    assert published == ["2. Kabupaten Bogor (fokus)"]  # kimkabbogor.id; the other 19 are sample rows
    # colours are the map's bands (one meaning per colour): the top 20 hold 50 to 175 KIM
    assert [label for _, label in chart.legend] == ["50–99", "100–199"]


def test_kecamatan_table_is_worst_first_and_whole(dataset):
    table = build_doc(dataset, BriefRequest("kecamatan", "id", "32.01")).table
    assert len(table.rows) == 40 and table.more_rows_note == ""  # all 40 fit on page 2
    names = [r[0] for r in table.rows]
    # the nine without KIM first, largest shortfall first (4 before 3), then below target, ... above
    assert names[:9] == [
        "Gunungputri",
        "Cariu",
        "Parung",
        "Kemang",
        "Pamijahan",
        "Tanjungsari",
        "Bojonggede",
        "Cijeruk",
        "Tajurhalang",
    ]
    status = [r[table.columns.index("Status")] for r in table.rows]
    order = ["tanpa KIM", "di bawah target", "sesuai target", "di atas target"]
    assert status == sorted(status, key=order.index)
    assert table.rows[-1][:2] == ("Cisarua", "15") and "lebih 11" in table.rows[-1]
    gap = [r[table.columns.index("Selisih ke target")] for r in table.rows]
    assert gap[0] == "kurang 4" and gap.count("pas") == 3  # words, as on screen


def test_home_brief_keeps_15_rows_and_says_how_many_more(dataset):
    table = build_doc(dataset, BriefRequest("home", "en", "32.01")).table
    assert len(table.rows) == 15 and table.rows[0][0] == "Gunungputri"
    assert table.more_rows_note == "25 more rows are in the table download (CSV/XLSX)."


def test_bandung_brief_shows_all_31_and_leaves_out_blank_columns(dataset):
    doc = build_doc(dataset, BriefRequest("kecamatan", "id", "32.04"))
    assert len(doc.table.rows) == 31 and "Cakupan desa" not in doc.table.columns
    assert set(doc.chart.ticks) == {1.0}  # a KIM in every kecamatan
    assert 1 <= len(_pages(render_pdf(doc))) <= 2


def test_ranking_and_plan_tables_are_sorted(dataset):
    ranking = build_doc(dataset, BriefRequest("ranking", "id", "32.01")).table
    ranks = [int(r[0]) for r in ranking.rows]
    assert ranks == sorted(ranks) and ranks[:3] == [1, 2, 3]
    assert ranking.more_rows_note.startswith("159 baris")
    plan = build_doc(dataset, BriefRequest("plan", "id", "32.01")).table
    new = [int(r[plan.columns.index("KIM baru")]) for r in plan.rows]
    assert new == sorted(new, reverse=True) and new[:2] == [2, 2]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_plan_table_heading_is_not_left_alone_at_a_page_foot(dataset, lang):
    title = {"id": "Rencana per kecamatan", "en": "Plan per kecamatan"}[lang]
    for text in _pages(brief_pdf(dataset, BriefRequest("plan", lang, "32.01"))):
        lines = text.splitlines()
        if title in lines:
            after = lines[lines.index(title) + 1 :]
            assert "Gunungputri" in after  # the header row and the first rows follow on the same page


def test_file_name_names_the_regency(dataset):
    assert brief_file(dataset, BriefRequest("kecamatan", "id", "32.01")) == (
        "ringkasan-kim-kecamatan-kabupaten-bogor-2016-12-20.pdf"
    )
    assert brief_file(dataset, BriefRequest("kecamatan", "en", "32.04")) == (
        "kim-brief-kecamatan-kabupaten-bandung-2019-04-11.pdf"
    )
    assert brief_file(dataset, BriefRequest("ranking", "id", "32.01")) == (
        "ringkasan-kim-peringkat-kabupaten-bogor-2014-12.pdf"
    )
    assert brief_file(dataset, BriefRequest("plan", "id", "32.01")).startswith(
        "ringkasan-kim-rencana-kabupaten-bogor-150-"
    )
    assert brief_file_name("home", "32.01", "Kabupaten Bogor", "32.01", "", "id") == (
        "ringkasan-kim-beranda-kabupaten-bogor-tanpa-tanggal.pdf"
    )
    chosen = brief_file_name("kecamatan", "32.01", "Kabupaten Bogor", "Caringin-Megamendung", "2016", "en")
    assert chosen == "kim-brief-kecamatan-kabupaten-bogor-caringin-megamendung-2016.pdf"


def test_cli_names_the_brief_as_the_app_does(tmp_path, dataset):
    assert (
        main(["brief", "--page", "kecamatan", "--regency", "Kabupaten Bandung", "--out", str(tmp_path)]) == 0
    )
    written = [p.name for p in tmp_path.iterdir()]
    assert written == ["ringkasan-kim-kecamatan-kabupaten-bandung-2019-04-11.pdf"]


def test_app_button_uses_the_same_name(monkeypatch, dataset):
    from kim_dash.ui import downloads
    from kim_dash.ui.page import Context

    seen: list[str] = []
    monkeypatch.setattr(downloads, "context", lambda: Context("id", dataset, "32.01"))
    monkeypatch.setattr(downloads.st, "download_button", lambda label, data, name, **_: seen.append(name))
    downloads.pdf_download(lambda: b"", "kecamatan", "semua", "2016-12-20", "id")
    downloads.pdf_download(lambda: b"", "home", "32.01", "2016-12-20", "en")
    assert seen == [
        "ringkasan-kim-kecamatan-kabupaten-bogor-2016-12-20.pdf",
        "kim-brief-home-kabupaten-bogor-2016-12-20.pdf",
    ]
    assert all(re.fullmatch(r"[a-z0-9-]+\.pdf", n) for n in seen)


def test_a_heading_always_starts_with_its_table_wherever_the_page_ends():
    """Sweep the table down page 1 one sentence (about 14 pt) at a time: the table's heading is never the
    last thing on a page, the first rows are always under it, and a split leaves no row alone."""
    base = sample_doc("id")
    title = base.table.title
    for n in range(20, 60):
        sentences = tuple(
            dataclasses.replace(base.sentences[1], text=f"{i}. " + "Kalimat. " * 10) for i in range(n)
        )
        doc = dataclasses.replace(base, chart=None, sentences=sentences)
        pages = _pages(render_pdf(doc))
        for text in pages:
            lines = [line.strip() for line in text.splitlines()]
            if title in lines:
                after = lines[lines.index(title) + 1 :]
                assert after[:1] == ["Kode"] and base.table.rows[0][0] in after, n
        # split or not, no page holds fewer than three of the table's rows (codes appear only there)
        per_page = [sum(row[0] in _tokens(text) for row in base.table.rows) for text in pages]
        assert sum(per_page) == len(base.table.rows) and all(k == 0 or k >= 3 for k in per_page), (
            n,
            per_page,
        )


def _filled_paths(data: bytes) -> list[str]:
    """The fill colour ("r g b" as written) of every even-odd filled and stroked polygon of pages 1-2."""
    found = []
    for page in PdfReader(io.BytesIO(data)).pages[:2]:
        stream = page.get_contents().get_data().decode("latin-1")
        blocks = re.findall(r"([\d.]+ [\d.]+ [\d.]+) rg\n([^q]*?)\bB\*", stream)
        found += [rgb for rgb, body in blocks if " m " in body and " c\n" not in body]  # polygons only
    return found


def _rg(hex_colour: str) -> tuple[float, ...]:
    return tuple(round(int(hex_colour[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_kecamatan_brief_draws_its_map_as_vector_paths_with_its_legend(dataset, lang):
    """One filled path per kecamatan in its status colour (counted against the kecamatan table, not the
    map code), the legend's four statuses and the key of kecamatan lettered on the map."""
    from kim_dash.i18n import t
    from kim_dash.model.coverage import kecamatan_table
    from kim_dash.model.regency import regency_data
    from kim_dash.outputs.palette import STATUS_HEX, STATUS_ORDER

    data = brief_pdf(dataset, BriefRequest("kecamatan", lang, "32.01"))
    fills = [tuple(round(float(v), 3) for v in rgb.split()) for rgb in _filled_paths(data)]
    table = kecamatan_table(regency_data(dataset, "32.01"))
    assert len(table) == 40
    for status in STATUS_ORDER:
        expected = int((table["status"] == status).sum())
        assert sum(1 for f in fills if f == _rg(STATUS_HEX[status])) == expected, status
    text = "\n".join(_pages(data))
    title = t("map.status_title", lang)
    assert title in text
    after_map = text[text.index(title) :]
    for status in STATUS_ORDER:
        assert t(f"status.{status}", lang) in after_map
    empty = table.loc[table["kim"] == 0, "name"]
    assert len(empty) == 9
    flat = " ".join(after_map.split())
    assert all(name in flat for name in empty)  # on the map or in its key


def test_the_plan_brief_maps_where_the_new_kim_go(dataset):
    from kim_dash.model.plan_request import PlanRequest, run_plan

    plan = run_plan(dataset, PlanRequest("32.01")).plan
    data = brief_pdf(dataset, BriefRequest("plan", "id", "32.01"))
    text = " ".join("\n".join(_pages(data)).split())
    assert "Peta: di mana KIM baru dibentuk" in text
    receiving = plan[plan["new"] > 0]
    assert sum(
        1 for f in _filled_paths(data) if tuple(round(float(v), 3) for v in f.split()) == _rg("#D9822B")
    ) == len(receiving)
    assert all(f"+{n}" in text for n in set(receiving["new"]))


def test_the_ranking_brief_maps_the_nation_by_band_and_zooms_to_a_chosen_province(dataset):
    """Every regency as a filled path in its band's colour (counted against the ranking table: 174 with
    KIM, the rest grey), the bands' legend and the illustrative note; Jawa Barat alone when chosen."""
    from kim_dash.model.ranking import RankingFilter, national_ranking
    from kim_dash.outputs.palette import BAND_HEX, NO_DATA_HEX

    ranking = national_ranking(dataset)
    data = brief_pdf(dataset, BriefRequest("ranking", "id", "32.01", focus="32.01"))
    fills = [tuple(round(float(v), 3) for v in rgb.split()) for rgb in _filled_paths(data)]
    for band, colour in BAND_HEX.items():  # (the legend's swatches are rectangles, not counted here)
        assert sum(1 for f in fills if f == _rg(colour)) == int((ranking["band"] == band).sum()), band
    assert sum(1 for f in fills if f == _rg(NO_DATA_HEX)) == 514 - len(ranking)
    text = " ".join("\n".join(_pages(data)).split())
    assert "Peta" in text and "tanpa KIM di tabel" in text and "Sebagian angka di peta ini ilustratif" in text
    zoomed = brief_pdf(dataset, BriefRequest("ranking", "id", "32.01", ranking=RankingFilter(("32",))))
    banded = [
        f for f in _filled_paths(zoomed) if tuple(round(float(v), 3) for v in f.split()) != _rg(NO_DATA_HEX)
    ]
    west_java = ranking[ranking["province_code"] == "32"]
    assert len(banded) == len(west_java)  # its regencies; the neighbours in view are grey


@pytest.mark.parametrize(("page", "regency"), [("kecamatan", "32.01"), ("plan", "32.04"), ("home", "32.01")])
def test_a_briefs_map_stays_inside_its_frame(dataset, page, regency):
    """A PDF drawing does not clip: every point of every area lies within the map (2 pt of slack for the
    cut's own edge), so no neighbour spills over the KPIs and the text (it once covered half a page)."""
    from kim_dash.outputs.pdf.views import build_doc

    picture = build_doc(dataset, BriefRequest(page, "id", regency)).map
    assert picture is not None
    points = [p for area in picture.areas for ring in area.rings for p in ring]  # type: ignore[attr-defined]
    assert len(points) > 100
    width, height = picture.width, picture.height  # type: ignore[attr-defined]
    assert all(-2.01 <= x <= width + 2.01 and -2.01 <= y <= height + 2.01 for x, y in points)
