"""What the pages say beside their figures, decided here so a page only renders: the kecamatan
target's label and value, the changes since the previous snapshot, the target a progress chart draws,
the template's alias note and the disagreeing counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from kim_dash.i18n import fmt_as_of, fmt_int, fmt_num, fmt_pct, t
from kim_dash.model.coverage import CoverageKpis, TargetSpread
from kim_dash.sources.columns import ALIASES, template_headers
from kim_dash.sources.geography import Geography
from kim_dash.sources.upload import template

MINIMUM_SPREADS = ("per_kecamatan", "default")  # "a KIM in every kecamatan": a minimum, not a total


def target_kpi(kpis: CoverageKpis, chosen: tuple[str, ...], lang: str) -> tuple[str, str]:
    """The kecamatan page's target card (label, value): the chosen kecamatan's own target, never the
    regency's average beside their count; the minimum per kecamatan as a whole number; else the
    regency's average share per kecamatan, with its decimals (150 / 40 = 3,75)."""
    if chosen:
        return t("kecamatan.kpi.target_chosen", lang), fmt_int(kpis.target_shown.value, lang)
    if kpis.target.spread in MINIMUM_SPREADS:
        return t("kecamatan.kpi.target_min", lang), fmt_int(kpis.target_per_kecamatan.value, lang)
    return t("kecamatan.kpi.target", lang), fmt_num(kpis.target_per_kecamatan.value, lang)


def signed(change: int) -> str:
    """A change with its sign: "+2", "−1" (a minus sign, not a hyphen), "0"."""
    if change > 0:
        return f"+{change}"
    return f"−{abs(change)}" if change < 0 else "0"


def change_parts(table: pd.DataFrame) -> list[str]:
    """Each kecamatan whose KIM count changed since the previous snapshot, in the table's order:
    "+2 Cibinong"; an unchanged one (or one without a previous count) is left out."""
    changed = table[table["change"].fillna(0) != 0]
    return [f"{signed(int(c))} {n}" for n, c in zip(changed["name"], changed["change"], strict=True)]


def since_previous_changes(table: pd.DataFrame, lang: str) -> str:
    """The changes since the previous snapshot as plain text, or "no change" in words."""
    return ", ".join(change_parts(table)) or t("kecamatan.no_change", lang)


def chart_target(spread: TargetSpread | None) -> int:
    """The target line a progress chart draws: a total target is a number of KIM; "a KIM in every
    kecamatan" (or no target in the data) is not a number of KIM to draw (0: no line)."""
    if spread is None or spread.spread in MINIMUM_SPREADS:
        return 0
    return int(spread.total.value)


def disagreement_pairs(disagreements: Iterable[tuple[str, int, int]], names: Mapping[str, str]) -> str:
    """The first ten kecamatan whose two counts disagree: "Cibinong (3/4), …" (plain text)."""
    return ", ".join(f"{names.get(c, c)} ({a}/{b})" for c, a, b in list(disagreements)[:10])


def aliases_note(shown: Mapping[str, str], aliases: Mapping[str, Iterable[str]], lang: str) -> str:
    """The template's other accepted column names: "… Kecamatan ← kec, nama_kecamatan; …"."""
    pairs = "; ".join(
        f"{shown[col]} ← {', '.join(a for a in names if a != shown[col])}" for col, names in aliases.items()
    )
    return t("data.aliases", lang) + " " + pairs


def template_view(
    kind: str, regency: str, geography: Geography | None, lang: str
) -> tuple[pd.DataFrame, str]:
    """The Kelola Data page's template for `kind`: its one example row under the column titles of the
    reader's language (what the downloads hold), and the note naming the other accepted titles."""
    shown = template_headers(kind, lang)
    example = template(kind, regency, geography).rename(columns=shown)
    return example, aliases_note(shown, ALIASES[kind], lang)


def kim_help(kpis: CoverageKpis, lang: str) -> str:
    """The help under the home page's KIM count: the share of a total target, or of the KIM a
    minimum in every kecamatan (or desa) adds up to, said as such."""
    key = "home.kpi.kim_help_floor" if kpis.target.spread in MINIMUM_SPREADS else "home.kpi.kim_help"
    return t(key, lang, target=fmt_int(kpis.target.total.value, lang), pct=fmt_pct(kpis.progress, lang))


def undated_note(kim: int, as_of: str, lang: str) -> str:
    """Beside the undated reports: the count the data has and its date ("–" when undated)."""
    date = fmt_as_of(as_of, lang) if as_of else "–"
    return t("home.history.undated_note", lang, kim=fmt_int(kim, lang), date=date)
