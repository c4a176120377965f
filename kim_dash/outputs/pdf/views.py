"""The PDF brief of a view: the same sentences, KPIs, chart data and table rows the page shows.

One request type serves the pages' "Unduh ringkasan (PDF)" and `python -m kim_dash brief`, so the
two cannot differ. Layout and fonts live in kim_dash.outputs.pdf.render; this module only gathers the content.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from kim_dash.i18n import fmt_as_of, t
from kim_dash.model.citations import view_sources
from kim_dash.model.coverage import coverage_kpis, kecamatan_table
from kim_dash.model.plan_request import PlanRequest, plan_notes, plan_slug, run_plan
from kim_dash.model.ranking import national_snapshot
from kim_dash.model.regency import regency_data
from kim_dash.outputs import sentences as sentences_of
from kim_dash.outputs.extract_tables import slug_of
from kim_dash.outputs.palette import FOCUS, MUTED
from kim_dash.outputs.pdf import parts as brief_parts
from kim_dash.outputs.pdf.parts import BriefRequest
from kim_dash.outputs.pdf.render import BriefDoc, Chart, Kpi, Sentence, Series, Table, render_pdf
from kim_dash.sources.provenance import is_published
from kim_dash.store.dataset import DEFAULT_DATA_DIR, Dataset


def build_doc(dataset: Dataset, request: BriefRequest) -> BriefDoc:
    lang = request.lang
    regency = regency_data(dataset, request.regency)
    snapshot = national_snapshot(dataset) if request.page == "ranking" else regency.snapshot
    sentences: list = []
    kpis: list[Kpi] = []
    chart: Chart | None = None
    table: Table | None = None
    result = None
    picture, map_title, map_key = None, "", ""
    if request.page == "ranking":
        sentences, kpis, chart, table = brief_parts.ranking_part(dataset, request)
        picture, map_key = _national_map(dataset, request)
        map_title = t("ranking.map_title", lang)
    elif regency.has_data:
        chosen = request.kecamatan if request.page == "kecamatan" else ()
        coverage = coverage_kpis(regency, chosen)
        rows = kecamatan_table(regency, chosen)
        if request.page == "home":
            sentences = sentences_of.home_sentences(dataset, regency.code, lang)
        else:
            sentences = [
                sentences_of.target_sentence(regency, lang, chosen),
                *sentences_of.later_total_sentences(dataset, regency, lang),
                sentences_of.empty_kecamatan_sentence(regency, lang, chosen),
            ]
        kpis = brief_parts.regency_kpis(coverage, lang)
        chart = brief_parts.status_chart(rows, coverage.target_per_kecamatan, lang)
        table = brief_parts.table(
            brief_parts.worst_first(rows),
            "kecamatan",
            lang,
            t("kecamatan.table_title", lang),
            ("code", "villages", "desa_count", "kelurahan_count", "kim_per_10_villages", "change"),
            brief_parts.KECAMATAN_ROWS if request.page == "kecamatan" else brief_parts.TABLE_ROWS,
        )
        if request.page == "plan":
            plan_request = request.plan or PlanRequest(regency.code)
            result = run_plan(dataset, plan_request)
            title = t(f"planner.table_title.{plan_request.mode}", lang)
            sentences = [
                sentences_of.proposal_sentence(result.plan, lang),
                *plan_notes(result, plan_request, lang),
            ]
            plan = result.plan
            after = plan["after"] if "after" in plan else plan["current"] + plan["to_form"]
            chart = Chart(
                "arrows",
                t("pdf.chart_plan", lang),
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
            # make_plan orders the plan: most new KIM first, then the largest shortfall left
            table = brief_parts.table(plan, "plan", lang, title, ("code", "weight"))
        picture, map_title, map_key = _map(dataset, regency, request, result)
    else:  # below the full grain: what the grain there is supports (kim_dash.model.grain), never a sample mark
        from kim_dash.model.grain import regency_view
        from kim_dash.outputs.grain_cards import grain_cards
        from kim_dash.outputs.grain_sentences import opening

        page = {"home": "home", "kecamatan": "kecamatan"}.get(request.page, "plan")
        sentences = opening(dataset, regency.code, lang, page)
        cards = grain_cards(regency_view(dataset, regency.code), lang)
        kpis = [Kpi(c.label, c.value, "", not is_published(c.source)) for c in cards]
        if request.page == "plan":  # a published total and a dated target still say what is missing
            plan_request = request.plan or PlanRequest(regency.code)
            sentences += plan_notes(run_plan(dataset, plan_request), plan_request, lang)
    refs, illustrative_rows = view_sources(
        dataset, (snapshot,), "" if request.page == "ranking" else regency.code
    )
    notes = [t("pdf.note_illustrative", lang)] if illustrative_rows else []
    titles = {
        "home": t("home.title", lang, name=regency.name),
        "ranking": t("ranking.title", lang),
        "kecamatan": t("kecamatan.title", lang, name=regency.name),
        "plan": t("planner.title", lang, name=regency.name),
    }
    shown_as_of = snapshot.as_of if snapshot else ""
    if request.page != "ranking" and not shown_as_of:  # the date of the totals or list shown instead
        from kim_dash.model.grain import regency_view

        shown_as_of = regency_view(dataset, regency.code).data_as_of
    date = (
        t("common.data_date", lang, date=fmt_as_of(shown_as_of, lang))
        if snapshot or shown_as_of
        else t("common.no_data_date", lang)
    )
    return BriefDoc(
        title=titles[request.page],
        subtitle=t("pdf.subtitle", lang),
        settings=tuple(brief_parts.settings_of(dataset, request, result)),
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
        map=picture,
        map_title=map_title,
        map_key=map_key,
    )


def _map(dataset: Dataset, regency, request: BriefRequest, result) -> tuple:
    """The page's map: the kecamatan by status (home, kecamatan), or where the new KIM go (plan)."""
    from kim_dash.outputs.map_picture import added_by, kecamatan_picture
    from kim_dash.outputs.map_views import key_text

    lang = request.lang
    added = added_by(result.plan) if result is not None else None
    folder = Path(os.environ.get("KIM_DATA_DIR", DEFAULT_DATA_DIR))  # as the app (ui.state.data_dir)
    picture = kecamatan_picture(folder, regency.code, kecamatan_table(regency), lang, added)
    if picture is None:
        return None, "", ""
    title = t("map.plan_title" if added is not None else "map.status_title", lang)
    words = "map.empty_key" if added is None else "map.plan_key"
    key = t(words, lang, names=key_text(list(picture.key))).replace("**", "") if picture.key else ""
    return picture, title, key


