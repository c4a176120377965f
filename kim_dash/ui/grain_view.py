"""The kecamatan page below the full grain: what is known per kecamatan (partial facts), then how to
add the rest. Unknown stays unknown: an empty cell, a grey map class, a count of its own."""

from __future__ import annotations

import streamlit as st

from kim_dash.brief_grain import opening
from kim_dash.data import Dataset
from kim_dash.extracts_grain import known_kecamatan
from kim_dash.grain import RegencyView
from kim_dash.grain_kpis import grain_cards
from kim_dash.i18n import t
from kim_dash.ui import downloads, guidance, map_partial, widgets


def kecamatan_known(dataset: Dataset, view: RegencyView, lang: str) -> None:
    widgets.sentences(opening(dataset, view.code, lang, "kecamatan"), lang)
    widgets.cards(grain_cards(view, lang), lang)
    if view.partial is not None:
        table = known_kecamatan(view)
        left, right = st.columns([3, 2])
        with right:
            map_partial.show(table, view.code, lang)
        with left:
            st.subheader(t("grain.partial_table_title", lang))
            widgets.table(table, "kecamatan", lang, hide=("code",), first=("name", "state", "kim"))
        downloads.table_downloads(
            table, "kecamatan", "kecamatan.table_title", "semua", view.partial_as_of, lang, key="known"
        )
    guidance.no_data(view.regency, lang)
