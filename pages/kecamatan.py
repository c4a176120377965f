"""Sebaran per Kecamatan: how a regency's KIM spread over its kecamatan and desa, down to each KIM."""

import streamlit as st

from kim_dash.i18n import fmt_as_of, fmt_int, fmt_x_of_y, t
from kim_dash.model.coverage import coverage_kpis, growth_by_year, kecamatan_table
from kim_dash.model.grain import regency_view
from kim_dash.model.history import reported_history, snapshot_progress
from kim_dash.model.regency import regency_data
from kim_dash.outputs.extract_tables import registry_extract, slug_of
from kim_dash.outputs.page_words import chart_target, disagreement_pairs, since_previous_changes, target_kpi
from kim_dash.outputs.pdf.views import BriefRequest, brief_pdf
from kim_dash.outputs.sentences import empty_kecamatan_sentence, later_total_sentences, target_sentence
from kim_dash.ui import charts, charts_plan, downloads, grain_view, maps, state, widgets
from kim_dash.ui.app_main import page_context
from kim_dash.ui.kecamatan_map import kecamatan_map
from kim_dash.ui.sections import sections

ctx = page_context()
lang, dataset = ctx.lang, ctx.dataset
regency = regency_data(dataset, ctx.regency)
names = regency.kecamatan_names

st.title(t("kecamatan.title", lang, name=regency.name))
view = regency_view(dataset, ctx.regency)
widgets.view_date(view, lang)
if not view.full:  # partial facts, totals, reports or nothing: what is known, then how to add data
    grain_view.kecamatan_known(dataset, view, lang)
    widgets.sources(dataset, [regency.snapshot], lang, regency.code)
    st.stop()


def drill(code: str | None) -> None:
    """A click on a kecamatan (map or chart) filters the page to it; runs as a callback."""
    if code in names:
        st.session_state["kec"] = [code]


def drill_from_map() -> None:
    drill(maps.selected_code(st.session_state["kec_map"], "kecamatan"))


def drill_from_chart() -> None:
    points = st.session_state["kec_chart"].selection.points
    by_name = {charts.esc(n): c for c, n in names.items()}
    drill(by_name.get(points[0].get("y")) if points else None)


def reset() -> None:
    st.session_state["kec"] = []


top, reset_column = st.columns([5, 1], vertical_alignment="bottom")
state.url_codes("kec", names)
chosen = tuple(
    top.multiselect(
        t("kecamatan.filter", lang),
        list(names),
        format_func=lambda c: names[c],
        key="kec",
        placeholder=t("kecamatan.filter_all", lang),
    )
)
state.write_url_codes("kec", list(chosen), names)
reset_column.button(
    t("kecamatan.reset", lang), on_click=reset, disabled=not chosen, icon=":material/restart_alt:"
)
# the answer and the map side by side on a desktop (the map under the answer on a phone)
answer_column, map_column = st.columns([3, 2])
with answer_column:
    widgets.sentences(
        [
            target_sentence(regency, lang, chosen),
            *later_total_sentences(dataset, regency, lang),
            empty_kecamatan_sentence(regency, lang, chosen),
        ],
        lang,
    )
    if regency.disagreements:
        pairs = disagreement_pairs(regency.disagreements, names)
        st.warning(
            t("kecamatan.disagree", lang, pairs=widgets.plain(pairs)), icon=":material/compare_arrows:"
        )

    table = kecamatan_table(regency, chosen)
    kpis = coverage_kpis(regency, chosen)
    # two by two: four side by side beside the map would cut the values ("31 d…")
    kim_col, kecamatan_col = st.columns(2)
    desa_or_mean_col, target_col = st.columns(2)
    widgets.figure_kpi(kim_col, t("kecamatan.kpi.kim", lang), kpis.kim, lang)
    widgets.kpi(
        kecamatan_col,
        t("kecamatan.kpi.kecamatan", lang),
        fmt_x_of_y(kpis.kecamatan_with_kim.value, kpis.kecamatan, lang),
        lang,
        kpis.kecamatan_with_kim.source,
        t("kecamatan.kpi.spm_help", lang),
    )
    if kpis.villages_with_kim is None:  # a count table names no desa: the average per kecamatan instead
        widgets.figure_kpi(
            desa_or_mean_col, t("kecamatan.kpi.mean", lang), kpis.mean_per_kecamatan, lang, "num"
        )
    else:
        widgets.kpi(
            desa_or_mean_col,
            t("kecamatan.kpi.desa", lang),
            fmt_x_of_y(kpis.villages_with_kim.value, kpis.villages, lang),
            lang,
            kpis.villages_with_kim.source,
        )
    target_help = t(
        f"kecamatan.kpi.target_help.{kpis.target.spread}",
        lang,
        total=fmt_int(kpis.target.total.value, lang),
        n=len(regency.kecamatan),
    )
    target_label, target_value = target_kpi(kpis, chosen, lang)  # the chosen ones' own, or the regency's
    widgets.kpi(target_col, target_label, target_value, lang, kpis.target_per_kecamatan.source, target_help)
    widgets.illustrative_notice(table["source"], lang)
    slug = slug_of([names[c] for c in chosen])
    as_of = regency.as_of
    downloads.pdf_download(
        lambda: brief_pdf(dataset, BriefRequest("kecamatan", lang, regency.code, kecamatan=chosen)),
        "kecamatan",
        slug,
        as_of,
        lang,
    )
