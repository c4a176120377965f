"""Shared widgets: KPI cards, provenance notices, the validation report, download buttons."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from kim_dash import export
from kim_dash.i18n import t
from kim_dash.problems import Problem

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: object) -> str:
    """Escape Markdown so data (a file name, a KIM name, a column title) shows as typed, never as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def source_label(source: str, lang: str) -> str:
    """'published:…' -> '📘 Terbit: …'; 'illustrative' -> '🧪 Ilustratif' (text, never HTML)."""
    if source.startswith("published:"):
        return f"📘 {t('source.published', lang)}: {source.removeprefix('published:')}"  # tables: plain text
    return f"🧪 {t('source.illustrative', lang)}"


def with_source_labels(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    labels = {s: source_label(str(s), lang) for s in out["source"].unique()}  # few distinct sources
    out["source"] = out["source"].map(labels)
    return out


def illustrative_notice(sources: pd.Series, lang: str) -> None:
    """A calm notice wherever illustrative rows are in view, with how to load real data."""
    illustrative = int((sources == "illustrative").sum())
    if illustrative:
        st.info(t("notice.illustrative", lang, n=illustrative, total=len(sources)), icon="🧪")


def provenance(key: str, lang: str) -> None:
    st.caption(f"📚 {t('provenance.label', lang)}: {t(key, lang)}")


def kpi(column, label: str, value: str, help_text: str | None = None, delta: str | None = None) -> None:
    column.metric(label, value, delta=delta, help=help_text, delta_color="off", border=True)


def validation_report(problems: list[Problem], lang: str, title_key: str = "report.title") -> None:
    st.error(t(title_key, lang, n=len(problems)), icon="⚠️")
    table = pd.DataFrame([p.as_record(lang) for p in problems])
    table = table.rename(columns={c: t(f"report.col.{c}", lang) for c in table.columns})
    st.dataframe(table, hide_index=True, width="stretch")


def downloads(
    frame: pd.DataFrame, stem_key: str, slug: str, lang: str, key: str, csv: bytes | None = None
) -> None:
    """CSV and XLSX of exactly `frame`, formula-safe; no rerun on click.

    The XLSX is made only when clicked (a deferred callable): writing a workbook costs more than the
    rest of a page's rerun.
    """
    stem = t(stem_key, lang)
    left, right = st.columns(2)
    left.download_button(
        t("download.csv", lang),
        csv if csv is not None else export.to_csv_bytes(frame),
        export.file_name(stem, slug, "csv"),
        mime="text/csv",
        on_click="ignore",
        key=f"{key}_csv",
        icon=":material/download:",
    )
    right.download_button(
        t("download.xlsx", lang),
        lambda: export.to_xlsx_bytes(frame),
        export.file_name(stem, slug, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key=f"{key}_xlsx",
        icon=":material/table:",
    )


def header_labels(frame: pd.DataFrame, prefix: str, lang: str) -> pd.DataFrame:
    """Translate snake_case column names for display (extracts keep the stable names)."""
    return frame.rename(columns={c: t(f"{prefix}.{c}", lang) for c in frame.columns})
