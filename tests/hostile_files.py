"""Varied hostile and mutated uploads for fuzzing a whole upload path (readers, ingest, UI).

    for name, raw in cases(seed=1, n=1_000): ...

Families: text in many encodings with unclosed quotes, huge headers, long cells, control characters
and row counts around the limit; good XLSX/ODS files truncated, bit-flipped or overwritten; XML
that breaks a library's expectations (far references, absurd counts, DOCTYPE entities, missing
parts, macros, links, unsafe paths); mutated XLS; random bytes under any name.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from tests.sheet_files import MAIN, ods, ods_cell, ods_table, sheet_xml, xls_fixture, xlsx

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
        sst = f'<sst xmlns="{MAIN}" uniqueCount="{rng.choice(["1", "99999999999999", "-5", "x"])}"><si><t>x</t></si></sst>'  # noqa: E501 - one XML or table line reads best whole
        return xlsx(sheet_xml(f"<row>{cells}</row>"), shared=sst)
    if kind == 2:
        bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        return xlsx(bomb + sheet_xml([["&b;"]]).split("?>", 1)[1])
    if kind == 3:
        repeat = rng.choice(["1", "60", "61", "20001", "1048576", "99999999999", "-1", "x"])
        row = f'<table:table-row table:number-rows-repeated="{repeat}">{ods_cell(1, int(repeat) if repeat.isdigit() and int(repeat) < 100 else 2)}</table:table-row>'  # noqa: E501 - one XML or table line reads best whole
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
    extras: list[dict[str, bytes | str]] = [
        {},
        {"xl/vbaProject.bin": b"x"},
        {"xl/externalLinks/externalLink1.xml": "<x/>"},
        {"../evil.xml": "x"},
    ]
    return xlsx({"A": sheet_xml([["x"]]), "B": sheet_xml(f"<row>{cells}</row>")}, extra=rng.choice(extras))


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
