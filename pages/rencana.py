"""Kesenjangan & Rencana: the answer first (where the next KIM go), then the table and the method."""

import streamlit as st

from kim_dash.apportion import METHODS
from kim_dash.brief import proposal_sentence
from kim_dash.briefs import BriefRequest, brief_pdf
from kim_dash.display import inequality_rows, unchanged_notes
from kim_dash.i18n import fmt_int, t
from kim_dash.planner import MODES, WEIGHTINGS, desa_saturation
from kim_dash.plans import PlanRequest, method_name, plan_slug, run_plan
from kim_dash.problems import DatasetError
from kim_dash.provenance import combine
from kim_dash.regency import regency_data
from kim_dash.ui import charts, charts_plan, downloads, guidance, state, widgets
from kim_dash.ui.app_main import page_context

ctx = page_context()
lang, dataset = ctx.lang, ctx.dataset
regency = regency_data(dataset, ctx.regency)
st.title(t("planner.title", lang, name=regency.name))
widgets.data_date(dataset, regency.snapshot, lang)
if not regency.has_data:
    guidance.no_data(regency, lang)
    st.stop()

default = run_plan(dataset, PlanRequest(regency.code)).total.value
weighting = state.url_value("bobot", list(WEIGHTINGS), "equal")
mode = state.url_value("mode", list(MODES), "topup")
method = state.url_value("metode", list(METHODS), "hamilton")
answer = st.container()  # filled below: the answer sits above the settings that shape it

with st.expander(t("planner.advanced", lang), expanded=False, icon=":material/tune:"):
    c1, c2, c3, c4 = st.columns(4)
    total = int(
        c1.number_input(
            t("planner.target", lang),
            min_value=0,
            max_value=100_000,
            value=default,
            step=1,
            key="target",
            bind="query-params",
            help=t("planner.target_help", lang),
        )
    )
    c2.selectbox(
        t("planner.weighting", lang),
        list(WEIGHTINGS),
        key="bobot",
        format_func=lambda w: t(f"planner.weighting.{w}", lang),
    )
    c3.selectbox(
        t("planner.method", lang), list(METHODS), key="metode", format_func=lambda m: method_name(m, lang)
    )
    c4.selectbox(
        t("planner.mode", lang), list(MODES), key="mode", format_func=lambda m: t(f"planner.mode.{m}", lang)
    )
    for key, default_value in (("bobot", "equal"), ("mode", "topup"), ("metode", "hamilton")):
        state.write_url_value(key, st.session_state[key], default_value)
    weighting, mode, method = st.session_state["bobot"], st.session_state["mode"], st.session_state["metode"]
    st.caption(t(f"planner.weighting.{weighting}.help", lang) + " " + t(f"planner.mode.{mode}.help", lang))
    weights_file = None
    if weighting == "file":
        upload = st.file_uploader(
            t("planner.weights_file", lang),
            type=["csv", "txt", "xlsx", "xls", "ods"],
            key="weights_file",
            help=t("planner.weights_file_help", lang),
            max_upload_size=5,
        )
        if upload is not None:
            weights_file = (upload.getvalue(), upload.name)
    st.markdown(t(f"planner.explain.{method}", lang))
    st.markdown(t("planner.explain.ties", lang))

request = PlanRequest(
    regency.code,
    None if total == default else total,
    weighting if weights_file else ("equal" if weighting == "file" else weighting),
    method,
    mode,
    weights_file=weights_file,
)
try:
    result = run_plan(dataset, request)
except DatasetError as err:
    widgets.validation_report(err.problems, lang, "data.report_title")
    result = run_plan(dataset, PlanRequest(regency.code, request.target, "equal", method, mode))

