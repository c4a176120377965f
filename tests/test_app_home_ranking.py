"""AppTest: the home page's brief and KPIs, and the national ranking page."""

import io

import pandas as pd

from kim_dash.cli import main
from kim_dash.outputs import writers as export
from kim_dash.store.dataset import DEFAULT_DATA_DIR

from .apptest_helpers import click_chart, displayed, download_bytes, metric_values, open_page, table_with
from .svg_map import followed, page_map

REGISTRY = pd.read_csv(DEFAULT_DATA_DIR / "registry.csv", dtype=str, keep_default_na=False)
KECAMATAN = pd.read_csv(DEFAULT_DATA_DIR / "reference" / "kecamatan.csv", dtype=str).query(
    "regency_code == '32.01'"
)
EMPTY = sorted(
    set(KECAMATAN["name"]) - set(KECAMATAN[KECAMATAN["code"].isin(REGISTRY["kecamatan_code"])]["name"])
)


def brief(at) -> str:
    return "\n".join(m.value.replace("\\", "") for m in at.markdown if m.value.startswith("- "))


def test_home_opens_with_the_brief_in_both_languages():
    for lang, words in (
        ("ID", ("peringkat 2 dari 174", "kurang 14 KIM", "belum punya KIM", "diusulkan di")),
        ("EN", ("ranked 2 of 174", "14 KIM still to form", "have no KIM", "proposed in")),
    ):
        text = brief(open_page(None, lang))
        assert all(w in text for w in words), (lang, text)
        assert len(EMPTY) == 9 and all(
            name in text for name in EMPTY
        )  # every kecamatan without a KIM, by name
        proposals = text.split("diusulkan di:" if lang == "ID" else "proposed in:")[1]
        assert "Gunungputri (2)" in proposals  # the default plan's first proposal, with its count


def test_home_kpis_carry_the_word_where_figures_are_sample():
    values = metric_values(open_page(None, "ID"))
    assert values["KIM di Indonesia (Desember 2014)"] == "4.228"
    assert values["Peringkat nasional (Desember 2014)"] == "2 dari 174"
    assert values["Kecamatan yang punya KIM (ilustratif)"] == "31 dari 40"
    assert values["Desa/kelurahan yang punya KIM (ilustratif)"].endswith("dari 435")
    assert values["KIM tercatat"] == "136" and values["KIM yang masih perlu dibentuk"] == "14"
    english = metric_values(open_page(None, "EN"))
    assert (
        english["KIM in Indonesia (December 2014)"] == "4,228"
        and english["Kecamatan with a KIM (illustrative)"]
    )


def test_home_brief_follows_an_uploaded_registry():
    from kim_dash.sources.upload import ingest
    from kim_dash.store.dataset import load_dataset

    # Cariu, Parung and Kemang get a KIM each in an uploaded registry: they leave the sentence
    extra = "".join(
        f"U{i},KIM Baru {i},{code},,,,,published:uji\n"
        for i, code in enumerate(("32.01.08", "32.01.10", "32.01.12"))
    )
    raw = (DEFAULT_DATA_DIR / "registry.csv").read_bytes() + extra.encode()
    result = ingest(raw, "baru.csv", load_dataset().geography, "registry", "32.01")
    assert not result.problems
    at = open_page(None, "ID")
    at.session_state["previews"] = {("registry", "32.01"): (result.frame, "baru.csv", "")}
    text = brief(at.run())
    assert "6 kecamatan belum punya KIM" in text and "Cariu" not in text.split("diusulkan")[0]
    assert "139 KIM" in text


def test_ranking_marks_what_rests_on_sample_rows():
    at = open_page("peringkat")
    values = metric_values(at)
    assert values["Peringkat"] == "2 dari 174" and values["Jumlah KIM"] == "134"
    assert values["Selisih ke peringkat 1 (ilustratif)"] == "41"
    assert values["Pangsa nasional"] == "3,2%"
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any(c.startswith("Yang terbit (Desember 2014): total 4.228 KIM") for c in captions)


def test_province_and_band_filters():
    at = open_page("peringkat")
    at.multiselect(key="provinsi").set_value(["32"]).run()
    table = table_with(at, "Peringkat")
    assert set(table["Provinsi"]) == {"Jawa Barat"} and len(table) > 2
    at.multiselect(key="kelompok").set_value(["10–49"]).run()
    table = table_with(at, "Peringkat")
    assert set(table["Kelompok"]) == {"10–49"} and table["Jumlah KIM"].between(10, 49).all()


