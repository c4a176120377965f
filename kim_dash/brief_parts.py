"""The pieces of a PDF brief: the request, KPI cards, a table's first rows, the charts, the settings in words."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kim_dash import brief as sentences_of
from kim_dash.data import Dataset
from kim_dash.display import display_rows
from kim_dash.export import header
from kim_dash.extracts import ranking_extract
from kim_dash.i18n import fmt_int, fmt_num, fmt_pct, t
from kim_dash.palette import CALM, FOCUS, MUTED, STATUS_HEX, STATUS_ORDER
from kim_dash.pdf import Chart, Kpi, Series, Table
from kim_dash.plans import PlanRequest
from kim_dash.provenance import Figure, is_published
from kim_dash.ranking import RankingFilter, focus_stats, national_ranking, top_with_focus

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


def kpi(label: str, value: str, fig: Figure | None = None, note: str = "") -> Kpi:
    return Kpi(label, value, note, illustrative=fig is not None and not is_published(fig.source))


def table(frame: pd.DataFrame, name: str, lang: str, title: str, hide: tuple[str, ...] = ()) -> Table:
    shown = frame.drop(columns=[c for c in hide if c in frame.columns])
    more = len(shown) - TABLE_ROWS
    note = t("pdf.more_rows", lang, count=more) if more > 0 else ""
    return Table(
        tuple(header(c, name, lang) for c in shown.columns),
        display_rows(shown, lang, TABLE_ROWS),
        note,
        title,
    )


def status_chart(table: pd.DataFrame, target: float, lang: str) -> Chart:
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


def regency_kpis(kpis, lang: str) -> list[Kpi]:
    out = [
        kpi(t("home.kpi.kim", lang), fmt_int(kpis.kim.value, lang), kpis.kim),
        kpi(
            t("home.kpi.kecamatan", lang),
            t(
                "common.x_of_y",
                lang,
                x=fmt_int(kpis.kecamatan_with_kim.value, lang),
                y=fmt_int(kpis.kecamatan, lang),
            ),
            kpis.kecamatan_with_kim,
        ),
        kpi(t("home.kpi.to_form", lang), fmt_int(kpis.to_form.value, lang), kpis.to_form),
    ]
    if kpis.villages_with_kim is not None:
        out.insert(
            2,
            kpi(
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


def ranking_part(
    dataset: Dataset, request: BriefRequest
) -> tuple[list, list[Kpi], Chart | None, Table | None]:
    lang, focus = request.lang, request.focus or request.regency
    sentence = sentences_of.rank_sentence(dataset, focus, lang)
    stats = focus_stats(dataset, focus)
    kpis = []
    if stats is not None:
        kpis = [
            kpi(
                t("ranking.kpi.rank", lang),
                t("common.x_of_y", lang, x=stats.rank.value, y=fmt_int(stats.of.value, lang)),
                stats.rank,
            ),
            kpi(t("ranking.kpi.count", lang), fmt_int(stats.count.value, lang), stats.count),
            kpi(t("ranking.kpi.share", lang), fmt_pct(stats.share.value, lang), stats.share),
            kpi(
                t("ranking.kpi.gap_first", lang), fmt_int(stats.gap_to_first.value, lang), stats.gap_to_first
            ),
            kpi(t("ranking.kpi.band", lang), str(stats.band.value), stats.band),
        ]
    ranked = ranking_extract(dataset, request.ranking)
    top = top_with_focus(ranked, national_ranking(dataset), 20, focus)
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
    rows = table(ranked, "ranking", lang, t("ranking.table_title", lang), ("province_code", "type"))
    return [sentence] if sentence else [], kpis, chart, rows


def settings_of(dataset: Dataset, request: BriefRequest, result=None) -> list[str]:
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
