"""Name normalisation used for boundary joins, CLI filters and uploads."""

import pytest

from kim_dash.sources import names


@pytest.fixture(scope="module")
def kecamatan(geography):
    return geography.names("kecamatan", "32.01")


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("Gunung Putri", "32.01.02"),
        ("GUNUNGPUTRI", "32.01.02"),
        ("Babakanmadang", "32.01.05"),
        ("Babakan Madang", "32.01.05"),
        ("Kec. Cibinong", "32.01.01"),
        ("KECAMATAN CIBINONG", "32.01.01"),
        ("kec cibinong", "32.01.01"),
        ("Mega Mendung", "32.01.26"),
        ("Bojong Gede", "32.01.13"),
        ("Tajur Halang", "32.01.37"),
        ("32.01.27", "32.01.27"),
        ("320127", "32.01.27"),
    ],
)
def test_spelling_variants_match(kecamatan, spelling, code):
    assert names.match(spelling, kecamatan) == code


@pytest.mark.parametrize("unknown", ["Gunungputrii", "Jakarta", "", "Kec."])
def test_unknown_name_is_not_guessed(kecamatan, unknown):
    assert names.match(unknown, kecamatan) is None


def test_suggestion_is_separate_from_match(kecamatan):
    assert names.suggest("Gunungputrii", kecamatan) == "Gunungputri"
    assert names.suggest("Xyzzy", kecamatan) is None


def test_regencies_keep_kabupaten_and_kota_apart(geography):
    regencies = geography.names("regency")
    assert names.match("Kab. Bogor", regencies) == "32.01"
    assert names.match("KOTA BOGOR", regencies) == "32.71"
    assert names.match("Bogor", regencies) is None  # ambiguous without Kabupaten/Kota: not guessed


def test_ambiguous_names_are_none():
    assert names.match("Sukamaju", {"1": "Sukamaju", "2": "Suka Maju"}) is None
