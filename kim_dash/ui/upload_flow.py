"""Kelola Data's two upload flows: a table (registry, counts, national) and a boundary file.

An upload is a preview for this session only: nothing is written to the data folder or the store.
The page says which command makes it last.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kim_dash.boundaries import join as geo
from kim_dash.i18n import fmt_int, t
from kim_dash.outputs.writers import to_csv_bytes
from kim_dash.sources.kinds import BOUNDARY_LEVELS, INPUT_KINDS
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.readers import UPLOAD_MB
from kim_dash.sources.upload import Ingested
from kim_dash.ui import cached, officer_flow, signin, state, widgets
from kim_dash.ui.guidance import admin_command, import_command
from kim_dash.ui.page import Context

MAX_MB = UPLOAD_MB
SPREADSHEETS = (".xlsx", ".xls", ".ods")


def _sheet(raw: bytes, name: str, lang: str, key: str) -> str | None:
    if not name.lower().endswith(SPREADSHEETS):
        return None
    sheets = cached.sheets(raw, name)
    if sheets is None:
        return None  # ingest() reports the exact problem
    if len(sheets) > 1:
        return st.selectbox(t("data.sheet", lang), sheets, key=key, format_func=str)
    return None


def _mapping_form(result: Ingested, lang: str) -> None:
    missing = [p.value for p in result.problems if p.reason == "missing_column"]
    if not (missing and result.header):
        return
    with st.form("mapping"):
        st.markdown(t("data.mapping", lang))
        chosen = {
            col: st.selectbox(widgets.plain(col), ["–", *result.header], key=f"map_{col}") for col in missing
        }
        if st.form_submit_button(t("data.mapping_apply", lang)):
            st.session_state["data_mapping"] = {
                v: k for k, v in chosen.items() if v != "–"
            } | st.session_state.get("data_mapping", {})
            st.rerun()


def _report(result: Ingested, name: str, ctx: Context) -> None:
    lang = ctx.lang
    bad_rows = len({p.row for p in result.problems if p.row is not None})
    st.metric(t("data.invalid_rows", lang), fmt_int(bad_rows, lang), border=True)
    widgets.validation_report(result.problems, lang, "data.report_title")
    if result.valid_rows is not None and len(result.valid_rows):
        st.caption(t("data.valid_rows", lang, n=fmt_int(len(result.valid_rows), lang)))
        if st.button(t("data.use_valid", lang), key="use_valid"):
            state.use_preview(result.kind, result.regency, result.valid_rows, name, result.as_of)
            st.rerun()
    rejected = result.rejected_rows
    if rejected is not None and len(rejected):
        st.download_button(  # made when clicked: thousands of rejected rows cost a second a rerun
            t("data.rejected_download", lang),
            lambda: to_csv_bytes(rejected),
            "kim_baris_ditolak.csv",
            mime="text/csv",
            on_click="ignore",
            key="rejected",
        )


def uploads_off(lang: str) -> bool:
    """KIM_PUBLIC_UPLOADS off and nobody signed in as an officer: no uploads here, says so."""
    if signin.may_upload():
        return False
    st.info(t("auth.uploads_off", lang), icon=":material/lock:")
    return True


def table_upload(ctx: Context) -> None:
    lang = ctx.lang
    officer_flow.stored_message(lang)
    if uploads_off(lang):
        return
    kind_choice = st.radio(
        t("data.kind", lang),
        ["auto", *INPUT_KINDS],
        horizontal=True,
        key="data_kind",
        format_func=lambda k: t(f"data.kind.{k}", lang, name=ctx.dataset.geography.regency_name(ctx.regency)),
    )
    upload = st.file_uploader(
        t("data.file", lang),
        type=["csv", "txt", "xlsx", "xls", "ods"],
        key="data_file",
        help=t("data.file_help", lang, mb=MAX_MB),
        max_upload_size=MAX_MB,
    )
    if upload is None:
        return
    raw, name = upload.getvalue(), upload.name
    sheet = _sheet(raw, name, lang, "data_sheet")
    kind = None if kind_choice == "auto" else kind_choice
    result = cached.ingested(
        raw, name, ctx.dataset.geography, kind, ctx.regency, sheet, st.session_state.get("data_mapping")
    )
    st.markdown(
        t(
            "data.detected",
            lang,
            kind=t(f"data.kind.{result.kind}", lang, name=ctx.dataset.geography.regency_name(ctx.regency)),
            count=result.rows,
            rows=fmt_int(result.rows, lang),
        )
    )
    if result.mapped:
        st.caption(
            t("data.mapped", lang, pairs=widgets.plain(", ".join(f"{a} → {b}" for a, b in result.mapped)))
        )
    if result.ignored:
        st.caption(t("data.ignored", lang, names=widgets.plain(", ".join(result.ignored))))
    _mapping_form(result, lang)
    if result.problems:
        _report(result, name, ctx)
    else:
        st.success(
            t("data.valid", lang, count=result.rows, rows=fmt_int(result.rows, lang)),
            icon=":material/check_circle:",
        )
        clicked = st.button(t("data.use", lang), key="use_upload", type="primary")
        if clicked:
            state.use_preview(result.kind, result.regency, result.frame, name, result.as_of)
            st.rerun()
        officer_flow.save_form(result, raw, ctx.dataset.geography, lang)
        st.caption(t("data.make_it_last", lang))
        admin_command(import_command(result.kind, result.regency, name), lang)
    if result.preview is not None:
        st.caption(t("data.preview", lang))
        st.dataframe(result.preview.astype(str), hide_index=True, width="stretch")


def boundary_upload(ctx: Context) -> None:
    lang = ctx.lang
    if uploads_off(lang):
        return
    level = st.radio(
        t("data.boundary_level", lang),
        list(BOUNDARY_LEVELS),
        horizontal=True,
        key="boundary_level",
        format_func=lambda v: t(f"data.level.{v}", lang),
    )
    in_use = state.boundary(level)
    if in_use is not None:
        st.info(t("data.boundary_in_use", lang), icon=":material/map:")
        st.button(
            t("data.boundary_remove", lang),
            key="boundary_remove",
            on_click=state.set_boundary,
            args=(level, None),
        )
    upload = st.file_uploader(
        t("data.boundary_file", lang),
        type=["geojson", "json", "zip", "gpkg"],
        key="boundary_file",
        max_upload_size=MAX_MB,
    )
    if upload is None:
        return
    raw, name = upload.getvalue(), upload.name
    reference = (
        ctx.dataset.geography.kecamatan_in(ctx.regency)
        if level == "kecamatan"
        else ctx.dataset.geography.regencies
    )
    try:
        layers = geo.layers(raw, name)
        layer = (
            st.selectbox(t("data.layer", lang), layers, key="boundary_layer", format_func=str)
            if len(layers) > 1
            else None
        )
        frame, crs = geo.read_boundaries(raw, name, layer=layer)
        join = geo.join_boundaries(frame, reference, level, crs)
    except DatasetError as err:
        widgets.validation_report(err.problems, lang, "data.report_title")
        return
    st.caption(t("data.crs", lang, crs=widgets.plain(join.crs[:120])))  # a CRS name is user data: escaped
    c = st.columns(3)
    widgets.kpi(c[0], t("data.features", lang), fmt_int(join.features, lang), lang)
    widgets.kpi(c[1], t("data.matched", lang), fmt_int(len(join.frame), lang), lang)
    widgets.kpi(c[2], t("data.unmatched", lang), fmt_int(len(join.unmatched), lang), lang)
    st.caption(t(f"data.joined_by.{join.joined_by}", lang))
    if join.unmatched:
        st.dataframe(
            pd.DataFrame({t("data.unmatched", lang): [str(u) for u in join.unmatched]}), hide_index=True
        )
    if st.button(t("data.use_boundary", lang), key="use_boundary"):
        state.set_boundary(level, join)
        st.success(t("data.boundary_used", lang))
