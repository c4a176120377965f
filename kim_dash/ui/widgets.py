"""Shared widgets: KPI cards with their provenance, sentences, tables in the locale, the report."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Literal

import pandas as pd
import streamlit as st

from kim_dash.brief import Sentence
from kim_dash.display import formatter
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
    """A KPI card; an illustrative figure says so in its label, in words (no emoji needed)."""
    shown = marked(label, source, lang) if source else label
    column.metric(shown, value, help=help_text, border=True)


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

    refs, illustrative = view_sources(dataset, snapshots, regency)
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
):
    """A table as people read it: titles and values in the language, numbers in its format.

    A pandas Styler carries the display text while the cells keep their numbers, so sorting by a
    column still sorts by value.
    """
    from kim_dash.export import header

    shown = frame.drop(columns=[c for c in hide if c in frame.columns])
    titles = {c: header(c, name, lang) for c in shown.columns}
    formats = {titles[c]: f for c in shown.columns if (f := formatter(kind_of(c), lang)) is not None}
    styler = shown.rename(columns=titles).style.format(formats, na_rep="–")
    if "status" in shown.columns:  # the same colours as the chart and the map
        from kim_dash.palette import STATUS_HEX

        styler = styler.map(
            lambda v: f"background-color: {STATUS_HEX.get(v, 'transparent')}33", subset=[titles["status"]]
        )
    return st.dataframe(styler, hide_index=True, width="stretch", height=height, key=key)


def data_date(dataset, snapshot, lang: str) -> None:
    """'Data per 20 Desember 2016' (or the unsaved upload it comes from): every page says it."""
    from kim_dash.i18n import fmt_as_of

    if snapshot is None:
        st.caption(t("common.no_data_date", lang))
    elif snapshot.id < 0:
        st.caption(t("common.preview_date", lang, file=plain(snapshot.file_name)))
    else:
        st.caption(t("common.data_date", lang, date=fmt_as_of(snapshot.as_of, lang)))
