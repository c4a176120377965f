"""Kelola Data, for a signed-in data officer: store a validated upload as dated data.

The same writer as `python -m kim_dash import` (kim_dash.officers.page_import -> kim_dash.store.imports), with
the same checks and refusal texts; the officer's e-mail is the snapshot's author.
"""

from __future__ import annotations

import streamlit as st

from kim_dash.i18n import fmt_as_of, fmt_int, t
from kim_dash.officers.page_import import officer_import, save_date
from kim_dash.officers.roles import may_store
from kim_dash.sources.geography import Geography
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.upload import Ingested
from kim_dash.ui import signin, widgets

DONE = "officer_saved"  # the last stored snapshot's message, shown once after the rerun
DONE_CHANGE = "officer_saved_change"  # the same, for the registry change forms (another tab)


def stored_message(lang: str, key: str = DONE) -> None:
    message = st.session_state.pop(key, None)
    if message:
        st.success(message, icon=":material/cloud_done:")


def can_save(result: Ingested) -> bool:
    """Shows the save control: a signed-in officer of this area, where page imports are enabled."""
    scope = "" if result.kind == "national" else result.regency
    return may_store(signin.roles(), signin.claims(), result.kind, scope) and signin.writer() is not None


def explain(result: Ingested, lang: str) -> None:
    """Why a signed-in person sees no save control (an anonymous visitor sees nothing of this)."""
    if not signin.claims():
        return
    scope = "" if result.kind == "national" else result.regency
    if not may_store(signin.roles(), signin.claims(), result.kind, scope):
        st.caption(t("officer.not_for_this", lang))
    elif signin.writer() is None:
        st.caption(t("officer.no_writer", lang))


def save_form(result: Ingested, raw: bytes, geography: Geography, lang: str) -> None:
    if not can_save(result):
        explain(result, lang)
        return
    st.markdown(f"**{t('officer.title', lang)}**")
    left, right = st.columns([1, 2])
    typed = left.text_input(
        t("officer.date", lang), value=result.as_of, key="officer_date", help=t("officer.date_help", lang)
    )
    note = right.text_input(t("officer.note", lang), key="officer_note", max_chars=300)
    date = save_date(typed)
    label = t("officer.save", lang, date=fmt_as_of(date, lang)) if date else t("officer.save_no_date", lang)
    if not st.button(label, key="officer_save", type="primary", disabled=not date):
        return
    writer = signin.writer()
    assert writer is not None
    try:
        done = officer_import(
            writer, result, raw, date, note.strip(), geography, signin.roles(), signin.claims()
        )
    except DatasetError as err:  # the command line's refusal, word for word
        widgets.validation_report(err.problems, lang, "officer.refused")
        return
    key = "officer.already" if done.already else "officer.stored"
    st.session_state[DONE] = t(
        key,
        lang,
        label=widgets.plain(done.snapshot.label),
        rows=fmt_int(done.snapshot.rows, lang),
        kim=fmt_int(done.snapshot.total_kim, lang),
    )
    differs = [t("officer.differs", lang, code=c, here=a, there=b) for c, a, b in done.disagreements]
    st.session_state[DONE] = "  \n".join([st.session_state[DONE], *differs])  # shown after the rerun
    st.rerun()
