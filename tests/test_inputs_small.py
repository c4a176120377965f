"""Smaller hostile inputs: line structure in Markdown, a stray cp1252 byte, notes, a long search in a
brief, --out into a missing folder, an ambiguous --regency, numbers in the reader's language."""

from __future__ import annotations

import io
import sqlite3

import pytest
from pypdf import PdfReader

from kim_dash.cli import main
from kim_dash.model.ranking import RankingFilter
from kim_dash.outputs.pdf.views import BriefRequest, brief_pdf
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.readers.budget import DEFAULT_BUDGET
from kim_dash.sources.readers.text import csv_rows


@pytest.mark.parametrize(
    "cell",
    [
        "Jagapati\n\n    kode = 1\n    kode = 2",
        "\tx",
        "a\r\n---\r\nb",
        "a\u2028    b",
        "    indented",
        "a\n# judul",
    ],
)
def test_line_structure_never_becomes_markdown(cell):
    from kim_dash.ui.widgets import plain

    escaped = plain(cell)
    assert "\n" not in escaped and "\r" not in escaped and "\u2028" not in escaped and "\t" not in escaped
    assert escaped == escaped.strip() and "  " not in escaped.replace(" \\- ", "")
    assert escaped.replace("\\", "").split() == cell.replace("#", "#").split()


def test_a_stray_cp1252_byte_in_a_utf8_file_is_reported_with_byte_and_row():
    raw = "nama,kecamatan\nKIM Cisarúa,Cisarua\nKIM Caf".encode() + b"\xe9,Ciawi\n"
    with pytest.raises(DatasetError) as caught:
        csv_rows(raw, "kim.csv", DEFAULT_BUDGET)
    [problem] = caught.value.problems
    assert (problem.reason, problem.row, problem.value) == ("mixed_encoding", 3, "0xE9")
    assert "0xE9" in problem.message("en") and "UTF-8" in problem.message("id")
    rows = csv_rows("nama\nKIM Café\n".encode("cp1252"), "kim.csv", DEFAULT_BUDGET)  # a cp1252 file reads
    assert rows[1] == ["KIM Café"]


def _import(data_copy, note: str) -> list[str]:
    registry = str(data_copy / "registry.csv")
    return ["--data", str(data_copy), "import", "registry", registry, "--as-of", "2020-06-30", "--note", note]


def test_notes_are_bounded_and_printed_escaped(data_copy, capsys):
    assert main(_import(data_copy, "x" * 501)) == 2
    assert "at most 500" in capsys.readouterr().err
    assert not (data_copy / "kim.sqlite").exists()
    assert main(_import(data_copy, "Rekap\x1b[2J\ttab\u202eevil\nline")) == 0
    capsys.readouterr()
    assert main(["--data", str(data_copy), "snapshots"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split("\t")
    [row] = [line for line in out.splitlines() if "2020-06-30" in line]
    assert row.split("\t")[header.index("note")] == "Rekap\\x1b[2J\\ttab\\u202eevil\\nline"
    assert "\x1b" not in out and "\u202e" not in out
    with sqlite3.connect(data_copy / "kim.sqlite") as conn:  # stored as given
        assert (
            conn.execute("SELECT note FROM kim_snapshot WHERE as_of = '2020-06-30'")
            .fetchone()[0]
            .endswith("\nline")
        )


def test_a_long_search_makes_a_short_brief(dataset):
    search = "jagapati " * 12_000
    data = brief_pdf(dataset, BriefRequest("ranking", "id", "32.01", ranking=RankingFilter(search=search)))
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) <= 2
    assert "…" in " ".join(p.extract_text() for p in pages)


def test_out_into_a_missing_folder_is_a_usage_error(tmp_path, capsys):
    out = tmp_path / "tidak_ada" / "x.csv"
    assert main(["export", "ranking", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --out") and "no such folder" in err and "Traceback" not in err
    assert main(["brief", "--out", str(tmp_path / "tidak_ada" / "b.pdf")]) == 2
    assert not out.parent.exists()


def test_an_ambiguous_regency_names_both(capsys):
    assert main(["export", "kecamatan", "--regency", "Bogor"]) == 2
    err = capsys.readouterr().err
    assert "ambiguous" in err and "32.01" in err and "32.71" in err and "unknown" not in err


def test_a_bound_in_a_problem_is_written_in_the_readers_language(geography):
    from kim_dash.sources.upload import ingest

    raw = b"kecamatan_code,count,source\n32.04.05,5000000,illustrative\n"
    [problem] = [
        p for p in ingest(raw, "c.csv", geography, "counts", "32.04").problems if p.column == "count"
    ]
    assert problem.reason == "too_big"
    assert "at most 1,000,000" in problem.message("en")
    assert "paling banyak 1.000.000" in problem.message("id")


def test_every_bound_in_a_message_follows_the_language():
    from kim_dash.sources.problems import Problem

    rows = Problem("f.csv", 20_001, None, "20000", "too_many_rows")
    assert "20,000" in rows.message("en") and "20.000" in rows.message("id")
    vertices = Problem("b.geojson", 3, None, None, "too_many_vertices", "1,000,000")
    assert "1,000,000" in vertices.message("en") and "1.000.000" in vertices.message("id")
    assert "5000000" in Problem("f.csv", 2, "count", "5000000", "too_big", "1000000").message(
        "en"
    )  # as typed
