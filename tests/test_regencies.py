"""Any kabupaten/kota: count tables in the form news reports take, resolved inside the regency, imported,
shown, planned; and a count table that disagrees with the registry of the same date is reported."""

import pandas as pd

from kim_dash.cli import main
from kim_dash.model.grain import regency_view
from kim_dash.model.regency import regency_data
from kim_dash.outputs.grain_extracts import known_kecamatan
from kim_dash.sources.geography import load_geography
from kim_dash.sources.upload import ingest
from kim_dash.store.dataset import load_dataset

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
    """Five kecamatan named: imported, shown as what it is — five known counts, the other 28 unknown
    (not zeros), below the regency's published total (215 in June 2023)."""
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
                "2025-06",
            ]
        )
        == 0
    )
    assert "stored" in capsys.readouterr().out
    dataset = load_dataset(data_copy, geography=load_geography(data_copy))
    assert not regency_data(dataset, MALANG).has_data  # a partial table is no full per-kecamatan table
    view = regency_view(dataset, MALANG)
    assert view.grain == "partial" and view.partial_as_of == "2025-06"
    known = known_kecamatan(view).set_index("name")
    assert known.loc["Kepanjen", "kim"] == 12 and pd.isna(known.loc["Kromengan", "kim"])
    assert view.states() == {"none": 0, "some": 5, "at_least": 0, "unknown": 28}
    assert view.total is not None and (view.total.value, view.total.as_of) == (215, "2023-06")
    assert view.target is not None and view.target.deadline == 2026 and view.target.spread == "per_desa"
    monkeypatch.setenv("KIM_DATA_DIR", str(data_copy))
    at = open_page("kecamatan", wilayah=MALANG)
    assert "Kabupaten Malang" in at.title[0].value
    metrics = metric_values(at)
    assert metrics["KIM (Juni 2023)"] == "215" and metrics["Kecamatan tidak diketahui"] == "28 dari 33"
    assert any(c.value == "Data per Juni 2025" for c in at.caption)


def test_a_bogor_count_table_that_disagrees_with_the_registry_is_reported(data_copy, tmp_path, capsys):
    registry = pd.read_csv(data_copy / "registry.csv", dtype=str)
    counts = registry.groupby("kecamatan_code").size()
    rows = [(code, int(n) + (2 if code == "32.01.27" else 0)) for code, n in counts.items()]  # Caringin +2
    path = tmp_path / "bogor.csv"
    path.write_bytes(count_table(rows))
    # real data is compared with real data (the sample stops being shown once real data arrives): the
    # officer's own registry of that date first, then a count table that disagrees with it
    real_registry = tmp_path / "registri.csv"
    registry.assign(source="").to_csv(real_registry, index=False)
    assert (
        main(["--data", str(data_copy), "import", "registry", str(real_registry), "--as-of", "2016-12-20"])
        == 0
    )
    capsys.readouterr()
    assert main(["--data", str(data_copy), "import", "counts", str(path), "--as-of", "2016-12-20"]) == 0
    out = capsys.readouterr().out
    assert "Caringin (32.01.27): 8 here, 6 there" in out
    bogor = regency_data(load_dataset(data_copy, geography=load_geography(data_copy)), "32.01")
    assert bogor.snapshot.kind == "registry"  # on the same date the registry, which names every KIM, is shown
    assert bogor.disagreements == (("32.01.27", 6, 8),)
