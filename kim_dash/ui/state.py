"""Session state: the store and dataset in use, the session's upload previews, URL-bound choices.

The dataset is shared by every session of the process for one (store version, date); a session
with an upload preview gets its own copy, composed once and kept until the preview changes.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from kim_dash.sources.geography import Geography, load_geography
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.url_values import clamp, clamp_int
from kim_dash.store.database import Store, StoreUnavailable
from kim_dash.store.dataset import DEFAULT_DATA_DIR, Dataset, load_dataset
from kim_dash.store.seeding import default_store
from kim_dash.ui import cached

PREVIEWS = "previews"  # session_state: {(kind, regency): (frame, file name, as_of)}
COMPOSED = "composed_dataset"  # session_state: (key, Dataset with the previews applied)
BOUNDARIES = "boundaries"  # session_state: {level: BoundaryJoin}
LOG = logging.getLogger("kim_dash.store.database")
PREVIEW_FLAG = "pratinjau"  # in the URL while a preview is shown: its loss (a replica restart) is told


@dataclass(frozen=True)
class Loaded:
    dataset: Dataset | None
    problems: list[Problem]
    unavailable: str = ""  # the store cannot be reached: "timeout" or "unreachable" (details: server log)


def data_dir() -> Path:
    return Path(os.environ.get("KIM_DATA_DIR", DEFAULT_DATA_DIR))


def _fingerprint(folder: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*.csv")))


@cached.geography
def _geography(folder: str, fingerprint: tuple) -> Geography:
    return load_geography(folder)


@cached.store
def _folder_or_url_store(folder: str, fingerprint: tuple, url: str, _geography: Geography) -> Store:
    return Store.from_url(url) if url else default_store(Path(folder), _geography)


def _has_secret_connection() -> bool:
    try:
        return "kim" in st.secrets.get("connections", {})
    except FileNotFoundError:  # no secrets.toml at all
        return False


def open_store(folder: Path, fingerprint: tuple, geography: Geography) -> Store:
    """The store of this process: st.connection "kim" (secrets), else $KIM_DATABASE_URL, else data/'s own."""
    if _has_secret_connection():
        try:
            engine = st.connection("kim", type="sql").engine
        except Exception as err:  # any driver error: the report says why, no traceback
            raise StoreUnavailable(f"connections.kim: {type(err).__name__}") from err
        return Store(engine, engine.url.render_as_string(hide_password=True))
    return _folder_or_url_store(str(folder), fingerprint, os.environ.get("KIM_DATABASE_URL", ""), geography)


@cached.dataset
def _dataset(
    label: str, version: tuple, as_of: str, folder: str, _store: Store, _geography: Geography
) -> Dataset:
    """Once per store version and date: an import shows up on the next page run, in every replica."""
    return load_dataset(folder, _store, as_of, _geography)


def load(as_of: str = "") -> Loaded:
    folder = data_dir()
    fingerprint = _fingerprint(folder) if folder.is_dir() else ()
    try:
        geography = _geography(str(folder), fingerprint)
    except DatasetError as err:
        return Loaded(None, err.problems)
    try:
        store = open_store(folder, fingerprint, geography)
        base = _dataset(store.label, store.version(), as_of, str(folder), store, geography)
    except DatasetError as err:
        return Loaded(None, err.problems + _curated_problems(folder, geography))
    except StoreUnavailable as err:  # user, host, port and database go to the log, never to visitors
        LOG.warning("snapshot store unavailable: %s", err)
        return Loaded(None, [], "timeout" if err.timed_out else "unreachable")
    return Loaded(with_previews(base), [])


def _curated_problems(folder: Path, geography: Geography) -> list[Problem]:
    """The curated files' own problems, so one report lists everything wrong with the folder."""
    from kim_dash.store.dataset import load_curated

    try:
        load_curated(folder, geography)
    except DatasetError as err:
        return err.problems
    return []


def with_previews(base: Dataset) -> Dataset:
    previews = st.session_state.get(PREVIEWS, {})
    if not previews:
        return base
    key = (id(base), id(previews))
    cached = st.session_state.get(COMPOSED)
    if cached is None or cached[0] != key:
        composed = base
        for (kind, regency), (frame, name, as_of) in previews.items():
            composed = composed.with_preview(kind, regency, frame, name, as_of)
        cached = (key, composed)
        st.session_state[COMPOSED] = cached
    return cached[1]


