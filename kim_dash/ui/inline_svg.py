"""The one place the app hands HTML to the browser unescaped: a map picture of its own drawing, inline so
its areas keep a tooltip and a link. Before it is shown, the SVG is parsed and checked against a short
list of elements and attributes (no script, no event handler, no style element, links only to this page's
own query string); anything else is refused and the map is shown as a plain image instead."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import streamlit as st

ALLOWED: dict[str, set[str]] = {
    "svg": {"viewBox", "width", "height", "role", "style", "font-family", "font-weight"},
    "title": set(),
    "a": {"href", "target"},
    "g": {"pointer-events"},
    "path": {"d", "fill", "fill-rule", "stroke", "stroke-width", "stroke-linejoin", "pointer-events"},
    "rect": {"x", "y", "width", "height", "rx", "fill", "fill-opacity"},
    "text": {"x", "y", "font-size", "fill", "text-anchor"},
}
STYLE = "width:100%;height:auto;display:block"


SVG = "{http://www.w3.org/2000/svg}"
# the browser reads markup with an HTML parser, which ends a comment, a processing instruction or a
# declaration where XML would not: none of them is allowed, whatever XML makes of it; nor a prefixed name,
# which XML resolves and the browser does not; nor a newline (a blank line would end Markdown's HTML block)
NOT_MARKUP = ("<!", "<?", "]]>", "xmlns:", "\n", "\r")


def safe(svg: str) -> bool:
    """True when `svg` is one line of well-formed SVG made only of the allowed parts."""
    if any(part in svg for part in NOT_MARKUP):
        return False
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
    try:
        parser.feed(svg)
        root = parser.close()
    except (ET.ParseError, ValueError):  # ValueError: a character no encoding can hold
        return False
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(SVG):  # comment, PI, other tongue
            return False
        tag = element.tag.removeprefix(SVG)
        if tag not in ALLOWED or not set(element.attrib) <= ALLOWED[tag]:
            return False
        if tag == "a" and not (
            element.attrib.get("href", "").startswith("?") and element.get("target") == "_self"
        ):
            return False  # this page, in this tab (Streamlit opens other links in a new one)
        if element.attrib.get("style", STYLE) != STYLE:
            return False
    return root.tag == f"{SVG}svg"


def show_svg(svg: str, key: str, fallback_width: int) -> None:
    """The SVG inline in a container with `key` (its areas hoverable and clickable), or as an image."""
    with st.container(key=key):
        if safe(svg):
            st.markdown(f'<div class="kim-map">{svg}</div>', unsafe_allow_html=True)
        else:
            st.image(svg, width=fallback_width)
