"""The target beside a figure is the target of what the figure counts: a chosen kecamatan's own share,
or under "a KIM in every kecamatan" the kecamatan still without one (issue: 6 KIM in Caringin were
once set against the regency's 150, and Kabupaten Bandung's 88 KIM against "31" showed 0 to form)."""

import pandas as pd

from kim_dash.model.coverage import coverage_kpis
from kim_dash.model.plan_request import PlanRequest, run_plan
from kim_dash.model.regency import regency_data
from kim_dash.outputs.sentences import target_sentence
from kim_dash.store.dataset import DEFAULT_DATA_DIR

CARINGIN = "32.01.27"


def test_a_chosen_kecamatan_is_set_against_its_own_share(dataset, bogor):
    registry = pd.read_csv(DEFAULT_DATA_DIR / "registry.csv", dtype=str)
    kim = int((registry["kecamatan_code"] == CARINGIN).sum())
    kpis = coverage_kpis(bogor, (CARINGIN,))
    # 150 over 40 kecamatan: every share is 3 or 4, never the regency's 150
    assert kpis.target_shown.value in (3, 4)
    assert kpis.to_form.value == max(kpis.target_shown.value - kim, 0)
    text = target_sentence(bogor, "id", (CARINGIN,)).text
    assert f"{kim} KIM di Caringin" in text and "150" not in text
    assert "Caringin" in target_sentence(bogor, "en", (CARINGIN,)).text


def test_a_kim_in_every_kecamatan_counts_the_kecamatan_without_one(dataset):
    counts = pd.read_csv(DEFAULT_DATA_DIR / "sample_counts_bandung.csv", dtype={"kecamatan_code": str})
    reference = pd.read_csv(DEFAULT_DATA_DIR / "reference" / "kecamatan.csv", dtype=str)
    kecamatan = set(reference.loc[reference["regency_code"] == "32.04", "code"])
    with_kim = set(counts.loc[counts["count"] > 0, "kecamatan_code"]) & kecamatan
    empty = len(kecamatan) - len(with_kim)
    assert (len(kecamatan), empty, int(counts["count"].sum())) == (31, 9, 88)  # FACTS: 88 KIM in 22 of 31
    bandung = regency_data(dataset, "32.04")
    summary = run_plan(dataset, PlanRequest("32.04")).summary
    assert summary.to_form.value == empty and summary.new.value == empty
    assert abs(summary.progress.value - len(with_kim) / len(kecamatan)) < 1e-9
    kpis = coverage_kpis(bandung)
    assert kpis.to_form.value == empty and abs(kpis.progress - len(with_kim) / len(kecamatan)) < 1e-9
    # 88 over 31 rests on the published total and the reference geography: published, like the 88 itself
    assert abs(kpis.mean_per_kecamatan.value - 88 / 31) < 1e-9
    assert kpis.kim.published and kpis.mean_per_kecamatan.published
    text = target_sentence(bandung, "id").text
    assert "minimal 1 KIM di setiap kecamatan" in text and f"perlu {empty} KIM" in text and "31" not in text


def test_an_even_total_keeps_the_regency_figures(dataset, bogor):
    summary = run_plan(dataset, PlanRequest("32.01")).summary
    assert (summary.current.value, summary.target.value, summary.to_form.value) == (136, 150, 14)
    assert abs(summary.progress.value - 136 / 150) < 1e-9
