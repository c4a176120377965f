"""Tabs whose content runs only when shown: the part of a page below its answer (long tables, more
charts) costs nothing until asked for, so the first view draws the answer and the map alone. The open
tab is kept in the URL as a language-neutral code (?bagian=tabel), so a link opens the same part."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from kim_dash.ui import state


def sections(key: str, labels: dict[str, str]) -> tuple[str, DeltaGenerator]:
    """Tabs labelled `labels` (code -> label, the first is the default): the open tab's code and the tab
    to write its content into (with `with`); the other tabs stay empty until opened."""
    codes = list(labels)
    chosen = state.url_value(key, codes, codes[0])
    tab_key = f"{key}_tab"
    st.session_state[tab_key] = labels[chosen]  # the label in this run's language
    by_label = {label: code for code, label in labels.items()}

    def switched() -> None:
        st.session_state[key] = by_label.get(st.session_state[tab_key], codes[0])

    tabs = st.tabs(list(labels.values()), key=tab_key, on_change=switched)
    opened = [(code, tab) for code, tab in zip(codes, tabs, strict=True) if tab.open]
    return opened[0] if opened else (chosen, tabs[codes.index(chosen)])
