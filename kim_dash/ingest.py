"""Read a user's spreadsheet (CSV or XLSX) safely into the text frame the schema validates.

Real-world files: semicolon CSVs from Indonesian Excel, a BOM or none, Windows-1252 accents, a title
row above the header, Indonesian column names, kecamatan and desa by name. Anything that is not
what it claims (a binary renamed .csv, a zip bomb, macros, external links) is refused with a Problem.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from kim_dash import names
from kim_dash.data import Dataset, names_index, reference_refs, validate_frame
from kim_dash.problems import DatasetError, Problem
from kim_dash.schema import SPECS

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_ZIP_RATIO = 100
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
    "national": {
        "code": ("code", "kode", "kode_kabkota", "kabupaten_kota", "kabkota", "nama_kabkota", "name", "nama"),
        "count": ("count", "jumlah", "jumlah_kim", "kim"),
        "source": ("source", "sumber"),
        "note": ("note", "catatan", "keterangan"),
    },
}
BINARY_MAGIC = {
    b"PK\x03\x04": "ZIP/XLSX",
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"\xd0\xcf\x11\xe0": "old Excel (XLS)",
    b"MZ": "a program (EXE)",
    b"\x7fELF": "a program (ELF)",
    b"GIF8": "GIF",
    b"Rar!": "RAR",
}


@dataclass
class Ingested:
    kind: str
    frame: pd.DataFrame | None  # validated, typed; None when there are problems
    problems: list[Problem]
    rows: int = 0
    valid_rows: pd.DataFrame | None = None  # typed rows that passed, for "use valid rows only"
    rejected_rows: pd.DataFrame | None = None  # raw rows with their problems, for fixing
    notes: list[str] = field(default_factory=list)  # column mapping and ignored columns
    preview: pd.DataFrame | None = None
    header: list[str] = field(default_factory=list)  # the file's own column titles, for manual mapping


def _key(text: str) -> str:
    return names.normalise(str(text).replace(" ", "_"))


def sniff_kind(header: list[str]) -> str:
    keys = {_key(h) for h in header}
    scores = {
        kind: sum(any(_key(a) in keys for a in aliases) for aliases in columns.values())
        for kind, columns in ALIASES.items()
    }
    return max(scores, key=lambda k: scores[k])


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # what Indonesian Excel writes on Windows


def _csv_rows(raw: bytes, file: str) -> list[list[str]]:
    text = _decode(raw)
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    counts = {d: sample.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as err:  # e.g. a NUL or a stray carriage return inside a field
        raise DatasetError([Problem(file, None, None, None, "malformed", str(err))]) from err


def _check_zip(raw: bytes, file: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as err:
        raise DatasetError([Problem(file, None, None, None, "bad_zip", str(err))]) from err
    total = 0
    for info in archive.infolist():
        if info.filename.startswith(("/", "\\")) or ".." in info.filename.replace("\\", "/").split("/"):
            raise DatasetError(
                [Problem(file, None, None, info.filename, "bad_zip", f"unsafe path {info.filename}")]
            )
        total += info.file_size
        if (
            info.compress_size
            and info.file_size / info.compress_size > MAX_ZIP_RATIO
            and info.file_size > 1_000_000
        ):
            raise DatasetError(
                [Problem(file, None, None, None, "bad_zip", "compression ratio too high (zip bomb?)")]
            )
    if total > MAX_UNZIPPED_BYTES:
        raise DatasetError([Problem(file, None, None, None, "bad_zip", f"unpacks to {total:,} bytes")])
    return archive


def _xlsx_rows(raw: bytes, file: str, sheet: str | None) -> list[list[str]]:
    from openpyxl import load_workbook

    archive = _check_zip(raw, file)
    members = archive.namelist()
    if any(m.lower().endswith("vbaproject.bin") for m in members):
        raise DatasetError([Problem(file, None, None, None, "bad_xlsx", "contains macros")])
    if any(m.startswith("xl/externalLinks/") for m in members):
        raise DatasetError([Problem(file, None, None, None, "bad_xlsx", "contains external links")])
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many types for a broken workbook
        raise DatasetError([Problem(file, None, None, None, "bad_xlsx", type(err).__name__)]) from err
    worksheet = book[sheet] if sheet and sheet in book.sheetnames else book.worksheets[0]
    rows = []
    for values in worksheet.iter_rows(values_only=True):
        rows.append(["" if v is None else _cell_text(v) for v in values])
    return rows


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_names(raw: bytes, file: str) -> list[str]:
    from openpyxl import load_workbook

    _check_zip(raw, file)
    return load_workbook(io.BytesIO(raw), read_only=True).sheetnames


def read_rows(raw: bytes, file: str, sheet: str | None = None) -> list[list[str]]:
    """Rows of text cells from a CSV or XLSX upload; raises DatasetError for refused files."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise DatasetError(
            [
                Problem(
                    file,
                    None,
                    None,
                    f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB",
                    "too_large",
                    f"{len(raw) / 1024 / 1024:.1f} MB",
                )
            ]
        )
    lower = file.lower()
    if lower.endswith(".xlsx"):
        return _xlsx_rows(raw, file, sheet)
    if lower.endswith((".xlsm", ".xls")):
        raise DatasetError([Problem(file, None, None, lower.rsplit(".", 1)[-1], "unsupported")])
    if not lower.endswith((".csv", ".txt")):
        raise DatasetError([Problem(file, None, None, lower.rsplit(".", 1)[-1], "unsupported")])
    for magic, what in BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise DatasetError([Problem(file, None, None, None, "not_text", what)])
    if b"\x00" in raw[:4096]:
        raise DatasetError([Problem(file, None, None, None, "not_text", "binary data")])
    return _csv_rows(raw, file)


