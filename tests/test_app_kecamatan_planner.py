"""AppTest: the per-kecamatan page (any regency, drill-down, extracts) and the planner (answer first)."""

import datetime as dt
import io
import json

import pandas as pd

from kim_dash.cli import main
from kim_dash.store.dataset import DEFAULT_DATA_DIR

from .apptest_helpers import click_chart, displayed, download_bytes, metric_values, open_page, table_with
from .svg_map import followed, page_map

REGISTRY = pd.read_csv(DEFAULT_DATA_DIR / "registry.csv", dtype=str, keep_default_na=False)


def test_the_map_draws_the_regencys_kecamatan_without_any_setting():
    at = open_page("kecamatan")
    table = table_with(at, "Kecamatan")
    assert set(page_map(at).linked("kec")) == set(table["Kecamatan"]) and len(table) == 40


def test_clicking_a_kecamatan_on_the_map_filters_the_page_and_the_url():
    """A click follows the area's link: the same page with ?kec=<its name> and the other choices kept."""
    at = open_page("kecamatan", "EN")
    link = page_map(at).linked("kec")["Caringin"].link
    assert link["kec"] == ["Caringin"] and link["lang"] == ["EN"]
    at = open_page("kecamatan", **followed(link))
    assert at.multiselect(key="kec").value == ["32.01.27"]
    table = table_with(at, "KIM")
    assert table["Kecamatan"].tolist() == ["Caringin"]
    assert metric_values(at)["KIM (illustrative)"] == str((REGISTRY["kecamatan_code"] == "32.01.27").sum())
    at.button[0].click().run()  # "Semua": the reset
    assert at.multiselect(key="kec").value == []


def test_the_table_shows_each_rows_source_in_view_and_folds_the_desa_kelurahan_split():
    """Columns in the order sent (the grid's left to right): the row's provenance right after its
    status, so "ilustratif" is read without scrolling; Desa and Kelurahan start hidden (their sum stays)."""
    at = open_page("kecamatan")
    element = next(e for e in at.dataframe if "Kecamatan" in e.value.columns)
    settings = json.loads(element.proto.columns)
    order = [c for c in element.value.columns if not settings.get(c, {}).get("hidden")]
    assert order[:6] == [
        "Kecamatan",
        "KIM",
        "Target",
        "Selisih ke target (+ kurang, − lebih)",
        "Status",
        "Sumber",
    ]
    assert settings["Desa"]["hidden"] and settings["Kelurahan"]["hidden"]
    assert "Desa + kel." in order
    assert {"Desa", "Kelurahan"} <= set(element.value.columns)  # one click away, not removed


def test_clicking_a_bar_filters_too():
    at = open_page("kecamatan", bagian="grafik")
    at = click_chart(
        at, "plotly_chart", "kec_chart", {"points": [{"y": "Megamendung"}], "point_indices": [0]}
    )
    assert at.multiselect(key="kec").value == ["32.01.26"]


def test_every_kecamatan_has_a_visible_bar_and_one_status_legend():
    at = open_page("kecamatan", bagian="grafik")
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    drawn = [trace for trace in figure["data"] if trace.get("type") == "bar"]
    bars = [trace for trace in drawn if trace.get("text") is not None]  # not the hatch's legend swatch
    assert {trace["name"] for trace in drawn} - {trace["name"] for trace in bars} == {"arsir = ilustratif"}
    names = [y for trace in bars for y in trace["y"]]
    values = [float(x) for trace in bars for x in array(trace["x"])]
    labels = [str(text) for trace in bars for text in trace["text"]]
    assert len(names) == 40 and min(values) > 0  # a zero is drawn as a sliver with its "0" label
    assert labels.count("0") == 9
    assert {trace["name"] for trace in bars} == {
        "tanpa KIM",
        "di bawah target",
        "sesuai target",
        "di atas target",
    }


def array(value):
    """Plotly sends numeric arrays as {"dtype", "bdata"} (base64): decode them as the browser does."""
    import base64

    import numpy as np

    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return value


def test_wilayah_restores_another_regency_and_a_regency_without_data_says_so():
    at = open_page("kecamatan", wilayah="32.04")
    assert "Kabupaten Bandung" in at.title[0].value
    assert len(page_map(at).linked("kec")) == 31
    at = open_page("rencana", wilayah="32.04")
    assert "Kabupaten Bandung" in at.title[0].value
    empty = open_page("kecamatan", wilayah="35.07")
    assert any(
        "Jumlah KIM di setiap kecamatan Kabupaten Malang belum tercatat lengkap" in i.value
        for i in empty.info
    )
    assert any("import counts" in c.value and "--regency 35.07" in c.value for c in empty.code)


