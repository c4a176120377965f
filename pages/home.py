"""Ringkasan: the headline figures, each linking to the page that explains it."""

import streamlit as st

from kim_dash.coverage import growth_by_year
from kim_dash.i18n import fmt_as_of, fmt_int, fmt_pct, t
from kim_dash.summary import headline, split_history
from kim_dash.ui import charts, widgets
from kim_dash.ui.page import context

lang, dataset = context()
h = headline(dataset)

st.title(t("home.title", lang))
st.write(t("home.lead", lang))

c1, c2, c3 = st.columns(3)
widgets.kpi(
    c1,
    t("home.kpi.national", lang),
    fmt_int(h.national_total, lang),
    t(
        "home.kpi.national_help",
        lang,
        regencies=fmt_int(h.regencies_with_kim, lang),
        provinces=fmt_int(h.provinces_with_kim, lang),
    ),
)
c1.caption(
    t(
        "home.kpi.national_note",
        lang,
        regencies=fmt_int(h.regencies_with_kim, lang),
        provinces=fmt_int(h.provinces_with_kim, lang),
    )
)
c1.page_link("pages/ranking.py", label=t("home.link.ranking", lang), icon=":material/leaderboard:")

rank_text = (
    t("home.rank_value", lang, rank=h.bogor_rank, of=fmt_int(h.bogor_of, lang)) if h.bogor_rank else "–"
)
widgets.kpi(c2, t("home.kpi.rank", lang), rank_text, t("home.kpi.rank_help", lang))
c2.caption(t("home.kpi.rank_note", lang, n=fmt_int(h.bogor_count_national or 0, lang)))
c2.page_link("pages/ranking.py", label=t("home.link.ranking", lang), icon=":material/leaderboard:")

widgets.kpi(
    c3, t("home.kpi.registry", lang), fmt_int(h.registry_total, lang), t("home.kpi.registry_help", lang)
)
c3.caption(
    t("home.kpi.registry_note", lang, target=fmt_int(h.target_total, lang), pct=fmt_pct(h.progress, lang))
)
c3.progress(min(h.progress, 1.0))
c3.page_link("pages/planner.py", label=t("home.link.planner", lang), icon=":material/target:")

c4, c5, c6 = st.columns(3)
widgets.kpi(
    c4,
    t("home.kpi.kecamatan", lang),
    t("common.x_of_y", lang, x=fmt_int(h.kecamatan_with_kim, lang), y=fmt_int(h.kecamatan, lang)),
    t("home.kpi.kecamatan_help", lang),
)
c4.caption(fmt_pct(h.kecamatan_with_kim / h.kecamatan if h.kecamatan else 0, lang))
c4.page_link("pages/by_kecamatan.py", label=t("home.link.kecamatan", lang), icon=":material/map:")
widgets.kpi(
    c5,
    t("home.kpi.desa", lang),
    t("common.x_of_y", lang, x=fmt_int(h.villages_with_kim, lang), y=fmt_int(h.villages, lang)),
    t("home.kpi.desa_help", lang),
)
c5.caption(fmt_pct(h.villages_with_kim / h.villages if h.villages else 0, lang))
c5.page_link("pages/planner.py", label=t("home.link.planner", lang), icon=":material/target:")
widgets.kpi(
    c6,
    t("home.kpi.to_form", lang),
    fmt_int(max(h.target_total - h.registry_total, 0), lang),
    t("home.kpi.to_form_help", lang),
)
c6.page_link("pages/manage_data.py", label=t("home.link.data", lang), icon=":material/upload_file:")

widgets.illustrative_notice(dataset.registry["source"], lang)

st.subheader(t("home.history.title", lang))
dated, undated = split_history(dataset.history)
left, right = st.columns([3, 2])
left.plotly_chart(
    charts.growth_chart(
        growth_by_year(dataset), dated, h.target_total, lang, dataset.registry_has_illustrative
    ),
    width="stretch",
)
with right:
    st.markdown(f"**{t('home.history.published', lang)}**")
    for row in dated.itertuples():
        st.markdown(
            f"- {fmt_as_of(row.as_of, lang)}: **{fmt_int(row.count, lang)}** — {widgets.plain(row.counted_by)}"
        )
        st.caption(widgets.plain(widgets.source_label(row.source, lang)))
    if len(undated):
        st.markdown(f"**{t('home.history.undated', lang)}**")
        for row in undated.itertuples():
            st.markdown(f"- {fmt_int(row.count, lang)} — {widgets.plain(row.counted_by)}")
            st.caption(widgets.plain(widgets.source_label(row.source, lang)))

with st.expander(t("home.howto.title", lang), expanded=False):
    st.markdown(t("home.howto.body", lang))
widgets.provenance("provenance.home", lang)
