"""Every page answers for any kabupaten/kota, any date, any grain of data (AppTest): no exception, no
empty chart, no blank KPI card, and the first sentence states a figure or an honest absence."""

import json
import re

import pytest

from .apptest_helpers import all_text, open_page

PAGES = [None, "peringkat", "kecamatan", "rencana", "data"]
# code (data/reference/regencies.csv) -> an earlier date with published figures
REGENCIES = {"32.01": "2014-12", "32.04": "2014-12", "35.07": "2023", "91.10": "2014-12"}
ABSENCE = ("tidak diketahui", "belum ada", "unknown", "no kim", "there is no", "tidak tercatat", "not listed")


def charts_with_points(at) -> list[bool]:
    """For every plotly chart on the page: whether any trace draws a value."""
    found = []
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        traces = spec.get("data", [])
        found.append(any(len(tr.get("x") or tr.get("y") or []) for tr in traces))
    return found


def first_sentence(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("- "))


@pytest.mark.parametrize("lang", ["ID", "EN"])
@pytest.mark.parametrize("code", list(REGENCIES))
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "ringkasan")
def test_every_page_answers_for_any_regency_and_date(page, code, lang):
    for per in ("", REGENCIES[code]):
        params = {"wilayah": code, **({"per": per} if per else {})}
        at = open_page(page, lang, **params)  # asserts no exception
        assert all(m.value.strip() for m in at.metric), (page, code, per, [m.label for m in at.metric])
        assert all(charts_with_points(at)), (page, code, per)
        first = first_sentence(at).lower()
        assert re.search(r"\d", first) or any(w in first for w in ABSENCE), (page, code, per, first)
        if "(ilustratif)" in first or "(illustrative)" in first:  # a sample figure, never an absence
            assert not any(w in first for w in ABSENCE), first


def test_the_published_figures_appear():
    malang = all_text(open_page(None, "ID", wilayah="35.07"))
    assert "215" in malang and "175" in malang and "Wajak" in malang
    bogor = open_page(None, "ID", wilayah="32.01", per="2014-12")
    text = all_text(bogor)
    assert "134" in text and "2 dari 174" in text and "136" not in first_sentence(bogor)
    english = all_text(open_page(None, "EN", wilayah="32.01", per="2014-12"))
    assert "2 of 174" in english
    sarmi = open_page("kecamatan", "ID", wilayah="91.10")
    assert "ilustratif" not in first_sentence(sarmi) and not at_charts(sarmi)


def at_charts(at) -> int:
    return len(at.get("plotly_chart"))