def test_kecamatan_csv_equals_cli_and_opens_in_indonesian_excel(downloads, capsysbinary):
    at = open_page("kecamatan", kec=["Caringin", "Megamendung"])
    data, name = download_bytes(at, "kecamatan_csv", downloads)
    capsysbinary.readouterr()
    assert (
        main(["export", "kecamatan", "--kecamatan", "Caringin", "--kecamatan", "Megamendung", "--lang", "id"])
        == 0
    )
    assert data == capsysbinary.readouterr().out and name.startswith("kim_kecamatan_Caringin-Megamendung_")
    frame = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype={"Kode": str})
    assert frame["Kode"].tolist() == ["32.01.26", "32.01.27"]
    assert frame["Status"].isin(["tanpa KIM", "di bawah target", "sesuai target", "di atas target"]).all()
    assert frame["Sumber"].ne("").all()


def test_registry_search_and_unknown_attributes_shown_in_words():
    at = open_page("kecamatan", "EN", kec=["Caringin"], bagian="daftar")
    at.text_input(key="cari_kim").set_value("jagapati").run()
    table = displayed(next(d for d in at.dataframe if "KIM name" in d.value.columns))
    assert table["KIM name"].tolist() == ["Jagapati Voluenter"]
    assert table["Activity"].tolist() == ["unknown"] and table["Source"].iloc[0].startswith("published:")


def test_planner_answers_first_with_the_method_folded_away():
    at = open_page("rencana")
    first = next(m.value for m in at.markdown if m.value.startswith("- "))
    assert first.replace("\\", "").startswith("- KIM baru diusulkan di: Gunungputri (2), Pamijahan (2)")
    assert at.expander[0].label.startswith("Pengaturan lanjutan") and not at.expander[0].proto.expanded
    assert metric_values(at)["Masih perlu dibentuk"] == "14"


def test_planner_url_uses_language_neutral_codes_and_full_mode_names_columns_apart():
    at = open_page("rencana", "EN", bobot="desa", mode="full", target="200")
    assert at.selectbox(key="bobot").value == "desa" and at.selectbox(key="mode").value == "full"
    table = table_with(at, "To form")
    assert "Difference to its share (negative = surplus)" in table.columns and "New KIM" not in table.columns
    assert table["Target"].sum() == 200
    at.selectbox(key="mode").set_value("topup").run()
    assert at.query_params.get("mode") in (None, [], "")


def test_plan_by_year_reaches_the_target_from_this_year_even_from_an_old_link():
    year = dt.date.today().year
    at = open_page(
        "rencana", wilayah="32.01", per_tahun="5", mulai="2017", sampai=str(year + 2), bagian="per_tahun"
    )
    table = table_with(at, "Tahun")
    assert table.groupby("Tahun")["KIM baru"].sum().tolist() == [5, 5, 4]
    assert table["Tahun"].min() == year  # a plan starts this year, never in the data's past
    said = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert f"terbentuk pada {year + 2}: tenggat {year + 2} tercapai" in said
    assert "data per 20 Desember 2016" in said  # and says how old its data is


def test_planner_puts_kecamatan_without_a_kim_first_unless_switched_off():
    at = open_page("rencana", bobot="desa")
    plan = table_with(at, "KIM baru").set_index("Kecamatan")
    assert plan.loc["Tajurhalang", "KIM baru"] == 1
    assert any("tanpa KIM mendapat satu KIM lebih dulu" in c.value for c in at.caption)
    at = open_page("rencana", bobot="desa", kosong_dulu="false")  # the switch is in the link
    assert at.toggle(key="kosong_dulu").value is False
    plan = table_with(at, "KIM baru").set_index("Kecamatan")
    assert "Tajurhalang" not in plan.index or plan.loc["Tajurhalang", "KIM baru"] == 0
    assert any("tidak didahulukan" in c.value for c in at.caption)


def test_malang_planner_says_what_is_missing_without_per_kecamatan_data():
    at = open_page("rencana", "EN", wilayah="35.07")
    said = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert "data as of June 2023" in said and "175 KIM still missing" in said
