"""The shipped reference geography (data/reference, data/boundaries) against independent values.

Counts come from FACTS.md (Kepmendagri 300.2.2-2138/2025); per-regency kecamatan counts and the Bogor
interior points come from the shared geo files, read here. Nothing is compared with the build scripts' own
constants, except the property test of the snap rounding step.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import assume, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
REFERENCE = DATA / "reference"
BOUNDARIES = DATA / "boundaries"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GEO = SHARED / "reference" / "geo"

# FACTS.md, "Today (Kepmendagri 300.2.2-2138/2025)" and the Kabupaten Bogor table
PROVINCES, REGENCIES, KECAMATAN, VILLAGES = 38, 514, 7285, 83762
BOGOR, BOGOR_KECAMATAN, BOGOR_DESA, BOGOR_KELURAHAN = "32.01", 40, 416, 19
DATA_BUDGET = 15_000_000  # bytes, the whole data/ folder
INDONESIA = (94.0, -12.0, 142.0, 7.0)  # lon/lat box around the country: catches swapped axes or a bad CRS


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def geo() -> Path:
    """The shared geo folder; absent outside the project workspace (skipped), but required on CI."""
    if not GEO.is_dir():
        reason = f"shared reference files not found at {GEO} (they live beside the checkout, not in it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return GEO


@pytest.fixture(scope="module")
def kecamatan() -> pd.DataFrame:
    return _read("kecamatan.csv")


@pytest.fixture(scope="module")
def desa() -> pd.DataFrame:
    return _read("desa.csv")


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


@pytest.fixture(scope="module")
def boundaries() -> dict[str, list[dict]]:
    """File name (relative to data/boundaries) -> features."""
    paths = [BOUNDARIES / "regencies.geojson", *sorted((BOUNDARIES / "kecamatan").glob("*.geojson"))]
    return {str(p.relative_to(BOUNDARIES)): _features(p) for p in paths}


def test_counts_match_facts(kecamatan, desa):
    assert len(_read("provinces.csv")) == PROVINCES
    assert len(_read("regencies.csv")) == REGENCIES
    assert len(kecamatan) == KECAMATAN
    assert len(desa) == VILLAGES
    for frame in (kecamatan, desa):
        assert frame["code"].is_unique and frame["code"].is_monotonic_increasing


def test_facts_md_states_these_counts(geo):
    facts = re.sub(r"\s+", " ", (geo.parent / "FACTS.md").read_text(encoding="utf-8"))
    for phrase in [
        f"{PROVINCES} provinces",
        f"the same {REGENCIES} kabupaten/kota",
        f"{KECAMATAN:,} kecamatan",
        f"{VILLAGES:,} desa and kelurahan",
        f"{BOGOR_DESA} desa + {BOGOR_KELURAHAN} kelurahan",
    ]:
        assert phrase in facts


def test_code_formats_and_links(kecamatan, desa):
    regencies = _read("regencies.csv")
    assert kecamatan["code"].str.fullmatch(r"\d{2}\.\d{2}\.\d{2}").all()
    assert (kecamatan["regency_code"] == kecamatan["code"].str[:5]).all()
    assert set(kecamatan["regency_code"]) == set(regencies["code"])  # every regency has kecamatan
    assert desa["code"].str.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.\d{4}").all()
    assert set(desa["type"]) == {"desa", "kelurahan"}
    assert (desa["name"].str.strip() != "").all() and (kecamatan["name"].str.strip() != "").all()


def test_every_desa_lies_in_a_kecamatan_and_the_counts_agree(kecamatan, desa):
    parent = desa["code"].str[:8]
    assert set(parent) <= set(kecamatan["code"])
    counted = pd.crosstab(parent, desa["type"]).reindex(kecamatan["code"], fill_value=0)
    assert (counted["desa"].to_numpy() == kecamatan["desa_count"].astype(int).to_numpy()).all()
    assert (counted["kelurahan"].to_numpy() == kecamatan["kelurahan_count"].astype(int).to_numpy()).all()


def test_kabupaten_bogor(kecamatan, desa):
    bogor = kecamatan[kecamatan["regency_code"] == BOGOR]
    assert bogor["code"].tolist() == [f"{BOGOR}.{i:02d}" for i in range(1, BOGOR_KECAMATAN + 1)]
    assert bogor["desa_count"].astype(int).sum() == BOGOR_DESA
    assert bogor["kelurahan_count"].astype(int).sum() == BOGOR_KELURAHAN
    villages = desa[desa["code"].str.startswith(BOGOR + ".")]
    assert villages["type"].value_counts().to_dict() == {"desa": BOGOR_DESA, "kelurahan": BOGOR_KELURAHAN}


def test_kecamatan_per_regency_and_points_match_the_shared_file(geo, kecamatan):
    shared = pd.read_csv(geo / "kecamatan_points.csv", dtype=str, keep_default_na=False)
    ours = kecamatan.groupby("regency_code").size()
    theirs = shared.groupby("regency_code").size()
    assert ours.to_dict() == theirs.to_dict()
    merged = kecamatan.merge(shared, on="code", suffixes=("", "_shared"), validate="one_to_one")
    assert len(merged) == KECAMATAN
    for column in ("lat", "lon", "area_km2"):
        assert np.allclose(merged[column].astype(float), merged[f"{column}_shared"].astype(float), atol=0)


def test_boundary_files_hold_exactly_the_reference_codes(boundaries, kecamatan):
    regency_codes = [f["properties"]["code"] for f in boundaries["regencies.geojson"]]
    assert sorted(regency_codes) == sorted(_read("regencies.csv")["code"])
    provinces = _read("provinces.csv")["code"]
    assert sorted(k for k in boundaries if k != "regencies.geojson") == [
        f"kecamatan/{p}.geojson" for p in sorted(provinces)
    ]
    codes = []
    for name, features in boundaries.items():
        if name.startswith("kecamatan/"):
            province = name.removeprefix("kecamatan/").removesuffix(".geojson")
            codes += [f["properties"]["code"] for f in features]
            assert all(f["properties"]["code"].startswith(province + ".") for f in features)
    assert len(codes) == len(set(codes)) == KECAMATAN
    assert set(codes) == set(kecamatan["code"])


def test_boundaries_are_valid_non_empty_edge_matched_and_in_indonesia(boundaries):
    for name, features in boundaries.items():
        assert all(set(f["properties"]) == {"code"} for f in features), name
        geoms = np.array([shapely.geometry.shape(f["geometry"]) for f in features])
        assert not shapely.is_empty(geoms).any(), name
        assert shapely.is_valid(geoms).all(), name
        assert set(shapely.get_type_id(geoms)) <= {3, 6}, name  # (Multi)Polygon
        # the point of coverage simplification: neighbours share identical edges, no overlaps
        assert shapely.coverage_is_valid(geoms), name
        lon0, lat0, lon1, lat1 = shapely.total_bounds(geoms)
        assert INDONESIA[0] < lon0 < lon1 < INDONESIA[2] and INDONESIA[1] < lat0 < lat1 < INDONESIA[3], name


def test_bogor_interior_points_fall_inside_their_simplified_polygon(geo, boundaries):
    points = pd.read_csv(geo / "bogor_kecamatan_points.csv", dtype={"code": str})
    assert len(points) == BOGOR_KECAMATAN
    polygons = {
        f["properties"]["code"]: shapely.geometry.shape(f["geometry"])
        for f in boundaries["kecamatan/32.geojson"]
    }
    for row in points.itertuples():
        # measured: the closest point is 0.0039 deg (~430 m) inside its boundary, so no tolerance is needed
        assert polygons[row.code].contains(shapely.Point(row.lon, row.lat)), row.code


def test_data_folder_fits_the_budget():
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert total < DATA_BUDGET


def _snap_round():
    spec = importlib.util.spec_from_file_location(
        "build_boundaries", ROOT / "scripts" / "build_boundaries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.snap_round


@settings(max_examples=40, deadline=None)
@given(cuts=st.lists(st.floats(0.01, 0.99), min_size=1, max_size=8, unique=True), tilt=st.floats(-0.3, 0.3))
def test_snap_round_keeps_a_coverage_on_the_grid(cuts, tilt):
    """Strips of the unit square split by slanted lines: after rounding, still gapless and edge-matched."""
    xs = [0.0, *sorted(cuts), 1.0]
    strips = [
        shapely.Polygon(
            [(a, 0), (b, 0), (b + (tilt if 0 < b < 1 else 0), 1), (a + (tilt if 0 < a < 1 else 0), 1)]
        )
        for a, b in zip(xs, xs[1:])
    ]
    strips = [shapely.make_valid(s) if not s.is_valid else s for s in strips]
    # a tilted edge strip can fold over: only real coverages are worth rounding
    assume(shapely.coverage_is_valid(strips) and all(s.geom_type == "Polygon" for s in strips))
    grid = 0.1
    rounded = _snap_round()(np.array(strips, dtype=object), grid)
    assert shapely.coverage_is_valid(rounded)
    coords = shapely.get_coordinates(rounded)
    assert np.allclose(coords / grid, np.round(coords / grid), atol=1e-9)
    assert shapely.coverage_union_all(rounded).area == pytest.approx(1.0)
