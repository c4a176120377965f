"""kim_dash.sources.readers: every class of hostile upload refused with the right Problem, in bounded time."""

from __future__ import annotations

from pathlib import Path

import pytest

from kim_dash.i18n import LANGUAGES
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.readers import Budget, check_zip, read_table, sheet_names
from kim_dash.strings import STRINGS
from tests import sheet_files as sf

MAIN = sf.MAIN
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


# --- size and shape bombs -----------------------------------------------------------------------


def test_a_million_rows_stops_at_the_first_row_past_the_limit():
    raw = sf.xlsx(sf.sheet_xml(rows_xml(1_000_000)), level=9)
    assert len(raw) < 5 * 1024 * 1024
    assert refused(raw, "million.xlsx") == [("too_many_rows", 20_001, None, "20000", "")]


def test_far_cells_are_refused_at_their_address():
    far_column = sf.xlsx(sf.sheet_xml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'))
    assert refused(far_column, "c.xlsx")[0][:3] == ("too_many_columns", 1, "XFD")
    far_row = sf.xlsx(sf.sheet_xml('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'))
    assert refused(far_row, "r.xlsx")[0][:2] == ("too_many_rows", 1_048_576)


def test_wide_csv_header_is_refused_on_row_1():
    raw = (";".join(f"kolom{i}" for i in range(400_000)) + "\n1;2\n").encode()
    assert refused(raw, "lebar.csv") == [("too_many_columns", 1, "BI", "60", "400000")]


def test_budgets_are_parameters():
    small = Budget(max_rows=3, max_columns=2, max_cell_chars=5)
    table = sf.xlsx(sf.sheet_xml([["a"], ["b"], ["c"], ["d"]]))
    assert refused(table, "t.xlsx", budget=small)[0][:2] == ("too_many_rows", 4)
    assert refused(b"a,b,c\n", "t.csv", budget=small)[0][:3] == ("too_many_columns", 1, "C")
    assert refused(b"a,bbbbbb\n", "t.csv", budget=small)[0][:4] == ("cell_too_long", 1, "B", "bbbbbb…")
    assert refused(b"x" * 101, "t.csv", budget=Budget(max_bytes=100))[0][0] == "too_large"


def test_shared_strings_claiming_10_to_the_14():
    sst = f'<sst xmlns="{MAIN}" uniqueCount="100000000000000"><si><t>x</t></si></sst>'
    raw = sf.xlsx(sf.sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared=sst)
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
    raw = sf.ods(sf.ods_table("S", row.format(cell=sf.ods_cell(1))))
    assert refused(raw, "bom.ods")[0][:2] == expected


def test_ods_budget_covers_every_sheet():
    full = '<table:table-row table:number-rows-repeated="19999">' + sf.ods_cell(1, 60) + "</table:table-row>"
    raw = sf.ods([sf.ods_table(f"S{i}", full) for i in range(2)])
    assert reason(raw, "dua.ods", sheet="S0") == "too_many_cells"


def test_ods_trailing_empty_repeats_are_fine():
    row = '<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'  # noqa: E501 - one XML or table line reads best whole
    raw = sf.ods(
        sf.ods_table(
            "S", "<table:table-row>" + sf.ods_cell("a") + sf.ods_cell("", 16383) + "</table:table-row>" + row
        )
    )
    assert read_table(raw, "libre.ods") == [["a"]]


@pytest.mark.parametrize("name", ["far.xls", "farther.xls", "loop.xls"])
def test_xls_that_would_take_the_server_down(name):
    """In-process, calamine takes 1 GB (far), aborts the interpreter (farther: a 137 GB request)
    or loops growing without end (loop): in the sandbox child each is one refused upload."""
    raw = sf.xls_fixture("far.xls")
    if name == "farther.xls":
        raw = sf.patch_xls_column(raw)
    elif name == "loop.xls":
        raw = sf.loop_xls_difat(sf.xls_fixture())
    assert len(raw) < 6_000
    assert reason(raw, name) == "read_limit"
    with pytest.raises(DatasetError):
        sheet_names(raw, name)


# --- broken spreadsheets: Problems, never tracebacks --------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (sf.xlsx(sf.sheet_xml([["a"]]).replace("</sheetData>", "<sheetData>")), "mismatched tag"),
        (sf.xlsx(sf.sheet_xml([["a"]]), drop=("xl/worksheets/sheet1.xml",)), "missing part"),
        (
            sf.xlsx(sf.sheet_xml('<row r="1"><c r="A1" t="s"><v>5</v></c></row>'), shared=["x"]),
            "shared strings",
        ),
        (sf.xlsx(sf.sheet_xml('<row r="1"><c r="A1" t="n"><v>abc</v></c></row>')), "float"),
        (sf.xlsx(sf.sheet_xml('<row r="1"><c r="A0"><v>1</v></c></row>')), "cell reference"),
        (sf.xlsx('<!DOCTYPE x [<!ENTITY a "aaaa">]>' + sf.sheet_xml([["&a;"]]).split("?>", 1)[1]), "DOCTYPE"),
    ],
    ids=["corrupt-xml", "missing-part", "string-index", "not-a-number", "row-zero", "doctype"],
)
def test_broken_xlsx_is_a_bad_spreadsheet(raw, expected):
    (problem,) = refused(raw, "rusak.xlsx")
    assert problem[0] == "bad_spreadsheet"
    assert expected in problem[4]
    assert str(ROOT) not in problem[4] and "site-packages" not in problem[4] and "Traceback" not in problem[4]


