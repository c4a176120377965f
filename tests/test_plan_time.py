"""Planned from today: kecamatan without a KIM first, the plan's first year, the data's age, deadlines."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_dash.model.apportion import METHODS, top_up, top_up_empty_first
from kim_dash.model.coverage import kecamatan_table, planning_units
from kim_dash.model.plan_request import PlanRequest, minimum_each, run_plan, timing_sentences
from kim_dash.model.plan_time import Outlook, age_text, months_old, outlook_text, plan_start
from kim_dash.model.planner import make_plan
from kim_dash.model.regency import regency_data
from kim_dash.model.schedule import plan_by_year

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize("weighting", ["equal", "desa"])
@pytest.mark.parametrize("method", METHODS)
def test_every_kecamatan_without_a_kim_gets_one_first(bogor, method, weighting):
    units = planning_units(bogor, weighting)
    plan = make_plan(units, 150, method, "topup").set_index("code")
    empty = kecamatan_table(bogor).query("kim == 0")["code"].tolist()
    assert len(empty) == 9
    assert (plan.loc[empty, "new"] >= 1).all() and (plan.loc[empty, "after"] >= 1).all()
    assert plan["after"].sum() == 150 and (plan["after"] >= plan["current"]).all()


def test_without_the_rule_desa_weights_leave_tajurhalang_out(bogor):
    """The issue's case: with desa weights alone Tajurhalang (0 KIM) gets nothing, Rumpin (1 KIM) two."""
    units = planning_units(bogor, "desa")
    off = make_plan(units, 150, "hamilton", "topup", empty_first=False).set_index("name")
    on = make_plan(units, 150, "hamilton", "topup").set_index("name")
    assert off.loc["Tajurhalang", ["current", "new"]].tolist() == [0, 0]
    assert off.loc["Rumpin", ["current", "new"]].tolist() == [1, 2]
    assert on.loc["Tajurhalang", "new"] == 1


@pytest.mark.parametrize("method", METHODS)
def test_empty_first_by_hand(method):
    """A (0 KIM, weight 1) and B (1 KIM, weight 10), 4 KIM in all: worked out on paper.

    Shares alone: Hamilton's quota of A is 4/11, Webster's and D'Hondt's first priority of A (2, 1) is
    below B's next ones (6.67, 3.33, 2.86 / 5, 3.33, 2.5), so B takes all three; Huntington–Hill gives
    every weighted unit its first seat anyway. With the rule A gets one, B the other two."""
    order = ["B", "A"]
    weights, current = {"A": 1, "B": 10}, {"A": 0, "B": 1}
    alone = {"A": 1, "B": 3} if method == "huntington-hill" else {"A": 0, "B": 4}
    assert top_up(weights, current, 4, method, order) == alone
    assert top_up_empty_first(weights, current, 4, method, order) == {"A": 1, "B": 3}
    # fewer KIM to add than kecamatan without one: the larger weight first
    three = {"A": 1, "C": 5, "B": 10}
    assert top_up_empty_first(three, {"A": 0, "C": 0, "B": 1}, 2, method, ["B", "C", "A"]) == {
        "A": 0,
        "C": 1,
        "B": 1,
    }


@pytest.mark.parametrize("method", METHODS)
def test_plan_by_year_serves_kecamatan_without_a_kim_in_its_first_year(bogor, method):
    units = planning_units(bogor, "desa")
    schedule = plan_by_year(units, 150, 9, 2027, method)
    first = set(schedule.table.query("year == 2027")["code"])
    assert first == set(kecamatan_table(bogor).query("kim == 0")["code"])  # 9 a year, 9 without a KIM


_dates = st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31))


@settings(max_examples=200, deadline=None)
@given(
    data_date=_dates,
    precision=st.sampled_from([0, 1, 2, 3]),
    today=_dates,
    asked=st.none() | st.integers(1980, 2100),
)
def test_a_plan_never_starts_before_the_current_year(data_date, precision, today, asked):
    as_of = ["", data_date.strftime("%Y"), data_date.strftime("%Y-%m"), data_date.isoformat()][precision]
    first = plan_start(as_of, today, asked)
    assert first >= today.year
    if asked is None:
        assert first == max(data_date.year + 1 if as_of else today.year, today.year)
    months = months_old(as_of, today)
    assert months is None if not as_of else (months is not None and months >= 0)


def test_bogor_plans_by_year_from_today_not_from_2017(dataset):
    for today in (TODAY, dt.date(2031, 2, 1)):
        result = run_plan(dataset, PlanRequest("32.01", per_year=5, until=today.year + 3, today=today))
        assert result.first_year == today.year
        assert result.schedule is not None and result.schedule.table["year"].min() == today.year
    old = run_plan(dataset, PlanRequest("32.01", per_year=5, until=2030, from_year=2017, today=TODAY))
    assert old.first_year == 2026  # a year in the past is never the start


