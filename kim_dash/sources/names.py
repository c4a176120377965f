"""Normalise and match place names: "Kec. Gunung Putri", "GUNUNGPUTRI" -> 32.01.02.

Boundary files and spreadsheets spell names their own way (spaces, upper case, "Kec." prefixes);
matching ignores case, accents, spaces and punctuation, and never guesses: an unknown or
ambiguous name comes back as None, with a separate, clearly-labelled suggestion.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

_PREFIXES = re.compile(r"^(kecamatan|kec\.?|desa|kelurahan|kel\.?|provinsi|prov\.?)\s+")
_KAB = re.compile(r"^(kabupaten|kab\.|kab(?=\s))\s*")
_NON_ALNUM = re.compile(r"[^0-9a-z]")


def normalise(name: str) -> str:
    """'Kec. Gunung Putri' -> 'gunungputri'; 'Kab. Bogor' -> 'kabupatenbogor'."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = text.casefold().strip()
    text = _PREFIXES.sub("", text)
    text = _KAB.sub("kabupaten ", text)
    return _NON_ALNUM.sub("", text)


def _index(names_by_code: Mapping[str, str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for code, name in names_by_code.items():
        index.setdefault(normalise(name), []).append(code)
    return index


def match(value: str, names_by_code: Mapping[str, str]) -> str | None:
    """The one code whose name or code equals `value` after normalising, else None."""
    raw = str(value).strip()
    if raw in names_by_code:
        return raw
    dotted = _dotted(raw)
    if dotted in names_by_code:
        return dotted
    codes = _index(names_by_code).get(normalise(raw), [])
    return codes[0] if len(codes) == 1 else None


def match_many(values: Iterable[str], names_by_code: Mapping[str, str]) -> dict[str, str | None]:
    index = _index(names_by_code)
    out: dict[str, str | None] = {}
    for value in values:
        raw = str(value).strip()
        if raw in names_by_code or _dotted(raw) in names_by_code:
            out[value] = raw if raw in names_by_code else _dotted(raw)
            continue
        codes = index.get(normalise(raw), [])
        out[value] = codes[0] if len(codes) == 1 else None
    return out


_KIND_PREFIX = re.compile(r"^(kabupaten|kota)")


def bare_matches(value: str, names_by_code: Mapping[str, str]) -> list[str]:
    """Codes whose name without "Kabupaten"/"Kota" is `value`: "Bogor" -> 32.01 and 32.71 (ambiguous)."""
    key = normalise(value)
    if not key:
        return []
    return sorted(c for c, n in names_by_code.items() if _KIND_PREFIX.sub("", normalise(n)) == key)


def suggest(value: str, names_by_code: Mapping[str, str]) -> str | None:
    """The closest known name, for a "did you mean ...?" hint (never applied automatically)."""
    key = normalise(value)
    if not key or not names_by_code:
        return None
    by_key = {normalise(n): n for n in names_by_code.values()}
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
    return by_key[close[0]] if close else None


def _dotted(code: str) -> str:
    """'320102' -> '32.01.02' (codes typed without dots, as some spreadsheets hold them)."""
    if not code.isdigit() or len(code) not in (2, 4, 6, 10):
        return code
    parts = [code[0:2], code[2:4], code[4:6], code[6:10]]
    return ".".join(p for p in parts if p)
