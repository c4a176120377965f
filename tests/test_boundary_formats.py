"""Boundary formats in detail: GeoPackage layers and traps, Shapefile parts and encodings, real round trips."""

from __future__ import annotations

import sqlite3

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from kim_dash.boundaries import repair as boundary_repair
from kim_dash.boundaries.join import join_boundaries
from kim_dash.boundaries.upload import BoundaryRead, layers, read_boundary_file
from kim_dash.sources.problems import DatasetError

from .boundary_helpers import (
    CIBINONG,
    REAL,
    feature,
    geojson,
    gpkg,
    members,
    needs_real,
    refused,
    shapefile_zip,
    sql,
    square,
    squares,
    zipped,
)

pytestmark = pytest.mark.filterwarnings("ignore:Declared file size")  # pyshp, on damaged files


# --- GeoPackage --------------------------------------------------------------------------------


def test_attribute_only_geopackage(tmp_path):
    path = tmp_path / "attr.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"name": ["Cibinong"]}), path, driver="GPKG")
    assert refused(path.read_bytes(), "attr.gpkg")[0].reason == "no_geometry_layer"


def test_multi_layer_geopackage_asks_for_a_layer(tmp_path):
    path = tmp_path / "two.gpkg"
    gpkg(squares(["Cibinong"]), path, "kecamatan")
    raw = gpkg(squares(["Bogor", "Depok"]), path, "kabupaten")
    assert layers(raw, "two.gpkg") == ["kabupaten", "kecamatan"]
    (problem,) = refused(raw, "two.gpkg")
    assert (problem.reason, problem.value, problem.detail) == ("choose_layer", "kabupaten, kecamatan", "2")
    read = read_boundary_file(raw, "two.gpkg", "kabupaten")
    assert read.layer == "kabupaten" and read.frame["name"].tolist() == ["Bogor", "Depok"]
    assert read.frame.geometry.iloc[1].equals_exact(box(106.85, -6.5, 106.87, -6.48), 1e-9)
    assert refused(raw, "two.gpkg", "nope")[0].reason == "unknown_layer"


def test_geopackage_virtual_table_is_refused(tmp_path):
    raw = gpkg(squares(["Cibinong"]), tmp_path / "a.gpkg")
    raw = sql(
        raw,
        tmp_path / "b.gpkg",
        "CREATE VIRTUAL TABLE virt USING fts5(geom, name)",
        "INSERT INTO virt VALUES (x'00', 'Cibinong')",
        "DELETE FROM gpkg_geometry_columns",
        "DELETE FROM gpkg_contents",
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('virt', 'features', 'v', 4326)",
        "INSERT INTO gpkg_geometry_columns VALUES ('virt', 'geom', 'POLYGON', 4326, 0, 0)",
    )
    assert layers(raw, "b.gpkg") == ["virt"]
    (problem,) = refused(raw, "b.gpkg")
    assert (problem.reason, problem.value) == ("gpkg_virtual_table", "virt")


def test_geopackage_with_a_view_for_metadata_or_an_extended_blob(tmp_path):
    raw = gpkg(squares(["Cibinong"]), tmp_path / "a.gpkg")
    view = sql(
        raw,
        tmp_path / "v.gpkg",
        "ALTER TABLE gpkg_contents RENAME TO c",
        "CREATE VIEW gpkg_contents AS SELECT * FROM c",
    )
    assert refused(view, "v.gpkg")[0].reason == "gpkg_broken"
    blob = sqlite3.connect(tmp_path / "a.gpkg").execute("SELECT geom FROM kec").fetchone()[0]
    flagged = blob[:3] + bytes([blob[3] | 0x20]) + blob[4:]  # the 'extended geometry' flag
    extended = sql(raw, tmp_path / "e.gpkg", f"UPDATE kec SET geom = x'{flagged.hex()}'")
    assert refused(extended, "e.gpkg")[0].reason == "gpkg_extended_geometry"
    assert refused(b"SQLite format 3\x00" + b"\0" * 200, "x.gpkg")[0].reason == "gpkg_not_geopackage"
    assert refused(b"<OGRVRTDataSource/>", "x.gpkg")[0].reason == "gpkg_not_sqlite"


def test_shapefile_text_encodings(tmp_path):
    frame = squares(["Cisarua é", "Ciawi"])
    latin = shapefile_zip(frame, tmp_path / "latin", encoding="cp1252")
    latin = zipped({n: d for n, d in members(latin) if not n.endswith(".cpg")})  # no code page: guessed
    assert read_boundary_file(latin, "a.zip").frame["name"].tolist() == ["Cisarua é", "Ciawi"]
    utf8 = shapefile_zip(frame, tmp_path / "utf8", encoding="utf-8")
    assert read_boundary_file(utf8, "a.zip").frame["name"].tolist() == ["Cisarua é", "Ciawi"]


def test_shapefile_point_counts_are_read_before_the_points(tmp_path):
    raw = dict(members(shapefile_zip(squares(["Cibinong", "Ciawi"]), tmp_path / "shp")))
    shp = bytearray(raw["kec.shp"])
    shp[100 + 8 + 40 : 100 + 8 + 44] = (3_000_000).to_bytes(4, "little")  # record 1 declares 3 million points
    problems = refused(zipped({**raw, "kec.shp": bytes(shp)}), "kec.zip")
    assert (problems[0].reason, problems[0].row) == ("too_many_vertices", 1)


