"""Kelola Data, for a signed-in officer of the kabupaten/kota: record a KIM formed or ended.

Each records a new dated registry snapshot (kim_dash.officers.registry_changes); nothing is edited in place.
"""

from __future__ import annotations

import streamlit as st

from kim_dash.i18n import t
from kim_dash.officers.registry_changes import Formed, base_registry, record_ended, record_formed
from kim_dash.sources.problems import DatasetError
from kim_dash.store.imports import ImportResult
from kim_dash.ui import officer_flow, signin, widgets
from kim_dash.ui.page import Context


def available(ctx: Context) -> bool:
    """The officer may store for this kabupaten/kota, and page imports are enabled."""
    from kim_dash.officers.roles import may_store

    return may_store(signin.roles(), signin.claims(), "registry", ctx.regency) and signin.writer() is not None


def _done(result: ImportResult, lang: str) -> None:
    key = "officer.already" if result.already else "officer.stored"
    st.session_state[officer_flow.DONE_CHANGE] = t(
        key,
        lang,
        label=widgets.plain(result.snapshot.label),
        rows=result.snapshot.rows,
        kim=result.snapshot.total_kim,
    )
    st.rerun()


def forms(ctx: Context) -> None:
    lang, dataset, regency = ctx.lang, ctx.dataset, ctx.regency
    officer_flow.stored_message(lang, officer_flow.DONE_CHANGE)
    base = base_registry(dataset, regency)
    if base is None:
        st.info(t("change.no_registry", lang), icon=":material/info:")
        return
    st.caption(t("change.base", lang, label=widgets.plain(base.label)))
    geography = dataset.geography
    kecamatan = geography.names("kecamatan", regency)
    desa = geography.names("desa", regency)
    writer = signin.writer()
    assert writer is not None
    with st.form("kim_formed"):
        st.markdown(f"**{t('change.formed', lang)}**")
        name = st.text_input(t("change.name", lang), max_chars=120, key="formed_name")
        desa_code = st.selectbox(
            t("change.desa", lang),
            sorted(desa),
            format_func=lambda c: f"{desa[c]} · {kecamatan.get(c[:8], c[:8])}",
            key="formed_desa",
        )
        date = st.text_input(t("officer.date", lang), key="formed_date")
        sk = st.text_input(t("change.sk", lang), max_chars=120, key="formed_sk")
        source = st.text_input(t("change.source", lang), max_chars=300, key="formed_source")
        if st.form_submit_button(t("change.formed_save", lang), type="primary"):
            try:
                done = record_formed(
                    writer,
                    dataset,
                    regency,
                    Formed(name, desa_code or "", date.strip(), sk, source),
                    signin.roles(),
                    signin.claims(),
                )
            except DatasetError as err:
                widgets.validation_report(err.problems, lang, "officer.refused")
            else:
                _done(done, lang)
    rows = dataset.frames.store.rows(base)
    choices = dict(zip(rows["id"], rows["name"], strict=True))
    with st.form("kim_ended"):
        st.markdown(f"**{t('change.ended', lang)}**")
        kim_id = st.selectbox(
            t("change.kim", lang), list(choices), format_func=lambda i: f"{choices[i]} ({i})", key="ended_kim"
        )
        date = st.text_input(t("change.ended_date", lang), key="ended_date")
        source = st.text_input(t("change.source", lang), max_chars=300, key="ended_source")
        if st.form_submit_button(t("change.ended_save", lang)):
            try:
                done = record_ended(
                    writer,
                    dataset,
                    regency,
                    kim_id or "",
                    date.strip(),
                    source,
                    signin.roles(),
                    signin.claims(),
                )
            except DatasetError as err:
                widgets.validation_report(err.problems, lang, "officer.refused")
            else:
                _done(done, lang)
