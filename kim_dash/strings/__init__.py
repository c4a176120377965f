"""The translation table: key -> {"id": Bahasa Indonesia, "en": English}, one module per area.

Every label the app, the CLI and the extracts show is here. A key may also carry plural forms for
English ("en_one"), chosen by i18n.t when its `n` parameter is 1. Each area module adds its own keys;
a key defined twice is an error at import time, so two modules can never disagree silently.
"""

from __future__ import annotations

from importlib import import_module

AREAS = ("problems", "common", "home", "charts", "ranking", "kecamatan", "planner", "data_page", "boundaries")


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in AREAS:
        table: dict[str, dict[str, str]] = import_module(f"{__name__}.{area}").STRINGS
        twice = set(table) & set(merged)
        if twice:
            raise ValueError(f"translation keys defined twice ({area}): {sorted(twice)}")
        merged.update(table)
    return merged


STRINGS = _merge()
