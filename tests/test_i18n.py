"""Every translation key the code can use exists in both languages, with the same placeholders.

Keys are found as any string literal shaped like a key (so one chosen by a conditional is found too),
and families built at run time (f"status.{s}") must be listed below with every member.
"""

import re
import string
from pathlib import Path

import pytest

from kim_dash import i18n
from kim_dash.model.apportion import METHODS
from kim_dash.model.coverage import KECAMATAN_COLUMNS, STATUSES
from kim_dash.model.grain import GRAINS
from kim_dash.model.inequality import MEASURES
from kim_dash.model.planner import MODES, WEIGHTINGS
from kim_dash.outputs.extract_tables import COLUMN_KINDS
from kim_dash.outputs.grain_sentences import PLACE_WHATS
from kim_dash.outputs.palette import KNOWN_ORDER
from kim_dash.sources.specs import REPORT_WHATS
from kim_dash.sources.specs import STATUSES as KIM_STATUSES
from kim_dash.strings import STRINGS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "app.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted(p for p in (ROOT / "kim_dash").rglob("*.py") if "strings" not in p.parts),
]
PREFIXES = sorted({key.split(".")[0] for key in STRINGS})
LITERAL = re.compile(r"""["']((?:{})\.[a-z0-9_\-]+(?:\.[a-z0-9_\-]+)*)["']""".format("|".join(PREFIXES)))
FAMILY = re.compile(r"""f["']((?:{})(?:\.[a-z0-9_\-]+)*)\.\{{""".format("|".join(PREFIXES)))
PROBLEMS = [k.removeprefix("problem.") for k in STRINGS if k.startswith("problem.")]

# families of keys built at run time, with every member the code can produce
DYNAMIC: dict[str, list[str]] = {
    "status": [*STATUSES, "unknown"],
    "kimstatus": [*KIM_STATUSES, "unknown"],
    "type": ["Kabupaten", "Kota", "unknown"],
    "kind": ["registry", "counts", "national", "unknown"],
    "data.kind": ["auto", "registry", "counts", "national"],
    "data.level": ["kecamatan", "regency"],
    "data.joined_by": ["code", "name"],
    "guidance.template": ["counts", "registry"],
    "planner.explain": list(METHODS),
    "planner.later_total": ["more", "fewer"],
    "planner.method": list(METHODS),
    "planner.slug": [
        *(f"w.{w}" for w in WEIGHTINGS),
        *(f"m.{m}" for m in METHODS),
        *(f"o.{m}" for m in MODES),
    ],
    "planner.ineq.same": ["share_at_target", "zero_units"],
    "planner.mode": [*MODES, *(f"{m}.help" for m in MODES)],
    "planner.weighting": [*WEIGHTINGS, *(f"{w}.help" for w in WEIGHTINGS)],
    "planner.minimums": ["per_desa", "per_kecamatan", "default"],
    "planner.kpi.target_floor": ["per_desa", "per_kecamatan"],
    "brief.floor_met": ["per_desa", "per_kecamatan"],
    "brief.floor_short": ["per_desa", "per_kecamatan"],
    "planner.table_title": list(MODES),
    "planner.ineq": list(MEASURES),
    "kecamatan.kpi.target_help": ["even", "per_desa", "per_kecamatan", "default"],
    "report.col": ["file", "row", "column", "value", "reason"],
    "brief.fact": [
        "total_kim",
        "regencies_with_kim",
        "provinces_with_kim",
        "band_count",
        "kecamatan_with_kim",
    ],
    "grain": ["early", "mid"],
    "grain.what": list(REPORT_WHATS),
    "grain.what_of": list(PLACE_WHATS),
    "grain.target": ["even", "per_desa"],
    "grain.date_kind": ["as_of", "event", "article", "inferred"],
    "grain.kpi": ["known_without", "at_least", "unknown"],
    "grain.state": list(KNOWN_ORDER),
    "grain.data": list(GRAINS),
    "col": list(COLUMN_KINDS) + KECAMATAN_COLUMNS,
    "problem": PROBLEMS,
    "field": [k.split(".", 1)[1] for k in STRINGS if k.startswith("field.")],  # the registry's vocabulary
}
FILE_SUFFIXES = (
    ".csv",
    ".py",
    ".md",
    ".xlsx",
    ".pdf",
    ".json",
    ".geojson",
    ".zip",
    ".gpkg",
    ".toml",
    ".sqlite",
)


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        keys |= {k for k in LITERAL.findall(text) if not k.endswith(FILE_SUFFIXES) and k not in DYNAMIC}
    keys |= {
        f"{family}.{member}" for family, members in DYNAMIC.items() if family != "col" for member in members
    }
    return keys


