"""Honest figures: a figure is published only if every input is; one flipped row marks exactly its dependents."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from kim_dash.cli import main
from kim_dash.model.coverage import coverage_kpis, kecamatan_table
from kim_dash.model.plan_request import PlanRequest, run_plan
from kim_dash.model.planner import default_plan
from kim_dash.model.ranking import focus_stats, national_ranking, national_totals
from kim_dash.model.regency import regency_data
from kim_dash.sources.provenance import combine, derive, is_published
from kim_dash.store.dataset import load_dataset
from kim_dash.ui import charts

CARINGIN = "32.01.27"


def published_copy(data_copy: Path, flip: str | None = None) -> Path:
    """Every row published and no stated aggregates (the row rule alone); optionally one row flipped back."""
    for name in ("registry.csv", "national_kim_2014.csv", "sample_counts_bandung.csv"):
        path = data_copy / name
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame["source"] = "published:test"
        if flip and name == "registry.csv":
            frame.loc[frame["id"] == flip, "source"] = "illustrative"
        frame.to_csv(path, index=False)
    facts = data_copy / "published_figures.csv"
    facts.write_text(facts.read_text().splitlines()[0] + "\n")
    return data_copy


def test_combine_and_derive():
    assert combine(["published:a", "published:b", "published:a"]) == "published:a; b"
    assert combine(["published:a", "illustrative", "illustrative"]) == "published 1 / illustrative 2"
    assert combine([]) == "illustrative"  # no evidence is not published
    assert derive("published:a", "published:b") == "published:a; b"
    assert derive("illustrative", "published:b") == "illustrative"


def test_flipping_one_row_marks_exactly_its_dependents(data_copy, geography):
    registry = pd.read_csv(data_copy / "registry.csv", dtype=str, keep_default_na=False)
    flipped = registry[registry["kecamatan_code"] == CARINGIN]["id"].iloc[-1]
    clean = regency_data(load_dataset(published_copy(data_copy), geography=geography), "32.01")
    dirty_folder = published_copy(data_copy, flip=flipped)
    dirty = regency_data(load_dataset(dirty_folder, geography=geography), "32.01")

    before, after = kecamatan_table(clean).set_index("code"), kecamatan_table(dirty).set_index("code")
    assert before["source"].map(is_published).all()
    marked = set(after.index[~after["source"].map(is_published)])
    zero = set(after.index[after["kim"] == 0])  # a zero rests on the whole table being complete
    assert marked == {CARINGIN} | zero
    plan_before, plan_after = default_plan(clean).set_index("code"), default_plan(dirty).set_index("code")
    assert plan_before["source"].map(is_published).all()
    assert set(plan_after.index[~plan_after["source"].map(is_published)]) == {CARINGIN} | zero
    kpis_before, kpis_after = coverage_kpis(clean), coverage_kpis(dirty)
    assert kpis_before.kim.published and kpis_before.kecamatan_with_kim.published
    assert not kpis_after.kim.published and not kpis_after.kecamatan_with_kim.published
    assert kpis_after.target_per_kecamatan.published  # the target does not rest on the registry
    # chart traces: only the marked bars are hatched
    fig = charts.kecamatan_bar(kecamatan_table(dirty), False, "id")
    hatched = {
        y
        for trace in fig.data
        if trace.type == "bar"
        for y, shape in zip(trace.y, trace.marker.pattern.shape, strict=True)
        if shape and y is not None  # the legend's "arsir = ilustratif" swatch draws no bar
    }
    names = dict(zip(dirty.kecamatan["code"], dirty.kecamatan["name"], strict=True))
    assert hatched == {charts.esc(names[c]) for c in {CARINGIN} | zero}


def test_sample_marks_what_rests_on_sample_rows(dataset, bogor):
    totals = national_totals(dataset)
    assert totals.kim.published and totals.regencies.published and totals.provinces.published
    stats = focus_stats(dataset, "32.01")
    assert stats.rank.published and stats.of.published and stats.count.published and stats.share.published
    assert not stats.gap_to_first.published and not stats.gap_to_next.published  # rank 1's count is sample
    kpis = coverage_kpis(bogor)
    assert kpis.kim.published and kpis.to_form.published  # 136 is Diskominfo's own count for this date
    assert not kpis.kecamatan_with_kim.published and not kpis.villages_with_kim.published
    ranking = national_ranking(dataset).set_index("code")
    assert is_published(ranking.loc["32.01", "source"]) and not is_published(ranking.loc["16.01", "source"])
    # the plan's total rests on 136 and 150 (published); how uneven the kecamatan are rests on the rows
    summary = run_plan(dataset, PlanRequest("32.01")).summary
    assert summary.current.published and summary.to_form.published
    assert not is_published(summary.source)


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["plan", "--mode", "full"],
        ["plan", "--regency", "32.04"],
        ["plan", "--per-year", "5", "--until", "2020"],
        ["export", "ranking"],
        ["export", "provinces"],
        ["export", "kecamatan"],
        ["export", "registry"],
        ["export", "saturation"],
        ["export", "progress"],
        ["export", "kecamatan", "--regency", "32.04"],
    ],
)
def test_every_extract_has_a_source_on_every_row(args, capsysbinary):
    assert main(args) == 0
    frame = pd.read_csv(io.BytesIO(capsysbinary.readouterr().out), dtype=str, keep_default_na=False)
    assert len(frame) and "source" in frame.columns
    assert (frame["source"] != "").all()


def test_a_mix_of_rows_reads_in_plain_words_with_its_count():
    from kim_dash.outputs.writers import source_label

    assert (
        source_label("published 3 / illustrative 133", "id")
        == "sebagian besar ilustratif (133 dari 136 baris)"
    )
    assert source_label("published 3 / illustrative 133", "en") == "mostly illustrative (133 of 136 rows)"
    assert source_label("published 3 / illustrative 1", "en") == "partly illustrative (1 of 4 rows)"
    assert source_label("illustrative", "id") == "ilustratif"
    assert source_label("published:kimkabbogor.id", "en") == "published: kimkabbogor.id"
