"""Plotly charts and pydeck maps built from kim_dash tables (no computation of figures here)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from kim_dash.i18n import t

CALM = "#2E6F9E"
FOCUS = "#D9822B"
MUTED = "#B8C4CE"
STATUS_COLOURS = {"below": "#C8553D", "at": "#2E6F9E", "above": "#5B9A68"}
BAND_COLOURS = {
    "1–9": [189, 215, 231],
    "10–49": [107, 174, 214],
    "50–99": [49, 130, 189],
    "100–199": [217, 130, 43],
    "200+": [165, 15, 21],
}
INDONESIA_VIEW = pdk.ViewState(latitude=-2.5, longitude=118.0, zoom=3.3)
BOGOR_VIEW = pdk.ViewState(latitude=-6.52, longitude=106.75, zoom=8.6)


# Figures depend only on their (small) input tables and the language: build each once, share it
# read-only across reruns and sessions (st.plotly_chart / st.pydeck_chart only serialise them).
_figure_cache = st.cache_resource(show_spinner=False, max_entries=512)


class SerialisedOnce(pdk.Deck):
    """A Deck that turns itself into JSON once: st.pydeck_chart serialises on every rerun, and a cached
    deck's JSON (hundreds of polygons) never changes."""

    def to_json(self) -> str:
        cached = self.__dict__.get("_kim_json")
        if cached is None:
            cached = super().to_json()
            self.__dict__["_kim_json"] = cached
        return cached


def _reference_line(fig: go.Figure, value: float, text: str, axis: str = "y") -> None:
    """A dashed target line as a layout shape (plotly's add_hline costs more than the whole chart)."""
    if axis == "y":
        shape = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": value, "y1": value}
        note = {"xref": "paper", "x": 1, "y": value, "xanchor": "right", "yanchor": "bottom"}
    else:
        shape = {"type": "line", "yref": "paper", "y0": 0, "y1": 1, "x0": value, "x1": value}
        note = {"yref": "paper", "y": 1, "x": value, "xanchor": "left", "yanchor": "bottom"}
    fig.update_layout(
        shapes=[{**shape, "line": {"dash": "dash", "color": "#444"}}],
        annotations=[{**note, "text": text, "showarrow": False, "font": {"size": 11}}],
    )


def _layout(fig: go.Figure, height: int = 420) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        bargap=0.25,
        plot_bgcolor="white",
        legend={"orientation": "h", "y": -0.22, "yanchor": "top"},
    )
    return fig


