"""Geometry work whose cost the file controls, bounded: inline when small, else in a child process.

GEOS cannot be interrupted, and its validity check, repair and union grow with the square of the
crossings a file can pack into few vertices: is_valid of a ring cycling 400,000 times over 16 points
(over a minute), make_valid of 10,000 such vertices (95 s), 600 crossing 400-vertex polygons in a 5 MB
GeoJSON (10 minutes), the union of 2,000 crossing strips (95 s). Small jobs run inline (a few hundred
vertices finish within a second whatever their shape); larger ones run in a fresh interpreter (this
file as a script, `-I`: numpy and shapely only) capped at SECONDS of CPU and MEMORY_BYTES of address
space, killed at twice SECONDS of wall clock. Geometries travel as length-prefixed WKB: no pickle.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from collections.abc import Callable

import numpy as np
import shapely

SECONDS = 20.0
MEMORY_BYTES = 4 * 1024**3  # the child's address space: a runaway repair fails there, not on the server
INLINE_VERTICES = 500
POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon


class TooComplex(Exception):
    """The geometry work did not finish within SECONDS (or hit the memory cap)."""


def _polygonal(geometry: shapely.Geometry | None) -> shapely.Geometry | None:
    """The polygonal part of a repaired geometry, or None when nothing of it has an area."""
    if geometry is None or geometry.is_empty:
        return None
    if shapely.get_type_id(geometry) in POLYGONAL:
        return geometry
    parts = [p for p in shapely.get_parts(geometry) if shapely.get_type_id(p) in POLYGONAL and not p.is_empty]
    return shapely.union_all(parts) if parts else None


def _repair(geometries: list, groups: list[int]) -> list:
    # "structure" keeps areas (a bowtie stays two triangles) and is ~10x faster than "linework";
    # keep_collapsed=False: a ring without area becomes empty rather than a line
    fixed = shapely.make_valid(np.asarray(geometries, dtype=object), method="structure", keep_collapsed=False)
    return [_polygonal(g) for g in fixed]


def _union(geometries: list, groups: list[int]) -> list:
    members, ids = np.asarray(geometries, dtype=object), np.asarray(groups)
    return [shapely.union_all(members[ids == group]) for group in range(int(ids.max()) + 1)]


def _validate(geometries: list, groups: list[int]) -> list:
    """KEPT for a valid geometry, else its repair (None when nothing of it has an area). is_valid
    alone costs the square of the crossings: 40,000 vertices cycling over 16 points take 0.8 CPU-s,
    400,000 over a minute."""
    members = np.asarray(geometries, dtype=object)
    out: list = [KEPT] * len(members)
    invalid = np.flatnonzero(~shapely.is_valid(members))
    for index, geometry in zip(invalid, _repair(list(members[invalid]), []) if len(invalid) else []):
        out[int(index)] = geometry
    return out


def _simplify(geometries: list, groups: list[int], tolerance: float = 0.0, grid: float = 0.0) -> list:
    """Simplified, then snapped to the display grid; where snapping meets a topology GEOS cannot
    resolve (a repaired star: "side location conflict"), the coordinates are only rounded."""
    out = []
    for geometry in shapely.simplify(np.asarray(geometries, dtype=object), tolerance, preserve_topology=True):
        try:
            out.append(shapely.set_precision(geometry, grid))
        except shapely.errors.GEOSException:
            out.append(shapely.set_precision(geometry, grid, mode="pointwise"))
    return out


class _Kept:
    """The job left the geometry as it was: nothing is sent back."""


KEPT = _Kept()
JOBS: dict[str, Callable[..., list]] = {
    "repair": _repair,
    "union": _union,
    "validate": _validate,
    "simplify": _simplify,
}


def _pack(items: list[tuple[int, bytes | None]]) -> bytes:
    out = [struct.pack("<i", len(items))]
    for tag, data in items:
        out.append(struct.pack("<ii", tag, -1 if data is None else len(data)))
        out.append(data or b"")
    return b"".join(out)


def _unpack(raw: bytes) -> list[tuple[int, bytes | None]]:
    (count,), offset, items = struct.unpack_from("<i", raw), 4, []
    for _ in range(count):
        tag, size = struct.unpack_from("<ii", raw, offset)
        offset += 8
        items.append((tag, None if size < 0 else raw[offset : offset + size]))
        offset += max(size, 0)
    if offset != len(raw):
        raise ValueError("trailing or missing bytes")
    return items


def main() -> None:
    """The child: job name in argv, (group, WKB) records on stdin, (0, WKB or none) records on stdout."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
        resource.setrlimit(resource.RLIMIT_CPU, (max(1, int(SECONDS)), int(SECONDS) + 5))
    except (ImportError, ValueError, OSError):
        pass  # no such limits on this platform: the parent's deadline still holds
    items = _unpack(sys.stdin.buffer.read())
    args = [float(a) for a in sys.argv[2:]]
    result = JOBS[sys.argv[1]]([shapely.from_wkb(w) for _, w in items], [g for g, _ in items], *args)
    sys.stdout.buffer.write(_pack([_answer(g) for g in result]))


def _answer(geometry: object) -> tuple[int, bytes | None]:
    if geometry is KEPT:
        return 1, None
    return 0, None if geometry is None else shapely.to_wkb(geometry)


def run(job: str, geometries: list, groups: list[int] | None = None, args: tuple[float, ...] = ()) -> list:
    """JOBS[job](geometries, groups, *args), inline when small; TooComplex past the deadline or the
    memory cap. Every GEOS call whose cost a user's file controls goes through here."""
    groups = groups if groups is not None else [0] * len(geometries)
    if not geometries or int(shapely.get_num_coordinates(geometries).sum()) <= INLINE_VERTICES:
        return JOBS[job](geometries, groups, *args)
    payload = _pack([(g, shapely.to_wkb(geometry)) for g, geometry in zip(groups, geometries)])
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    # this file as a script (-I: no user site, no cwd on the path): numpy and shapely only, not the
    # kim_dash package (pandas, pyproj...), whose import alone took 16 s of wall clock on a loaded host
    command = [sys.executable, "-I", __file__, job, *map(repr, args)]
    try:
        done = subprocess.run(
            command, input=payload, capture_output=True, timeout=2 * SECONDS, env=env, check=True
        )
        return [
            KEPT if tag == 1 else None if w is None else shapely.from_wkb(w)
            for tag, w in _unpack(done.stdout)
        ]
    except (
        subprocess.SubprocessError,
        OSError,
        ValueError,
        struct.error,
        shapely.errors.GEOSException,
    ) as err:
        raise TooComplex(job) from err  # timed out (killed), died at a cap, or answered nonsense


if __name__ == "__main__":
    main()
