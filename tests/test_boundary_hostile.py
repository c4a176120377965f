"""Hardening round 3, boundary geometry: nothing a file holds reaches GEOS unbounded (nesting depth, parts,
rings, points walked first; validity, repair and simplification in the bounded child), and the GeoPackage
and Shapefile cases that were refused or misread. Every hostile file is made by tests/geometry_files.py."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile

import numpy as np
import pytest
import shapely

from kim_dash.boundaries import join as geo
from kim_dash.boundaries import repair as boundary_repair
from kim_dash.boundaries.base import MAX_PARTS, MAX_RINGS
from kim_dash.boundaries.upload import read_boundary_file
from kim_dash.boundaries.wkb import NotPolygon, scan_wkb
from kim_dash.sources.problems import DatasetError

from . import geometry_files as gf
from .boundary_helpers import refused, zipped
from .conftest import ROOT

SQUARE = gf.polygon_wkb(gf.square_ring())


def reason(problems) -> str:
    return problems[0].reason


def test_a_multipolygon_of_collections_16000_deep_is_refused_and_the_process_lives(tmp_path):
    """GEOS reads WKB recursively: this 172 KB file killed the process (exit 139). Read in a child
    interpreter so that a crash fails this test instead of the test run."""
    path = tmp_path / "nested.gpkg"
    gf.gpkg(path, [gf.gp_blob(gf.nested_collection_wkb(16_000))])
    code = (
        "import sys; from kim_dash.boundaries.upload import read_boundary_file\n"
        "from kim_dash.sources.problems import DatasetError\n"
        "try:\n    read_boundary_file(open(sys.argv[1], 'rb').read(), 'nested.gpkg')\n"
        "except DatasetError as err:\n    print(err.problems[0].reason, err.problems[0].row)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert done.stdout.decode().split() == ["geometry_too_deep", "1"]


def test_the_walker_bounds_depth_parts_rings_and_points_without_recursing():
    multi = struct.pack("<BII", 1, 6, 2) + SQUARE + SQUARE
    counts = scan_wkb(multi, "f.gpkg", 1)
    assert (counts.parts, counts.rings, counts.points) == (2, 2, 10)
    assert shapely.get_num_coordinates(shapely.from_wkb(multi)) == counts.points  # independent count
    with pytest.raises(DatasetError) as err:
        scan_wkb(gf.nested_collection_wkb(200_000), "f.gpkg", 3)  # 1.8 MB of nesting: no RecursionError
    assert (err.value.problems[0].reason, err.value.problems[0].row) == ("geometry_too_deep", 3)
    with pytest.raises(NotPolygon):
        scan_wkb(struct.pack("<BIdd", 1, 1, 1.0, 2.0), "f.gpkg", 1)
    for broken in (
        SQUARE[:-1],
        SQUARE + b"\x00",
        struct.pack("<BII", 1, 6, 1) + struct.pack("<BIdd", 1, 1, 1, 2),
    ):
        with pytest.raises(ValueError):
            scan_wkb(broken, "f.gpkg", 1)


def test_too_many_parts_or_rings_in_a_geopackage_feature_are_refused_before_parsing(tmp_path):
    parts = struct.pack("<BII", 1, 6, MAX_PARTS + 1) + SQUARE * (MAX_PARTS + 1)
    raw = gf.gpkg(tmp_path / "parts.gpkg", [gf.gp_blob(parts)])
    assert reason(refused(raw, "parts.gpkg")) == "too_many_parts"
    # rings that claim points the file does not hold: refused at the count, before any byte is read
    rings = struct.pack("<BII", 1, 3, MAX_RINGS + 1) + struct.pack("<I", 0) * (MAX_RINGS + 1)
    raw = gf.gpkg(tmp_path / "rings.gpkg", [gf.gp_blob(rings)])
    assert reason(refused(raw, "rings.gpkg")) == "too_many_rings"


def test_geojson_nesting_parts_and_rings_are_bounded():
    def doc(geometry: dict) -> bytes:
        return json.dumps({"type": "Feature", "properties": {"name": "x"}, "geometry": geometry}).encode()

    ring = [list(p) for p in gf.square_ring()]
    deep = '{"type":"GeometryCollection","geometries":[' * 20_000 + "]}" * 20_000
    raw = b'{"type":"Feature","properties":{},"geometry":' + deep.encode() + b"}"
    assert reason(refused(raw, "deep.geojson")) == "json_too_deep"
    many = doc({"type": "MultiPolygon", "coordinates": [[ring]] * (MAX_PARTS + 1)})
    assert reason(refused(many, "parts.geojson")) == "too_many_parts"
    small = [[0, 0], [1, 0], [1, 1], [0, 0]]  # short text: 50,001 rings within the 5 MB upload limit
    holes = doc({"type": "Polygon", "coordinates": [small] * (MAX_RINGS + 1)})
    assert reason(refused(holes, "rings.geojson")) == "too_many_rings"


GUARDED = ("is_valid", "make_valid", "union_all", "simplify", "set_precision", "area", "intersection")


@pytest.fixture
def geos_in_this_process(monkeypatch):
    """Vertices of every guarded GEOS call made in this (the server's) process."""
    seen: list[tuple[str, int]] = []
    for name in GUARDED:
        real = getattr(shapely, name)

        def spy(geometry, *args, _real=real, _name=name, **kwargs):
            seen.append((_name, int(np.sum(shapely.get_num_coordinates(geometry)))))
            return _real(geometry, *args, **kwargs)

        monkeypatch.setattr(shapely, name, spy)
    return seen


def test_validity_repair_and_simplification_of_a_self_overlapping_ring_never_run_inline(
    tmp_path, geos_in_this_process
):
    """1,000 vertices over 16 points: the star whose validity check costs the square of its crossings
    (400,000 vertices: over a minute of CPU). Above boundary_repair.INLINE_VERTICES, every such call is
    the child's; this process only ever sees small geometry."""
    raw = gf.shapefile_zip([gf.star_ring(1_000), gf.square_ring(106.9)], tmp_path / "star")
    read = read_boundary_file(raw, "star.zip")
    assert read.repaired == 1 and len(read.frame) == 2
    geo.simplify(read.frame.assign(code=["a", "b"]), "kecamatan")
    assert (
        geos_in_this_process == []
        or max(n for _, n in geos_in_this_process) <= boundary_repair.INLINE_VERTICES
    )


def test_a_check_past_the_budget_is_too_complex(monkeypatch, tmp_path):
    monkeypatch.setattr(boundary_repair, "SECONDS", 0.01)
    raw = gf.shapefile_zip([gf.star_ring(20_000)], tmp_path / "star")
    problem = refused(raw, "star.zip")[0]
    assert (problem.reason, problem.detail) == ("too_complex", "0")


def test_a_wal_mode_geopackage_as_qgis_leaves_it_is_read(tmp_path):
    raw = gf.gpkg(tmp_path / "wal.gpkg", [gf.gp_blob(SQUARE)], wal=True)
    assert raw[18:20] == b"\x02\x02"  # the header says WAL
    read = read_boundary_file(raw, "wal.gpkg")
    assert read.frame["name"].tolist() == ["Cibinong 0"]
    assert read.frame.geometry.iloc[0].equals(shapely.from_wkb(SQUARE))


def test_a_table_named_in_other_case_is_read_and_a_missing_one_is_not_called_a_view(tmp_path):
    raw = gf.gpkg(tmp_path / "case.gpkg", [gf.gp_blob(SQUARE)], table="kecamatan", listed_as="Kecamatan")
    read = read_boundary_file(raw, "case.gpkg")
    assert (read.layer, read.frame["name"].tolist()) == ("Kecamatan", ["Cibinong 0"])
    raw = gf.gpkg(tmp_path / "gone.gpkg", [gf.gp_blob(SQUARE)], table="kecamatan", listed_as="desa")
    problem = refused(raw, "gone.gpkg")[0]
    assert (problem.reason, problem.value) == ("gpkg_missing_table", "desa")


def test_a_geopackage_past_its_time_limit_is_too_slow_not_damaged(monkeypatch, tmp_path):
    from kim_dash.boundaries import gpkg as boundary_gpkg

    raw = gf.gpkg(tmp_path / "many.gpkg", [gf.gp_blob(SQUARE)] * 3_000)
    monkeypatch.setattr(boundary_gpkg, "SECONDS", -1.0)  # the deadline has passed at the first check
    problem = refused(raw, "many.gpkg")[0]
    assert (problem.reason, problem.detail) == ("gpkg_too_slow", "-1")


def _lying_shapefile(tmp_path) -> bytes:
    """One Null record whose content hides a polygon record; the .shx's lengths step onto it."""
    hidden_ring = gf.square_ring()
    hidden = struct.pack("<i4d2i", 5, 0, 0, 0, 0, 1, len(hidden_ring)) + struct.pack("<i", 0)
    hidden += struct.pack(f"<{2 * len(hidden_ring)}d", *(c for p in hidden_ring for c in p))
    content = struct.pack("<i", 0) + struct.pack(">2i", 2, len(hidden) // 2) + hidden
    record = struct.pack(">2i", 1, len(content) // 2) + content

    def header(total: int) -> bytes:
        return struct.pack(">7i", 9994, 0, 0, 0, 0, 0, total // 2) + struct.pack(
            "<2i4d4d", 1000, 5, *([0.0] * 8)
        )

    shp = header(100 + len(record)) + record
    shx = header(116) + struct.pack(
        ">4i", 50, 2, 56, len(hidden) // 2
    )  # record 1: 4 bytes, then the hidden one
    made = gf.shapefile_zip([gf.square_ring(), gf.square_ring()], tmp_path / "lie")  # for its .dbf of 2 rows
    dbf = zipfile.ZipFile(io.BytesIO(made)).read("kec.dbf")
    return zipped({"kec.dbf": dbf, "kec.shp": shp, "kec.shx": shx})


def test_a_lying_shx_cannot_bring_in_a_polygon_the_shp_records_never_declared(tmp_path):
    """The vertex budget counts the .shp's own record headers; pyshp reading by the .shx built shapes
    the budget never saw (3M points in the issue's file; here one hidden square shows it)."""
    problems = refused(_lying_shapefile(tmp_path), "lie.zip")
    assert (reason(problems), problems[0].detail) == ("no_polygons", "1")  # one record: the Null one


def test_a_spreadsheet_child_cut_at_its_cpu_limit_is_too_slow_not_damaged(monkeypatch):
    from kim_dash.sources.readers import sandbox
    from kim_dash.sources.readers.budget import Budget

    real_run = subprocess.run

    def cpu_cut(command, **kwargs):  # the child as the kernel ends it at RLIMIT_CPU
        done = real_run(command, **kwargs)
        return subprocess.CompletedProcess(command, -sandbox.signal.SIGXCPU, b"", done.stderr)

    monkeypatch.setattr(sandbox.subprocess, "run", cpu_cut)
    from .sheet_files import sheet_xml, xlsx

    with pytest.raises(DatasetError) as err:
        sandbox.run_worker(xlsx(sheet_xml([["a"]])), "a.xlsx", "names", None, Budget())
    assert (err.value.problems[0].reason, err.value.problems[0].detail) == ("read_too_slow", "10")
