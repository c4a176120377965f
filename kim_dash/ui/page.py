"""What every page gets from app.py: the language, the dataset of this session, the chosen regency."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from kim_dash.store.dataset import Dataset

CONTEXT = "_page_context"


@dataclass(frozen=True)
class Context:
    lang: str
    dataset: Dataset
    regency: str  # the chosen kabupaten/kota code (?wilayah=)


def set_context(context: Context) -> None:
    st.session_state[CONTEXT] = context


def context() -> Context:
    found = st.session_state.get(CONTEXT)
    if found is None:  # app.py shows the data report and stops; a page never renders half a dataset
        st.stop()
    return found
