"""Provenance that flows with the numbers: a figure is published only if every input it rests on is.

Rows carry `source` = `published:<ref>` or `illustrative`. A figure computed from rows combines their
sources; a figure that equals an aggregate a public source states for the same snapshot (the curated
`published_figures.csv`: "4,228 KIM in December 2014") is published too, with that source — the
sample reproduces such aggregates exactly while its rows stay illustrative.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pandas as pd


class SourceKind(StrEnum):
    """What a source string says, read once here: no other module parses a source."""

    PUBLISHED = "published"  # `published:<ref>`
    ILLUSTRATIVE = "illustrative"  # sample data
    MIXED = "mixed"  # `published 3 / illustrative 133`: counts as illustrative
    SETTING = "setting"  # a value the user chose (a what-if target): not data, so it marks nothing
    STATEMENT = "statement"  # what the data hold ("no data for Sarmi"): a true statement, never sample


PUBLISHED = "published:"
ILLUSTRATIVE: str = SourceKind.ILLUSTRATIVE.value
SETTING: str = SourceKind.SETTING.value
STATEMENT: str = SourceKind.STATEMENT.value
_MIX_HEAD, _MIX_JOIN = "published ", " / illustrative "


def published(reference: str) -> str:
    """The source of a value a public reference (a file, an SK, a report) states."""
    return PUBLISHED + reference


def reference_of(source: str) -> str | None:
    """The reference a published source names (`published:SK 12` -> `SK 12`), else None."""
    text = str(source)
    return text.removeprefix(PUBLISHED) if text.startswith(PUBLISHED) else None


def mix_of(source: str) -> tuple[int, int] | None:
    """(published, illustrative) row counts of a mixed source, else None."""
    text = str(source)
    if not text.startswith(_MIX_HEAD) or _MIX_JOIN not in text:
        return None
    left, right = text.removeprefix(_MIX_HEAD).split(_MIX_JOIN, 1)
    if not (left.isdecimal() and right.isdecimal()):
        return None
    return int(left), int(right)


def source_kind(source: str) -> SourceKind | None:
    """Which kind of source this is; None for a text that is no source."""
    text = str(source)
    if text.startswith(PUBLISHED):
        return SourceKind.PUBLISHED
    if mix_of(text) is not None:
        return SourceKind.MIXED
    return SourceKind(text) if text in (ILLUSTRATIVE, SETTING, STATEMENT) else None


def row_source_ok(sources: pd.Series) -> pd.Series:
    """Per row: a valid source a data row may carry (`illustrative` or `published:<ref>`)."""
    return (sources == ILLUSTRATIVE) | sources.str.startswith(PUBLISHED)


def references(sources: Iterable[str]) -> set[str]:
    """The references the published sources among these name."""
    return {ref for s in sources if (ref := reference_of(s)) is not None}


def is_published(source: str) -> bool:
    """Whether a figure with this source is shown without the illustrative marker."""
    return str(source).startswith(PUBLISHED) or source in (SETTING, STATEMENT)


def combine(sources: Iterable[str]) -> str:
    """One source for a figure made of these inputs.

    All published: `published:<refs>`; none: `illustrative`; a mix: `published 2 / illustrative 3`
    (which counts as illustrative). No inputs at all carry no evidence: illustrative.
    """
    values = [str(s) for s in sources]
    published = [s for s in values if is_published(s)]
    if values and len(published) == len(values):
        refs = sorted({s.removeprefix(PUBLISHED) for s in published if s not in (SETTING, STATEMENT)})
        return PUBLISHED + "; ".join(refs) if refs else SETTING
    if not published:
        return ILLUSTRATIVE
    return f"{_MIX_HEAD}{len(published)}{_MIX_JOIN}{len(values) - len(published)}"


def derive(*sources: str) -> str:
    """The source of a figure computed from other figures (a gap from a count and a target).

    Published when every input is (their references joined); otherwise the input that is not, as
    it reads ("illustrative", or a row mix such as "published 3 / illustrative 133").
    """
    if all(is_published(s) for s in sources):
        return combine(sources)
    others = sorted({str(s) for s in sources if not is_published(s)})
    return others[0] if len(others) == 1 else ILLUSTRATIVE


def combine_series(groups: pd.core.groupby.SeriesGroupBy) -> pd.Series:
    """`combine` per group of a grouped source column (one source per kecamatan, province, …)."""
    return groups.agg(lambda s: combine(s.tolist()))


@dataclass(frozen=True)
class Figure:
    """A number (or text) with the source of everything it was computed from."""

    value: Any
    source: str

    @property
    def published(self) -> bool:
        return is_published(self.source)

    @property
    def illustrative(self) -> bool:
        return not self.published


def figure(value: Any, *sources: str) -> Figure:
    return Figure(value, combine(sources))


@dataclass(frozen=True)
class Facts:
    """Aggregates stated by a public source for one snapshot (kind, date, regency)."""

    table: pd.DataFrame  # the validated published_figures.csv

    def source_of(
        self, kind: str, as_of: str, figure_name: str, value: int, subject: str = "", regency: str = ""
    ) -> str | None:
        """The published source stating exactly this value for this snapshot, else None."""
        t = self.table
        hit = t[
            (t["kind"] == kind)
            & (t["as_of"] == as_of)
            & (t["regency_code"] == regency)
            & (t["figure"] == figure_name)
            & (t["subject"] == subject)
            & (t["value"] == int(value))
        ]
        return str(hit["source"].iloc[0]) if len(hit) else None

    def confirm(
        self, fig: Figure, kind: str, as_of: str, figure_name: str, subject: str = "", regency: str = ""
    ) -> Figure:
        """`fig` as published when a public source states its value for this snapshot."""
        if fig.published:
            return fig
        stated = self.source_of(kind, as_of, figure_name, int(fig.value), subject, regency)
        return Figure(fig.value, stated) if stated else fig


class Sentence(Figure):
    """A generated sentence: a Figure whose value is the text, with the source it rests on."""

    @property
    def text(self) -> str:
        return str(self.value)
