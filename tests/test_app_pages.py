"""AppTest: the frame every page shares, in both languages; one number format and one language at a time."""

import re
import shutil

import pandas as pd
import pytest

from kim_dash.store.dataset import DEFAULT_DATA_DIR

from .apptest_helpers import APP, ILLUSTRATIVE_WORDS, all_text, open_page

PAGES = ["ringkasan", "peringkat", "kecamatan", "rencana", "data"]
# a number in the other locale's format: 1,234 or 3.75 in Bahasa Indonesia; 1.234 or 3,75 in English
WRONG_NUMBER = {
    "ID": re.compile(r"(?<![\d.,:/-])\d{1,3}(,\d{3})+(?![\d,])|(?<![\d.:/-])\d+\.\d{1,2}(?![\d.])"),
    "EN": re.compile(r"(?<![\d.,:/-])\d{1,3}(\.\d{3})+(?![\d.])|(?<![\d,:/-])\d+,\d{1,2}(?![\d,])"),
}
OTHER_LANGUAGE = {
    "ID": ("Number of", "Download", "illustrative", "below target", "Kecamatan with"),
    "EN": ("Jumlah KIM", "Unduh", "ilustratif", "di bawah target", "Kecamatan yang", "Desember"),
}


@pytest.mark.parametrize("lang", ["ID", "EN"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_dated_sourced_and_in_one_language(page, lang):
    at = open_page(page, lang)  # a missing translation key raises KeyError -> at.exception
    assert at.title, "every page has a title"
    text = all_text(at)
    if page != "data":
        assert any(c.value.startswith(("Data per", "Data as of")) for c in at.caption), (
            "every page dates its data"
        )
        assert any(c.value.startswith(("Sumber:", "Sources:")) for c in at.caption), (
            "every page names its sources"
        )
    # codes (32.01.27), dates and file names are not numbers in a locale: drop them before looking
    prose = re.sub(
        r"\b\d{2}(\.\d{2}){1,3}\b|\d{4}-\d{2}(-\d{2})?|\bv?\d+\.\d+\.\d+\b|[\w.-]+\.(csv|xlsx|py)\b", "", text
    )
    prose = re.sub(r"300\.2\.2-2138/2025|Permenkominfo 22/2010", "", prose)
    wrong = WRONG_NUMBER[lang].findall(prose)
    assert not [w for w in WRONG_NUMBER[lang].finditer(prose)], (page, lang, wrong[:5])
    for word in OTHER_LANGUAGE[lang]:
        assert word not in text, (page, lang, word)


def test_option_labels_stay_in_the_chosen_language():
    at = open_page("rencana", "EN")
    labels = [o for box in at.selectbox for o in box.options]
    assert "equal" in labels and "sama rata" not in labels and "add KIM only" in labels
    at = open_page("rencana", "ID")
    labels = [o for box in at.selectbox for o in box.options]
    assert "sama rata" in labels and "equal" not in labels


def test_all_published_data_shows_no_marker_anywhere(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, folder, ignore=shutil.ignore_patterns("kim.sqlite"))
    for name in ("registry.csv", "national_kim_2014.csv", "sample_counts_bandung.csv"):
        frame = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
        frame["source"] = "published:registri resmi"
        frame.to_csv(folder / name, index=False)
    monkeypatch.setenv("KIM_DATA_DIR", str(folder))
    for lang in ("ID", "EN"):
        for page in PAGES:
            text = all_text(open_page(page, lang)).lower()
            assert not any(word in text for word in ILLUSTRATIVE_WORDS), (page, lang)


def test_broken_data_folder_shows_a_report(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    broken = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, broken, ignore=shutil.ignore_patterns("kim.sqlite"))
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
    assert {(2, "id"), (3, "id")} <= set(zip(report["Baris"], report["Kolom"], strict=True))
