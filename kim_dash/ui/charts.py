"""Plotly charts from kim_dash tables: numbers in the page's locale, user text escaped, every
illustrative mark hatched and named so in the legend."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from kim_dash.i18n import fmt_num, t
from kim_dash.outputs.chart_marks import axis_high, zero_stub
from kim_dash.outputs.palette import BAND_HEX, CALM, INK, STATUS_HEX, STATUS_ORDER
from kim_dash.sources.provenance import is_published
from kim_dash.ui import cached

HATCH = {"shape": "/", "fillmode": "overlay", "fgcolor": "rgba(255,255,255,0.7)", "solidity": 0.3}
CONFIG = {"displayModeBar": False, "responsive": True}  # no toolbar over the labels (phones)
LEGEND_SIZE, VALUE_SIZE, NAME_SIZE = 12, 12, 12  # px: legible on a phone, in a screenshot and in print


def esc(text: object) -> str:
    """Plotly renders <b>, <a href> and <br> inside labels: user text must arrive escaped."""
    return html.escape(str(text), quote=False)


class ReadyFigure(go.Figure):
    """A finished, cached figure whose dict is made once: Streamlit asks for it on every rerun, and
    plotly's deep copy and base64 packing cost a few milliseconds a chart. Never changed afterwards."""

    def to_dict(self) -> dict:
        ready = self.__dict__.get("_ready_dict")
        if ready is None:
            ready = super().to_dict()
            self.__dict__["_ready_dict"] = ready
        return ready


def _layout(fig: go.Figure, lang: str, height: int = 420) -> go.Figure:
    """The house layout, and the figure made ready to be sent (the last step of every chart)."""
    fig.update_layout(
        height=height,
        margin={"l": 8, "r": 8, "t": 36, "b": 8},
        bargap=0.25,
        plot_bgcolor="white",
        separators=",." if lang == "id" else ".,",
        font={"color": INK},
        legend={
            "orientation": "h",
            "y": 1.02,
            "yanchor": "bottom",
            "x": 0,
            "xanchor": "left",
            "font": {"size": LEGEND_SIZE},
        },
    )
    # a value label keeps its size and every digit (plotly would shrink "175" or cut it to "17." on a phone)
    fig.update_traces(constraintext="none", textfont_size=VALUE_SIZE, selector={"type": "bar"})
    return ReadyFigure(fig)


def _marked(name: str, illustrative: bool, lang: str) -> str:
    return f"{name} ({t('source.illustrative', lang)})" if illustrative else name


def _target_line(fig: go.Figure, value: float, text: str, axis: str) -> None:
    """A dashed target line as a layout shape; its label sits outside the plot, clear of the marks."""
    if axis == "x":
        shape = {"type": "line", "yref": "paper", "y0": 0, "y1": 1, "x0": value, "x1": value}
        note = {"yref": "paper", "y": 1.0, "x": value, "xanchor": "left", "yanchor": "bottom"}
    else:
        shape = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": value, "y1": value}
        note = {"xref": "paper", "x": 0, "y": value, "xanchor": "left", "yanchor": "bottom"}
    fig.add_shape(**shape, line={"dash": "dash", "color": INK, "width": 1})
    fig.add_annotation(
        **note, text=esc(text), showarrow=False, font={"size": 11}, bgcolor="rgba(255,255,255,0.8)"
    )


@cached.figure
def kecamatan_bar(table: pd.DataFrame, per_village: bool, lang: str) -> go.Figure:
    """Horizontal bars, most KIM on top, coloured by status; a zero is drawn as a labelled zero; each
    kecamatan's own target (3 or 4 of 150 over 40) as a tick on its bar, not one average line."""
    column = "kim_per_10_villages" if per_village else "kim"
    ordered = table.sort_values([column, "code"], ascending=[False, True])
    high = axis_high(ordered[column], () if per_village else ordered["target"])
    fig = go.Figure()
    for status in STATUS_ORDER:
        part = ordered[ordered["status"] == status]
        if part.empty:
            continue
        hatched = ~part["source"].map(is_published)
        values = part[column]
        labels = [fmt_num(v, lang) if per_village else str(int(v)) for v in values]
        fig.add_bar(
            y=[esc(n) for n in part["name"]],
            x=zero_stub(values, high),
            orientation="h",
            name=t(f"status.{status}", lang),
            marker_color=STATUS_HEX[status],
            marker_pattern={**HATCH, "shape": ["/" if h else "" for h in hatched]},
            text=labels,
            textposition="outside",
            cliponaxis=False,
            customdata=part["target"],
            hovertemplate="%{y}: %{text} · target %{customdata}<extra></extra>",
        )
    if not per_village:
        fig.add_scatter(
            x=ordered["target"],
            y=[esc(n) for n in ordered["name"]],
            mode="markers",
            name=t("chart.target_tick", lang),
            # shorter than a row, so that ticks of neighbouring rows never join into an axis-like line
            marker={"symbol": "line-ns-open", "size": 10, "color": INK, "line": {"width": 4, "color": INK}},
            hoverinfo="skip",
        )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=[esc(n) for n in ordered["name"]],
        autorange="reversed",
        title=None,
        tickfont={"size": NAME_SIZE},
    )
    fig.update_xaxes(
        title=t("chart.kim_per_10" if per_village else "chart.kim_count", lang), range=[0, high * 1.12]
    )
    if (~ordered["source"].map(is_published)).any():
        _hatched_note(fig, lang)
    # 20 px a row leaves a 12-px label clear of its neighbours even with a phone's three-row legend
    return _layout(fig, lang, height=max(170, 20 * len(ordered) + 130))  # one kecamatan: one slim bar


