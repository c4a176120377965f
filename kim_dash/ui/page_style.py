"""Style rules for what Streamlit has no option for: its own words inside the file uploader ("Upload",
"5MB per file") in the page's language, and titles sized to fit a phone."""

from __future__ import annotations

import json

import streamlit as st

from kim_dash.i18n import t

PHONE_TITLES = "@media (max-width: 640px) {h1 {font-size: 1.75rem !important; line-height: 1.25 !important}}"
# on a phone: every tap target at least 40 px, and no table toolbar (24-px icons) floating over the chart
# above its table (it covered the plan chart's "2018"); the tables' own downloads sit beside them
PHONE_TAPS = (
    "@media (max-width: 640px) {"
    '[data-testid="stElementToolbar"] {display: none !important}'
    '[data-testid="stSidebarNav"] a, [data-testid="stButtonGroup"] button, [data-testid="stPageLink"] a, '
    '[data-testid="stExpandSidebarButton"], [data-testid="stMainMenuButton"], '
    '[data-testid="stSidebarCollapseButton"] button, [data-testid="stSelectbox"] button, '
    '[data-testid="stMultiSelect"] button, '
    '[data-testid="stTooltipHoverTarget"] button, '
    '[aria-label="Scroll tabs right"], [aria-label="Scroll tabs left"] '
    "{min-height: 40px !important; min-width: 40px !important}"
    '[data-testid="stHeaderActionElements"] {display: none !important}'  # hover-only anchor links
    '[data-testid="stNumberInputContainer"] {min-height: 42px}'
    '[data-testid="stNumberInputStepDown"], [data-testid="stNumberInputStepUp"] '
    "{min-width: 40px !important; min-height: 40px !important}"
    "}"
)


def page_style(lang: str, max_mb: int) -> None:
    # json.dumps quotes the text for CSS `content:` (the words are the project's own, never user text)
    button = json.dumps(t("upload.button", lang))
    limit = json.dumps(t("upload.limit", lang, mb=max_mb))
    zone = '[data-testid="stFileUploaderDropzone"]'
    st.html(
        "<style>"
        f"{PHONE_TITLES}{PHONE_TAPS}"
        f'{zone} button [data-testid="stMarkdownContainer"] p {{font-size: 0}}'
        f'{zone} button [data-testid="stMarkdownContainer"] p::after {{content: {button}; font-size: 0.875rem}}'
        '[data-testid="stFileUploaderDropzoneInstructions"] span {font-size: 0}'
        '[data-testid="stFileUploaderDropzoneInstructions"] span::after '
        f"{{content: {limit}; font-size: 0.8rem}}"
        "</style>"
    )