@_figure_cache
def top_n_bar(top: pd.DataFrame, focus_code: str, lang: str) -> go.Figure:
    """Horizontal bars, best on top; the focus regency in orange (appended if outside the top N)."""
    colours = [FOCUS if c == focus_code else CALM for c in top["code"]]
    labels = [f"{r}. {n}" for r, n in zip(top["rank"], top["name"])]
    fig = go.Figure(
        go.Bar(
            x=top["count"],
            y=labels,
            orientation="h",
            marker_color=colours,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=t("chart.kim_count", lang))
    return _layout(fig, height=max(300, 22 * len(top) + 80))


@_figure_cache
def province_bar(summary: pd.DataFrame, lang: str) -> go.Figure:
    shown = summary[summary["kim"] > 0]
    fig = go.Figure(
        go.Bar(
            x=shown["province"],
            y=shown["kim"],
            marker_color=CALM,
            customdata=np.stack([shown["regencies_with_kim"], shown["regencies"]], axis=-1),
            hovertemplate="%{x}: %{y} KIM<br>%{customdata[0]} / %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_xaxes(tickangle=-45, title=None)
    fig.update_yaxes(title=t("chart.kim_count", lang))
    return _layout(fig)


@_figure_cache
def kecamatan_bar(
    table: pd.DataFrame, per_village: bool, target_per_kecamatan: float, lang: str
) -> go.Figure:
    """Horizontal bars (40 names stay readable), most KIM on top, coloured by status against the target."""
    column = "kim_per_10_villages" if per_village else "kim"
    ordered = table.sort_values([column, "code"], ascending=[False, True])
    fig = go.Figure()
    for status in ("below", "at", "above"):
        part = ordered[ordered["status"] == status]
        fig.add_bar(
            y=part["name"],
            x=part[column],
            orientation="h",
            name=t(f"status.{status}", lang),
            marker_color=STATUS_COLOURS[status],
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    fig.update_yaxes(
        categoryorder="array", categoryarray=ordered["name"].tolist(), autorange="reversed", title=None
    )
    fig.update_xaxes(title=t("chart.kim_per_10" if per_village else "chart.kim_count", lang))
    if not per_village:
        _reference_line(
            fig, target_per_kecamatan, t("chart.target_line", lang, value=f"{target_per_kecamatan:g}"), "x"
        )
    return _layout(fig, height=max(320, 18 * len(ordered) + 90))


@_figure_cache
def growth_chart(
    growth: pd.DataFrame, history: pd.DataFrame, target: int, lang: str, illustrative: bool = False
) -> go.Figure:
    """The registry's running total (labelled illustrative when it is) with the published counts as points."""
    fig = go.Figure()
    line_name = t("chart.registry_cum_illustrative" if illustrative else "chart.registry_cum", lang)
    fig.add_scatter(
        x=growth["year"], y=growth["cumulative"], mode="lines+markers", name=line_name, line_color=CALM
    )
    dated = history[history["as_of"] != ""]
    fig.add_scatter(
        x=[int(a[:4]) for a in dated["as_of"]],
        y=dated["count"],
        mode="markers+text",
        marker={"size": 12, "color": FOCUS, "symbol": "diamond"},
        text=dated["count"].astype(str),
        textposition="top center",
        name=t("chart.published_points", lang),
    )
    _reference_line(fig, target, t("chart.target_total", lang, value=target))
    fig.update_xaxes(title=t("chart.year", lang), dtick=1)
    fig.update_yaxes(title=t("chart.kim_count", lang), rangemode="tozero")
    return _layout(fig, height=340)


@_figure_cache
def before_after(plan: pd.DataFrame, lang: str) -> go.Figure:
    ordered = plan.sort_values(["after", "code"], ascending=[False, True])
    fig = go.Figure()
    fig.add_bar(
        y=ordered["name"],
        x=ordered["current"],
        orientation="h",
        name=t("plan.col.current", lang),
        marker_color=MUTED,
    )
    fig.add_bar(
        y=ordered["name"], x=ordered["new"], orientation="h", name=t("plan.col.new", lang), marker_color=FOCUS
    )
    fig.add_scatter(
        y=ordered["name"],
        x=ordered["target"],
        mode="markers",
        name=t("plan.col.target", lang),
        marker={"symbol": "line-ns-open", "size": 12, "color": "#222", "line": {"width": 2}},
    )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=t("chart.kim_count", lang))
    return _layout(fig, height=max(320, 18 * len(ordered) + 90))


def _radius(values: pd.Series, metres_per_unit: float) -> pd.Series:
    return np.sqrt(values.clip(lower=0)) * metres_per_unit  # area proportional to count


def regency_deck(
    ranking: pd.DataFrame, points: pd.DataFrame, lang: str, polygons: dict | None = None
) -> pdk.Deck:
    """Bubbles at interior points or, with boundary polygons, a choropleth (callers cache the deck)."""
    data = ranking.merge(points[["code", "lat", "lon"]], on="code")
    data = data.assign(radius=_radius(data["count"], 3500.0), colour=data["band"].map(BAND_COLOURS))[
        ["name", "province", "count", "rank", "lat", "lon", "radius", "colour"]
    ]
    layers = []
    if polygons:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                polygons,
                stroked=True,
                filled=True,
                get_fill_color="properties.colour",
                get_line_color=[90, 90, 90],
                line_width_min_pixels=0.5,
                pickable=True,
            )
        )
    else:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                data,
                get_position=["lon", "lat"],
                get_radius="radius",
                get_fill_color="colour",
                get_line_color=[40, 40, 40],
                stroked=True,
                line_width_min_pixels=1,
                pickable=True,
                opacity=0.8,
            )
        )
    tooltip = {"text": t("map.regency_tooltip", lang)}
    return SerialisedOnce(
        layers=layers,
        initial_view_state=INDONESIA_VIEW,
        map_style=pdk.map_styles.CARTO_LIGHT,
        tooltip=tooltip,
    )


def kecamatan_deck(
    table: pd.DataFrame, points: pd.DataFrame, lang: str, polygons: dict | None = None
) -> pdk.Deck:
    """Bubbles (empty kecamatan in red) over the choropleth when boundary polygons are given."""
    data = table.merge(points[["code", "lat", "lon"]], on="code")
    colour = np.where(data["kim"] == 0, "zero", data["status"])
    palette = {"zero": [200, 30, 30], "below": [232, 150, 90], "at": [46, 111, 158], "above": [91, 154, 104]}
    data = data.assign(
        radius=_radius(data["kim"], 450.0).where(data["kim"] > 0, 700.0),
        colour=[palette[c] for c in colour],
    )[["name", "kim", "villages_covered", "villages", "gap", "lat", "lon", "radius", "colour"]]
    layers = []
    if polygons:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                polygons,
                stroked=True,
                filled=True,
                get_fill_color="properties.colour",
                get_line_color=[80, 80, 80],
                line_width_min_pixels=1,
                pickable=True,
            )
        )
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            data,
            get_position=["lon", "lat"],
            get_radius="radius",
            get_fill_color="colour",
            get_line_color=[30, 30, 30],
            stroked=True,
            line_width_min_pixels=1,
            pickable=True,
            opacity=0.85,
        )
    )
    tooltip = {"text": t("map.kecamatan_tooltip", lang)}
    return SerialisedOnce(
        layers=layers, initial_view_state=BOGOR_VIEW, map_style=pdk.map_styles.CARTO_LIGHT, tooltip=tooltip
    )
