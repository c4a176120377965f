"""The pieces of a PDF brief: the request, KPI cards, a table's first rows, the charts, the settings in words."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kim_dash.i18n import fmt_int, fmt_pct, fmt_x_of_y, t
from kim_dash.model.plan_request import PlanRequest, method_name
from kim_dash.model.ranking import RankingFilter, focus_stats, national_ranking, top_with_focus
from kim_dash.outputs import sentences as sentences_of
from kim_dash.outputs.cells import display_rows
from kim_dash.outputs.extract_tables import ranking_extract
from kim_dash.outputs.palette import BAND_HEX, CALM, MUTED, STATUS_HEX, STATUS_ORDER
from kim_dash.outputs.pdf.render import Chart, Kpi, Series, Table
from kim_dash.outputs.writers import header
from kim_dash.sources.provenance import Figure, is_published
from kim_dash.store.dataset import Dataset

TABLE_ROWS = 15  # the home, ranking and plan briefs: the first rows, the rest in the download
KECAMATAN_ROWS = 40  # the kecamatan brief: every kecamatan of a regency of up to 40 (page 2 holds 40)


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


def table(
    frame: pd.DataFrame, name: str, lang: str, title: str, hide: tuple[str, ...] = (), rows: int = TABLE_ROWS
) -> Table:
    """The first `rows` rows of `frame` as shown on screen (columns with no value at all left out, as
    on screen), with a note of how many more rows the download holds. The gap to target is written in
    words ("kurang 4"), so its header drops the extract's sign legend."""
    shown = frame.drop(columns=[c for c in hide if c in frame.columns])
    if len(shown):
        shown = shown.loc[:, shown.notna().any()]
    more = len(shown) - rows
    note = t("pdf.more_rows", lang, count=more) if more > 0 else ""
    return Table(
        tuple(t("pdf.col_gap", lang) if c == "gap" else header(c, name, lang) for c in shown.columns),
        display_rows(shown, lang, rows),
        note,
        title,
    )


def worst_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Kecamatan by need: without KIM first, then below, at and above target; within a status the
    largest shortfall first (the smallest surplus), then by code."""
    severity = rows["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    keyed = rows.assign(_severity=severity, _gap=-rows["gap"])
    return keyed.sort_values(["_severity", "_gap", "code"]).drop(columns=["_severity", "_gap"])


def _hatch(lang: str) -> str:
    return t("chart.hatched_note", lang)


def status_chart(rows: pd.DataFrame, target: Figure, lang: str) -> Chart:
    """KIM per kecamatan, most on top, coloured by status; each kecamatan's own target as a tick on
    its bar; a bar from sample rows hatched."""
    ordered = rows.sort_values(["kim", "code"], ascending=[False, True])
    shown = [s for s in STATUS_ORDER if s in set(ordered["status"])]
    tick = t("chart.target_tick", lang)
    if not is_published(target.source):
        tick += f" ({t('source.illustrative', lang)})"
    return Chart(
        "bars",
        t("pdf.chart_kecamatan", lang),
        tuple(ordered["name"]),
        (Series(t("chart.kim_count", lang), tuple(float(v) for v in ordered["kim"]), MUTED),),
        t("chart.kim_count", lang),
        bar_colours=tuple(STATUS_HEX[s] for s in ordered["status"]),
        legend=tuple((STATUS_HEX[s], t(f"status.{s}", lang)) for s in shown),
        lang=lang,
        marked=tuple(not is_published(s) for s in ordered["source"]),
        hatch_label=_hatch(lang),
        ticks=tuple(float(v) for v in ordered["target"]),
        tick_label=tick,
    )


def regency_kpis(kpis, lang: str) -> list[Kpi]:
    out = [
        kpi(t("home.kpi.kim", lang), fmt_int(kpis.kim.value, lang), kpis.kim),
        kpi(
            t("home.kpi.kecamatan", lang),
            fmt_x_of_y(kpis.kecamatan_with_kim.value, kpis.kecamatan, lang),
            kpis.kecamatan_with_kim,
        ),
        kpi(t("home.kpi.to_form", lang), fmt_int(kpis.to_form.value, lang), kpis.to_form),
    ]
    if kpis.villages_with_kim is not None:
        out.insert(
            2,
            kpi(
                t("home.kpi.desa", lang),
                fmt_x_of_y(kpis.villages_with_kim.value, kpis.villages, lang),
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
                fmt_x_of_y(stats.rank.value, stats.of.value, lang),
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
            tuple(
                f"{r}. {n}" + (f" ({t('pdf.focus_mark', lang)})" if c == focus else "")
                for r, n, c in zip(top["rank"], top["name"], top["code"], strict=True)
            ),
            (Series(t("chart.kim_count", lang), tuple(float(v) for v in top["count"]), CALM),),
            t("chart.kim_count", lang),
            # the map's band colours, as on screen: one meaning per colour (the focus is named, not orange)
            bar_colours=tuple(BAND_HEX[b] for b in top["band"]),
            legend=tuple((BAND_HEX[b], b) for b in BAND_HEX if b in set(top["band"])),
            lang=lang,
            marked=tuple(not is_published(s) for s in top["source"]),
            hatch_label=_hatch(lang),
        )
        if len(top)
        else None
    )
    rows = table(ranked, "ranking", lang, t("ranking.table_title", lang), ("province_code", "type"))
    return [sentence] if sentence else [], kpis, chart, rows


MAX_FILTER_CHARS = 80  # a search typed (or linked) is shown clipped: 100,000 characters are not a filter line


def clipped(text: str, limit: int = MAX_FILTER_CHARS) -> str:
    """`text` on one line, at most `limit` characters (an ellipsis marks the cut)."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


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
        parts += [t("pdf.search", lang, text=clipped(f.search))] if f.search else []
        return parts
    names = geography.names("kecamatan", request.regency)
    chosen = ", ".join(names.get(c, c) for c in request.kecamatan) or t("pdf.kecamatan_all", lang)
    parts = [t("pdf.kecamatan", lang, names=chosen)] if request.page == "kecamatan" else []
    if request.page == "plan" and result is not None:
        plan = request.plan or PlanRequest(request.regency)
        parts.append(
            t(
                "pdf.plan",
                lang,
                target=fmt_int(result.total.value, lang),
                weighting=t(f"planner.weighting.{plan.weighting}", lang),
                method=method_name(plan.method, lang),
                mode=t(f"planner.mode.{plan.mode}", lang),
            )
        )
    return parts
