"""Uploads: real-world-shaped bad files give exact problems, nothing raises, data/ never changes."""

import datetime
import io
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim_dash.outputs.writers import to_csv_bytes
from kim_dash.sources.readers import DEFAULT_BUDGET
from kim_dash.sources.upload import ingest, template

from .conftest import data_digest

HEADER = "nama_kim;kecamatan;desa;tahun_dibentuk;status;bidang"
GOOD_ROWS = [
    "KIM Bojongkulur;Gunung Putri;Bojongkulur;2018;aktif;pendidikan, seni budaya",
    "KIM Cipayung Girang;Megamendung;Cipayung Girang;2019;Aktif;pertanian",
]


@pytest.fixture(autouse=True)
def data_untouched():
    before = data_digest()
    yield
    assert data_digest() == before, "an upload must never change data/"


def _csv(*lines: str, encoding: str = "utf-8", bom: bool = False) -> bytes:
    raw = ("\r\n".join(lines) + "\r\n").encode(encoding)
    return (b"\xef\xbb\xbf" + raw) if bom else raw


def test_semicolon_bom_indonesian_headers_and_names(geography):
    result = ingest(_csv(HEADER, *GOOD_ROWS, bom=True), "registri.csv", geography)
    assert result.problems == [] and result.kind == "registry"
    frame = result.frame
    assert frame["kecamatan_code"].tolist() == ["32.01.02", "32.01.26"]
    assert frame["desa_code"].str.startswith(("32.01.02.", "32.01.26.")).all()
    assert frame["fields"].tolist() == ["pendidikan;seni budaya", "pertanian"]
    assert frame["status"].tolist() == ["aktif", "aktif"]
    assert frame["source"].tolist() == ["published:registri.csv"] * 2
    assert frame["id"].tolist() == ["ROW-0001", "ROW-0002"]


def test_windows_1252_accents(geography):
    raw = _csv(HEADER, "KIM Harapan Sejahtéra;Cibinong;Pakansari;2017;aktif;", encoding="cp1252")
    result = ingest(raw, "registri.csv", geography)
    assert result.problems == []
    assert result.frame["name"].tolist() == ["KIM Harapan Sejahtéra"]


def test_title_row_above_header_and_blank_columns(geography):
    raw = _csv(
        "DAFTAR KIM KABUPATEN BOGOR TAHUN 2025;;;;;;;",
        ";;;;;;;",
        "nama_kim;;kecamatan;desa;;tahun_dibentuk;status;bidang",
        "KIM Bojongkulur;;Gunung Putri;Bojongkulur;;2018;aktif;",
        "KIM X;;Cibinong;Pakansarii;;2018;aktif;",
    )
    result = ingest(raw, "registri.csv", geography)
    # header is spreadsheet row 3, records rows 4 and 5: the misspelt desa is on row 5
    assert [(p.row, p.column, p.value, p.reason) for p in result.problems] == [
        (5, "desa_code", "Pakansarii", "unknown_desa")
    ]
    assert result.problems[0].detail == "Pakansari"  # "did you mean Pakansari?"
    assert (
        result.valid_rows is not None
        and len(result.valid_rows) == 1
        and result.rejected_rows["row"].tolist() == [5]
    )


def test_duplicate_ids_and_unknown_misspelt_kecamatan(geography):
    raw = _csv(
        "id,nama,kecamatan,desa,tahun,status",
        "A1,KIM Satu,Gunungputrii,Bojongkulur,2018,aktif",
        "A1,KIM Dua,Atlantis,Sukamaju,2018,aktif",
        "A2,KIM Tiga,Cibinong,Pakansari,1800,hidup",
    )
    result = ingest(raw, "r.csv", geography)
    assert [(p.row, p.column, p.value, p.reason, p.detail) for p in result.problems] == [
        (2, "id", "A1", "duplicate", ""),
        (2, "kecamatan_code", "Gunungputrii", "unknown_kecamatan", "Gunungputri"),
        (3, "id", "A1", "duplicate", ""),
        (3, "kecamatan_code", "Atlantis", "unknown_kecamatan", ""),
        (4, "status", "hidup", "not_allowed", "aktif, kurang aktif, tidak aktif"),
        (4, "year_formed", "1800", "bad_year", f"1980–{datetime.date.today().year}"),
    ]
    assert "maksud Anda Gunungputri?" in next(
        p for p in result.problems if p.row == 2 and p.column == "kecamatan_code"
    ).message("id")


def test_formula_payloads_pass_validation_but_leave_neutralised(geography):
    raw = _csv(
        HEADER,
        '=HYPERLINK("http://x");Cibinong;Pakansari;2018;aktif;',
        "@SUM(1);Cibinong;Pakansari;2018;aktif;",
    )
    result = ingest(raw, "r.csv", geography)
    assert result.problems == []
    back = pd.read_csv(io.BytesIO(to_csv_bytes(result.frame)), encoding="utf-8-sig", dtype=str)
    assert back["name"].tolist() == ['\'=HYPERLINK("http://x")', "'@SUM(1)"]


