"""Bring the published reports of other kabupaten/kota and their per-kecamatan lists into data/.

Reads ../shared/reference/published/published_reports.csv and lists/*.csv (names as the sources write
them) and writes, with a `published:<site> <date>` source on every row:

- data/published_reports.csv: one reported figure a row, with its regency code, its date at its own
  precision (`as_of` YYYY, YYYY-MM or YYYY-MM-DD; empty when the source gives a period or none) and
  the date as the source words it (`date_text`);
- data/published_kecamatan.csv: partial facts per kecamatan (a list names some kecamatan and says
  nothing about the others): `count` when the source gives one (0 = published without KIM),
  `at_least` 1 when it says a KIM was formed there without a number.

Deterministic: running it twice writes the same bytes. Run from the project root:
    python scripts/build_published.py [PUBLISHED_DIR]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kim_dash.sources.names import match  # noqa: E402 - after the path

DATA = ROOT / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "published"
REPORT_COLUMNS = [
    "level",
    "province_code",
    "regency_code",
    "what",
    "count",
    "of_total",
    "of_unit",
    "as_of",
    "date_text",
    "date_kind",
    "source",
    "url",
    "note",
]
FACT_COLUMNS = ["regency_code", "kecamatan_code", "as_of", "count", "at_least", "source", "note"]
# which list rows say what: (file, status test) -> exact count or "at least one"
LIST_RULES = {
    "kab_malang_2023_kecamatan_without_kim_jatimtimes.csv": lambda row: ("count", int(row["kim_count"])),
    "kab_serang_2019_kecamatan_with_kim_biem.csv": lambda row: ("at_least", 1),
    "kab_tuban_2021_kecamatan_kim_status_kimronggolawe.csv": lambda row: (
        ("count", 0) if "not yet formed" in row["status"] else ("at_least", 1)
    ),
    "kab_dharmasraya_2017_kim_kecamatan_infopublik.csv": lambda row: (
        ("at_least", 1) if row["status"] == "KIM formed" else None  # planned or at the event: unknown
    ),
    "kab_pati_2023_kim_desa_lingkarpati.csv": lambda row: ("at_least", 1),  # a KIM formed in a desa of it
}


def date_of(text: str) -> str:
    """'2023-06 (mid)' -> '2023-06', '2025 (early)' -> '2025', '2017-2019' -> '' (a period: undated)."""
    found = re.fullmatch(r"([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)( \(.*\))?", text.strip())
    return found.group(1) if found else ""


def source_of(url: str, date_text: str) -> str:
    return f"published:{urlparse(url).netloc.removeprefix('www.')} {date_text}"


def regency_code(regencies: pd.DataFrame, name: str) -> str:
    found = regencies[regencies["name"] == name]["code"].tolist()
    if len(found) != 1:
        raise SystemExit(f"regency {name!r}: {len(found)} matches in data/reference/regencies.csv")
    return str(found[0])


def reports(source: Path, regencies: pd.DataFrame, provinces: pd.DataFrame) -> pd.DataFrame:
    raw = pd.read_csv(source / "published_reports.csv", dtype=str, keep_default_na=False)
    codes = [regency_code(regencies, r) if r else "" for r in raw["regency"]]
    province_codes = dict(zip(provinces["name"].str.upper(), provinces["code"], strict=True))
    out = pd.DataFrame(
        {
            "level": raw["level"],
            "province_code": [
                code[:2] if code else province_codes.get(p.upper(), "")
                for p, code in zip(raw["province"], codes, strict=True)
            ],
            "regency_code": codes,
            "what": raw["what"],
            "count": raw["count"],
            "of_total": raw["of_total"],
            "of_unit": raw["of_unit"],
            "as_of": raw["valid_date"].map(date_of),
            "date_text": raw["valid_date"],
            "date_kind": raw["date_kind"],
            "source": [source_of(u, d) for u, d in zip(raw["source_url"], raw["valid_date"], strict=True)],
            "url": raw["source_url"],
            "note": raw["note"],
        }
    )
    return out[REPORT_COLUMNS]


def kecamatan_facts(source: Path, regencies: pd.DataFrame, kecamatan: pd.DataFrame) -> pd.DataFrame:
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for file_name, rule in LIST_RULES.items():
        listed = pd.read_csv(source / "lists" / file_name, dtype=str, keep_default_na=False)
        for row in listed.to_dict("records"):
            said = rule(row)
            if said is None:
                continue
            code = regency_code(regencies, row["regency"])
            names = dict(zip(kecamatan["code"], kecamatan["name"], strict=True))
            names = {c: n for c, n in names.items() if c.startswith(code + ".")}
            kec = match(row["kecamatan"], names)
            if kec is None:
                raise SystemExit(f"{file_name}: kecamatan {row['kecamatan']!r} not in {code}")
            key = (code, kec)
            if key in rows:  # several desa of one kecamatan: one fact for the kecamatan
                continue
            rows[key] = {
                "regency_code": code,
                "kecamatan_code": kec,
                "as_of": date_of(row["valid_date"]),
                "count": str(said[1]) if said[0] == "count" else "",
                "at_least": str(said[1]) if said[0] == "at_least" else "",
                "source": source_of(row["source_url"], row["valid_date"]),
                "note": file_name.removesuffix(".csv"),
            }
    out = pd.DataFrame(rows.values(), columns=FACT_COLUMNS)
    return out.sort_values(["regency_code", "kecamatan_code"]).reset_index(drop=True)


def main(source: Path = DEFAULT_SOURCE) -> None:
    reference = DATA / "reference"
    regencies = pd.read_csv(reference / "regencies.csv", dtype=str)
    provinces = pd.read_csv(reference / "provinces.csv", dtype=str)
    kecamatan = pd.read_csv(reference / "kecamatan.csv", dtype=str)
    reports(source, regencies, provinces).to_csv(
        DATA / "published_reports.csv", index=False, lineterminator="\n"
    )
    kecamatan_facts(source, regencies, kecamatan).to_csv(
        DATA / "published_kecamatan.csv", index=False, lineterminator="\n"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
