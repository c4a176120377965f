"""Sebaran per Kecamatan: how Bogor's KIM spread over its kecamatan and desa, down to each KIM."""

import streamlit as st

from kim_dash.coverage import growth_by_year, kpis_of
from kim_dash.export import extract_csv, kecamatan_extract, kecamatan_slug, registry_extract
from kim_dash.i18n import fmt_int, fmt_num, fmt_pct, t
from kim_dash.summary import split_history
from kim_dash.ui import charts, maps, widgets
from kim_dash.ui.page import context

lang, dataset = context()
kecamatan_names = dict(zip(dataset.kecamatan["code"], dataset.kecamatan["name"]))

st.title(t("kecamatan.title", lang))
st.caption(t("kecamatan.lead", lang))
chosen = tuple(
    st.multiselect(
        t("kecamatan.filter", lang),
        list(kecamatan_names),
        format_func=kecamatan_names.get,
        key="kec",
        bind="query-params",
        placeholder=t("kecamatan.filter_all", lang),
    )
)

table = kecamatan_extract(dataset, chosen)
kpis = kpis_of(table, dataset)
dated, _ = split_history(dataset.history)

k = [*st.columns(3), *st.columns(2)]
widgets.kpi(k[0], t("kecamatan.kpi.kim", lang), fmt_int(kpis.kim, lang), t("kecamatan.kpi.kim_help", lang))
widgets.kpi(
    k[1],
    t("kecamatan.kpi.kecamatan", lang),
    t("common.x_of_y", lang, x=fmt_int(kpis.kecamatan_with_kim, lang), y=fmt_int(kpis.kecamatan, lang)),
    t("kecamatan.kpi.spm_help", lang),
    delta=fmt_pct(kpis.kecamatan_with_kim / kpis.kecamatan if kpis.kecamatan else 0, lang),
)
widgets.kpi(
    k[2],
    t("kecamatan.kpi.desa", lang),
    t("common.x_of_y", lang, x=fmt_int(kpis.villages_with_kim, lang), y=fmt_int(kpis.villages, lang)),
    delta=fmt_pct(kpis.villages_with_kim / kpis.villages if kpis.villages else 0, lang),
)
widgets.kpi(k[3], t("kecamatan.kpi.mean", lang), fmt_num(kpis.mean_per_kecamatan, lang))
widgets.kpi(
    k[4],
    t("kecamatan.kpi.target", lang),
    fmt_num(kpis.target_per_kecamatan, lang),
    t("kecamatan.kpi.target_help", lang, total=fmt_int(kpis.target_total, lang), n=len(dataset.kecamatan)),
)
registry_origin = dataset.origin.get("registry", "")
if registry_origin.startswith("upload:"):
    st.caption(t("kecamatan.as_of_upload", lang, file=widgets.plain(registry_origin.removeprefix("upload:"))))
else:
    st.caption(t("kecamatan.as_of", lang))

registry = registry_extract(dataset, chosen)
widgets.illustrative_notice(registry["source"], lang)

left, right = st.columns([3, 2])
with left:
    per_village = st.toggle(t("kecamatan.per_10", lang), key="per10")
    st.plotly_chart(
        charts.kecamatan_bar(table, per_village, kpis.target_per_kecamatan, lang), width="stretch"
    )
with right:
    maps.kecamatan_map(table, dataset, lang)

st.subheader(t("kecamatan.table_title", lang))
shown = table.assign(status=table["status"].map(lambda s: t(f"status.{s}", lang)))
st.dataframe(
    widgets.header_labels(shown, "kecamatan.col", lang),
    hide_index=True,
    width="stretch",
    column_config={
        t("kecamatan.col.coverage", lang): st.column_config.NumberColumn(format="percent"),
        t("kecamatan.col.kim_per_10_villages", lang): st.column_config.NumberColumn(format="%.2f"),
    },
)
slug = kecamatan_slug(dataset, chosen)
widgets.downloads(
    table, "kecamatan.file", slug, lang, key="kecamatan", csv=extract_csv(dataset, "kecamatan", chosen)
)

st.subheader(t("kecamatan.registry_title", lang))
search = st.text_input(
    t("kecamatan.search", lang), key="cari_kim", placeholder=t("kecamatan.search_hint", lang)
)
registry = registry_extract(dataset, chosen, search or "")
st.caption(t("kecamatan.registry_count", lang, n=fmt_int(len(registry), lang)))
st.dataframe(
    widgets.header_labels(widgets.with_source_labels(registry, lang), "registry.col", lang),
    hide_index=True,
    width="stretch",
    height=380,
)
widgets.downloads(
    registry,
    "registry.file",
    slug,
    lang,
    key="registry",
    csv=None if search else extract_csv(dataset, "registry", chosen),
)

st.subheader(t("kecamatan.growth_title", lang))
st.plotly_chart(
    charts.growth_chart(
        growth_by_year(dataset), dated, kpis.target_total, lang, dataset.registry_has_illustrative
    ),
    width="stretch",
)
widgets.provenance("provenance.kecamatan", lang)
