"""Kesenjangan & Rencana: which kecamatan are short of the target, and where the next KIM go."""

import streamlit as st

from kim_dash.apportion import METHODS
from kim_dash.i18n import fmt_int, fmt_num, fmt_pct, t
from kim_dash.planner import (
    MODES,
    WEIGHTINGS,
    bogor_units,
    desa_saturation,
    make_plan,
    read_weights_file,
    summarise,
)
from kim_dash.problems import DatasetError
from kim_dash.ui import charts, widgets
from kim_dash.ui.page import context

lang, dataset = context()
METHOD_NAMES = {
    "hamilton": "Hamilton",
    "webster": "Webster/Sainte-Laguë",
    "huntington-hill": "Huntington–Hill",
    "dhondt": "D'Hondt/Jefferson",
}


def bilingual(key: str) -> str:
    """Bound widgets' option labels are the URL values: one label for both languages keeps links stable."""
    return f"{t(key, 'id')} ({t(key, 'en')})"


default_target = int(dataset.target("kim_total"))

st.title(t("planner.title", lang))
st.caption(t("planner.lead", lang))

with st.container(border=True):
    c1, c2, c3, c4 = st.columns(4)
    total = int(
        c1.number_input(
            t("planner.target", lang),
            min_value=0,
            max_value=100_000,
            value=default_target,
            step=1,
            key="target",
            bind="query-params",
        )
    )
    weighting = c2.selectbox(
        t("planner.weighting", lang),
        [*WEIGHTINGS, "file"],
        key="bobot",
        bind="query-params",
        format_func=lambda w: bilingual(f"planner.weighting.{w}"),
    )
    method = c3.selectbox(
        t("planner.method", lang),
        list(METHODS),
        key="metode",
        bind="query-params",
        format_func=METHOD_NAMES.get,
    )
    mode = c4.selectbox(
        t("planner.mode", lang),
        list(MODES),
        key="mode",
        bind="query-params",
        format_func=lambda m: bilingual(f"planner.mode.{m}"),
    )
    st.caption(t(f"planner.weighting.{weighting}.help", lang) + " " + t(f"planner.mode.{mode}.help", lang))

if weighting == "file":
    weights_file = st.file_uploader(
        t("planner.weights_file", lang),
        type=["csv"],
        key="weights_file",
        help=t("planner.weights_file_help", lang),
    )
    units = None
    if weights_file is not None:
        try:
            units = read_weights_file(weights_file.getvalue(), weights_file.name, dataset)
        except DatasetError as err:
            widgets.validation_report(err.problems, lang, "data.report_title")
    if units is None:
        st.info(t("planner.weights_file_missing", lang))
        units = bogor_units(dataset, "equal")
else:
    units = bogor_units(dataset, weighting)
plan = make_plan(units, total, method, mode)
summary = summarise(plan, units, total)

k = st.columns(4)
widgets.kpi(k[0], t("planner.kpi.current", lang), fmt_int(summary.current, lang))
widgets.kpi(k[1], t("planner.kpi.target", lang), fmt_int(summary.target, lang))
widgets.kpi(k[2], t("planner.kpi.to_form", lang), fmt_int(summary.to_form, lang))
widgets.kpi(
    k[3],
    t("planner.kpi.progress", lang),
    fmt_pct(summary.current / summary.target if summary.target else 1, lang),
)
st.progress(min(summary.current / summary.target, 1.0) if summary.target else 1.0)
widgets.illustrative_notice(dataset.registry["source"], lang)

with st.expander(t("planner.explain.title", lang), expanded=True):
    st.markdown(t(f"planner.explain.{method}", lang))
    st.markdown(t("planner.explain.ties", lang))

st.subheader(t("planner.table_title", lang))
short = plan[plan["gap"] > 0] if mode == "full" else plan[plan["new"] > 0]
st.caption(
    t(
        "planner.short_note",
        lang,
        n=len(short),
        names=", ".join(widgets.plain(n) for n in short["name"].tolist()[:15]),
    )
)
st.dataframe(
    widgets.header_labels(plan, "plan.col", lang),
    hide_index=True,
    width="stretch",
    height=420,
    column_config={t("plan.col.weight", lang): st.column_config.NumberColumn(format="%g")},
)
widgets.downloads(plan, "planner.file", f"{total}-{weighting}-{method}-{mode}", lang, key="plan")
st.plotly_chart(charts.before_after(plan, lang), width="stretch")

st.subheader(t("planner.inequality", lang))
rows = []
for field in ("gini_per_village", "cv", "min_max_ratio", "zero_units", "share_at_target"):
    before, after = getattr(summary.before, field), getattr(summary.after, field)
    show = (
        (lambda v: fmt_int(v, lang))
        if field == "zero_units"
        else ((lambda v: fmt_pct(v, lang)) if field == "share_at_target" else (lambda v: fmt_num(v, lang, 3)))
    )
    rows.append(
        {
            t("planner.ineq.measure", lang): t(f"planner.ineq.{field}", lang),
            t("planner.ineq.before", lang): show(before),
            t("planner.ineq.after", lang): show(after),
        }
    )
st.table(rows)

st.subheader(t("planner.saturation", lang))
saturation = desa_saturation(dataset)
st.caption(
    t(
        "planner.saturation_note",
        lang,
        needed=fmt_int(int(saturation["needed"].sum()), lang),
        villages=fmt_int(int(saturation["villages"].sum()), lang),
    )
)
st.dataframe(
    widgets.header_labels(saturation, "saturation.col", lang), hide_index=True, width="stretch", height=300
)
widgets.downloads(saturation, "saturation.file", "semua", lang, key="saturation")
widgets.provenance("provenance.planner", lang)
