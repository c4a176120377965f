"""Same views, same bytes: every extract and PDF brief of the default views, made through the command
line with the calendar pinned, equals the file stored in tests/fixtures/golden/ (made before the package
was regrouped, so a move that changes any byte fails here).

After a deliberate change of an output: python -m tests.test_golden_outputs --write
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest
import time_machine

from kim_dash.cli import main

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "golden"
TODAY = "2026-12-07"  # the calendar of the files: plans start from today, briefs say how old the data is
# file name -> command line (each writes to --out, or its CSV to stdout)
VIEWS: dict[str, list[str]] = {
    "ranking.csv": ["export", "ranking"],
    "ranking-id.csv": ["export", "ranking", "--lang", "id"],
    "ranking-en.xlsx": ["export", "ranking", "--lang", "en", "--format", "xlsx"],
    "provinces.csv": ["export", "provinces"],
    "kecamatan.csv": ["export", "kecamatan"],
    "kecamatan-id.xlsx": ["export", "kecamatan", "--lang", "id", "--format", "xlsx"],
    "kecamatan-bandung.csv": ["export", "kecamatan", "--regency", "32.04"],
    "registry.csv": ["export", "registry"],
    "registry-en.csv": ["export", "registry", "--lang", "en"],
    "saturation.csv": ["export", "saturation"],
    "progress.csv": ["export", "progress"],
    "plan.csv": ["plan"],
    "plan.json": ["plan", "--format", "json"],
    "plan-id.xlsx": ["plan", "--lang", "id", "--format", "xlsx"],
    "plan-by-year.csv": ["plan", "--per-year", "10", "--until", "2030"],
    "brief-home-id.pdf": ["brief", "--page", "home", "--lang", "id"],
    "brief-ranking-en.pdf": ["brief", "--page", "ranking", "--lang", "en"],
    "brief-kecamatan-id.pdf": ["brief", "--page", "kecamatan", "--lang", "id"],
    "brief-plan-en.pdf": ["brief", "--page", "plan", "--lang", "en"],
}


def make(name: str, tmp: Path) -> bytes:
    """The bytes of one view, as `kim-dash` writes them on TODAY."""
    args = VIEWS[name]
    out = tmp / name
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    with time_machine.travel(TODAY, tick=False), contextlib.redirect_stdout(stdout):
        wants_file = name.endswith((".xlsx", ".pdf"))
        code = main([*args, "--out", str(out)] if wants_file else args)
        stdout.flush()
    assert code == 0, name
    return out.read_bytes() if wants_file else stdout.buffer.getvalue()


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_the_view_has_the_bytes_made_before(name: str, tmp_path: Path) -> None:
    stored = GOLDEN / name
    assert stored.is_file(), f"missing {stored.name}: python -m tests.test_golden_outputs --write"
    assert make(name, tmp_path) == stored.read_bytes()


def write_all() -> None:
    import tempfile

    GOLDEN.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in VIEWS:
            (GOLDEN / name).write_bytes(make(name, Path(tmp)))
            print(name, file=sys.stderr)


if __name__ == "__main__" and "--write" in sys.argv:
    write_all()
