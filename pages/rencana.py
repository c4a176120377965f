"""Kesenjangan & Rencana: the answer first (where the next KIM go), then the table and the method."""

import streamlit as st

from kim_dash.i18n import fmt_int, t
from kim_dash.model.apportion import METHODS
from kim_dash.model.coverage import kecamatan_table
from kim_dash.model.grain import regency_view
from kim_dash.model.plan_request import (
    DEFAULT_PER_YEAR,
    PlanRequest,
    checked_request,
    method_name,
    minimum_each,
    plan_slug,
    rule_text,
    run_plan,
    timing_sentences,
)
from kim_dash.model.plan_time import outlook_text
from kim_dash.model.plan_views import (
    default_target,
    hidden_plan_columns,
    page_request,
    plan_and_schedule,
    plan_first_year,
    saturation_totals,
    schedule_slug,
    target_family,
)
from kim_dash.model.planner import MODES, WEIGHTINGS, desa_saturation
from kim_dash.model.regency import regency_data
from kim_dash.outputs.cells import inequality_rows, unchanged_notes
from kim_dash.outputs.map_picture import added_by
from kim_dash.outputs.pdf.views import BriefRequest, brief_pdf
from kim_dash.outputs.sentences import proposal_sentence
from kim_dash.sources.provenance import combine
from kim_dash.sources.url_values import PER_YEAR_RANGE, TARGET_RANGE, YEAR_RANGE
from kim_dash.ui import charts, charts_plan, downloads, grain_view, state, static_map, widgets
from kim_dash.ui.app_main import page_context
from kim_dash.ui.sections import sections

ctx = page_context()
lang, dataset = ctx.lang, ctx.dataset
regency = regency_data(dataset, ctx.regency)
st.title(t("planner.title", lang, name=regency.name))
widgets.data_date(dataset, regency.snapshot, lang, regency_view(dataset, ctx.regency).data_as_of)
if not regency.has_data:  # what the grain there is supports, then how to add data (kim_dash.model.grain)
    opening_request = PlanRequest(regency.code)
    grain_view.plan_opening(
        dataset,
        ctx.regency,
        lang,
        timing_sentences(run_plan(dataset, opening_request), opening_request, lang),
    )
    st.stop()

default = default_target(regency)  # the data's own target: no plan placed for it
weighting = state.url_value("bobot", list(WEIGHTINGS), "equal")
mode = state.url_value("mode", list(MODES), "topup")
method = state.url_value("metode", list(METHODS), "hamilton")
answer = st.container()  # filled below: the answer sits above the settings that shape it

with st.expander(t("planner.advanced", lang), expanded=False, icon=":material/tune:"):
    c1, c2, c3, c4 = st.columns(4)
    state.url_int("target", *TARGET_RANGE, default)  # a link's value is bounded before the widget
    total = int(
        c1.number_input(
            t("planner.target", lang),
            min_value=TARGET_RANGE[0],
            max_value=TARGET_RANGE[1],
            step=1,
            key="target",
            help=t("planner.target_help", lang),
        )
    )
    state.write_url_int("target", total)
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
    empty_first = st.toggle(
        t("planner.empty_first", lang),
        value=True,
        key="kosong_dulu",
        bind="query-params",
        help=t("planner.empty_first_help", lang),
        disabled=mode != "topup",
    )
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

request, weights_problems = checked_request(
    dataset,
    page_request(regency, total, weighting, method, mode, weights_file, empty_first),
)
if weights_problems:  # reported once; `request` now plans with equal weights, never the bad file
    widgets.validation_report(weights_problems, lang, "data.report_title")
body = st.container()  # the map: filled once the plan is placed
st.subheader(t("planner.by_year", lang))
y1, y2, y3 = st.columns(3)
state.url_int("per_tahun", *PER_YEAR_RANGE, DEFAULT_PER_YEAR)
per_year = int(y1.number_input(t("planner.per_year", lang), *PER_YEAR_RANGE, key="per_tahun"))
# never before this year: a plan starts from today, whatever the data's date
state.url_int("mulai", request.today.year, YEAR_RANGE[1], plan_first_year(dataset, request))
first = int(y2.number_input(t("planner.from_year", lang), request.today.year, YEAR_RANGE[1], key="mulai"))
state.url_int("sampai", *YEAR_RANGE, max(regency.targets.deadline or first + 4, first))
until = int(y3.number_input(t("planner.until", lang), *YEAR_RANGE, key="sampai"))
for key, value in (("per_tahun", per_year), ("mulai", first), ("sampai", until)):
    state.write_url_int(key, value)