def use_preview(kind: str, regency: str, frame, file_name: str, as_of: str = "") -> None:
    previews = dict(st.session_state.get(PREVIEWS, {}))
    previews[(kind, "" if kind == "national" else regency)] = (frame, file_name, as_of)
    st.session_state[PREVIEWS] = previews


def clear_previews() -> None:
    st.session_state[PREVIEWS] = {}
    st.query_params.pop(PREVIEW_FLAG, None)


def previews() -> dict:
    return st.session_state.get(PREVIEWS, {})


def boundary(level: str):
    return st.session_state.get(BOUNDARIES, {}).get(level)


def set_boundary(level: str, join) -> None:
    current = dict(st.session_state.get(BOUNDARIES, {}))
    if join is None:
        current.pop(level, None)
    else:
        current[level] = join
    st.session_state[BOUNDARIES] = current


def url_value(key: str, allowed: list[str], default: str) -> str:
    """A choice kept in the URL as a short, language-neutral code (?wilayah=32.04, ?bobot=desa).

    Streamlit's own binding writes the displayed label into the URL, which changes with the language;
    here the widget shows a label and the URL keeps the code. A code in the URL that differs from the
    last one seen (a shared link, the back button) wins; a URL without it (a move to another page)
    keeps the session's choice and writes it back.
    """
    synced = f"_url_{key}"
    in_url = st.query_params.get(key)
    if in_url is not None and in_url in allowed and in_url != st.session_state.get(synced):
        st.session_state[key] = in_url
    elif st.session_state.get(key) not in allowed:
        st.session_state[key] = default
    write_url_value(key, st.session_state[key], default)
    return st.session_state[key]


def url_int(key: str, low: int, high: int, default: int) -> int:
    """A whole number kept in the URL (?target=200, ?mulai=2027), bounded before its widget sees it.

    Streamlit's own binding hands a link's "1e309" to the widget (an OverflowError) and a default
    outside the range raises too; here a link's value is clamped into [low, high] or dropped, and
    the session state holds it for a widget made with `key` and no `value`. A value the person never
    changed follows its default (another kabupaten/kota's target); call `write_url_int` after the widget.
    """
    default = clamp(default, low, high)
    synced, last_default = f"_url_{key}", f"_default_{key}"
    in_url = st.query_params.get(key)
    value = clamp_int(in_url, low, high) if in_url is not None else None
    current = st.session_state.get(key)
    if value is not None and in_url != st.session_state.get(synced):
        st.session_state[key] = value
    elif not isinstance(current, int) or current == st.session_state.get(last_default):
        st.session_state[key] = default  # never set, or never changed: the default of this view
    if in_url is not None and value is None:
        st.query_params.pop(key, None)
    st.session_state[key] = clamp(st.session_state[key], low, high)
    st.session_state[last_default] = default
    return int(st.session_state[key])


def write_url_int(key: str, value: int) -> None:
    write_url_value(key, str(int(value)), str(st.session_state.get(f"_default_{key}")))


def write_url_value(key: str, value: str, default: str) -> None:
    st.session_state[f"_url_{key}"] = value
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def url_codes(key: str, names_by_code: dict[str, str]) -> list[str]:
    """A multiple choice kept in the URL by name (?kec=Caringin&kec=Megamendung), codes in the session.

    Written by hand because a choice made by a click on a map or a chart must reach the URL too, and
    Streamlit's own binding only follows the widget.
    """
    codes_by_name = {name: code for code, name in names_by_code.items()}
    synced = f"_url_{key}"
    in_url = [codes_by_name[n] for n in st.query_params.get_all(key) if n in codes_by_name]
    if in_url != st.session_state.get(synced, []) and tuple(in_url) != tuple(st.session_state.get(key, [])):
        st.session_state[key] = in_url
    chosen = [c for c in st.session_state.get(key, []) if c in names_by_code]
    st.session_state[key] = chosen
    return chosen


def write_url_codes(key: str, codes: list[str], names_by_code: dict[str, str]) -> None:
    st.session_state[f"_url_{key}"] = list(codes)
    if codes:
        st.query_params[key] = [names_by_code[c] for c in codes]
    else:
        st.query_params.pop(key, None)
