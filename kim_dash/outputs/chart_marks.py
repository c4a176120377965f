"""Decisions about chart marks, kept out of the drawing code so they can be tested: how long a zero bar is
drawn, how far an axis runs, which value labels a point chart prints (never two on one spot)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

ZERO_STUB = 0.015  # a zero bar's length as a share of the axis: a visible stub beside its "0"


def axis_high(*columns: Iterable[float]) -> float:
    """The largest value an axis must hold (a bar, a target tick); 1 for an empty or all-zero chart."""
    high = max([float(v) for column in columns for v in column if pd.notna(v)] + [0.0])
    return high if high > 0 else 1.0


def zero_stub(values: pd.Series, high: float) -> pd.Series:
    """Bar lengths as drawn: a zero (or a tiny value) becomes a stub of ZERO_STUB of the axis, so that
    the most important bars, the kecamatan without a KIM, are seen; its label still says "0"."""
    return values.astype(float).clip(lower=high * ZERO_STUB)


def labels_once(points: pd.DataFrame, reports: pd.DataFrame) -> list[str]:
    """Value labels for stored snapshots on the time chart: blank where a dated report of the same date
    already prints the same number (the two marks sit on one spot; two labels would overprint)."""
    value = "count" if "count" in points else "kim"
    rvalue = "count" if "count" in reports else "kim"
    said = (
        {(str(a), int(v)) for a, v in zip(reports["as_of"], reports[rvalue], strict=True)}
        if len(reports)
        else set()
    )
    return [
        "" if (str(a), int(v)) in said else str(int(v))
        for a, v in zip(points["as_of"], points[value], strict=True)
    ]


def time_chart_note(points: pd.DataFrame, reports: pd.DataFrame, growth: pd.DataFrame, lang: str) -> str:
    """The time chart's key in words, naming only the marks drawn: a regency without a registry has
    no line, one without dated reports no diamonds ("" when nothing is drawn)."""
    from kim_dash.i18n import t
    from kim_dash.sources.provenance import is_published

    parts = [t("home.history.note.points", lang)] if len(points) else []
    parts += [t("home.history.note.reports", lang)] if len(reports) else []
    if len(growth):
        dotted = not is_published(str(growth["source"].iloc[0]))
        parts.append(t("home.history.note.growth_dotted" if dotted else "home.history.note.growth", lang))
    return " ".join(parts)
