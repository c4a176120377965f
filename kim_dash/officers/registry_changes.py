"""Record a KIM formed or ended: the latest registry of a kabupaten/kota plus (or minus) one KIM,
stored as a new dated snapshot. Nothing is edited in place: earlier snapshots keep what they held.

The new registry goes through the same path as a file an officer uploads (`ingest`, then
`officer_import` -> `store_import`): the same checks, the same never-overwrite rule, the officer as
author. A KIM formed is real data: its row's source names its decree (SK) or the given source.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kim_dash.officers.page_import import officer_import, save_date
from kim_dash.officers.roles import Roles
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.provenance import published
from kim_dash.sources.specs import SPECS
from kim_dash.sources.upload import ingest
from kim_dash.store.database import Snapshot, Store
from kim_dash.store.dataset import Dataset
from kim_dash.store.imports import ImportResult

COLUMNS = [col.name for col in SPECS["registry"]]


@dataclass(frozen=True)
class Formed:
    name: str
    desa_code: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD: the snapshot's date; year_formed is its year
    sk: str = ""  # the decree's number, when there is one
    source_note: str = ""


def base_registry(dataset: Dataset, regency: str) -> Snapshot | None:
    """The latest stored registry of the regency, whatever date is being viewed."""
    found = [s for s in dataset.snapshots if s.kind == "registry" and s.regency_code == regency]
    return found[-1] if found else None


def _base(dataset: Dataset, regency: str, date: str, file: str) -> tuple[Snapshot, pd.DataFrame]:
    base = base_registry(dataset, regency)
    if base is None:
        raise DatasetError([Problem(file, None, None, regency, "change_needs_registry")])
    if not save_date(date):
        raise DatasetError([Problem(file, None, "as_of", date, "bad_date")])
    if date < base.as_of:
        raise DatasetError([Problem(file, None, "as_of", date, "change_before_latest", base.as_of)])
    return base, dataset.frames.store.rows(base)


def _new_id(ids: pd.Series) -> str:
    taken = set(ids)
    number = len(taken) + 1
    while f"KIM-{number:04d}" in taken:
        number += 1
    return f"KIM-{number:04d}"


def with_kim_formed(rows: pd.DataFrame, formed: Formed) -> pd.DataFrame:
    """The registry's rows (as text) and the new KIM last."""
    reference = f"SK {formed.sk.strip()}" if formed.sk.strip() else formed.source_note.strip()
    row = {
        "id": _new_id(rows["id"]),
        "name": formed.name.strip(),
        "kecamatan_code": formed.desa_code[:8],
        "desa_code": formed.desa_code,
        "year_formed": formed.date[:4],
        "status": "aktif",
        "fields": "",
        "source": published(reference) if reference else "",  # no reference: refused by validation
    }
    return pd.concat([rows[COLUMNS], pd.DataFrame([row])], ignore_index=True)


def without_kim(rows: pd.DataFrame, kim_id: str, file: str) -> pd.DataFrame:
    if kim_id not in set(rows["id"]):
        raise DatasetError([Problem(file, None, "id", kim_id, "change_unknown_kim")])
    return rows.loc[rows["id"] != kim_id, COLUMNS].reset_index(drop=True)


def _store(
    writer: Store,
    dataset: Dataset,
    regency: str,
    rows: pd.DataFrame,
    date: str,
    note: str,
    file: str,
    roles: Roles,
    claims: Mapping[str, Any],
) -> ImportResult:
    buffer = io.StringIO()
    rows.to_csv(buffer, index=False)
    raw = buffer.getvalue().encode()
    result = ingest(raw, file, dataset.geography, "registry", regency)
    return officer_import(writer, result, raw, date, note, dataset.geography, roles, claims)


def record_formed(
    writer: Store, dataset: Dataset, regency: str, formed: Formed, roles: Roles, claims: Mapping[str, Any]
) -> ImportResult:
    """A new registry snapshot dated `formed.date`: the latest one plus the KIM formed."""
    file = f"kim_formed_{regency}_{formed.date}.csv"
    if not formed.desa_code.startswith(regency + "."):
        raise DatasetError([Problem(file, None, "desa_code", formed.desa_code, "change_desa_elsewhere")])
    if not (formed.sk.strip() or formed.source_note.strip()):
        raise DatasetError([Problem(file, None, "source", "", "change_needs_source")])
    _, rows = _base(dataset, regency, formed.date, file)
    said = f"SK {formed.sk.strip()}" if formed.sk.strip() else ""
    note = "; ".join(p for p in (f"KIM formed: {formed.name.strip()}", said, formed.source_note.strip()) if p)
    return _store(
        writer, dataset, regency, with_kim_formed(rows, formed), formed.date, note, file, roles, claims
    )


def record_ended(
    writer: Store,
    dataset: Dataset,
    regency: str,
    kim_id: str,
    date: str,
    source_note: str,
    roles: Roles,
    claims: Mapping[str, Any],
) -> ImportResult:
    """A new registry snapshot dated `date`: the latest one without the KIM no longer active."""
    file = f"kim_ended_{regency}_{date}.csv"
    _, rows = _base(dataset, regency, date, file)
    name = rows.loc[rows["id"] == kim_id, "name"]
    gone = without_kim(rows, kim_id, file)
    note = "; ".join(p for p in (f"KIM ended: {name.iloc[0]} ({kim_id})", source_note.strip()) if p)
    return _store(writer, dataset, regency, gone, date, note, file, roles, claims)
