"""Boundary files: join by code and by name, reprojection, unmatched names, unsafe zips."""

import io
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

from kim_dash.boundaries.join import choropleth_geojson, join_boundaries, read_boundaries, simplify
from kim_dash.sources.problems import DatasetError

from .conftest import SHARED_GEO


def _squares(bogor, names: list[str], codes: list[str] | None = None) -> gpd.GeoDataFrame:
    points = bogor.kecamatan.head(len(names))
    geometry = [
        box(lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01) for lat, lon in zip(points["lat"], points["lon"])
    ]
    columns = {"WADMKC": names}
    if codes is not None:
        columns["KODE"] = codes
    return gpd.GeoDataFrame(columns, geometry=geometry, crs="EPSG:4326")


def _bytes(frame: gpd.GeoDataFrame, driver: str, tmp_path: Path, name: str) -> bytes:
    path = tmp_path / name
    frame.to_file(path, driver=driver)
    return path.read_bytes()


def test_join_by_name_from_projected_geopackage(bogor, tmp_path):
    names = ["CIBINONG", "Gunung Putri", "Kec. Citeureup", "SUKARAJA", "Babakanmadang", "Atlantis"]
    frame = _squares(bogor, names).to_crs("EPSG:32748")  # UTM 48S, as Bappeda files often are
    raw = _bytes(frame, "GPKG", tmp_path, "kec.gpkg")
    read, crs = read_boundaries(raw, "kec.gpkg")
    assert crs == "WGS 84 / UTM zone 48S" and read.crs.to_epsg() == 4326  # the CRS's name, not its code
    join = join_boundaries(read, bogor.kecamatan, "kecamatan", crs)
    assert join.joined_by == "name"
    assert join.frame["code"].tolist() == ["32.01.01", "32.01.02", "32.01.03", "32.01.04", "32.01.05"]
    assert join.unmatched == ["Atlantis"]
    assert len(join.missing) == 35
    centre = join.frame.set_index("code").geometry["32.01.01"].centroid
    point = bogor.kecamatan.set_index("code").loc["32.01.01"]
    assert centre.x == pytest.approx(point["lon"], abs=1e-4) and centre.y == pytest.approx(
        point["lat"], abs=1e-4
    )


def test_join_by_code_from_zipped_shapefile(bogor, tmp_path):
    frame = _squares(bogor, ["x", "y", "z"], codes=["3201010", "32.01.02", "320103"])
    folder = tmp_path / "shp"
    folder.mkdir()
    frame.to_file(folder / "kec.shp")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in folder.iterdir():
            archive.write(part, part.name)
    read, crs = read_boundaries(buffer.getvalue(), "kec.zip")
    join = join_boundaries(read, bogor.kecamatan, "kecamatan", crs)
    assert join.joined_by == "code"
    assert sorted(join.frame["code"]) == ["32.01.02", "32.01.03"]
    assert join.unmatched == ["3201010"]


def test_unsafe_zip_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../etc/evil.shp", b"x")
    with pytest.raises(DatasetError) as err:
        read_boundaries(buffer.getvalue(), "evil.zip")
    assert err.value.problems[0].reason == "zip_unsafe_path"
    assert not (tmp_path.parent / "etc" / "evil.shp").exists()


def test_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.geojson", b"\0" * (60 * 1024 * 1024))
    with pytest.raises(DatasetError) as err:
        read_boundaries(buffer.getvalue(), "bomb.zip")
    assert err.value.problems[0].reason == "zip_bomb"


def test_not_a_boundary_file():
    with pytest.raises(DatasetError) as err:
        read_boundaries(b"this is not json", "x.geojson")
    assert err.value.problems[0].reason == "not_json"
    with pytest.raises(DatasetError) as err:
        read_boundaries(b"x", "x.exe")
    assert err.value.problems[0].reason == "boundary_unsupported"


def test_choropleth_geojson_is_simplified(bogor):
    frame = _squares(bogor, ["Cibinong"])
    collection = choropleth_geojson(
        frame.assign(code=["32.01.01"])[["code", "geometry"]],
        bogor.kecamatan[["code", "name"]],
        {"32.01.01": [1, 2, 3]},
        "kecamatan",
    )
    (feature,) = collection["features"]
    assert feature["properties"] == {"code": "32.01.01", "name": "Cibinong", "colour": [1, 2, 3]}
    assert feature["geometry"]["type"] == "Polygon"
    assert simplify(frame, "kecamatan").geometry.iloc[0].is_valid


REAL = SHARED_GEO / "boundaries"


@pytest.mark.skipif(not REAL.is_dir(), reason="real boundaries live in ../shared (not shipped)")
def test_real_kecamatan_boundaries_join_by_code(bogor):
    read, crs = read_boundaries((REAL / "bogor_kecamatan.geojson").read_bytes(), "bogor_kecamatan.geojson")
    join = join_boundaries(read, bogor.kecamatan, "kecamatan", crs)
    assert join.joined_by == "code" and len(join.frame) == 40 and not join.unmatched and not join.missing


@pytest.mark.skipif(not REAL.is_dir(), reason="real boundaries live in ../shared (not shipped)")
def test_real_kecamatan_boundaries_join_by_upper_case_name(bogor):
    read, _ = read_boundaries((REAL / "bogor_kecamatan.geojson").read_bytes(), "bogor_kecamatan.geojson")
    renamed = read.drop(columns=["code"]).assign(name=read["name"].str.upper().str.replace("PUTRI", " PUTRI"))
    join = join_boundaries(renamed, bogor.kecamatan, "kecamatan")
    assert join.joined_by == "name" and len(join.frame) == 40 and not join.unmatched


@pytest.mark.skipif(not REAL.is_dir(), reason="real boundaries live in ../shared (not shipped)")
def test_real_regency_boundaries(geography):
    read, crs = read_boundaries((REAL / "regencies.geojson").read_bytes(), "regencies.geojson")
    join = join_boundaries(read, geography.regencies, "regency", crs)
    assert len(join.frame) == 514 and not join.unmatched
    by_name = join_boundaries(read.drop(columns=["code"]), geography.regencies, "regency")
    assert len(by_name.frame) >= 500  # a few regencies share a normalised name across provinces
    assert set(by_name.unmatched) <= set(read["name"])
