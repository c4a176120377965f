"""Labelled choropleths that read without a basemap (offline, intranet): outlines, colours with a
legend, names or values on the map, a tooltip on hover or tap, and a click that drills down."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pydeck as pdk
import streamlit as st

from kim_dash.boundaries import join as geo
from kim_dash.boundaries import shipped as boundaries
from kim_dash.i18n import t
from kim_dash.outputs import map_labels, map_views
from kim_dash.outputs.map_labels import Spot
from kim_dash.outputs.national_picture import NATIONAL_MIN_PART
from kim_dash.outputs.palette import BAND_HEX, NO_DATA_HEX, STATUS_HEX, rgb
from kim_dash.sources.provenance import is_published
from kim_dash.ui import cached, state
from kim_dash.ui.deck import collection, deck

LABELLED_REGENCIES = 20


@cached.shipped_regencies
def shipped_regency_features(folder: str) -> list[dict]:
    return boundaries.regency_features(Path(folder))


@cached.shipped_kecamatan
def _kecamatan_features(folder: str, regency: str) -> list[dict]:
    return boundaries.kecamatan_features(Path(folder), regency)


@cached.uploaded_boundary
def _uploaded_features(join: geo.BoundaryJoin, level: str) -> list[dict]:
    return geo.display_features(join.frame, level)


def features(level: str, regency: str = "") -> tuple[list[dict], bool]:
    """The session's uploaded boundaries when there are any (True), else the shipped ones."""
    join = state.boundary(level)
    if join is not None:
        try:
            found = _uploaded_features(join, level)
            return (
                [f for f in found if f["properties"]["code"].startswith(regency)] if regency else found
            ), True
        except Exception:  # a failing upload never breaks a page: fall back to the shipped map
            state.set_boundary(level, None)
    folder = str(state.data_dir())
    return (
        _kecamatan_features(folder, regency) if level == "kecamatan" else shipped_regency_features(folder)
    ), False


MAP_WIDTH = 360  # px the view is fitted to: a phone's column (358); a desktop's is 384 (kecamatan) or 482
NATIONAL_WIDTH = 880  # px the national map is fitted to on a desktop (its row is ~1050 px at 1440x900)
KECAMATAN_HEIGHTS = (300, 520)  # the map is as tall as the regency needs at that width, within these
NATIONAL_HEIGHTS = (140, 460)


def on_phone() -> bool:
    """A phone's browser (its user agent says "Mobi"): the national map is fitted to a phone's column."""
    try:
        agent = st.context.headers.get("User-Agent") or ""
    except Exception:
        agent = ""
    return "Mobi" in agent


def national_width() -> int:
    return MAP_WIDTH if on_phone() else NATIONAL_WIDTH


def map_height(level: str, regency: str = "") -> int:
    """The height a map of this level needs: Indonesia is wide and short, a regency may be tall."""
    width = MAP_WIDTH if level == "kecamatan" else national_width()
    return _height(level, regency, str(state.data_dir()), boundary_token(level), width)


@cached.map_height
def _height(level: str, regency: str, folder: str, boundary: str, width: int = MAP_WIDTH) -> int:
    # keyed by the data folder and the session's boundary file: the bounds take ~30 ms to compute
    shapes, _ = features(level, regency)
    low, high = KECAMATAN_HEIGHTS if level == "kecamatan" else NATIONAL_HEIGHTS
    return boundaries.height_for(boundaries.bounds_of(shapes) if shapes else None, width, low, high)


ILLUSTRATIVE = "map_illustrative"  # session_state: the map just drawn shows illustrative figures: all/some
EMPTY_KEY = "map_empty_key"  # session_state: the kecamatan without a KIM lettered on the map just drawn


def illustrative(sources: pd.Series) -> str:
    """'all', 'some' or '': how many of the figures a map shows are illustrative."""
    published = sources.map(is_published)
    return "" if published.all() else "some" if published.any() else "all"


def _tip(lines: list[str]) -> str:
    """Tooltip text, escaped (user data may hold markup); the tooltip's style breaks at the newlines."""
    return "\n".join(html.escape(str(line), quote=False) for line in lines if line)


@cached.shipped_regencies
def shipped_regency_names(folder: str) -> dict[str, str]:
    path = Path(folder) / "reference" / "regencies.csv"
    if not path.is_file():
        return {}
    frame = pd.read_csv(path, dtype=str, usecols=["code", "name"])
    return dict(zip(frame["code"], frame["name"], strict=True))


def _context(
    regency: str, view: boundaries.View, own: dict | None
) -> tuple[list[dict], list[Spot], list[Spot]]:
    folder = str(state.data_dir())
    return map_labels.context(
        shipped_regency_features(folder), shipped_regency_names(folder), regency, view, own
    )


def kecamatan_deck(
    table: pd.DataFrame,
    points: pd.DataFrame,
    regency: str,
    lang: str,
    chosen: tuple[str, ...],
    boundary: str = "",
) -> pdk.Deck | None:
    st.session_state[ILLUSTRATIVE] = illustrative(table["source"])
    built, st.session_state[EMPTY_KEY] = _kecamatan_deck(table, points, regency, lang, chosen, boundary)
    return built


