"""A table as people read it: the display frame and column settings of a table, made once per table
and language (shared by every session; formatting thousands of cells costs more than the rest of a rerun)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from kim_dash.outputs.cells import column_formatter
from kim_dash.outputs.extract_tables import kind_of
from kim_dash.outputs.writers import header
from kim_dash.ui import cached


@cached.display
def display_of(
    frame: pd.DataFrame,
    name: str,
    lang: str,
    hide: tuple[str, ...] = (),
    first: tuple[str, ...] = (),
    folded: tuple[str, ...] = (),
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Titles and values in the language, numbers in its format.

    Words (status, source, the gap to target) are written out; whole numbers keep their numbers (and
    sort as numbers); a column with a missing value is written out with "–"; decimals and percentages
    follow the language: in English through a printf format, in Bahasa Indonesia (decimal comma, which
    printf cannot write) as the text the rest of the page uses. A pandas Styler could keep numbers
    behind Indonesian text (or colour the status), but costs ~30 ms per rerun.
    """
    columns: dict[str, pd.Series] = {}
    config: dict[str, Any] = {}
    # a column with no value at all (no earlier snapshot to compare; a count table names no desa) says
    # nothing: it is left out rather than shown as a column of blanks
    order = [c for c in first if c in frame.columns] + [c for c in frame.columns if c not in first]
    shown = [c for c in order if c not in hide and not (len(frame) and frame[c].isna().all())]
    for column in shown:
        title, values = header(column, name, lang), frame[column]
        kind = "words" if column == "gap" else kind_of(column)  # "kurang 4", "lebih 3"
        fmt = column_formatter(column, lang)
        gaps = bool(values.isna().any())
        if gaps and fmt is not None:  # the grid writes a missing number as "None": written out with a dash
            columns[title] = values.map(lambda v, fmt=fmt: "–" if pd.isna(v) else fmt(v))
        elif kind in ("int", "year", "signed") and (lang == "en" or kind == "year" or _below_1000(values)):
            # nullable integers (3, not 3.0, where a count is missing); "%,d" groups English thousands,
            # printf has no Indonesian "1.234", so Indonesian counts of 1.000 or more are written out
            columns[title] = pd.to_numeric(values, errors="coerce").round().astype("Int64")
            grouped = "," if lang == "en" else ""
            pattern = {"year": "%d", "signed": f"%+{grouped}d"}.get(kind, f"%{grouped}d")
            config[title] = st.column_config.NumberColumn(format=pattern)
        elif kind in ("decimal", "percent") and lang == "en":
            columns[title] = values * 100 if kind == "percent" else values
            config[title] = st.column_config.NumberColumn(format="%.1f%%" if kind == "percent" else "%,.2f")
        elif fmt is not None:  # words: each distinct value translated once
            columns[title] = values.map({v: fmt(v) for v in values.unique()})
        else:
            columns[title] = values.astype(object).where(values.notna(), "–") if gaps else values
    display = pd.DataFrame(columns, index=frame.index)
    if "source" in shown:  # long citations: cut to the column ("terbit: kimkab…"), whole on hover, so the
        # table fits a desktop's width instead of hiding the whole column past its right edge
        config[header("source", name, lang)] = st.column_config.TextColumn(width="medium")
    for column in folded:  # detail a reader rarely needs first: one click away, not past the edge
        if column in shown:
            title = header(column, name, lang)
            config[title] = {**config.get(title, st.column_config.Column()), "hidden": True}
    for column in ("rank", "name"):  # the name stays in view while a phone scrolls sideways
        if column in shown:
            title = header(column, name, lang)
            config[title] = {**config.get(title, st.column_config.Column()), "pinned": True}
    return display, config


def _below_1000(values: pd.Series) -> bool:
    numbers = pd.to_numeric(values, errors="coerce").abs()
    return bool(numbers.isna().all() or numbers.max() < 1000)
