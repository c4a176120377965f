"""The whole app run: the frame (language, data, regency, data date), then the page the URL names.

app.py calls main(). Each file in pages/ starts with page_context(): when Streamlit's first run in a
new process resolves a deep link against the pages/ folder by itself (multipage v1: /kecamatan runs
pages/kecamatan.py directly), that call runs the whole app instead and stops, so the frame is always
there and no "Page not found" appears. Page files are named as their URL paths for the same reason.
"""

from __future__ import annotations

from contextlib import nullcontext
from contextvars import ContextVar
from pathlib import Path
from typing import NoReturn

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from kim_dash.i18n import t
from kim_dash.sources.readers import UPLOAD_MB
from kim_dash.store.waits import ANSWER_TIMEOUT
from kim_dash.ui import frame, state, widgets
from kim_dash.ui.page import Context, set_context
from kim_dash.ui.page_style import page_style

FAVICON = Path(__file__).parent / "assets" / "favicon.png"
MAX_UPLOAD_MB = UPLOAD_MB
_RUNNING: ContextVar[bool] = ContextVar("kim_dash_app_running", default=False)
# (file, title key, icon, URL path); the home page answers at "/" and, hidden, at "/ringkasan" too
PAGES = [
    ("pages/ringkasan.py", "nav.home", ":material/home:", "ringkasan"),
    ("pages/peringkat.py", "nav.ranking", ":material/leaderboard:", "peringkat"),
    ("pages/kecamatan.py", "nav.kecamatan", ":material/map:", "kecamatan"),
    ("pages/rencana.py", "nav.planner", ":material/target:", "rencana"),
    ("pages/data.py", "nav.data", ":material/upload_file:", "data"),
]


def _navigation(lang: str) -> list:
    home, *others = PAGES
    pages = [st.Page(home[0], title=t(home[1], lang), icon=home[2], url_path="beranda", default=True)]
    pages += [
        st.Page(path, title=t(title, lang), icon=icon, url_path=slug) for path, title, icon, slug in others
    ]
    pages.append(
        st.Page(home[0], title=t(home[1], lang), icon=home[2], url_path=home[3], visibility="hidden")
    )
    return pages


def _stop_with_report(loaded: state.Loaded, lang: str) -> NoReturn:
    """The data cannot be shown: say why (a report, never a traceback) and how to fix it."""
    st.title(t("app.title", lang))
    if loaded.unavailable:
        key = "report.store_timeout" if loaded.unavailable == "timeout" else "report.store_unavailable"
        st.error(t(key, lang, seconds=ANSWER_TIMEOUT), icon=":material/cloud_off:")
    else:
        widgets.validation_report(loaded.problems, lang)
        st.markdown(t("report.how_to_fix", lang, folder=widgets.plain(state.data_dir())))
    st.stop()
    raise AssertionError("st.stop() ends the run")


def main() -> None:
    # the icon ships with the app: a Material icon would be fetched from the internet (intranet: fails)
    st.set_page_config(page_title="Dasbor KIM", page_icon=str(FAVICON), layout="wide")
    # The frame's widgets keep one identity however this run began (app.py, or a page file that
    # Streamlit's first run resolved by itself): otherwise the language would reset on a deep link.
    run = get_script_run_ctx()
    with run.run_with_active_hash(run.pages_manager.main_script_hash) if run else nullcontext():
        lang = frame.language()
        latest = state.load()
        if latest.dataset is None:
            _stop_with_report(latest, lang)
        as_of = frame.data_date_choice(latest.dataset.dates(), lang)
        loaded = state.load(as_of) if as_of else latest
        if loaded.dataset is None:
            _stop_with_report(loaded, lang)
        regency = frame.regency_choice(loaded.dataset, lang)
        frame.preview_banner(lang)
        page_style(lang, MAX_UPLOAD_MB)
    set_context(Context(lang, loaded.dataset, regency))
    token = _RUNNING.set(True)
    try:
        st.navigation(_navigation(lang)).run()
    finally:
        _RUNNING.reset(token)


def page_context() -> Context:
    """The page's context; a page run on its own (a first deep link) runs the whole app and stops."""
    if not _RUNNING.get():
        main()
        st.stop()
    from kim_dash.ui.page import context

    return context()
