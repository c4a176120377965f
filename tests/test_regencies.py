"""Any kabupaten/kota: count tables in the form news reports take, resolved inside the regency, imported,
shown, planned; and a count table that disagrees with the registry of the same date is reported."""

import pandas as pd

from kim_dash.cli import main
from kim_dash.coverage import coverage_kpis, kecamatan_table
from kim_dash.data import load_dataset
from kim_dash.geography import load_geography
from kim_dash.ingest import ingest
from kim_dash.regency import regency_data

from .apptest_helpers import metric_values, open_page

MALANG = "35.07"
ROWS = [("Kec. Kepanjen", 12), ("SINGOSARI", 9), ("Lawang", 7), ("kec. turen", 5), ("Dampitt", 3)]


def count_table(rows) -> bytes:
    return (
        "Kecamatan;Jumlah KIM;Sumber\n" + "".join(f"{k};{n};published:laporan uji\n" for k, n in rows)
    ).encode()


def test_names_resolve_inside_the_regency_and_a_misspelling_is_reported(geography):
    result = ingest(count_table(ROWS), "malang.csv", geography, "counts", MALANG)
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.value, problem.reason) == (
        6,
        "kecamatan_code",
        "Dampitt",
        "unknown_kecamatan",
    )
    assert problem.detail == "Dampit"  # "did you mean Dampit?", never applied by itself
    names = geography.names("kecamatan", MALANG)
    assert [names[c] for c in result.valid_rows["kecamatan_code"]] == [
        "Kepanjen",
        "Singosari",
        "Lawang",
        "Turen",
    ]
    # the same name in another regency is not taken: Bogor has no Kepanjen
    assert (
        ingest(count_table(ROWS[:1]), "x.csv", geography, "counts", "32.01").problems[0].reason
        == "unknown_kecamatan"
    )


def test_a_count_table_for_another_regency_imports_and_is_shown(data_copy, tmp_path, monkeypatch, capsys):
    path = tmp_path / "malang.csv"
    path.write_bytes(count_table([*ROWS[:4], ("Dampit", 3)]))
    assert (
        main(
            [
                "--data",
                str(data_copy),
                "import",
                "counts",
                str(path),
                "--regency",
                "Kabupaten Malang",
                "--as-of",
                "2023-06",
            ]
        )
        == 0
    )
    assert "stored" in capsys.readouterr().out
    dataset = load_dataset(data_copy, geography=load_geography(data_copy))
    malang = regency_data(dataset, MALANG)
    kpis = coverage_kpis(malang)
    assert (kpis.kim.value, kpis.kecamatan_with_kim.value, kpis.kecamatan) == (36, 5, 33)
    table = kecamatan_table(malang).set_index("name")
    assert table.loc["Kepanjen", "kim"] == 12 and table.loc["Kromengan", "kim"] == 0
    assert malang.targets.deadline == 2026 and kpis.target.spread == "per_desa"
    monkeypatch.setenv("KIM_DATA_DIR", str(data_copy))
    at = open_page("kecamatan", wilayah=MALANG)
    assert "Kabupaten Malang" in at.title[0].value and metric_values(at)["KIM"] == "36"
    assert any(c.value == "Data per Juni 2023" for c in at.caption)


def test_a_bogor_count_table_that_disagrees_with_the_registry_is_reported(data_copy, tmp_path, capsys):
    registry = pd.read_csv(data_copy / "registry.csv", dtype=str)
    counts = registry.groupby("kecamatan_code").size()
    rows = [(code, int(n) + (2 if code == "32.01.27" else 0)) for code, n in counts.items()]  # Caringin +2
    path = tmp_path / "bogor.csv"
    path.write_bytes(count_table(rows))
    assert main(["--data", str(data_copy), "import", "counts", str(path), "--as-of", "2016-12-20"]) == 0
    out = capsys.readouterr().out
    assert "Caringin (32.01.27): 8 here, 6 there" in out
    bogor = regency_data(load_dataset(data_copy, geography=load_geography(data_copy)), "32.01")
    assert bogor.snapshot.kind == "registry"  # on the same date the registry, which names every KIM, is shown
    assert bogor.disagreements == (("32.01.27", 6, 8),)