# decks are cached per table, language and choice, and per session boundary file (`boundary` argument)
@cached.deck
def _kecamatan_deck(
    table: pd.DataFrame, points: pd.DataFrame, regency: str, lang: str, chosen: tuple[str, ...], boundary: str
) -> tuple[pdk.Deck | None, list[tuple[str, str]]]:
    shapes, _ = features("kecamatan", regency)
    if not shapes:
        return None, []
    view = boundaries.fit(boundaries.bounds_of(shapes), MAP_WIDTH, map_height("kecamatan", regency))
    marker = t("map.illustrative_tip", lang)
    values, spots = {}, {}
    for row in table.itertuples(index=False):
        tip = [t("map.kecamatan_tip", lang, kim=row.kim, target=row.target), t(f"status.{row.status}", lang)]
        values[row.code] = {
            "code": row.code,
            "fill": rgb(STATUS_HEX[row.status], 215),
            "name": _tip([row.name]),
            "tip": _tip([*tip, "" if is_published(row.source) else marker]),
        }
        spots[row.code] = (row.kim, row.name)
    border = boundaries.outline_of(shapes)
    context, enclaves, neighbours = _context(regency, view, border)
    areas = {f["properties"]["code"]: f["geometry"] for f in shapes if f["properties"]["code"] in spots}
    # every kecamatan without a KIM named (a letter and a key where its name cannot fit), then every other
    # count where it fits, by size, with names above the counts where there is room; then the neighbours
    order = [
        Spot(c, boundaries.screen_shape(g, view), str(spots[c][0]), spots[c][1]) for c, g in areas.items()
    ]
    order.sort(key=lambda s: -s.area.area)
    labels, key = map_views.kecamatan_labels(order, view, enclaves, neighbours)
    built = deck(collection(shapes, values), labels, view.state(), "kecamatan", chosen, context, border)
    return built, key


def regency_deck(
    ranking: pd.DataFrame,
    points: pd.DataFrame,
    lang: str,
    focus: str,
    boundary: str = "",
    provinces: tuple[str, ...] = (),
) -> pdk.Deck | None:
    """The national choropleth, zoomed to the chosen provinces (all of Indonesia when none is chosen);
    `ranking` is the filtered table: its regencies are named where room allows."""
    st.session_state[ILLUSTRATIVE] = illustrative(ranking["source"])
    width = national_width()
    return _regency_deck(ranking, points, lang, focus, boundary, provinces, width, map_height("regency"))


@cached.deck
def _regency_deck(
    ranking: pd.DataFrame,
    points: pd.DataFrame,
    lang: str,
    focus: str,
    boundary: str,
    provinces: tuple[str, ...],
    width: int,
    height: int,
) -> pdk.Deck | None:
    shapes, _ = features("regency")
    if not shapes:
        return None
    chosen = [f for f in shapes if f["properties"]["code"][:2] in provinces]
    view = boundaries.fit(boundaries.bounds_of(chosen or shapes), width, height)
    shapes = map_views.in_view(boundaries.without_specks(shapes, NATIONAL_MIN_PART), view)
    rows = ranking.set_index("code")
    marker = t("map.illustrative_tip", lang)
    values = {}
    for code, name in zip(points["code"], points["name"], strict=True):
        if code in rows.index:
            row = rows.loc[code]
            fill = rgb(BAND_HEX[row["band"]], 230)
            lines = [
                t("map.regency_tip", lang, count=int(row["count"]), rank=int(row["rank"])),
                "" if is_published(row["source"]) else marker,
            ]
        else:
            fill, lines = rgb(NO_DATA_HEX), [t("map.regency_none", lang)]
        values[code] = {"code": code, "fill": fill, "name": _tip([name]), "tip": _tip(lines)}
    # the focus, the leaders' counts, then every regency of the filtered table (a province, a band), where
    # they do not pile up (Java): the tooltip has every other; zoomed in, names above the counts
    names = dict(zip(points["code"], points["name"], strict=True)) if chosen else {}
    labels = map_views.regency_labels(shapes, rows, focus, view, LABELLED_REGENCIES, names)
    return deck(collection(shapes, values), labels, view.state(), "regency", (focus,))


def selected_code(event, layer_id: str) -> str | None:
    """The code of the area a person clicked or tapped, from st.pydeck_chart's selection state."""
    try:
        objects = event["selection"]["objects"].get(layer_id, [])
    except (KeyError, TypeError, AttributeError):
        return None
    for obj in objects:
        code = (obj.get("properties") or {}).get("code") or obj.get("code")
        if code:
            return str(code)
    return None


def boundary_token(level: str) -> str:
    """Which boundaries this session draws (0: the shipped ones), as part of a cached deck's key."""
    join = state.boundary(level)
    return join.token if join is not None else ""
