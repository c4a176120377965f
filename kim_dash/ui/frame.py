"""The frame around every page: language switch, regency and data date choices, preview banner."""

from __future__ import annotations

import streamlit as st

from kim_dash.i18n import DEFAULT_LANGUAGE, LANGUAGES, fmt_as_of, t
from kim_dash.sources.upload import DEFAULT_REGENCY
from kim_dash.store.dataset import Dataset
from kim_dash.ui import state, widgets

LANG_LABELS = {"id": "ID", "en": "EN"}
# choices whose labels change with the language (or name the regency): Streamlit remembers a choice by
# its label, so after a switch the old label matches no option and the choice was lost (or showed none)
LABELLED_CHOICES = ("per", "data_kind", "boundary_level", "bobot", "mode")


def keep_labelled_choices() -> None:
    """Before the rerun that relabels them, set each such choice again by its value (a code): Streamlit
    then shows it under its new label."""
    for key in LABELLED_CHOICES:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def language() -> str:
    """The language switch, on the page itself (reachable on a phone without opening the sidebar)."""
    _, right = st.columns([5, 1], vertical_alignment="center")
    choice = right.segmented_control(
        "Bahasa / Language",
        list(LANGUAGES),
        default=DEFAULT_LANGUAGE,
        format_func=lambda code: LANG_LABELS[code],
        key="lang",
        on_change=keep_labelled_choices,
        bind="query-params",
        required=True,
        label_visibility="collapsed",
    )
    return choice or DEFAULT_LANGUAGE


def data_date_choice(dates: list[str], lang: str) -> str:
    """'Lihat data per': the latest data, or any earlier snapshot date (?per=2016-12-20)."""
    state.url_value("per", ["", *dates], "")
    chosen = st.sidebar.selectbox(
        t("frame.as_of", lang),
        ["", *dates],
        key="per",
        format_func=lambda d: t("frame.latest", lang) if not d else fmt_as_of(d, lang),
    )
    chosen = chosen or ""
    state.write_url_value("per", chosen, "")
    return chosen


def regency_choice(dataset: Dataset, lang: str) -> str:
    """The kabupaten/kota whose kecamatan the pages show (?wilayah=32.04); regencies with data first."""
    names = dataset.geography.names("regency")
    with_data = [c for c in dataset.regencies_with_data() if c in names]
    codes = with_data + sorted(c for c in names if c not in set(with_data))
    state.url_value("wilayah", codes, DEFAULT_REGENCY)
    chosen = st.sidebar.selectbox(
        t("frame.regency", lang),
        codes,
        format_func=lambda code: names[code],
        key="wilayah",
        on_change=keep_labelled_choices,
        help=t("frame.regency_help", lang),
    )
    chosen = chosen or DEFAULT_REGENCY
    state.write_url_value("wilayah", chosen, DEFAULT_REGENCY)
    return chosen


def preview_banner(lang: str) -> None:
    """The session's upload preview, named; or, once, the news that a preview this page had is gone.

    While a preview is shown the URL carries `pratinjau=1`. A session that arrives with the flag and no
    preview lost it: its server (a replica) was restarted or the session expired, and uploads live only
    in their session. Saying so once beats silently showing other data.
    """
    previews = state.previews()
    if not previews and st.query_params.get(state.PREVIEW_FLAG) == "1":
        st.query_params.pop(state.PREVIEW_FLAG, None)
        st.warning(t("banner.preview_lost", lang), icon=":material/sync_problem:")
    elif previews:
        st.query_params[state.PREVIEW_FLAG] = "1"
        files = ", ".join(widgets.plain(name) for _, name, _ in previews.values())
        st.sidebar.warning(t("banner.preview", lang, files=files), icon=":material/visibility:")
        st.sidebar.button(t("banner.back", lang), on_click=state.clear_previews, key="sidebar_back")


def focus_on(code: str | None) -> None:
    """Make a regency the chosen one (a click on the national chart or map); runs as a callback."""
    if code and code != st.session_state.get("wilayah"):
        st.session_state["wilayah"] = code
