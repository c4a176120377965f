"""Shared widgets: KPI cards with their provenance, sentences, tables in the locale, the report."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Literal

import pandas as pd
import streamlit as st

from kim_dash.i18n import fmt_int, fmt_num, fmt_pct, t
from kim_dash.sources.problems import Problem
from kim_dash.sources.provenance import Figure, Sentence, is_published

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
# Line structure is markup too: a break then 4 spaces is a code block, "\n\n" a new paragraph, "\n---" a rule.
_LINE_STRUCTURE = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*|\t")


def plain(text: object) -> str:
    """Escape Markdown (and HTML-looking text) so data shows as typed, never as markup."""
    flat = _LINE_STRUCTURE.sub(" ", str(text)).strip()  # one line, never indented
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def marked(text: str, source: str, lang: str) -> str:
    """`text` with the word ilustratif/illustrative when its source is not published."""
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
    from kim_dash.model.citations import view_sources

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
    folded: tuple[str, ...] = (),
):
    """A table as people read it (kim_dash.ui.table_view): titles and values in the language; `folded`
    columns start hidden (the table's column menu shows them again; extracts keep them)."""
    from kim_dash.ui.table_view import display_of

    if frame.empty:  # the grid would print its own English "empty": say it in the page's language
        return st.caption(t("table.no_rows", lang))
    display, config = display_of(frame, name, lang, hide, first, folded)
    # a fixed height only for long tables: a short one is shown whole, without empty padded rows
    fitted = height if len(frame) > 10 else "auto"
    return st.dataframe(
        display, hide_index=True, width="stretch", height=fitted, key=key, column_config=dict(config)
    )


def data_date(dataset, snapshot, lang: str, known_as_of: str = "") -> None:
    """'Data per 20 Desember 2016' (or the unsaved upload it comes from): every page says it. Without a
    snapshot, `known_as_of` is the date of what is known (a published total or list), if any."""
    from kim_dash.i18n import fmt_as_of

    if snapshot is None and known_as_of:
        st.caption(t("common.data_date", lang, date=fmt_as_of(known_as_of, lang)))
    elif snapshot is None:
        st.caption(t("common.no_data_date", lang))
    elif snapshot.id < 0:
        st.caption(t("common.preview_date", lang, file=plain(snapshot.file_name)))
    else:
        st.caption(t("common.data_date", lang, date=fmt_as_of(snapshot.as_of, lang)))


def cards(items, lang: str, column=None) -> None:
    """KPI cards of kim_dash.outputs.grain_cards, one column each (or stacked in `column`): never a blank slot."""
    if not items:
        return
    columns = [column] * len(items) if column is not None else st.columns(len(items))
    for where, card in zip(columns, items, strict=True):
        kpi(where, card.label, card.value, lang, card.source, card.help)


def view_date(view, lang: str) -> None:
    """'Data per Juni 2023' from the grain shown (a table's date, else the latest total's)."""
    from kim_dash.i18n import fmt_as_of

    if view.regency.snapshot is not None:
        data_date(None, view.regency.snapshot, lang)
    elif view.data_as_of:
        st.caption(t("common.data_date", lang, date=fmt_as_of(view.data_as_of, lang)))
    else:
        st.caption(t("common.no_data_date", lang))
