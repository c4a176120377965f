"""Every translation key used in the code exists in both languages, with the same placeholders."""

import re
import string
from pathlib import Path

import pytest

from kim_dash import i18n
from kim_dash.apportion import METHODS
from kim_dash.coverage import KECAMATAN_COLUMNS
from kim_dash.export import REGISTRY_COLUMNS
from kim_dash.planner import MODES, PLAN_COLUMNS, WEIGHTINGS
from kim_dash.ranking import RANKING_COLUMNS
from kim_dash.strings import STRINGS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "app.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted((ROOT / "kim_dash").rglob("*.py")),
]
LITERAL = re.compile(r"""\bt\(\s*["']([a-z_]+(?:\.[a-z0-9_★\-]+)+)["']""")
KEY_ARGUMENT = re.compile(
    r"""["']((?:nav|provenance|report|ranking|kecamatan|registry|planner|saturation|data|province|plan)\.[a-z_.★]+)["']"""
)

# keys built at run time from a family and its members
DYNAMIC = {
    "data.kind": ["auto", "registry", "national"],
    "data.level": ["kecamatan", "regency"],
    "planner.explain": list(METHODS),
    "planner.mode": list(MODES) + [f"{m}.help" for m in MODES],
    "planner.weighting": [*WEIGHTINGS, "file"] + [f"{w}.help" for w in [*WEIGHTINGS, "file"]],
    "planner.ineq": ["gini_per_village", "cv", "min_max_ratio", "zero_units", "share_at_target"],
    "status": ["below", "at", "above"],
    "report.col": ["file", "row", "column", "value", "reason"],
    "ranking.col": ["★", *[c for c in RANKING_COLUMNS if c != "province_code"]],
    "kecamatan.col": KECAMATAN_COLUMNS,
    "registry.col": REGISTRY_COLUMNS,
    "plan.col": PLAN_COLUMNS,
    "province.col": ["province", "kim", "regencies_with_kim", "regencies", "coverage", "top_regency"],
    "ranking.bandcol": ["band", "regencies"],
    "saturation.col": ["code", "name", "villages", "villages_covered", "kim", "needed"],
    "problem": [
        "missing_file",
        "empty_file",
        "undecodable",
        "malformed",
        "missing_column",
        "extra_column",
        "empty",
        "duplicate",
        "not_integer",
        "negative",
        "not_number",
        "bad_year",
        "bad_date",
        "bad_code",
        "unknown_province",
        "unknown_regency",
        "unknown_kecamatan",
        "unknown_desa",
        "desa_not_in_kecamatan",
        "not_allowed",
        "bad_source",
        "missing_target",
        "too_large",
        "not_text",
        "bad_xlsx",
        "bad_zip",
        "bad_geo",
        "unsupported",
        "no_header",
    ],
}


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        keys |= set(LITERAL.findall(text))
        # keys passed on to helpers (provenance, downloads, validation_report), minus family prefixes and file names
        keys |= {
            k
            for k in KEY_ARGUMENT.findall(text)
            if k not in DYNAMIC and not k.endswith((".csv", ".py", ".md"))
        }
    keys |= {f"{family}.{member}" for family, members in DYNAMIC.items() for member in members}
    return keys


def test_the_scan_finds_keys():
    assert len(used_keys()) > 200  # the scan itself works


@pytest.mark.parametrize("key", sorted(used_keys()))
def test_key_exists_in_both_languages(key):
    assert key in STRINGS, f"missing translation key {key!r}"
    assert set(STRINGS[key]) == set(i18n.LANGUAGES)
    assert all(STRINGS[key][lang].strip() for lang in i18n.LANGUAGES)


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_same_placeholders_in_both_languages(key):
    fields = {
        lang: {f for _, f, _, _ in string.Formatter().parse(STRINGS[key][lang]) if f}
        for lang in i18n.LANGUAGES
    }
    assert fields["id"] == fields["en"], key


def test_missing_key_is_an_error_not_a_fallback():
    with pytest.raises(KeyError):
        i18n.t("no.such.key", "id")


def test_locale_formatting():
    assert i18n.fmt_int(4228, "id") == "4.228" and i18n.fmt_int(4228, "en") == "4,228"
    assert i18n.fmt_pct(0.125, "id") == "12,5%" and i18n.fmt_pct(0.125, "en") == "12.5%"
    assert i18n.fmt_as_of("2014-12", "id") == "Desember 2014"
    assert i18n.fmt_as_of("2016-12-20", "en") == "December 20, 2016"
    assert i18n.fmt_as_of("", "id") == "tidak bertanggal"
