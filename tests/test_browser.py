"""Real-browser flows: Playwright driving Debian's chromium against `streamlit run app.py`.

Screenshots of every page at 1440×900 and 390×844, in both languages, go to screenshots/ (see README).
Skipped only off CI when chromium is absent.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "screenshots"
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
DESKTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}
# path -> the answer that must be on the first screen, in Bahasa Indonesia and in English
PAGES = {
    "": ("peringkat 2 dari 174", "ranked 2 of 174"),
    "peringkat": ("2 dari 174", "2 of 174"),
    "kecamatan": ("belum punya KIM", "have no KIM"),
    "rencana": ("KIM baru diusulkan di", "New KIM are proposed in"),
    "data": ("Unggah data", "Upload data"),
}

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium")
    pytest.skip("chromium is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_servers(count: int = 1):
    """Fresh `streamlit run app.py` processes on free loopback ports (production settings), started
    together and yielded once every one answers its health check."""
    ports = [_free_port() for _ in range(count)]
    logs = [tempfile.TemporaryFile() for _ in ports]  # noqa: SIM115 - closed in the finally below
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        for port, log in zip(ports, logs, strict=True)
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url, log in zip(urls, logs, strict=True):
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            else:
                log.seek(0)
                raise RuntimeError("streamlit did not start:\n" + log.read().decode(errors="replace"))
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process, log in zip(processes, logs, strict=True):
            process.wait(timeout=20)
            log.close()


@pytest.fixture(scope="module")
def server():
    with streamlit_servers() as (url,):
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def settle(tab, text: str, timeout: float = 45_000) -> None:
    """Wait for `text`, then for Streamlit's running indicator to clear and charts and maps to draw."""
    tab.get_by_text(text, exact=False).first.wait_for(timeout=timeout)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
    )
    tab.wait_for_timeout(1200)


def no_exception(tab) -> None:
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert "Page not found" not in tab.inner_text("body")


def href(tab) -> str:
    """The address bar now (Streamlit updates it with history.replaceState, which tab.url may miss)."""
    return tab.evaluate("() => location.href")


def shot(tab, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"))


def test_first_deep_link_after_a_server_start(browser):
    paths = ["kecamatan", "rencana?target=200", "ringkasan", "peringkat?lang=EN", "data"]
    with streamlit_servers(len(paths)) as urls:  # fresh servers: the first request of each is a deep link
        for url, path in zip(urls, paths, strict=True):
            tab = browser.new_page(viewport=DESKTOP)
            tab.goto(f"{url}/{path}")
            settle(tab, "Sources:" if "lang=EN" in path else "Sumber:" if path != "data" else "Unggah data")
            no_exception(tab)
            tab.close()


@pytest.mark.parametrize("lang", ["ID", "EN"])
@pytest.mark.parametrize("path", list(PAGES))
def test_each_page_answers_on_the_first_screen_at_both_widths(server, browser, path, lang):
    answer = PAGES[path][0 if lang == "ID" else 1]
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/{path}?lang={lang}")
    settle(tab, answer)
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        tab.set_viewport_size(viewport)  # the same session, re-laid out as a phone shows it
        tab.wait_for_timeout(1500)
        no_exception(tab)
        box = tab.get_by_text(answer, exact=False).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= viewport["height"], (path, name, box)
        overflow = tab.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, (path, name, overflow)
        shot(tab, f"{path or 'ringkasan'}_{lang.lower()}_{name}")
    tab.close()


def test_a_click_on_a_map_area_filters_the_page(server, browser):
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/kecamatan")
    settle(tab, "belum punya KIM")
    chart = tab.locator('[data-testid="stDeckGlJsonChart"]').first
    chart.locator("canvas").first.wait_for(timeout=30_000)
    chart.scroll_into_view_if_needed()
    tab.wait_for_timeout(3000)  # deck.gl draws after the canvas exists
    box = chart.bounding_box()
    for dx, dy in ((0.3, 0.55), (0.7, 0.5), (0.25, 0.45), (0.6, 0.55), (0.4, 0.6)):  # areas of the regency
        tab.mouse.click(box["x"] + box["width"] * dx, box["y"] + box["height"] * dy)
        try:
            tab.wait_for_function("() => location.href.includes('kec=')", timeout=6000)
            break
        except Exception:  # noqa: BLE001 - that spot was a hole (Kota Bogor) or between areas: try the next
            continue
    assert "kec=" in href(tab), "a click on a kecamatan filters the page and the URL says so"
    settle(tab, "Tabel kecamatan")
    chosen = re.search(r"kec=([^&]+)", href(tab)).group(1)
    name = urllib.parse.unquote_plus(chosen)
    assert name in tab.locator(".st-key-kec").inner_text()  # the filter now holds the clicked kecamatan
    assert re.search(r"\b[01] dari 1\b", tab.inner_text("body"))  # the KPIs follow: one kecamatan in view
    shot(tab, "kecamatan_after_map_click")
    tab.close()


def test_pick_two_kecamatan_and_download_the_registry(server, browser, tmp_path):
    tab = browser.new_page(viewport=DESKTOP, accept_downloads=True)
    tab.goto(f"{server}/kecamatan?kec=Caringin&kec=Megamendung")
    settle(tab, "Daftar KIM")
    with tab.expect_download() as info:
        tab.locator(".st-key-registry_csv button").click()
    assert info.value.suggested_filename == "kim_registri_Caringin-Megamendung_data-2016-12-20.csv"
    data = Path(info.value.path()).read_bytes()
    frame = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str)
    assert set(frame["Kecamatan"]) == {"Caringin", "Megamendung"}
    assert {"Jagapati Voluenter", "Siskomdes Cipayung", "Geus Eling"} <= set(frame["Nama KIM"])
    with tab.expect_download() as xlsx_info:  # made on click (deferred), so only a browser can test it
        tab.locator(".st-key-registry_xlsx button").click()
    workbook = pd.read_excel(xlsx_info.value.path(), dtype=str)
    assert workbook["Kode kecamatan"].tolist() == frame["Kode kecamatan"].tolist()
    with tab.expect_download() as pdf_info:
        tab.locator(".st-key-pdf_kecamatan button").click()
    assert Path(pdf_info.value.path()).read_bytes().startswith(b"%PDF")
    no_exception(tab)
    tab.close()


def test_language_switch_on_a_phone_without_the_sidebar(server, browser):
    tab = browser.new_page(viewport=PHONE)
    tab.goto(f"{server}/rencana")
    settle(tab, "KIM baru diusulkan di")
    tab.locator(".st-key-lang").get_by_text("EN", exact=True).click()
    settle(tab, "New KIM are proposed in")
    assert "lang=EN" in href(tab)
    no_exception(tab)
    tab.close()


def test_the_kecamatan_page_of_a_second_regency(server, browser):
    for lang, viewport, name in (("ID", DESKTOP, "desktop"), ("EN", PHONE, "phone")):
        tab = browser.new_page(viewport=viewport)
        tab.goto(f"{server}/kecamatan?wilayah=32.04&lang={lang}")
        settle(tab, "Kabupaten Bandung")
        assert tab.get_by_text("Kabupaten Bandung").count() >= 1
        no_exception(tab)
        shot(tab, f"kecamatan_bandung_{lang.lower()}_{name}")
        tab.close()
