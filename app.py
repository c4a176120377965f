"""KIM Dashboard entry point: the frame (language, regency, data date), the data, the navigation."""

import streamlit as st

from kim_dash.i18n import t
from kim_dash.ui import frame, state, widgets
from kim_dash.ui.page import Context, set_context

st.set_page_config(page_title="Dasbor KIM", page_icon=":material/campaign:", layout="wide")

lang = frame.language()
# File names differ from the URL paths on purpose: with a pages/ folder, Streamlit's first run in a
# process resolves the URL against pages/*.py (multipage v1) before st.navigation takes over.
PAGES = [
    ("pages/home.py", "nav.home", ":material/home:", "ringkasan"),
    ("pages/ranking.py", "nav.ranking", ":material/leaderboard:", "peringkat"),
    ("pages/by_kecamatan.py", "nav.kecamatan", ":material/map:", "kecamatan"),
    ("pages/planner.py", "nav.planner", ":material/target:", "rencana"),
    ("pages/manage_data.py", "nav.data", ":material/upload_file:", "data"),
]
pages = [
    st.Page(path, title=t(title, lang), icon=icon, url_path=slug, default=(slug == "ringkasan"))
    for path, title, icon, slug in PAGES
]


def stop_with_report(loaded: state.Loaded) -> None:
    """The data cannot be shown: say why (a report, never a traceback) and how to fix it."""
    st.title(t("app.title", lang))
    if loaded.unavailable:
        st.error(
            t("report.store_unavailable", lang, reason=widgets.plain(loaded.unavailable)),
            icon=":material/cloud_off:",
        )
    else:
        widgets.validation_report(loaded.problems, lang)
        st.markdown(t("report.how_to_fix", lang, folder=widgets.plain(state.data_dir())))
    st.stop()


latest = state.load()
if latest.dataset is None:
    stop_with_report(latest)
as_of = frame.data_date_choice(latest.dataset.dates(), lang)
loaded = state.load(as_of) if as_of else latest
if loaded.dataset is None:
    stop_with_report(loaded)
regency = frame.regency_choice(loaded.dataset, lang)
frame.preview_banner(lang)
set_context(Context(lang, loaded.dataset, regency))
st.navigation(pages).run()
