"""The kecamatan map when only partial facts exist: without a KIM, with (at least) one, or unknown —
unknown is its own grey class in the legend ("tidak diketahui"), never drawn as zero. A picture drawn once
in Python (kim_dash.outputs.known_picture), as Ringkasan's map: no WebGL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kim_dash.i18n import t
from kim_dash.outputs.known_picture import known_picture
from kim_dash.outputs.map_picture import to_svg
from kim_dash.outputs.palette import KNOWN_HEX, KNOWN_ORDER
from kim_dash.ui import cached, state
from kim_dash.ui.map_legend import legend
from kim_dash.ui.static_map import SHOWN_WIDTH


@cached.picture
def _svg(folder: str, table: pd.DataFrame, regency: str, lang: str) -> str:
    from pathlib import Path

    picture = known_picture(Path(folder), regency, table)
    return to_svg(picture, t("map.status_title", lang)) if picture is not None else ""


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
    svg = _svg(str(state.data_dir()), table, regency, lang)
    if svg:
        with st.container(key="kec_known_map"):
            st.image(svg, width=SHOWN_WIDTH)
        known_legend(table, lang)
