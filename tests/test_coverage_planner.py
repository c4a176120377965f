"""Coverage figures and the planner, checked against values computed independently in the test."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_dash.model.apportion import tie_order
from kim_dash.model.coverage import (
    coverage_kpis,
    growth_by_year,
    kecamatan_table,
    kecamatan_targets,
    planning_units,
)
from kim_dash.model.inequality import gini, inequality
from kim_dash.model.planner import default_plan, desa_saturation, make_plan, summarise, weights_units
from kim_dash.model.regency import regency_data
from kim_dash.model.schedule import plan_by_year
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.provenance import Figure


def test_kecamatan_table_against_registry(bogor):
    table = kecamatan_table(bogor).set_index("code")
    registry = bogor.registry
    assert table["kim"].sum() == len(registry) == 136
    for code, group in registry.groupby("kecamatan_code"):
        assert table.loc[code, "kim"] == len(group)
        assert (
            table.loc[code, "villages_covered"] == group.loc[group["desa_code"] != "", "desa_code"].nunique()
        )
    kpis = coverage_kpis(bogor)
    assert kpis.kecamatan_with_kim.value == registry["kecamatan_code"].nunique()
    assert kpis.villages_with_kim.value == registry.loc[registry["desa_code"] != "", "desa_code"].nunique()
    assert kpis.target_per_kecamatan.value == 150 / 40


def test_even_targets_follow_the_tie_rule(bogor):
    targets = kecamatan_targets(bogor)
    assert sum(targets.values()) == 150 and sorted(set(targets.values())) == [3, 4]
    villages = bogor.kecamatan.set_index("code")["villages"]
    fours = [c for c, v in targets.items() if v == 4]
    threes = [c for c, v in targets.items() if v == 3]
    assert len(fours) == 30 and min(villages[c] for c in fours) >= max(villages[c] for c in threes)


def test_tie_rule_directly():
    units = pd.DataFrame(
        {
            "code": ["32.01.03", "32.01.01", "32.01.02", "32.01.04"],
            "villages": [10, 10, 12, 10],
            "weight": [1.0, 1.0, 1.0, 2.0],
        }
    )
    # more desa first (…02), then the larger weight (…04), then the lower code (…01 before …03)
    assert tie_order(units) == ["32.01.02", "32.01.04", "32.01.01", "32.01.03"]


def test_plan_topup_reaches_target_without_losses(bogor):
    plan = default_plan(bogor)
    assert plan["after"].sum() == 150 and plan["new"].sum() == 14
    assert (plan["after"] >= plan["current"]).all()
    assert (plan["short_after"] == (plan["target"] - plan["after"]).clip(lower=0)).all()
    zero = kecamatan_table(bogor).query("kim == 0")["code"]
    assert set(zero) <= set(plan[plan["new"] > 0]["code"])  # empty kecamatan are served first


def test_plan_full_mode_names_a_surplus_apart(bogor):
    plan = make_plan(planning_units(bogor), 150, "webster", "full")
    assert (plan["difference"] == plan["target"] - plan["current"]).all()
    assert (plan["to_form"] == plan["difference"].clip(lower=0)).all()
    assert plan["target"].sum() == 150 and (plan["difference"] < 0).any()


def test_target_or_method_changes_the_plan(bogor):
    units = planning_units(bogor, "desa")
    assert not make_plan(units, 150, "hamilton").equals(make_plan(units, 200, "hamilton"))
    assert not make_plan(units, 200, "dhondt", "full").equals(
        make_plan(units, 200, "huntington-hill", "full")
    )


def test_inequality_against_independent_values(bogor):
    units = planning_units(bogor)
    plan = make_plan(units, 150)
    summary = summarise(plan, units, Figure(150, "published:x"))
    counts = np.array(sorted(bogor.registry.groupby("kecamatan_code").size().tolist() + [0] * 9), dtype=float)
    assert summary.before.cv == pytest.approx(counts.std() / counts.mean())
    assert summary.before.min_max_ratio == pytest.approx(0.0) and summary.before.zero_units == 9
    targets = kecamatan_targets(bogor)
    per = bogor.registry.groupby("kecamatan_code").size()
    at_target = sum(int(per.get(c, 0)) >= t for c, t in targets.items())
    assert summary.before.share_at_target == pytest.approx(at_target / 40)
    assert summary.after.zero_units == 0 and summary.after.gini_per_village < summary.before.gini_per_village
    after = plan.set_index("code")["after"]
    assert summary.after.min_max_ratio == pytest.approx(after.min() / after.max())


def test_inequality_known_small_case():
    result = inequality(pd.Series([2, 0, 4, 2]), pd.Series([4, 2, 4, 2]), pd.Series([2, 2, 2, 2]))
    assert result.cv == pytest.approx(np.std([2, 0, 4, 2]) / 2)  # 1.4142 / 2
    assert result.min_max_ratio == 0 and result.zero_units == 1 and result.share_at_target == 0.75


def test_gini_known_values():
    assert gini(np.array([1, 1, 1, 1])) == 0
    assert gini(np.array([0, 0, 0, 4])) == pytest.approx(0.75)  # (n-1)/n for one holder
    assert gini(np.array([0, 0])) == 0


def test_desa_saturation(bogor):
    saturation = desa_saturation(bogor)
    covered = bogor.registry.loc[bogor.registry["desa_code"] != "", "desa_code"].nunique()
    assert saturation["needed"].sum() == 435 - covered and (saturation["needed"] >= 0).all()
    assert saturation["source"].ne("").all()


def test_growth_is_cumulative_and_leaves_unknown_years_out(bogor):
    growth = growth_by_year(bogor)
    assert growth["cumulative"].iloc[-1] == 136 - 3  # three named KIM have no published year
    assert growth.set_index("year").loc[2014, "cumulative"] == 131


def test_per_kecamatan_target_plans_exactly_the_missing(dataset):
    bandung = regency_data(dataset, "32.04")  # target: a KIM in every kecamatan
    plan = default_plan(bandung)
    empty = set(kecamatan_table(bandung).query("kim == 0")["code"])
    assert set(plan[plan["new"] > 0]["code"]) == empty and plan["new"].sum() == len(empty) == 9
    assert coverage_kpis(bandung).to_form.value == 9


def test_weights_file_problems_and_semicolons(geography, bogor):
    with pytest.raises(DatasetError) as err:
        weights_units(b"code,weight\n32.01.01,abc\n32.01.99,3\n32.01.01,2\n", "w.csv", geography, bogor)
    found = {(p.row, p.column, p.reason) for p in err.value.problems}
    assert {(2, "weight", "not_number"), (3, "code", "unknown_kecamatan")} <= found
    assert any(p.reason == "duplicate" for p in err.value.problems)
    rows = "".join(f"{c};{i + 1}\n" for i, c in enumerate(bogor.kecamatan["name"]))
    units = weights_units(("kecamatan;bobot\n" + rows).encode("cp1252"), "w.csv", geography, bogor)
    assert (
        units.set_index("code").loc["32.01.02", "weight"] == 2
    )  # Gunungputri, by name, from Indonesian Excel


@settings(max_examples=60, deadline=None)
@given(
    current=st.lists(st.integers(0, 6), min_size=3, max_size=12),
    extra=st.integers(0, 40),
    per_year=st.integers(1, 9),
    method=st.sampled_from(["hamilton", "webster", "dhondt", "huntington-hill"]),
)
def test_plan_by_year_reaches_target_in_last_year_and_never_lowers(current, extra, per_year, method):
    units = pd.DataFrame(
        {
            "code": [f"k{i:02d}" for i in range(len(current))],
            "name": [f"K{i}" for i in range(len(current))],
            "current": current,
            "weight": 1.0,
            "villages": 5,
            "source": "published:x",
        }
    )
    total = sum(current) + extra
    schedule = plan_by_year(units, total, per_year, 2027, method)
    per_year_new = schedule.table.groupby("year")["new"].sum()
    assert (per_year_new <= per_year).all() and int(per_year_new.sum()) == extra
    assert (schedule.table["new"] > 0).all()  # a kecamatan is never lowered
    if extra:
        years_needed = -(-extra // per_year)  # ceiling: every year full but the last
        assert schedule.reached_year == 2026 + years_needed == int(per_year_new.index.max())
        after = schedule.table.groupby("code")["after"].max()
        assert all(after[c] >= units.set_index("code").loc[c, "current"] for c in after.index)
