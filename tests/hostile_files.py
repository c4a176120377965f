"""Hand-made spreadsheets and text files, good and hostile, for the readers' tests and for fuzzing.

Nothing here uses openpyxl or odfpy: the XML is written by hand into zipfile, so a file can break
every rule a library would enforce. `cases(seed, n)` yields (file name, bytes) pairs of varied
hostile and mutated uploads for fuzzing a whole upload path.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Iterator
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
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}<sheetData>{body}</sheetData></worksheet>'


def xlsx(
    sheets: dict[str, str] | str,
    shared: list[str] | str | None = None,
    charts: tuple[str, ...] = (),
    extra: dict[str, bytes | str] | None = None,
    drop: tuple[str, ...] = (),
    level: int = 6,
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
        entries.append(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>')
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
        return f'<table:table-cell office:value-type="float" office:value="{value}"{rep}><text:p>{value}</text:p></table:table-cell>'
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


# --- fuzzing ------------------------------------------------------------------------------------

WORDS = [
    "nama_kim",
    "kecamatan",
    "Cibinong",
    "Café",
    "2015",
    "1,5",
    "7.5",
    "aktif",
    "",
    " ",
    '"',
    "a;b",
    "x\ny",
]
NAMES = [".csv", ".txt", ".xlsx", ".xlsx", ".ods", ".xls", ".xlsm", ".tsv", ".pdf", ""]


def _table(rng: random.Random) -> list[list[object]]:
    width, height = rng.randint(1, 8), rng.randint(1, 30)
    return [
        [
            rng.choice([rng.choice(WORDS), rng.randint(-(10**6), 10**6), rng.random() * 1000, ""])
            for _ in range(width)
        ]
        for _ in range(height)
    ]


def _text(rng: random.Random) -> tuple[str, bytes]:
    rows = _table(rng)
    delimiter = rng.choice([";", ",", "\t", "|"])
    text = "\n".join(delimiter.join(str(v) for v in r) for r in rows)
    twist = rng.randrange(8)
    if twist == 0:
        text = text.replace('"', '"' * rng.randint(1, 3), 1) + rng.choice(['"', '"x', ""])
    elif twist == 1:
        text = delimiter.join(f"k{i}" for i in range(rng.choice([59, 61, 5000, 300_000]))) + "\n" + text
    elif twist == 2:
        text += "\n" + "x" * rng.choice([999, 1001, 200_000])
    elif twist == 3:
        text += "".join(chr(rng.randrange(0, 0x20)) for _ in range(rng.randint(1, 40)))
    elif twist == 4:
        text = ("a\n" * rng.choice([19_999, 20_001])) + text
    encoding = rng.choice(
        ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "utf-32", "latin-1"]
    )
    raw = text.encode(encoding, errors="replace")
    if rng.random() < 0.2:
        raw = raw[: rng.randrange(len(raw) + 1)]
    return "fuzz" + rng.choice([".csv", ".txt", ".csv", ".xlsx"]), raw


def _good_xlsx(rng: random.Random) -> bytes:
    rows = _table(rng)
    first = rng.choice([1, 1, 3])
    sheets = {"Data": sheet_xml(rows, dimension=rng.choice([None, "A1:XFD1048576", "A1"]), first_row=first)}
    charts = ("Chart",) if rng.random() < 0.2 else ()
    return xlsx(sheets, shared=rng.choice([None, ["a", "b"]]), charts=charts)


def _good_ods(rng: random.Random) -> bytes:
    return ods([ods_table(f"S{i}", _table(rng)) for i in range(rng.randint(1, 3))])


def _xml_twist(rng: random.Random) -> bytes:
    """A spreadsheet whose XML is wrong in a way a library might not expect."""
    refs = ["A1", "XFD1", "A1048576", "XFD1048576", "ZZZZ1", "A0", "1", "", "A99999999", "a1", "BI1"]
    cells = "".join(
        f'<c r="{rng.choice(refs)}" t="{rng.choice(["n", "s", "b", "e", "str", "d", "inlineStr", "zz"])}">'
        f"<v>{rng.choice(['1', 'abc', '-1', '99999999999', '2024-13-45', '#N/A', '', '1e309'])}</v></c>"
        for _ in range(rng.randint(1, 6))
    )
    kind = rng.randrange(6)
    if kind == 0:
        return xlsx(sheet_xml(f"<row>{cells}</row>"), shared=["x"])
    if kind == 1:
        sst = f'<sst xmlns="{MAIN}" uniqueCount="{rng.choice(["1", "99999999999999", "-5", "x"])}"><si><t>x</t></si></sst>'
        return xlsx(sheet_xml(f"<row>{cells}</row>"), shared=sst)
    if kind == 2:
        bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        return xlsx(bomb + sheet_xml([["&b;"]]).split("?>", 1)[1])
    if kind == 3:
        repeat = rng.choice(["1", "60", "61", "20001", "1048576", "99999999999", "-1", "x"])
        row = f'<table:table-row table:number-rows-repeated="{repeat}">{ods_cell(1, int(repeat) if repeat.isdigit() and int(repeat) < 100 else 2)}</table:table-row>'
        return ods(ods_table("S", row))
    if kind == 4:
        return xlsx(
            sheet_xml(f"<row>{cells}</row>"),
            drop=(
                rng.choice(
                    [
                        "xl/workbook.xml",
                        "_rels/.rels",
                        "xl/_rels/workbook.xml.rels",
                        "xl/worksheets/sheet1.xml",
                    ]
                ),
            ),
        )
    return xlsx(
        {"A": sheet_xml([["x"]]), "B": sheet_xml(f"<row>{cells}</row>")},
        extra=rng.choice(
            [
                {},
                {"xl/vbaProject.bin": b"x"},
                {"xl/externalLinks/externalLink1.xml": "<x/>"},
                {"../evil.xml": "x"},
            ]
        ),
    )


def _mutate(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    kind = rng.randrange(4)
    if kind == 0 and data:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif kind == 1:
        del data[rng.randrange(len(data) + 1) :]
    elif kind == 2 and data:
        at = rng.randrange(len(data))
        data[at : at + rng.randint(1, 64)] = rng.randbytes(rng.randint(0, 64))
    return bytes(data)


def cases(seed: int, n: int) -> Iterator[tuple[str, bytes]]:
    """`n` (file name, bytes) pairs, the same for the same seed: hostile, mutated or plain good."""
    rng = random.Random(seed)
    xls = xls_fixture()
    for i in range(n):
        family = rng.randrange(10)
        if family < 3:
            name, raw = _text(rng)
        elif family < 6:
            raw, name = _mutate(rng, _good_xlsx(rng)), "fuzz.xlsx"
        elif family == 6:
            raw, name = _mutate(rng, _good_ods(rng)), "fuzz.ods"
        elif family == 7:
            raw, name = _xml_twist(rng), rng.choice(["fuzz.xlsx", "fuzz.ods"])
        elif family == 8 and i % 3 == 0:
            raw, name = _mutate(rng, xls), "fuzz.xls"
        else:
            raw, name = rng.randbytes(rng.randint(0, 3000)), "fuzz" + rng.choice(NAMES)
        if rng.random() < 0.05:
            name = "fuzz" + rng.choice(NAMES)  # the content and the name disagree
        yield name, raw
