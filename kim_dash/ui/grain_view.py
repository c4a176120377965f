"""The kecamatan page below the full grain: what is known per kecamatan (partial facts), then how to
add the rest. Unknown stays unknown: an empty cell, a grey map class, a count of its own."""

from __future__ import annotations

import streamlit as st

from kim_dash.i18n import t
from kim_dash.model.grain import RegencyView
from kim_dash.outputs.grain_cards import grain_cards
from kim_dash.outputs.grain_extracts import known_kecamatan
from kim_dash.outputs.grain_sentences import opening
from kim_dash.sources.provenance import Sentence
from kim_dash.store.dataset import Dataset
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


def other_reports(dataset: Dataset, lang: str) -> None:
    """Peringkat: the published reports of kabupaten/kota and the nation after 2014, as what they are —
    each with its own figure, definition, date and source, never merged into or ranked against the
    2014 table; the latest kim.id count beside it. Nothing later than the chosen date."""
    from kim_dash.outputs.grain_cards import kimid_card
    from kim_dash.outputs.grain_extracts import reports_extract, reports_for_reading

    reports = reports_extract(dataset)
    if not len(reports):
        return
    st.subheader(t("ranking.reports_title", lang))
    st.caption(t("ranking.reports_note", lang))
    kimid = kimid_card(dataset, lang)
    if kimid is not None:
        widgets.cards([kimid], lang, st.columns(3)[0])
    shown = ("level", "regency_code", "date_text", "note", "url")
    widgets.table(
        reports_for_reading(reports, lang),
        "reports",
        lang,
        hide=shown,
        first=("name", "count", "of_total", "of_unit", "what"),
    )
    downloads.table_downloads(
        reports, "reports", "ranking.reports_title", "semua", dataset.as_of, lang, key="reports"
    )


def plan_opening(dataset: Dataset, code: str, lang: str, timing: list[Sentence]) -> None:
    """Rencana without a per-kecamatan table: the regency's total and target, the planner's `timing`
    (data age, deadline and pace), then how to add data."""
    from kim_dash.model.grain import regency_view

    view = regency_view(dataset, code)
    widgets.sentences([*opening(dataset, code, lang, "plan"), *timing], lang)
    widgets.cards(grain_cards(view, lang), lang)
    guidance.no_data(view.regency, lang)
