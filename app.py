"""KIM Dashboard entry point: page config, sidebar (language, data note), navigation."""

import streamlit as st

from kim_dash.i18n import t
from kim_dash.ui import state, widgets

st.set_page_config(page_title="KIM Dashboard · Kabupaten Bogor", page_icon="📡", layout="wide")

lang = state.language()
dataset, problems = state.dataset()

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

with st.sidebar:
    st.caption(t("sidebar.vintage", lang))
    if dataset is not None and not dataset.is_sample:
        files = ", ".join(widgets.plain(name) for _, name in state.uploads().values())
        st.warning(t("banner.upload", lang, files=files), icon="📤")
        st.button(t("banner.back_to_sample", lang), on_click=state.back_to_sample, key="sidebar_back")

if dataset is None:
    st.title(t("app.title", lang))
    widgets.validation_report(problems, lang)
    st.markdown(t("report.how_to_fix", lang, folder=str(state.data_dir())))
    st.stop()

st.navigation(pages).run()
