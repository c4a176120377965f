"""Charts over time and of the plan: progress by date, now → after the plan, new KIM by year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kim_dash.i18n import fmt_int, t
from kim_dash.outputs.chart_marks import labels_once
from kim_dash.outputs.palette import CALM, FOCUS, INK, MUTED, STATUS_HEX, STATUS_ORDER
from kim_dash.sources.provenance import is_published
from kim_dash.ui import cached
from kim_dash.ui.charts import _layout, _marked, _target_line, esc


@cached.figure
def progress_chart(
    points: pd.DataFrame, reports: pd.DataFrame, growth: pd.DataFrame, target: int, lang: str
) -> go.Figure:
    """Dated snapshots and dated published reports as points; the sample's year-formed line apart."""
    from kim_dash.i18n import fmt_as_of

    fig = go.Figure()
    if len(growth):
        illustrative = not is_published(str(growth["source"].iloc[0]))
        fig.add_scatter(
            x=[f"{y}-12-31" for y in growth["year"]],
            y=growth["cumulative"],
            mode="lines",
            name=_marked(t("chart.by_year_formed", lang), illustrative, lang),
            line={"color": MUTED, "dash": "dot" if illustrative else "solid"},
            hovertemplate="%{y:,}<extra></extra>",
        )
    # a report and a stored table of the same date often hold the same count: the smaller circle is
    # drawn over the larger diamond so that both stay visible
    # a stored table that repeats a report's number on its date prints no second label over the first
    points = points.assign(_label=labels_once(points, reports) if len(points) else [])
    for frame, name, colour, symbol, size in (
        (reports, "chart.reports", FOCUS, "diamond", 15),
        (points, "chart.snapshots", CALM, "circle", 8),
    ):
        if frame.empty:
            continue
        value = "count" if "count" in frame else "kim"
        label = "_label" if "_label" in frame else value
        published = frame["source"].map(is_published)
        for flag in (True, False):
            part = frame[published == flag]
            if part.empty:
                continue
            fig.add_scatter(
                x=[_axis_date(a) for a in part["as_of"]],
                y=part[value],
                mode="markers+text",
                name=_marked(t(name, lang), not flag, lang),
                text=[str(v) for v in part[label]],
                textposition="bottom center",
                customdata=[fmt_as_of(a, lang) for a in part["as_of"]],
                marker={"size": size, "color": colour, "symbol": symbol if flag else f"{symbol}-open"},
                cliponaxis=False,
                hovertemplate="%{customdata}: %{y:,}<extra></extra>",
            )
    if target:
        _target_line(fig, target, t("chart.target_total", lang, value=target), "y")
    fig.update_yaxes(title=t("chart.kim_count", lang), rangemode="tozero")
    # whole years, each label in the middle of its year (December 2014 sits at the end of "2014", not
    # under "2015"), and a range of whole years so that a single point gets no clock-time ticks
    years = [int(str(d)[:4]) for d in (*points["as_of"], *reports["as_of"])] + [
        int(y) for y in growth["year"]
    ]
    x_range = [f"{min(years)}-01-01", f"{max(years) + 1}-02-15"] if years else None  # room for end labels
    fig.update_xaxes(
        title=None, type="date", tickformat="%Y", dtick="M12", ticklabelmode="period", range=x_range
    )
    return _layout(fig, lang, height=360)


def _axis_date(as_of: str) -> str:
    """Where a partial date sits on a time axis (the hover says the date as stored: "Desember 2014").

    A year-only figure sits at the start of its year, so that "2023" (early 2023) is never drawn after
    a dated June 2023 point; a month's sits mid-month."""
    parts = as_of.split("-")
    return {1: f"{as_of}-01-01", 2: f"{as_of}-15", 3: as_of}[len(parts)]


