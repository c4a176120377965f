"""Session state: the language, the dataset (sample or this session's upload), boundary files."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from kim_dash.data import DEFAULT_DATA_DIR, Dataset, load_dataset
from kim_dash.i18n import DEFAULT_LANGUAGE, LANGUAGES
from kim_dash.problems import DatasetError, Problem

UPLOADS = "uploads"  # session_state key: {kind: (frame, file name)}
BOUNDARIES = "boundaries"  # session_state key: {level: BoundaryJoin}
COMPOSED = "composed_dataset"  # session_state key: ((sample id, uploads id), Dataset with uploads applied)
LANG_LABELS = {"id": "ID", "en": "EN"}


def data_dir() -> Path:
    return Path(os.environ.get("KIM_DATA_DIR", DEFAULT_DATA_DIR))


def _fingerprint(folder: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*.csv")))


@st.cache_resource(show_spinner=False)
def _load(folder: str, fingerprint: tuple) -> tuple[Dataset | None, list[Problem]]:
    """Once per process (and again only when a file changes); frames are shared read-only."""
    try:
        return load_dataset(folder), []
    except DatasetError as err:
        return None, err.problems


def language() -> str:
    """The sidebar language switch, bound to ?lang= so a shared link keeps the language."""
    choice = st.sidebar.segmented_control(
        "Bahasa / Language",
        list(LANGUAGES),
        default=DEFAULT_LANGUAGE,
        format_func=LANG_LABELS.get,
        key="lang",
        bind="query-params",
        required=True,
    )
    return choice or DEFAULT_LANGUAGE


def dataset() -> tuple[Dataset | None, list[Problem]]:
    folder = data_dir()
    base, problems = _load(str(folder), _fingerprint(folder) if folder.is_dir() else ())
    if base is None:
        return None, problems
    uploaded = st.session_state.get(UPLOADS, {})
    if not uploaded:
        return base, []
    # compose once per (sample, uploads) and keep it: a new Dataset each rerun would drop its memo
    # of derived tables, redoing every computation for exactly the sessions that use real data
    key = (id(base), id(uploaded))
    cached = st.session_state.get(COMPOSED)
    if cached is None or cached[0] != key:
        composed = base
        for kind, (frame, name) in uploaded.items():
            composed = composed.with_frame(kind, frame, f"upload:{name}")
        cached = (key, composed)
        st.session_state[COMPOSED] = cached
    return cached[1], []


def use_upload(kind: str, frame, file_name: str) -> None:
    uploads = dict(st.session_state.get(UPLOADS, {}))
    uploads[kind] = (frame, file_name)
    st.session_state[UPLOADS] = uploads


def back_to_sample() -> None:
    st.session_state[UPLOADS] = {}


def uploads() -> dict:
    return st.session_state.get(UPLOADS, {})


def boundary(level: str):
    return st.session_state.get(BOUNDARIES, {}).get(level)


def set_boundary(level: str, join) -> None:
    current = dict(st.session_state.get(BOUNDARIES, {}))
    current[level] = join
    st.session_state[BOUNDARIES] = current
