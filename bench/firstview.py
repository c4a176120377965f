"""First view in a browser: seconds from navigation to a page fully drawn, per page, beside the reference
page and an empty page served by the same kind of server, in one run.

"Fully drawn" (issue 25): no skeleton and no running script, every plotly chart drawn, every map canvas
has drawn (a WebGL draw call on it), every static map image loaded, and the layout unchanged for 300 ms.
Each sample uses a new browser context (no cache, no session) against a warm server (the page was opened
once before), chromium with software WebGL (--disable-gpu).

    python bench/firstview.py [--samples 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from browser import CHROMIUM_ARGS, streamlit_server  # noqa: E402

PAGES = ["", "peringkat", "kecamatan", "rencana", "data"]
NAMES = {"": "ringkasan"}
VIEWPORT = {"width": 1440, "height": 900}

# marks each canvas that WebGL has drawn on
MARK_DRAWS = """
for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
  for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
    const original = proto[name];
    if (!original) continue;
    proto[name] = function (...args) { this.canvas.__drawn = true; return original.apply(this, args); };
  }
}
window.__layout = ''; window.__still_since = performance.now();
"""

# true once everything is drawn and the layout has not changed for 300 ms (polled every 50 ms)
DRAWN = """() => {
  const busy = document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const started = main && main.querySelector('[data-testid="stElementContainer"]');
  if (busy || !started) { window.__still_since = performance.now(); return false; }
  const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const plotted = plots.every(p => p.querySelector('.main-svg'));
  const canvases = [...document.querySelectorAll('[data-testid="stDeckGlJsonChart"] canvas')];
  const decks = document.querySelectorAll('[data-testid="stDeckGlJsonChart"]').length;
  const drawn = canvases.length >= decks && canvases.every(c => c.__drawn);
  const images = [...document.querySelectorAll('[data-testid="stMain"] img')].every(i => i.complete);
  const layout = [...document.querySelectorAll('[data-testid="stElementContainer"]')]
    .map(e => { const r = e.getBoundingClientRect(); return `${r.x|0},${r.y|0},${r.width|0},${r.height|0}`; })
    .join(';') + '|' + main.scrollHeight;
  if (!(plotted && drawn && images) || layout !== window.__layout) {
    window.__layout = layout; window.__still_since = performance.now(); return false;
  }
  return performance.now() - window.__still_since >= 300;
}"""


def first_view(browser, url: str, timeout_ms: int = 120_000) -> float:
    """Seconds until the page at `url` is fully drawn, minus the 300 ms of stillness it waits for."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(MARK_DRAWS)
    tab = context.new_page()
    start = time.perf_counter()
    tab.goto(url)
    tab.wait_for_function(DRAWN, timeout=timeout_ms, polling=50)
    elapsed = time.perf_counter() - start - 0.3
    context.close()
    return elapsed


def measure(samples: int = 3) -> list[tuple[str, float]]:
    """(page, median seconds) for the empty page, the reference page and every page of the app."""
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, float]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, script in (
            ("empty page", "bench/empty_page.py"),
            ("reference page", "bench/reference_page.py"),
        ):
            with streamlit_server(script=script) as (url, _, _):
                first_view(browser, url)  # warm
                rows.append((name, statistics.median(first_view(browser, url) for _ in range(samples))))
        with streamlit_server() as (url, _, _):
            for path in PAGES:
                first_view(browser, f"{url}/{path}")  # warm
                times = [first_view(browser, f"{url}/{path}") for _ in range(samples)]
                rows.append((NAMES.get(path, path), statistics.median(times)))
        browser.close()
    return rows


def table(rows: list[tuple[str, float]]) -> str:
    reference = dict(rows)["reference page"]
    lines = ["| page | first view (s) | × reference page |", "|---|---:|---:|"]
    lines += [f"| {name} | {value:.2f} | {value / reference:.2f} |" for name, value in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=3)
    print(table(measure(parser.parse_args().samples)))
