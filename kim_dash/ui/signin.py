"""Sign-in with the organisation's identity provider (Streamlit's OpenID Connect), and who may store.

Reading never needs a sign-in. Without an `[auth]` section in `.streamlit/secrets.toml` nobody signs
in and the app is read-only for everyone. Storing from the page also needs a writer connection
(`[connections.kim_writer]` or `KIM_WRITER_DATABASE_URL`): the app's own connection stays read-only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import streamlit as st

from kim_dash.i18n import t
from kim_dash.officers.roles import (
    EVERYWHERE,
    Roles,
    RolesError,
    public_uploads,
    regencies_of,
    roles_from_config,
)
from kim_dash.store.database import Store, StoreUnavailable
from kim_dash.ui import cached, widgets

WRITER_ENV = "KIM_WRITER_DATABASE_URL"


def _secret(name: str) -> Any:
    try:
        return st.secrets.get(name)
    except FileNotFoundError:  # no secrets.toml at all
        return None


def _plain(value: Any) -> Any:
    return value.to_dict() if hasattr(value, "to_dict") else value


def auth_configured() -> bool:
    auth = _secret("auth")
    return isinstance(auth, Mapping) and "redirect_uri" in auth and "cookie_secret" in auth


def roles() -> Roles:
    """The configured officers; a broken `[officers]` section gives nobody (and is reported)."""
    try:
        return roles_from_config(_plain(_secret("officers")))
    except RolesError:
        return Roles()


def roles_problem() -> str:
    try:
        roles_from_config(_plain(_secret("officers")))
    except RolesError as err:
        return str(err)
    return ""


def claims() -> dict[str, Any]:
    """The signed-in person's ID token claims ({} when nobody is signed in or sign-in is off)."""
    if not auth_configured() or not st.user.is_logged_in:
        return {}
    return {**st.user.to_dict(), "is_logged_in": True}


def officer_scopes() -> frozenset[str]:
    return regencies_of(roles(), claims())


def writer_url() -> str:
    connections = _plain(_secret("connections")) or {}
    writer = connections.get("kim_writer", {}) if isinstance(connections, Mapping) else {}
    url = writer.get("url", "") if isinstance(writer, Mapping) else ""
    return str(url or os.environ.get(WRITER_ENV, ""))


@cached.writer
def _writer(url: str) -> Store:
    return Store.from_url(url, create=True)


def writer() -> Store | None:
    """The writer connection, where page imports are enabled (None elsewhere, or unreachable)."""
    url = writer_url()
    if not url or not auth_configured():
        return None
    try:
        return _writer(url)
    except StoreUnavailable:
        return None


def may_upload() -> bool:
    """Session-only previews: for everyone unless KIM_PUBLIC_UPLOADS is off; officers always."""
    return public_uploads() or bool(officer_scopes())


def panel(lang: str) -> None:
    """Who is signed in, as what, with the sign-in or sign-out button; or how to enable sign-in."""
    if not auth_configured():
        with st.expander(t("auth.off", lang), icon=":material/lock:"):
            st.markdown(t("auth.how_to_enable", lang))
        return
    problem = roles_problem()
    if problem:
        st.error(t("auth.roles_problem", lang, reason=widgets.plain(problem)), icon=":material/error:")
    if not st.user.is_logged_in:
        st.caption(t("auth.read_without", lang))
        if st.button(t("auth.sign_in", lang), key="auth_sign_in", icon=":material/login:"):
            st.login()
        return
    who = widgets.plain(claims().get("email") or claims().get("name") or "?")
    scopes = officer_scopes()
    if not scopes:
        role = t("auth.role.reader", lang)
    elif EVERYWHERE in scopes:
        role = t("auth.role.everywhere", lang)
    else:
        role = t("auth.role.regencies", lang, codes=", ".join(sorted(scopes)))
    st.caption(t("auth.signed_in", lang, who=who, role=role))
    if st.button(t("auth.sign_out", lang), key="auth_sign_out", icon=":material/logout:"):
        st.logout()