def find_header(rows: list[list[str]], kind: str, mapping: dict[str, str] | None = None) -> int | None:
    """The first row holding at least two known column names (a title may sit above); failing
    that, the first non-empty row, so the user can map its columns by hand."""
    known = {_key(a) for aliases in ALIASES[kind].values() for a in aliases} | {
        _key(k) for k in mapping or {}
    }
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(_key(c) in known for c in row if str(c).strip()) >= 2:
            return i
    return next(
        (i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if any(str(c).strip() for c in row)), None
    )


def map_columns(
    header: list[str], kind: str, mapping: dict[str, str] | None = None
) -> tuple[dict[int, str], list[str]]:
    """Header position -> canonical column; user `mapping` (their header -> canonical) wins."""
    chosen: dict[int, str] = {}
    ignored: list[str] = []
    user = {_key(k): v for k, v in (mapping or {}).items()}
    for position, title in enumerate(header):
        key = _key(title)
        if not key:
            continue  # a blank, merged-looking column
        target = user.get(key)
        if target is None:
            target = next(
                (c for c, aliases in ALIASES[kind].items() if key in {_key(a) for a in aliases}), None
            )
        if target is None or target in chosen.values():
            ignored.append(title)
            continue
        chosen[position] = target
    return chosen, ignored


def _resolve_places(frame: pd.DataFrame, dataset: Dataset, kind: str) -> pd.DataFrame:
    """Kecamatan and desa (or regencies) given by name become codes when the name is unambiguous."""
    out = frame.copy()
    if kind == "registry":
        kecamatan_names = dict(zip(dataset.kecamatan["code"], dataset.kecamatan["name"]))
        if "kecamatan_code" in out:
            resolved = names.match_many(out["kecamatan_code"].unique(), kecamatan_names)
            out["kecamatan_code"] = out["kecamatan_code"].map(lambda v: resolved.get(v) or v)
        if {"desa_code", "kecamatan_code"} <= set(out.columns):
            desa = dataset.desa
            by_kecamatan = {k: dict(zip(g["code"], g["name"])) for k, g in desa.groupby("kecamatan_code")}
            out["desa_code"] = [
                names.match(d, by_kecamatan.get(k, {})) or d
                for d, k in zip(out["desa_code"], out["kecamatan_code"])
            ]
        if "fields" in out:
            out["fields"] = (
                out["fields"]
                .str.replace(",", ";")
                .map(lambda v: ";".join(p.strip().lower() for p in v.split(";") if p.strip()))
            )
        if "status" in out:
            out["status"] = out["status"].str.strip().str.lower()
    elif kind == "national" and "code" in out:
        regency_names = dict(zip(dataset.regencies["code"], dataset.regencies["name"]))
        resolved = names.match_many(out["code"].unique(), regency_names)
        out["code"] = out["code"].map(lambda v: resolved.get(v) or v)
    return out


