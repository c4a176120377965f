"""Maps for the pages: a choropleth when a boundary file is configured, interior-point bubbles otherwise."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from kim_dash import geo
from kim_dash.data import Dataset
from kim_dash.i18n import t
from kim_dash.ui import charts, state, widgets


@st.cache_resource(show_spinner=False)
def _configured_join(path: str, mtime: float, level: str, _reference: pd.DataFrame) -> geo.BoundaryJoin:
    """Read and join a configured boundary file once (again only when the file changes).

    `_reference` is left out of the cache key (leading underscore): hashing 514 rows on every rerun
    costs more than the page; the reference geography is fixed for the process.
    """
    frame, crs = geo.read_boundary_path(path)
    return geo.join_boundaries(frame, _reference, level, crs)


@st.cache_resource(show_spinner=False, max_entries=8, hash_funcs={geo.BoundaryJoin: id})
def _features(join: geo.BoundaryJoin, level: str) -> list[dict]:
    """Simplified display polygons, once per boundary join (the join object lives as long as its file)."""
    return geo.display_features(join.frame, level)


def boundary_join(level: str, reference: pd.DataFrame) -> geo.BoundaryJoin | None:
    uploaded = state.boundary(level)
    if uploaded is not None:
        return uploaded
    path = geo.configured_path(level)
    return _configured_join(path, Path(path).stat().st_mtime, level, reference) if path else None


def _unmatched(join: geo.BoundaryJoin, lang: str) -> None:
    if join.unmatched:
        st.warning(
            t(
                "map.unmatched",
                lang,
                n=len(join.unmatched),
                names=", ".join(widgets.plain(n) for n in join.unmatched[:30]),
            )
        )
    if join.missing:
        st.caption(t("map.missing", lang, n=len(join.missing)))


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs={geo.BoundaryJoin: id})
def _regency_deck(table: pd.DataFrame, points: pd.DataFrame, lang: str, join: geo.BoundaryJoin | None):
    polygons = None
    if join is not None:
        colours = dict(zip(table["code"], table["band"].map(charts.BAND_COLOURS)))
        # every regency is drawn (grey when it has no KIM or is filtered out), so the map stays whole
        values = points[["code", "name"]].merge(
            table[["code", "province", "count", "rank"]], on="code", how="left"
        )
        values = values.astype({"count": "Int64", "rank": "Int64"}).astype(object).fillna("–")
        polygons = geo.colour_features(_features(join, "regency"), values, colours)
    return charts.regency_deck(table, points, lang, polygons)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs={geo.BoundaryJoin: id})
def _kecamatan_deck(table: pd.DataFrame, points: pd.DataFrame, lang: str, join: geo.BoundaryJoin | None):
    polygons = None
    if join is not None:
        palette = {"below": [240, 200, 170], "at": [170, 200, 225], "above": [180, 215, 185]}
        colours = {
            c: ([235, 120, 120] if k == 0 else palette[s])
            for c, k, s in zip(table["code"], table["kim"], table["status"])
        }
        values = table[["code", "name", "kim", "villages_covered", "villages", "gap"]]
        polygons = geo.colour_features(_features(join, "kecamatan"), values, colours)
    return charts.kecamatan_deck(table, points, lang, polygons)


def regency_map(table: pd.DataFrame, dataset: Dataset, lang: str) -> None:
    join = boundary_join("regency", dataset.regencies)
    st.pydeck_chart(_regency_deck(table, dataset.regencies, lang, join), height=480)
    legend = "map.band_legend" if join is None else "map.band_legend_choropleth"
    st.caption(t(legend, lang) + " · " + t("map.offline_note", lang))
    if join is not None:
        _unmatched(join, lang)


def kecamatan_map(table: pd.DataFrame, dataset: Dataset, lang: str) -> None:
    join = boundary_join("kecamatan", dataset.kecamatan)
    st.pydeck_chart(_kecamatan_deck(table, dataset.kecamatan, lang, join), height=480)
    st.caption(t("map.kecamatan_legend", lang) + " · " + t("map.offline_note", lang))
    if join is not None:
        _unmatched(join, lang)
