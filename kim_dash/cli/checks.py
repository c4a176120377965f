"""Checks of the command line's own arguments: an output folder, a note, an ambiguous name; and text
from the store printed so that no control character reaches the terminal."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kim_dash.sources import names

MAX_NOTE_CHARS = 500  # a note says where the data come from: a sentence, not a document


class UsageError(Exception):
    pass


def ambiguous(value: str, names_by_code: Mapping[str, str], what: str) -> None:
    """UsageError naming every place a bare name could mean ("Bogor": Kabupaten 32.01, Kota 32.71)."""
    codes = names.bare_matches(value, names_by_code)
    if len(codes) > 1:
        choices = " or ".join(f"{names_by_code[c]} ({c})" for c in codes)
        raise UsageError(f"ambiguous {what} {value!r}: {choices}; give the code or the full name")


def output_path(out: Path) -> Path:
    """`out` when its folder exists (a file is written there), else a UsageError saying so."""
    if out.is_dir():
        raise UsageError(f"--out {out}: a folder, not a file")
    if not out.parent.is_dir():
        raise UsageError(f"--out {out}: no such folder {out.parent} (make it first)")
    return out


def note(text: str) -> str:
    if len(text) > MAX_NOTE_CHARS:
        raise UsageError(f"--note is {len(text)} characters long: at most {MAX_NOTE_CHARS}")
    return text


def printable(text: str) -> str:
    """`text` with every control or format character (tab, newline, ESC, bidi override) as an escape."""
    import unicodedata

    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
        else ch
        for ch in text
    )
