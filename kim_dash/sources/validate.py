"""Validate an all-text frame against its schema and turn every failure into a Problem."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

import pandas as pd
import pandera.pandas as pa

from kim_dash.sources import names
from kim_dash.sources.problems import Problem
from kim_dash.sources.schema import build_schema, last_year, typed
from kim_dash.sources.specs import CODE_PATTERNS, FIELDS_OF_ACTIVITY, FIRST_YEAR, MAX_COUNT, SPECS

Refs = Mapping[str, Collection[str]]


def _reason_and_detail(check: str, kind: str, column: str) -> tuple[str, str]:
    if check.startswith("bad_code:"):
        return "bad_code", CODE_PATTERNS[check.split(":")[2]][1]
    if check == "not_allowed":
        spec = next(c for c in SPECS[kind] if c.name == column)
        return "not_allowed", ", ".join(spec.choices)
    if check == "not_allowed_fields":
        return "not_allowed", ", ".join(FIELDS_OF_ACTIVITY)
    if check == "bad_year":
        return "bad_year", f"{FIRST_YEAR}–{last_year()}"
    if check == "too_big":
        return "too_big", str(MAX_COUNT)  # in the reader's locale when shown (Problem.message)
    if check == "field_uniqueness":
        return "duplicate", ""
    return check, ""


def _schema_problems(
    kind: str, frame: pd.DataFrame, refs: Refs, file: str, first_row: int, names_by_code: Mapping | None
) -> list[Problem]:
    problems: list[Problem] = []
    try:
        build_schema(kind, refs).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        for case in errors.failure_cases.itertuples(index=False):
            check = str(case.check)
            if check in ("column_in_dataframe", "column_in_schema"):
                reason = "missing_column" if check == "column_in_dataframe" else "extra_column"
                problems.append(Problem(file, None, str(case.failure_case), str(case.failure_case), reason))
                continue
            if case.index is None or pd.isna(case.index):
                continue
            value = str(case.failure_case)
            reason, detail = _reason_and_detail(check, kind, str(case.column))
            if reason.startswith("unknown_") and names_by_code:
                detail = names.suggest(value, names_by_code.get(reason.removeprefix("unknown_"), {})) or ""
            problems.append(
                Problem(file, int(case.index) + first_row, str(case.column), value, reason, detail)
            )
    return problems


def _relational_problems(
    kind: str, frame: pd.DataFrame, refs: Refs, file: str, first_row: int
) -> list[Problem]:
    """Checks across tables that a column schema cannot state: a desa must lie in its kecamatan."""
    if kind == "registry" and {"desa_code", "kecamatan_code"} <= set(frame.columns):
        known_desa = refs.get("desa", ())
        wrong = (frame["desa_code"] != "") & frame["desa_code"].isin(known_desa)
        wrong &= frame["kecamatan_code"].isin(refs.get("kecamatan", ()))
        wrong &= frame["desa_code"].str[:8] != frame["kecamatan_code"]
        return [
            Problem(
                file,
                int(i) + first_row,
                "desa_code",
                frame.at[i, "desa_code"],
                "desa_not_in_kecamatan",
                frame.at[i, "kecamatan_code"],
            )
            for i in frame.index[wrong]
        ]
    if kind == "desa" and "code" in frame.columns and "kecamatan" in refs:
        orphan = ~frame["code"].str[:8].isin(refs["kecamatan"])
        return [
            Problem(file, int(i) + first_row, "code", frame.at[i, "code"], "unknown_kecamatan")
            for i in frame.index[orphan]
        ]
    return []


def _tidy(problems: list[Problem]) -> list[Problem]:
    """Report the root problem of a cell or row once, in row order."""
    # an unknown place says more than "not code-shaped" (it may be a misspelt name): keep only that
    unknown_cells = {(p.row, p.column) for p in problems if p.reason.startswith("unknown_")}
    problems = [p for p in problems if not (p.reason == "bad_code" and (p.row, p.column) in unknown_cells)]
    # a desa named inside an unknown kecamatan cannot be looked up yet: report the kecamatan only
    lost_rows = {p.row for p in problems if p.reason == "unknown_kecamatan" and p.column == "kecamatan_code"}
    desa_shape = CODE_PATTERNS["desa"][0]
    problems = [
        p
        for p in problems
        if not (
            p.column == "desa_code" and p.row in lost_rows and not re.fullmatch(desa_shape, p.value or "")
        )
    ]
    # "not a whole number" says it all; "too big" and "negative" only add noise to it
    shapeless = {(p.row, p.column) for p in problems if p.reason in ("not_integer", "not_number")}
    problems = [
        p for p in problems if not (p.reason in ("too_big", "negative") and (p.row, p.column) in shapeless)
    ]
    return sorted(set(problems), key=lambda p: (p.row or 0, p.column or "", p.reason))


def validate_frame(
    kind: str,
    frame: pd.DataFrame,
    refs: Refs,
    file: str,
    first_row: int = 2,
    names_by_code: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate an all-text frame; rows are numbered from `first_row` (the header is the row above)."""
    problems = _schema_problems(kind, frame, refs, file, first_row, names_by_code)
    problems = _tidy(problems + _relational_problems(kind, frame, refs, file, first_row))
    if problems:
        return None, problems
    return typed(kind, frame), []
