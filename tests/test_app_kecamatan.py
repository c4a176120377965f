"""AppTest: Kabupaten Bogor per kecamatan."""

import io

import pandas as pd

from kim_dash.cli import main
from kim_dash.data import load_dataset

from .apptest_helpers import download_bytes, metric_values, open_page, table_with

TWO = ["32.01.27", "32.01.26"]  # Caringin, Megamendung


def test_kpis_match_the_data():
    registry = load_dataset().registry
    values = metric_values(open_page("by_kecamatan"))
    assert values["Jumlah KIM"] == "136"
    assert values["Kecamatan ber-KIM"] == f"{registry['kecamatan_code'].nunique()} dari 40"
    assert values["Desa/kelurahan ber-KIM"] == f"{registry['desa_code'].nunique()} dari 435"
    assert values["Target merata per kecamatan"] == "3,75"


def test_two_kecamatan_filter_registry_and_download(downloads, capsysbinary):
    at = open_page("by_kecamatan")
    at.multiselect(key="kec").set_value(TWO).run()
    registry = table_with(at, "Nama KIM")
    assert set(registry["Kode kec."]) == set(TWO)
    expected = load_dataset().registry.query("kecamatan_code in @TWO")
    assert len(registry) == len(expected)
    data, name = download_bytes(at, "registry_csv", downloads)
    assert name.startswith("kim_registri_Caringin-Megamendung_")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert set(frame["kecamatan_code"]) == set(TWO) and len(frame) == len(expected)
    capsysbinary.readouterr()
    assert main(["export", "registry", "--kecamatan", "Caringin", "--kecamatan", "Megamendung"]) == 0
    assert data == capsysbinary.readouterr().out
    table, _ = download_bytes(at, "kecamatan_csv", downloads)
    assert main(["export", "kecamatan", "--kecamatan", "32.01.27", "--kecamatan", "32.01.26"]) == 0
    assert table == capsysbinary.readouterr().out


def test_query_string_restores_the_filter():
    at = open_page("by_kecamatan", kec=["Caringin", "Megamendung"])
    assert at.multiselect(key="kec").value == TWO
    assert set(table_with(at, "Nama KIM")["Kecamatan"]) == {"Caringin", "Megamendung"}


def test_search_narrows_the_registry():
    at = open_page("by_kecamatan")
    at.text_input(key="cari_kim").input("Jagapati").run()
    assert table_with(at, "Nama KIM")["Nama KIM"].tolist() == ["Jagapati Voluenter"]


def test_per_desa_toggle_runs():
    at = open_page("by_kecamatan", "EN")
    at.toggle(key="per10").set_value(True).run()
    assert not at.exception
