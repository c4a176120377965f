"""Real-browser flows: Playwright driving Debian's chromium against `streamlit run app.py`.

Screenshots of every page go to screenshots/ (see README). Skipped only off CI when chromium is absent.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
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

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium")
    pytest.skip("chromium is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none",
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            process.kill()
            log.seek(0)
            raise RuntimeError("streamlit did not start:\n" + log.read().decode(errors="replace"))
        yield url
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # Playwright gives every launch a fresh, throw-away user-data-dir of its own
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 2200}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


def settle(tab, text: str, timeout: float = 45_000) -> None:
    """Wait for `text`, then for Streamlit's running indicator to clear and charts to draw."""
    tab.get_by_text(text, exact=False).first.wait_for(timeout=timeout)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
    )
    tab.wait_for_timeout(1500)


def no_exception(tab) -> None:
    assert tab.locator('[data-testid="stException"]').count() == 0


def shot(tab, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


PAGES = [
    ("", "4.228", "home"),
    ("peringkat", "2 dari 174", "ranking"),
    ("kecamatan", "Daftar KIM", "kecamatan"),
    ("rencana", "Rencana per kecamatan", "planner"),
    ("data", "Unggah data", "data"),
]


@pytest.mark.parametrize(("path", "figure", "name"), PAGES)
def test_each_page_shows_its_key_figure(server, page, path, figure, name):
    page.goto(f"{server}/")  # a fresh server resolves deep links after its first run (see app.py)
    settle(page, "4.228")
    page.goto(f"{server}/{path}")
    settle(page, figure)
    no_exception(page)
    if name in ("ranking", "kecamatan"):
        assert page.locator('[data-testid="stDeckGlJsonChart"]').count() >= 1, "map drawn"
        assert page.locator(".js-plotly-plot").count() >= 1, "chart drawn"
    shot(page, name)


def test_pick_two_kecamatan_and_download_registry(server, page, tmp_path):
    page.goto(f"{server}/")
    settle(page, "4.228")
    page.goto(f"{server}/kecamatan")
    settle(page, "Daftar KIM")
    box = page.locator(".st-key-kec input")
    for name in ("Caringin", "Megamendung"):
        box.click()
        box.fill(name)
        page.keyboard.press("Enter")
        page.wait_for_timeout(800)
    page.keyboard.press("Escape")
    settle(page, "Daftar KIM")
    assert "kec=Caringin" in page.url and "kec=Megamendung" in page.url
    with page.expect_download() as info:
        page.locator(".st-key-registry_csv button").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert info.value.suggested_filename.startswith("kim_registri_Caringin-Megamendung_")
    frame = pd.read_csv(io.BytesIO(path.read_bytes()), encoding="utf-8-sig", dtype=str)
    assert set(frame["kecamatan"]) == {"Caringin", "Megamendung"}
    assert {"Jagapati Voluenter", "Siskomdes Cipayung", "Geus Eling"} <= set(frame["name"])
    with page.expect_download() as xlsx_info:  # made on click (deferred), so only a browser can test it
        page.locator(".st-key-registry_xlsx button").click()
    xlsx = tmp_path / xlsx_info.value.suggested_filename
    xlsx_info.value.save_as(xlsx)
    assert pd.read_excel(xlsx, dtype=str)["kecamatan_code"].tolist() == frame["kecamatan_code"].tolist()
    no_exception(page)


def test_shared_url_restores_the_view(server, page):
    page.goto(f"{server}/")
    settle(page, "4.228")
    page.goto(f"{server}/peringkat?provinsi=Jawa+Barat&kelompok=100%E2%80%93199&fokus=Kota+Bandung")
    settle(page, "3 dari 174")
    grid = page.locator('[data-testid="stDataFrame"]').nth(1)
    assert "Kota Bandung" in grid.inner_text() or page.get_by_text("Kota Bandung").count() > 0
    no_exception(page)
    shot(page, "ranking_shared_view")


def test_switch_language(server, page):
    page.goto(f"{server}/")
    settle(page, "4.228")
    page.locator(".st-key-lang").get_by_text("EN", exact=True).click()
    settle(page, "4,228")
    assert "lang=EN" in page.url
    assert page.get_by_text("KIM in Indonesia (Dec 2014)").count() == 1
    page.goto(f"{server}/rencana?lang=EN")
    settle(page, "Plan per kecamatan")
    no_exception(page)
    shot(page, "planner_en")


def test_phone_width_has_no_horizontal_page_scroll(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 1600})
    tab = context.new_page()
    tab.goto(f"{server}/")
    settle(tab, "4.228")
    overflow = tab.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1
    shot(tab, "home_phone")
    context.close()
