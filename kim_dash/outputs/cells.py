"""A table cell as a person reads it in their language: the screen's tables and the PDF brief agree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from kim_dash.i18n import fmt_int, fmt_num, fmt_pct, t
from kim_dash.model.inequality import MEASURES, Inequality
from kim_dash.outputs.extract_tables import kind_of


def formatter(kind: str, lang: str) -> Callable[[Any], str] | None:
    """The display text of a value of this kind; None: shown as it is (text, codes)."""
    from kim_dash.outputs.writers import source_label

    if kind in ("int", "signed"):
        sign = kind == "signed"
        return lambda v: "" if pd.isna(v) else (("+" if sign and v > 0 else "") + fmt_int(v, lang))
    if kind == "year":
        return lambda v: "" if pd.isna(v) else str(int(v))
    if kind == "decimal":
        return lambda v: "" if pd.isna(v) else fmt_num(v, lang)
    if kind == "percent":
        return lambda v: "" if pd.isna(v) else fmt_pct(v, lang)
    if kind == "source":
        return lambda v: source_label(str(v), lang)
    if kind.startswith("enum:"):
        family = kind[5:]
        return lambda v: t(f"{family}.{v or 'unknown'}", lang)
    return None


def gap_words(value: Any, lang: str) -> str:
    """+4 / −3 as a reader says it on screen: "kurang 4" / "lebih 3" (extracts keep the number)."""
    if pd.isna(value):
        return "–"
    n = int(value)
    if n == 0:
        return t("gap.even", lang)
    return t("gap.short" if n > 0 else "gap.over", lang, n=fmt_int(abs(n), lang))


def column_formatter(column: str, lang: str) -> Callable[[Any], str] | None:
    """formatter() by the column's kind, except the gap to target (in words) and fields of activity
    (the registry's ";" list, each known field in the language)."""
    if column == "gap":
        return lambda v: gap_words(v, lang)
    if column == "fields":
        return lambda v: fields_words(v, lang)
    return formatter(kind_of(column), lang)


def fields_words(value: Any, lang: str) -> str:
    """'keagamaan;pertanian' -> 'keagamaan, pertanian' / 'religion, farming'; unknown fields as typed."""
    from kim_dash.strings import STRINGS

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    parts = [p.strip() for p in str(value).split(";") if p.strip()]
    return ", ".join(t(f"field.{p}", lang) if f"field.{p}" in STRINGS else p for p in parts) or "–"


def display_rows(frame: pd.DataFrame, lang: str, limit: int) -> tuple[tuple[str, ...], ...]:
    """The first `limit` rows as display text (missing values as a dash)."""
    columns = []
    for column in frame.columns:
        fmt = column_formatter(column, lang)
        values = frame[column].head(limit)
        columns.append(["–" if _missing(v) else (fmt(v) if fmt else str(v)) for v in values])
    return tuple(zip(*columns, strict=True)) if columns else ()


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def inequality_rows(before: Inequality, after: Inequality, lang: str) -> list[dict[str, str]]:
    """How uneven the spread is before and after a plan: each measure in its own format (a count, a
    percentage, a decimal) under translated headers."""
    formats: dict[str, Callable[[float, str], str]] = {"zero_units": fmt_int, "share_at_target": fmt_pct}
    headers = [t("planner.ineq.measure", lang), t("planner.ineq.before", lang), t("planner.ineq.after", lang)]
    return [
        dict(
            zip(
                headers,
                [
                    t(f"planner.ineq.{measure}", lang),
                    formats.get(measure, fmt_num)(getattr(before, measure), lang),
                    formats.get(measure, fmt_num)(getattr(after, measure), lang),
                ],
                strict=True,
            )
        )
        for measure in MEASURES
    ]


def unchanged_notes(before: Inequality, after: Inequality, lang: str) -> list[str]:
    """Why a measure reads the same before and after the plan ("35,0 % → 35,0 %" says nothing alone):
    one sentence per unchanged measure, saying what the plan did not do. A measure already at its best
    (no kecamatan without KIM, every one at target) needs no sentence."""
    from kim_dash.strings import STRINGS

    same = [m for m in MEASURES if getattr(before, m) == getattr(after, m)]
    if len(same) == len(MEASURES):
        return [t("planner.ineq.same_all", lang)]
    best = {"zero_units": 0, "share_at_target": 1.0}
    notes = []
    for measure in same:
        if best.get(measure) == getattr(before, measure):
            continue
        key = f"planner.ineq.same.{measure}"
        name = t(f"planner.ineq.{measure}", lang)
        notes.append(t(key if key in STRINGS else "planner.ineq.same", lang, measure=name))
    return notes


def store_place(label: str, lang: str) -> str:
    """Where the stored data lives, in words a reader understands, never a file path or a URL:
    "data contoh bawaan (belum ada basis data)", "basis data SQLite di server ini", "basis data PostgreSQL"."""
    from kim_dash.store.seeding import SEED_MANIFEST, STORE_FILE

    if label.endswith(SEED_MANIFEST):
        return t("data.store.sample", lang)
    if label.endswith(STORE_FILE) or label.startswith("sqlite"):
        return t("data.store.sqlite", lang)
    return t("data.store.postgresql" if label.startswith("postgresql") else "data.store.database", lang)


def progress_label(spread: str, share: float, lang: str) -> str:
    """The words under the KIM count's progress bar, saying what the share counts: a share of the
    total ("90,7 % dari target") or, for a minimum in every kecamatan or desa, the coverage it is
    ("71,0 % kecamatan sudah punya KIM"), never coverage read as a share of the count above it."""
    key = {"per_kecamatan": "home.progress.kecamatan", "default": "home.progress.kecamatan"}.get(spread)
    key = key or ("home.progress.desa" if spread == "per_desa" else "home.progress")
    return t(key, lang, pct=fmt_pct(share, lang))
