"""Extracts below the full grain: the kecamatan as far as they are known, and published reports.

A kecamatan whose number of KIM is unknown has an empty `kim` cell, never 0; "at least one" is its
own column. The reports table lists every published report with its own date and definition: it is
never merged into, or ranked against, the national table of 2014.
"""

from __future__ import annotations

import pandas as pd

from kim_dash.i18n import t
from kim_dash.model.grain import PARTIAL_VIEW_COLUMNS, RegencyView, on_or_before
from kim_dash.outputs.grain_sentences import report_date
from kim_dash.sources.provenance import STATEMENT
from kim_dash.store.dataset import Dataset

KNOWN_COLUMNS = PARTIAL_VIEW_COLUMNS  # code, name, villages, kim, at_least, state, source
REPORT_COLUMNS = [
    "level",
    "regency_code",
    "name",
    "what",
    "count",
    "of_total",
    "of_unit",
    "as_of",
    "date_text",
    "date_kind",
    "note",
    "url",
    "source",
]


def known_kecamatan(view: RegencyView, chosen: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every kecamatan with what is known of it: an exact count, at least one, or nothing (empty)."""
    if view.partial is not None:
        table = view.partial
    else:  # no fact per kecamatan at all: every kecamatan is listed, and every count is unknown
        units = view.regency.kecamatan
        table = pd.DataFrame(
            {
                "code": units["code"],
                "name": units["name"],
                "villages": units["villages"].astype("int64"),
                "kim": pd.array([pd.NA] * len(units), dtype="Int64"),
                "at_least": pd.array([pd.NA] * len(units), dtype="Int64"),
                "state": "unknown",
                "source": STATEMENT,
            }
        )
    if chosen:
        table = table[table["code"].isin(chosen)]
    return table[KNOWN_COLUMNS].reset_index(drop=True)


def reports_extract(dataset: Dataset, regency: str = "", exclude: str = "") -> pd.DataFrame:
    """Published reports on or before the chosen date: all, one regency's, or all but one regency's."""
    reports = dataset.reports
    undated = (reports["as_of"] == "") & (not dataset.as_of)  # an undated report: only on the latest view
    reports = reports[on_or_before(reports["as_of"], dataset.as_of) | undated]
    if regency:
        reports = reports[reports["regency_code"] == regency]
    if exclude:
        reports = reports[reports["regency_code"] != exclude]
    names = {**dataset.geography.names("province"), **dataset.geography.names("regency")}
    out = reports.copy()
    out["name"] = [
        names.get(r or p, "Indonesia") for r, p in zip(out["regency_code"], out["province_code"], strict=True)
    ]
    return out[REPORT_COLUMNS].reset_index(drop=True)


def reports_for_reading(reports: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reports table as a person reads it: one "Tanggal" column in words at the report's own
    precision and with what the date is ('acara 2 Juli 2024', 'per Juli 2024'), in place of the ISO
    date and its kind (extracts keep those two columns, which sort and filter)."""
    out = reports.drop(columns=["as_of", "date_kind"])
    when = [
        t(f"grain.date_kind.{row.date_kind}", lang) + report_date(row, lang)
        for row in reports.itertuples(index=False)
    ]
    out.insert(list(reports.columns).index("as_of"), "when", when)
    return out
