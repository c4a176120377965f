"""Labelled choropleths that read without a basemap (offline, intranet): outlines, colours with a
legend, names or values on the map, a tooltip on hover or tap, and a click that drills down."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pydeck as pdk
import streamlit as st

from kim_dash import boundaries, geo
from kim_dash.i18n import t
from kim_dash.palette import BAND_HEX, NO_DATA_HEX, STATUS_HEX, STATUS_ORDER, rgb
from kim_dash.provenance import is_published
from kim_dash.ui import state
from kim_dash.ui.charts import frame_key
from kim_dash.ui.deck import collection, deck

LABELLED_REGENCIES = 20


@st.cache_resource(show_spinner=False, max_entries=2)
def _regency_features(folder: str) -> list[dict]:
    return boundaries.regency_features(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=64)
def _kecamatan_features(folder: str, regency: str) -> list[dict]:
    return boundaries.kecamatan_features(Path(folder), regency)


@st.cache_resource(show_spinner=False, max_entries=8, hash_funcs={geo.BoundaryJoin: lambda join: join.token})
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
        except Exception:  # noqa: BLE001 - a failing upload never breaks a page: fall back to the shipped map
            state.set_boundary(level, None)
    folder = str(state.data_dir())
    return (
        _kecamatan_features(folder, regency) if level == "kecamatan" else _regency_features(folder)
    ), False


# decks are cached per table, language and choice, and per session boundary file (`boundary` argument)
_deck_cache = st.cache_resource(show_spinner=False, max_entries=64, hash_funcs={pd.DataFrame: frame_key})


def _tip(lines: list[str]) -> str:
    return "\n".join(html.escape(str(line), quote=False) for line in lines if line)


@_deck_cache
def kecamatan_deck(
    table: pd.DataFrame,
    points: pd.DataFrame,
    regency: str,
    lang: str,
    chosen: tuple[str, ...],
    boundary: str = "",
) -> pdk.Deck | None:
    shapes, _ = features("kecamatan", regency)
    if not shapes:
        return None
    marker = t("source.illustrative", lang)
    values = {}
    for row in table.itertuples(index=False):
        values[row.code] = {
            "code": row.code,
            "fill": rgb(STATUS_HEX[row.status], 215),
            "tip": _tip(
                [
                    row.name,
                    t("map.kecamatan_tip", lang, kim=row.kim, target=row.target),
                    t(f"status.{row.status}", lang),
                    "" if is_published(row.source) else marker,
                ]
            ),
        }
    labels = table[["code", "name", "kim"]].merge(points[["code", "lat", "lon"]], on="code")
    # every count on its area; names only where there is no KIM yet (few, and what a leader acts on):
    # all 40 names do not fit on a regency map, and the tooltip names every area on hover or tap
    labels["label"] = [
        f"{n} 0" if k == 0 else str(k) for n, k in zip(labels["name"], labels["kim"], strict=True)
    ]
    return deck(collection(shapes, values), labels, boundaries.view_of(shapes), "kecamatan", chosen)


@_deck_cache
def regency_deck(
    ranking: pd.DataFrame, points: pd.DataFrame, lang: str, focus: str, boundary: str = ""
) -> pdk.Deck | None:
    shapes, _ = features("regency")
    if not shapes:
        return None
    rows = ranking.set_index("code")
    marker = t("source.illustrative", lang)
    values = {}
    for code, name in zip(points["code"], points["name"], strict=True):
        if code in rows.index:
            row = rows.loc[code]
            fill = rgb(BAND_HEX[row["band"]], 230)
            tip = _tip(
                [
                    name,
                    t("map.regency_tip", lang, count=int(row["count"]), rank=int(row["rank"])),
                    "" if is_published(row["source"]) else marker,
                ]
            )
        else:
            fill, tip = rgb(NO_DATA_HEX), _tip([name, t("map.regency_none", lang)])
        values[code] = {"code": code, "fill": fill, "tip": tip}
    shown = set(ranking.head(LABELLED_REGENCIES)["code"]) | {focus}  # the leaders: 174 numbers would pile up
    labelled = points[points["code"].isin(rows.index) & points["code"].isin(shown)].copy()
    labelled["label"] = labelled["code"].map(rows["count"]).astype(int).astype(str)
    return deck(
        collection(shapes, values), labelled, boundaries.view_of(shapes, 560, 460), "regency", (focus,)
    )


def legend(items: list[tuple[str, str]]) -> None:
    """A legend of colour swatches (static HTML of our own labels: no user data reaches it)."""
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px;font-size:0.85rem">'
        f'<span style="width:14px;height:14px;background:{colour};border:1px solid #555;margin-right:5px">'
        f"</span>{html.escape(label)}</span>"
        for colour, label in items
    )
    st.html(f"<div>{swatches}</div>")


def status_legend(lang: str) -> None:
    legend([(STATUS_HEX[s], t(f"status.{s}", lang)) for s in STATUS_ORDER])


def band_legend(lang: str) -> None:
    legend(
        [(colour, band) for band, colour in BAND_HEX.items()] + [(NO_DATA_HEX, t("map.regency_none", lang))]
    )


def attribution(lang: str, uploaded: bool) -> None:
    key = "map.attribution_upload" if uploaded else "map.attribution"
    st.caption(t(key, lang, source=boundaries.ATTRIBUTION))


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
