"""Every Streamlit cache of the app, in one place: what is kept, how many, and by which key.

The other ui modules decorate their functions with the policies below (or call the cached reads
here); no other module calls `st.cache_*` (tests/test_layering.py). Everything is a resource:
made once, shared by every session of the process, never changed afterwards. A table is keyed by
`frame_key` (its content, computed once per frame object), an uploaded boundary file by its token,
an upload by the digest of its bytes.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from kim_dash.boundaries.join import BoundaryJoin
from kim_dash.sources import upload
from kim_dash.sources.geography import Geography
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.readers import sheet_names

_FRAME_KEYS: dict[int, tuple[weakref.ref, tuple]] = {}


def frame_key(frame: pd.DataFrame) -> tuple:
    """A cache key for a table a figure or a display is made from: its shape, columns and an
    order-sensitive digest of its rows. Computed once per frame object (derived tables live as long
    as their dataset and are never changed in place), because Streamlit's own hashing of a frame, or
    even this digest, costs milliseconds on every rerun."""
    known = _FRAME_KEYS.get(id(frame))
    if known is not None and known[0]() is frame:
        return known[1]
    rows = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    key = (
        frame.shape,
        tuple(map(str, frame.columns)),
        hashlib.blake2b(rows.tobytes(), digest_size=16).hexdigest(),
    )
    ident = id(frame)
    _FRAME_KEYS[ident] = (weakref.ref(frame, lambda _: _FRAME_KEYS.pop(ident, None)), key)
    return key


HashFuncs = dict[str | type[Any], Callable[[Any], Any]]
BY_FRAME: HashFuncs = {pd.DataFrame: frame_key}

# tables and figures, once per input table and language (ui/charts, charts_plan, table_view, downloads)
figure = st.cache_resource(show_spinner=False, max_entries=256, hash_funcs=BY_FRAME)
display = st.cache_resource(show_spinner=False, max_entries=256, hash_funcs=BY_FRAME)
csv = st.cache_resource(show_spinner=False, max_entries=128, hash_funcs=BY_FRAME)

# maps (ui/maps, map_partial, static_map): decks and pictures per table, language, choice and boundary file
deck = st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=BY_FRAME)
picture = st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=BY_FRAME)
map_height = st.cache_resource(show_spinner=False, max_entries=256)
shipped_regencies = st.cache_resource(show_spinner=False, max_entries=2)  # features, names: per data folder
shipped_kecamatan = st.cache_resource(show_spinner=False, max_entries=64)  # per data folder and regency
uploaded_boundary = st.cache_resource(
    show_spinner=False, max_entries=8, hash_funcs={BoundaryJoin: lambda join: join.token}
)

# the data (ui/state, signin): per data folder and its files' fingerprint, per store version and date
geography = st.cache_resource(show_spinner=False, max_entries=4)
store = st.cache_resource(show_spinner=False, max_entries=4)
dataset = st.cache_resource(show_spinner=False, max_entries=16)
writer = st.cache_resource(show_spinner=False, max_entries=2)


def digest(raw: bytes) -> str:
    """An upload's key: the digest of its bytes (Streamlit never hashes the bytes themselves)."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


_BY_GEOGRAPHY: HashFuncs = {Geography: id}  # one object per data folder and fingerprint (cached above)


@st.cache_resource(show_spinner=False, max_entries=8, hash_funcs=_BY_GEOGRAPHY)
def _ingested(
    content: str,
    file: str,
    _raw: bytes,
    geography: Geography,
    kind: str | None,
    regency: str,
    sheet: str | None,
    mapping: dict[str, str] | None,
) -> upload.Ingested:
    return upload.ingest(_raw, file, geography, kind, regency, sheet, mapping)


def ingested(
    raw: bytes,
    file: str,
    geography: Geography,
    kind: str | None,
    regency: str,
    sheet: str | None,
    mapping: dict[str, str] | None,
) -> upload.Ingested:
    """An upload read, mapped and validated once per (content, name, kind, regency, sheet, mapping):
    a rerun with the same upload does not read the file again. Never changed by its callers."""
    return _ingested(digest(raw), file, raw, geography, kind, regency, sheet, mapping)


@st.cache_resource(show_spinner=False, max_entries=8)
def _sheets(content: str, file: str, _raw: bytes) -> tuple[str, ...] | None:
    try:
        return tuple(sheet_names(_raw, file))
    except DatasetError:
        return None


def sheets(raw: bytes, file: str) -> list[str] | None:
    """A spreadsheet upload's worksheets, read once per content and name; None when refused."""
    found = _sheets(digest(raw), file, raw)
    return None if found is None else list(found)
