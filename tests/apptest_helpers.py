"""Helpers for streamlit.testing AppTest: open a page of app.py, read its tables and downloads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def open_page(page: str | None = None, lang: str = "ID", **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        # AppTest seeds entrypoint-bound widgets (the language) only when the first run is the entrypoint's
        # default page, so open the home page first, then the page, as a person following a link would.
        at.run()
        at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first dataframe on the page that has `column`."""
    for element in at.dataframe:
        if column in element.value.columns:
            return element.value
    raise AssertionError(f"no table with column {column!r}")


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def download_bytes(at: AppTest, key: str, store: dict[str, tuple[bytes, str]]) -> tuple[bytes, str]:
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    return store[file_id]
