"""The least a dashboard page does: the yardstick every page's rerun time is divided by.

One plotly bar chart of 20 bars, one 514-row dataframe, one pydeck scatter of 514 points, one
download button, data cached.
"""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st


@st.cache_data
def frame() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    return pd.DataFrame(
        {
            "code": [f"{i // 20 + 11:02d}.{i % 20 + 1:02d}" for i in range(514)],
            "count": rng.integers(1, 200, 514),
            "lat": rng.uniform(-10, 5, 514),
            "lon": rng.uniform(95, 140, 514),
        }
    )


data = frame()
choice = st.selectbox("filter", ["all", "odd"], key="filter")
shown = data if choice == "all" else data[data["count"] % 2 == 1]
st.plotly_chart(go.Figure(go.Bar(x=shown["code"].head(20), y=shown["count"].head(20))))
st.dataframe(shown)
st.pydeck_chart(
    pdk.Deck(
        layers=[pdk.Layer("ScatterplotLayer", shown, get_position=["lon", "lat"], get_radius=5000)],
        map_style=None,
    )
)
st.download_button("csv", shown.to_csv().encode(), "x.csv", on_click="ignore")
