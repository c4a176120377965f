"""Peringkat Nasional: where a kabupaten/kota stands among Indonesia's regencies with KIM."""

import streamlit as st

from kim_dash.export import ranking_extract
from kim_dash.i18n import fmt_int, fmt_pct, t
from kim_dash.ranking import (
    BAND_LABELS,
    RankingFilter,
    band_counts,
    focus_stats,
    national_ranking,
    province_summary,
    top_with_focus,
)
from kim_dash.summary import BOGOR
from kim_dash.ui import charts, maps, widgets
from kim_dash.ui.page import context

lang, dataset = context()
ranking = national_ranking(dataset)
province_names = dict(zip(dataset.provinces["code"], dataset.provinces["name"]))
regency_names = dict(zip(ranking["code"], ranking["name"]))

st.title(t("ranking.title", lang))
st.caption(t("ranking.lead", lang))

with st.container(border=True):
    f1, f2, f3, f4 = st.columns([3, 2, 2, 2])
    focus = f1.selectbox(
        t("ranking.focus", lang),
        list(regency_names),
        index=list(regency_names).index(BOGOR) if BOGOR in regency_names else 0,
        format_func=regency_names.get,
        key="fokus",
        bind="query-params",
    )
    provinces = f2.multiselect(
        t("ranking.filter.province", lang),
        sorted(set(ranking["province_code"])),
        format_func=province_names.get,
        key="provinsi",
        bind="query-params",
        placeholder=t("common.all", lang),
    )
    kinds = f3.multiselect(
        t("ranking.filter.type", lang),
        ["Kabupaten", "Kota"],
        key="jenis",
        bind="query-params",
        placeholder=t("common.all", lang),
    )
    bands = f4.multiselect(
        t("ranking.filter.band", lang),
        list(BAND_LABELS),
        key="kelompok",
        bind="query-params",
        placeholder=t("common.all", lang),
    )
    search = st.text_input(
        t("ranking.filter.search", lang),
        key="cari",
        bind="query-params",
        placeholder=t("ranking.filter.search_hint", lang),
    )

flt = RankingFilter(tuple(provinces), tuple(kinds), tuple(bands), search or "")
table = ranking_extract(dataset, flt)

stats = focus_stats(ranking, focus) if focus else None
if stats:
    st.subheader(stats.name)
    k = [*st.columns(3), *st.columns(3)]
    widgets.kpi(
        k[0],
        t("ranking.kpi.rank", lang),
        t("home.rank_value", lang, rank=stats.rank, of=fmt_int(stats.of, lang)),
    )
    widgets.kpi(k[1], t("ranking.kpi.count", lang), fmt_int(stats.count, lang))
    widgets.kpi(k[2], t("ranking.kpi.share", lang), fmt_pct(stats.share, lang, 2))
    widgets.kpi(k[3], t("ranking.kpi.gap_first", lang), fmt_int(stats.gap_to_first, lang))
    widgets.kpi(
        k[4],
        t("ranking.kpi.gap_next", lang),
        fmt_int(stats.gap_to_next, lang),
        t("ranking.kpi.gap_next_help", lang),
    )
    widgets.kpi(
        k[5],
        t("ranking.kpi.band", lang),
        stats.band,
        t("ranking.kpi.percentile", lang, pct=fmt_pct(stats.percentile, lang)),
    )
    st.caption(widgets.plain(widgets.source_label(stats.source, lang)))

widgets.illustrative_notice(table["source"], lang)

chart_column, map_column = st.columns([1, 1])
with chart_column:
    st.subheader(t("ranking.tab.chart", lang))
    top_n = st.slider(t("ranking.top_n", lang), 5, 50, 20, key="top")
    top = top_with_focus(table, ranking, top_n, focus)
    st.plotly_chart(charts.top_n_bar(top, focus, lang), width="stretch")
with map_column:
    st.subheader(t("ranking.tab.map", lang))
    maps.regency_map(table, dataset, lang)
    st.dataframe(widgets.header_labels(band_counts(ranking), "ranking.bandcol", lang), hide_index=True)

st.subheader(t("ranking.tab.table", lang))
st.caption(t("ranking.table_note", lang, n=fmt_int(len(table), lang), total=fmt_int(len(ranking), lang)))
shown = widgets.with_source_labels(table, lang).drop(columns=["province_code"])
shown.insert(0, "★", ["★" if c == focus else "" for c in shown["code"]])
st.dataframe(
    widgets.header_labels(shown, "ranking.col", lang),
    hide_index=True,
    width="stretch",
    height=420,
    column_config={t("ranking.col.share", lang): st.column_config.NumberColumn(format="percent")},
)
widgets.downloads(table, "ranking.file", flt.slug(), lang, key="ranking")

st.subheader(t("ranking.tab.province", lang))
summary = province_summary(dataset)
st.plotly_chart(charts.province_bar(summary, lang), width="stretch")
st.dataframe(
    widgets.header_labels(summary.drop(columns=["province_code"]), "province.col", lang),
    hide_index=True,
    width="stretch",
    column_config={t("province.col.coverage", lang): st.column_config.NumberColumn(format="percent")},
)
widgets.provenance("provenance.ranking", lang)
