"""Peringkat Nasional: where the chosen kabupaten/kota stands among Indonesia's regencies with KIM."""

import streamlit as st

from kim_dash.i18n import fmt_int, fmt_pct, fmt_x_of_y, t
from kim_dash.model.province_table import province_regencies
from kim_dash.model.ranking import (
    BAND_LABELS,
    RankingFilter,
    band_counts,
    focus_stats,
    national_ranking,
    national_snapshot,
    province_summary,
    ranked_provinces,
    top_with_focus,
)
from kim_dash.outputs.extract_tables import ranking_extract
from kim_dash.outputs.pdf.views import BriefRequest, brief_pdf
from kim_dash.outputs.sentences import published_statement, rank_sentence
from kim_dash.ui import charts, downloads, frame, grain_view, guidance, widgets
from kim_dash.ui.app_main import page_context
from kim_dash.ui.national_map import national_map
from kim_dash.ui.sections import sections

ctx = page_context()
lang, dataset = ctx.lang, ctx.dataset
snapshot = national_snapshot(dataset)
st.title(t("ranking.title", lang))
if snapshot is None:
    st.info(t("ranking.no_data", lang), icon=":material/info:")
    guidance.admin_command("kim-dash import national FILE.xlsx --as-of YYYY-MM", lang)
    st.stop()
widgets.data_date(dataset, snapshot, lang)
ranking = national_ranking(dataset)
focus = ctx.regency
sentence = rank_sentence(dataset, focus, lang)
widgets.sentences([sentence] if sentence else [], lang)
statement = published_statement(dataset, lang)
if statement:
    st.caption(widgets.plain(statement))

province_names = dataset.geography.names("province")
with st.container(border=True):
    f1, f2, f3 = st.columns(3)
    provinces = f1.multiselect(
        t("ranking.filter.province", lang),
        ranked_provinces(ranking),
        format_func=lambda p: province_names[p],
        key="provinsi",
        bind="query-params",
        placeholder=t("common.all", lang),
    )
    kinds = f2.multiselect(
        t("ranking.filter.type", lang),
        ["Kabupaten", "Kota"],
        key="jenis",
        bind="query-params",
        placeholder=t("common.all", lang),
    )
    bands = f3.multiselect(
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

stats = focus_stats(dataset, focus)
if stats is not None:
    st.subheader(stats.name)
    rank_col, count_col, share_col = st.columns(3)
    widgets.kpi(
        rank_col,
        t("ranking.kpi.rank", lang),
        fmt_x_of_y(stats.rank.value, stats.of.value, lang),
        lang,
        stats.rank.source,
    )
    widgets.figure_kpi(count_col, t("ranking.kpi.count", lang), stats.count, lang)
    widgets.kpi(
        share_col, t("ranking.kpi.share", lang), fmt_pct(stats.share.value, lang), lang, stats.share.source
    )
    next_differs = stats.next_differs  # at rank 2 the next rank up is rank 1: one figure, not two
    behind_col, *next_col, band_col = st.columns(3 if next_differs else 2)
    widgets.figure_kpi(behind_col, t("ranking.kpi.gap_first", lang), stats.gap_to_first, lang)
    if next_differs:
        widgets.figure_kpi(
            next_col[0],
            t("ranking.kpi.gap_next", lang),
            stats.gap_to_next,
            lang,
            help_text=t("ranking.kpi.gap_next_help", lang),
        )
    widgets.kpi(
        band_col,
        t("ranking.kpi.band", lang),
        stats.band.value,
        lang,
        stats.band.source,
        t("ranking.kpi.percentile", lang, pct=fmt_pct(stats.percentile.value, lang)),
    )
    st.page_link(
        "pages/kecamatan.py",
        label=t("ranking.link.kecamatan", lang, name=stats.name),
        icon=":material/map:",
        query_params={"wilayah": focus},
    )
widgets.illustrative_notice(table["source"], lang)
downloads.pdf_download(
    lambda: brief_pdf(dataset, BriefRequest("ranking", lang, focus, ranking=flt, focus=focus)),
    "ranking",
    flt.slug(),
    snapshot.as_of,
    lang,
)


def focus_from_chart() -> None:
    points = st.session_state["rank_chart"].selection.points
    frame.focus_on(points[0].get("customdata") if points else None)


# the map across the content width, zoomed to the chosen provinces
st.subheader(t("ranking.map_title", lang))
national_map(table, dataset.geography.regencies, lang, focus, tuple(provinces))
# below the map, one part at a time: only the open tab's content is run and sent; the table first (the
# filters above act on it), the charts on request (plotly's first draw costs more than the reference page)
part, tab = sections(
    "bagian",
    {
        "tabel": t("ranking.table_title", lang),
        "teratas": t("ranking.chart_title", lang),
        "provinsi": t("ranking.province_title", lang),
    },
)
if part == "tabel":
    with tab:
        st.caption(
            t("ranking.table_note", lang, n=fmt_int(len(table), lang), total=fmt_int(len(ranking), lang))
        )
        widgets.table(table, "ranking", lang, height=420, hide=("province_code",))
        downloads.table_downloads(
            table, "ranking", "ranking.table_title", flt.slug(), snapshot.as_of, lang, key="ranking"
        )
if part == "teratas":
    with tab:
        chart_column, bands_column = st.columns([3, 2])
        with chart_column:
            top_n = st.slider(t("ranking.top_n", lang), 5, 50, 20, key="top")
            top = top_with_focus(table, ranking, top_n, focus)
            st.plotly_chart(
                charts.top_n_bar(top, focus, lang),
                width="stretch",
                config=charts.CONFIG,
                on_select=focus_from_chart,
                selection_mode="points",
                key="rank_chart",
            )
        with bands_column:
            widgets.table(band_counts(dataset), "bands", lang)
if part == "provinsi":
    with tab:
        summary = province_summary(dataset)
        if len(provinces) == 1:  # one province: its kabupaten/kota side by side, national table and own data
            st.caption(t("ranking.province_view", lang, name=widgets.plain(province_names[provinces[0]])))
            widgets.table(province_regencies(dataset, provinces[0]), "province_view", lang)
        st.plotly_chart(charts.province_bar(summary, lang), width="stretch", config=charts.CONFIG)
        widgets.table(summary, "provinces", lang, hide=("province_code",))

grain_view.other_reports(dataset, lang)  # other definitions and dates: beside the ranking, never in it
widgets.sources(dataset, [snapshot], lang)
