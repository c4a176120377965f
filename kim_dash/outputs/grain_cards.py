"""The KPI cards each grain supports: only figures that exist, so no card is ever blank."""

from __future__ import annotations

from dataclasses import dataclass

from kim_dash.i18n import fmt_as_of, fmt_int, fmt_x_of_y, t
from kim_dash.model.grain import RegencyView
from kim_dash.sources.provenance import STATEMENT, published
from kim_dash.store.dataset import Dataset

REFERENCE = published("Kepmendagri 300.2.2-2138/2025")  # the number of kecamatan and desa


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    source: str
    help: str | None = None


def grain_cards(view: RegencyView, lang: str) -> list[Card]:
    """Total and what is missing; kecamatan known without a KIM, with at least one, unknown."""
    cards: list[Card] = []
    n = view.n_kecamatan
    if view.total is not None:
        label = t("grain.kpi.total", lang, date=fmt_as_of(view.total.as_of, lang))
        cards.append(Card(label, fmt_int(view.total.value, lang), view.total.source))
    else:
        cards.append(Card(t("col.kim", lang), t("grain.state.unknown", lang), STATEMENT))
    missing = view.missing
    if missing is not None and view.target is not None:
        label = t("grain.kpi.missing", lang, target=fmt_int(view.target.total.value, lang))
        cards.append(Card(label, fmt_int(missing.value, lang), missing.source))
    states = view.states()
    if states and view.partial is not None:
        table = view.partial
        for state, key in (("none", "known_without"), ("at_least", "at_least"), ("unknown", "unknown")):
            if states[state] or state == "none":
                rows = table[table["state"] == state]["source"]
                source = str(rows.iloc[0]) if len(rows) and state != "unknown" else STATEMENT
                cards.append(Card(t(f"grain.kpi.{key}", lang), fmt_x_of_y(states[state], n, lang), source))
    else:
        cards.append(Card(t("grain.kpi.kecamatan", lang), fmt_int(n, lang), REFERENCE))
    if view.grain == "reports":
        cards.append(Card(t("grain.kpi.reports", lang), fmt_int(len(view.reports), lang), STATEMENT))
    return cards


def kimid_card(dataset: Dataset, lang: str) -> Card | None:
    """The latest national count on kim.id beside the 2014 table, with its own definition."""
    from kim_dash.outputs.grain_sentences import national_registered

    found = national_registered(dataset)
    if found is None:
        return None
    kim, as_of, provinces = found
    help_text = t(
        "grain.kpi.kimid_help",
        lang,
        date=fmt_as_of(as_of, lang),
        provinces=fmt_int(provinces.value, lang) if provinces else "–",
    )
    return Card(
        t("grain.kpi.kimid", lang, date=fmt_as_of(as_of[:7], lang)),  # the day is in the help text
        fmt_int(kim.value, lang),
        kim.source,
        help_text,
    )
