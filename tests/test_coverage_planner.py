"""Coverage figures and the planner on the shipped data, checked against independent counts."""

import numpy as np
import pandas as pd
import pytest

from kim_dash.coverage import coverage_kpis, even_targets, gini, growth_by_year, kecamatan_table
from kim_dash.planner import bogor_units, desa_saturation, make_plan, read_weights_file, summarise
from kim_dash.problems import DatasetError


def test_kecamatan_table_against_registry(dataset):
    table = kecamatan_table(dataset).set_index("code")
    registry = dataset.registry
    assert table["kim"].sum() == len(registry) == 136
    for code, group in registry.groupby("kecamatan_code"):
        assert table.loc[code, "kim"] == len(group)
        assert table.loc[code, "villages_covered"] == group["desa_code"].nunique()
    kpis = coverage_kpis(dataset)
    assert kpis.kecamatan_with_kim == registry["kecamatan_code"].nunique()
    assert kpis.villages_with_kim == registry["desa_code"].nunique()
    assert kpis.target_per_kecamatan == 150 / 40


def test_even_targets_tie_rule(dataset):
    targets = even_targets(dataset)
    assert sum(targets.values()) == 150 and sorted(set(targets.values())) == [3, 4]
    villages = kecamatan_table(dataset).set_index("code")["villages"]
    fours = [c for c, v in targets.items() if v == 4]
    threes = [c for c, v in targets.items() if v == 3]
    assert min(villages[c] for c in fours) >= max(villages[c] for c in threes)  # more desa first


def test_plan_topup_reaches_target_without_losses(dataset):
    units = bogor_units(dataset)
    plan = make_plan(units, 150, "hamilton", "topup")
    assert plan["after"].sum() == 150 and plan["new"].sum() == 14
    assert (plan["after"] >= plan["current"]).all()
    assert (plan["gap"] == plan["target"] - plan["after"]).all()
    zero = kecamatan_table(dataset).query("kim == 0")["code"]
    assert set(zero) <= set(plan[plan["new"] > 0]["code"])  # empty kecamatan are served first


def test_plan_full_mode(dataset):
    plan = make_plan(bogor_units(dataset), 150, "webster", "full")
    assert (plan["gap"] == plan["target"] - plan["current"]).all()
    assert (plan["new"] == plan["gap"].clip(lower=0)).all()
    assert plan["target"].sum() == 150


def test_target_or_method_changes_the_plan(dataset):
    units = bogor_units(dataset, "desa")
    assert not make_plan(units, 150, "hamilton").equals(make_plan(units, 200, "hamilton"))
    assert not make_plan(units, 200, "dhondt", "full").equals(
        make_plan(units, 200, "huntington-hill", "full")
    )


def test_summary_inequality_improves(dataset):
    units = bogor_units(dataset)
    plan = make_plan(units, 150)
    summary = summarise(plan, units, 150)
    assert summary.before.zero_units == 9 and summary.after.zero_units == 0
    assert summary.after.gini_per_village < summary.before.gini_per_village


def test_gini_known_values():
    assert gini(np.array([1, 1, 1, 1])) == 0
    assert gini(np.array([0, 0, 0, 4])) == pytest.approx(0.75)  # (n-1)/n for one holder
    assert gini(np.array([0, 0])) == 0


def test_desa_saturation(dataset):
    saturation = desa_saturation(dataset)
    assert saturation["needed"].sum() == 435 - dataset.registry["desa_code"].nunique()
    assert (saturation["needed"] >= 0).all()


def test_growth_is_cumulative(dataset):
    growth = growth_by_year(dataset)
    assert growth["cumulative"].iloc[-1] == 136
    assert growth.set_index("year").loc[2014, "cumulative"] == 134


def test_weights_file_problems(dataset):
    with pytest.raises(DatasetError) as err:
        read_weights_file(b"code,weight\n32.01.01,abc\n32.01.99,3\n32.01.01,2\n", "w.csv", dataset)
    found = {(p.row, p.column, p.reason) for p in err.value.problems}
    assert {(2, "weight", "not_number"), (3, "code", "unknown_kecamatan"), (4, "code", "duplicate")} <= found
    units = read_weights_file(b"code,weight\n32.01.01,5\n32.01.02,1\n", "w.csv", dataset)
    assert units["current"].tolist() == [3, 0]
    assert isinstance(units, pd.DataFrame)
