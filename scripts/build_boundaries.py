"""Rebuild data/boundaries/: display boundaries of every kabupaten/kota and kecamatan.

Source: ../shared/reference/geo/boundaries (MIT, cahyadsn/wilayah_boundaries; see data/boundaries/NOTICE.md).
Its polygons were simplified one by one, so neighbours overlap and leave slivers between them. Per file:

1. `shapely.coverage_clean`: overlaps go to the smaller neighbour, gaps narrower than GAP_WIDTH are
   filled, shared edges become identical;
2. `shapely.coverage_simplify` (Visvalingam-Whyatt on the shared edges, so neighbours move together);
3. snap rounding to the output grid *as one coverage*: the linework of all polygons is noded on the grid,
   polygonized into faces and each face goes to the polygon covering most of it. Rounding each polygon on
   its own would bend shared edges differently and break the coverage again.

Output: EPSG:4326, property `code` only, MultiPolygon, sorted by code, compact JSON. Same input, same bytes.
Run from the project root:  python scripts/build_boundaries.py [--geo ../shared/reference/geo/boundaries]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
GAP_WIDTH = 0.0075  # degrees (~830 m): the source's slivers are narrower, its lakes and enclaves wider
# Visvalingam-Whyatt tolerance in degrees (square root of the area of the triangles it removes) and the
# decimals kept (output grid 10^-decimals degrees).
# National map (zoom 3.5-4, 1 px ~ 0.05 deg): 0.02 deg ~ 2 km is a third of a pixel (and keeps
# Kepulauan Seribu's islets), the file small enough for a phone. Kecamatan map (zoom 9-10,
# 1 px ~ 0.0007-0.0014 deg): 0.001 deg ~ 110 m is about one pixel for both.
LEVELS = {"regency": (0.02, 3), "kecamatan": (0.001, 3)}
FACE_SHARE = 0.5  # a face at least this much covered by polygons goes to the one covering most of it


def read_source(path: Path, codes: set[str]) -> gpd.GeoDataFrame:
    """The source file's `code` and geometry, in EPSG:4326, checked against the reference codes."""
    frame = gpd.read_file(path, columns=["code"])
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        frame = frame.set_crs(4326) if frame.crs is None else frame.to_crs(4326)
    frame["code"] = frame["code"].astype(str)
    if frame["code"].duplicated().any():
        raise SystemExit(f"{path}: duplicate codes {sorted(frame.loc[frame['code'].duplicated(), 'code'])}")
    unknown = set(frame["code"]) - codes
    if unknown:
        raise SystemExit(f"{path}: codes not in the reference: {sorted(unknown)[:5]}")
    if not frame.geom_type.isin(["Polygon", "MultiPolygon"]).all():
        raise SystemExit(f"{path}: a feature is not polygonal")
    return frame.sort_values("code").reset_index(drop=True)


def _face_owners(faces: np.ndarray, polygons: np.ndarray) -> np.ndarray:
    """Index of the polygon covering most of each face, or -1 (lakes, enclosed sea, islets rounded away)."""
    face_idx, poly_idx = shapely.STRtree(polygons).query(faces, predicate="intersects")
    shared = shapely.area(shapely.intersection(faces[face_idx], polygons[poly_idx]))
    owners = np.full(len(faces), -1)
    # largest shared area first, ties to the lower polygon index: deterministic
    order = np.lexsort((poly_idx, -shared, face_idx))
    first = np.unique(face_idx[order], return_index=True)[1]
    best_face, best_poly = face_idx[order][first], poly_idx[order][first]
    # the polygons do not overlap, so the summed shares are the part of the face they cover; a sliver
    # face that rounding squeezed between two neighbours has no majority owner but is still covered
    covered = np.bincount(face_idx, weights=shared, minlength=len(faces))[best_face]
    keep = covered >= FACE_SHARE * shapely.area(faces[best_face])
    owners[best_face[keep]] = best_poly[keep]
    return owners


def snap_round(polygons: np.ndarray, grid: float) -> np.ndarray:
    """The coverage with every vertex on the grid, shared edges still identical."""
    linework = shapely.union_all(shapely.boundary(polygons), grid_size=grid)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(linework)))
    owners = _face_owners(faces, polygons)
    out = np.empty(len(polygons), dtype=object)
    for i in range(len(polygons)):
        mine = faces[owners == i]
        out[i] = shapely.coverage_union_all(mine) if len(mine) else shapely.MultiPolygon()
    return out


