"""The opening sentences each grain supports (kim_dash.model.grain): totals, partial facts, reports, absence.

With a registry or a full count table the pages keep their own sentences (kim_dash.outputs.sentences); below that
grain these say what is known, with its date and source, and that nothing else is — never a zero for
an unknown, never illustrative on a statement of absence.
"""

from __future__ import annotations

import datetime as dt
import math
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from kim_dash.i18n import fmt_as_of, fmt_int, t
from kim_dash.model.grain import RegencyView, on_or_before, regency_view
from kim_dash.outputs.sentences import named, rank_sentence
from kim_dash.sources.provenance import STATEMENT, Figure, Sentence, combine, derive
from kim_dash.store.dataset import Dataset

PLACE_WHATS = ("desa_with_kim", "kecamatan_with_kim", "kecamatan_without_kim")


def report_date(row, lang: str) -> str:
    """The report's date at its own precision: '25 Juni 2023', 'Juni 2023', 'awal 2025', '2017–2019'."""
    if not row.as_of:
        return str(row.date_text).replace("-", "–")
    date = fmt_as_of(row.as_of, lang)
    for word in ("early", "mid"):
        if f"({word})" in str(row.date_text):
            return t(f"grain.{word}", lang, date=date)
    return date


def report_text(row, lang: str) -> str:
    """'3 dari 29 kecamatan dengan KIM (acara 25 November 2019, biem.co)': figure, definition, date, site."""
    of = None if pd.isna(row.of_total) else int(row.of_total)
    count = fmt_int(row.count, lang)
    if of and row.what in PLACE_WHATS:
        what = t(f"grain.what_of.{row.what}", lang)
        figure = t(
            "grain.report_of_places", lang, count=count, of=fmt_int(of, lang), unit=row.of_unit, what=what
        )
    elif of:
        what = t(f"grain.what.{row.what}", lang)
        figure = t(
            "grain.report_of_kim", lang, count=count, of=fmt_int(of, lang), unit=row.of_unit, what=what
        )
    else:
        figure = f"{count} {t(f'grain.what.{row.what}', lang)}"
    kind = t(f"grain.date_kind.{row.date_kind}", lang)
    site = urlparse(str(row.url)).netloc.removeprefix("www.")
    return t("grain.report", lang, figure=figure, date=report_date(row, lang), kind=kind, site=site)


def lead_sentence(view: RegencyView, dataset: Dataset, lang: str) -> Sentence | None:
    """The first sentence: the regency's latest total, or what is known instead, or its absence."""
    until = t("grain.until", lang, date=fmt_as_of(dataset.as_of, lang)) if dataset.as_of else ""
    if view.total is not None:
        by = view.total.counted_by
        by = f" ({by})" if by and not by.startswith("http") else ""
        text = t(
            "grain.total",
            lang,
            name=view.name,
            kim=fmt_int(view.total.value, lang),
            date=fmt_as_of(view.total.as_of, lang),
            by=by,
        )
        return Sentence(text, view.total.source)
    if view.grain == "partial":
        return None  # the partial sentence leads
    if len(view.reports):
        parts = [report_text(r, lang) for r in view.reports.itertuples(index=False)]
        text = t("grain.reports_only", lang, name=view.name, until=until, reports="; ".join(parts))
        return Sentence(text, combine(view.reports["source"]))
    return Sentence(t("grain.nothing", lang, name=view.name, until=until), STATEMENT)


def target_sentence(view: RegencyView, lang: str) -> Sentence | None:
    missing = view.missing
    if missing is None or view.total is None or view.target is None:
        return None
    deadline = t("grain.deadline", lang, year=view.target.deadline) if view.target.deadline else ""
    text = t(
        f"grain.target.{view.target.spread}",
        lang,
        target=fmt_int(view.target.total.value, lang),
        deadline=deadline,
        missing=fmt_int(missing.value, lang),
        kim=fmt_int(view.total.value, lang),
        date=fmt_as_of(view.total.as_of, lang),
    )
    return Sentence(text, missing.source)


def pace_sentence(view: RegencyView, lang: str, today: dt.date | None = None) -> Sentence | None:
    """The yearly pace needed from today to meet the deadline, or that the deadline has passed."""
    missing = view.missing
    if missing is None or view.total is None or view.target is None or not view.target.deadline:
        return None
    if missing.value == 0:
        return None
    year = (today or dt.date.today()).year
    deadline, age = view.target.deadline, year - int(view.total.as_of[:4])
    params = {
        "deadline": deadline,
        "date": fmt_as_of(view.total.as_of, lang),
        "age": age,
        "missing": fmt_int(missing.value, lang),
    }
    if deadline < year:
        return Sentence(t("grain.pace_passed", lang, **params), missing.source)
    years = deadline - year + 1
    pace = math.ceil(missing.value / years)
    if years == 1:  # the deadline is this year: no average, one number
        return Sentence(
            t("grain.pace_one", lang, pace=fmt_int(pace, lang), year=year, **params), missing.source
        )
    return Sentence(
        t("grain.pace", lang, pace=fmt_int(pace, lang), year=year, count=years, **params), missing.source
    )


