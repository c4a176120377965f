"""The PDF brief of a view: the same sentences, KPIs, chart data and table rows the page shows.

One request type serves the pages' "Unduh ringkasan (PDF)" and `python -m kim_dash brief`, so the
two cannot differ. Layout and fonts live in kim_dash.pdf; this module only gathers the content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kim_dash import brief as sentences_of
from kim_dash.coverage import coverage_kpis, kecamatan_table
from kim_dash.data import Dataset
from kim_dash.display import display_rows
from kim_dash.export import header
from kim_dash.extracts import ranking_extract
from kim_dash.i18n import fmt_as_of, fmt_int, fmt_num, fmt_pct, t
from kim_dash.palette import CALM, FOCUS, MUTED, STATUS_HEX, STATUS_ORDER
from kim_dash.pdf import BriefDoc, Chart, Kpi, Sentence, Series, Table, render_pdf
from kim_dash.plans import PlanRequest, run_plan
from kim_dash.provenance import Figure, is_published
from kim_dash.ranking import RankingFilter, focus_stats, national_ranking, national_snapshot, top_with_focus
from kim_dash.regency import regency_data
from kim_dash.sources import view_sources

TABLE_ROWS = 15


@dataclass(frozen=True)
class BriefRequest:
    page: str  # home | ranking | kecamatan | plan
    lang: str
    regency: str
    ranking: RankingFilter = field(default_factory=RankingFilter)
    focus: str = ""
    kecamatan: tuple[str, ...] = ()
    plan: PlanRequest | None = None


def _kpi(label: str, value: str, fig: Figure | None = None, note: str = "") -> Kpi:
    return Kpi(label, value, note, illustrative=fig is not None and not is_published(fig.source))


def _table(frame: pd.DataFrame, name: str, lang: str, title: str, hide: tuple[str, ...] = ()) -> Table:
    shown = frame.drop(columns=[c for c in hide if c in frame.columns])
    more = len(shown) - TABLE_ROWS
    note = t("pdf.more_rows", lang, count=more) if more > 0 else ""
    return Table(
        tuple(header(c, name, lang) for c in shown.columns),
        display_rows(shown, lang, TABLE_ROWS),
        note,
        title,
    )


def _status_chart(table: pd.DataFrame, target: float, lang: str) -> Chart:
    ordered = table.sort_values(["kim", "code"], ascending=[False, True])
    illustrative = not all(is_published(s) for s in ordered["source"])
    return Chart(
        "bars",
        t("kecamatan.table_title", lang),
        tuple(ordered["name"]),
        (Series(t("chart.kim_count", lang), tuple(float(v) for v in ordered["kim"]), MUTED, illustrative),),
        t("chart.kim_count", lang),
        target,
        t("chart.target_line", lang, value=fmt_num(target, lang)),
        tuple(STATUS_HEX[s] for s in ordered["status"]),
        tuple((STATUS_HEX[s], t(f"status.{s}", lang)) for s in STATUS_ORDER),
        lang,
    )


def _regency_kpis(kpis, lang: str) -> list[Kpi]:
    out = [
        _kpi(t("home.kpi.kim", lang), fmt_int(kpis.kim.value, lang), kpis.kim),
        _kpi(
            t("home.kpi.kecamatan", lang),
            t(
                "common.x_of_y",
                lang,
                x=fmt_int(kpis.kecamatan_with_kim.value, lang),
                y=fmt_int(kpis.kecamatan, lang),
            ),
            kpis.kecamatan_with_kim,
        ),
        _kpi(t("home.kpi.to_form", lang), fmt_int(kpis.to_form.value, lang), kpis.to_form),
    ]
    if kpis.villages_with_kim is not None:
        out.insert(
            2,
            _kpi(
                t("home.kpi.desa", lang),
                t(
                    "common.x_of_y",
                    lang,
                    x=fmt_int(kpis.villages_with_kim.value, lang),
                    y=fmt_int(kpis.villages, lang),
                ),
                kpis.villages_with_kim,
            ),
        )
    return out


def _ranking_part(
    dataset: Dataset, request: BriefRequest
) -> tuple[list, list[Kpi], Chart | None, Table | None]:
    lang, focus = request.lang, request.focus or request.regency
    sentence = sentences_of.rank_sentence(dataset, focus, lang)
    stats = focus_stats(dataset, focus)
    kpis = []
    if stats is not None:
        kpis = [
            _kpi(
                t("ranking.kpi.rank", lang),
                t("common.x_of_y", lang, x=stats.rank.value, y=fmt_int(stats.of.value, lang)),
                stats.rank,
            ),
            _kpi(t("ranking.kpi.count", lang), fmt_int(stats.count.value, lang), stats.count),
            _kpi(t("ranking.kpi.share", lang), fmt_pct(stats.share.value, lang), stats.share),
            _kpi(
                t("ranking.kpi.gap_first", lang), fmt_int(stats.gap_to_first.value, lang), stats.gap_to_first
            ),
            _kpi(t("ranking.kpi.band", lang), str(stats.band.value), stats.band),
        ]
    table = ranking_extract(dataset, request.ranking)
    top = top_with_focus(table, national_ranking(dataset), 20, focus)
    chart = (
        Chart(
            "bars",
            t("ranking.chart_title", lang),
            tuple(f"{r}. {n}" for r, n in zip(top["rank"], top["name"], strict=True)),
            (
                Series(
                    t("chart.kim_count", lang),
                    tuple(float(v) for v in top["count"]),
                    CALM,
                    not all(is_published(s) for s in top["source"]),
                ),
            ),
            t("chart.kim_count", lang),
            bar_colours=tuple(FOCUS if c == focus else CALM for c in top["code"]),
            lang=lang,
        )
        if len(top)
        else None
    )
    rows = _table(table, "ranking", lang, t("ranking.table_title", lang), ("province_code", "type"))
    return [sentence] if sentence else [], kpis, chart, rows


def _settings(dataset: Dataset, request: BriefRequest, result=None) -> list[str]:
    lang, geography = request.lang, dataset.geography
    if request.page == "ranking":
        f = request.ranking
        parts = [t("pdf.focus", lang, name=geography.regency_name(request.focus or request.regency))]
        if f.provinces:
            parts.append(
                t("pdf.provinces", lang, names=", ".join(geography.names("province")[p] for p in f.provinces))
            )
        parts += [t("pdf.types", lang, names=", ".join(f.types))] if f.types else []
        parts += [t("pdf.bands", lang, names=", ".join(f.bands))] if f.bands else []
        parts += [t("pdf.search", lang, text=f.search)] if f.search else []
        return parts
    names = geography.names("kecamatan", request.regency)
    chosen = ", ".join(names.get(c, c) for c in request.kecamatan) or t("kecamatan.filter_all", lang)
    parts = [t("pdf.kecamatan", lang, names=chosen)] if request.page == "kecamatan" else []
    if request.page == "plan" and result is not None:
        plan = request.plan or PlanRequest(request.regency)
        parts.append(
            t(
                "pdf.plan",
                lang,
                target=fmt_int(result.total.value, lang),
                weighting=t(f"planner.weighting.{plan.weighting}", lang),
                method=plan.method,
                mode=t(f"planner.mode.{plan.mode}", lang),
            )
        )
    return parts


def build_doc(dataset: Dataset, request: BriefRequest) -> BriefDoc:
    lang = request.lang
    regency = regency_data(dataset, request.regency)
    snapshot = national_snapshot(dataset) if request.page == "ranking" else regency.snapshot
    sentences: list = []
    kpis: list[Kpi] = []
    chart: Chart | None = None
    table: Table | None = None
    result = None
    if request.page == "ranking":
        sentences, kpis, chart, table = _ranking_part(dataset, request)
    elif regency.has_data:
        chosen = request.kecamatan if request.page == "kecamatan" else ()
        coverage = coverage_kpis(regency, chosen)
        rows = kecamatan_table(regency, chosen)
        if request.page == "home":
            sentences = sentences_of.home_sentences(dataset, regency.code, lang)
        else:
            sentences = [
                sentences_of.target_sentence(regency, lang, chosen),
                sentences_of.empty_kecamatan_sentence(regency, lang, chosen),
            ]
        kpis = _regency_kpis(coverage, lang)
        chart = _status_chart(rows, coverage.target_per_kecamatan.value, lang)
        table = _table(
            rows,
            "kecamatan",
            lang,
            t("kecamatan.table_title", lang),
            ("code", "villages", "desa_count", "kelurahan_count", "kim_per_10_villages", "change"),
        )
        if request.page == "plan":
            plan_request = request.plan or PlanRequest(regency.code)
            result = run_plan(dataset, plan_request)
            title = t(f"planner.table_title.{plan_request.mode}", lang)
            sentences = [sentences_of.proposal_sentence(result.plan, lang)]
            plan = result.plan
            after = plan["after"] if "after" in plan else plan["current"] + plan["to_form"]
            chart = Chart(
                "arrows",
                title,
                tuple(plan["name"]),
                (
                    Series(t("chart.now", lang), tuple(float(v) for v in plan["current"]), MUTED),
                    Series(
                        t("chart.after", lang),
                        tuple(float(v) for v in after),
                        FOCUS,
                        not all(is_published(s) for s in plan["source"]),
                    ),
                ),
                t("chart.kim_count", lang),
                lang=lang,
            )
            table = _table(plan, "plan", lang, title, ("code", "weight"))
    else:
        sentences = [sentences_of.Sentence(t("brief.no_data", lang, name=regency.name), "illustrative")]
    refs, illustrative_rows = view_sources(
        dataset, [snapshot], "" if request.page == "ranking" else regency.code
    )
    notes = [t("pdf.note_illustrative", lang)] if illustrative_rows else []
    titles = {
        "home": t("home.title", lang, name=regency.name),
        "ranking": t("ranking.title", lang),
        "kecamatan": t("kecamatan.title", lang, name=regency.name),
        "plan": t("planner.title", lang, name=regency.name),
    }
    date = (
        t("common.data_date", lang, date=fmt_as_of(snapshot.as_of, lang))
        if snapshot
        else t("common.no_data_date", lang)
    )
    return BriefDoc(
        title=titles[request.page],
        subtitle=t("pdf.subtitle", lang),
        settings=tuple(_settings(dataset, request, result)),
        data_date=date,
        sentences=tuple(Sentence(s.text, s.illustrative) for s in sentences),
        kpis=tuple(kpis),
        chart=chart,
        table=table,
        sources=(*refs, t("sources.reference", lang))
        + ((t("sources.illustrative_rows", lang, count=illustrative_rows),) if illustrative_rows else ()),
        notes=tuple(notes),
        illustrative_marker=t("source.illustrative", lang),
        footer=t("pdf.footer", lang),
        sources_heading=t("provenance.label", lang),
        notes_heading=t("pdf.notes", lang),
    )


def brief_pdf(dataset: Dataset, request: BriefRequest) -> bytes:
    return render_pdf(build_doc(dataset, request))