def test_empty_sheets():
    assert refused(sf.xlsx(sf.sheet_xml("")), "e.xlsx") == [("empty_sheet", None, None, "Sheet1", "")]
    assert reason(sf.ods(sf.ods_table("Kosong", "")), "e.ods") == "empty_sheet"
    assert reason(b"  \r\n\r\n", "e.csv") == "empty_file"


def test_control_characters_name_row_and_column():
    raw = sf.xlsx(sf.sheet_xml('<row r="2"><c r="C2" t="s"><v>0</v></c></row>'), shared=["a_x0007_b"])
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
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"x" * 50, "program.csv", ("not_text", "EXE")),
        (b"GIF89a\x10\x00\x10\x00\x80\x00\x00" + b"x" * 50, "gambar.csv", ("not_text", "GIF")),
        (b"a,b\n\x00\x01,c\n", "biner.csv", ("binary_file", "")),
        (b"\xff\xfea\x00b", "ganjil.txt", ("not_utf16", "4")),
    ],
)
def test_binaries_named_csv(raw, name, expected):
    problem = refused(raw, name)[0]
    assert (problem[0], problem[4]) == expected


def test_a_table_whose_first_cell_begins_like_a_binary_is_read():
    """'MZ', 'GIF8', 'Rar!' are two to four letters a name can begin with (found by hypothesis: a CSV
    of one cell "MZ" was refused as an EXE); a binary has control bytes right after them."""
    assert read_table(b"MZ;Rar!\nGIF89a;x\n", "huruf.csv") == [["MZ", "Rar!"], ["GIF89a", "x"]]


@pytest.mark.parametrize("extension", ["xlsm", "xlsb", "numbers", "ots"])
def test_other_spreadsheets_get_the_save_as_how_to(extension):
    assert refused(b"whatever", f"data.{extension}") == [("save_as_xlsx", None, None, extension, "")]
    assert all("(*.xlsx)" in STRINGS["problem.save_as_xlsx"][lang] for lang in LANGUAGES)


def test_spreadsheet_names_with_other_content():
    assert (
        reason(b"<html><table><tr><td>1</td></tr></table></html>", "laporan.xls") == "not_spreadsheet"
    )  # an HTML page saved as .xls (old web exports)
    assert reason(b"%PDF-1.4", "laporan.pdf") == "unsupported"


def test_macros_links_and_passwords():
    assert reason(sf.xlsx(sf.sheet_xml([["a"]]), extra={"xl/vbaProject.bin": b"\x00"}), "m.xlsx") == "macros"
    links = {"xl/externalLinks/externalLink1.xml": "<externalLink/>"}
    assert reason(sf.xlsx(sf.sheet_xml([["a"]]), extra=links), "l.xlsx") == "external_links"
    assert (
        reason(sf.ods(sf.ods_table("S", [["a"]]), extra={"Basic/Standard/Module1.xml": "x"}), "m.ods")
        == "macros"
    )
    ole = sf.xls_fixture()[:512] + "EncryptedPackage".encode("utf-16-le")
    assert reason(ole, "rahasia.xlsx") == "password"


# --- ZIP containers -----------------------------------------------------------------------------


def test_check_zip_refusals():
    good = sf.xlsx(sf.sheet_xml([["a"]]))
    assert check_zip(good, "ok.xlsx").namelist()
    cases = {
        "zip_unsafe_path": sf.pack({"../../etc/evil": "x"}),
        "zip_duplicate": sf.pack({"a.shp": "x", "A.SHP": "y"}),
        "zip_bomb": sf.pack({"zero.xml": b"\x00" * 20_000_000}, level=9),
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
    raw = sf.xlsx(sf.sheet_xml(rows_xml(50_000)))
    liar = sf.lie_about_size(raw, "xl/worksheets/sheet1.xml", 200)
    assert refused(liar, "bohong.xlsx") == [("zip_size_lie", None, None, "xl/worksheets/sheet1.xml", "")]
