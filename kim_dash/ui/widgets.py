"""Shared widgets: KPI cards with their provenance, sentences, tables in the locale, the report."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Literal

import pandas as pd
import streamlit as st

from kim_dash.brief import Sentence
from kim_dash.display import column_formatter
from kim_dash.extracts import kind_of
from kim_dash.i18n import fmt_int, fmt_num, fmt_pct, t
from kim_dash.problems import Problem
from kim_dash.provenance import Figure, is_published

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain(text: object) -> str:
    """Escape Markdown (and HTML-looking text) so data shows as typed, never as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def marked(text: str, source: str, lang: str) -> str:
    """`text` with the word "ilustratif"/"illustrative" when its source is not published."""
    return text if is_published(source) else f"{text} ({t('source.illustrative', lang)})"


def kpi(column, label: str, value: str, lang: str, source: str = "", help_text: str | None = None) -> None:
    """A KPI card; an illustrative figure says so in words under its value (no emoji needed), where a
    narrow card cannot cut the word off as it does a long label."""
    illustrative = bool(source) and not is_published(source)
    column.metric(
        label,
        value,
        delta=t("source.illustrative", lang) if illustrative else None,
        delta_color="gray",
        delta_arrow="off",
        help=help_text,
        border=True,
    )


def figure_kpi(
    column, label: str, fig: Figure, lang: str, kind: str = "int", help_text: str | None = None
) -> None:
    formats: dict[str, Callable[[float, str], str]] = {"int": fmt_int, "pct": fmt_pct, "num": fmt_num}
    value = formats[kind](fig.value, lang)
    kpi(column, label, value, lang, fig.source, help_text)


def sentences(items: Iterable[Sentence], lang: str) -> None:
    """The brief: one line per sentence, data escaped, illustrative sentences marked in words."""
    lines = [f"- {plain(marked(s.text, s.source, lang))}" for s in items]
    st.markdown("\n".join(lines))


def illustrative_notice(sources: Iterable[str], lang: str) -> None:
    """A calm notice wherever figures in view rest on illustrative sample rows."""
    if any(not is_published(s) for s in sources):
        st.info(t("notice.illustrative", lang), icon=":material/science:")


def sources(dataset, snapshots, lang: str, regency: str = "", extra: tuple[str, ...] = ()) -> None:
    """'Sumber: …' from the data in view: published references, region codes, illustrative rows."""
    from kim_dash.sources import view_sources

    refs, illustrative = view_sources(dataset, tuple(snapshots), regency)
    parts = [*refs, *extra, t("sources.reference", lang)]
    text = f"{t('provenance.label', lang)}: " + "; ".join(plain(p) for p in parts) + "."
    if illustrative:
        text += " " + t("sources.illustrative_rows", lang, count=illustrative)
    st.caption(text)


def validation_report(problems: list[Problem], lang: str, title_key: str = "report.title") -> None:
    st.error(t(title_key, lang, count=len(problems)), icon=":material/error:")
    table = pd.DataFrame([p.as_record(lang) for p in problems])
    table = table.rename(columns={c: t(f"report.col.{c}", lang) for c in table.columns})
    st.dataframe(table, hide_index=True, width="stretch")


def table(
    frame: pd.DataFrame,
    name: str,
    lang: str,
    height: int | Literal["auto"] = "auto",
    key: str | None = None,
    hide: tuple[str, ...] = (),
    first: tuple[str, ...] = (),
):
    """A table as people read it: titles and values in the language, numbers in its format.

    Words (status, source, the gap to target) are written out; whole numbers keep their numbers (and
    sort as numbers); a column with a missing value is written out with "–"; decimals and percentages
    follow the language: in English through a printf format, in Bahasa Indonesia (decimal comma, which
    printf cannot write) as the text the rest of the page uses. A pandas Styler could keep numbers
    behind Indonesian text (or colour the status), but costs ~30 ms per rerun.
    """
    from kim_dash.export import header

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
    for column in ("rank", "name"):  # the name stays in view while a phone scrolls sideways
        if column in shown:
            title = header(column, name, lang)
            config[title] = {**config.get(title, st.column_config.Column()), "pinned": True}
    # a fixed height only for long tables: a short one is shown whole, without empty padded rows
    fitted = height if len(frame) > 10 else "auto"
    return st.dataframe(
        display, hide_index=True, width="stretch", height=fitted, key=key, column_config=config
    )


def _below_1000(values: pd.Series) -> bool:
    numbers = pd.to_numeric(values, errors="coerce").abs()
    return bool(numbers.isna().all() or numbers.max() < 1000)


def data_date(dataset, snapshot, lang: str) -> None:
    """'Data per 20 Desember 2016' (or the unsaved upload it comes from): every page says it."""
    from kim_dash.i18n import fmt_as_of

    if snapshot is None:
        st.caption(t("common.no_data_date", lang))
    elif snapshot.id < 0:
        st.caption(t("common.preview_date", lang, file=plain(snapshot.file_name)))
    else:
        st.caption(t("common.data_date", lang, date=fmt_as_of(snapshot.as_of, lang)))