def test_the_data_says_how_old_it_is_at_its_own_precision():
    assert age_text("2016-12-20", TODAY, "id") == "data per 20 Desember 2016, 10 tahun lalu"
    assert age_text("2016-12-20", TODAY, "en") == "data as of December 20, 2016, 10 years ago"
    assert age_text("2023-06", TODAY, "id") == "data per Juni 2023, 3 tahun lalu"
    assert age_text("2023", TODAY, "en") == "data as of 2023, 3 years ago"
    assert age_text("2026-05-31", TODAY, "en") == "data as of May 31, 2026, 6 months ago"
    assert age_text("2026-12-01", TODAY, "id") == "data per 1 Desember 2026, kurang dari sebulan lalu"
    assert "tidak diketahui" in age_text("", TODAY, "id")


def test_outlook_arithmetic():
    o = Outlook(215, 390, 2026, 2024, 53)
    assert (o.missing, o.years_left, o.needed_per_year, o.reached_year, o.met) == (175, 3, 59, 2027, False)
    assert Outlook(215, 390, 2026, 2024, 59).met is True
    assert (
        Outlook(215, 390, 2023, 2026, 53).met is False and Outlook(215, 390, 2023, 2026, 53).years_left == 0
    )
    assert Outlook(390, 390, 2026, 2026, None).met is True and Outlook(1, 2, None, 2026, 1).met is None


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "id",
            (
                "Dengan 53 KIM baru per tahun, tenggat 2026 tidak tercapai",
                "175 KIM yang masih kurang baru terbentuk pada 2029",
                "perlu 175 KIM baru pada 2026, satu-satunya tahun yang tersisa",
            ),
        ),
        (
            "en",
            (
                "At 53 new KIM a year, the deadline 2026 is missed",
                "the 175 KIM still missing are only formed by 2029",
                "175 new KIM are needed in 2026, the only year left",
            ),
        ),
    ],
)
def test_malang_missed_deadline_in_words(dataset, lang, words):
    """215 KIM (June 2023) toward 390 desa/kelurahan by 2026: from today only 2026 is left."""
    request = PlanRequest("35.07", per_year=53, until=2026, today=TODAY)
    result = run_plan(dataset, request)
    assert result.outlook is not None and result.outlook.missing == 175 == 390 - 215
    text = outlook_text(result.outlook, lang)
    assert all(w in text for w in words), text
    said = [
        s.text for s in timing_sentences(run_plan(dataset, PlanRequest("35.07", today=TODAY)), request, lang)
    ]
    assert any("175" in s and "2026" in s for s in said)
    assert any("53" in s and "2023" in s for s in said)  # the one-year target, named as such


def test_targets_keep_their_own_deadlines_and_the_minimum_per_desa_is_one(dataset):
    malang = regency_data(dataset, "35.07")
    assert malang.targets.deadline == 2026  # one KIM in every desa/kelurahan by 2026
    assert malang.targets.new_kim is not None and malang.targets.new_kim.value == 53
    assert malang.targets.new_kim_year == 2023  # 53 new KIM is the 2023 target, not a yearly pace
    assert minimum_each(malang) == 1
    assert regency_data(dataset, "32.01").targets.deadline is None


def test_no_count_at_all_plans_no_time(dataset):
    sarmi = "91.10"
    result = run_plan(dataset, PlanRequest(sarmi, today=TODAY))
    assert result.outlook is None and timing_sentences(result, PlanRequest(sarmi, today=TODAY), "id") == []


def test_empty_first_switch_reaches_the_plan(dataset):
    on = run_plan(dataset, PlanRequest("32.01", weighting="desa", today=TODAY)).plan.set_index("name")
    off = run_plan(dataset, PlanRequest("32.01", weighting="desa", empty_first=False, today=TODAY))
    assert on.loc["Tajurhalang", "new"] == 1 and off.plan.set_index("name").loc["Tajurhalang", "new"] == 0
    assert isinstance(off.plan, pd.DataFrame)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("id", ("Tenggat 2026", "175 KIM", "Juni 2023")), ("en", ("Deadline 2026", "175 KIM", "June 2023"))],
)
def test_plan_brief_says_the_deadline_and_the_data_age(dataset, lang, words):
    from kim_dash.outputs.pdf.views import BriefRequest, build_doc

    malang = build_doc(dataset, BriefRequest("plan", lang, "35.07", plan=PlanRequest("35.07", today=TODAY)))
    text = " ".join(s.text for s in malang.sentences)
    assert all(w in text for w in words), text
    bogor = build_doc(dataset, BriefRequest("plan", lang, "32.01", plan=PlanRequest("32.01", today=TODAY)))
    text = " ".join(s.text for s in bogor.sentences)
    assert ("20 Desember 2016, 10 tahun lalu" if lang == "id" else "December 20, 2016, 10 years ago") in text
    assert (
        "tanpa KIM mendapat satu KIM lebih dulu" if lang == "id" else "without a KIM gets one first"
    ) in text
