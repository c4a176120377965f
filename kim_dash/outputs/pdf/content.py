"""The content of a PDF brief: what the caller fills in (localised strings, numbers already formatted).

Every string here is user data for the renderer: it is printed literally, never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kim_dash.outputs.pdf.fonts import colour


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    note: str = ""
    illustrative: bool = False


@dataclass(frozen=True)
class Sentence:
    text: str
    illustrative: bool = False


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # None (or NaN) for a missing value
    colour: str  # "#RRGGBB"
    illustrative: bool = False

    def __post_init__(self) -> None:
        colour(self.colour)


@dataclass(frozen=True)
class Chart:
    """bars: horizontal bars, first category on top (several series are grouped); lines: categories
    along x; arrows: a dot at series[0] and an arrow to series[1] for each category.

    A bar keeps its colour (bar_colours or its series'); an illustrative bar (its series is, or
    `marked` says so for its category) is hatched, and the legend shows the hatch as `hatch_label`."""

    kind: Literal["bars", "lines", "arrows"]
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_label: str = ""  # value axis title
    reference: float | None = None  # dashed target line
    reference_label: str = ""
    bar_colours: tuple[str, ...] = ()  # bars, arrows: one colour per category (status colours)
    legend: tuple[tuple[str, str], ...] = ()  # (colour, label) shown under the chart
    lang: str = "id"  # locale of the axis numbers
    marked: tuple[bool, ...] = ()  # bars: one flag per category, True = illustrative (hatched)
    hatch_label: str = ""  # bars: legend text of the hatch, e.g. "arsir = ilustratif"
    ticks: tuple[float | None, ...] = ()  # bars: one target per category, drawn as a tick on its bar
    tick_label: str = ""  # legend text of the ticks

    def __post_init__(self) -> None:
        if self.kind not in ("bars", "lines", "arrows"):
            raise ValueError(f"unknown chart kind {self.kind!r}")
        if not self.series or any(len(s.values) != len(self.categories) for s in self.series):
            raise ValueError("every series needs one value per category")
        if self.kind == "arrows" and len(self.series) != 2:
            raise ValueError("an arrows chart needs exactly two series (before, after)")
        for name in ("bar_colours", "marked", "ticks"):
            if getattr(self, name) and len(getattr(self, name)) != len(self.categories):
                raise ValueError(f"{name} needs one value per category")
        for value in (*self.bar_colours, *(c for c, _ in self.legend)):
            colour(value)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # first rows as they should print; cells preformatted
    more_rows_note: str = ""  # e.g. "25 kecamatan lain ada di unduhan CSV."
    title: str = ""  # heading above the table; none when empty


@dataclass(frozen=True)
class BriefDoc:
    title: str
    subtitle: str
    settings: tuple[str, ...]  # filters and settings in words
    data_date: str  # "Data per 20 Desember 2016"
    sentences: tuple[Sentence, ...]  # the answer first
    kpis: tuple[Kpi, ...]
    chart: Chart | None
    table: Table | None
    sources: tuple[str, ...]
    notes: tuple[str, ...]  # provenance, attribution (e.g. the MIT notice of the boundaries)
    illustrative_marker: str  # the localised word, e.g. "ilustratif"
    footer: str  # "{page}" and "{pages}" are filled in
    sources_heading: str = ""  # e.g. "Sumber"; no heading when empty
    notes_heading: str = ""  # e.g. "Catatan"
    map: object | None = (
        None  # a kim_dash.outputs.map_picture.MapPicture: the page's map, drawn as vector paths
    )
    map_title: str = ""
    map_key: str = ""  # "Tanpa KIM (huruf di peta): A Gunungputri · …" where names did not fit
