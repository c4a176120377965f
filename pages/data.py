"""Kelola Data: preview your own registry, count table, national table or boundaries for this session;
the stored snapshots; templates and the data dictionary."""

from functools import partial

import streamlit as st

from kim_dash.i18n import t
from kim_dash.model.grain import regency_view
from kim_dash.outputs import writers as export
from kim_dash.outputs.cells import store_place
from kim_dash.outputs.grain_sentences import data_sentence
from kim_dash.outputs.page_words import template_view
from kim_dash.outputs.snapshot_list import snapshot_list
from kim_dash.store.database import Snapshot
from kim_dash.ui import registry_form, signin, state, upload_flow, widgets
from kim_dash.ui.app_main import page_context

ctx = page_context()
lang, dataset = ctx.lang, ctx.dataset
st.title(t("data.title", lang))
widgets.sentences([data_sentence(regency_view(dataset, ctx.regency), lang)], lang)  # the grain there is
st.caption(t("data.lead", lang))
signin.panel(lang)
if state.previews():
    st.button(t("banner.back", lang), on_click=state.clear_previews, key="data_back", type="primary")

changes = registry_form.available(ctx)  # a signed-in officer of this kabupaten/kota
tab_upload, tab_snapshots, tab_boundaries, tab_template, *tab_changes = st.tabs(
    [
        t("data.tab.upload", lang),
        t("data.tab.snapshots", lang),
        t("data.tab.boundaries", lang),
        t("data.tab.template", lang),
        *([t("data.tab.changes", lang)] if changes else []),
    ]
)
with tab_upload:
    upload_flow.table_upload(ctx)
with tab_snapshots:
    st.caption(t("data.snapshots_note", lang, store=store_place(dataset.store_label, lang)))
    widgets.table(snapshot_list(dataset.snapshots, lang), "snapshots", lang)
with tab_boundaries:
    upload_flow.boundary_upload(ctx)
with tab_template:
    for kind in ("registry", "counts", "national"):
        st.markdown(f"**{t(f'data.kind.{kind}', lang, name=dataset.geography.regency_name(ctx.regency))}**")
        example, aliases = template_view(kind, ctx.regency, dataset.geography, lang)
        st.dataframe(example, hide_index=True)
        st.caption(aliases)
        c1, c2 = st.columns(2)
        c1.download_button(
            t("download.xlsx", lang, table=t("data.template", lang)),
            partial(export.to_xlsx_bytes, example),
            f"templat_{kind}.xlsx",
            on_click="ignore",
            key=f"tpl_{kind}_xlsx",
        )
        c2.download_button(
            t("download.csv", lang, table=t("data.template", lang)),
            export.to_csv_bytes(example),
            f"templat_{kind}.csv",
            mime="text/csv",
            on_click="ignore",
            key=f"tpl_{kind}_csv",
        )
    readme = state.data_dir() / "README.md"
    st.download_button(
        t("data.dictionary", lang),
        readme.read_bytes() if readme.is_file() else b"",
        "kamus_data.md",
        mime="text/markdown",
        on_click="ignore",
        key="dictionary",
    )
for tab in tab_changes:
    with tab:
        registry_form.forms(ctx)
st.caption(t("data.privacy", lang))
_ = Snapshot
