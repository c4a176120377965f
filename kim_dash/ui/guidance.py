"""What a page says for a kabupaten/kota without data: plainly, with the template and the command."""

from __future__ import annotations

from functools import partial

import streamlit as st

from kim_dash.i18n import t
from kim_dash.model.regency import RegencyData
from kim_dash.outputs import writers as export
from kim_dash.sources.upload import template
from kim_dash.ui import widgets


def no_data(regency: RegencyData, lang: str, dataset=None) -> None:
    st.info(t("guidance.no_data", lang, name=widgets.plain(regency.name)), icon=":material/info:")
    st.markdown(t("guidance.steps", lang))
    admin_command(import_command("counts", regency.code), lang)
    left, right = st.columns(2)
    for column, kind in ((left, "counts"), (right, "registry")):
        example = template(kind, regency.code)
        column.download_button(
            t(f"guidance.template.{kind}", lang),
            partial(export.to_xlsx_bytes, example),
            f"templat_{kind}_{regency.code}.xlsx",
            mime="application/octet-stream",
            on_click="ignore",
            key=f"tpl_{kind}_{regency.code}",
            icon=":material/table:",
        )
    st.page_link("pages/data.py", label=t("guidance.preview_link", lang), icon=":material/upload_file:")


def admin_command(command: str, lang: str) -> None:
    """A shell command for whoever runs the server, folded away from officials who never need it."""
    with st.expander(t("guidance.admin", lang), icon=":material/terminal:"):
        st.code(command, language="bash")


def import_command(kind: str, regency: str, file_name: str = "FILE.xlsx") -> str:
    """The command that makes an upload last (the page itself never writes the store)."""
    scope = "" if kind == "national" else f" --regency {regency}"
    return f"kim-dash import {kind} {file_name}{scope} --as-of YYYY-MM-DD"
