"""The stored snapshots as a table for the Kelola Data page: what, for when, who stored it and when."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from kim_dash.i18n import t
from kim_dash.store.database import Snapshot

COLUMNS = ["snapshot", "as_of", "kind", "regency_code", "rows", "total_kim", "note", "author", "stored_at"]


def author_text(snapshot: Snapshot, lang: str) -> str:
    """The officer's e-mail or "command line (user)"; the sample and an older store say so in words."""
    if snapshot.sample:
        return t("data.author.sample", lang)
    return snapshot.author or t("data.author.unknown", lang)


def snapshot_list(snapshots: Iterable[Snapshot], lang: str) -> pd.DataFrame:
    rows = [
        {
            "snapshot": s.id,
            "as_of": s.as_of,
            "kind": s.kind,
            "regency_code": s.regency_code,
            "rows": s.rows,
            "total_kim": s.total_kim,
            "note": s.note,
            "author": author_text(s, lang),
            "stored_at": s.stored_at.replace("T", " ").replace("Z", " UTC") if s.stored_at else "",
        }
        for s in snapshots
    ]
    return pd.DataFrame(rows, columns=COLUMNS)
