"""The CLI: exit codes, extract contents, formula neutralisation."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kim_dash import export
from kim_dash.cli import main
from kim_dash.ranking import RankingFilter


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kim_dash", *args], capture_output=True, cwd=Path(__file__).parents[1]
    )


def test_validate_shipped_data_exits_0():
    result = run("validate", "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"valid" in result.stdout


def test_validate_bad_folder_exits_1_with_file_row_column(data_copy):
    path = data_copy / "national_kim_2014.csv"
    path.write_text(path.read_text().replace("32.01,134,", "32.01,-3,"))
    result = run("validate", str(data_copy))
    assert result.returncode == 1
    lines = result.stdout.decode().strip().splitlines()
    row = next(i for i, line in enumerate(path.read_text().splitlines(), 1) if line.startswith("32.01,"))
    assert lines == [f"national_kim_2014.csv:{row}: count: '-3' is negative"]


def test_validate_single_file(tmp_path):
    good = run("validate", "data/registry.csv")
    assert good.returncode == 0
    bad = tmp_path / "registri.csv"
    bad.write_text(
        "nama_kim;kecamatan;desa;tahun_dibentuk;status\nKIM Baru;Gunung Putri;Bojongkulur;2019;aktif\n"
        "KIM Salah;Gunungputrii;X;2019;aktif\n",
        encoding="utf-8",
    )
    result = run("validate", str(bad))
    assert result.returncode == 1
    out = result.stdout.decode()
    assert (
        "registri.csv:3: kecamatan_code: unknown kecamatan 'Gunungputrii' — did you mean Gunungputri?" in out
    )
    assert "registri.csv:2:" not in out


def test_usage_errors_exit_2():
    assert run("export", "nothing").returncode == 2
    assert run("export", "registry", "--kecamatan", "Atlantis").returncode == 2
    assert run("plan").returncode == 2
    assert main(["validate", "/no/such/place"]) == 2


def test_help_on_every_command():
    for command in ([], ["validate"], ["export"], ["plan"]):
        result = run(*command, "--help")
        assert result.returncode == 0 and b"usage" in result.stdout


def test_export_ranking_matches_function(dataset):
    result = run("export", "ranking", "--province", "jawa barat", "--band", "100–199")
    assert result.returncode == 0
    expected = export.to_csv_bytes(export.ranking_extract(dataset, RankingFilter(("32",), (), ("100–199",))))
    assert result.stdout == expected
    frame = pd.read_csv(io.BytesIO(result.stdout), encoding="utf-8-sig", dtype={"code": str})
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


def test_export_registry_by_name_variants(tmp_path):
    out = tmp_path / "r.csv"
    assert (
        run(
            "export",
            "registry",
            "--kecamatan",
            "CARINGIN",
            "--kecamatan",
            "Kec. Mega Mendung",
            "--out",
            str(out),
        ).returncode
        == 0
    )
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert set(frame["kecamatan_code"]) == {"32.01.27", "32.01.26"}
    assert {"Jagapati Voluenter", "Siskomdes Cipayung", "Geus Eling"} <= set(frame["name"])
    assert frame["source"].notna().all()


def test_export_xlsx(tmp_path, dataset):
    out = tmp_path / "k.xlsx"
    assert run("export", "kecamatan", "--format", "xlsx", "--out", str(out)).returncode == 0
    frame = pd.read_excel(out, dtype={"code": str})
    assert len(frame) == 40 and int(frame["kim"].sum()) == 136


def test_plan_csv_and_json(tmp_path):
    result = run("plan", "--target", "150", "--method", "webster", "--format", "json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert sum(r["after"] for r in rows) == 150
    assert set(rows[0]) == {"code", "name", "current", "weight", "target", "gap", "new", "after"}


def test_plan_with_weights_file_and_current(tmp_path):
    weights = tmp_path / "w.csv"
    weights.write_text(
        "code,weight,name,current\nA,100000,Party A,0\nB,80000,Party B,0\nC,30000,C,0\nD,20000,D,0\n"
    )
    result = run("plan", "--target", "8", "--weights", str(weights), "--method", "dhondt", "--mode", "full")
    frame = pd.read_csv(io.BytesIO(result.stdout), encoding="utf-8-sig").set_index("code")
    assert frame["target"].to_dict() == {"A": 4, "B": 3, "C": 1, "D": 0}


def test_formula_payloads_are_neutralised(data_copy, tmp_path):
    path = data_copy / "registry.csv"
    text = path.read_text().replace("KIM Pondok Rajeg", '=HYPERLINK("http://x";"klik")', 1)
    text = text.replace("KIM Sukahati", "@SUM(A1:A9)", 1).replace("KIM Ciriung", "+62 812", 1)
    path.write_text(text)
    out = tmp_path / "x.csv"
    assert run("--data", str(data_copy), "export", "registry", "--out", str(out)).returncode == 0
    names = pd.read_csv(out, encoding="utf-8-sig", dtype=str)["name"].tolist()
    assert '\'=HYPERLINK("http://x";"klik")' in names and "'@SUM(A1:A9)" in names and "'+62 812" in names
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1+2", "@cmd", "\t=x"])
def test_neutralise(cell):
    assert export.neutralise(cell) == "'" + cell
    frame = pd.DataFrame({"text": [cell], "number": [-5]})
    back = pd.read_csv(io.BytesIO(export.to_csv_bytes(frame)), encoding="utf-8-sig", dtype=str)
    assert back.loc[0, "text"] == "'" + cell and back.loc[0, "number"] == "-5"  # numbers stay numbers
