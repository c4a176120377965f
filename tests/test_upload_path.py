"""Hardening, end to end: every class of bad file through the page's own path (sheet names → ingest →
report → preview → extracts) gives the project's own problems, never another exception, never a byte of
a server file, and never a change to data/."""

from __future__ import annotations

import contextlib
import random

import pytest

from kim_dash.model.coverage import kecamatan_table
from kim_dash.model.planner import default_plan, weights_units
from kim_dash.model.regency import regency_data
from kim_dash.outputs import writers as export
from kim_dash.outputs.extract_tables import kecamatan_extract, registry_extract
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.readers import sheet_names
from kim_dash.sources.upload import ingest

from .conftest import data_digest
from .hostile_files import cases

HOSTILE_CELLS = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(A1)",
    "-2+3",
    "9" * 5000,
    str(2**63),
    "1e400",
    "inf",
    "²",
    "٣",
    "<b>tebal</b>",
    "[x](javascript:alert(1))",
    ":red[merah]",
    "../../etc/passwd",
    "Café",
    "KIM \u202e kiri",
    "",
    " ",
    "32.01.27",
    "Kec. CARINGIN",
    "2015",
    "1,5",
    "aktif",
    "\u00a0",
]
HEADERS = [
    "nama_kim;kecamatan;desa;tahun_dibentuk;status;bidang;sumber",
    "kecamatan;jumlah;sumber;tanggal",
    "kabupaten/kota;jumlah kim;sumber",
    "kecamatan;bobot;kim",
]


def registry_shaped(rng: random.Random) -> tuple[str, bytes]:
    """Files that get past the reader: real column names, hostile and plausible cells mixed."""
    header = rng.choice(HEADERS)
    width = header.count(";") + 1
    rows = [
        ";".join(rng.choice(HOSTILE_CELLS).replace(";", ",").replace("\n", " ") for _ in range(width))
        for _ in range(rng.randint(1, 12))
    ]
    return "registri.csv", ("\n".join([header, *rows]) + "\n").encode("utf-8")


def through_the_page(raw: bytes, name: str, geography, dataset, kind: str | None) -> bool:
    """What Kelola Data does with an upload; True when the file was accepted as it is."""
    if name.lower().endswith((".xlsx", ".xls", ".ods")):
        with contextlib.suppress(DatasetError):
            sheet_names(raw, name)
    result = ingest(raw, name, geography, kind, "32.01")
    for problem in result.problems:
        problem.message("id"), problem.message("en"), problem.as_record("id")
    if result.rejected_rows is not None:
        export.to_csv_bytes(result.rejected_rows)
    if result.frame is None or result.kind == "weights":
        return False
    preview = dataset.with_preview(
        result.kind, "" if result.kind == "national" else "32.01", result.frame, name
    )
    regency = regency_data(preview, "32.01")
    table = kecamatan_table(regency)
    for lang in ("id", "en"):
        export.to_xlsx_bytes(kecamatan_extract(regency), "kecamatan", lang)
        export.to_csv_bytes(registry_extract(regency), "registry", lang)
    default_plan(regency)
    return len(table) == 40


@pytest.fixture(autouse=True)
def data_untouched():
    before = data_digest()
    yield
    assert data_digest() == before, "an upload must never change data/"


@pytest.mark.slow
def test_a_thousand_hostile_files_through_the_page_path(geography, dataset):
    rng = random.Random(20261129)
    files = list(cases(seed=11, n=800)) + [registry_shaped(rng) for _ in range(400)]
    outcomes = {True: 0, False: 0}
    for name, raw in files:
        kind = rng.choice([None, "registry", "counts", "national", "weights"])
        outcomes[through_the_page(raw, name, geography, dataset, kind)] += 1  # anything raised fails the test
    assert len(files) >= 1_000 and outcomes[True] > 0 and outcomes[False] > 0, outcomes


@pytest.mark.parametrize(
    ("cell", "column", "reason"),
    [
        (str(2**63), "count", "too_big"),
        ("9" * 20, "count", "too_big"),
        ("9" * 5000, "B", "cell_too_long"),
        ("²", "count", "not_integer"),
        ("٣", "count", "not_integer"),
        ("-4", "count", "negative"),
        ("12,5", "count", "not_integer"),
    ],
)
def test_counts_that_are_not_counts(geography, cell, column, reason):
    raw = f"kecamatan;jumlah\nCaringin;{cell}\n".encode()
    (problem,) = ingest(raw, "jumlah.csv", geography, "counts", "32.01").problems
    assert (problem.row, problem.column, problem.reason) == (2, column, reason)


@pytest.mark.parametrize("current", ["²", "inf", str(2**63), "1e400"])
def test_weights_file_current_that_is_not_a_count(geography, bogor, current):
    rows = "".join(f"32.01.{i:02d},1,{current if i == 5 else 1}\n" for i in range(1, 41))
    with pytest.raises(DatasetError) as err:
        weights_units(("code,weight,current\n" + rows).encode(), "bobot.csv", geography, bogor)
    assert [(p.row, p.column) for p in err.value.problems] == [(6, "current")]


def test_weights_from_indonesian_excel_and_markup_in_names(geography, bogor):
    rows = "".join(f"{c};{i + 1};<b>x</b>\n" for i, c in enumerate(bogor.kecamatan["code"]))
    units = weights_units(("kode;bobot;nama\n" + rows).encode("cp1252"), "bobot.csv", geography, bogor)
    from kim_dash.ui import charts_plan

    fig = charts_plan.before_after(default_plan(bogor).assign(name="<a href='x'>klik</a>"), "id")
    assert "<a href" not in fig.to_json() and "&lt;a href" in fig.to_json()  # plotly would render a live link
    assert len(units) == 40


def test_a_control_character_is_reported_and_never_breaks_an_extract(geography):
    raw = b"nama_kim;kecamatan\nKIM \x07Bel;Caringin\n"
    (problem,) = ingest(raw, "r.csv", geography, "registry", "32.01").problems
    assert (problem.row, problem.column, problem.reason) == (2, "A", "control_character")
    import pandas as pd

    assert export.to_xlsx_bytes(pd.DataFrame({"name": ["a\x07b"]}))  # belt and braces: the writer replaces it


def test_hostile_counts_in_the_data_folder_give_a_report_not_a_traceback(data_copy, monkeypatch):
    path = data_copy / "national_kim_2014.csv"
    path.write_text(path.read_text().replace("32.01,134,", f"32.01,{2**63},"))
    monkeypatch.setenv("KIM_DATA_DIR", str(data_copy))
    from streamlit.testing.v1 import AppTest

    from .apptest_helpers import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception and "Data tidak valid" in at.error[0].value
    report = at.dataframe[0].value
    assert report["Kolom"].tolist() == ["count"] and "terlalu besar" in report["Alasan"].iloc[0]
