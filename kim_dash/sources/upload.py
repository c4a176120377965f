"""An uploaded table, read and checked like the curated data: read → columns → places → validate.

The same function serves the Kelola Data page (a preview for the session), the planner's weights file
and `python -m kim_dash validate | import`, so a file gets the same problem report everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kim_dash.sources.columns import ALIASES, body_frame, find_header, map_columns, sniff_kind
from kim_dash.sources.geography import Geography
from kim_dash.sources.kinds import INPUT_KINDS
from kim_dash.sources.places import resolve_places
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.provenance import published
from kim_dash.sources.readers import read_table
from kim_dash.sources.specs import SPECS
from kim_dash.sources.validate import validate_frame

DEFAULT_REGENCY = "32.01"  # Kabupaten Bogor


@dataclass
class Ingested:
    kind: str
    file: str
    regency: str
    problems: list[Problem]
    frame: pd.DataFrame | None = None  # validated and typed; None when there are problems
    text: pd.DataFrame | None = None  # the same rows as validated text (what a snapshot stores)
    rows: int = 0
    as_of: str = ""  # a count table's own date column, when it has one
    valid_rows: pd.DataFrame | None = None  # typed rows that passed, for "use the valid rows only"
    rejected_rows: pd.DataFrame | None = None  # raw rows with their row number and problems, for fixing
    mapped: list[tuple[str, str]] = field(default_factory=list)  # (the file's column title, schema column)
    ignored: list[str] = field(default_factory=list)  # column titles not used
    preview: pd.DataFrame | None = None
    header: list[str] = field(default_factory=list)  # the file's own column titles, for manual mapping


def _fill_defaults(frame: pd.DataFrame, kind: str, file: str) -> pd.DataFrame:
    """Columns a real registry often lacks: a row id, and the source (the uploaded file itself)."""
    out = frame.copy()
    if kind == "registry" and "id" not in out.columns:
        out.insert(0, "id", [f"ROW-{i + 1:04d}" for i in range(len(out))])
    if kind in INPUT_KINDS and "source" not in out.columns:
        out["source"] = published(file)
    elif kind in INPUT_KINDS:  # a row that names no source rests on the file
        out["source"] = out["source"].where(out["source"].astype(str).str.strip() != "", published(file))
    for column in ("fields", "desa_code", "year_formed", "status"):
        if kind == "registry" and column not in out.columns:
            out[column] = ""
    return out


def _one_date(frame: pd.DataFrame, file: str, first_row: int) -> tuple[str, list[Problem]]:
    if "as_of" not in frame.columns:
        return "", []
    dates = sorted(set(frame["as_of"]) - {""})
    if len(dates) > 1:
        return "", [Problem(file, None, "as_of", ", ".join(dates[:5]), "several_dates")]
    return (dates[0] if dates else ""), []


def _split(result: Ingested, frame: pd.DataFrame, refs, first_row: int) -> None:
    """Valid rows on one side, rejected rows with their reasons on the other."""
    bad_rows = {p.row for p in result.problems if p.row is not None}
    row_numbers = pd.Series(frame.index + first_row, index=frame.index)
    good = frame[~row_numbers.isin(bad_rows)]
    if not any(p.row is None for p in result.problems) and len(good):
        good_typed, again = validate_frame(result.kind, good, refs, result.file, first_row)
        result.valid_rows = good_typed if not again else None
    rejected = frame[row_numbers.isin(bad_rows)].copy()
    rejected.insert(0, "row", row_numbers[rejected.index])
    reasons: dict[int, list[str]] = {}
    for p in result.problems:
        if p.row is not None:
            reasons.setdefault(p.row, []).append(f"{p.column}: {p.message('en')}")
    rejected["problems"] = rejected["row"].map(lambda r: "; ".join(reasons.get(r, [])))
    result.rejected_rows = rejected


def ingest(
    raw: bytes,
    file: str,
    geography: Geography,
    kind: str | None = None,
    regency: str = DEFAULT_REGENCY,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
) -> Ingested:
    """Read, map, resolve and validate one file (a registry, counts or weights: inside `regency`)."""
    try:
        rows = read_table(raw, file, sheet)
    except DatasetError as err:
        return Ingested(kind or "registry", file, regency, err.problems)
    header_at = find_header(rows, kind or "registry", mapping)
    if kind is None:
        kind = sniff_kind(rows[header_at] if header_at is not None else [])
        header_at = find_header(rows, kind, mapping)
    if header_at is None:
        return Ingested(
            kind, file, regency, [Problem(file, None, None, None, "no_header", ", ".join(ALIASES[kind]))]
        )
    header = rows[header_at]
    positions, ignored = map_columns(header, kind, mapping)
    frame = _fill_defaults(body_frame(rows, header_at, positions), kind, file)
    frame = resolve_places(frame, kind, geography, regency)
    frame = frame[
        [c.name for c in SPECS[kind] if c.name in frame.columns]
        + [c for c in frame.columns if c not in {s.name for s in SPECS[kind]}]
    ]
    first_row = header_at + 2  # spreadsheet rows are 1-based and the header takes one
    refs = geography.refs(None if kind == "national" else regency)
    typed_frame, problems = validate_frame(
        kind, frame, refs, file, first_row, names_by_code=geography.names_index(regency)
    )
    as_of, date_problems = _one_date(frame, file, first_row)
    problems += date_problems
    result = Ingested(
        kind,
        file,
        regency,
        problems,
        rows=len(frame),
        as_of=as_of,
        preview=frame.head(20),
        mapped=[(str(header[p]), c) for p, c in positions.items()],
        ignored=[str(i) for i in ignored],
        header=[str(h) for h in header if str(h).strip()],
    )
    if problems:
        _split(result, frame, refs, first_row)
    else:
        result.frame, result.text = typed_frame, frame.reset_index(drop=True)
    return result


def template(kind: str, regency: str = DEFAULT_REGENCY, geography: Geography | None = None) -> pd.DataFrame:
    """A template with the right headers and one example row (a real place of the regency)."""
    kecamatan = geography.kecamatan_in(regency).iloc[0] if geography is not None else None
    kec_code = kecamatan["code"] if kecamatan is not None else f"{regency}.01"
    examples = {
        "registry": {
            "id": "KIM-0001",
            "name": "KIM Contoh",
            "kecamatan_code": kec_code,
            "desa_code": "",
            "year_formed": "2015",
            "status": "aktif",
            "fields": "pendidikan;seni budaya",
            "source": "",  # empty: the file is the source; never an invented published reference
        },
        "counts": {
            "kecamatan_code": kec_code,
            "count": "3",
            "source": "",
            "as_of": "2026-11-01",
            "note": "",
        },
        # an example count, not a published figure (134 is Bogor's, never the chosen regency's)
        "national": {"code": regency, "count": "3", "source": "", "note": ""},
    }
    return pd.DataFrame([examples[kind]])
