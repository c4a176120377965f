"""AppTest: the national ranking page."""

import io

import pandas as pd

from kim_dash import export
from kim_dash.cli import main
from kim_dash.data import load_dataset
from kim_dash.ranking import RankingFilter

from .apptest_helpers import download_bytes, metric_values, open_page, table_with


def cli_bytes(capsysbinary, *args: str) -> bytes:
    capsysbinary.readouterr()
    assert main(["export", "ranking", *args]) == 0
    return capsysbinary.readouterr().out


def test_focus_kpis():
    values = metric_values(open_page("ranking"))
    assert values["Peringkat"] == "2 dari 174" and values["Jumlah KIM"] == "134"
    assert values["Bagian nasional"] == "3,17%"


def test_province_filter_leaves_only_that_province():
    at = open_page("ranking")
    at.multiselect(key="provinsi").set_value(["32"]).run()
    table = table_with(at, "Peringkat")
    assert set(table["Provinsi"]) == {"Jawa Barat"} and len(table) > 2


def test_band_filter_leaves_only_that_band():
    at = open_page("ranking")
    at.multiselect(key="kelompok").set_value(["10–49"]).run()
    table = table_with(at, "Peringkat")
    assert set(table["Kelompok"]) == {"10–49"}
    assert table["Jumlah KIM"].between(10, 49).all()


def test_query_parameters_restore_filters_and_focus():
    at = open_page("ranking", provinsi=["Jawa Barat"], kelompok=["100–199"], fokus="Kota Bandung")
    assert at.multiselect(key="provinsi").value == ["32"]
    assert at.selectbox(key="fokus").value == "32.73"
    table = table_with(at, "Peringkat")
    assert table["Kode"].tolist() == ["32.01", "32.73"]
    assert metric_values(at)["Peringkat"] == "3 dari 174"


def test_download_equals_cli_export(downloads, capsysbinary):
    at = open_page("ranking", provinsi=["Jawa Barat"], kelompok=["10–49"])
    data, name = download_bytes(at, "ranking_csv", downloads)
    assert data == cli_bytes(capsysbinary, "--province", "32", "--band", "10–49")
    assert name.startswith("kim_peringkat_32_10-49_") and name.endswith(".csv")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"code": str})
    assert set(frame["province_code"].astype(str)) == {"32"}
    # the XLSX is made on click (deferred): the same function the CLI calls makes the same bytes
    xlsx = export.to_xlsx_bytes(
        export.ranking_extract(load_dataset(), RankingFilter(("32",), (), ("10–49",)))
    )
    assert xlsx == cli_bytes(capsysbinary, "--province", "32", "--band", "10–49", "--format", "xlsx")
    assert pd.read_excel(io.BytesIO(xlsx), dtype={"code": str})["code"].tolist() == frame["code"].tolist()
    button = next(b for b in at.get("download_button") if b.proto.id.endswith("ranking_xlsx"))
    assert button.proto.label == "Unduh XLSX"


def test_search_and_english():
    at = open_page("ranking", "EN", cari="bandung")
    table = table_with(at, "Rank")
    assert all("bandung" in n.lower() for n in table["Kabupaten/Kota"])
    assert metric_values(at)["Share of national"] == "3.17%"


def test_configured_boundary_file_gives_a_choropleth(monkeypatch):
    from .conftest import SHARED_GEO

    real = SHARED_GEO / "boundaries" / "regencies.geojson"
    if not real.exists():
        import pytest

        pytest.skip("real boundaries live in ../shared (not shipped)")
    monkeypatch.setenv("KIM_REGENCY_BOUNDARIES", str(real))
    at = open_page("ranking", "EN")
    deck = at.get("deck_gl_json_chart")[0].proto.json
    assert '"GeoJsonLayer"' in deck and "Kabupaten Bogor" in deck
    assert any("grey: no KIM" in c.value for c in at.caption)
    assert not any("did not match" in w.value for w in at.warning)  # every regency joined by code
