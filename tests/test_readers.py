"""kim_dash.readers: good uploads read as typed; every hostile class refused with the right Problem."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kim_dash.i18n import LANGUAGES
from kim_dash.problems import DatasetError
from kim_dash.readers import Budget, cell_text, check_zip, read_table, sheet_names
from kim_dash.strings import STRINGS
from tests import hostile_files as hf

MAIN = hf.MAIN
ROOT = Path(__file__).resolve().parents[1]


def refused(raw: bytes, file: str, **kwargs) -> list[tuple]:
    """(reason, row, column, value, detail) of each problem; fails if the file is read."""
    with pytest.raises(DatasetError) as caught:
        read_table(raw, file, **kwargs)
    return [(p.reason, p.row, p.column, p.value, p.detail) for p in caught.value.problems]


def reason(raw: bytes, file: str, **kwargs) -> str:
    return refused(raw, file, **kwargs)[0][0]


def rows_xml(count: int) -> str:
    """Rows without `r` attributes: positions come from counting, as calamine counts them."""
    return "".join(f"<row><c><v>{i}</v></c></row>" for i in range(count))


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
        f'<row r="1">{hf.cell("A1", "Daftar KIM Kabupaten Bogor")}</row>'
        f'<row r="3">{hf.cell("A3", "nama")}{hf.cell("B3", "tahun")}{hf.cell("C3", "skor")}'
        f"{hf.cell('D3', 'tanggal')}{hf.cell('E3', 'aktif')}{hf.cell('F3', 'cek')}{hf.cell('G3', 'waktu')}</row>"
        f'<row r="4">{hf.cell("A4", "  KIM A ")}<c r="B4"><v>2015</v></c><c r="C4"><v>0.1</v></c>'
        f'<c r="D4" s="1"><v>{serial}</v></c><c r="E4" t="b"><v>1</v></c><c r="F4" t="e"><v>#N/A</v></c>'
        f'<c r="G4" s="1"><v>{serial}.5</v></c></row>'
    )
    raw = hf.xlsx(hf.sheet_xml(body), extra={"xl/styles.xml": STYLES})
    assert read_table(raw, "judul.xlsx") == [
        ["Daftar KIM Kabupaten Bogor"],
        [],
        ["nama", "tahun", "skor", "tanggal", "aktif", "cek", "waktu"],
        ["KIM A", "2015", "0.1", "2016-12-20", "TRUE", "#N/A", "2016-12-20 12:00:00"],
    ]


def test_xlsx_rows_keep_their_numbers_when_data_starts_low():
    raw = hf.xlsx(hf.sheet_xml(f'<row r="3">{hf.cell("B3", "x")}</row><row r="5">{hf.cell("C5", 7)}</row>'))
    assert read_table(raw, "low.xlsx") == [[], [], ["", "x"], [], ["", "", "7"]]


def test_the_claimed_dimension_does_not_matter():
    raw = hf.xlsx(hf.sheet_xml([["nama", "tahun"], ["KIM A", 2015]], dimension="A1:XFD1048576"))
    assert len(raw) < 5_000
    assert read_table(raw, "dimension.xlsx") == [["nama", "tahun"], ["KIM A", "2015"]]


def test_bad_iso_date_cell_is_kept_as_text():
    raw = hf.xlsx(hf.sheet_xml('<row r="1"><c r="A1" t="d"><v>2024-13-45</v></c></row>'))
    assert read_table(raw, "date.xlsx") == [["2024-13-45"]]


def test_chart_sheet_first_reads_the_first_worksheet():
    raw = hf.xlsx({"Data": hf.sheet_xml([["a", 1]])}, charts=("Grafik",))
    assert read_table(raw, "chart.xlsx") == [["a", "1"]]
    assert sheet_names(raw, "chart.xlsx") == ["Data"]
    assert reason(raw, "chart.xlsx", sheet="Grafik") == "not_a_worksheet"
    only_chart = hf.xlsx({}, charts=("Grafik",))
    assert reason(only_chart, "chart.xlsx") == "no_worksheet"


def test_ods_with_two_sheets():
    raw = hf.ods(
        [
            hf.ods_table(
                "Registri", [["Daftar KIM"], [], ["nama", "tahun"], ["KIM Café", 2015], ["KIM B", 2.5]]
            ),
            hf.ods_table("Catatan", [["sumber"]]),
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
    raw = hf.xls_fixture()
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
    raw = hf.xlsx({"Data": hf.sheet_xml([["a"]]), "Catatan {x}": hf.sheet_xml([["b"]])})
    assert refused(raw, "s.xlsx", sheet="Tidak ada") == [
        ("no_such_sheet", None, None, "Tidak ada", "Data, Catatan {x}")
    ]
    assert read_table(raw, "s.xlsx", sheet="Catatan {x}") == [["b"]]


# --- size and shape bombs -----------------------------------------------------------------------


def test_a_million_rows_stops_at_the_first_row_past_the_limit():
    raw = hf.xlsx(hf.sheet_xml(rows_xml(1_000_000)), level=9)
    assert len(raw) < 5 * 1024 * 1024
    assert refused(raw, "million.xlsx") == [("too_many_rows", 20_001, None, "20000", "")]


def test_far_cells_are_refused_at_their_address():
    far_column = hf.xlsx(hf.sheet_xml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'))
    assert refused(far_column, "c.xlsx")[0][:3] == ("too_many_columns", 1, "XFD")
    far_row = hf.xlsx(hf.sheet_xml('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'))
    assert refused(far_row, "r.xlsx")[0][:2] == ("too_many_rows", 1_048_576)


def test_wide_csv_header_is_refused_on_row_1():
    raw = (";".join(f"kolom{i}" for i in range(400_000)) + "\n1;2\n").encode()
    assert refused(raw, "lebar.csv") == [("too_many_columns", 1, "BI", "60", "400000")]


def test_budgets_are_parameters():
    small = Budget(max_rows=3, max_columns=2, max_cell_chars=5)
    table = hf.xlsx(hf.sheet_xml([["a"], ["b"], ["c"], ["d"]]))
    assert refused(table, "t.xlsx", budget=small)[0][:2] == ("too_many_rows", 4)
    assert refused(b"a,b,c\n", "t.csv", budget=small)[0][:3] == ("too_many_columns", 1, "C")
    assert refused(b"a,bbbbbb\n", "t.csv", budget=small)[0][:4] == ("cell_too_long", 1, "B", "bbbbbb…")
    assert refused(b"x" * 101, "t.csv", budget=Budget(max_bytes=100))[0][0] == "too_large"


def test_shared_strings_claiming_10_to_the_14():
    sst = f'<sst xmlns="{MAIN}" uniqueCount="100000000000000"><si><t>x</t></si></sst>'
    raw = hf.xlsx(hf.sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared=sst)
    assert reason(raw, "sst.xlsx") == "too_many_cells"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            '<table:table-row table:number-rows-repeated="1000000">{cell}</table:table-row>',
            ("too_many_rows", 20_001),
        ),
        (
            '<table:table-row><table:table-cell office:value-type="float" office:value="1" '
            'table:number-columns-repeated="16384"/></table:table-row>',
            ("too_many_columns", 1),
        ),
        (
            '<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>'
            "</text:p></table:table-cell></table:table-row>",
            ("cell_too_long", 1),
        ),
    ],
)
def test_ods_repeats_are_counted_not_built(row, expected):
    raw = hf.ods(hf.ods_table("S", row.format(cell=hf.ods_cell(1))))
    assert refused(raw, "bom.ods")[0][:2] == expected


def test_ods_budget_covers_every_sheet():
    full = '<table:table-row table:number-rows-repeated="19999">' + hf.ods_cell(1, 60) + "</table:table-row>"
    raw = hf.ods([hf.ods_table(f"S{i}", full) for i in range(2)])
    assert reason(raw, "dua.ods", sheet="S0") == "too_many_cells"


def test_ods_trailing_empty_repeats_are_fine():
    row = '<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    raw = hf.ods(
        hf.ods_table(
            "S", "<table:table-row>" + hf.ods_cell("a") + hf.ods_cell("", 16383) + "</table:table-row>" + row
        )
    )
    assert read_table(raw, "libre.ods") == [["a"]]


@pytest.mark.parametrize("name", ["far.xls", "farther.xls"])
def test_xls_that_would_take_the_server_down(name):
    raw = hf.xls_fixture("far.xls")
    if name == "farther.xls":
        raw = hf.patch_xls_column(raw)  # in-process, calamine aborts the interpreter here
    assert len(raw) < 6_000
    assert reason(raw, name) == "read_limit"
    with pytest.raises(DatasetError):
        sheet_names(raw, name)


# --- broken spreadsheets: Problems, never tracebacks --------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (hf.xlsx(hf.sheet_xml([["a"]]).replace("</sheetData>", "<sheetData>")), "mismatched tag"),
        (hf.xlsx(hf.sheet_xml([["a"]]), drop=("xl/worksheets/sheet1.xml",)), "missing part"),
        (
            hf.xlsx(hf.sheet_xml('<row r="1"><c r="A1" t="s"><v>5</v></c></row>'), shared=["x"]),
            "shared strings",
        ),
        (hf.xlsx(hf.sheet_xml('<row r="1"><c r="A1" t="n"><v>abc</v></c></row>')), "float"),
        (hf.xlsx(hf.sheet_xml('<row r="1"><c r="A0"><v>1</v></c></row>')), "cell reference"),
        (hf.xlsx('<!DOCTYPE x [<!ENTITY a "aaaa">]>' + hf.sheet_xml([["&a;"]]).split("?>", 1)[1]), "DOCTYPE"),
    ],
    ids=["corrupt-xml", "missing-part", "string-index", "not-a-number", "row-zero", "doctype"],
)
def test_broken_xlsx_is_a_bad_spreadsheet(raw, expected):
    (problem,) = refused(raw, "rusak.xlsx")
    assert problem[0] == "bad_spreadsheet"
    assert expected in problem[4]
    assert str(ROOT) not in problem[4] and "site-packages" not in problem[4] and "Traceback" not in problem[4]


def test_empty_sheets():
    assert refused(hf.xlsx(hf.sheet_xml("")), "e.xlsx") == [("empty_sheet", None, None, "Sheet1", "")]
    assert reason(hf.ods(hf.ods_table("Kosong", "")), "e.ods") == "empty_sheet"
    assert reason(b"  \r\n\r\n", "e.csv") == "empty_file"


def test_control_characters_name_row_and_column():
    raw = hf.xlsx(hf.sheet_xml('<row r="2"><c r="C2" t="s"><v>0</v></c></row>'), shared=["a_x0007_b"])
    assert refused(raw, "ctl.xlsx") == [("control_character", 2, "C", "a\\x07b", "")]
    many = "".join(f"r{i}\x01;ok\n" for i in range(25)).encode()
    problems = refused(many, "ctl.csv")
    assert len(problems) == 21
    assert problems[0] == ("control_character", 1, "A", "r0\\x01", "")
    assert problems[-1] == ("control_character_more", None, None, "5", "")


def test_unclosed_quote_is_reported_where_it_opens():
    assert refused(b'a,b\nc,d\n"e,f\ng,h\ni,j\n', "q.csv") == [("unclosed_quote", 3, None, None, "")]
    assert refused(b'a,b\nc,d\n"e,f', "q.csv")[0][:2] == ("unclosed_quote", 3)
    long_open = b'a,b\n"c,d\n' + b"x,y\n" * 40_000  # runs past the csv module's field limit
    assert refused(long_open, "q.csv")[0][:2] == ("unclosed_quote", 2)


@pytest.mark.parametrize(
    ("raw", "name", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"x" * 50, "foto.csv", ("not_text", "PNG")),
        (b"PK\x03\x04" + b"x" * 50, "nyamar.csv", ("not_text", "ZIP/XLSX")),
        (b"a,b\n\x00\x01,c\n", "biner.csv", ("binary_file", "")),
        (b"\xff\xfea\x00b", "ganjil.txt", ("not_utf16", "4")),
    ],
)
def test_binaries_named_csv(raw, name, expected):
    problem = refused(raw, name)[0]
    assert (problem[0], problem[4]) == expected


@pytest.mark.parametrize("extension", ["xlsm", "xlsb", "numbers", "ots"])
def test_other_spreadsheets_get_the_save_as_how_to(extension):
    assert refused(b"whatever", f"data.{extension}") == [("save_as_xlsx", None, None, extension, "")]
    message = DatasetError([]).problems  # the how-to is in both languages
    assert message == [] and "xlsx" in STRINGS["problem.save_as_xlsx"]["id"]


def test_spreadsheet_names_with_other_content():
    assert reason(b"<html><table><tr><td>1</td></tr></table></html>", "laporan.xls") == "save_as_xlsx"
    assert reason(b"%PDF-1.4", "laporan.pdf") == "unsupported"


def test_macros_links_and_passwords():
    assert reason(hf.xlsx(hf.sheet_xml([["a"]]), extra={"xl/vbaProject.bin": b"\x00"}), "m.xlsx") == "macros"
    links = {"xl/externalLinks/externalLink1.xml": "<externalLink/>"}
    assert reason(hf.xlsx(hf.sheet_xml([["a"]]), extra=links), "l.xlsx") == "external_links"
    assert (
        reason(hf.ods(hf.ods_table("S", [["a"]]), extra={"Basic/Standard/Module1.xml": "x"}), "m.ods")
        == "macros"
    )
    ole = hf.xls_fixture()[:512] + "EncryptedPackage".encode("utf-16-le")
    assert reason(ole, "rahasia.xlsx") == "password"


# --- ZIP containers -----------------------------------------------------------------------------


def test_check_zip_refusals():
    good = hf.xlsx(hf.sheet_xml([["a"]]))
    assert check_zip(good, "ok.xlsx").namelist()
    cases = {
        "zip_unsafe_path": hf.pack({"../../etc/evil": "x"}),
        "zip_duplicate": hf.pack({"a.shp": "x", "A.SHP": "y"}),
        "zip_bomb": hf.pack({"zero.xml": b"\x00" * 20_000_000}, level=9),
        "bad_zip": b"PK\x03\x04 not really",
    }
    for expected, raw in cases.items():
        with pytest.raises(DatasetError) as caught:
            check_zip(raw, "arsip.zip")
        assert caught.value.problems[0].reason == expected
    with pytest.raises(DatasetError) as caught:
        check_zip(good, "ok.xlsx", Budget(max_unzipped_bytes=500))
    assert caught.value.problems[0].reason == "zip_too_big"


def test_a_member_that_lies_about_its_size():
    raw = hf.xlsx(hf.sheet_xml(rows_xml(50_000)))
    liar = hf.lie_about_size(raw, "xl/worksheets/sheet1.xml", 200)
    assert refused(liar, "bohong.xlsx") == [("zip_size_lie", None, None, "xl/worksheets/sheet1.xml", "")]


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
    raw = hf.xlsx(hf.sheet_xml([[c for c in row] for row in table]))
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
        "TRUE", "FALSE", "12", "12", "1e+20", "3.141592653589793", "x", "",
    ]  # fmt: skip
    assert cell_text(dt.datetime(2024, 2, 29, 0, 0)) == "2024-02-29"
    assert cell_text(dt.datetime(2024, 2, 29, 7, 5, 9, 500)) == "2024-02-29 07:05:09"
    assert cell_text(dt.date(2024, 2, 29)) == "2024-02-29"


def test_reason_keys_exist_in_both_languages():
    keys = {
        "too_many_rows", "too_many_columns", "too_many_cells", "too_much_text", "too_many_sheets",
        "cell_too_long", "control_character", "control_character_more", "unclosed_quote",
        "bad_spreadsheet", "read_limit", "no_such_sheet", "not_a_worksheet", "no_worksheet",
        "empty_sheet", "save_as_xlsx", "macros", "external_links", "password", "not_utf16",
        "binary_file", "zip_unsafe_path", "zip_duplicate", "zip_too_big", "zip_bomb", "zip_too_many",
        "zip_size_lie", "too_large", "not_text", "bad_zip", "unsupported", "empty_file",
    }  # fmt: skip
    for key in keys:
        assert set(STRINGS[f"problem.{key}"]) == set(LANGUAGES), key


# --- fuzzing ------------------------------------------------------------------------------------


def test_fuzzed_uploads_give_rows_or_problems_and_nothing_else():
    """1,000 hostile and mutated files through read_table and sheet_names: a result or a
    DatasetError, never another exception (threads: most time is spent waiting for the child)."""

    def outcome(case: tuple[str, bytes]) -> tuple[str, str]:
        name, raw = case
        results = []
        for read in (read_table, sheet_names):
            try:
                read(raw, name)
                results.append("read")
            except DatasetError as err:
                assert err.problems and all(p.reason for p in err.problems)
                results.append("refused")
        return results[0], results[1]

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(outcome, hf.cases(seed=20_240_229, n=1_000)))
    counts = Counter(o for pair in outcomes for o in pair)
    assert len(outcomes) == 1_000
    assert counts["read"] > 50 and counts["refused"] > 50, counts
