"""kim_dash.sources.readers: good uploads read as typed; every hostile class refused with the right Problem."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kim_dash.i18n import LANGUAGES
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.readers import cell_text, read_table, sheet_names
from kim_dash.strings import STRINGS
from tests import sheet_files as sf

MAIN = sf.MAIN


def refused(raw: bytes, file: str, **kwargs) -> list[tuple]:
    """(reason, row, column, value, detail) of each problem; fails if the file is read."""
    with pytest.raises(DatasetError) as caught:
        read_table(raw, file, **kwargs)
    return [(p.reason, p.row, p.column, p.value, p.detail) for p in caught.value.problems]


def reason(raw: bytes, file: str, **kwargs) -> str:
    return refused(raw, file, **kwargs)[0][0]


# --- good files ---------------------------------------------------------------------------------


def test_semicolon_csv_from_indonesian_excel():
    raw = b"nama_kim;kecamatan;skor\r\nKIM A;Cibinong;1,5\r\n\r\n KIM B ;Citeureup;2\r\n"
    assert read_table(raw, "registri.csv") == [
        ["nama_kim", "kecamatan", "skor"],
        ["KIM A", "Cibinong", "1,5"],
        [],
        ["KIM B", "Citeureup", "2"],
    ]


def test_excel_unicode_text_is_utf16_with_tabs():
    raw = "\ufeffnama_kim\tkecamatan\r\nKIM Café\tCibinong\r\n".encode("utf-16-le")
    assert read_table(raw, "unicode.txt") == [["nama_kim", "kecamatan"], ["KIM Café", "Cibinong"]]
    no_bom = "nama\tkota\nKIM\tBogor\n".encode("utf-16-be")
    assert read_table(no_bom, "be.txt") == [["nama", "kota"], ["KIM", "Bogor"]]


def test_windows_1252_accents():
    raw = "nama;catatan\nKIM Café;façade – “baru”\n".encode("cp1252")
    assert read_table(raw, "cp.csv")[1] == ["KIM Café", "façade – “baru”"]


def test_quoted_fields_and_blank_rows_beyond_the_limit():
    assert read_table(b'a,b\n"c\nd",e\nf,"g ""h"""', "q.csv") == [["a", "b"], ["c\nd", "e"], ["f", 'g "h"']]
    raw = b"a\n" * 20_000 + b"\n" * 3_000  # blank rows past the limit are dropped, not refused
    assert len(read_table(raw, "blank.csv")) == 20_000


STYLES = (
    f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
    "</cellXfs></styleSheet>"
)


def test_xlsx_with_a_title_row_values_as_typed():
    serial = (dt.date(2016, 12, 20) - dt.date(1899, 12, 30)).days  # Excel's day count
    body = (
        f'<row r="1">{sf.cell("A1", "Daftar KIM Kabupaten Bogor")}</row>'
        f'<row r="3">{sf.cell("A3", "nama")}{sf.cell("B3", "tahun")}{sf.cell("C3", "skor")}'
        f"{sf.cell('D3', 'tanggal')}{sf.cell('E3', 'aktif')}{sf.cell('F3', 'cek')}{sf.cell('G3', 'waktu')}</row>"
        f'<row r="4">{sf.cell("A4", "  KIM A ")}<c r="B4"><v>2015</v></c><c r="C4"><v>0.1</v></c>'
        f'<c r="D4" s="1"><v>{serial}</v></c><c r="E4" t="b"><v>1</v></c><c r="F4" t="e"><v>#N/A</v></c>'
        f'<c r="G4" s="1"><v>{serial}.5</v></c></row>'
    )
    raw = sf.xlsx(sf.sheet_xml(body), extra={"xl/styles.xml": STYLES})
    assert read_table(raw, "judul.xlsx") == [
        ["Daftar KIM Kabupaten Bogor"],
        [],
        ["nama", "tahun", "skor", "tanggal", "aktif", "cek", "waktu"],
        ["KIM A", "2015", "0.1", "2016-12-20", "TRUE", "#N/A", "2016-12-20 12:00:00"],
    ]


def test_xlsx_rows_keep_their_numbers_when_data_starts_low():
    raw = sf.xlsx(sf.sheet_xml(f'<row r="3">{sf.cell("B3", "x")}</row><row r="5">{sf.cell("C5", 7)}</row>'))
    assert read_table(raw, "low.xlsx") == [[], [], ["", "x"], [], ["", "", "7"]]


def test_the_claimed_dimension_does_not_matter():
    raw = sf.xlsx(sf.sheet_xml([["nama", "tahun"], ["KIM A", 2015]], dimension="A1:XFD1048576"))
    assert len(raw) < 5_000
    assert read_table(raw, "dimension.xlsx") == [["nama", "tahun"], ["KIM A", "2015"]]


def test_bad_iso_date_cell_is_kept_as_text():
    raw = sf.xlsx(sf.sheet_xml('<row r="1"><c r="A1" t="d"><v>2024-13-45</v></c></row>'))
    assert read_table(raw, "date.xlsx") == [["2024-13-45"]]


def test_chart_sheet_first_reads_the_first_worksheet():
    raw = sf.xlsx({"Data": sf.sheet_xml([["a", 1]])}, charts=("Grafik",))
    assert read_table(raw, "chart.xlsx") == [["a", "1"]]
    assert sheet_names(raw, "chart.xlsx") == ["Data"]
    assert reason(raw, "chart.xlsx", sheet="Grafik") == "not_a_worksheet"
    only_chart = sf.xlsx({}, charts=("Grafik",))
    assert reason(only_chart, "chart.xlsx") == "no_worksheet"


