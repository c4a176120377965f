"""A kecamatan map where nothing on it is clicked (Ringkasan, Rencana): drawn once in Python as SVG
(kim_dash.outputs.map_picture), shown as an image: no WebGL, no geometry sent to the browser beyond the picture,
the same labels and colours as the interactive map and the PDF."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kim_dash.i18n import t
from kim_dash.outputs.map_picture import MapPicture, kecamatan_picture, to_svg
from kim_dash.ui import cached, map_legend, maps, state

SHOWN_WIDTH = 520  # px on a desktop; a phone's column (358 px) shrinks it


@cached.picture
def _picture(
    folder: str, regency: str, table: pd.DataFrame, lang: str, added: tuple[tuple[str, int], ...] | None
) -> tuple[MapPicture | None, str]:
    from pathlib import Path

    picture = kecamatan_picture(
        Path(folder), regency, table, lang, dict(added) if added is not None else None
    )
    title = t("map.plan_title" if added is not None else "map.status_title", lang)
    return picture, (to_svg(picture, title) if picture is not None else "")


def kecamatan_map(regency: str, table: pd.DataFrame, lang: str, added: dict[str, int] | None = None) -> None:
    """The kecamatan by status (table: kecamatan_table), or with `added` where a plan's new KIM go;
    the legend, the key of lettered kecamatan, and whose boundaries under it. Nothing when the regency
    has no shipped boundaries."""
    if state.boundary("kecamatan") is not None:  # the session's own boundaries: the interactive map has them
        return
    plan = tuple(sorted((c, int(n)) for c, n in added.items())) if added is not None else None
    picture, svg = _picture(str(state.data_dir()), regency, table, lang, plan)
    if picture is None:
        return
    st.image(svg, width=SHOWN_WIDTH)
    map_legend.legend(list(picture.legend))
    if picture.key:
        st.session_state[maps.EMPTY_KEY] = list(picture.key)
        map_legend.empty_key(lang, "map.empty_key" if added is None else "map.plan_key")
    map_legend.attribution(lang, False, maps.illustrative(table["source"]))  # the rows a plan rests on too