with map_column:
    kecamatan_map(kecamatan_table(regency), regency.kecamatan, regency.code, lang, chosen, drill_from_map)
    st.caption(t("kecamatan.map_hint", lang))

# below the answer and the map, one part at a time: only the open tab's content is run and sent; the
# table first (status and gap per kecamatan), the charts on request (plotly's first draw is the cost)
part, tab = sections(
    "bagian",
    {
        "tabel": t("kecamatan.table_title", lang),
        "grafik": t("kecamatan.chart_tab", lang),
        **({"daftar": t("kecamatan.registry_title", lang)} if regency.registry is not None else {}),
        "perkembangan": t("kecamatan.progress_title", lang),
    },
)
if part == "tabel":
    with tab:
        widgets.table(
            table,
            "kecamatan",
            lang,
            hide=("code",),
            # the row's word "ilustratif"/"terbit" in view beside its status; the desa/kelurahan split
            # behind the column menu (their sum stays), so a desktop reads status and source unscrolled
            first=("name", "kim", "target", "gap", "status", "change", "source"),
            folded=("desa_count", "kelurahan_count"),
        )
        downloads.table_downloads(
            table, "kecamatan", "kecamatan.table_title", slug, as_of, lang, key="kecamatan"
        )
if part == "grafik":
    with tab:
        per_village = st.toggle(t("kecamatan.per_10", lang), key="per10")
        st.plotly_chart(
            charts.kecamatan_bar(table, per_village, lang),
            width="stretch",
            config=charts.CONFIG,
            on_select=drill_from_chart,
            selection_mode="points",
            key="kec_chart",
        )
if part == "daftar" and regency.registry is not None:
    with tab:
        search = st.text_input(
            t("kecamatan.search", lang), key="cari_kim", placeholder=t("kecamatan.search_hint", lang)
        )
        registry = registry_extract(regency, chosen, search or "")
        st.caption(t("kecamatan.registry_count", lang, count=len(registry), n=fmt_int(len(registry), lang)))
        widgets.table(registry, "registry", lang, height=380, hide=("kecamatan_code", "desa_code"))
        downloads.table_downloads(
            registry, "registry", "kecamatan.registry_title", slug, as_of, lang, key="registry"
        )
if part == "perkembangan":
    with tab:
        dated, _ = reported_history(dataset, regency.code)
        st.plotly_chart(
            charts_plan.progress_chart(
                snapshot_progress(dataset, regency.code),
                dated,
                growth_by_year(regency),
                chart_target(kpis.target),  # a minimum: no line
                lang,
            ),
            width="stretch",
            config=charts.CONFIG,
        )
        if regency.previous is not None:
            st.caption(
                t(
                    "kecamatan.since_previous",
                    lang,
                    date=fmt_as_of(regency.previous.as_of, lang),
                    changes=widgets.plain(since_previous_changes(table, lang)),
                )
            )
widgets.sources(dataset, [regency.snapshot], lang, regency.code)
