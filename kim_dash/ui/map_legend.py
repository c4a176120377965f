"""What stands under a map: a legend of its colours, whether its figures are illustrative, and whose
boundaries it draws."""

from __future__ import annotations

import html

import streamlit as st

from kim_dash.boundaries import shipped as boundaries
from kim_dash.i18n import t
from kim_dash.outputs.map_views import key_text
from kim_dash.outputs.palette import BAND_HEX, NO_DATA_HEX, STATUS_HEX, STATUS_ORDER
from kim_dash.ui.maps import EMPTY_KEY, ILLUSTRATIVE
from kim_dash.ui.widgets import plain


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


def attribution(lang: str, uploaded: bool, shown: str | None = None) -> None:
    """Under a map: whether its figures are illustrative (`shown`: 'all', 'some' or ''; by default what
    the deck just drawn recorded), and whose boundaries it draws."""
    shown = st.session_state.pop(ILLUSTRATIVE, "") if shown is None else shown
    if shown:
        st.caption(t(f"map.illustrative_{shown}", lang))
    key = "map.attribution_upload" if uploaded else "map.attribution"
    st.caption(t(key, lang, source=boundaries.ATTRIBUTION))


def empty_key(lang: str, words: str = "map.empty_key") -> None:
    """Under a kecamatan map: the kecamatan without a KIM lettered on it (their names did not fit)."""
    key = st.session_state.pop(EMPTY_KEY, [])
    if key:
        st.markdown(t(words, lang, names=plain(key_text(key))))