def test_url_restores_filters_and_regency():
    at = open_page("peringkat", provinsi=["Jawa Barat"], kelompok=["100–199"], wilayah="32.73")
    assert at.multiselect(key="provinsi").value == ["32"]
    assert table_with(at, "Peringkat")["Kode"].tolist() == ["32.01", "32.73"]
    assert metric_values(at)["Peringkat"] == "3 dari 174"


def test_clicking_a_bar_makes_that_regency_the_focus():
    at = open_page("peringkat", bagian="teratas")
    at = click_chart(
        at, "plotly_chart", "rank_chart", {"points": [{"customdata": "32.73"}], "point_indices": [2]}
    )
    assert metric_values(at)["Peringkat"] == "3 dari 174" and at.query_params["wilayah"] in (
        "32.73",
        ["32.73"],
    )


def test_clicking_a_regency_on_the_map_makes_it_the_focus():
    """A click follows the area's link: the same page with ?wilayah=<its code>, the filters kept."""
    at = open_page("peringkat", jenis=["Kabupaten"])
    link = page_map(at).linked("wilayah")["16.01"].link
    assert link["wilayah"] == ["16.01"] and link["jenis"] == ["Kabupaten"]
    at = open_page("peringkat", **followed(link))
    assert metric_values(at)["Peringkat"] == "1 dari 174" and at.multiselect(key="jenis").value == [
        "Kabupaten"
    ]


def test_national_map_draws_every_regency():
    at = open_page("peringkat", "EN")
    assert not at.get("deck_gl_json_chart")  # a picture, no WebGL
    by_code = page_map(at).linked("wilayah")
    assert (
        len(by_code) == 514 and sum("no KIM in the table" in s.title for s in by_code.values()) == 514 - 174
    )


def test_page_csv_equals_cli_lang_and_parses_in_both_locales(downloads, capsysbinary):
    at = open_page("peringkat", provinsi=["Jawa Barat"])
    data, name = download_bytes(at, "ranking_csv", downloads)
    capsysbinary.readouterr()
    assert main(["export", "ranking", "--province", "32", "--lang", "id"]) == 0
    assert data == capsysbinary.readouterr().out
    assert name == "kim_peringkat_32_data-2014-12.csv"
    indonesian = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert main(["export", "ranking", "--province", "32", "--lang", "en"]) == 0
    english = pd.read_csv(io.BytesIO(capsysbinary.readouterr().out), encoding="utf-8-sig")
    assert indonesian["Pangsa nasional (%)"].tolist() == english["National share (%)"].tolist()
    assert indonesian["Jumlah KIM"].tolist() == english["Number of KIM"].tolist()
    button = next(b for b in at.get("download_button") if b.proto.id.endswith("ranking_xlsx"))
    assert button.proto.label == "Tabel peringkat · XLSX"
    assert export.file_name("x", "y", "2014-12", "csv") == "x_y_data-2014-12.csv"


def test_search_in_english_and_numbers_in_its_format():
    at = open_page("peringkat", "EN", cari="bandung")
    table = displayed(next(d for d in at.dataframe if "Rank" in d.value.columns))
    assert all("bandung" in n.lower() for n in table["Kabupaten/kota"])
    assert metric_values(at)["National share"] == "3.2%"


def test_only_the_open_tab_below_the_map_is_run_and_a_link_opens_a_tab():
    """The charts cost nothing until asked for: the first view has the table and no chart; ?bagian= opens
    a tab from a link; an unknown value falls back to the first tab."""
    first = open_page("peringkat")
    assert not first.get("plotly_chart") and table_with(first, "Peringkat") is not None
    assert [tab.label for tab in first.get("tab")] == ["Tabel peringkat", "Teratas", "Per provinsi"]
    top = open_page("peringkat", bagian="teratas")
    assert len(top.get("plotly_chart")) == 1 and not any(
        "Peringkat" in d.value.columns for d in top.dataframe
    )
    odd = open_page("peringkat", bagian="<b>x</b>")
    assert not odd.get("plotly_chart") and table_with(odd, "Peringkat") is not None
    assert "bagian" not in odd.query_params  # an unknown part is dropped from the URL
