"""Helpers for streamlit.testing AppTest: open a page of app.py, read its tables, simulate a chart click."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ILLUSTRATIVE_WORDS = ("ilustratif", "illustrative")


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
    """KPI cards as read: "label (marker)" -> value; the illustrative marker sits under the value."""
    return {f"{m.label} ({m.delta})" if m.delta else m.label: m.value for m in at.metric}


def all_text(at: AppTest) -> str:
    """Every visible text of the page: titles, markdown, captions, alerts, metrics, table headers."""
    parts = [
        e.value
        for kind in (
            "title",
            "header",
            "subheader",
            "markdown",
            "caption",
            "info",
            "warning",
            "error",
            "success",
        )
        for e in getattr(at, kind)
    ]
    parts += [f"{m.label} {m.value} {m.delta or ''} {m.help or ''}" for m in at.metric]
    for frame in at.dataframe:
        shown = displayed(frame)
        parts += [str(c) for c in shown.columns] + [str(v) for v in shown.astype(str).to_numpy().ravel()]
    return "\n".join(_svg_words(str(p)) for p in parts)


def _svg_words(text: str) -> str:
    """An inline map as a reader meets it: its tooltips and labels, not its path coordinates."""
    import re

    return re.sub(
        r"<svg.*?</svg>",
        lambda m: " ".join(re.findall(r"<(?:title|text)[^>]*>([^<]*)<", m.group(0))),
        text,
        flags=re.S,
    )


def displayed(element) -> pd.DataFrame:
    """A table as the browser shows it: the Styler's display text when there is one, else the values."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    arrow = element.proto.arrow_data
    if arrow.HasField("styler") and arrow.styler.display_values:
        return convert_arrow_bytes_to_pandas_df(arrow.styler.display_values)
    return element.value


def download_bytes(at: AppTest, key: str, store: dict[str, tuple[bytes, str]]) -> tuple[bytes, str]:
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    return store[file_id]


def click_chart(at: AppTest, kind: str, key: str, selection: dict) -> AppTest:
    """Run the page as if a person clicked a point of the chart/map with this key: the selection reaches the
    app as the chart's widget state, exactly as the browser sends it (AppTest has no chart widgets)."""
    element = next(e for e in at.get(kind) if e.proto.id.endswith(key))
    original = at._tree.get_widget_states

    def with_click():
        states = original()
        state = WidgetState(id=element.proto.id)
        state.string_value = json.dumps({"selection": selection})
        states.widgets.append(state)
        return states

    at._tree.get_widget_states = with_click  # type: ignore[method-assign]  # a click AppTest cannot send
    return at.run()
