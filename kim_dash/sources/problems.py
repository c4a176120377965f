"""A validation problem: which file, which row (as a spreadsheet shows it), which column, why."""

from __future__ import annotations

from dataclasses import dataclass

from kim_dash.i18n import fmt_int, t

# reasons whose detail (or value) is a bound of ours, written in the reader's number format
NUMBER_DETAIL = {"too_big", "too_many_features", "too_many_vertices", "too_many_attributes", "cell_too_long"}
NUMBER_VALUE = {"too_many_rows", "too_many_columns", "too_many_cells", "too_many_sheets"}


def _number(text: str, lang: str) -> str:
    """'1000000' or '1,000,000' -> '1,000,000' (en) / '1.000.000' (id); any other text unchanged."""
    digits = text.replace(",", "")
    plain = text.isdigit() or (digits.isdigit() and all(len(g) == 3 for g in text.split(",")[1:]))
    return fmt_int(int(digits), lang) if plain and len(digits) <= 15 else text


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # spreadsheet row number: the header is row 1, the first record row 2
    column: str | None
    value: str | None
    reason: str  # a key under "problem." in the translation table
    detail: str = ""  # filled into the reason text: allowed values, a suggestion, ...

    def message(self, lang: str = "en") -> str:
        detail, value = self.detail, self.value or ""
        if self.reason in NUMBER_DETAIL:  # "at most 1,000,000" / "paling banyak 1.000.000"
            detail = _number(detail, lang)
        elif self.reason.startswith("unknown_") and detail:
            detail = t("problem.suggest", lang, value=detail)  # a hint, never applied
        if self.reason in NUMBER_VALUE:
            value = _number(value, lang)
        return t(f"problem.{self.reason}", lang, value=value, detail=detail)

    def line(self, lang: str = "en") -> str:
        """One readable line: `file:row: column: reason` (the CLI's format)."""
        row = "" if self.row is None else str(self.row)
        column = self.column or "-"
        return f"{self.file}:{row}: {column}: {self.message(lang)}"

    def as_record(self, lang: str = "en") -> dict[str, object]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column or "",
            "value": self.value or "",
            "reason": self.message(lang),
        }


class DatasetError(Exception):
    """Raised by loaders with every problem found, never only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.line() for p in problems[:20]))
