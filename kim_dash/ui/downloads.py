"""Download buttons that name their table, XLSX first, in the page's language; the page's PDF brief."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from kim_dash.i18n import t
from kim_dash.outputs import writers as export
from kim_dash.outputs.pdf.views import brief_file_name
from kim_dash.ui import cached
from kim_dash.ui.page import context

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@cached.csv
def _csv(frame: pd.DataFrame, table: str, lang: str) -> bytes:
    """A table's CSV, made once per table and language (the bytes are the same for every session)."""
    return export.to_csv_bytes(frame, table, lang)


def table_downloads(
    frame: pd.DataFrame, table: str, title_key: str, slug: str, data_date: str, lang: str, key: str
) -> None:
    """'Tabel kecamatan · XLSX' and '· CSV' of exactly `frame`; a click does not rerun the page. The
    workbook is made only when clicked (writing one costs more than the rest of a rerun); the CSV is
    cheap and made with the page."""
    title = t(title_key, lang)
    stem = t(f"{title_key}_file", lang)
    left, right = st.columns(2)
    left.download_button(
        t("download.xlsx", lang, table=title),
        lambda: export.to_xlsx_bytes(frame, table, lang),
        export.file_name(stem, slug, data_date, "xlsx"),
        mime=XLSX_MIME,
        on_click="ignore",
        key=f"{key}_xlsx",
        icon=":material/table:",
    )
    right.download_button(
        t("download.csv", lang, table=title),
        _csv(frame, table, lang),
        export.file_name(stem, slug, data_date, "csv"),
        mime="text/csv",
        on_click="ignore",
        key=f"{key}_csv",
        icon=":material/download:",
    )


def pdf_download(make: Callable[[], bytes], page: str, slug: str, data_date: str, lang: str) -> None:
    """'Unduh ringkasan (PDF)': the brief of exactly this view, made when clicked, named as the CLI
    names it (the regency in the name: ringkasan-kim-kecamatan-kabupaten-bogor-2016-12-20.pdf)."""
    ctx = context()
    regency = ctx.dataset.geography.regency_name(ctx.regency)
    st.download_button(
        t("download.pdf", lang),
        make,
        brief_file_name(page, ctx.regency, regency, slug, data_date, lang),
        mime="application/pdf",
        on_click="ignore",
        key=f"pdf_{page}",
        icon=":material/picture_as_pdf:",
    )
