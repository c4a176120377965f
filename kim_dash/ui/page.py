"""What every page needs first: the language and the dataset of this session."""

from __future__ import annotations

import streamlit as st

from kim_dash.data import Dataset
from kim_dash.i18n import DEFAULT_LANGUAGE
from kim_dash.ui import state


def context() -> tuple[str, Dataset]:
    lang = st.session_state.get("lang") or DEFAULT_LANGUAGE
    dataset, _ = state.dataset()
    if dataset is None:  # app.py shows the report; a page never renders half a dataset
        st.stop()
    return lang, dataset
