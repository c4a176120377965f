"""Concurrent load: N headless browser sessions on one server doing the filter flow in a loop.

    python bench/load.py [--sessions 20] [--seconds 60]

Each session opens the kecamatan page and keeps clicking the per-10-desa toggle (a rerun that redraws
the chart), for a bounded time. Prints errors (must be 0) and the p50/p95 click-to-settled time.
Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import CHROMIUM_ARGS, open_kecamatan, rss_mb, streamlit_server, toggle_and_settle  # noqa: E402


def session(url: str, seconds: float, samples: list[float], errors: list[str], start_gate: threading.Barrier) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1200, "height": 1000})
        try:
            open_kecamatan(tab, url, timeout_ms=180_000)
        except Exception as err:  # noqa: BLE001 - every failure is counted, none stops the run
            errors.append(f"open: {type(err).__name__}")
        start_gate.wait()
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                samples.append(toggle_and_settle(tab, timeout_ms=60_000))
                if tab.locator('[data-testid="stException"]').count():
                    errors.append("exception box")
            except Exception as err:  # noqa: BLE001
                errors.append(type(err).__name__)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    samples: list[float] = []
    errors: list[str] = []
    with streamlit_server() as (url, process, _):
        gate = threading.Barrier(args.sessions)
        threads = [threading.Thread(target=session, args=(url, args.seconds, samples, errors, gate))
                   for _ in range(args.sessions)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        memory = rss_mb(process.pid)
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else float("nan")
    print("| sessions | seconds | reruns | errors | p50 (s) | p95 (s) | server RSS (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.sessions} | {args.seconds:.0f} | {len(samples)} | {len(errors)} | "
          f"{statistics.median(ordered) if ordered else float('nan'):.2f} | {p95:.2f} | {memory:.0f} |")
    if errors:
        print("errors:", ", ".join(sorted(set(errors))))


if __name__ == "__main__":
    main()
