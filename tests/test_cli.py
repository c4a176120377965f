"""The CLI: exit codes, the machine form and the page's localised form, plans, briefs and imports."""

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kim_dash.cli import main
from kim_dash.model.ranking import RankingFilter
from kim_dash.outputs import writers as export
from kim_dash.outputs.extract_tables import ranking_extract

ROOT = Path(__file__).parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kim_dash", *args], capture_output=True, cwd=ROOT)


def out(capsysbinary, *args: str) -> bytes:
    capsysbinary.readouterr()
    assert main(list(args)) == 0
    return capsysbinary.readouterr().out


def test_the_real_entry_point_validates_and_exits_0():
    result = run("validate", "data")
    assert result.returncode == 0 and b"valid" in result.stdout, result.stderr


def test_validate_bad_folder_exits_1_with_file_row_column(data_copy, capsys):
    path = data_copy / "national_kim_2014.csv"
    path.write_text(path.read_text().replace("32.01,134,", "32.01,-3,"))
    assert main(["validate", str(data_copy)]) == 1
    row = next(i for i, line in enumerate(path.read_text().splitlines(), 1) if line.startswith("32.01,"))
    assert capsys.readouterr().out.strip().splitlines() == [
        f"national_kim_2014.csv:{row}: count: '-3' is negative"
    ]


def test_validate_single_file(tmp_path, capsys):
    assert main(["validate", "data/registry.csv"]) == 0
    bad = tmp_path / "registri.csv"
    bad.write_text(
        "nama_kim;kecamatan;desa;tahun_dibentuk;status\nKIM Baru;Gunung Putri;Bojongkulur;2019;aktif\n"
        "KIM Salah;Gunungputrii;X;2019;aktif\n",
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 1
    text = capsys.readouterr().out
    assert (
        "registri.csv:3: kecamatan_code: unknown kecamatan 'Gunungputrii' — did you mean Gunungputri?" in text
    )
    assert "registri.csv:2:" not in text


def test_usage_errors_exit_2():
    assert main(["export", "nothing"]) == 2
    assert main(["export", "registry", "--kecamatan", "Atlantis"]) == 2
    assert main(["plan", "--per-year", "5"]) == 2  # --until is needed too
    assert main(["validate", "/no/such/place"]) == 2
    assert main(["export", "kecamatan", "--regency", "Kabupaten Atlantis"]) == 2


@pytest.mark.parametrize(
    "command", [[], ["validate"], ["export"], ["plan"], ["brief"], ["import"], ["snapshots"]]
)
def test_help_on_every_command(command, capsys):
    assert main([*command, "--help"]) == 0
    assert "usage" in capsys.readouterr().out


def test_machine_form_is_rfc4180_with_english_headers(dataset, capsysbinary):
    data = out(capsysbinary, "export", "ranking", "--province", "jawa barat", "--band", "100–199")
    assert data == export.to_csv_bytes(ranking_extract(dataset, RankingFilter(("32",), (), ("100–199",))))
    assert b"\r\n" in data and not data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), dtype={"code": str})
    assert frame["code"].tolist() == ["32.01", "32.73"]
    assert list(frame.columns) == [
        "rank",
        "code",
        "name",
        "type",
        "province_code",
        "province",
        "count",
        "band",
        "share",
        "source",
    ]


def test_indonesian_csv_parses_into_the_same_numbers_as_the_english_one(capsysbinary):
    for table in ("kecamatan", "ranking", "provinces", "saturation"):
        indonesian = pd.read_csv(
            io.BytesIO(out(capsysbinary, "export", table, "--lang", "id")),
            sep=";",
            decimal=",",
            encoding="utf-8-sig",
            dtype=str,
            keep_default_na=False,
        )
        english = pd.read_csv(
            io.BytesIO(out(capsysbinary, "export", table, "--lang", "en")),
            encoding="utf-8-sig",
            dtype=str,
            keep_default_na=False,
        )
        for id_col, en_col in zip(indonesian.columns, english.columns, strict=True):
            a = pd.to_numeric(indonesian[id_col].str.replace(",", "."), errors="coerce")
            b = pd.to_numeric(english[en_col], errors="coerce")
            assert a.equals(b), (table, id_col, en_col)
        numbers = pd.read_csv(
            io.BytesIO(out(capsysbinary, "export", table, "--lang", "id")),
            sep=";",
            decimal=",",
            encoding="utf-8-sig",
        )
        assert len(numbers.select_dtypes("number").columns) >= 2  # Excel id-ID reads numbers as numbers


def test_kecamatan_values_are_rounded_and_in_indonesian(capsysbinary):
    text = out(capsysbinary, "export", "kecamatan", "--kecamatan", "Cibinong", "--lang", "id").decode(
        "utf-8-sig"
    )
    header, row = text.strip().splitlines()
    assert "Cakupan desa (%)" in header and "Status" in header
    assert ";23,1;2,31;" in row and "di bawah target" in row  # 3 of 13 desa: 23,1 %; 2,31 KIM per 10 desa


