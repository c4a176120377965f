"""One request, one plan: what the planner page and `python -m kim_dash plan` both compute."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd

from kim_dash.i18n import fmt_date, fmt_int, t
from kim_dash.model.coverage import TargetSpread, coverage_kpis, floors, planning_units, target_spread
from kim_dash.model.grain import Total, later_than_rows
from kim_dash.model.kinds import Method, Mode
from kim_dash.model.plan_time import Outlook, age_text, later_text, outlook_text, plan_start
from kim_dash.model.planner import PlanSummary, make_plan, summarise, weights_units
from kim_dash.model.regency import RegencyData, regency_data
from kim_dash.model.schedule import Schedule, plan_by_year
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.provenance import SETTING, Figure, Sentence, derive, reference_of
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived

DEFAULT_PER_YEAR = 10  # the plan by year's pace when none is given: a setting, never a published figure


@dataclass(frozen=True)
class PlanRequest:
    regency: str
    target: int | None = None  # None: the regency's own target from the data
    weighting: str = "equal"  # equal | desa | file
    method: Method = "hamilton"
    mode: Mode = "topup"
    per_year: int | None = None  # with `until`: a plan by year
    until: int | None = None
    from_year: int | None = None  # never before `today`'s year
    weights_file: tuple[bytes, str] | None = None  # (bytes, file name) when weighting == "file"
    empty_first: bool = True  # top-up: every kecamatan without a KIM gets one before any sharing
    today: dt.date = field(default_factory=dt.date.today)  # plans start from today (tests inject it)


@dataclass(frozen=True)
class PlanResult:
    regency: RegencyData
    units: pd.DataFrame
    total: Figure
    spread: TargetSpread
    minimums: bool  # a KIM in every kecamatan/desa: per-kecamatan minimums instead of shares
    plan: pd.DataFrame
    summary: PlanSummary
    schedule: Schedule | None
    goal: int  # the total the plan builds toward: what it leaves (top-up, minimums) or the target (full)
    as_of: str  # the data's date, at its own precision ('' undated)
    first_year: int  # the plan by year's first year: never before today's year
    outlook: Outlook | None  # the deadline from `first_year` at the request's pace; None: no KIM count
    later: Total | None = None  # a later total than the rows the plan is made from (said beside it)


def data_as_of(regency: RegencyData) -> str:
    return regency.as_of


def published_total(dataset: Dataset, code: str) -> tuple[int, str, str] | None:
    """The regency's latest dated KIM total in the history (count, as_of) on or before the chosen date:
    what a regency without per-kecamatan data is planned from (Malang: 215, 2023-06, its source)."""
    rows = dataset.history[dataset.history["regency_code"] == code]
    dated = [
        (str(a), int(c), str(s))
        for a, c, s in zip(rows["as_of"], rows["count"], rows["source"], strict=True)
        if str(a or "")
    ]
    if dataset.as_of:  # a partial date counts from its start, as for snapshots
        dated = [row for row in dated if row[0][: len(dataset.as_of)] <= dataset.as_of]
    if not dated:
        return None
    as_of, count, source = max(dated)
    return count, as_of, source


@dataclass(frozen=True)
class Placed:
    """A plan placed: everything that does not depend on the plan by year's pace or years."""

    regency: RegencyData
    units: pd.DataFrame
    total: Figure
    spread: TargetSpread
    floors: pd.DataFrame | None  # per-kecamatan minimums when the data's target is one
    plan: pd.DataFrame
    summary: PlanSummary
    goal: int
    as_of: str
    known: tuple[int, str, str] | None  # the published total a regency without rows is planned from
    later: Total | None  # a total dated after the rows, saying another number


def untimed(request: PlanRequest) -> PlanRequest:
    return replace(request, per_year=None, until=None, from_year=None)


@derived
def placed_plan(dataset: Dataset, request: PlanRequest) -> Placed:
    regency = regency_data(dataset, request.regency)
    spread = target_spread(regency)
    if request.weighting == "file" and request.weights_file is not None:
        units = weights_units(request.weights_file[0], request.weights_file[1], dataset.geography, regency)
    else:
        units = planning_units(regency, "desa" if request.weighting == "desa" else "equal")
    if request.target is None:
        total, minimums = spread.total, floors(regency)
    else:  # a target typed by the user is theirs: a total shared by the weights, never "published"
        total, minimums = Figure(request.target, SETTING), None
    empty_first = request.empty_first
    plan = make_plan(units, total.value, request.method, request.mode, total.source, minimums, empty_first)
    goal = int(plan["after"].sum()) if "after" in plan else int(total.value)
    as_of, known = known_as_of(dataset, regency)
    own = coverage_kpis(regency).kim if request.weighting != "file" or request.weights_file is None else None
    kind = spread.minimums if minimums is not None else None
    summary = summarise(plan, units, total, own, kind)
    later = later_than_rows(dataset, regency.code)
    return Placed(regency, units, total, spread, minimums, plan, summary, goal, as_of, known, later)


def known_as_of(dataset: Dataset, regency: RegencyData) -> tuple[str, tuple[int, str, str] | None]:
    """The data's date, or for a regency without per-kecamatan rows its published total's."""
    if not regency.has_data and (known := published_total(dataset, regency.code)) is not None:
        return known[1], known  # no per-kecamatan rows: the published total is what is known
    return data_as_of(regency), None


