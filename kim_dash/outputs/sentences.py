"""The answer first: plain sentences generated from the data, each with the source it rests on."""

from __future__ import annotations

import pandas as pd

from kim_dash.i18n import fmt_as_of, fmt_int, fmt_list, t
from kim_dash.model.coverage import coverage_kpis, kecamatan_table
from kim_dash.model.grain import later_than_rows
from kim_dash.model.planner import default_plan, proposals
from kim_dash.model.ranking import focus_stats, national_snapshot, national_totals
from kim_dash.model.regency import RegencyData, regency_data
from kim_dash.sources.provenance import Sentence, combine, derive, is_published
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived

MAX_NAMES = 8  # a sentence names at most this many kecamatan, then says how many more


def named(names: list[str], lang: str) -> str:
    shown = names[:MAX_NAMES]
    if len(names) > MAX_NAMES:
        shown = [*shown, t("brief.more", lang, count=len(names) - MAX_NAMES)]
    return fmt_list(shown, lang)


def rank_sentence(dataset: Dataset, code: str, lang: str) -> Sentence | None:
    snapshot = national_snapshot(dataset)
    if snapshot is None:
        return None
    name = dataset.geography.regency_name(code)
    stats = focus_stats(dataset, code)
    date = fmt_as_of(snapshot.as_of, lang)
    if stats is None:
        return Sentence(
            t("brief.not_ranked", lang, name=name, date=date), national_totals(dataset).regencies.source
        )
    text = t(
        "brief.rank",
        lang,
        name=name,
        date=date,
        rank=stats.rank.value,
        of=fmt_int(stats.of.value, lang),
        count=fmt_int(stats.count.value, lang),
    )
    return Sentence(text, derive(stats.rank.source, stats.of.source, stats.count.source))


def target_sentence(regency: RegencyData, lang: str, chosen: tuple[str, ...] = ()) -> Sentence:
    """KIM now against the target of what is shown: the regency's total or minimums, or the chosen
    kecamatan's own shares (never the regency's total beside one kecamatan's count)."""
    kpis = coverage_kpis(regency, chosen)
    date = fmt_as_of(regency.snapshot.as_of, lang) if regency.snapshot and regency.snapshot.as_of else ""
    met = kpis.to_form.value == 0
    spread = kpis.target.spread
    params = {
        "date": date or t("brief.preview_date", lang),
        "kim": fmt_int(kpis.kim.value, lang),
        "target": fmt_int(kpis.target_shown.value, lang),
        "short": fmt_int(kpis.to_form.value, lang),
    }
    if chosen:
        names = kecamatan_table(regency, chosen)["name"].tolist()
        where = fmt_list(names, lang) if len(names) <= 3 else t("brief.chosen_many", lang, count=len(names))
        text = t(
            "brief.target_chosen_met" if met else "brief.target_chosen_short", lang, where=where, **params
        )
    elif spread == "even":
        text = t("brief.target_met" if met else "brief.target_short", lang, **params)
    else:  # a minimum in every kecamatan or desa: say so, not a total that hides the empty ones
        family = kpis.target.minimums
        each = fmt_int(kpis.target_per_kecamatan.value, lang)
        key = f"brief.floor_met.{family}" if met else f"brief.floor_short.{family}"
        text = t(key, lang, each=each, **params)
        if spread == "default":
            text += " " + t("brief.default_target", lang)
    if kpis.target.deadline and not met:
        text += " " + t("brief.deadline", lang, year=kpis.target.deadline)
    return Sentence(text, derive(kpis.kim.source, kpis.target.total.source))


def empty_kecamatan_sentence(regency: RegencyData, lang: str, chosen: tuple[str, ...] = ()) -> Sentence:
    table = kecamatan_table(regency, chosen)
    empty = table[table["kim"] == 0]["name"].tolist()
    source = combine(table["source"]) if chosen else regency.table_source
    if not empty:
        key = "brief.no_empty_chosen" if chosen else "brief.no_empty"
        return Sentence(t(key, lang, count=len(table)), source)
    # every kecamatan without a KIM, by name: this is the sentence a leader acts on
    return Sentence(t("brief.empty", lang, count=len(empty), names=fmt_list(empty, lang)), source)


def proposal_sentence(plan: pd.DataFrame, lang: str) -> Sentence:
    proposed = proposals(plan)
    if not proposed:
        return Sentence(t("brief.no_proposal", lang), combine(plan["source"]) if len(plan) else combine([]))
    parts = [f"{name} ({fmt_int(n, lang)})" for name, n, _ in proposed]
    return Sentence(t("brief.proposal", lang, places=named(parts, lang)), derive(*[s for *_, s in proposed]))


def later_total_sentences(dataset: Dataset, regency: RegencyData, lang: str) -> list[Sentence]:
    """A total published after the per-kecamatan rows that says another number (Bandung: 113 KIM in
    July 2024, rows of April 2019), so the table is read as of its own date; none otherwise."""
    later = later_than_rows(dataset, regency.code)
    if later is None:
        return []
    # one line: the page and the brief already say the rows' own date ("Data per 11 April 2019")
    words = t("brief.later_total", lang, date=fmt_as_of(later.as_of, lang), kim=fmt_int(later.value, lang))
    return [Sentence(words, later.source)]


def home_sentences(dataset: Dataset, code: str, lang: str) -> list[Sentence]:
    """Rank and its date; KIM now vs target; kecamatan without KIM by name; where the next KIM go."""
    regency = regency_data(dataset, code)
    sentences = [s for s in [rank_sentence(dataset, code, lang)] if s]
    if not regency.has_data:
        return [*sentences, Sentence(t("brief.no_data", lang, name=regency.name), combine([]))]
    return [
        *sentences,
        target_sentence(regency, lang),
        *later_total_sentences(dataset, regency, lang),
        empty_kecamatan_sentence(regency, lang),
        proposal_sentence(default_plan(regency), lang),
    ]


@derived
def published_statement(dataset: Dataset, lang: str) -> str | None:
    """Which parts of a partly illustrative national table are published, said plainly (from the data:
    the aggregates a source states for this snapshot, and the rows that are published themselves)."""
    from kim_dash.model.ranking import national_ranking

    snapshot = national_snapshot(dataset)
    ranking = national_ranking(dataset)
    if snapshot is None or ranking["source"].map(is_published).all():
        return None
    facts = dataset.facts.table
    stated = facts[(facts["kind"] == "national") & (facts["as_of"] == snapshot.as_of)]
    names = dataset.geography.names("regency")
    parts = []
    for row in stated.itertuples(index=False):
        if row.figure == "rank":
            continue
        subject = {"band_count": t("brief.fact.band", lang, band=row.subject)}.get(row.figure, "")
        parts.append(t(f"brief.fact.{row.figure}", lang, value=fmt_int(row.value, lang), subject=subject))
    ranks = stated[stated["figure"] == "rank"].sort_values("value")
    if len(ranks):
        order = [f"{int(r.value)}. {names.get(r.subject, r.subject)}" for r in ranks.itertuples(index=False)]
        parts.append(t("brief.fact.order", lang, order=fmt_list(order, lang)))
    own = ranking[ranking["source"].map(is_published)]
    parts += [
        t("brief.fact.count", lang, name=n, value=fmt_int(c, lang))
        for n, c in zip(own["name"], own["count"], strict=True)
    ]
    return t("brief.published_parts", lang, date=fmt_as_of(snapshot.as_of, lang), parts="; ".join(parts))
