"""The translation table: key -> {"id": Bahasa Indonesia, "en": English}, kept as data files.

Every label the app, the CLI and the extracts show is in one of the `*.toml` files beside this module,
one file per area (pages, charts, problems, …). A key may carry an English plural form ("en_one"),
chosen by i18n.t when its `count` parameter is 1. A key defined in two files is an error at import
time, so two areas can never disagree silently.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
AREAS = tuple(sorted(p.stem for p in FOLDER.glob("*.toml")))


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in AREAS:
        table = tomllib.loads((FOLDER / f"{area}.toml").read_text(encoding="utf-8"))
        twice = set(table) & set(merged)
        if twice:
            raise ValueError(f"translation keys defined twice ({area}): {sorted(twice)}")
        merged.update(table)
    return merged


STRINGS = _merge()