def ingest(
    raw: bytes,
    file: str,
    dataset: Dataset,
    kind: str | None = None,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
) -> Ingested:
    """Read, map, resolve and validate one uploaded file against the dataset's reference tables."""
    try:
        rows = read_rows(raw, file, sheet)
    except DatasetError as err:
        return Ingested(kind or "registry", None, err.problems)
    header_at = find_header(rows, kind or "registry", mapping)
    if kind is None:
        kind = sniff_kind(rows[header_at] if header_at is not None else [])
        header_at = find_header(rows, kind, mapping)
    if header_at is None:
        looked = ", ".join(ALIASES[kind])
        return Ingested(kind, None, [Problem(file, None, None, None, "no_header", looked)])
    header = rows[header_at]
    positions, ignored = map_columns(header, kind, mapping)
    body = rows[header_at + 1 :]
    records = {name: [r[p].strip() if p < len(r) else "" for r in body] for p, name in positions.items()}
    frame = pd.DataFrame(records, dtype=str)
    frame = (
        frame[(frame != "").any(axis=1)] if len(frame.columns) else frame
    )  # skip blank lines, keep numbering
    notes = [f"{header[p]} → {c}" for p, c in positions.items()]
    if ignored:
        notes.append("ignored: " + ", ".join(str(i) for i in ignored))
    frame = _fill_defaults(frame, kind, file)
    frame = _resolve_places(frame, dataset, kind)
    refs = reference_refs(dataset.provinces, dataset.regencies, dataset.kecamatan, dataset.desa)
    first_row = header_at + 2  # spreadsheet rows are 1-based and the header takes one
    lookup = names_index(
        {
            "provinces": dataset.provinces,
            "regencies": dataset.regencies,
            "kecamatan": dataset.kecamatan,
            "desa": dataset.desa,
        }
    )
    typed_frame, problems = validate_frame(kind, frame, refs, file, first_row, names_by_code=lookup)
    result = Ingested(
        kind,
        typed_frame,
        problems,
        rows=len(frame),
        notes=notes,
        preview=frame.head(20),
        header=[h for h in header if str(h).strip()],
    )
    if problems:
        bad_rows = {p.row for p in problems if p.row is not None}
        row_numbers = pd.Series(frame.index + first_row, index=frame.index)
        good = frame[~row_numbers.isin(bad_rows)]
        if not any(p.row is None for p in problems) and len(good):
            good_typed, again = validate_frame(kind, good.reset_index(drop=True), refs, file)
            result.valid_rows = good_typed if not again else None
        rejected = frame[row_numbers.isin(bad_rows)].copy()
        rejected.insert(0, "row", row_numbers[rejected.index])
        reasons = {}
        for p in problems:
            if p.row is not None:
                reasons.setdefault(p.row, []).append(f"{p.column}: {p.message('en')}")
        rejected["problems"] = rejected["row"].map(lambda r: "; ".join(reasons.get(r, [])))
        result.rejected_rows = rejected
    return result


def template(kind: str) -> pd.DataFrame:
    """A blank template with the right headers and one example row."""
    examples = {
        "registry": {
            "id": "KIM-0001",
            "name": "KIM Contoh",
            "kecamatan_code": "32.01.27",
            "desa_code": "32.01.27.2004",
            "year_formed": "2015",
            "status": "aktif",
            "fields": "pendidikan;seni budaya",
            "source": "published:registri Diskominfo",
        },
        "national": {"code": "32.01", "count": "134", "source": "published:Kominfo Des 2014", "note": ""},
    }
    return pd.DataFrame([examples[kind]])


def _fill_defaults(frame: pd.DataFrame, kind: str, file: str) -> pd.DataFrame:
    """Columns a real registry often lacks: a row id and the source (the uploaded file itself)."""
    out = frame.copy()
    if kind == "registry" and "id" not in out.columns:
        out.insert(0, "id", [f"ROW-{i + 1:04d}" for i in range(len(out))])
    if "source" not in out.columns:
        out["source"] = f"published:{file}"
    if kind == "registry" and "fields" not in out.columns:
        out["fields"] = ""
    return out[
        [c for c in [s.name for s in SPECS[kind]] if c in out.columns]
        + [c for c in out.columns if c not in {s.name for s in SPECS[kind]}]
    ]
