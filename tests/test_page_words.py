"""The words the pages used to build themselves, now decided in kim_dash.outputs.page_words."""

import pandas as pd
import pytest

from kim_dash.model.coverage import CoverageKpis, TargetSpread
from kim_dash.model.kinds import Spread
from kim_dash.model.ranking import FocusStats, ranked_provinces
from kim_dash.outputs.page_words import (
    aliases_note,
    chart_target,
    disagreement_pairs,
    kim_help,
    signed,
    since_previous_changes,
    target_kpi,
    template_view,
    undated_note,
)
from kim_dash.sources.provenance import Figure

P = "published:test"


def kpis(spread: Spread, per_kecamatan: float, shown: int = 7) -> CoverageKpis:
    def fig(value: float) -> Figure:
        return Figure(value, P)

    return CoverageKpis(
        fig(120), fig(30), 40, None, 435, fig(3.0), TargetSpread(fig(150), spread, 2029),
        fig(per_kecamatan), fig(30), fig(shown), 10, 0.8,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("spread", "chosen", "lang", "label", "value"),
    [
        ("even", (), "id", "Target rerata kecamatan", "3,75"),
        ("even", (), "en", "Average target per kecamatan", "3.75"),
        ("per_desa", (), "id", "Target rerata kecamatan", "3,75"),
        ("per_kecamatan", (), "id", "Target minimal per kecamatan", "4"),
        ("default", (), "en", "Minimum per kecamatan", "4"),
        ("even", ("3201010",), "id", "Target kecamatan terpilih", "7"),
        ("per_kecamatan", ("3201010",), "en", "Target of the chosen kecamatan", "7"),
    ],
)
def test_target_kpi_label_and_value(spread, chosen, lang, label, value):
    assert target_kpi(kpis(spread, 3.75 if spread in ("even", "per_desa") else 4), chosen, lang) == (
        label,
        value,
    )


def test_signs_use_a_minus_sign_and_zero():
    assert [signed(c) for c in (3, 1, 0, -1, -12)] == ["+3", "+1", "0", "−1", "−12"]
    assert "-" not in signed(-5)  # the typographic minus, never a hyphen


def test_since_previous_lists_changes_in_table_order():
    table = pd.DataFrame(
        {"name": ["Cibinong", "Citeureup", "Bojonggede", "Baru"], "change": [2, 0, -1, float("nan")]}
    )
    assert since_previous_changes(table, "id") == "+2 Cibinong, −1 Bojonggede"


@pytest.mark.parametrize(("lang", "words"), [("id", "tidak ada perubahan"), ("en", "no change")])
def test_since_previous_without_changes_says_so(lang, words):
    table = pd.DataFrame({"name": ["Cibinong", "Baru"], "change": [0, float("nan")]})
    assert since_previous_changes(table, lang) == words


@pytest.mark.parametrize(
    ("spread", "line"), [("even", 150), ("per_desa", 150), ("per_kecamatan", 0), ("default", 0)]
)
def test_chart_target_draws_only_a_total(spread, line):
    assert chart_target(TargetSpread(Figure(150, P), spread, None)) == line
    assert chart_target(None) == 0


def test_disagreement_pairs_name_the_first_ten():
    pairs = [(f"k{i}", i, i + 1) for i in range(12)]
    text = disagreement_pairs(pairs, {"k0": "Cibinong"})
    assert text.startswith("Cibinong (0/1), k1 (1/2)")
    assert text.endswith("k9 (9/10)") and "k10" not in text


def test_aliases_note_leaves_out_the_shown_title():
    note = aliases_note({"name": "nama_kim"}, {"name": ["name", "nama_kim", "kim"]}, "en")
    assert note.endswith("nama_kim ← name, kim")


def test_template_view_titles_in_the_readers_language(dataset, bogor):
    example, note = template_view("counts", bogor.code, dataset.geography, "id")
    assert list(example.columns)[:2] != ["kecamatan_code", "count"]
    assert len(example) == 1
    english, _ = template_view("counts", bogor.code, dataset.geography, "en")
    assert list(english.columns) == ["kecamatan_code", "count", "source", "as_of", "note"]
    assert note and "←" in note


def test_ranked_provinces_once_each_by_code():
    ranking = pd.DataFrame({"province_code": ["32", "11", "32", "35"]})
    assert ranked_provinces(ranking) == ["11", "32", "35"]


@pytest.mark.parametrize(("rank", "differs"), [(1, False), (2, False), (3, True), (40, True)])
def test_the_gap_to_the_next_rank_shows_only_when_it_is_not_the_first(rank, differs):
    f = Figure(0, P)
    stats = FocusStats("32.01", "Bogor", Figure(rank, P), f, f, f, f, f, f, f)
    assert stats.next_differs is differs


def test_kim_help_says_a_total_or_a_minimum():
    total = kpis("even", 3.75)  # progress 0.8 of a total target of 150
    assert kim_help(total, "en") == "Toward the target of 150: 80.0%."
    assert kim_help(kpis("per_kecamatan", 1), "id") == "Menuju KIM di setiap kecamatan: 80,0% tercapai."
    assert "150" not in kim_help(kpis("default", 1), "en")


def test_undated_note_keeps_the_dates_precision_and_says_undated():
    assert "(1.234 KIM per Juni 2023)" in undated_note(1234, "2023-06", "id")
    assert "(12 KIM as of –)" in undated_note(12, "", "en")


def test_regency_as_of_and_names(bogor):
    assert bogor.as_of == bogor.snapshot.as_of and bogor.as_of
    names = bogor.kecamatan_names
    assert list(names) == bogor.kecamatan["code"].tolist() and names[bogor.kecamatan["code"].iloc[0]]
