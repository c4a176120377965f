"""Kelola Data: bring your own registry, national counts or boundaries — validated, session only."""

import pandas as pd
import streamlit as st

from kim_dash import geo
from kim_dash.export import to_csv_bytes, to_xlsx_bytes
from kim_dash.i18n import fmt_int, t
from kim_dash.ingest import ALIASES, MAX_UPLOAD_BYTES, ingest, sheet_names, template
from kim_dash.problems import DatasetError
from kim_dash.ui import state, widgets
from kim_dash.ui.page import context

lang, dataset = context()
st.title(t("data.title", lang))
st.caption(t("data.lead", lang))

if not dataset.is_sample:
    st.warning(
        t("banner.upload", lang, files=", ".join(widgets.plain(n) for _, n in state.uploads().values())),
        icon="📤",
    )
    st.button(
        t("banner.back_to_sample", lang), on_click=state.back_to_sample, key="data_back", type="primary"
    )

tab_upload, tab_boundaries, tab_template = st.tabs(
    [t("data.tab.upload", lang), t("data.tab.boundaries", lang), t("data.tab.template", lang)]
)

with tab_upload:
    kind_choice = st.radio(
        t("data.kind", lang),
        ["auto", "registry", "national"],
        horizontal=True,
        key="data_kind",
        format_func=lambda k: t(f"data.kind.{k}", lang),
    )
    upload = st.file_uploader(
        t("data.file", lang),
        type=["csv", "txt", "xlsx"],
        key="data_file",
        help=t("data.file_help", lang, mb=MAX_UPLOAD_BYTES // (1024 * 1024)),
    )
    if upload is not None:
        raw = upload.getvalue()
        kind = None if kind_choice == "auto" else kind_choice
        mapping = st.session_state.get("data_mapping", {})
        sheet = None
        if upload.name.lower().endswith(".xlsx"):
            try:
                sheets = sheet_names(raw, upload.name)
            except Exception:  # noqa: BLE001 - ingest() below reports the exact problem
                sheets = []
            if len(sheets) > 1:
                sheet = st.selectbox(t("data.sheet", lang), sheets, key="data_sheet")
        result = ingest(raw, upload.name, dataset, kind=kind, sheet=sheet, mapping=mapping)
        st.markdown(
            t(
                "data.detected",
                lang,
                kind=t(f"data.kind.{result.kind}", lang),
                rows=fmt_int(result.rows, lang),
            )
        )
        for note in result.notes:
            st.caption(widgets.plain(note))
        missing = [p.value for p in result.problems if p.reason == "missing_column"]
        if missing and result.header:
            with st.form("mapping"):
                st.markdown(t("data.mapping", lang))
                chosen = {col: st.selectbox(col, ["–", *result.header], key=f"map_{col}") for col in missing}
                if st.form_submit_button(t("data.mapping_apply", lang)):
                    st.session_state["data_mapping"] = {v: k for k, v in chosen.items() if v != "–"} | mapping
                    st.rerun()
        if result.problems:
            bad_rows = len({p.row for p in result.problems if p.row is not None})
            st.metric(t("data.invalid_rows", lang), fmt_int(bad_rows, lang), border=True)
            widgets.validation_report(result.problems, lang, "data.report_title")
            if result.valid_rows is not None and len(result.valid_rows):
                st.caption(t("data.valid_rows", lang, n=fmt_int(len(result.valid_rows), lang)))
                if st.button(t("data.use_valid", lang), key="use_valid"):
                    state.use_upload(result.kind, result.valid_rows, upload.name)
                    st.rerun()
            if result.rejected_rows is not None and len(result.rejected_rows):
                st.download_button(
                    t("data.rejected_download", lang),
                    to_csv_bytes(result.rejected_rows),
                    "kim_baris_ditolak.csv",
                    mime="text/csv",
                    on_click="ignore",
                    key="rejected",
                )
        else:
            st.success(t("data.valid", lang, rows=fmt_int(result.rows, lang)), icon="✅")
            if st.button(t("data.use", lang), key="use_upload", type="primary"):
                state.use_upload(result.kind, result.frame, upload.name)
                st.rerun()
        if result.preview is not None:
            st.caption(t("data.preview", lang))
            st.dataframe(result.preview, hide_index=True, width="stretch")

with tab_boundaries:
    level = st.radio(
        t("data.boundary_level", lang),
        ["kecamatan", "regency"],
        horizontal=True,
        key="boundary_level",
        format_func=lambda v: t(f"data.level.{v}", lang),
    )
    boundary_file = st.file_uploader(
        t("data.boundary_file", lang), type=["geojson", "json", "zip", "gpkg"], key="boundary_file"
    )
    if boundary_file is not None:
        reference = dataset.kecamatan if level == "kecamatan" else dataset.regencies
        try:
            frame, crs = geo.read_boundaries(boundary_file.getvalue(), boundary_file.name)
            join = geo.join_boundaries(frame, reference, level, crs)
        except DatasetError as err:
            widgets.validation_report(err.problems, lang, "data.report_title")
        else:
            c = st.columns(4)
            widgets.kpi(c[0], "CRS", join.crs)
            widgets.kpi(c[1], t("data.features", lang), fmt_int(join.features, lang))
            widgets.kpi(c[2], t("data.matched", lang), fmt_int(len(join.frame), lang))
            widgets.kpi(c[3], t("data.unmatched", lang), fmt_int(len(join.unmatched), lang))
            st.caption(t("data.joined_by", lang, by=join.joined_by))
            if join.unmatched:
                st.dataframe(pd.DataFrame({t("data.unmatched", lang): join.unmatched}), hide_index=True)
            if st.button(t("data.use_boundary", lang), key="use_boundary"):
                state.set_boundary(level, join)
                st.success(t("data.boundary_used", lang))

with tab_template:
    for kind in ("registry", "national"):
        st.markdown(f"**{t(f'data.kind.{kind}', lang)}**")
        example = template(kind)
        st.dataframe(example, hide_index=True)
        st.caption(
            t("data.aliases", lang)
            + " "
            + "; ".join(
                f"{col} ← {', '.join(a for a in aliases if a != col)}"
                for col, aliases in ALIASES[kind].items()
            )
        )
        c1, c2 = st.columns(2)
        c1.download_button(
            t("download.csv", lang),
            to_csv_bytes(example),
            f"template_{kind}.csv",
            mime="text/csv",
            on_click="ignore",
            key=f"tpl_{kind}_csv",
        )
        c2.download_button(
            t("download.xlsx", lang),
            lambda example=example: to_xlsx_bytes(example),
            f"template_{kind}.xlsx",
            on_click="ignore",
            key=f"tpl_{kind}_xlsx",
        )
    st.download_button(
        t("data.dictionary", lang),
        (state.data_dir() / "README.md").read_bytes() if (state.data_dir() / "README.md").is_file() else b"",
        "kamus_data.md",
        mime="text/markdown",
        on_click="ignore",
        key="dictionary",
    )
widgets.provenance("provenance.data", lang)
