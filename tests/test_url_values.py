"""A link is hostile input: every URL-bound value is clamped or refused before it reaches a widget."""

from __future__ import annotations

import pytest

from kim_dash.sources.url_values import YEAR_RANGE, clamp_int
from tests.apptest_helpers import APP

PAYLOADS = ["2097", "1e309", "inf", "-1e309", "nan", "9" * 400, ""]
URL_BOUND = {  # page -> the parameters its widgets keep in the URL (the frame's on every page)
    "ringkasan": ["lang", "wilayah", "per"],
    "peringkat": ["provinsi", "jenis", "kelompok", "cari"],
    "kecamatan": ["kec"],
    "rencana": ["target", "per_tahun", "mulai", "sampai", "bobot", "mode", "metode"],
}
CASES = [(page, key) for page, keys in URL_BOUND.items() for key in keys]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2097", 2097),
        ("3000", 2100),
        ("1000", 1980),
        ("2027.0", 2027),
        ("1e309", None),
        ("inf", None),
        ("-1e309", None),
        ("nan", None),
        ("9" * 16, None),
        ("", None),
        ("٢٠٢٧", None),  # Arabic-Indic digits are not a plain number
    ],
)
def test_clamp_int(text, expected):
    assert clamp_int(text, *YEAR_RANGE) == expected


@pytest.mark.parametrize(("page", "key"), CASES)
def test_every_payload_on_every_url_bound_parameter(page, key):
    from streamlit.testing.v1 import AppTest

    for payload in PAYLOADS:
        at = AppTest.from_file(APP, default_timeout=120)
        at.run()
        at.query_params[key] = payload
        if page != "ringkasan":
            at.switch_page(f"pages/{page}.py")
        at.run()
        assert not at.exception, (key, payload[:20], [e.value for e in at.exception])


def test_typing_a_late_first_year_keeps_the_plan_working():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/rencana.py")
    at.run()
    for year in (2097, 2100):
        at.number_input(key="mulai").set_value(year).run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.number_input(key="mulai").value == year
        assert at.number_input(key="sampai").value == YEAR_RANGE[1]
    at.query_params.clear()


def test_a_link_out_of_range_is_clamped_and_shown():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.query_params["target"] = "99999999999"
    at.query_params["mulai"] = "2097"
    at.switch_page("pages/rencana.py")
    at.run()
    assert not at.exception
    assert at.number_input(key="target").value == 100_000
    assert (at.number_input(key="mulai").value, at.number_input(key="sampai").value) == (2097, 2100)
