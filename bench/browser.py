"""Shared pieces of the browser benchmarks: a streamlit server and a chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SETTLED = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
TOGGLE = ".st-key-per10 label"
# the x-axis title of the kecamatan chart as drawn (plotly briefly keeps a hidden copy while redrawing)
AXIS = (
    "() => [...document.querySelectorAll('.st-key-kec_chart .js-plotly-plot')]"
    ".filter(e => e.getBoundingClientRect().top > 0).map(e => e.querySelector('.xtitle')?.textContent || '')"
    ".join('|')"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(env: dict[str, str] | None = None, script: str = "app.py"):
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield url, process, started
    finally:
        process.terminate()
        process.wait(timeout=30)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def toggle_and_settle(tab, timeout_ms: int = 30_000) -> float:
    """Click the per-10-desa toggle; seconds until the chart shows the other axis and the app is idle."""
    before = tab.evaluate(AXIS)
    start = time.perf_counter()
    tab.locator(TOGGLE).click()
    tab.wait_for_function(f"(b) => ({AXIS})() !== b && ({SETTLED})()", arg=before, timeout=timeout_ms)
    return time.perf_counter() - start


def open_kecamatan(tab, url: str, timeout_ms: int = 60_000) -> None:
    tab.goto(f"{url}/kecamatan")
    tab.locator(TOGGLE).wait_for(timeout=timeout_ms)
    tab.wait_for_function(f"() => ({AXIS})().length > 0 && ({SETTLED})()", timeout=timeout_ms)