@cached.figure
def before_after(plan: pd.DataFrame, lang: str) -> go.Figure:
    """Now → after the plan for every kecamatan, sorted: a grey dot, an arrow, a dot by status."""
    after_column = "after" if "after" in plan else "to_form"
    after = plan[after_column] if after_column == "after" else plan["current"] + plan["to_form"]
    ordered = plan.assign(_after=after).sort_values(
        ["_after", "current", "code"], ascending=[False, False, True]
    )
    names = [esc(n) for n in ordered["name"]]
    fig = go.Figure()
    fig.add_scatter(
        x=ordered["current"],
        y=names,
        mode="markers",
        name=t("chart.now", lang),
        marker={"color": MUTED, "size": 9},
        hovertemplate="%{y}: %{x}<extra></extra>",
    )
    status = pd.Series(
        [
            ("none" if a == 0 else "below" if a < tg else "at" if a == tg else "above")
            for a, tg in zip(ordered["_after"], ordered["target"], strict=True)
        ],
        index=ordered.index,
    )
    for each in STATUS_ORDER:  # one legend entry per colour drawn
        part = ordered[status == each]
        if part.empty:
            continue
        fig.add_scatter(
            x=part["_after"],
            y=[esc(n) for n in part["name"]],
            mode="markers",
            name=f"{t('chart.after', lang)}: {t(f'status.{each}', lang)}",
            marker={"color": STATUS_HEX[each], "size": 11, "line": {"color": INK, "width": 1}},
            customdata=part["target"],
            hovertemplate="%{y}: %{x} (target %{customdata})<extra></extra>",
        )
    for name, now, later in zip(names, ordered["current"], ordered["_after"], strict=True):
        if later != now:
            fig.add_annotation(
                x=later,
                y=name,
                ax=now,
                ay=name,
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=2,
                arrowsize=1,
                arrowwidth=1.5,
                arrowcolor=FOCUS,
                text="",
            )
    fig.update_yaxes(
        categoryorder="array", categoryarray=names, autorange="reversed", title=None, tickfont={"size": 11}
    )
    # a little room left of zero: an arrow from 0 (a kecamatan without KIM) is drawn whole
    high = float(max(ordered["_after"].max(), ordered["current"].max())) if len(ordered) else 1.0
    fig.update_xaxes(title=t("chart.kim_count", lang), range=[-0.6, high + 1])
    return _layout(fig, lang, height=max(320, 19 * len(ordered) + 120))


@cached.figure
def schedule_chart(
    totals: pd.DataFrame, start: int, target: int, lang: str, label: str = "chart.target_total"
) -> go.Figure:
    """Two panels over the plan's years: new KIM per year as labelled bars ("+10"), and below it, on its
    own axis, the total reached at each year's end toward the target (or, under minimums, the total the
    plan reaches: "setelah rencana 97"), each point labelled, the target line named."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.16, row_heights=[0.45, 0.55])
    fig.add_bar(
        x=totals["year"],
        y=totals["new"],
        name=t("chart.new_per_year", lang),
        marker_color=FOCUS,
        text=[f"+{fmt_int(v, lang)}" for v in totals["new"]],
        textposition="outside",
        cliponaxis=False,
        width=0.6,  # in years: a plan of one or two years keeps slim bars
        hovertemplate="%{x}: +%{y:,}<extra></extra>",
        row=1,
        col=1,
    )
    reached = totals["cumulative"] + start
    fig.add_scatter(
        x=totals["year"],
        y=reached,
        name=t("chart.total_after", lang),
        mode="lines+markers+text",
        text=[fmt_int(v, lang) for v in reached],
        textposition="bottom center",
        textfont={"size": 12},
        cliponaxis=False,
        line_color=CALM,
        hovertemplate="%{x}: %{y:,}<extra></extra>",
        row=2,
        col=1,
    )
    fig.add_hline(y=target, row=2, col=1, line={"dash": "dash", "color": INK, "width": 1})
    fig.add_annotation(
        xref="x2 domain", yref="y2", x=0, y=target, xanchor="left", yanchor="bottom", showarrow=False,
        text=esc(t(label, lang, value=target)), font={"size": 12}, bgcolor="rgba(255,255,255,0.8)",
    )  # fmt: skip
    values = [float(v) for v in reached] + [float(target), float(start)]
    low, high = min(values), max(values)
    pad = max(1.0, (high - low) * 0.25)
    fig.update_yaxes(title=t("chart.new_per_year_axis", lang), rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title=t("chart.total_axis", lang), range=[max(0, low - pad), high + pad], row=2, col=1)
    fig.update_yaxes(range=[0, float(totals["new"].max() or 1) * 1.3], row=1, col=1)
    fig.update_xaxes(dtick=1, title=None, showticklabels=True)
    return _layout(fig, lang, height=420)
