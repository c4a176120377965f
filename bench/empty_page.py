"""An empty page: the floor of an AppTest rerun."""

import streamlit as st

st.write("")
