"""Benchmark: the worst uploads at the size limit through kim_dash.sources.readers.read_table (tables) and
kim_dash.boundaries.upload.read_boundary_file (boundaries: the worst geometry of tests/geometry_files.py).

    python bench/uploads.py            # a few minutes; prints a Markdown table

Each file is made first, then read twice, each time in a fresh Python process (kim_dash imported,
as in the app: about 120 MB resident before any upload):
- run 1, time and responsiveness: wall-clock seconds of read_table, and the p95 lateness of a tiny
  fixed task (sum(range(2000)), ~20 µs) scheduled every 10 ms in another thread while the read
  runs, next to the same figure measured idle just before. It shows whether other Streamlit
  sessions (threads of the same process) stall, GIL-wise, while one upload is parsed.
- run 2, memory: the peak of Python allocations in the reading process during read_table
  (tracemalloc: Python heap only, the result rows included), and the peak RSS of the sandbox
  child that ran python-calamine (VmHWM of that child, reported as it exits; '–' when the file was
  refused before any child started, 'killed' when the child hit its address-space limit).
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import geometry_files as gf  # noqa: E402
from tests import sheet_files as hf  # noqa: E402

MB = 1024 * 1024
WORDS = ["Cibinong", "Babakan Madang", "Citeureup", "Sukamakmur", "Jonggol", "Gunung Putri", "Cileungsi"]


def _registry_rows(count: int, width: int = 8, seed: int = 1) -> list[list[object]]:
    rng = random.Random(seed)
    return [
        [
            f"KIM-{i:06d}",
            f"KIM {rng.choice(WORDS)} {i}",
            rng.choice(WORDS),
            2000 + i % 25,
            round(rng.random() * 100, 2),
        ]
        + [rng.choice(WORDS) for _ in range(width - 5)]
        for i in range(count)
    ]


def _xlsx_rows(rows: list[list[object]]) -> bytes:
    """Shared strings as Excel writes them, numbers as <v>."""
    strings: dict[str, int] = {}
    body = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            ref = f"{hf.column(c)}{r}"
            if isinstance(value, str):
                cells.append(f'<c r="{ref}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        body.append(f'<row r="{r}">{"".join(cells)}</row>')
    return hf.xlsx(hf.sheet_xml("".join(body)), shared=list(strings))


def _fit(make, budget: int = 5 * MB - 4096) -> bytes:
    """The largest output of make(n) under `budget` bytes (bisection on n)."""
    low, high = 1, 16
    while len(make(high)) <= budget:
        low, high = high, high * 2
    while high - low > max(low // 200, 1):
        middle = (low + high) // 2
        low, high = (middle, high) if len(make(middle)) <= budget else (low, middle)
    return make(low)


def _widest(make, budget: int = 5 * MB - 4096) -> bytes:
    """make(width) for the widest width (at most 60) under `budget` bytes."""
    return next(raw for width in range(60, 1, -1) if len(raw := make(width)) <= budget)


def make_files(folder: Path) -> list[tuple[str, Path]]:
    files: dict[str, bytes] = {}
    small = _registry_rows(60, width=3)
    files["dimension_XFD1048576.xlsx"] = hf.xlsx(hf.sheet_xml(small, dimension="A1:XFD1048576"))
    files["rows_as_many_as_fit.xlsx"] = _fit(lambda n: _xlsx_rows(_registry_rows(n)))
    files["largest_accepted_20000x25.xlsx"] = _xlsx_rows(_registry_rows(20_000, width=25))
    files["header_400k_columns.csv"] = (";".join(f"kolom{i}" for i in range(400_000)) + "\n1;2\n").encode()
    files["rows_as_many_as_fit.csv"] = _fit(lambda n: _csv(_registry_rows(n)).encode())
    files["largest_accepted_20000_rows.csv"] = _widest(
        lambda w: _csv(_registry_rows(20_000, width=w)).encode()
    )
    files["utf16_unicode_text.txt"] = _widest(
        lambda w: ("\ufeff" + _csv(_registry_rows(20_000, width=w), "\t")).encode("utf-16-le")
    )
    files["rows_as_many_as_fit.ods"] = _fit(lambda n: hf.ods(hf.ods_table("Registri", _registry_rows(n))))
    files["rows_past_the_limit.ods"] = hf.ods(hf.ods_table("Registri", _registry_rows(30_000)))
    files["largest_accepted_20000x8.ods"] = hf.ods(hf.ods_table("Registri", _registry_rows(20_000)))
    files["far_cell_IV65536.xls"] = hf.xls_fixture("far.xls")
    sst = f'<sst xmlns="{hf.MAIN}" uniqueCount="100000000000000"><si><t>x</t></si></sst>'
    files["sst_uniqueCount_1e14.xlsx"] = hf.xlsx(
        hf.sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sst
    )
    files.update(gf.worst_files(folder / "geometry"))  # a .gpkg and a .zip read as boundaries
    out = []
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
        out.append((name, folder / name))
    return out


def _csv(rows: list[list[object]], delimiter: str = ";") -> str:
    return "\r\n".join(delimiter.join(str(v) for v in row) for row in rows) + "\r\n"


def _outcome(path: Path, raw: bytes) -> str:
    from kim_dash.boundaries.upload import read_boundary_file
    from kim_dash.sources.problems import DatasetError
    from kim_dash.sources.readers import read_table

    try:
        if path.suffix in (".gpkg", ".zip", ".geojson"):
            return f"read {len(read_boundary_file(raw, path.name).frame)} features"
        rows = read_table(raw, path.name)
        return f"read {len(rows):,} rows × {max(len(r) for r in rows)} cols"
    except DatasetError as err:
        p = err.problems[0]
        where = (f" row {p.row}" if p.row else "") + (f" col {p.column}" if p.column else "")
        return f"refused: {p.reason}{where}"


def _warm() -> None:
    from kim_dash.sources.readers import read_table

    read_table(b"a;b\n1;2\n", "warm.csv")
    read_table(hf.xlsx(hf.sheet_xml([["a"]])), "warm.xlsx")  # imports, and one child started


def measure_time(path: Path) -> dict:
    """Run 1 (fresh process): time, and lateness of a ticker thread during the read."""
    _warm()
    raw = path.read_bytes()
    late: list[float] = []
    stop = threading.Event()

    def ticker() -> None:
        due = time.perf_counter()
        while not stop.is_set():
            due += 0.010
            time.sleep(max(0.0, due - time.perf_counter()))
            sum(range(2000))
            late.append(time.perf_counter() - due)

    thread = threading.Thread(target=ticker, daemon=True)
    thread.start()
    time.sleep(0.5)
    idle, late[:] = list(late), []
    start = time.perf_counter()
    outcome = _outcome(path, raw)
    seconds = time.perf_counter() - start
    stop.set()
    thread.join()
    busy = late or [float("nan")]
    return {
        "outcome": outcome,
        "seconds": seconds,
        "p95_ms": _p95(busy) * 1000,
        "idle_p95_ms": _p95(idle) * 1000,
        "samples": len(late),
    }


HWM_SHIM = """
import atexit, runpy, sys
def peak():
    sys.stderr.write(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")))
atexit.register(peak)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def measure_memory(path: Path) -> dict:
    """Run 2 (fresh process): tracemalloc peak here, VmHWM of the sandbox child."""
    import tracemalloc

    import kim_dash.sources.readers.sandbox as sandbox

    _warm()
    raw = path.read_bytes()
    children: list[str] = []
    real_run = subprocess.run  # sandbox.subprocess is this module: patched below

    def run(command, input, capture_output, timeout, env, check):  # subprocess.run's names
        # the same child, through a shim reporting its VmHWM (peak RSS since exec; ru_maxrss would
        # include the parent's pages at fork) on stderr when it exits
        shimmed = [command[0], "-I", "-c", HWM_SHIM, *command[2:]]
        done = real_run(shimmed, input=input, capture_output=True, env=env, check=False)
        peak = [line.split()[1] for line in done.stderr.decode().splitlines() if line.startswith("VmHWM")]
        children.append(f"{int(peak[0]) / 1024:.0f}" if peak and done.returncode == 0 else "killed")
        return subprocess.CompletedProcess(command, done.returncode, done.stdout, b"")

    sandbox.subprocess.run = run  # type: ignore[assignment]  # measure the child: its peak memory
    tracemalloc.start()
    _outcome(path, raw)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"heap_mb": peak / MB, "child": " + ".join(children) or "–"}


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = make_files(Path(folder))
        print(
            "| file | size | outcome | parse time (s) | peak memory: reader heap (MB, tracemalloc) / "
            "child: calamine or geometry (MB, VmHWM) | p95 lateness of a 10 ms tick: idle → during parse (ms) |"
        )
        print("|---|---:|---|---:|---:|---:|")
        for name, path in files:
            runs = []
            for mode in ("--time", "--memory"):
                command = [sys.executable, __file__, mode, str(path)]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            t, m = runs
            size = path.stat().st_size
            size_text = f"{size / MB:.2f} MB" if size > 100_000 else f"{size / 1024:.1f} KB"
            print(
                f"| {name} | {size_text} | {t['outcome']} | {t['seconds']:.2f} | {m['heap_mb']:.0f} / {m['child']} | "
                f"{t['idle_p95_ms']:.1f} → {t['p95_ms']:.1f} ({t['samples']} ticks) |"
            )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("--time", "--memory"):
        measure = measure_time if sys.argv[1] == "--time" else measure_memory
        print(json.dumps(measure(Path(sys.argv[2]))))
    else:
        main()
