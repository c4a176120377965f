"""The pydeck layers of a labelled choropleth without a basemap: grey context areas (neighbours and
enclaves, named, not clickable), filled units, the chosen units' outline, and labels on top, in the
app's sans-serif, at the sizes the label placement measured them with."""

from __future__ import annotations

import json

import pandas as pd
import pydeck as pdk

from kim_dash.outputs.map_labels import PAD
from kim_dash.outputs.palette import CONTEXT_HEX, CONTEXT_LINE_HEX, INK, rgb

FONT = '"Source Sans", "Source Sans Pro", "Source Sans 3", Arial, sans-serif'  # Streamlit's own face
TOOLTIP_STYLE = {
    # a panel in the map's top left corner, not beside the pointer: beside it, near the right (or left) edge
    # of a 360-px map the box was cut off; the hovered area is highlighted, so the two read together
    "transform": "none",
    "top": "8px",
    "left": "8px",
    "maxWidth": "240px",
    "whiteSpace": "pre-line",  # the tip's lines are separated by newlines
    "overflowWrap": "anywhere",
    "fontFamily": FONT,
    "fontSize": "13px",
    "lineHeight": "1.35",
    "color": "#FFFFFF",
    "backgroundColor": "rgba(31, 42, 51, 0.94)",
    "padding": "6px 9px",
    "borderRadius": "4px",
}
TOOLTIP_HTML = '<div style="font-weight:700">{name}</div>{tip}'  # values: escaped text (maps._tip)


def collection(shapes: list[dict], values: dict[str, dict]) -> dict:
    out = []
    for feature in shapes:
        props = values.get(feature["properties"]["code"])
        if props is not None:
            out.append({"type": "Feature", "geometry": feature["geometry"], "properties": props})
    return {"type": "FeatureCollection", "features": out}


class CompactDeck(pdk.Deck):
    """A Deck serialised once and without pydeck's indentation: a national map is ~1 MB of geometry, and
    st.pydeck_chart serialises on every rerun (indented, it was 6.4 MB)."""

    def to_json(self) -> str:
        cached = self.__dict__.get("_compact_json")
        if cached is None:
            from pydeck.bindings.json_tools import default_serialize

            cached = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
            self.__dict__["_compact_json"] = cached
        return cached


def _areas(data: dict, layer_id: str, **style) -> pdk.Layer:
    return pdk.Layer(
        "GeoJsonLayer",
        data,
        id=layer_id,
        stroked=True,
        get_line_width=0,
        line_joint_rounded=True,
        **style,
    )


def _text(labels: pd.DataFrame, layer_id: str) -> pdk.Layer:
    """Labels with their own size, colour and vertical anchor (a name sits above its count)."""
    return pdk.Layer(
        "TextLayer",
        labels,
        id=layer_id,
        get_position=["lon", "lat"],
        get_text="text",
        get_size="size",
        get_color="color",
        get_text_anchor="'middle'",
        get_alignment_baseline="baseline",
        font_family=f"'{FONT}'",
        font_weight=600,
        character_set="'auto'",
        # a light box behind each label, not an SDF halo: SDF glyphs this small blur and break apart in
        # software WebGL (intranet PCs without a GPU), a plain glyph atlas stays crisp
        background=True,
        get_background_color="background",
        background_padding=list(PAD),
        background_border_radius=2,
    )


def deck(
    collection: dict,
    labels: pd.DataFrame,
    view: tuple[float, float, float],
    layer_id: str,
    focus: tuple[str, ...] = (),
    context: list[dict] | None = None,
    border: dict | None = None,
) -> pdk.Deck:
    """`labels`: lon, lat, text, size, color, background, baseline (map_labels); `context`: grey areas;
    `border`: the outline of all units together (where the regency ends and its surroundings begin)."""
    outline = {
        "type": "FeatureCollection",
        "features": [f for f in collection["features"] if f["properties"]["code"] in focus],
    }
    layers = []
    if context:
        grey = {"type": "FeatureCollection", "features": context}
        layers.append(
            _areas(
                grey,
                f"{layer_id}_context",
                filled=True,
                pickable=False,
                get_fill_color=rgb(CONTEXT_HEX),
                get_line_color=rgb(CONTEXT_LINE_HEX),
                line_width_min_pixels=0.8,
            )
        )
    layers += [
        _areas(
            collection,
            layer_id,
            filled=True,
            pickable=True,
            get_fill_color="properties.fill",
            get_line_color=rgb(INK, 140),
            line_width_min_pixels=0.6,
            auto_highlight=True,
        ),
        _areas(
            {"type": "FeatureCollection", "features": [border] if border else []},
            f"{layer_id}_border",
            filled=False,
            pickable=False,
            get_line_color=rgb(INK, 220),
            line_width_min_pixels=1.6,
        ),
        _areas(
            outline,
            f"{layer_id}_focus",
            filled=False,
            pickable=False,
            get_line_color=rgb(INK),
            line_width_min_pixels=3,
        ),
        _text(labels, f"{layer_id}_labels"),
    ]
    lat, lon, zoom = view
    return CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom),
        map_provider=None,  # and pydeck's default style: Streamlit then draws no basemap and fetches none
        tooltip={"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE},
    )
