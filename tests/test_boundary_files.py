"""Boundary uploads read without GDAL: hostile files get Problems (no server data, no paths), CRS and repair."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point, box

from kim_dash.boundaries import base as boundary_base
from kim_dash.boundaries.join import join_boundaries
from kim_dash.boundaries.upload import read_boundary_file
from kim_dash.sources.problems import DatasetError

from .boundary_helpers import (
    CIBINONG,
    POINTS,
    SENTINEL,
    feature,
    geojson,
    members,
    needs_real,
    problem_text,
    real_utm,
    refused,
    shapefile_zip,
    square,
    zipped,
)

pytestmark = pytest.mark.filterwarnings("ignore:Declared file size")  # pyshp, on damaged files


# --- GDAL never sees user bytes ---------------------------------------------------------------


@pytest.fixture
def vrt(tmp_path: Path) -> bytes:
    secret = tmp_path / "secret.csv"
    secret.write_text(f"name\n{SENTINEL}_line1\n{SENTINEL}_line2\n")
    document = tmp_path / "batas.geojson"
    document.write_text(
        f"<OGRVRTDataSource><OGRVRTLayer name='secret'><SrcDataSource>{secret}</SrcDataSource>"
        "</OGRVRTLayer></OGRVRTDataSource>"
    )
    # the attack is real: GDAL, opening by content, reads the server file through it
    assert SENTINEL in pyogrio.read_dataframe(document)["name"].iloc[0]
    return document.read_bytes()


@pytest.mark.parametrize("name", ["batas.geojson", "batas.json", "batas.zip:kec.shp", "batas.zip:kec.vrt"])
def test_vrt_document_never_reads_a_server_file(vrt, tmp_path, name):
    file, _, member = name.partition(":")
    raw = zipped({member: vrt, "kec.dbf": vrt}) if member else vrt
    problems = refused(raw, file)
    text = problem_text(problems)
    assert SENTINEL not in text and str(tmp_path) not in text and "Traceback" not in text
    expected = {"batas.geojson": "not_json", "batas.json": "not_json"}
    assert problems[0].reason == expected.get(
        file, "bad_shapefile" if member == "kec.shp" else "zip_no_shapefile"
    )


def test_zip_path_traversal_and_bombs_are_refused():
    assert refused(zipped({"../../etc/kec.shp": b"x"}), "a.zip")[0].reason == "zip_unsafe_path"
    assert refused(zipped({"/etc/kec.shp": b"x"}), "a.zip")[0].reason == "zip_unsafe_path"
    assert refused(zipped({"kec.shp": b"\0" * (60 * 1024 * 1024)}), "a.zip")[0].reason == "zip_bomb"
    # many members each under the ratio check's floor, together over 50 MiB unpacked
    many = zipped({f"p{i}.dbf": b"\0" * 1_000_000 for i in range(55)})
    assert len(many) < 5 * 1024 * 1024
    assert refused(many, "a.zip")[0].reason in ("zip_too_large", "zip_too_big", "too_many_members")
    assert refused(b"PK\x03\x04 not really", "a.zip")[0].reason in ("zip_broken", "bad_zip")


def test_budgets(monkeypatch):
    assert refused(b" " * (5 * 1024 * 1024 + 1), "a.geojson")[0].reason == "too_large"
    assert refused(b"[" * 100_000 + b"]" * 100_000, "a.geojson")[0].reason == "json_too_deep"
    nulls = geojson(*[feature(None)] * 20_001)
    assert refused(nulls, "a.geojson")[0].reason == "too_many_features"
    long = refused(geojson(feature(square(*CIBINONG), name="x" * 1001)), "a.geojson")
    assert (long[0].reason, long[0].row, long[0].column) == ("text_too_long", 1, "name")
    monkeypatch.setattr(boundary_base, "MAX_VERTICES", 9)  # a square is 5 positions
    two = geojson(feature(square(*CIBINONG)), feature(square(106.9, -6.5)))
    assert refused(two, "a.geojson")[0].reason == "too_many_vertices"


def test_unsupported_types_name_the_accepted_ones():
    (problem,) = refused(b"<kml/>", "batas.kml")
    assert problem.reason == "boundary_unsupported" and ".gpkg" in problem.message("id")
    assert refused(b"x", "kec.shp")[0].reason == "boundary_unsupported"


# --- CRS ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "member",
    [
        {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC::Mars2000"}},
        {"type": "name", "properties": {"name": "+proj=longlat +nadgrids=/etc/passwd"}},
        {"type": "link", "properties": {"href": "file:///etc/passwd", "type": "proj4"}},
        "EPSG:4326",
    ],
)
def test_bad_geojson_crs_member(member):
    raw = geojson(feature(square(*CIBINONG), name="Cibinong"), crs=member)
    (problem,) = refused(raw, "a.geojson")
    assert problem.reason == "bad_crs_member" and "passwd" not in problem.message("en").split("'")[0]


@pytest.mark.parametrize(
    "name", ["EPSG:32748", "urn:ogc:def:crs:EPSG::32748", "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"]
)
def test_geojson_crs_member_epsg_forms(name):
    utm = "32748" in name
    x, y = (701_000.0, 9_283_000.0) if utm else CIBINONG
    half = 1000.0 if utm else 0.01
    raw = geojson(
        feature(square(x, y, half), name="Cibinong"), crs={"type": "name", "properties": {"name": name}}
    )
    read = read_boundary_file(raw, "a.geojson")
    expected = gpd.GeoSeries([Point(x, y)], crs=32748 if utm else 4326).to_crs(4326).iloc[0]
    assert read.frame.geometry.iloc[0].centroid.distance(expected) < 1e-6
    assert read.crs_name == ("WGS 84 / UTM zone 48S" if utm else "WGS 84") and not read.crs_assumed


def test_lon_lat_without_crs_is_assumed_and_said_so():
    read = read_boundary_file(geojson(feature(square(*CIBINONG), name="Cibinong")), "a.geojson")
    assert read.crs_assumed and read.crs_name == "WGS 84"


@needs_real
def test_utm_shapefile_without_prj_is_not_guessed(tmp_path):
    problems = refused(shapefile_zip(real_utm(), tmp_path / "shp", prj=False), "kec.zip")
    assert [p.reason for p in problems] == ["no_crs_projected"]
    assert "9" in (problems[0].value or "")  # the bounds in metres are shown (northings near 9,2 million)


@needs_real
def test_utm_shapefile_with_prj_is_reprojected(tmp_path):
    read = read_boundary_file(shapefile_zip(real_utm(), tmp_path / "shp"), "kec.zip")
    assert read.layer == "kec" and read.crs_name == "WGS 84 / UTM zone 48S"
    polygons = read.frame.set_index("code").geometry
    points = pd.read_csv(POINTS, dtype={"code": str})
    assert len(points) == 40
    for code, lat, lon in zip(points["code"], points["lat"], points["lon"]):
        assert polygons[code].contains(Point(lon, lat)), code


def test_prj_name_with_markup_is_returned_verbatim(tmp_path):
    frame = gpd.GeoDataFrame({"name": ["Cibinong"]}, geometry=[Point(*CIBINONG).buffer(0.01)], crs=4326)
    raw = shapefile_zip(frame.to_crs(32748), tmp_path / "shp")
    parts = dict(members(raw))
    markup = "**WGS** <b>84</b> [UTM](javascript:alert(1)) _x_ `y`"
    parts["kec.prj"] = parts["kec.prj"].replace(b"WGS_1984_UTM_Zone_48S", markup.encode())
    read = read_boundary_file(zipped(parts), "kec.zip")
    assert read.crs_name == markup
    assert read.frame.geometry.iloc[0].contains(Point(*CIBINONG))
    parts["kec.prj"] = parts["kec.prj"].replace(b"]]", b'],EXTENSION["PROJ4","+nadgrids=/etc/passwd"]]', 1)
    assert refused(zipped(parts), "kec.zip")[0].reason == "unsafe_crs"


ID74 = (
    'GEOGCS["ID74",DATUM["Indonesian_Datum_1974",SPHEROID["Indonesian National Spheroid",6378160,298.247],'
    'TOWGS84[-24,-15,5,0,0,0,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]'
)


def test_prj_with_a_datum_shift_is_used(tmp_path):
    """ID74 with TOWGS84 (as GDAL writes WKT1): a bound CRS, reprojected with its datum shift."""
    frame = gpd.GeoDataFrame({"name": ["Cibinong"]}, geometry=[box(106.83, -6.49, 106.85, -6.47)], crs=4326)
    parts = dict(members(shapefile_zip(frame, tmp_path / "shp")))
    read = read_boundary_file(zipped({**parts, "kec.prj": ID74.encode()}), "kec.zip")
    assert read.crs_name == "ID74"
    metres = read.frame.geometry.iloc[0].centroid.distance(Point(106.84, -6.48)) * 111_000
    assert 5 < metres < 200  # a datum shift of tens of metres: applied, and not a wrong projection


# --- geometry repair ---------------------------------------------------------------------------


def test_self_intersecting_polygon_is_repaired_and_counted():
    lon, lat = CIBINONG
    bowtie = [[lon, lat], [lon + 0.02, lat + 0.02], [lon + 0.02, lat], [lon, lat + 0.02], [lon, lat]]
    raw = geojson(
        feature({"type": "Polygon", "coordinates": [bowtie]}, name="Cibinong"),
        feature(square(106.9, -6.5), name="Citeureup"),
    )
    read = read_boundary_file(raw, "a.geojson")
    assert read.repaired == 1 and read.dropped == []
    repaired = read.frame.geometry.iloc[0]
    assert repaired.is_valid and repaired.geom_type == "MultiPolygon"
    assert repaired.area == pytest.approx(2 * (0.02 * 0.01 / 2))  # two triangles, base 0.02, height 0.01


def test_features_without_a_polygon_are_dropped_with_a_reason():
    lon, lat = CIBINONG
    line_like = [[lon, lat], [lon + 0.01, lat], [lon + 0.02, lat], [lon, lat]]  # no area: repairs to a line
    raw = geojson(
        feature(square(*CIBINONG), name="Cibinong"),
        feature({"type": "Polygon", "coordinates": [line_like]}, name="Flat"),
        feature({"type": "Point", "coordinates": [lon, lat]}, name="Point"),
        feature(None, name="Nothing"),
        feature({"type": "Polygon", "coordinates": [[[lon, lat], [lon, lat]]]}, name="Short"),
    )
    read = read_boundary_file(raw, "a.geojson")
    assert read.frame["name"].tolist() == ["Cibinong"]
    assert read.dropped == [
        (2, "drop_repair_not_polygon"),
        (3, "drop_not_polygon"),
        (4, "drop_no_geometry"),
        (5, "drop_bad_geometry"),
    ]
    assert refused(geojson(feature(None), feature(None)), "a.geojson")[0].reason == "no_polygons"
    assert refused(geojson(), "a.geojson")[0].reason == "no_features"


def test_two_features_with_one_name_are_merged(bogor):
    raw = geojson(
        feature(square(106.83, -6.48, 0.005), name="Cibinong"),
        feature(square(106.85, -6.48, 0.005), name="CIBINONG"),
        feature(square(106.95, -6.38), name="Gunung Putri"),
        feature(square(106.0, -6.0), name=None),
        feature(square(106.1, -6.0), name="Atlantis"),
    )
    read = read_boundary_file(raw, "a.geojson")
    join = join_boundaries(read.frame, bogor.kecamatan, "kecamatan", read.crs_name)
    assert join.merged == ["32.01.01"] and join.features == 5
    assert sorted(join.frame["code"]) == ["32.01.01", "32.01.02"]
    assert join.frame.set_index("code").geometry["32.01.01"].area == pytest.approx(2 * 0.01 * 0.01)
    assert join.unmatched == ["Atlantis"]  # the file's own values only: no "None" for the blank name


def test_join_refuses_frames_without_geometry_or_rows(bogor):
    with pytest.raises(DatasetError) as err:
        join_boundaries(gpd.GeoDataFrame({"name": ["Cibinong"]}), bogor.kecamatan, "kecamatan")
    assert err.value.problems[0].reason == "no_geometry"
    empty = gpd.GeoDataFrame({"name": []}, geometry=[], crs=4326)
    with pytest.raises(DatasetError) as err:
        join_boundaries(empty, bogor.kecamatan, "kecamatan")
    assert err.value.problems[0].reason == "no_features"
