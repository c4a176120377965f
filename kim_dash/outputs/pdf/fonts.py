"""Fonts and text safety for the PDF brief: the embedded TrueType faces and what they can draw.

The faces are Bitstream Vera, shipped inside the reportlab wheel, so nothing is fetched at run time.
Vera covers Latin-1 and the usual typography (– — ’ “ ” · × ≤ ≥ … €) but not arrows or Latin
Extended-A; a character it lacks is replaced by an ASCII stand-in (→ becomes ->, ő becomes o) rather
than printed as an empty box.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "KimVera"
BOLD = "KimVera-Bold"
ITALIC = "KimVera-Italic"
BOLD_ITALIC = "KimVera-BoldItalic"
_FILES = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf", BOLD_ITALIC: "VeraBI.ttf"}

# Stand-ins for characters the faces lack (checked against the cmap at run time, so a richer face
# would simply draw the original).
_ASCII = {
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "⇒": "=>",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "−": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
}


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the four Vera faces (once per process) and return the code points all of them draw."""
    folder = Path(reportlab.__file__).parent / "fonts"
    covered: frozenset[int] | None = None
    for name, file in _FILES.items():
        font = TTFont(name, str(folder / file))
        pdfmetrics.registerFont(font)
        cmap = frozenset(code for code in font.face.charToGlyph if 0x20 <= code < 0xFFFE)
        covered = cmap if covered is None else covered & cmap
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    # Control and format characters (soft hyphen) are never drawn, whatever the cmap says.
    return frozenset(code for code in covered or () if unicodedata.category(chr(code)) not in ("Cc", "Cf"))


def _fallback(char: str, covered: frozenset[int]) -> str:
    if char in _ASCII:
        return "".join(c for c in _ASCII[char] if ord(c) in covered)
    if char in "\t\n\r\v\f":
        return " "
    if unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me"):
        return ""
    # Accented letters outside Latin-1 keep their base letter; ligatures and width forms decompose.
    base = "".join(
        c for c in unicodedata.normalize("NFKD", char) if ord(c) in covered and not unicodedata.combining(c)
    )
    return base or "?"


def safe_text(text: str) -> str:
    """`text` with every character the faces cannot draw replaced by an ASCII stand-in."""
    covered = register_fonts()
    text = unicodedata.normalize("NFC", text)  # e + combining acute becomes é, which the faces draw
    if all(ord(c) in covered for c in text):
        return text
    return "".join(c if ord(c) in covered else _fallback(c, covered) for c in text)


def clip(text: str, limit: int) -> str:
    """At most `limit` characters: a table cell or KPI cannot break across pages, so it must stay short."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markup(text: str, limit: int | None = None) -> str:
    """Caller text made safe for Paragraph mini-markup: drawable characters, `<`, `>` and `&` escaped."""
    text = safe_text(text)
    return escape(clip(text, limit) if limit else text)


def colour(value: str) -> Color:
    """A '#RRGGBB' string as a reportlab colour (ValueError for anything else)."""
    if len(value) != 7 or value[0] != "#" or any(c not in "0123456789abcdefABCDEF" for c in value[1:]):
        raise ValueError(f"colour must look like #RRGGBB, got {value!r}")
    return HexColor(value)


def lighter(value: Color, share: float = 0.55) -> Color:
    """`value` mixed with white: how illustrative series are filled."""
    return Color(*(c + (1 - c) * share for c in (value.red, value.green, value.blue)))


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)
