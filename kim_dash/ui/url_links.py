"""Links that change one choice of the page and keep the others (a map's areas): built from the page's
own URL parameters only, each bounded, so a shared link's junk is never copied into every area."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from kim_dash.ui.state import PREVIEW_FLAG

UrlQuery = tuple[tuple[str, tuple[str, ...]], ...]
# the parameters a page keeps in its URL: only these are carried into a map's links (a shared link's
# other parameters would be copied into each of 514 areas: a 60 KB link made a 31 MB map)
URL_KEYS = frozenset(
    {"lang", "per", "wilayah", "provinsi", "jenis", "kelompok", "cari", "kec", "bagian", "target", "bobot"}
    | {"metode", "mode", "kosong_dulu", "per_tahun", "mulai", "sampai", PREVIEW_FLAG}
)
URL_VALUE_CHARS = 100  # longer than any name or number a page keeps; a longer value is not carried
URL_VALUES = 40  # values a key may carry (?kec= for each of a regency's kecamatan)


def url_query() -> UrlQuery:
    """The page's own URL parameters, bounded, as a cache key and for links that change one of them."""
    kept = []
    for key in sorted(URL_KEYS & set(st.query_params)):
        values = tuple(v for v in st.query_params.get_all(key) if len(v) <= URL_VALUE_CHARS)[:URL_VALUES]
        if values:
            kept.append((key, values))
    return tuple(kept)


def url_with(current: UrlQuery, key: str, value: str) -> str:
    """A link to the same page with `key` set to `value` and every other parameter kept."""
    kept = {k: list(v) for k, v in current if k != key}
    return "?" + urlencode({**kept, key: value}, doseq=True)
