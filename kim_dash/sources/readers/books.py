"""Spreadsheets (XLSX, ODS, XLS): told apart by content, checked, pre-scanned, then read by
python-calamine in the sandbox child."""

from __future__ import annotations

import zipfile

from kim_dash.sources.readers.budget import Budget, refuse
from kim_dash.sources.readers.ods import scan_content
from kim_dash.sources.readers.sandbox import run_worker
from kim_dash.sources.readers.scan import Sheet, part_chunks, scan_sheet, scan_strings, xlsx_sheets
from kim_dash.sources.readers.zipped import check_zip, find_member, read_member

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_VBA = "_VBA_PROJECT".encode("utf-16-le")  # the storage Excel keeps XLS macros in
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # a password-protected XLSX is an OLE2 file


def _zip_kind(raw: bytes, file: str, extension: str, budget: Budget) -> tuple[zipfile.ZipFile, str]:
    archive = check_zip(raw, file, budget)
    names = [n.replace("\\", "/").lower() for n in archive.namelist()]
    if any(n.endswith("vbaproject.bin") or n.startswith(("basic/", "scripts/")) for n in names):
        refuse(file, "macros")
    if any(n.startswith("xl/externallinks/") for n in names):
        refuse(file, "external_links")
    mimetype = find_member(archive, "mimetype")
    if mimetype is not None and mimetype.file_size <= 100:
        if read_member(raw, mimetype, file, 100).strip() == ODS_MIME:
            return archive, "ods"
        refuse(file, "save_as_xlsx", value=extension)  # another OpenDocument type, e.g. a template
    if "[content_types].xml" in names:
        return archive, "xlsx"
    refuse(file, "save_as_xlsx", value=extension)


def _ole2(raw: bytes, file: str) -> None:
    if _ENCRYPTED in raw:
        refuse(file, "password")
    if _VBA in raw:
        refuse(file, "macros")


def _choose(file: str, sheets: list[Sheet], wanted: str | None) -> Sheet:
    if wanted is not None:
        chosen = next((s for s in sheets if s.name == wanted), None)
        if chosen is None:
            refuse(file, "no_such_sheet", value=wanted, detail=", ".join(s.name for s in sheets))
        if chosen.kind != "worksheet":
            refuse(file, "not_a_worksheet", value=wanted)
        return chosen
    worksheets = [s for s in sheets if s.kind == "worksheet"]
    chosen = next((s for s in worksheets if s.visible), worksheets[0] if worksheets else None)
    if chosen is None:
        refuse(file, "no_worksheet")
    return chosen


def _read_xlsx(raw: bytes, file: str, archive: zipfile.ZipFile, wanted: str | None, budget: Budget) -> dict:
    folder, sheets = xlsx_sheets(raw, archive, file, budget)
    chosen = _choose(file, sheets, wanted)
    if find_member(archive, f"{folder}sharedStrings.xml") is not None:
        scan_strings(part_chunks(raw, archive, f"{folder}sharedStrings.xml", file, budget), file, budget)
    scan = scan_sheet(part_chunks(raw, archive, chosen.path, file, budget), file, budget, chosen.path)
    if scan.cells == 0:
        refuse(file, "empty_sheet", value=chosen.name)
    answer = run_worker(raw, file, "read", chosen.name, budget)
    rows = answer["rows"]
    for (row, col), text in scan.errors.items():  # calamine hands error cells over as empty
        if row < len(rows):
            cells = rows[row]
            cells.extend([""] * (col + 1 - len(cells)))
            cells[col] = cells[col] or text
    return answer


def _read_ods(raw: bytes, file: str, archive: zipfile.ZipFile, wanted: str | None, budget: Budget) -> dict:
    names = ods_names(raw, file, archive, budget)
    _choose(file, [Sheet(n, "worksheet", "") for n in names], wanted)
    return run_worker(raw, file, "read", wanted, budget)


def ods_names(raw: bytes, file: str, archive: zipfile.ZipFile, budget: Budget) -> list[str]:
    info = find_member(archive, "content.xml")
    if info is None:
        refuse(file, "bad_spreadsheet", detail="missing part content.xml")
    return scan_content(part_chunks(raw, archive, info.filename, file, budget), file, budget)


def read_sheet(raw: bytes, file: str, extension: str, wanted: str | None, budget: Budget) -> list[list[str]]:
    """Rows of one sheet (the first worksheet when `wanted` is None)."""
    if raw.startswith(b"PK\x03\x04"):
        archive, kind = _zip_kind(raw, file, extension, budget)
        reader = _read_ods if kind == "ods" else _read_xlsx
        answer = reader(raw, file, archive, wanted, budget)
    elif raw.startswith(OLE2):
        _ole2(raw, file)
        answer = run_worker(raw, file, "read", wanted, budget)
    else:  # e.g. an HTML page, a CSV saved with a spreadsheet's name, or a truncated download
        refuse(file, "not_spreadsheet", value=extension)
    rows: list[list[str]] = answer["rows"]
    if not any(any(r) for r in rows):
        refuse(file, "empty_sheet", value=answer.get("sheet", wanted or ""))
    return rows


def spreadsheet_names(raw: bytes, file: str, extension: str, budget: Budget) -> list[str]:
    """Names of the worksheets (chart sheets left out), in workbook order."""
    if raw.startswith(b"PK\x03\x04"):
        archive, kind = _zip_kind(raw, file, extension, budget)
        if kind == "ods":
            return ods_names(raw, file, archive, budget)
        return [s.name for s in xlsx_sheets(raw, archive, file, budget)[1] if s.kind == "worksheet"]
    if raw.startswith(OLE2):
        _ole2(raw, file)
        return list(run_worker(raw, file, "names", None, budget)["sheets"])
    refuse(file, "not_spreadsheet", value=extension)