def _hatched_note(fig: go.Figure, lang: str) -> None:
    """'arsir = ilustratif' as a legend entry with a hatched swatch: inside the figure, so that a
    screenshot or a forwarded image carries it, at the legend's size."""
    fig.add_bar(
        x=[None],
        y=[None],
        orientation="h",
        name=esc(t("chart.hatched_note", lang)),
        marker={"color": "#8A96A3", "pattern": {**HATCH, "shape": "/"}},
        showlegend=True,
        hoverinfo="skip",
        legendrank=2000,  # last in the legend, after what the colours mean
    )


@cached.figure
def top_n_bar(top: pd.DataFrame, focus_code: str, lang: str) -> go.Figure:
    """Best on top, each bar in its band's colour as on the map (one meaning per colour); the focus
    regency outlined dark, its name and count in bold; illustrative counts hatched."""
    focus = [c == focus_code for c in top["code"]]
    light = set(list(BAND_HEX)[:2])  # pale fills: a dark hatch
    hatched = ["/" if not is_published(s) else "" for s in top["source"]]
    labels = [
        f"<b>{r}. {esc(n)}</b>" if f else f"{r}. {esc(n)}"
        for r, n, f in zip(top["rank"], top["name"], focus, strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=top["count"],
            y=labels,
            orientation="h",
            marker={
                "color": [BAND_HEX[b] for b in top["band"]],
                "line": {
                    "color": [INK if f else "rgba(31,42,51,0.35)" for f in focus],
                    "width": [2.5 if f else 0.6 for f in focus],
                },
                "pattern": {
                    **HATCH,
                    "shape": hatched,
                    "fgcolor": [
                        "rgba(31,42,51,0.45)" if b in light else HATCH["fgcolor"] for b in top["band"]
                    ],
                },
            },
            text=[f"<b>{c}</b>" if f else str(c) for c, f in zip(top["count"], focus, strict=True)],
            textposition="outside",
            cliponaxis=False,
            customdata=top["code"],
            hovertext=[
                f"{b} · {t('source.illustrative', lang)}" if h else b
                for b, h in zip(top["band"], hatched, strict=True)
            ],
            hovertemplate="%{y}: %{x:,} KIM (%{hovertext})<extra></extra>",
        )
    )
    fig.update_traces(showlegend=False)
    fig.update_yaxes(autorange="reversed", title=None, tickfont={"size": NAME_SIZE})
    fig.update_xaxes(title=t("chart.kim_count", lang), range=[0, axis_high(top["count"]) * 1.15])
    if any(hatched):
        _hatched_note(fig, lang)
    return _layout(fig, lang, height=max(300, 22 * len(top) + 90))


@cached.figure
def province_bar(summary: pd.DataFrame, lang: str) -> go.Figure:
    """Provinces as horizontal bars, most KIM on top: every name stays readable on a phone."""
    shown = summary[summary["kim"] > 0].sort_values(["kim", "province"], ascending=[False, True])
    hatched = ["/" if not is_published(s) else "" for s in shown["source"]]
    fig = go.Figure(
        go.Bar(
            x=shown["kim"],
            y=[esc(p) for p in shown["province"]],
            orientation="h",
            marker_color=CALM,
            marker_pattern={**HATCH, "shape": hatched},
            text=shown["kim"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,} KIM<extra></extra>",
        )
    )
    fig.update_traces(showlegend=False)
    fig.update_yaxes(autorange="reversed", title=None, tickfont={"size": NAME_SIZE})
    high = float(shown["kim"].max()) if len(shown) else 1.0
    fig.update_xaxes(title=t("chart.kim_count", lang), range=[0, high * 1.15])  # room for the labels
    if any(hatched):
        _hatched_note(fig, lang)
    return _layout(fig, lang, height=max(300, 19 * len(shown) + 110))
