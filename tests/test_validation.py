"""Schema rejections: each bad case, made from a copy of the data, names file, row, column, reason."""

from pathlib import Path

import pytest

from kim_dash.sources.geography import Geography
from kim_dash.sources.problems import DatasetError
from kim_dash.store.dataset import load_dataset


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _problems(folder: Path):
    from kim_dash.sources.geography import load_geography

    global _GEOGRAPHY
    _GEOGRAPHY = _GEOGRAPHY or load_geography(
        folder
    )  # the reference files are not edited here: read them once
    with pytest.raises(DatasetError) as err:
        load_dataset(folder, geography=_GEOGRAPHY)
    return err.value.problems


_GEOGRAPHY: Geography | None = None


def _line_of(path: Path, startswith: str) -> int:
    """The spreadsheet row of the first line starting with `startswith` (header = row 1)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(startswith))


def test_shipped_data_is_valid(bogor):
    assert len(bogor.registry) == 136


def test_missing_and_extra_column(data_copy):
    path = data_copy / "registry.csv"
    _edit(path, "id,name,", "id,nama_lain,")
    found = {(p.file, p.column, p.reason) for p in _problems(data_copy)}
    assert found == {
        ("registry.csv", "name", "missing_column")
    }  # an unknown column is ignored, as in uploads


def test_unknown_kecamatan_and_desa_codes(data_copy):
    path = data_copy / "registry.csv"
    row = _line_of(path, "KIM-0001,")
    _edit(
        path,
        "KIM-0001,KIM Pondok Rajeg,32.01.01,32.01.01.1001",
        "KIM-0001,KIM Pondok Rajeg,32.01.99,32.01.01.9999",
    )
    problems = _problems(data_copy)
    assert [(p.file, p.row, p.column, p.reason) for p in problems] == [
        ("registry.csv", row, "desa_code", "unknown_desa"),
        ("registry.csv", row, "kecamatan_code", "unknown_kecamatan"),
    ]


def test_desa_not_in_stated_kecamatan(data_copy):
    path = data_copy / "registry.csv"
    row = _line_of(path, "KIM-0001,")
    _edit(path, "KIM-0001,KIM Pondok Rajeg,32.01.01,", "KIM-0001,KIM Pondok Rajeg,32.01.02,")
    (problem,) = _problems(data_copy)
    assert (problem.row, problem.column, problem.value, problem.reason) == (
        row,
        "desa_code",
        "32.01.01.1001",
        "desa_not_in_kecamatan",
    )
    assert "32.01.02" in problem.line()


def test_duplicate_id(data_copy):
    path = data_copy / "registry.csv"
    _edit(path, "KIM-0002,", "KIM-0001,")
    problems = _problems(data_copy)
    assert {(p.row, p.column, p.reason) for p in problems} == {(2, "id", "duplicate"), (3, "id", "duplicate")}


@pytest.mark.parametrize(
    ("bad", "reason"), [("-5", "negative"), ("12.5", "not_integer"), ("dua", "not_integer")]
)
def test_bad_counts(data_copy, bad, reason):
    path = data_copy / "national_kim_2014.csv"
    row = _line_of(path, "32.01,")
    _edit(path, "32.01,134,", f"32.01,{bad},")
    (problem,) = _problems(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value, problem.reason) == (
        "national_kim_2014.csv",
        row,
        "count",
        bad,
        reason,
    )


def test_empty_name(data_copy):
    path = data_copy / "registry.csv"
    row = _line_of(path, "KIM-0003,")
    lines = path.read_text(encoding="utf-8").splitlines()
    parts = lines[row - 1].split(",")
    parts[1] = ""
    lines[row - 1] = ",".join(parts)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = _problems(data_copy)
    assert (problem.row, problem.column, problem.reason) == (row, "name", "empty")


@pytest.mark.parametrize("year", ["1899", "3000", "20x4"])
def test_bad_year(data_copy, year):
    path = data_copy / "registry.csv"
    row = _line_of(path, "KIM-0001,")
    lines = path.read_text(encoding="utf-8").splitlines()
    parts = lines[row - 1].split(",")
    parts[4] = year
    lines[row - 1] = ",".join(parts)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = _problems(data_copy)
    assert (problem.row, problem.column, problem.value, problem.reason) == (
        row,
        "year_formed",
        year,
        "bad_year",
    )


def test_undecodable_bytes_in_a_curated_file(data_copy):
    path = data_copy / "reference" / "desa.csv"
    raw = path.read_bytes().replace(b"Pondok Rajeg", b"Pondok R\xe2jeg", 1)
    path.write_bytes(raw)
    row = raw[: raw.index(b"\xe2jeg")].count(b"\n") + 1
    from kim_dash.sources.geography import load_geography

    with pytest.raises(DatasetError) as err:
        load_geography(data_copy)  # a curated file is UTF-8: never re-read in another encoding
    (problem,) = err.value.problems
    assert (problem.file, problem.row, problem.reason) == ("reference/desa.csv", row, "undecodable")
    assert "0xe2" in problem.line()


def test_problems_are_collected_not_first_only(data_copy):
    _edit(data_copy / "national_kim_2014.csv", "32.01,134,", "32.01,-1,")
    _edit(data_copy / "registry.csv", "KIM-0002,", "KIM-0001,")
    (data_copy / "kim_history.csv").unlink()
    files = {p.file for p in _problems(data_copy)}
    assert files == {"national_kim_2014.csv", "registry.csv", "kim_history.csv"}


def test_unknown_target_kind(data_copy):
    _edit(data_copy / "targets.csv", "32.01,kim_total,", "32.01,kim_totaal,")
    (problem,) = _problems(data_copy)
    assert (problem.file, problem.column, problem.value, problem.reason) == (
        "targets.csv",
        "id",
        "kim_totaal",
        "not_allowed",
    )


def test_messages_exist_in_both_languages(data_copy):
    _edit(data_copy / "registry.csv", "KIM-0002,", "KIM-0001,")
    problem = _problems(data_copy)[0]
    assert "more than once" in problem.message("en")
    assert "lebih dari sekali" in problem.message("id")