# one plan placed once per rerun: the plan asked for, and the same plan by year
result, yearly = plan_and_schedule(dataset, request, per_year, first, until)

with answer:
    widgets.sentences([proposal_sentence(result.plan, lang), *timing_sentences(result, request, lang)], lang)
    if result.minimums:
        st.caption(t(f"planner.minimums.{result.spread.spread}", lang))
    st.caption(rule_text(result, request, lang))
    now_col, target_col, to_form_col, progress_col = st.columns(4)
    widgets.figure_kpi(now_col, t("planner.kpi.current", lang), result.summary.current, lang)
    if result.minimums:  # "a KIM in every kecamatan" is the target, not the 31 it adds up to
        family = target_family(result)
        each = fmt_int(minimum_each(regency), lang)  # 1 per desa, not a kecamatan's number of desa
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
    as_of = regency.as_of
    slug = plan_slug(total, weighting, method, mode, lang)
    downloads.pdf_download(
        lambda: brief_pdf(dataset, BriefRequest("plan", lang, regency.code, plan=request)),
        "plan",
        slug,
        as_of,
        lang,
    )

with body:
    st.subheader(t("map.plan_title", lang))
    static_map.kecamatan_map(regency.code, kecamatan_table(regency), lang, added_by(result.plan))

by_year = yearly.schedule
if by_year is not None and yearly.outlook is not None:  # met or missed at this pace, and the pace to meet it
    st.markdown(widgets.plain(outlook_text(yearly.outlook, lang)))

# below the answer and the map, one part at a time: only the open tab's content is run and sent; the plan's
# table first, the charts on request (plotly's first draw costs more than the reference page)
part, tab = sections(
    "bagian",
    {
        "rencana": t("planner.tab.plan", lang),
        "sebelum_sesudah": t("planner.tab.before_after", lang),
        **({"per_tahun": t("planner.tab.by_year", lang)} if by_year is not None else {}),
        "ketimpangan": t("planner.tab.inequality", lang),
        **({"per_desa": t("planner.tab.saturation", lang)} if regency.registry is not None else {}),
    },
)
if part == "rencana":
    with tab:
        widgets.illustrative_notice(result.plan["source"], lang)
        widgets.table(result.plan, "plan", lang, height=420, hide=hidden_plan_columns(weighting))
        downloads.table_downloads(
            result.plan, "plan", f"planner.table_title.{mode}", slug, as_of, lang, key="plan"
        )
if part == "sebelum_sesudah":
    with tab:
        st.caption(t("planner.before_after_note", lang))
        st.plotly_chart(charts_plan.before_after(result.plan, lang), width="stretch", config=charts.CONFIG)
if part == "per_tahun" and by_year is not None:
    with tab:
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
            schedule_slug(per_year, first, until),
            as_of,
            lang,
            key="schedule",
        )
if part == "ketimpangan":
    with tab:
        st.markdown(widgets.marked(t("planner.inequality", lang), result.summary.source, lang))
        # a static table wraps its long measure names, so "Sesudah" stays in view on a phone
        st.table(
            inequality_rows(result.summary.before, result.summary.after, lang),
            hide_index=True,
            border="horizontal",
        )
        notes = unchanged_notes(result.summary.before, result.summary.after, lang)
        st.caption(" ".join([*notes, t("planner.ineq.note", lang)]))
if part == "per_desa" and regency.registry is not None:
    with tab:
        saturation = desa_saturation(regency)
        needed, villages = saturation_totals(saturation)
        note = t(
            "planner.saturation_note", lang, needed=fmt_int(needed, lang), villages=fmt_int(villages, lang)
        )
        st.caption(widgets.plain(widgets.marked(note, combine(saturation["source"]), lang)))
        widgets.table(saturation, "saturation", lang, height=300, hide=("code",))
        downloads.table_downloads(
            saturation, "saturation", "planner.saturation", "semua", as_of, lang, key="saturation"
        )
widgets.sources(dataset, [regency.snapshot], lang, regency.code)
