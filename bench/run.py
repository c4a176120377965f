"""Benchmark: rerun times (AppTest) against a reference page, browser timings, server memory.

    python bench/run.py            # everything (about 10 minutes on 2 cores)
    python bench/run.py --quick    # 5 reruns instead of 20, no browser part
    python bench/run.py --first-view  # only each page's first view in a browser beside the reference page

Absolute times are noisy on shared machines, so every page is also given as a ratio to the
reference page (bench/reference_page.py) measured in the same run. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import firstview  # noqa: E402
import streamlit as st  # noqa: E402
from browser import CHROMIUM_ARGS, open_kecamatan, rss_mb, streamlit_server, toggle_and_settle  # noqa: E402
from scaled_data import make  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

# page -> (widget kind, key, value A, value B): the filter flipped between reruns
FILTERS: dict[str, tuple[str, str, object, object] | None] = {
    "ringkasan": None,
    "peringkat": ("multiselect", "provinsi", ["32"], []),
    "kecamatan": ("multiselect", "kec", ["32.01.27", "32.01.26"], []),
    "rencana": ("number_input", "target", 200, 150),
    "data": ("radio", "data_kind", "national", "auto"),
}


def timed(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    return elapsed


def script_times(path: Path, reruns: int) -> tuple[float, float]:
    at = AppTest.from_file(str(path), default_timeout=300)
    first = timed(at)
    times = []
    for i in range(reruns):
        if at.selectbox and path.name == "reference_page.py":
            at.selectbox(key="filter").set_value("odd" if i % 2 == 0 else "all")
        times.append(timed(at))
    return first, statistics.median(times)


def page_times(page: str, reruns: int) -> tuple[float, float]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.switch_page(f"pages/{page}.py")
    first = timed(at)
    times = []
    spec = FILTERS[page]
    for i in range(reruns):
        if spec:
            kind, key, a, b = spec
            getattr(at, kind)(key=key).set_value(a if i % 2 == 0 else b)
        times.append(timed(at))
    return first, statistics.median(times)


def apptest_section(reruns: int, label: str) -> list[tuple[str, str, float, float]]:
    st.cache_data.clear()
    st.cache_resource.clear()
    rows = []
    for name, path in (
        ("empty page", ROOT / "bench" / "empty_page.py"),
        ("reference page", ROOT / "bench" / "reference_page.py"),
    ):
        first, rerun = script_times(path, reruns)
        rows.append((label, name, first, rerun))
    for page in FILTERS:
        first, rerun = page_times(page, reruns)
        rows.append((label, page, first, rerun))
    return rows


def browser_section(clicks: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        with streamlit_server() as (url, process, started):
            tab = browser.new_page(viewport={"width": 1400, "height": 1200})
            tab.goto(url)
            tab.get_by_text("4.228").first.wait_for(timeout=120_000)
            out["cold start: streamlit run to first page rendered (s)"] = time.perf_counter() - started
            open_kecamatan(tab, url)
            out["server RSS, 1 session (MB)"] = rss_mb(process.pid)
            samples = sorted(toggle_and_settle(tab) for _ in range(clicks))
            out["click-to-settled p50 (s)"] = statistics.median(samples)
            out["click-to-settled p95 (s)"] = samples[max(0, round(0.95 * len(samples)) - 1)]
            tabs = []
            for _ in range(19):
                extra = browser.new_context().new_page()
                open_kecamatan(extra, url)
                tabs.append(extra)
            time.sleep(2)
            out["server RSS, 20 sessions (MB)"] = rss_mb(process.pid)
            out["per extra session (MB)"] = (
                out["server RSS, 20 sessions (MB)"] - out["server RSS, 1 session (MB)"]
            ) / 19
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--first-view", action="store_true", help="only the browser first-view table")
    args = parser.parse_args()
    if args.first_view:
        print(firstview.table(firstview.measure(3)))
        return
    reruns = 5 if args.quick else 20
    rows = apptest_section(reruns, "shipped")
    with tempfile.TemporaryDirectory() as folder:
        scaled = make(Path(folder) / "data")
        os.environ["KIM_DATA_DIR"] = str(scaled["data"])
        rows += apptest_section(reruns, "scaled")
        del os.environ["KIM_DATA_DIR"]
    reference = {label: rerun for label, name, _, rerun in rows if name == "reference page"}
    print(
        f"Benchmark {date.today().isoformat()} · {platform.node()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · median of {reruns} reruns\n"
    )
    print("| data | page | first run (s) | rerun after filter change (s) | × reference page |")
    print("|---|---|---:|---:|---:|")
    for label, name, first, rerun in rows:
        print(f"| {label} | {name} | {first:.3f} | {rerun:.3f} | {rerun / reference[label]:.2f} |")
    if not args.quick:
        print("\n| browser (shipped data) | value |\n|---|---:|")
        for key, value in browser_section(20).items():
            print(f"| {key} | {value:.2f} |")
        # the first view of every page beside the reference page's, in the same run (bench/firstview.py)
        print("\nFirst view at 1440x900, new browser context, warm server, software WebGL, median of 3\n")
        print(firstview.table(firstview.measure(3)))


if __name__ == "__main__":
    main()