def test_xlsx_typed_cells_and_percent_format(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "k.xlsx"
    assert main(["export", "kecamatan", "--format", "xlsx", "--lang", "id", "--out", str(path)]) == 0
    sheet = load_workbook(path).active
    titles = [c.value for c in sheet[1]]
    coverage = sheet.cell(row=2, column=titles.index("Cakupan desa") + 1)
    assert coverage.number_format == "0.0%" and abs(coverage.value - 3 / 13) < 0.001
    code = sheet.cell(row=2, column=titles.index("Kode") + 1)
    assert code.value == "32.01.01" and code.number_format == "@"


def test_the_same_xlsx_extract_gives_the_same_bytes_seconds_apart(tmp_path):
    """A zip stores times to 2 s and openpyxl stamps 'modified' with the clock: neither may reach the file."""
    import time

    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert main(["export", "ranking", "--format", "xlsx", "--lang", "id", "--out", str(first)]) == 0
    time.sleep(2.1)
    assert main(["export", "ranking", "--format", "xlsx", "--lang", "id", "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_export_registry_by_name_variants(tmp_path):
    path = tmp_path / "r.csv"
    assert (
        main(
            [
                "export",
                "registry",
                "--kecamatan",
                "CARINGIN",
                "--kecamatan",
                "Kec. Mega Mendung",
                "--out",
                str(path),
            ]
        )
        == 0
    )
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert set(frame["kecamatan_code"]) == {"32.01.27", "32.01.26"}
    assert {"Jagapati Voluenter", "Siskomdes Cipayung", "Geus Eling"} <= set(frame["name"])


def test_plan_json_and_default_target(capsysbinary):
    rows = json.loads(out(capsysbinary, "plan", "--method", "webster", "--format", "json"))
    assert sum(r["after"] for r in rows) == 150 and sum(r["new"] for r in rows) == 14
    assert set(rows[0]) == {
        "code",
        "name",
        "current",
        "weight",
        "target",
        "new",
        "after",
        "short_after",
        "source",
    }
    rows = json.loads(out(capsysbinary, "plan", "--target", "200", "--mode", "full", "--format", "json"))
    assert sum(r["target"] for r in rows) == 200 and "difference" in rows[0] and "new" not in rows[0]


def test_plan_by_year_for_a_regency(capsysbinary):
    frame = pd.read_csv(
        io.BytesIO(out(capsysbinary, "plan", "--regency", "32.04", "--per-year", "4", "--until", "2021")),
        dtype={"code": str},
    )
    assert frame.groupby("year")["new"].sum().tolist() == [4, 4, 1]  # 9 kecamatan without KIM, 4 a year
    # the year after the data (2019-04-11) is long past: a plan starts this year, never earlier
    assert frame["year"].min() == max(2020, dt.date.today().year)


def test_plan_says_a_missed_deadline_in_words(capsysbinary):
    """Malang: 215 KIM (June 2023) toward a KIM in each of 390 desa/kelurahan by 2026."""
    assert main(["plan", "--regency", "35.07", "--per-year", "53", "--until", "2026", "--lang", "en"]) == 0
    said = capsysbinary.readouterr().err.decode()
    assert "data as of June 2023" in said
    if dt.date.today().year == 2026:  # from today only 2026 is left
        assert "the deadline 2026 is missed" in said and "175 new KIM are needed in 2026" in said


def test_plan_with_a_weights_file(tmp_path, capsysbinary):
    weights = tmp_path / "w.csv"
    rows = "".join(f"32.01.{i:02d};{i}\n" for i in range(1, 41))
    weights.write_text("kode_kecamatan;bobot\n" + rows)
    frame = pd.read_csv(
        io.BytesIO(out(capsysbinary, "plan", "--weights", str(weights), "--target", "820", "--mode", "full")),
        dtype={"code": str},
    )
    assert frame.set_index("code").loc["32.01.40", "target"] == 40  # 820 × 40 / 820


def test_brief_pdf_names_the_answer(tmp_path):
    from pypdf import PdfReader

    for lang, words in (
        ("id", ("2 dari 174", "136", "150", "Gunungputri", "Tajurhalang", "ilustratif")),
        ("en", ("2 of 174", "136", "150", "Gunungputri", "illustrative")),
    ):
        path = tmp_path / f"b_{lang}.pdf"
        assert main(["brief", "--lang", lang, "--out", str(path)]) == 0
        reader = PdfReader(path)
        assert (
            1 <= len(reader.pages) <= 3
        )  # the map beside the KPIs: Bogor's kecamatan and plan briefs run to 3 pages
        text = " ".join(page.extract_text() for page in reader.pages)
        assert all(w in text for w in words), (lang, [w for w in words if w not in text])
    again = tmp_path / "again.pdf"
    assert main(["brief", "--lang", "en", "--out", str(again)]) == 0
    assert again.read_bytes() == (tmp_path / "b_en.pdf").read_bytes()  # same view, same bytes


@pytest.mark.parametrize("page", ["ranking", "kecamatan", "plan"])
def test_brief_of_every_page(tmp_path, page):
    from pypdf import PdfReader

    path = tmp_path / f"{page}.pdf"
    assert main(["brief", "--page", page, "--out", str(path)]) == 0
    assert 1 <= len(PdfReader(path).pages) <= 3