def families_in_code() -> set[str]:
    return {m for path in SOURCES for m in FAMILY.findall(path.read_text(encoding="utf-8"))}


def test_the_scan_finds_keys_and_every_runtime_family_is_listed():
    assert len(used_keys()) > 250
    assert families_in_code() - set(DYNAMIC) - {"col", "source"} == set()


@pytest.mark.parametrize("key", sorted(used_keys()))
def test_key_exists_in_both_languages(key):
    assert key in STRINGS, f"missing translation key {key!r}"
    assert set(STRINGS[key]) >= {"id", "en"}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_same_placeholders_and_no_empty_text(key):
    entry = STRINGS[key]
    assert entry["id"].strip() and entry["en"].strip()
    assert _placeholders(entry["id"]) == _placeholders(entry["en"]) >= _placeholders(entry.get("en_one", ""))


def test_plural_forms():
    assert i18n.t("brief.empty", "en", count=1, names="Cariu") == "1 kecamatan has no KIM: Cariu."
    assert i18n.t("brief.empty", "en", count=2, names="A and B") == "2 kecamatan have no KIM: A and B."
    assert i18n.t("report.title", "en", count=3) == "Invalid data: 3 problems found"


def test_locale_formats():
    assert i18n.fmt_int(4228, "id") == "4.228" and i18n.fmt_int(4228, "en") == "4,228"
    assert i18n.fmt_pct(0.23077, "id") == "23,1%" and i18n.fmt_pct(0.23077, "en") == "23.1%"
    assert i18n.fmt_num(3.75, "id") == "3,75" and i18n.fmt_num(3.75, "en") == "3.75"
    assert i18n.fmt_as_of("2014-12", "id") == "Desember 2014" and i18n.fmt_as_of("", "en") == "undated"


def test_no_emoji_carries_meaning():
    emoji = re.compile("[\U0001f300-\U0001faff]")
    assert not [k for k, v in STRINGS.items() if emoji.search(v["id"] + v["en"])]


def test_the_unevenness_table_formats_each_measure_in_the_locale():
    from kim_dash.model.inequality import Inequality
    from kim_dash.outputs.cells import inequality_rows

    before = Inequality(0.3125, 1.5, 0.0, 9, 0.775)
    after = Inequality(0.25, 1.25, 0.5, 0, 1.0)
    rows = {r["Ukuran"]: (r["Sebelum"], r["Sesudah"]) for r in inequality_rows(before, after, "id")}
    assert len(rows) == 5
    assert rows["Kecamatan tanpa KIM"] == ("9", "0")  # a count
    assert rows["Kecamatan yang mencapai target"] == ("77,5%", "100,0%")  # a percentage, decimal comma
    assert ("0,31", "0,25") in rows.values()  # a decimal, two places
    english = inequality_rows(before, after, "en")
    assert [list(r)[1:] for r in english] == [["Before", "After"]] * 5
    assert [(r["Before"], r["After"]) for r in english][1:] == [
        ("1.50", "1.25"),
        ("0.00", "0.50"),
        ("9", "0"),
        ("77.5%", "100.0%"),
    ]
