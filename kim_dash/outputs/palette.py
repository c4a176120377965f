"""One palette: a kecamatan's status means the same colour on the chart, the map and the legend."""

from __future__ import annotations

STATUS_ORDER = ("none", "below", "at", "above")  # tanpa KIM · di bawah · sesuai · di atas target
STATUS_HEX = {"none": "#B2182B", "below": "#F4A582", "at": "#92C5DE", "above": "#2166AC"}
# what is known per kecamatan when only partial facts exist: unknown is its own grey class, never 0
KNOWN_ORDER = ("none", "some", "at_least", "unknown")
KNOWN_HEX = {"none": "#B2182B", "some": "#2166AC", "at_least": "#92C5DE", "unknown": "#9AA3AB"}
CALM = "#2E6F9E"
FOCUS = "#D9822B"
MUTED = "#B8C4CE"
INK = "#1F2A33"
# KIM per regency (map fill and ranking bars alike): ColorBrewer YlGnBu, 5 classes (sequential, safe for
# colour-blind readers and in grey print); neighbouring steps differ by CIE76 dE 27-45, none is orange
BAND_HEX = {"1–9": "#FFFFCC", "10–49": "#A1DAB4", "50–99": "#41B6C4", "100–199": "#2C7FB8", "200+": "#253494"}
NO_DATA_HEX = "#E6E9EC"
CONTEXT_HEX = "#E4E8EC"  # areas around the one shown (a neighbour, an enclave such as Kota Bogor): no data
CONTEXT_LINE_HEX = "#BAC3CC"
CONTEXT_INK = "#56626E"  # their names


def rgb(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#B2182B' -> [178, 24, 43, 255] for deck.gl."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]