def test_several_shapefiles_in_one_zip_are_layers(tmp_path):
    one = dict(members(shapefile_zip(squares(["Cibinong"]), tmp_path / "a")))
    two = {
        f"data/{n.replace('kec', 'desa')}": d
        for n, d in members(shapefile_zip(squares(["X"]), tmp_path / "b"))
    }
    raw = zipped({**one, **two, "__MACOSX/._kec.shp": b"junk", "README.txt": b"hi", "data/": b""})
    assert layers(raw, "a.zip") == ["data/desa", "kec"]
    assert refused(raw, "a.zip")[0].reason == "choose_layer"
    assert read_boundary_file(raw, "a.zip", "kec").frame["name"].tolist() == ["Cibinong"]
    no_dbf = zipped({n: d for n, d in one.items() if not n.endswith(".dbf")})
    assert refused(no_dbf, "a.zip")[0].reason == "shapefile_part_missing"


# --- real boundaries, three formats -------------------------------------------------------------


@needs_real
@pytest.mark.parametrize("kind", ["geojson", "zip", "gpkg"])
def test_real_kecamatan_round_trip(bogor, tmp_path, kind):
    real = gpd.read_file(REAL)
    if kind == "geojson":
        raw = REAL.read_bytes()
    elif kind == "zip":
        raw = shapefile_zip(real, tmp_path / "shp")
    else:
        raw = gpkg(real, tmp_path / "kec.gpkg")
    read = read_boundary_file(raw, f"bogor_kecamatan.{kind}")
    assert isinstance(read, BoundaryRead) and read.frame.crs.to_epsg() == 4326
    assert read.repaired == 0 and read.dropped == [] and len(read.frame) == 40
    join = join_boundaries(read.frame, bogor.kecamatan, "kecamatan", read.crs_name)
    assert len(join.frame) == 40 and not join.unmatched and not join.missing and not join.merged
    expected = real.set_index("code").geometry
    for code, geometry in zip(join.frame["code"], join.frame.geometry):
        assert geometry.symmetric_difference(expected[code]).area < 1e-12, code


# --- any bytes: a BoundaryRead or Problems, nothing else ----------------------------------------


def _valid_files(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("valid")
    frame = squares(["Cibinong", "Ciawi"]).to_crs(32748)
    return {
        "a.geojson": geojson(feature(square(*CIBINONG), name="Cibinong")),
        "a.zip": shapefile_zip(frame, folder / "shp"),
        "a.gpkg": gpkg(frame, folder / "a.gpkg"),
    }


@pytest.fixture(scope="module")
def valid_files(tmp_path_factory) -> dict[str, bytes]:
    return _valid_files(tmp_path_factory)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_files_give_problems_never_tracebacks(valid_files, data):
    name = data.draw(st.sampled_from(sorted(valid_files)))
    raw = bytearray(valid_files[name])
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(raw) // 2, len(raw)))
    try:
        read = read_boundary_file(bytes(raw[:cut]), name)
    except DatasetError as err:
        assert err.problems and all(p.message("id") and p.message("en") for p in err.problems)
    else:
        assert read.frame.crs.to_epsg() == 4326 and read.frame.geometry.is_valid.all()


# --- geometry work a file can make quadratic is bounded ------------------------------------------


def _scribbles(count: int, vertices: int) -> bytes:
    rng = np.random.default_rng(0)  # random rings: almost every edge crosses many others
    rings = [
        np.c_[106.8 + rng.random(vertices) * 0.1, -6.5 + rng.random(vertices) * 0.1] for _ in range(count)
    ]
    polygons = [{"type": "Polygon", "coordinates": [[*r.tolist(), r[0].tolist()]]} for r in rings]
    return geojson(*[feature(p, name=f"k{i}") for i, p in enumerate(polygons)])


def test_repair_in_the_child_process_matches_inline(monkeypatch):
    lon, lat = CIBINONG
    bowtie = [[lon, lat], [lon + 0.02, lat + 0.02], [lon + 0.02, lat], [lon, lat + 0.02], [lon, lat]]
    raw = geojson(feature({"type": "Polygon", "coordinates": [bowtie]}, name="Cibinong"))
    monkeypatch.setattr(boundary_repair, "INLINE_VERTICES", 0)
    read = read_boundary_file(raw, "a.geojson")
    assert read.repaired == 1 and read.frame.geometry.iloc[0].area == pytest.approx(0.0002)


def test_crossing_edges_cannot_hold_the_server(bogor, monkeypatch):
    monkeypatch.setattr(boundary_repair, "SECONDS", 1.0)
    (problem,) = refused(_scribbles(40, 400), "a.geojson")  # about 10 s of make_valid unbounded
    assert (problem.reason, problem.detail) == ("too_complex", "1")
    # one name 1,800 times: a union of 810,000 crossings, far more than 1 s of CPU on any machine (600
    # strips finished within the second on a quiet one); the child's cap, not the clock, is what is tested
    strips = [box(106.8, -6.5 + i / 9000, 106.9, -6.5 + i / 9000 + 0.000005) for i in range(900)]
    strips += [box(106.8 + i / 9000, -6.5, 106.8 + i / 9000 + 0.000005, -6.4) for i in range(900)]
    frame = gpd.GeoDataFrame({"name": ["Cibinong"] * 1800}, geometry=strips, crs=4326)
    with pytest.raises(DatasetError) as err:
        join_boundaries(frame, bogor.kecamatan, "kecamatan")
    assert err.value.problems[0].reason == "too_complex"
