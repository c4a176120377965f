"""An officer stores a validated upload from the page, through the command line's own writer.

`store_import` (kim_dash.store.imports) is the one writer of `python -m kim_dash import` and of the page:
same checks, same never-overwrite rule, same refusal texts. The page adds only who may store what
(kim_dash.officers.roles) and names the officer as the snapshot's author.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kim_dash.officers.roles import Roles, may_store, user_email
from kim_dash.sources.geography import Geography
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.upload import Ingested
from kim_dash.store.database import Store
from kim_dash.store.imports import ImportResult, store_import


def officer_import(
    writer: Store,
    result: Ingested,
    raw: bytes,
    as_of: str,
    note: str,
    geography: Geography,
    roles: Roles,
    claims: Mapping[str, Any],
) -> ImportResult:
    """Store `result` as a snapshot authored by the signed-in officer, or raise DatasetError."""
    scope = "" if result.kind == "national" else result.regency
    if not may_store(roles, claims, result.kind, scope):
        reason = "not_an_officer_national" if result.kind == "national" else "not_an_officer_for"
        raise DatasetError([Problem(result.file, None, None, scope, reason)])
    writer.ensure_schema()
    return store_import(writer, result, raw, as_of, note, geography, author=user_email(claims))


def save_date(text: str) -> str:
    """The typed date if it is a real YYYY, YYYY-MM or YYYY-MM-DD date, else ""."""
    import datetime as dt
    import re

    from kim_dash.sources.specs import DATE_TEXT

    text = text.strip()
    if not re.fullmatch(DATE_TEXT, text):
        return ""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return ""
    return text
