"""Maps for the pages: a choropleth when a boundary file is configured, interior-point bubbles otherwise."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kim_dash import geo
from kim_dash.data import Dataset
from kim_dash.i18n import t
from kim_dash.ui import charts, state


@st.cache_resource(show_spinner=False)
def _configured_join(path: str, level: str, reference: pd.DataFrame) -> geo.BoundaryJoin:
    frame, crs = geo.read_boundary_path(path)
    return geo.join_boundaries(frame, reference, level, crs)


def boundary_join(level: str, reference: pd.DataFrame) -> geo.BoundaryJoin | None:
    uploaded = state.boundary(level)
    if uploaded is not None:
        return uploaded
    path = geo.configured_path(level)
    return _configured_join(path, level, reference) if path else None


def _unmatched(join: geo.BoundaryJoin, lang: str) -> None:
    if join.unmatched:
        st.warning(t("map.unmatched", lang, n=len(join.unmatched), names=", ".join(join.unmatched[:30])))
    if join.missing:
        st.caption(t("map.missing", lang, n=len(join.missing)))


def regency_map(table: pd.DataFrame, dataset: Dataset, lang: str) -> None:
    join = boundary_join("regency", dataset.regencies)
    polygons = None
    if join is not None:
        colours = dict(zip(table["code"], table["band"].map(charts.BAND_COLOURS)))
        values = table[["code", "name", "province", "count", "rank"]]
        polygons = geo.choropleth_geojson(join.frame, values, colours, "regency")
    st.pydeck_chart(charts.regency_bubbles(table, dataset.regencies, lang, polygons), height=480)
    st.caption(t("map.band_legend", lang) + " · " + t("map.offline_note", lang))
    if join is not None:
        _unmatched(join, lang)


def kecamatan_map(table: pd.DataFrame, dataset: Dataset, lang: str) -> None:
    join = boundary_join("kecamatan", dataset.kecamatan)
    polygons = None
    if join is not None:
        palette = {"below": [240, 200, 170], "at": [170, 200, 225], "above": [180, 215, 185]}
        colours = {c: ([235, 120, 120] if k == 0 else palette[s])
                   for c, k, s in zip(table["code"], table["kim"], table["status"])}
        values = table[["code", "name", "kim", "villages_covered", "villages", "gap"]]
        polygons = geo.choropleth_geojson(join.frame, values, colours, "kecamatan")
    st.pydeck_chart(charts.kecamatan_bubbles(table, dataset.kecamatan, lang, polygons), height=480)
    st.caption(t("map.kecamatan_legend", lang) + " · " + t("map.offline_note", lang))
    if join is not None:
        _unmatched(join, lang)
