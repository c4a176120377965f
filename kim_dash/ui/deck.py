"""The pydeck layers of a labelled choropleth: filled units, the chosen units' outline, names on top."""

from __future__ import annotations

import json

import pandas as pd
import pydeck as pdk

from kim_dash.palette import INK, rgb


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


def deck(
    collection: dict,
    labels: pd.DataFrame,
    view: tuple[float, float, float],
    layer_id: str,
    focus: tuple[str, ...] = (),
) -> pdk.Deck:
    outline = {
        "type": "FeatureCollection",
        "features": [f for f in collection["features"] if f["properties"]["code"] in focus],
    }
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            collection,
            id=layer_id,
            stroked=True,
            filled=True,
            pickable=True,
            get_fill_color="properties.fill",
            get_line_color=rgb(INK, 140),
            get_line_width=0,
            line_width_min_pixels=0.6,
            line_joint_rounded=True,
            auto_highlight=True,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            outline,
            id=f"{layer_id}_focus",
            stroked=True,
            filled=False,
            pickable=False,
            get_line_color=rgb(INK),
            get_line_width=0,
            line_width_min_pixels=3,
            line_joint_rounded=True,
        ),
        pdk.Layer(
            "TextLayer",
            labels,
            id=f"{layer_id}_labels",
            get_position=["lon", "lat"],
            get_text="label",
            get_size=11,
            get_color=rgb(INK),
            get_text_anchor="'middle'",
            get_alignment_baseline="'center'",
            font_weight=600,
            font_settings={"sdf": True},
            outline_width=3,
            outline_color=[255, 255, 255, 255],
        ),
    ]
    lat, lon, zoom = view
    return CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom),
        map_provider=None,
        map_style=None,
        tooltip={"text": "{tip}"},
    )
