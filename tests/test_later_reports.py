"""A report published after the per-kecamatan rows is named beside them, and the reports table reads as
words: Bandung's rows are of 11 April 2019 (88 KIM, FACTS.md), its later report of 2 July 2024 counts
113 KIM without figures per kecamatan; Bogor has no total after its rows of 20 December 2016."""

import datetime as dt

import pytest

from kim_dash.model.grain import later_total
from kim_dash.model.plan_request import PlanRequest, plan_notes, run_plan
from kim_dash.model.regency import regency_data
from kim_dash.outputs.grain_extracts import reports_extract, reports_for_reading
from kim_dash.outputs.sentences import home_sentences, later_total_sentences
from kim_dash.store.dataset import DEFAULT_DATA_DIR, load_dataset

from .apptest_helpers import all_text, open_page, table_with

BANDUNG, BOGOR = "32.04", "32.01"
TODAY = dt.date(2026, 12, 7)


def test_bandungs_later_total_is_the_2024_report(dataset):
    later = later_total(dataset, BANDUNG, "2019-04-11", 88)
    assert (later.value, later.as_of) == (113, "2024-07-02")
    assert later.source.startswith("published:")
    assert later_total(dataset, BANDUNG, "2024-07-02", 88) is None  # nothing after the report itself
    assert later_total(dataset, BANDUNG, "2019-04-11", 113) is None  # the same number says nothing new
    assert later_total(dataset, BANDUNG, "", 88) is None  # an undated table has no "later"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_and_the_kecamatan_sentences_name_the_later_report(dataset, lang):
    request = PlanRequest(BANDUNG, today=TODAY)
    texts = [s.text for s in plan_notes(run_plan(dataset, request), request, lang)]
    date, older = ("2 Juli 2024", "11 April 2019") if lang == "id" else ("July 2, 2024", "April 11, 2019")
    named = [s for s in texts if "113" in s]
    assert len(named) == 1 and date in named[0] and older in named[0], texts
    regency = regency_data(dataset, BANDUNG)
    (sentence,) = later_total_sentences(dataset, regency, lang)
    assert "113" in sentence.text and date in sentence.text and sentence.source.startswith("published:")
    assert sentence in home_sentences(dataset, BANDUNG, lang)


def test_no_later_report_no_sentence(dataset, geography):
    request = PlanRequest(BOGOR, today=TODAY)
    assert run_plan(dataset, request).later is None
    assert later_total_sentences(dataset, regency_data(dataset, BOGOR), "id") == []
    # seen from 2020 the 2024 report does not exist yet
    earlier = load_dataset(DEFAULT_DATA_DIR, as_of="2020", geography=geography)
    assert later_total_sentences(earlier, regency_data(earlier, BANDUNG), "id") == []
    assert run_plan(earlier, PlanRequest(BANDUNG, today=TODAY)).later is None


def test_reports_read_as_dates_in_words(dataset):
    """The date at its own precision with what it dates (published_reports.csv: 2024-07 'as of' on
    kim.id, 2024-07-02 an event), in each language; the extract keeps the ISO date and its kind."""
    reports = reports_extract(dataset)
    shown = {lang: reports_for_reading(reports, lang) for lang in ("id", "en")}
    national = shown["id"]["name"] == "Indonesia"
    assert "per Juli 2024" in shown["id"].loc[national, "when"].tolist()
    assert "as of July 2024" in shown["en"].loc[national, "when"].tolist()
    bandung = shown["id"].loc[shown["id"]["count"] == 113, "when"].tolist()
    assert bandung == ["acara 2 Juli 2024"]
    for frame in shown.values():
        assert "as_of" not in frame.columns and "date_kind" not in frame.columns
        assert not frame["when"].str.contains(r"\d{4}-\d{2}").any()
    assert {"as_of", "date_kind"} <= set(reports.columns)


def read(at) -> str:
    return all_text(at).replace("\\", "")  # markdown escapes user-controlled punctuation


def test_pages_show_it():
    at = open_page("rencana", "ID", wilayah=BANDUNG)
    assert "Laporan yang lebih baru (2 Juli 2024) mencatat 113 KIM" in read(at)
    at = open_page("kecamatan", "EN", wilayah=BANDUNG)
    assert "A later report (July 2, 2024) counts 113 KIM" in read(at)
    assert "later report" not in read(open_page("kecamatan", "EN", wilayah=BOGOR))
    at = open_page("peringkat", "ID")
    table = table_with(at, "Tanggal")
    assert "acara 2 Juli 2024" in table["Tanggal"].tolist()
    assert "Jenis tanggal" not in table.columns