def display_coverage(polygons: np.ndarray, tolerance: float, grid: float) -> np.ndarray:
    """Clean, simplify and snap-round a set of neighbouring polygons; MultiPolygons in canonical form."""
    # Overlaps go to the smaller polygon: where the source overlaps a lot, a new unit was cut out of a
    # parent whose polygon still covers it (Manokwari, Toili, Sorong). GEOS gives gaps to the neighbour
    # with the longest shared border whatever the strategy.
    with np.errstate(invalid="ignore"):  # GEOS raises a floating-point flag on two files; output is checked
        cleaned = shapely.coverage_clean(polygons, gap_width=GAP_WIDTH, merge_strategy="min_area")
    rounded = snap_round(shapely.coverage_simplify(cleaned, tolerance), grid)
    multi = [
        g if g.geom_type == "MultiPolygon" else shapely.MultiPolygon([g]) for g in shapely.normalize(rounded)
    ]
    # normalize() orders parts and rings; RFC 7946 wants counter-clockwise exteriors
    return shapely.orient_polygons(np.array(multi, dtype=object), exterior_cw=False)


def check(codes: list[str], geoms: np.ndarray, file: str) -> None:
    """Stop on an empty or invalid feature or an invalid coverage: never ship a broken file."""
    bad = [c for c, g in zip(codes, geoms) if g.is_empty or not g.is_valid]
    if bad:
        raise SystemExit(f"{file}: empty or invalid after simplification: {bad[:5]}")
    if not shapely.coverage_is_valid(geoms):
        raise SystemExit(f"{file}: neighbours overlap or their shared edges differ")


def feature_collection(codes: list[str], geoms: np.ndarray, decimals: int) -> str:
    """Compact GeoJSON text; coordinates printed with at most `decimals` places."""

    def ring(coords: np.ndarray) -> list[list[float]]:
        return [[round(float(x), decimals), round(float(y), decimals)] for x, y in coords]

    features = []
    for code, geom in zip(codes, geoms):
        polygons = [
            [ring(p.exterior.coords), *(ring(r.coords) for r in p.interiors)] for p in shapely.get_parts(geom)
        ]
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")) + "\n"


def write_level(source: Path, out: Path, codes: set[str], level: str) -> list[str]:
    """Build one output file from one source file; returns the codes written."""
    tolerance, decimals = LEVELS[level]
    frame = read_source(source, codes)
    geoms = display_coverage(frame.geometry.values, tolerance, 10.0**-decimals)
    written = frame["code"].tolist()
    check(written, geoms, out.name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(feature_collection(written, geoms, decimals), encoding="utf-8")
    print(f"wrote {out}: {len(written)} features, {out.stat().st_size:,} bytes")
    return written


def _codes(path: Path) -> list[str]:
    return pd.read_csv(path, dtype=str, keep_default_na=False)["code"].tolist()


def build(geo_dir: Path, ref_dir: Path, out_dir: Path) -> None:
    regencies = _codes(ref_dir / "regencies.csv")
    kecamatan = _codes(ref_dir / "kecamatan.csv")
    provinces = _codes(ref_dir / "provinces.csv")

    written = write_level(
        geo_dir / "regencies.geojson", out_dir / "regencies.geojson", set(regencies), "regency"
    )
    if sorted(written) != sorted(regencies):
        raise SystemExit(f"regencies: missing {sorted(set(regencies) - set(written))[:5]}")

    written = []
    for province in provinces:
        in_province = {c for c in kecamatan if c.startswith(province + ".")}
        name = f"{province}.geojson"
        written += write_level(
            geo_dir / "kecamatan" / name, out_dir / "kecamatan" / name, in_province, "kecamatan"
        )
    if sorted(written) != sorted(kecamatan):
        raise SystemExit(f"kecamatan: missing {sorted(set(kecamatan) - set(written))[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--geo", type=Path, default=ROOT.parent / "shared" / "reference" / "geo" / "boundaries"
    )
    parser.add_argument("--reference", type=Path, default=ROOT / "data" / "reference")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "boundaries")
    args = parser.parse_args()
    build(args.geo, args.reference, args.out)


if __name__ == "__main__":
    main()
