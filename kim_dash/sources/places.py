"""Place names in uploaded tables become Kemendagri codes, within the chosen kabupaten/kota.

"Kec. Dayeuhkolot", "BOJONGSOANG" or "320405" are resolved only when exactly one place inside the
regency matches; anything else is left as typed, so validation reports it with a "did you mean" hint.
"""

from __future__ import annotations

import pandas as pd

from kim_dash.sources import names
from kim_dash.sources.geography import Geography


def _resolve_column(values: pd.Series, names_by_code: dict[str, str]) -> pd.Series:
    resolved = names.match_many(values.unique(), names_by_code)
    return values.map(lambda v: resolved.get(v) or v)


def _resolve_desa(frame: pd.DataFrame, geography: Geography, regency: str) -> pd.Series:
    desa = geography.desa_in(regency)
    by_kecamatan = {
        k: dict(zip(g["code"], g["name"], strict=True)) for k, g in desa.groupby("kecamatan_code")
    }
    return pd.Series(
        [
            names.match(d, by_kecamatan.get(k, {})) or d if d else d
            for d, k in zip(frame["desa_code"], frame["kecamatan_code"], strict=True)
        ],
        index=frame.index,
        dtype=str,
    )


def resolve_places(frame: pd.DataFrame, kind: str, geography: Geography, regency: str) -> pd.DataFrame:
    """Names to codes (registry, counts, weights: inside `regency`; national: every regency)."""
    out = frame.copy()
    kecamatan_names = geography.names("kecamatan", regency)
    for column in ("kecamatan_code", "code") if kind != "national" else ():
        if column in out:
            out[column] = _resolve_column(out[column], kecamatan_names)
    if kind == "national" and "code" in out:
        out["code"] = _resolve_column(out["code"], geography.names("regency"))
    if kind == "registry":
        if {"desa_code", "kecamatan_code"} <= set(out.columns):
            out["desa_code"] = _resolve_desa(out, geography, regency)
        if "fields" in out:
            out["fields"] = (
                out["fields"]
                .str.replace(",", ";")
                .map(lambda v: ";".join(p.strip().lower() for p in v.split(";") if p.strip()))
            )
        if "status" in out:
            out["status"] = out["status"].str.strip().str.lower()
    return out
