"""AppTest: the frame every page shares, the home page, language, a broken data folder."""

import shutil

import pytest

from kim_dash.data import DEFAULT_DATA_DIR

from .apptest_helpers import APP, metric_values, open_page

PAGES = ["home", "ranking", "by_kecamatan", "planner", "manage_data"]


@pytest.mark.parametrize("lang", ["ID", "EN"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_both_languages(page, lang):
    at = open_page(page, lang)  # a missing translation key raises KeyError -> at.exception
    assert at.title, "every page has a title"
    assert any("Sumber" in c.value or "Source" in c.value for c in at.caption), "every page names its sources"


def test_home_figures_indonesian():
    at = open_page(None, "ID")
    values = metric_values(at)
    assert values["KIM di Indonesia (Des 2014)"] == "4.228"
    assert values["Peringkat Kabupaten Bogor"] == "2 dari 174"
    assert values["KIM di registri Kabupaten Bogor"] == "136"
    assert values["Kecamatan yang punya KIM"].endswith("dari 40")
    assert values["Desa/kelurahan yang punya KIM"].endswith("dari 435")
    assert values["KIM yang masih perlu dibentuk"] == "14"
    captions = " ".join(c.value for c in at.caption)
    assert "174 kabupaten/kota, 29 provinsi" in captions and "134 KIM (Des 2014)" in captions
    assert "90,7%" in captions
    assert any("ilustratif" in i.value for i in at.info)


def test_home_figures_english():
    at = open_page(None, "EN")
    values = metric_values(at)
    assert values["KIM in Indonesia (Dec 2014)"] == "4,228"
    assert values["Kabupaten Bogor's rank"] == "2 of 174"
    assert "90.7%" in " ".join(c.value for c in at.caption)


def test_undated_reports_stay_undated():
    at = open_page(None, "ID")
    text = " ".join(m.value for m in at.markdown)
    assert "Desember 2014: **134**" in text and "20 Desember 2016: **136**" in text
    assert "- 140 — " in text and "- 142 — " in text  # listed without any date


def test_broken_data_folder_shows_report(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    broken = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, broken)
    path = broken / "registry.csv"
    path.write_text(path.read_text().replace("KIM-0002,", "KIM-0001,"))
    (broken / "targets.csv").unlink()
    monkeypatch.setenv("KIM_DATA_DIR", str(broken))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "Data tidak valid" in at.error[0].value
    report = at.dataframe[0].value
    assert set(report["Berkas"]) == {"registry.csv", "targets.csv"}
    assert {(2, "id"), (3, "id")} <= set(zip(report["Baris"], report["Kolom"]))
    assert any("validate" in m.value for m in at.markdown)
