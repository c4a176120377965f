"""The kecamatan map on Sebaran: the same picture as Ringkasan's (kim_dash.outputs.map_picture) shown
inline, each kecamatan with a tooltip on hover and a click that filters the page to it (a link with
?kec=, the URL keeps every other choice). Software WebGL took ~2.5 s to draw the deck on a PC without a
GPU. A session's own kecamatan boundaries stay on the interactive deck (ui/maps), which draws any file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from kim_dash.i18n import t
from kim_dash.outputs.map_picture import MapPicture, kecamatan_picture, to_svg
from kim_dash.sources.provenance import is_published
from kim_dash.ui import cached, map_legend, maps, state, url_links
from kim_dash.ui.inline_svg import show_svg


@cached.picture
def _svg(
    folder: str,
    regency: str,
    table: pd.DataFrame,
    lang: str,
    chosen: tuple[str, ...],
    current: url_links.UrlQuery,
) -> tuple[MapPicture | None, str]:
    picture = kecamatan_picture(Path(folder), regency, table, lang, chosen=chosen)
    if picture is None:
        return None, ""
    marker = t("map.illustrative_tip", lang)
    links = {}
    for row in table.itertuples(index=False):
        tip = [t("map.kecamatan_tip", lang, kim=row.kim, target=row.target), t(f"status.{row.status}", lang)]
        if not is_published(row.source):
            tip.append(marker)
        links[row.code] = (
            url_links.url_with(current, "kec", str(row.name)),
            f"{row.name}: " + " · ".join(tip),
        )
    return picture, to_svg(picture, t("map.status_title", lang), links)


def kecamatan_map(
    table: pd.DataFrame, points: pd.DataFrame, regency: str, lang: str, chosen: tuple[str, ...], on_select
) -> None:
    """The map of every kecamatan by status (`table`: kecamatan_table of the whole regency), the chosen
    ones outlined, its legend, the key of lettered kecamatan and whose boundaries under it."""
    if state.boundary("kecamatan") is not None:
        deck = maps.kecamatan_deck(table, points, regency, lang, chosen, maps.boundary_token("kecamatan"))
        if deck is not None:
            height = maps.map_height("kecamatan", regency)
            st.pydeck_chart(deck, height=height, on_select=on_select, key="kec_map")
            map_legend.status_legend(lang)
            map_legend.empty_key(lang)
            map_legend.attribution(lang, True)
        return
    picture, svg = _svg(str(state.data_dir()), regency, table, lang, chosen, url_links.url_query())
    if picture is None:
        return
    show_svg(svg, "kec_map", picture.width)
    map_legend.status_legend(lang)
    if picture.key:
        st.session_state[maps.EMPTY_KEY] = list(picture.key)
        map_legend.empty_key(lang)
    map_legend.attribution(lang, False, maps.illustrative(table["source"]))
