"""Hand-made XLSX, ODS and XLS files for the readers' tests, the fuzz generator and the bench.

Nothing here uses openpyxl or odfpy: the XML is written by hand into zipfile, so a file can break
every rule a library would enforce (far cells, lying sizes, DOCTYPEs, chart sheets first, ...).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape

FIXTURES = Path(__file__).with_name("fixtures")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"


def column(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(ref: str, value: object, kind: str | None = None) -> str:
    """One <c>: numbers as <v>, text inline (t="inlineStr"), or an explicit type `kind`."""
    if kind is not None:
        return f'<c r="{ref}" t="{kind}"><v>{escape(str(value))}</v></c>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_xml(rows: list[list[object]] | str, dimension: str | None = None, first_row: int = 1) -> str:
    """A worksheet part; `rows` are values from A`first_row` on, or ready-made <row> XML."""
    if isinstance(rows, str):
        body = rows
    else:
        body = "".join(
            f'<row r="{first_row + i}">'
            + "".join(cell(f"{column(j + 1)}{first_row + i}", v) for j, v in enumerate(r) if v != "")
            + "</row>"
            for i, r in enumerate(rows)
        )
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}<sheetData>{body}</sheetData></worksheet>'  # noqa: E501 - one XML or table line reads best whole


def xlsx(
    sheets: dict[str, str] | str,
    shared: list[str] | str | None = None,
    charts: tuple[str, ...] = (),
    extra: Mapping[str, bytes | str] | None = None,
    drop: tuple[str, ...] = (),
    level: int = 6,
    hidden: tuple[str, ...] = (),
) -> bytes:
    """An XLSX from sheet name -> worksheet XML (chart sheets named in `charts` come first)."""
    if isinstance(sheets, str):
        sheets = {"Sheet1": sheets}
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    }
    entries, rels = [], []
    names = [(n, "chartsheet") for n in charts] + [(n, "worksheet") for n in sheets]
    for i, (name, kind) in enumerate(names, start=1):
        folder = "chartsheets" if kind == "chartsheet" else "worksheets"
        state = ' state="hidden"' if name in hidden else ""
        entries.append(
            f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}"{state} r:id="rId{i}"/>'
        )
        rels.append(f'<Relationship Id="rId{i}" Type="{DOC}/{kind}" Target="{folder}/sheet{i}.xml"/>')
        if kind == "chartsheet":
            parts[f"xl/chartsheets/sheet{i}.xml"] = (
                f'<?xml version="1.0"?><chartsheet xmlns="{MAIN}"><sheetPr/></chartsheet>'
            )
        else:
            parts[f"xl/worksheets/sheet{i}.xml"] = sheets[name]
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>{"".join(entries)}</sheets></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0"?><Relationships xmlns="{RELS}">{"".join(rels)}</Relationships>'
    )
    if shared is not None:
        if isinstance(shared, str):
            parts["xl/sharedStrings.xml"] = shared
        else:
            items = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
            parts["xl/sharedStrings.xml"] = (
                f'<?xml version="1.0"?><sst xmlns="{MAIN}" uniqueCount="{len(shared)}">{items}</sst>'
            )
    parts.update(extra or {})
    return pack({k: v for k, v in parts.items() if k not in drop}, level)


def pack(parts: dict[str, str | bytes], level: int = 6, stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first), parts[stored_first], zipfile.ZIP_STORED)
        for name, data in parts.items():
            if name != stored_first:
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                archive.writestr(info, data, zipfile.ZIP_DEFLATED, compresslevel=level)
    return buffer.getvalue()


def ods_cell(value: object, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value == "":
        return f"<table:table-cell{rep}/>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<table:table-cell office:value-type="float" office:value="{value}"{rep}><text:p>{value}</text:p></table:table-cell>'  # noqa: E501 - one XML or table line reads best whole
    return f'<table:table-cell office:value-type="string"{rep}><text:p>{escape(str(value))}</text:p></table:table-cell>'


def ods_table(name: str, rows: list[list[object]] | str) -> str:
    body = (
        rows
        if isinstance(rows, str)
        else "".join(
            "<table:table-row>" + "".join(ods_cell(v) for v in r) + "</table:table-row>" for r in rows
        )
    )
    return f'<table:table table:name="{escape(name, {chr(34): "&quot;"})}">{body}</table:table>'


def ods(
    tables: list[str] | str, mimetype: str = ODS_MIME, extra: dict[str, str | bytes] | None = None
) -> bytes:
    """An ODS from <table:table> XML (see ods_table)."""
    if isinstance(tables, str):
        tables = [tables]
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIME}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    parts = {"mimetype": mimetype, "content.xml": content, "META-INF/manifest.xml": manifest, **(extra or {})}
    return pack(parts, stored_first="mimetype")


def xls_fixture(name: str = "sample.xls") -> bytes:
    """A real XLS made once with xlwt (tests/fixtures/make_xls.py)."""
    return (FIXTURES / name).read_bytes()


def lie_about_size(raw: bytes, member: str, size: int) -> bytes:
    """The ZIP with `member`'s claimed uncompressed size changed (local header and directory)."""
    data = bytearray(raw)
    name = member.encode()
    at = 0
    while (at := data.find(b"PK\x03\x04", at)) >= 0:
        length = struct.unpack_from("<H", data, at + 26)[0]
        if data[at + 30 : at + 30 + length] == name:
            struct.pack_into("<I", data, at + 22, size)
        at += 4
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name:
            struct.pack_into("<I", data, at + 24, size)
        at += 4
    return bytes(data)


def patch_xls_column(raw: bytes, column: int = 0xFFFF) -> bytes:
    """far.xls with its last cell (an RK record at IV65536) moved to `column`: calamine then asks
    for 137 GB and aborts the process it runs in."""
    at = raw.find(struct.pack("<HHHH", 0x027E, 10, 0xFFFF, 0x00FF))
    return raw[: at + 6] + struct.pack("<H", column) + raw[at + 8 :]


def loop_xls_difat(raw: bytes) -> bytes:
    """An XLS whose DIFAT chain points back to itself: calamine loops, growing, until stopped."""
    data = bytearray(raw)
    struct.pack_into("<I", data, 68, 0)  # the DIFAT starts at sector 0 ...
    struct.pack_into("<I", data, 512 + 508, 0)  # ... whose last entry names sector 0 again
    return bytes(data)
