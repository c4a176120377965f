"""Ringkasan: the brief first (the answer in plain sentences), then the figures and the progress."""

from typing import Any

import streamlit as st

from kim_dash.i18n import fmt_as_of, fmt_int, fmt_x_of_y, t
from kim_dash.model.coverage import coverage_kpis, growth_by_year, kecamatan_table
from kim_dash.model.grain import regency_view
from kim_dash.model.history import reported_history, snapshot_progress
from kim_dash.model.ranking import focus_stats, national_snapshot, national_totals
from kim_dash.model.regency import regency_data
from kim_dash.outputs.cells import progress_label
from kim_dash.outputs.chart_marks import time_chart_note
from kim_dash.outputs.grain_cards import grain_cards, kimid_card
from kim_dash.outputs.grain_sentences import nearest_sentence, opening
from kim_dash.outputs.page_words import chart_target, kim_help, undated_note
from kim_dash.outputs.pdf.views import BriefRequest, brief_pdf
from kim_dash.outputs.sentences import home_sentences
from kim_dash.ui import charts, charts_plan, downloads, static_map, widgets
from kim_dash.ui.app_main import page_context

ctx = page_context()
lang, dataset = ctx.lang, ctx.dataset
regency = regency_data(dataset, ctx.regency)
view = regency_view(dataset, ctx.regency)  # which grain of data answers (kim_dash.model.grain)

st.title(t("home.title", lang, name=regency.name))
widgets.view_date(view, lang)
# the answer first: the full grain's sentences, or what the grain there is supports
widgets.sentences(
    home_sentences(dataset, regency.code, lang) if view.full else opening(dataset, regency.code, lang), lang
)
nearest = nearest_sentence(dataset, regency.code, lang)
downloads.pdf_download(
    lambda: brief_pdf(dataset, BriefRequest("home", lang, regency.code)),
    "home",
    regency.code,
    regency.as_of,
    lang,
)

national = national_snapshot(dataset)
if not view.full:  # only the figures this grain has, one card each: no blank slot
    widgets.cards(grain_cards(view, lang), lang)
kim_col: Any = None  # the regency's own count first (full grain); the grain's cards stand above
rank_col: Any = None
national_col: Any = None
if view.full:
    kim_col, rank_col, national_col = st.columns(3)
elif national is not None:
    rank_col, national_col = st.columns(2)
if national is not None:
    totals = national_totals(dataset)
    date = fmt_as_of(national.as_of, lang)
    widgets.figure_kpi(
        national_col,
        t("home.kpi.national", lang, date=date),
        totals.kim,
        lang,
        help_text=t(
            "home.kpi.national_help",
            lang,
            regencies=fmt_int(totals.regencies.value, lang),
            provinces=fmt_int(totals.provinces.value, lang),
        ),
    )
    stats = focus_stats(dataset, regency.code)
    if stats is not None:
        rank_text = fmt_x_of_y(stats.rank.value, stats.of.value, lang)
        widgets.kpi(
            rank_col,
            t("home.kpi.rank", lang, date=date),
            rank_text,
            lang,
            stats.rank.source,
            t("home.kpi.rank_help", lang, count=fmt_int(stats.count.value, lang)),
        )
    else:
        widgets.kpi(rank_col, t("home.kpi.rank", lang, date=date), t("grain.not_listed", lang), lang)
    rank_col.page_link(
        "pages/peringkat.py", label=t("home.link.ranking", lang), icon=":material/leaderboard:"
    )
kimid = kimid_card(dataset, lang)
if kimid is not None:  # a different definition: beside the 2014 total, never ranked against it
    widgets.cards([kimid], lang, national_col)
if view.full and kim_col is not None:
    kpis = coverage_kpis(regency)
    share = kpis.progress
    widgets.figure_kpi(
        kim_col,
        t("home.kpi.kim", lang),
        kpis.kim,
        lang,
        help_text=kim_help(kpis, lang),
    )
    kim_col.progress(min(share, 1.0), text=progress_label(kpis.target.spread, share, lang))
    kecamatan_col, desa_col, to_form_col = st.columns(3)
    widgets.kpi(
        kecamatan_col,
        t("home.kpi.kecamatan", lang),
        fmt_x_of_y(kpis.kecamatan_with_kim.value, kpis.kecamatan, lang),
        lang,
        kpis.kecamatan_with_kim.source,
        t("home.kpi.kecamatan_help", lang),
    )
    kecamatan_col.page_link("pages/kecamatan.py", label=t("home.link.kecamatan", lang), icon=":material/map:")
    if kpis.villages_with_kim is not None:
        widgets.kpi(
            desa_col,
            t("home.kpi.desa", lang),
            fmt_x_of_y(kpis.villages_with_kim.value, kpis.villages, lang),
            lang,
            kpis.villages_with_kim.source,
            t("home.kpi.desa_help", lang),
        )
    widgets.figure_kpi(
        to_form_col,
        t("home.kpi.to_form", lang),
        kpis.to_form,
        lang,
        help_text=t("home.kpi.to_form_help", lang),
    )
    to_form_col.page_link("pages/rencana.py", label=t("home.link.planner", lang), icon=":material/target:")
    widgets.illustrative_notice([kpis.kim.source, kpis.kecamatan_with_kim.source], lang)
    st.subheader(t("map.status_title", lang))
    static_map.kecamatan_map(regency.code, kecamatan_table(regency), lang)
if nearest is not None:
    widgets.sentences([nearest], lang)

st.subheader(t("home.history.title", lang, name=regency.name))
dated, undated = reported_history(dataset, regency.code)
# a total target is a line on the chart; "a KIM in every kecamatan" is not a number of KIM to draw
target = chart_target(view.target)
left, right = st.columns([3, 2])
points, growth = snapshot_progress(dataset, regency.code), growth_by_year(regency)
if len(points) or len(dated) or len(growth):
    left.plotly_chart(
        charts_plan.progress_chart(points, dated, growth, target, lang), width="stretch", config=charts.CONFIG
    )
else:  # nothing dated to draw: say so, never an empty chart
    left.info(t("grain.no_chart", lang), icon=":material/timeline:")
with right:
    if len(dated):
        st.markdown(f"**{t('home.history.published', lang)}**")
        for row in dated.itertuples():
            st.markdown(
                f"- {widgets.plain(fmt_as_of(row.as_of, lang))}: **{fmt_int(row.count, lang)}** — "
                f"{widgets.plain(row.counted_by)}"
            )
    if len(undated):
        st.markdown(f"**{t('home.history.undated', lang)}**")
        for row in undated.itertuples():
            st.markdown(f"- {fmt_int(row.count, lang)} — {widgets.plain(row.counted_by)}")
        if regency.has_data and regency.snapshot is not None:
            st.caption(undated_note(coverage_kpis(regency).kim.value, regency.as_of, lang))
    if note := time_chart_note(points, dated, growth, lang):
        st.caption(note)

if not view.full:  # how to add the data this view lacks
    st.page_link("pages/data.py", label=t("home.link.data", lang), icon=":material/upload_file:")
with st.expander(t("home.howto.title", lang), expanded=False):
    st.markdown(t("home.howto.body", lang))
widgets.sources(dataset, [national, regency.snapshot], lang, regency.code)