def partial_sentence(view: RegencyView, lang: str) -> Sentence:
    """'3 dari 33 kecamatan diketahui tanpa KIM (25 Juni 2023): …; 30 punya setidaknya satu KIM.'"""
    if view.partial is None:
        return Sentence(t("grain.no_kecamatan", lang, name=view.name, n=view.n_kecamatan), STATEMENT)
    states, table = view.states(), view.partial
    names = table[table["state"] == "none"]["name"].tolist()
    date = fmt_as_of(view.partial_as_of, lang)
    parts = [
        t(
            "grain.partial.none",
            lang,
            count=states["none"],
            n=view.n_kecamatan,
            date=date,
            names=named(names, lang),
        )
        if names
        else t("grain.partial.none_zero", lang, n=view.n_kecamatan, date=date)
    ]
    if states["some"]:
        parts.append(t("grain.partial.some", lang, count=states["some"]))
    if states["at_least"]:
        parts.append(t("grain.partial.at_least", lang, count=states["at_least"]))
    if states["unknown"]:
        parts.append(t("grain.partial.unknown", lang, count=states["unknown"]))
    known = table[table["state"] != "unknown"]["source"]
    return Sentence(" ".join(parts), combine(known) if len(known) else STATEMENT)


def nearest_reports(dataset: Dataset, code: str, count: int = 3) -> pd.DataFrame:
    """Other kabupaten/kota's latest published KIM totals on or before the date, nearest first."""
    reports = dataset.reports
    kim = reports[
        (reports["what"] == "kim") & (reports["regency_code"] != code) & (reports["regency_code"] != "")
    ]
    kim = kim[on_or_before(kim["as_of"], dataset.as_of)].sort_values("as_of", kind="stable")
    kim = kim.drop_duplicates("regency_code", keep="last")
    regencies = dataset.geography.regencies.set_index("code")
    if not len(kim) or code not in regencies.index:
        return kim.iloc[0:0]
    here = regencies.loc[code]
    there = regencies.loc[kim["regency_code"]]
    distance = np.hypot(there["lat"].to_numpy() - here["lat"], there["lon"].to_numpy() - here["lon"])
    return kim.assign(distance=distance).sort_values(["distance", "regency_code"]).head(count)


def nearest_sentence(dataset: Dataset, code: str, lang: str) -> Sentence | None:
    near = nearest_reports(dataset, code)
    if not len(near):
        return None
    names = dataset.geography.names("regency")
    parts = [
        f"{names.get(r.regency_code, r.regency_code)}: {report_text(r, lang)}" for r in near.itertuples()
    ]
    view = regency_view(dataset, code)
    own = (
        t(
            "grain.nearest_own",
            lang,
            name=view.name,
            kim=fmt_int(view.total.value, lang),
            date=fmt_as_of(view.total.as_of, lang),
        )
        if view.total is not None
        else t("grain.nearest_none", lang, name=view.name)
    )
    return Sentence(
        t("grain.nearest", lang, own=own, reports="; ".join(parts)),
        derive(*near["source"], *([view.total.source] if view.total else [])),
    )


def national_registered(dataset: Dataset) -> tuple[Figure, str, Figure | None] | None:
    """The latest national count of KIM registered on kim.id on or before the date, its date and the
    provinces it covers (a different definition from the 2014 mapping: never ranked against it)."""
    reports = dataset.reports
    national = reports[(reports["level"] == "national") & on_or_before(reports["as_of"], dataset.as_of)]
    kim = national[national["what"] == "kim_registered_kimid"].sort_values("as_of", kind="stable")
    if not len(kim):
        return None
    last = kim.iloc[-1]
    provinces = national[
        (national["what"] == "provinces_with_kim_registered_kimid") & (national["as_of"] == last["as_of"])
    ]
    prov = (
        Figure(int(provinces["count"].iloc[-1]), str(provinces["source"].iloc[-1]))
        if len(provinces)
        else None
    )
    return Figure(int(last["count"]), str(last["source"])), str(last["as_of"]), prov


def opening(dataset: Dataset, code: str, lang: str, page: str = "home") -> list[Sentence]:
    """The opening sentences below the full grain: what is known, its dates, and what is not."""
    view = regency_view(dataset, code)
    found = [lead_sentence(view, dataset, lang), target_sentence(view, lang)]
    if page != "plan":  # the planner says the pace itself, with the deadline (plans.timing_sentences)
        found.append(pace_sentence(view, lang))
    if view.grain == "partial" or page == "kecamatan":
        found.append(partial_sentence(view, lang))
    if page == "home":
        found.append(rank_sentence(dataset, code, lang))
        if view.grain in ("totals", "partial") and len(view.reports):
            extra = view.reports[view.reports["what"] != "kim"]
            if len(extra):
                parts = [report_text(r, lang) for r in extra.itertuples(index=False)]
                found.append(
                    Sentence(t("grain.reports", lang, reports="; ".join(parts)), combine(extra["source"]))
                )
    return [s for s in found if s is not None]


def data_sentence(view: RegencyView, lang: str) -> Sentence:
    """Kelola Data's opening: which grain of data the regency has on the date, and what would add to it."""
    snapshot = view.regency.snapshot
    total_date = view.total.as_of if view.total else ""
    date = snapshot.as_of if snapshot is not None else view.partial_as_of or total_date
    kim = fmt_int(view.total.value, lang) if view.total else ""
    text = t(
        f"grain.data.{view.grain}", lang, name=view.name, date=fmt_as_of(date, lang) if date else "", kim=kim
    )
    return Sentence(text, STATEMENT)