def test_oversized_file(geography):
    raw = _csv(HEADER) + b"x" * (DEFAULT_BUDGET.max_bytes + 1)
    (problem,) = ingest(raw, "big.csv", geography).problems
    assert problem.reason == "too_large" and "5 MB" in problem.message("en")


def test_renamed_binary(geography):
    (problem,) = ingest(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "registri.csv", geography).problems
    assert problem.reason == "not_text" and "PDF" in problem.message("en")
    (problem,) = ingest(b"\x00\x01\x02" * 100, "registri.csv", geography).problems
    assert problem.reason == "binary_file"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_xlsx_with_traversal_paths_macros_or_links(geography):
    (p1,) = ingest(_zip({"../../evil.txt": b"x"}), "r.xlsx", geography).problems
    assert p1.reason == "zip_unsafe_path" and "../../evil.txt" in p1.message("en")
    (p2,) = ingest(_zip({"xl/vbaProject.bin": b"x"}), "r.xlsx", geography).problems
    assert p2.reason == "macros" and "macros" in p2.message("en")
    (p3,) = ingest(_zip({"xl/externalLinks/externalLink1.xml": b"x"}), "r.xlsx", geography).problems
    assert p3.reason == "external_links"
    (p4,) = ingest(b"not a zip at all", "r.xlsx", geography).problems
    assert p4.reason == "not_spreadsheet" and "Save As .xlsx" in p4.message("en")
    (p5,) = ingest(b"x", "r.xlsm", geography).problems
    assert p5.reason == "save_as_xlsx"


def test_xlsx_with_title_row_and_chosen_sheet(geography):
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame({"a": ["ignore me"]}).to_excel(writer, sheet_name="Catatan", index=False)
        body = pd.DataFrame(
            [["KIM Bojongkulur", "Gunung Putri", "Bojongkulur", 2018, "aktif"]],
            columns=["Nama KIM", "Kecamatan", "Desa", "Tahun Dibentuk", "Status"],
        )
        body.to_excel(writer, sheet_name="Registri", index=False, startrow=2)
        writer.book["Registri"]["A1"] = "Registri KIM 2025"
    result = ingest(buffer.getvalue(), "r.xlsx", geography, sheet="Registri")
    assert result.problems == [] and result.frame["kecamatan_code"].tolist() == ["32.01.02"]
    assert result.frame["year_formed"].tolist() == [2018]


def test_manual_mapping(geography):
    raw = _csv("judul;wilayah;kampung;thn;keadaan", "KIM Q;Cibinong;Pakansari;2018;aktif")
    first = ingest(raw, "r.csv", geography, kind="registry")
    assert {p.value for p in first.problems if p.reason == "missing_column"} >= {"name", "kecamatan_code"}
    mapping = {
        "judul": "name",
        "wilayah": "kecamatan_code",
        "kampung": "desa_code",
        "thn": "year_formed",
        "keadaan": "status",
    }
    assert ingest(raw, "r.csv", geography, kind="registry", mapping=mapping).problems == []


def test_national_counts_by_name(geography):
    raw = _csv("Kabupaten/Kota,Jumlah KIM", "Kab. Bogor,150", "KOTA BANDUNG,90", "Kabupaten Atlantis,3")
    result = ingest(raw, "nasional.csv", geography)
    assert result.kind == "national"
    assert [(p.row, p.reason) for p in result.problems] == [(4, "unknown_regency")]
    assert result.valid_rows["code"].tolist() == ["32.01", "32.73"]


def test_template_is_valid(geography):
    from kim_dash.sources.columns import template_headers

    for kind in ("registry", "counts", "national"):
        example = template(kind, "32.01", geography)
        assert ingest(to_csv_bytes(example), f"t_{kind}.csv", geography, kind=kind).problems == []
        # the Indonesian template (headers in Bahasa Indonesia) reads back as the same rows
        indonesian = example.rename(columns=template_headers(kind, "id"))
        assert "source" not in indonesian.columns and "sumber" in indonesian.columns
        back = ingest(to_csv_bytes(indonesian), f"t_{kind}.csv", geography, kind=kind)
        assert back.problems == [] and back.rows == 1 and not back.ignored


def test_cli_validate_gives_the_same_problems(geography, tmp_path):
    from kim_dash.cli import main

    path = tmp_path / "r.csv"
    path.write_bytes(
        _csv("id,nama,kecamatan,desa,tahun,status", "A1,KIM Satu,Gunungputrii,Bojongkulur,2018,aktif")
    )
    assert main(["validate", str(path)]) == 1


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.one_of(
        st.binary(max_size=600),
        st.lists(st.lists(st.text(max_size=12), max_size=8), max_size=8).map(
            lambda rows: "\n".join(";".join(r) for r in [["nama_kim", "kecamatan", "desa"], *rows]).encode(
                "utf-8", "replace"
            )
        ),
        st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
    )
)
def test_ingest_never_raises_on_malformed_csv(geography, raw):
    result = ingest(raw, "fuzz.csv", geography)  # problems are reported, never raised
    assert (result.frame is not None) != bool(result.problems)