def in_time(placed: Placed, request: PlanRequest) -> PlanResult:
    """The placed plan in time: its first year, its plan by year and its deadline at the request's pace."""
    regency, total, spread, known = placed.regency, placed.total, placed.spread, placed.known
    first = plan_start(placed.as_of, request.today, request.from_year)
    schedule = None
    if request.per_year and request.until:
        schedule = plan_by_year(
            placed.units, placed.goal, request.per_year, first, request.method, total.source, request.until,
            regency.desa, regency.registry, placed.floors, request.empty_first,
        )  # fmt: skip
    summary = placed.summary
    # the deadline asked for, else the data's own for its own target (a scenario target has none)
    deadline = request.until or (spread.deadline if request.target is None else None)
    if regency.has_data:
        now, missing = int(summary.current.value), int(summary.to_form.value)
        source = summary.to_form.source
        outlook: Outlook | None = Outlook(now, now + missing, deadline, first, request.per_year, source)
    elif known is not None:
        source = derive(known[2], total.source)
        outlook = Outlook(known[0], int(total.value), deadline, first, request.per_year, source)
    else:
        outlook = None
    minimums = placed.floors is not None
    return PlanResult(
        regency, placed.units, total, spread, minimums, placed.plan, summary, schedule, placed.goal,
        placed.as_of, first, outlook, placed.later,
    )  # fmt: skip


@derived
def run_plan(dataset: Dataset, request: PlanRequest) -> PlanResult:
    return in_time(placed_plan(dataset, untimed(request)), request)


def checked_request(dataset: Dataset, request: PlanRequest) -> tuple[PlanRequest, list[Problem]]:
    """The one place a weights file is judged: a bad one is a report, and the request returned plans
    with equal weights, so nothing after it (the table, the plan by year, the PDF) meets the bad file."""
    if request.weighting != "file" or request.weights_file is None:
        return replace(request, weights_file=None), []
    try:
        run_plan(dataset, replace(request, per_year=None, until=None))
    except DatasetError as err:
        return replace(request, weighting="equal", weights_file=None), err.problems
    return request, []


def plan_table(dataset: Dataset, request: PlanRequest) -> tuple[pd.DataFrame, str]:
    """The table a plan download holds: the plan by year when asked for, else the plan."""
    result = run_plan(dataset, request)
    if result.schedule is not None:
        return result.schedule.table, "schedule"
    return result.plan, "plan"


def minimum_each(regency: RegencyData) -> int:
    """The minimum a one-per-desa or one-per-kecamatan target asks of each desa or kecamatan (1), never
    a kecamatan's sum of desa."""
    t_ = regency.targets
    if target_spread(regency).minimums == "per_desa" and t_.per_desa is not None:
        return int(t_.per_desa.value)
    return int(t_.per_kecamatan.value) if t_.per_kecamatan is not None else 1


def rule_text(result: PlanResult, request: PlanRequest, lang: str) -> str:
    """Which rule placed the new KIM, in words (page, PDF, CLI)."""
    method = method_name(request.method, lang)
    weighting = t(f"planner.weighting.{request.weighting}", lang)
    if request.mode == "full":
        return t("planner.rule.full", lang, weighting=weighting, method=method)
    if result.minimums:
        return t("planner.rule.minimums", lang)
    key = "planner.rule.empty_first" if request.empty_first else "planner.rule.shares_only"
    return t(key, lang, weighting=weighting, method=method)


def timing_sentences(result: PlanResult, request: PlanRequest, lang: str) -> list[Sentence]:
    """How old the data is, whether the deadline can still be met and at what pace, and a one-year
    target in the data said as what it is; nothing when no KIM count is known at all."""
    if not result.regency.has_data and result.outlook is None:
        return []
    age = age_text(result.as_of, request.today, lang)
    out = [Sentence(t("planner.age.sentence", lang, today=fmt_date(request.today, lang), age=age), SETTING)]
    if result.outlook is not None and (deadline := outlook_text(result.outlook, lang)):
        out.append(Sentence(deadline, result.outlook.source))
    if (later := result.later) is not None:  # the plan's rows are older than what is published since
        words = later_text(later.value, later.as_of, result.as_of, int(result.summary.current.value), lang)
        out.append(Sentence(words, later.source))
    new = result.regency.targets.new_kim
    if new is not None and result.regency.targets.new_kim_year is not None:
        year = result.regency.targets.new_kim_year
        words = t(
            "planner.new_kim_target",
            lang,
            value=fmt_int(new.value, lang),
            year=year,
            source=new.source if (ref := reference_of(new.source)) is None else ref,
        )
        out.append(Sentence(words, new.source))
    return out


def plan_notes(result: PlanResult, request: PlanRequest, lang: str) -> list[Sentence]:
    """Everything said beside the plan's table (PDF, CLI): its time, its deadline, its rule."""
    rule = [Sentence(rule_text(result, request, lang), SETTING)] if result.regency.has_data else []
    return [*timing_sentences(result, request, lang), *rule]


def method_name(method: str, lang: str) -> str:
    """An apportionment method as a reader names it ("sisa terbesar", "Webster/Sainte-Laguë"), never
    the internal key ("hamilton")."""
    return t(f"planner.method.{method}", lang)


def plan_slug(total: int, weighting: str, method: str, mode: str, lang: str) -> str:
    """The plan's settings in a file name, in the reader's language: "150-rata-sisa-terbesar-tambah" /
    "150-equal-largest-remainder-add-only" (never the internal "equal-hamilton-topup")."""
    words = [
        t(f"planner.slug.{kind}.{key}", lang) for kind, key in (("w", weighting), ("m", method), ("o", mode))
    ]
    return "-".join([str(total), *words])
