"""Charts as the browser draws them, on a phone and a desktop: zero bars have a visible length, no two
printed labels overlap, no value label is cut at the chart's edge, and on a phone every tap target is at
least 40 px. Measured on the SVG plotly draws, independent of the figure specs."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from .browser_helpers import CHROMIUM, chromium
from .test_browser import settle, streamlit_servers

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium")
    pytest.skip("chromium is not installed", allow_module_level=True)

SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = {  # the map pages' charts sit in tabs (?bagian=), drawn when opened
    "": "peringkat 2 dari 174",
    "peringkat?bagian=teratas": "2 dari 174",
    "peringkat?bagian=provinsi": "2 dari 174",
    "kecamatan?bagian=grafik": "belum punya KIM",
    "kecamatan?bagian=perkembangan": "belum punya KIM",
    "rencana?bagian=sebelum_sesudah": "KIM baru diusulkan di",
    "rencana?bagian=per_tahun": "KIM baru diusulkan di",
}

# every printed text of every plotly chart: value labels, tick labels, legend, annotations
TEXTS = """() => [...document.querySelectorAll('.js-plotly-plot')].map((plot, i) => {
  const box = plot.getBoundingClientRect();
  const texts = [...plot.querySelectorAll('svg text')].filter(t => t.textContent.trim()
      && getComputedStyle(t).opacity !== '0' && t.getBBox().width > 0)
    .map(t => { const r = t.getBoundingClientRect();
      return {chart: i, text: t.textContent, cls: t.getAttribute('class') || t.parentNode.getAttribute('class') || '',
              x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; });
  return {box: {x0: box.left, x1: box.right}, texts};
})"""
# bars labelled "0": the length drawn
ZERO_BARS = """() => [...document.querySelectorAll('.js-plotly-plot .trace.bars .point')]
  .filter(p => (p.querySelector('text') || {}).textContent === '0')
  .map(p => p.querySelector('path').getBoundingClientRect().width)"""
# a map's areas are links too, as large as the places they draw: the kecamatan filter is the tap target
SMALL_TAPS = """() => [...document.querySelectorAll('button, a[href], [role=button]')].filter(e => {
  const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none'
    && !e.closest('[data-testid="stSidebar"]') && !e.closest('svg') && (r.width < 40 || r.height < 40); })
  .map(e => (e.getAttribute('aria-label') || e.innerText).slice(0, 40))"""


@pytest.fixture(scope="module")
def server():
    with streamlit_servers() as servers:
        yield servers.urls[0]


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def _overlaps(texts: list[dict]) -> list[tuple[str, str]]:
    def glyphs(t: dict) -> tuple[float, float, float, float]:
        # a text box is its line's height: the glyphs of digits and lower case fill its middle ~70 %
        pad = 0.15 * (t["y1"] - t["y0"])
        return t["x0"] + 0.5, t["y0"] + pad, t["x1"] - 0.5, t["y1"] - pad

    def hit(a, b) -> bool:
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = glyphs(a), glyphs(b)
        return ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1

    return [(a["text"], b["text"]) for a, b in itertools.combinations(texts, 2) if hit(a, b)]


def _still(tab) -> list[dict]:
    """The charts' texts once two readings 400 ms apart agree (plotly redraws after a resize)."""
    before = tab.evaluate(TEXTS)
    for _ in range(20):
        tab.wait_for_timeout(400)
        now = tab.evaluate(TEXTS)
        if now == before:
            return now
        before = now
    return before


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", list(PAGES))
def test_every_chart_mark_reads(server, browser, path, size):
    tab = browser.new_page(viewport=SIZES[size])
    try:
        tab.goto(f"{server}/{path}")
        settle(tab, PAGES[path])
        charts = _still(tab)
        assert charts, "the page draws its charts"
        for chart in charts:
            assert not _overlaps(chart["texts"]), _overlaps(chart["texts"])[:5]
            cut = [t["text"] for t in chart["texts"] if t["x1"] > chart["box"]["x1"] + 0.5]
            assert not cut, cut  # a value label runs past the chart's edge ("175" cut to "17.")
        if path == "kecamatan?bagian=grafik":
            zeros = tab.evaluate(ZERO_BARS)
            assert len(zeros) == 9 and min(zeros) >= 3  # the 9 kecamatan without a KIM, each seen
        if size == "phone":
            assert not tab.evaluate(SMALL_TAPS)
    finally:
        tab.close()
