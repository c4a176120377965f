"""A stored snapshot's rows, validated and typed once per (store, snapshot id): what a Dataset reads."""

from __future__ import annotations

import pandas as pd

from kim_dash.sources.geography import Geography
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.validate import validate_frame
from kim_dash.store.database import Snapshot, Store
from kim_dash.store.engine import visitor_label


class SnapshotFrames:
    """Validated, typed frames of stored snapshots, read once per (store, snapshot id)."""

    def __init__(self, store: Store, geography: Geography):
        self.store, self.geography = store, geography
        self._frames: dict[int, pd.DataFrame] = {}

    def __call__(self, snapshot: Snapshot) -> pd.DataFrame:
        if snapshot.id not in self._frames:
            text = self.store.rows(snapshot)
            refs = self.geography.refs(snapshot.regency_code or None)
            where = f"{visitor_label(self.store.engine.url, self.store.label)} {snapshot.label}"
            typed, problems = validate_frame(snapshot.kind, text, refs, where, first_row=1)
            if problems:
                raise DatasetError(problems)
            self._frames[snapshot.id] = typed
        return self._frames[snapshot.id]