def _national_map(dataset: Dataset, request: BriefRequest) -> tuple:
    """The ranking's map, as on the page: the filtered table's regencies by band, zoomed to its provinces,
    and the note under it saying whether its figures are illustrative."""
    from kim_dash.outputs.extract_tables import ranking_extract
    from kim_dash.outputs.national_picture import brief_picture

    folder = Path(os.environ.get("KIM_DATA_DIR", DEFAULT_DATA_DIR))  # as the app (ui.state.data_dir)
    ranked = ranking_extract(dataset, request.ranking)
    focus = request.focus or request.regency
    provinces = request.ranking.provinces if request.ranking else ()
    published = ranked["source"].map(is_published)
    shown = "" if published.all() else "some" if published.any() else "all"  # as under the page's map
    note = t(f"pdf.map_illustrative_{shown}", request.lang) if shown else ""
    return brief_picture(folder, ranked, focus, provinces, request.lang), note


def brief_pdf(dataset: Dataset, request: BriefRequest) -> bytes:
    return render_pdf(build_doc(dataset, request))


FILE_PAGES = {
    "home": "pdf.file_home",
    "ranking": "pdf.file_ranking",
    "kecamatan": "pdf.file_kecamatan",
    "plan": "pdf.file_plan",
}


def _slug(text: str) -> str:
    """'Kabupaten Bogor' -> 'kabupaten-bogor' (ASCII, lower case, words joined by hyphens)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def brief_file_name(
    page: str, regency_code: str, regency_name: str, selection: str, data_date: str, lang: str
) -> str:
    """'ringkasan-kim-kecamatan-kabupaten-bogor-2016-12-20.pdf': what, where (the regency), which
    selection when there is one, and the data's date (not today's). The app's download button and
    `python -m kim_dash brief` both name a brief with it."""
    chosen = "" if selection in ("", "semua", regency_code) else selection
    date = re.sub(r"[^0-9-]", "", data_date) or t("pdf.file_undated", lang)
    parts = (t("pdf.file", lang), t(FILE_PAGES[page], lang), regency_name, chosen[:60], date)
    return "-".join(p for p in map(_slug, parts) if p) + ".pdf"


def brief_file(dataset: Dataset, request: BriefRequest) -> str:
    """The file name of this brief, with the selection named as its page names it."""
    ranking = request.page == "ranking"
    regency = regency_data(dataset, (request.focus or request.regency) if ranking else request.regency)
    snapshot = national_snapshot(dataset) if ranking else regency.snapshot
    if ranking:
        selection = request.ranking.slug()
    elif request.page == "kecamatan":
        names = dataset.geography.names("kecamatan", regency.code)
        selection = slug_of([names.get(c, c) for c in request.kecamatan])
    elif request.page == "plan":
        plan = request.plan or PlanRequest(regency.code)
        total = run_plan(dataset, plan).total.value
        selection = plan_slug(total, plan.weighting, plan.method, plan.mode, request.lang)
    else:
        selection = ""
    date = snapshot.as_of if snapshot else ""
    return brief_file_name(request.page, regency.code, regency.name, selection, date, request.lang)
