"""The planner page's decisions (kim_dash.model.plan_views), and the plan placed once per rerun."""

import datetime as dt

import pandas as pd

import kim_dash.model.plan_request as plan_request
from kim_dash.model.coverage import target_spread
from kim_dash.model.plan_request import PlanRequest, run_plan
from kim_dash.model.plan_views import (
    default_target,
    hidden_plan_columns,
    page_request,
    plan_and_schedule,
    plan_first_year,
    saturation_totals,
    schedule_slug,
)

from .apptest_helpers import open_page

TODAY = dt.date(2026, 12, 7)


def test_default_target_is_the_data_target_without_placing_a_plan(bogor, dataset):
    assert default_target(bogor) == run_plan(dataset, PlanRequest(bogor.code)).total.value
    assert default_target(bogor) == target_spread(bogor).total.value


def test_page_request_keeps_the_data_target_and_waits_for_a_weights_file(bogor):
    own = page_request(bogor, default_target(bogor), "file", "webster", "full", None, False)
    assert own.target is None and own.weighting == "equal" and own.method == "webster"
    assert own.mode == "full" and own.empty_first is False
    typed = page_request(bogor, 173, "desa", "hamilton", "topup", None, True)
    assert typed.target == 173 and typed.weighting == "desa"
    given = page_request(bogor, 173, "file", "hamilton", "topup", (b"x", "w.csv"), True)
    assert given.weighting == "file" and given.weights_file == (b"x", "w.csv")


def test_plan_and_schedule_equal_run_plan_of_each_request(dataset):
    request = PlanRequest("32.01", 171, today=TODAY)
    result, yearly = plan_and_schedule(dataset, request, 5, 2027, 2030)
    alone = run_plan(dataset, request)
    by_year = run_plan(
        dataset, PlanRequest("32.01", 171, per_year=5, until=2030, from_year=2027, today=TODAY)
    )
    assert result.plan.equals(alone.plan) and result.outlook == alone.outlook and result.schedule is None
    assert result.first_year == alone.first_year == plan_first_year(dataset, request)
    assert yearly.schedule is not None and by_year.schedule is not None
    assert yearly.schedule.table.equals(by_year.schedule.table) and yearly.outlook == by_year.outlook
    assert yearly.first_year == 2027 and yearly.plan is result.plan  # the same placed plan


def test_plan_first_year_of_an_old_snapshot_is_this_year(dataset):
    assert plan_first_year(dataset, PlanRequest("32.01", today=TODAY)) == 2026  # data of 2016


def test_small_page_decisions():
    saturation = pd.DataFrame({"needed": [2, 0, 3], "villages": [10, 4, 6]})
    assert saturation_totals(saturation) == (5, 20)
    assert hidden_plan_columns("equal") == ("code", "weight") and hidden_plan_columns("desa") == ("code",)
    assert schedule_slug(10, 2026, 2030) == "10-2026-2030"


def test_the_planner_page_places_its_plan_once_per_rerun(monkeypatch):
    calls: list[int] = []
    real = plan_request.make_plan

    def spy(*args, **kwargs):
        calls.append(args[1])  # the total placed
        return real(*args, **kwargs)

    monkeypatch.setattr(plan_request, "make_plan", spy)
    # a target no other test asks for, so no cached plan hides a placement
    at = open_page("rencana", wilayah="32.01", target="167", per_tahun="7")
    # once: not again for the plan by year (the default target places no plan either)
    assert calls == [167]  # before: [150, 167, 167], the default, the plan and the plan by year
    assert any(m.value.startswith("- ") for m in at.markdown)
