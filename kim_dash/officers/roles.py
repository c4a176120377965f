"""Who may store data from the page: data officers, from configuration, per kabupaten/kota.

Roles are configuration, never code: the `[officers]` section of `.streamlit/secrets.toml` lists
officers by e-mail and/or by a group claim of the identity provider's ID token, for every
kabupaten/kota or per kabupaten/kota:

    [officers]
    emails = ["data@diskominfo.bogorkab.go.id"]   # officers of every kabupaten/kota
    groups = ["kim-data-officers"]
    group_claim = "groups"                        # the ID token claim that lists groups

    [officers.regency."32.04"]
    emails = ["rekap@bandungkab.go.id"]           # imports for Kabupaten Bandung only
    groups = ["kim-officers-3204"]

Everyone else reads. An e-mail the provider says is not verified (`email_verified = false`) counts
for nothing. The national table needs an officer of every kabupaten/kota.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

EVERYWHERE = "*"
REGENCY_CODE = re.compile(r"\d{2}\.\d{2}")
FALSE_WORDS = ("0", "false", "no", "off", "tidak")


class RolesError(ValueError):
    """The `[officers]` configuration cannot be read: the app stays read-only and says why."""


@dataclass(frozen=True)
class Grant:
    emails: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Roles:
    grants: dict[str, Grant] = field(default_factory=dict)  # regency code or EVERYWHERE -> who
    group_claim: str = "groups"

    @property
    def any(self) -> bool:
        return any(g.emails or g.groups for g in self.grants.values())


def _texts(section: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
    value = section.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise RolesError(f"{where}.{key} must be a list of texts")
    return frozenset(v.strip().lower() if key == "emails" else v.strip() for v in value if v.strip())


def roles_from_config(section: Mapping[str, Any] | None) -> Roles:
    """The officers named in the configuration section (None or empty: nobody)."""
    if not section:
        return Roles()
    if not isinstance(section, Mapping):
        raise RolesError("[officers] must be a table")
    grants = {EVERYWHERE: Grant(_texts(section, "emails", "officers"), _texts(section, "groups", "officers"))}
    regencies = section.get("regency", {})
    if not isinstance(regencies, Mapping):
        raise RolesError("[officers.regency] must be a table of kabupaten/kota codes")
    for code, grant in regencies.items():
        where = f'officers.regency."{code}"'
        if not REGENCY_CODE.fullmatch(str(code)) or not isinstance(grant, Mapping):
            raise RolesError(f"{where}: a kabupaten/kota code such as 32.04 with emails and/or groups")
        grants[str(code)] = Grant(_texts(grant, "emails", where), _texts(grant, "groups", where))
    claim = section.get("group_claim", "groups")
    if not isinstance(claim, str) or not claim:
        raise RolesError("officers.group_claim must be a claim name")
    return Roles(grants, claim)


def _claim_groups(claims: Mapping[str, Any], claim: str) -> set[str]:
    value = claims.get(claim)
    if isinstance(value, str):
        return {value}
    if isinstance(value, list | tuple):
        return {v for v in value if isinstance(v, str)}
    return set()


def user_email(claims: Mapping[str, Any]) -> str:
    """The signed-in person's e-mail, lower case; "" when absent or not verified by the provider."""
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or claims.get("email_verified") is False:
        return ""
    return email.strip().lower()


def regencies_of(roles: Roles, claims: Mapping[str, Any]) -> frozenset[str]:
    """Where this person may store data: regency codes, or {EVERYWHERE}; empty for a reader."""
    if not claims.get("is_logged_in", False):
        return frozenset()
    email, groups = user_email(claims), _claim_groups(claims, roles.group_claim)
    return frozenset(
        scope for scope, g in roles.grants.items() if (email and email in g.emails) or (groups & g.groups)
    )


def may_store(roles: Roles, claims: Mapping[str, Any], kind: str, regency: str) -> bool:
    """May this person store a `kind` table for `regency` (the national table: officers of all)?"""
    scopes = regencies_of(roles, claims)
    if EVERYWHERE in scopes:
        return True
    return kind != "national" and regency in scopes


def public_uploads(environ: Mapping[str, str] = os.environ) -> bool:
    """KIM_PUBLIC_UPLOADS: may anyone try a file for their own session (default on; off in deploy/)."""
    return environ.get("KIM_PUBLIC_UPLOADS", "1").strip().lower() not in FALSE_WORDS