def test_a_hidden_first_sheet_is_skipped_unless_asked_for():
    raw = sf.xlsx({"Daftar": sf.sheet_xml([["kode"]]), "Data": sf.sheet_xml([["nama"]])}, hidden=("Daftar",))
    assert read_table(raw, "h.xlsx") == [["nama"]]
    assert read_table(raw, "h.xlsx", sheet="Daftar") == [["kode"]]
    assert sheet_names(raw, "h.xlsx") == ["Daftar", "Data"]


def test_ods_with_two_sheets():
    raw = sf.ods(
        [
            sf.ods_table(
                "Registri", [["Daftar KIM"], [], ["nama", "tahun"], ["KIM Café", 2015], ["KIM B", 2.5]]
            ),
            sf.ods_table("Catatan", [["sumber"]]),
        ]
    )
    assert sheet_names(raw, "kim.ods") == ["Registri", "Catatan"]
    assert read_table(raw, "kim.ods") == [
        ["Daftar KIM"],
        [],
        ["nama", "tahun"],
        ["KIM Café", "2015"],
        ["KIM B", "2.5"],
    ]
    assert read_table(raw, "kim.ods", sheet="Catatan") == [["sumber"]]


def test_xls_fixture():
    raw = sf.xls_fixture()
    assert sheet_names(raw, "lama.xls") == ["Registri", "Catatan"]
    assert read_table(raw, "lama.xls") == [
        ["Daftar KIM Kabupaten Bogor"],
        [],
        ["nama_kim", "kecamatan", "tahun_dibentuk", "skor", "tanggal", "aktif"],
        ["KIM Café Literasi", "Cibinong", "2015", "7.5", "2016-12-20", "TRUE"],
        ["KIM Sukamaju", "Babakan Madang", "2012", "8", "2013-01-02", "FALSE"],
        ["KIM Spasi", "Citeureup", "2019", "0.1", "2020-02-29", "TRUE"],
    ]
    assert read_table(raw, "lama.xls", sheet="Catatan") == [["sumber: contoh"]]


def test_no_such_sheet_lists_the_sheets():
    raw = sf.xlsx({"Data": sf.sheet_xml([["a"]]), "Catatan {x}": sf.sheet_xml([["b"]])})
    assert refused(raw, "s.xlsx", sheet="Tidak ada") == [
        ("no_such_sheet", None, None, "Tidak ada", "Data, Catatan {x}")
    ]
    assert read_table(raw, "s.xlsx", sheet="Catatan {x}") == [["b"]]


# --- properties ---------------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), max_size=12)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(TEXT, min_size=1, max_size=6), min_size=1, max_size=12),
    st.sampled_from([";", ",", "\t"]),
)
def test_csv_reads_back_what_the_csv_module_wrote(table, delimiter):
    stream = io.StringIO()
    csv.writer(stream, delimiter=delimiter).writerows(table)
    expected = [[c.strip() for c in row] for row in table]
    for row in expected:
        while row and not row[-1]:
            row.pop()
    others = {";", ",", "\t"} - {delimiter}
    assume(any(expected) and not any(o in c for row in table for c in row for o in others))
    assert read_table(stream.getvalue().encode("utf-8"), "p.csv") == expected


@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(TEXT, st.integers(-(10**12), 10**12)), min_size=1, max_size=5),
        min_size=1,
        max_size=8,
    )
)
def test_xlsx_reads_back_the_cells_written(table):
    expected = [[c.strip() if isinstance(c, str) else str(c) for c in row] for row in table]
    for row in expected:
        while row and not row[-1]:
            row.pop()
    if not any(expected):
        return
    raw = sf.xlsx(sf.sheet_xml([[c for c in row] for row in table]))
    while expected and not expected[-1]:
        expected.pop()
    assert read_table(raw, "p.xlsx") == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_cell_text_of_a_float_reads_back_as_the_same_number(value):
    text = cell_text(value)
    assert float(text) == value
    assert not text.endswith(".0")
    if value.is_integer() and abs(value) < 1e16:
        assert text == str(int(value))


def test_cell_text_by_type():
    assert [cell_text(v) for v in (True, False, 12, 12.0, 1e20, math.pi, " x ", None)] == [
        "TRUE",
        "FALSE",
        "12",
        "12",
        "1e+20",
        "3.141592653589793",
        "x",
        "",
    ]
    assert cell_text(dt.datetime(2024, 2, 29, 0, 0)) == "2024-02-29"
    assert cell_text(dt.datetime(2024, 2, 29, 7, 5, 9, 500)) == "2024-02-29 07:05:09"
    assert cell_text(dt.date(2024, 2, 29)) == "2024-02-29"


def test_reason_keys_exist_in_both_languages():
    keys = {
        "too_many_rows",
        "too_many_columns",
        "too_many_cells",
        "too_much_text",
        "too_many_sheets",
        "cell_too_long",
        "control_character",
        "control_character_more",
        "unclosed_quote",
        "bad_spreadsheet",
        "read_limit",
        "no_such_sheet",
        "not_a_worksheet",
        "no_worksheet",
        "empty_sheet",
        "save_as_xlsx",
        "macros",
        "external_links",
        "password",
        "not_utf16",
        "binary_file",
        "zip_unsafe_path",
        "zip_duplicate",
        "zip_too_big",
        "zip_bomb",
        "zip_too_many",
        "zip_size_lie",
        "too_large",
        "not_text",
        "bad_zip",
        "unsupported",
        "empty_file",
    }
    for key in keys:
        assert set(STRINGS[f"problem.{key}"]) == set(LANGUAGES), key
