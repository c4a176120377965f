"""Data dates: one reading (kim_dash.sources.dates) for --as-of, date columns and stored snapshots.

An impossible date is never stored, never used, and a bad one already in a store is a report, never a
crashed page or brief.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from kim_dash.cli import main
from kim_dash.i18n import fmt_as_of
from kim_dash.sources.dates import BadDate, date_problem, parse_as_of
from tests.apptest_helpers import APP

TODAY = dt.date(2026, 12, 7)
IMPOSSIBLE = ["2024-13-45", "2025-02-30", "0000-00-00", "2024-00", "2023-02-29", "20240", "2024-1-5", ""]


@pytest.mark.parametrize("text", IMPOSSIBLE)
def test_a_date_that_does_not_exist_is_refused(text):
    assert date_problem(text, today=TODAY) == "bad_date"


@pytest.mark.parametrize(
    ("text", "reason"),
    [("1989-12-31", "date_too_early"), ("1066", "date_too_early"), ("2026-12-08", "date_in_future")],
)
def test_dates_out_of_bounds(text, reason):
    assert date_problem(text, today=TODAY) == reason


def test_real_dates_keep_their_precision():
    assert parse_as_of("2024-02-29", today=TODAY).precision == "day"
    assert parse_as_of("2014-12", today=TODAY).precision == "month"
    assert parse_as_of("2026", today=TODAY).precision == "year"  # counts from 1 January: not future
    assert parse_as_of("1990-01-01", today=TODAY).text == "1990-01-01"
    assert parse_as_of("2031-06", allow_future=True, today=TODAY).start == dt.date(2031, 6, 1)
    with pytest.raises(BadDate):
        parse_as_of("2027", today=TODAY)


def test_formatting_never_fails_on_a_bad_date():
    assert fmt_as_of("2024-13-45", "id") == "2024-13-45"
    assert fmt_as_of("2016-12-20", "en") == "December 20, 2016"


def _registry(data_copy):
    return str(data_copy / "registry.csv")


@pytest.mark.parametrize("text", ["2024-13-45", "2025-02-30", "0000-00-00", "1989-06", "2999-01-01"])
def test_import_refuses_an_impossible_date_and_stores_nothing(data_copy, capsys, text):
    code = main(["--data", str(data_copy), "import", "registry", _registry(data_copy), "--as-of", text])
    err = capsys.readouterr().err
    assert code == 1 and text in err and "Traceback" not in err
    assert not (data_copy / "kim.sqlite").exists()


def test_allow_future_lets_a_planned_date_through(data_copy, capsys):
    future = f"{dt.date.today().year + 2}-01"
    args = ["--data", str(data_copy), "import", "registry", _registry(data_copy), "--as-of", future]
    assert main(args) == 1 and "--allow-future" in capsys.readouterr().err
    assert main([*args, "--allow-future"]) == 0


@pytest.mark.parametrize("text", ["2024-13-45", "0000-00-00", "1980", "2999"])
@pytest.mark.parametrize("command", [["export", "ranking"], ["brief", "--out", "x.pdf"], ["snapshots"]])
def test_the_global_as_of_is_checked_exit_2(data_copy, capsys, text, command):
    code = main(["--data", str(data_copy), "--as-of", text, *command])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: --as-of: ") and text in err
    assert not (data_copy / "x.pdf").exists()


def _store_with_bad_date(data_copy, capsys) -> None:
    """A store written by an older version (or by hand) holding a snapshot dated 2024-13-45."""
    args = ["--data", str(data_copy), "import", "registry", _registry(data_copy), "--as-of", "2020-06-30"]
    assert main(args) == 0
    capsys.readouterr()
    with sqlite3.connect(data_copy / "kim.sqlite") as conn:
        conn.execute("UPDATE kim_snapshot SET as_of = '2024-13-45' WHERE as_of = '2020-06-30'")


def test_a_bad_date_in_the_store_is_a_report_in_the_cli(data_copy, capsys, tmp_path):
    _store_with_bad_date(data_copy, capsys)
    out = tmp_path / "b.pdf"
    code = main(["--data", str(data_copy), "brief", "--page", "kecamatan", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "2024-13-45" in err and "as_of" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("page", [None, "peringkat", "kecamatan", "rencana", "data"])
def test_a_bad_date_in_the_store_is_a_report_on_every_page(data_copy, capsys, monkeypatch, page):
    from streamlit.testing.v1 import AppTest

    _store_with_bad_date(data_copy, capsys)
    monkeypatch.setenv("KIM_DATA_DIR", str(data_copy))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    report = at.dataframe[0].value
    assert "2024-13-45" in set(report.astype(str).to_numpy().ravel())