with answer:
    widgets.sentences([proposal_sentence(result.plan, lang)], lang)
    if result.minimums:
        st.caption(t(f"planner.minimums.{result.spread.spread}", lang))
    now_col, target_col, to_form_col, progress_col = st.columns(4)
    widgets.figure_kpi(now_col, t("planner.kpi.current", lang), result.summary.current, lang)
    if result.minimums:  # "a KIM in every kecamatan" is the target, not the 31 it adds up to
        family = "per_desa" if result.spread.spread == "per_desa" else "per_kecamatan"
        each = fmt_int(max(result.plan["target"].min(), 1), lang) if len(result.plan) else "1"
        widgets.kpi(
            target_col,
            t(f"planner.kpi.target_floor.{family}", lang),
            each,
            lang,
            result.summary.target.source,
        )
    else:
        widgets.figure_kpi(target_col, t("planner.kpi.target", lang), result.summary.target, lang)
    widgets.figure_kpi(to_form_col, t("planner.kpi.to_form", lang), result.summary.to_form, lang)
    widgets.figure_kpi(progress_col, t("planner.kpi.progress", lang), result.summary.progress, lang, "pct")
    as_of = regency.snapshot.as_of if regency.snapshot else ""
    slug = plan_slug(total, weighting, method, mode, lang)
    downloads.pdf_download(
        lambda: brief_pdf(dataset, BriefRequest("plan", lang, regency.code, plan=request)),
        "plan",
        slug,
        as_of,
        lang,
    )

st.subheader(t(f"planner.table_title.{mode}", lang))
widgets.illustrative_notice(result.plan["source"], lang)
widgets.table(
    result.plan, "plan", lang, height=420, hide=("code",) + (("weight",) if weighting == "equal" else ())
)
downloads.table_downloads(result.plan, "plan", f"planner.table_title.{mode}", slug, as_of, lang, key="plan")
st.subheader(t("planner.before_after", lang))
st.caption(t("planner.before_after_note", lang))
st.plotly_chart(charts_plan.before_after(result.plan, lang), width="stretch", config=charts.CONFIG)

st.subheader(t("planner.by_year", lang))
y1, y2, y3 = st.columns(3)
per_year_default = int(regency.targets.per_year.value) if regency.targets.per_year else 10
per_year = int(
    y1.number_input(
        t("planner.per_year", lang), 1, 10_000, per_year_default, key="per_tahun", bind="query-params"
    )
)
first = int(
    y2.number_input(
        t("planner.from_year", lang),
        1980,
        2100,
        int(as_of[:4]) + 1 if as_of else 2027,
        key="mulai",
        bind="query-params",
    )
)
until = int(
    y3.number_input(
        t("planner.until", lang),
        1980,
        2100,
        max(regency.targets.deadline or first + 4, first),
        key="sampai",
        bind="query-params",
    )
)
by_year = run_plan(
    dataset,
    PlanRequest(
        regency.code, request.target, request.weighting, method, mode, per_year, until, first, weights_file
    ),
).schedule
if by_year is not None:
    done = by_year.reached_year
    key = (
        "planner.reached_late"
        if done and done > until
        else "planner.reached"
        if done
        else "planner.not_reached"
    )
    st.markdown(widgets.plain(t(key, lang, year=done or "", until=until, per_year=fmt_int(per_year, lang))))
    st.plotly_chart(
        charts_plan.schedule_chart(
            by_year.totals,
            result.summary.current.value,
            result.goal,
            lang,
            "chart.after_total" if result.minimums else "chart.target_total",
        ),
        width="stretch",
        config=charts.CONFIG,
    )
    widgets.table(by_year.table, "schedule", lang, height=300, hide=("code",))
    downloads.table_downloads(
        by_year.table,
        "schedule",
        "planner.by_year",
        f"{per_year}-{first}-{until}",
        as_of,
        lang,
        key="schedule",
    )

st.subheader(widgets.marked(t("planner.inequality", lang), result.summary.source, lang))
# a static table wraps its long measure names, so "Sesudah" stays in view on a phone
st.table(
    inequality_rows(result.summary.before, result.summary.after, lang), hide_index=True, border="horizontal"
)
st.caption(
    " ".join(
        [*unchanged_notes(result.summary.before, result.summary.after, lang), t("planner.ineq.note", lang)]
    )
)

if regency.registry is not None:
    st.subheader(t("planner.saturation", lang))
    saturation = desa_saturation(regency)
    note = t(
        "planner.saturation_note",
        lang,
        needed=fmt_int(int(saturation["needed"].sum()), lang),
        villages=fmt_int(int(saturation["villages"].sum()), lang),
    )
    st.caption(widgets.plain(widgets.marked(note, combine(saturation["source"]), lang)))
    widgets.table(saturation, "saturation", lang, height=300, hide=("code",))
    downloads.table_downloads(
        saturation, "saturation", "planner.saturation", "semua", as_of, lang, key="saturation"
    )
widgets.sources(dataset, [regency.snapshot], lang, regency.code)
