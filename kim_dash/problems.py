"""A validation problem: which file, which row (as a spreadsheet shows it), which column, why."""

from __future__ import annotations

from dataclasses import dataclass

from kim_dash.i18n import fmt_int, t

NUMBER_DETAIL = {"too_big"}  # reasons whose detail is a bound, formatted per language


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # spreadsheet row number: the header is row 1, the first record row 2
    column: str | None
    value: str | None
    reason: str  # a key under "problem." in the translation table
    detail: str = ""  # filled into the reason text: allowed values, a suggestion, ...

    def message(self, lang: str = "en") -> str:
        detail = self.detail
        if self.reason in NUMBER_DETAIL and detail.isdigit():  # "at most 1,000,000" / "1.000.000"
            detail = fmt_int(int(detail), lang)
        elif self.reason.startswith("unknown_") and detail:
            detail = t("problem.suggest", lang, value=detail)  # a hint, never applied
        return t(f"problem.{self.reason}", lang, value=self.value or "", detail=detail)

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
