"""The national map on Peringkat: a picture drawn once in Python (kim_dash.outputs.national_picture) and
shown inline, so each regency keeps a tooltip on hover and a click that makes it the focus (a link to the
same page with ?wilayah=, the URL keeps every other choice). A session's own regency boundaries stay on
the interactive deck (ui/maps), which draws any file."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kim_dash.i18n import t
from kim_dash.outputs.map_picture import to_svg
from kim_dash.outputs.national_picture import regency_picture
from kim_dash.sources.provenance import is_published
from kim_dash.ui import cached, map_legend, maps, state, url_links
from kim_dash.ui.inline_svg import show_svg


@cached.picture
def _svg(
    folder: str,
    ranking: pd.DataFrame,
    focus: str,
    provinces: tuple[str, ...],
    width: int,
    height: int,
    lang: str,
    query: url_links.UrlQuery,
) -> str:
    shapes = maps.shipped_regency_features(folder)
    if not shapes:
        return ""
    rows = ranking.set_index("code")
    names = maps.shipped_regency_names(folder)
    picture = regency_picture(shapes, rows, focus, provinces, names, width, height, maps.LABELLED_REGENCIES)
    marker = t("map.illustrative_tip", lang)
    links = {}
    for area in picture.areas:
        code = area.code
        if code not in names:
            continue
        if code in rows.index:
            row = rows.loc[code]
            tip = t("map.regency_tip", lang, count=int(row["count"]), rank=int(row["rank"]))
            tip += "" if is_published(row["source"]) else f" ({marker})"
        else:
            tip = t("map.regency_none", lang)
        links[code] = (url_links.url_with(query, "wilayah", code), f"{names[code]}: {tip}")
    return to_svg(picture, t("ranking.map_title", lang), links)


def national_map(
    ranking: pd.DataFrame, points: pd.DataFrame, lang: str, focus: str, provinces: tuple[str, ...]
) -> None:
    """The map of the filtered ranking, zoomed to the chosen provinces, its legend and sources under it."""
    if state.boundary("regency") is not None:
        _interactive(ranking, points, lang, focus, provinces)
        return
    width, height = maps.national_width(), maps.map_height("regency")
    svg = _svg(str(state.data_dir()), ranking, focus, provinces, width, height, lang, url_links.url_query())
    if not svg:
        return
    show_svg(svg, "rank_map", width)
    st.caption(t("ranking.map_hint_phone" if maps.on_phone() else "ranking.map_hint", lang))
    map_legend.band_legend(lang)
    map_legend.attribution(lang, False, maps.illustrative(ranking["source"]))


def _interactive(
    ranking: pd.DataFrame, points: pd.DataFrame, lang: str, focus: str, provinces: tuple[str, ...]
) -> None:
    from kim_dash.ui import frame

    def focus_from_map() -> None:
        frame.focus_on(maps.selected_code(st.session_state["rank_map"], "regency"))

    deck = maps.regency_deck(ranking, points, lang, focus, maps.boundary_token("regency"), provinces)
    if deck is not None:
        st.pydeck_chart(deck, height=maps.map_height("regency"), on_select=focus_from_map, key="rank_map")
        map_legend.band_legend(lang)
        map_legend.attribution(lang, maps.features("regency")[1])
