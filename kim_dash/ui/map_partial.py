"""The kecamatan map when only partial facts exist: without a KIM, with (at least) one, or unknown —
unknown is its own grey class in the legend ("tidak diketahui"), never drawn as zero."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk
import streamlit as st

from kim_dash.boundaries import shipped as boundaries
from kim_dash.i18n import t
from kim_dash.outputs.map_labels import Spot, labels_for
from kim_dash.outputs.palette import KNOWN_HEX, KNOWN_ORDER, rgb
from kim_dash.ui import cached
from kim_dash.ui.deck import collection, deck
from kim_dash.ui.map_legend import legend
from kim_dash.ui.maps import MAP_WIDTH, _context, _tip, features, map_height


def label_of(row, lang: str) -> str:
    """What the map writes on a kecamatan: its count, '≥1', or '?'."""
    if row.state in ("none", "some"):
        return str(int(row.kim))
    return "≥1" if row.state == "at_least" else "?"


@cached.deck
def partial_deck(table: pd.DataFrame, regency: str, lang: str, boundary: str = "") -> pdk.Deck | None:
    shapes, _ = features("kecamatan", regency)
    if not shapes:
        return None
    view = boundaries.fit(boundaries.bounds_of(shapes), MAP_WIDTH, map_height("kecamatan", regency))
    values, spots = {}, {}
    for row in table.itertuples(index=False):
        values[row.code] = {
            "code": row.code,
            "fill": rgb(KNOWN_HEX[row.state], 215),
            "name": _tip([row.name]),
            "tip": _tip([t("grain.state." + row.state, lang)]),
        }
        spots[row.code] = (label_of(row, lang), row.name)
    border = boundaries.outline_of(shapes)
    context, enclaves, neighbours = _context(regency, view, border)
    areas = {f["properties"]["code"]: f["geometry"] for f in shapes if f["properties"]["code"] in spots}
    order = [Spot(c, boundaries.screen_shape(g, view), spots[c][0], spots[c][1]) for c, g in areas.items()]
    order.sort(key=lambda s: (s.count != "0", -s.area.area))
    labels, taken = labels_for(enclaves + order, view)
    more, _ = labels_for(neighbours, view, taken)
    return deck(
        collection(shapes, values), pd.concat([labels, more]), view.state(), "kecamatan", (), context, border
    )


def known_legend(table: pd.DataFrame, lang: str) -> None:
    """Every class of the map with how many kecamatan are in it ('tidak diketahui (30)')."""
    counts = table["state"].value_counts()
    legend(
        [
            (KNOWN_HEX[s], f"{t('grain.state.' + s, lang)} ({int(counts.get(s, 0))})")
            for s in KNOWN_ORDER
            if s != "some" or counts.get(s, 0)
        ]
    )


def show(table: pd.DataFrame, regency: str, lang: str) -> None:
    found = partial_deck(table, regency, lang)
    if found is not None:
        st.pydeck_chart(found, height=map_height("kecamatan", regency), key="kec_known_map")
        known_legend(table, lang)
