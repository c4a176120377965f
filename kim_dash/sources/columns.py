"""From rows of text to a frame with the schema's column names: header row, aliases, manual mapping.

Real spreadsheets have a title above the header, Indonesian column names ("nama_kim", "jumlah") and
blank lines. The frame's index keeps each record's position under the header, so a problem is always
reported at the row number the user sees in their spreadsheet.
"""

from __future__ import annotations

import pandas as pd

from kim_dash.sources import names
from kim_dash.sources.kinds import INPUT_KINDS, InputKind

HEADER_SEARCH_ROWS = 20
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "registry": {
        "id": ("id", "kode_kim", "no_registrasi", "nomor", "no_reg"),
        "name": ("name", "nama_kim", "nama", "nama_kelompok"),
        "kecamatan_code": ("kecamatan_code", "kode_kecamatan", "kecamatan", "kec"),
        "desa_code": ("desa_code", "kode_desa", "desa", "kelurahan", "desa_kelurahan", "desakelurahan"),
        "year_formed": ("year_formed", "tahun_dibentuk", "tahun", "tahun_berdiri", "tahun_pembentukan"),
        "status": ("status", "keaktifan"),
        "fields": ("fields", "bidang", "bidang_kegiatan", "bidang_usaha"),
        "source": ("source", "sumber"),
    },
    "counts": {
        "kecamatan_code": ("kecamatan_code", "kode_kecamatan", "kecamatan", "kec", "nama_kecamatan"),
        "count": ("count", "jumlah", "jumlah_kim", "kim"),
        "source": ("source", "sumber"),
        "as_of": ("as_of", "tanggal", "per_tanggal", "date"),
        "note": ("note", "catatan", "keterangan"),
    },
    "national": {
        "code": ("code", "kode", "kode_kabkota", "kabupaten_kota", "kabkota", "nama_kabkota", "name", "nama"),
        "count": ("count", "jumlah", "jumlah_kim", "kim"),
        "source": ("source", "sumber"),
        "note": ("note", "catatan", "keterangan"),
    },
    "weights": {
        "code": ("code", "kode", "kecamatan", "kode_kecamatan", "kecamatan_code"),
        "weight": ("weight", "bobot", "penduduk", "jumlah_penduduk", "population"),
        "name": ("name", "nama", "nama_kecamatan"),
        "current": ("current", "kim_sekarang", "jumlah_kim", "kim"),
    },
}
SNIFFED_KINDS = INPUT_KINDS  # in this order when two score the same


def header_key(text: object) -> str:
    return names.normalise(str(text).replace(" ", "_"))


def _alias_keys(kind: str) -> dict[str, set[str]]:
    return {column: {header_key(a) for a in aliases} for column, aliases in ALIASES[kind].items()}


def sniff_kind(header: list[str]) -> InputKind:
    """The upload kind whose column names the header matches best."""
    keys = {header_key(h) for h in header}
    scores = {
        kind: sum(bool(keys & aliases) for aliases in _alias_keys(kind).values()) for kind in SNIFFED_KINDS
    }
    return max(SNIFFED_KINDS, key=lambda k: scores[k])


def find_header(rows: list[list[str]], kind: str, mapping: dict[str, str] | None = None) -> int | None:
    """The first row holding at least two known column names (a title may sit above); failing
    that, the first non-empty row, so the user can map its columns by hand."""
    known = set().union(*_alias_keys(kind).values()) | {header_key(k) for k in mapping or {}}
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(header_key(c) in known for c in row if str(c).strip()) >= 2:
            return i
    return next(
        (i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if any(str(c).strip() for c in row)), None
    )


def map_columns(
    header: list[str], kind: str, mapping: dict[str, str] | None = None
) -> tuple[dict[int, str], list[str]]:
    """Header position -> schema column; the user's `mapping` (their header -> column) wins."""
    chosen: dict[int, str] = {}
    ignored: list[str] = []
    user = {header_key(k): v for k, v in (mapping or {}).items()}
    aliases = _alias_keys(kind)
    for position, title in enumerate(header):
        key = header_key(title)
        if not key:
            continue  # a blank, merged-looking column
        target = user.get(key) or next((c for c, keys in aliases.items() if key in keys), None)
        if target is None or target in chosen.values():
            ignored.append(title)
            continue
        chosen[position] = target
    return chosen, ignored


def body_frame(rows: list[list[str]], header_at: int, positions: dict[int, str]) -> pd.DataFrame:
    """The records under the header as text, blank lines dropped; index = position under the header."""
    body = rows[header_at + 1 :]
    records = {name: [r[p].strip() if p < len(r) else "" for r in body] for p, name in positions.items()}
    frame = pd.DataFrame(records, dtype=str, index=pd.RangeIndex(len(body)))
    return frame[(frame != "").any(axis=1)] if len(frame.columns) else frame


def template_headers(kind: str, lang: str) -> dict[str, str]:
    """A template's column titles in the reader's language: in Bahasa Indonesia each column's first
    Indonesian alias ("nama_kim", "sumber"), which an import reads back as that column."""
    return {col: aliases[1] if lang == "id" else col for col, aliases in ALIASES[kind].items()}
