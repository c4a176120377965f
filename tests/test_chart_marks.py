"""Every mark reads, checked on the figure specs as drawn: zero bars have a visible length and say "0",
the hatching is named inside the figure at a readable size, no two value labels share a spot, the plan
by year has its own axis for progress, and an unchanged measure is explained."""

from __future__ import annotations

import pandas as pd

from kim_dash.model.coverage import kecamatan_table
from kim_dash.model.inequality import Inequality
from kim_dash.outputs.cells import unchanged_notes
from kim_dash.outputs.chart_marks import ZERO_STUB, axis_high, labels_once, zero_stub
from kim_dash.ui import charts, charts_plan


def _zero_rows(fig) -> list[tuple[str, float]]:
    return [
        (y, x)
        for trace in fig.data
        if trace.type == "bar" and trace.text is not None
        for y, x, text in zip(trace.y, trace.x, trace.text, strict=True)
        if text in ("0", "0,00", "0.00")
    ]


def test_zero_bars_are_drawn_as_a_visible_stub_with_a_zero(bogor):
    table = kecamatan_table(bogor)
    without = set(table.loc[table["kim"] == 0, "name"])
    assert len(without) == 9  # "9 kecamatan belum punya KIM" (the sample's registry)
    for per_village in (False, True):
        fig = charts.kecamatan_bar(table, per_village, "id")
        zeros = _zero_rows(fig)
        assert {y for y, _ in zeros} == without
        axis_end = fig.layout.xaxis.range[1]
        # at least 1.3 % of the axis: >= 4 px of a phone's ~330 px plot, ~13 px on a desktop
        assert all(x >= 0.013 * axis_end for _, x in zeros)
        assert all(x <= 0.02 * axis_end for _, x in zeros)  # a stub, not a value


def test_a_stub_only_lengthens_zeros_and_tiny_values():
    values = pd.Series([0, 0.001, 3, 15])
    assert axis_high(values, [4, 4]) == 15 and axis_high([], []) == 1.0 and axis_high([0]) == 1.0
    drawn = zero_stub(values, 15)
    assert list(drawn[2:]) == [3.0, 15.0] and list(drawn[:2]) == [15 * ZERO_STUB] * 2


def test_the_hatching_is_named_in_the_figure_legend_at_a_readable_size(bogor, dataset):
    for fig in (
        charts.kecamatan_bar(kecamatan_table(bogor), False, "id"),
        charts.kecamatan_bar(kecamatan_table(bogor), False, "en"),
    ):
        names = [trace.name for trace in fig.data if trace.showlegend is not False]
        assert "arsir = ilustratif" in names or "hatched = illustrative" in names
        assert fig.layout.legend.font.size >= 12
        assert not fig.layout.annotations  # the note is no longer a small corner text
        assert all(trace.textfont.size >= 12 for trace in fig.data if trace.text is not None)


def test_the_target_ticks_are_shorter_than_a_row_and_named_in_the_legend(bogor):
    fig = charts.kecamatan_bar(kecamatan_table(bogor), False, "id")
    ticks = next(trace for trace in fig.data if trace.name == "target kecamatan")
    rows = len(kecamatan_table(bogor))
    plot_height = fig.layout.height - 130  # the chart's own height rule: 20 px a row + 130
    assert ticks.marker.size < plot_height / rows  # a gap between neighbouring ticks: no axis-like line


def test_a_stored_table_repeating_a_report_prints_no_second_label():
    points = pd.DataFrame({"as_of": ["2016-12-20", "2018-01"], "kim": [136, 140], "source": ["x", "x"]})
    reports = pd.DataFrame({"as_of": ["2016-12-20", "2014-12"], "count": [136, 134], "source": ["x", "x"]})
    assert labels_once(points, reports) == ["", "140"]
    assert labels_once(points, reports.iloc[0:0]) == ["136", "140"]


def test_no_two_value_labels_of_the_time_chart_share_a_spot():
    points = pd.DataFrame({"as_of": ["2016-12-20"], "kim": [136], "source": ["illustrative"]})
    reports = pd.DataFrame({"as_of": ["2016-12-20"], "count": [136], "source": ["published:x"]})
    growth = pd.DataFrame({"year": [2015, 2016], "cumulative": [120, 133], "source": ["illustrative"] * 2})
    fig = charts_plan.progress_chart(points, reports, growth, 150, "id")
    spots = [
        (x, y)
        for trace in fig.data
        if trace.text is not None
        for x, y, text in zip(trace.x, trace.y, trace.text, strict=True)
        if text
    ]
    assert len(spots) == len(set(spots)) == 1


def test_the_plan_by_year_draws_new_kim_and_progress_on_their_own_axes():
    totals = pd.DataFrame({"year": [2017, 2018], "new": [10, 4], "cumulative": [10, 14]})
    fig = charts_plan.schedule_chart(totals, 136, 150, "id")
    bars = next(trace for trace in fig.data if trace.type == "bar")
    line = next(trace for trace in fig.data if trace.type == "scatter")
    assert bars.yaxis == "y" and line.yaxis == "y2"
    assert list(bars.text) == ["+10", "+4"]
    assert min(bars.x) == min(line.x) == 2017  # from the plan's first year
    assert list(line.text) == ["146", "150"]
    assert any(a.text == "target 150" for a in fig.layout.annotations)
    low, high = fig.layout.yaxis2.range
    assert low > 0 and high >= 150  # the progress axis is not squashed to a 0-150 scale
    assert fig.layout.yaxis.range[1] < 20  # the bars have their own scale (10 and 4, not 0-150)


def test_a_measure_the_plan_cannot_change_is_explained():
    before = Inequality(0.56, 1.14, 0.0, 9, 0.35)
    after = Inequality(0.44, 0.96, 0.07, 0, 0.35)
    notes = unchanged_notes(before, after, "id")
    assert len(notes) == 1 and "mencapai target" in notes[0] and "tidak berubah" in notes[0]
    assert unchanged_notes(before, before, "en") == ["This plan does not change how KIM are spread."]
    at_best = Inequality(0.1, 0.2, 0.5, 0, 1.0)
    assert unchanged_notes(at_best, Inequality(0.05, 0.1, 0.6, 0, 1.0), "id") == []


def test_coverage_under_the_kim_count_is_labelled_as_coverage():
    from kim_dash.outputs.cells import progress_label

    assert progress_label("per_kecamatan", 0.71, "id") == "cakupan: 71,0% kecamatan sudah punya KIM"
    assert progress_label("per_desa", 0.5, "en") == "coverage: 50.0% of desa/kelurahan have a KIM"
    assert progress_label("even", 0.907, "id") == "90,7% dari target"


def test_the_time_chart_note_names_only_the_marks_drawn():
    from kim_dash.outputs.chart_marks import time_chart_note

    points = pd.DataFrame({"as_of": ["2016-12-20"], "kim": [136], "source": ["illustrative"]})
    none = points.iloc[0:0]
    growth = pd.DataFrame({"year": [2015], "cumulative": [120], "source": ["illustrative"]})
    assert time_chart_note(points, none, none, "id") == "Titik biru: data tersimpan per tanggal."
    both = time_chart_note(points, points.rename(columns={"kim": "count"}), growth, "en")
    assert "Diamonds" in both and "Dotted line" in both and "Blue dots" in both
    assert time_chart_note(none, none, none, "en") == ""
