"""One palette: a kecamatan's status means the same colour on the chart, the map and the legend."""

from __future__ import annotations

STATUS_ORDER = ("none", "below", "at", "above")  # tanpa KIM · di bawah · sesuai · di atas target
STATUS_HEX = {"none": "#B2182B", "below": "#F4A582", "at": "#92C5DE", "above": "#2166AC"}
CALM = "#2E6F9E"
FOCUS = "#D9822B"
MUTED = "#B8C4CE"
INK = "#1F2A33"
BAND_HEX = {"1–9": "#C6DBEF", "10–49": "#9ECAE1", "50–99": "#4292C6", "100–199": "#D9822B", "200+": "#A50F15"}
NO_DATA_HEX = "#E6E9EC"


def rgb(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#B2182B' -> [178, 24, 43, 255] for deck.gl."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]
