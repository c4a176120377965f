"""Real-browser flows: Playwright driving Debian's chromium against `streamlit run app.py`.

Screenshots of every page at 1440×900 and 390×844, in both languages, go to screenshots/ (see README).
Skipped only off CI when chromium is absent.
"""

from __future__ import annotations

import io
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kim_dash.boundaries import shipped as boundaries
from kim_dash.ui import maps

from .browser_helpers import CHROMIUM, chromium, streamlit_servers
from .conftest import ROOT

SHOTS = ROOT / "screenshots"
DESKTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}
# path -> the answer that must be on the first screen, in Bahasa Indonesia and in English
PAGES = {
    "": ("peringkat 2 dari 174", "ranked 2 of 174"),
    "peringkat": ("2 dari 174", "2 of 174"),
    "kecamatan": ("belum punya KIM", "have no KIM"),
    "rencana": ("KIM baru diusulkan di", "New KIM are proposed in"),
    "data": ("Unggah data", "Upload data"),
}

# one worker drives the browser while the other runs the CPU-bound tests (pytest -n 2 --dist loadgroup)
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium")
    pytest.skip("chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def server():
    with streamlit_servers() as servers:
        yield servers.urls[0]


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


# no script running and no element still a grey placeholder
IDLE = """() => !document.querySelector('[data-testid="stStatusWidget"]')
  && !document.querySelector('[data-testid="stSkeleton"]')"""


def settle(tab, text: str, timeout: float = 45_000) -> None:
    """Wait for `text`, then for Streamlit's running indicator to clear and charts and maps to draw."""
    tab.get_by_text(text, exact=False).first.wait_for(timeout=timeout)
    for _ in range(2):  # idle twice, 300 ms apart: a run may start a rerun just as it ends (URL sync)
        tab.wait_for_function(IDLE, timeout=timeout)
        tab.wait_for_timeout(300)  # the last deltas paint


def no_exception(tab) -> None:
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert "Page not found" not in tab.inner_text("body")


def href(tab) -> str:
    """The address bar now (Streamlit updates it with history.replaceState, which tab.url may miss)."""
    return tab.evaluate("() => location.href")


def shot(tab, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.mark.xdist_group("deep_links")  # its own servers: runs beside the others on the second worker
def test_first_deep_link_after_a_server_start(browser):
    paths = ["kecamatan", "rencana?target=200", "ringkasan", "peringkat?lang=EN", "data"]  # every page
    with streamlit_servers(len(paths)) as servers:  # fresh servers: the first request of each is a deep link
        # one page at a time (each still the first request its server gets): five first runs at once on a
        # loaded two-core machine measured the machine, not the deep link
        for index, (url, path) in enumerate(zip(servers.urls, paths, strict=True)):
            tab = browser.new_page(viewport=DESKTOP)
            try:
                tab.goto(f"{url}/{path}")
                settle(
                    tab, "Sources:" if "lang=EN" in path else "Sumber:" if path != "data" else "Unggah data"
                )
                no_exception(tab)
            except Exception as err:  # the cause first: which page, what the browser and the server saw
                body = tab.inner_text("body")[-1500:] if not tab.is_closed() else ""
                raise AssertionError(
                    f"/{path} on a fresh server: {type(err).__name__}: {str(err)[:500]}\n"
                    f"--- page text ---\n{body}\n--- server log ---\n{servers.log(index)}"
                ) from err
            finally:
                tab.close()


def on_first_screen(tab, answer: str, viewport: dict, shot_name: str) -> None:
    """At this width, `answer` is visible without scrolling, nothing overflows sideways, no error shows."""
    tab.set_viewport_size(viewport)  # the same session, re-laid out as this screen shows it
    tab.wait_for_timeout(400)  # re-laid out
    no_exception(tab)
    box = tab.get_by_text(answer, exact=False).first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"], (shot_name, box)
    overflow = tab.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, (shot_name, overflow)
    shot(tab, shot_name)


@pytest.mark.parametrize("path", list(PAGES))
def test_each_page_answers_on_the_first_screen_at_both_widths_in_both_languages(server, browser, path):
    """Opened in Bahasa Indonesia on a desktop, seen on a phone, switched to English there with the
    on-page switch (no sidebar on a phone), seen on the phone and the desktop again."""
    answer_id, answer_en = PAGES[path]
    name = path or "ringkasan"
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/{path}")
    settle(tab, answer_id)
    on_first_screen(tab, answer_id, DESKTOP, f"{name}_id_desktop")
    on_first_screen(tab, answer_id, PHONE, f"{name}_id_phone")
    if path == "data":  # a choice made before the switch (its labels change with the language)
        tab.locator(".st-key-data_kind label").filter(has=tab.locator("input[value='3']")).click()
        settle(tab, answer_id)
    tab.locator(".st-key-lang").get_by_text("EN", exact=True).click()
    settle(tab, answer_en)
    assert "lang=EN" in href(tab)
    on_first_screen(tab, answer_en, PHONE, f"{name}_en_phone")
    on_first_screen(tab, answer_en, DESKTOP, f"{name}_en_desktop")
    # every choice follows the switch: the sidebar's data date reads in English, a choice keeps its value
    assert tab.locator(".st-key-per input").input_value() == "the latest data"
    if path == "data":
        assert tab.locator(".st-key-data_kind input:checked").get_attribute("value") == "3"  # national
    tab.close()


def _point_on_map(tab, selector: str, view: boundaries.View, lon: float, lat: float) -> tuple[float, float]:
    """Where a place is on the page: the picture is drawn at the view's size and scaled to its column."""
    box = tab.locator(selector).bounding_box()
    x, y = view.xy(lon, lat)
    scale = box["width"] / view.width
    return box["x"] + x * scale, box["y"] + y * scale


def test_a_click_on_a_map_area_filters_the_page(server, browser):
    """Hovering a kecamatan shows its tooltip; a click follows its link and the page filters to it."""
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/kecamatan")
    settle(tab, "belum punya KIM")
    svg = ".st-key-kec_map svg"
    tab.locator(svg).scroll_into_view_if_needed()
    # Sukamakmur, Bogor's largest kecamatan, at its interior point (data/reference/kecamatan.csv), placed
    # with the app's own fitted view: no searching for a spot that is not a hole
    shapes = boundaries.kecamatan_features(ROOT / "data", "32.01")
    bounds = boundaries.bounds_of(shapes)
    view = boundaries.fit(
        bounds, maps.MAP_WIDTH, boundaries.height_for(bounds, maps.MAP_WIDTH, *maps.KECAMATAN_HEIGHTS)
    )
    x, y = _point_on_map(tab, svg, view, 107.010706, -6.591218)
    hovered = tab.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.querySelector('title')?.textContent", [x, y]
    )
    assert hovered.startswith("Sukamakmur: KIM: 9"), hovered  # the tooltip names it and its figures
    tab.mouse.click(x, y)
    tab.wait_for_function("() => location.href.includes('kec=')", timeout=30_000)
    settle(tab, "Tabel kecamatan")
    chosen = re.search(r"kec=([^&]+)", href(tab)).group(1)
    name = urllib.parse.unquote_plus(chosen)
    assert name == "Sukamakmur"
    assert name in tab.locator(".st-key-kec").inner_text()  # the filter now holds the clicked kecamatan
    assert re.search(r"\b[01] dari 1\b", tab.inner_text("body"))  # the KPIs follow: one kecamatan in view
    shot(tab, "kecamatan_after_map_click")
    tab.close()


def test_pick_two_kecamatan_and_download_the_registry(server, browser, tmp_path):
    tab = browser.new_page(viewport=DESKTOP, accept_downloads=True)
    tab.goto(f"{server}/kecamatan?kec=Caringin&kec=Megamendung")
    settle(tab, "Daftar KIM")
    tab.get_by_role("tab", name="Daftar KIM").click()  # the registry's tab: its table is made when opened
    tab.locator(".st-key-registry_csv button").wait_for(timeout=45_000)
    assert "bagian=daftar" in href(tab)
    with tab.expect_download() as info:
        tab.locator(".st-key-registry_csv button").click()
    assert info.value.suggested_filename == "kim_registri_Caringin-Megamendung_data-2016-12-20.csv"
    data = Path(info.value.path()).read_bytes()
    frame = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str)
    assert set(frame["Kecamatan"]) == {"Caringin", "Megamendung"}
    assert {"Jagapati Voluenter", "Siskomdes Cipayung", "Geus Eling"} <= set(frame["Nama KIM"])
    with tab.expect_download() as xlsx_info:  # made on click (deferred), so only a browser can test it
        tab.locator(".st-key-registry_xlsx button").click()
    workbook = pd.read_excel(xlsx_info.value.path(), dtype=str, engine="openpyxl")
    assert workbook["Kode kecamatan"].tolist() == frame["Kode kecamatan"].tolist()
    with tab.expect_download() as pdf_info:
        tab.locator(".st-key-pdf_kecamatan button").click()
    assert Path(pdf_info.value.path()).read_bytes().startswith(b"%PDF")
    no_exception(tab)
    tab.close()


def test_the_kecamatan_page_of_a_second_regency(server, browser):
    """Kabupaten Bandung from a shared link, on a desktop in Bahasa Indonesia, then on a phone in English."""
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/kecamatan?wilayah=32.04")
    settle(tab, "belum punya KIM")
    assert tab.get_by_role("heading", name=re.compile("Kabupaten Bandung")).count() == 1
    no_exception(tab)
    shot(tab, "kecamatan_bandung_id_desktop")
    tab.set_viewport_size(PHONE)
    tab.locator(".st-key-lang").get_by_text("EN", exact=True).click()
    settle(tab, "have no KIM")
    assert "wilayah=32.04" in href(tab) and "lang=EN" in href(tab)
    assert tab.get_by_role("heading", name=re.compile("Kabupaten Bandung")).count() == 1
    no_exception(tab)
    shot(tab, "kecamatan_bandung_en_phone")
    tab.close()


def _map_pixels(tab, selector: str, hex_colour: str) -> int:
    """How many pixels of the map, as drawn on screen, have this fill colour."""
    from PIL import Image

    target = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    image = Image.open(io.BytesIO(tab.locator(selector).screenshot())).convert("RGB")
    pixels: Any = image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata()
    return sum(1 for p in pixels if all(abs(a - b) <= 6 for a, b in zip(p, target, strict=True)))


def test_the_national_map_spans_the_desktop_and_zooms_to_a_chosen_province(server, browser):
    """At 1440x900 the map is at least 900 px wide; choosing Jawa Barat zooms to it: Kabupaten Bogor and
    Bandung (band 100–199, published 134 and 112) then fill many times the pixels they filled before."""
    from kim_dash.outputs.palette import BAND_HEX

    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/peringkat")
    settle(tab, "2 dari 174")
    svg = ".st-key-rank_map svg"
    tab.locator(svg).scroll_into_view_if_needed()
    assert tab.locator(svg).bounding_box()["width"] >= 900
    before = _map_pixels(tab, svg, BAND_HEX["100–199"])
    shot(tab, "peringkat_map_national")
    tab.goto(f"{server}/peringkat?provinsi=Jawa+Barat")
    settle(tab, "2 dari 174")
    tab.locator(svg).scroll_into_view_if_needed()
    after = _map_pixels(tab, svg, BAND_HEX["100–199"])
    assert after > 8 * max(before, 1), (before, after)
    shot(tab, "peringkat_map_jawa_barat")
    # a click on Kota Bandung (its interior point) makes it the focus, the province filter kept
    view = _national_view(tab, svg, ("32",))
    x, y = _point_on_map(tab, svg, view, 107.6098, -6.9147)
    tab.mouse.click(x, y)
    tab.wait_for_function("() => location.href.includes('wilayah=32.73')", timeout=30_000)
    settle(tab, "3 dari 174")
    assert "provinsi=Jawa+Barat" in href(tab)
    tab.goto(f"{server}/peringkat")  # and back: Indonesia whole again
    settle(tab, "dari 174")
    tab.locator(svg).scroll_into_view_if_needed()
    assert _map_pixels(tab, svg, BAND_HEX["100–199"]) < 2 * max(before, 1)
    no_exception(tab)
    tab.close()


def _national_view(tab, selector: str, provinces: tuple[str, ...]) -> boundaries.View:
    from kim_dash.outputs.national_picture import in_sight

    width, height = (float(v) for v in tab.locator(selector).get_attribute("viewBox").split()[2:])
    shapes = boundaries.regency_features(ROOT / "data")
    return in_sight(shapes, provinces, int(width), int(height))


def test_the_kecamatan_map_sits_beside_the_answer_and_names_the_kecamatan_without_kim(server, browser):
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/kecamatan")
    settle(tab, "belum punya KIM")
    answer = tab.get_by_text("belum punya KIM", exact=False).first.bounding_box()
    picture = tab.locator(".st-key-kec_map svg").bounding_box()
    assert picture["y"] < DESKTOP["height"] and picture["x"] > answer["x"] + answer["width"] - 5  # beside it
    key = tab.get_by_text("huruf di peta", exact=False).first.inner_text()
    assert "huruf di peta" in key and "Gunungputri" in key  # the lettered ones, named beside the map
    no_exception(tab)
    tab.close()


@pytest.mark.parametrize(("path", "title"), [("", "Peta status kecamatan"), ("rencana", "di mana KIM baru")])
def test_ringkasan_and_rencana_show_a_kecamatan_map(server, browser, path, title):
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/{path}")
    settle(tab, "Sumber:")
    tab.get_by_text(title, exact=False).first.wait_for()
    image = tab.locator('[data-testid="stImage"] img').first
    image.scroll_into_view_if_needed()
    assert tab.evaluate("(img) => img.complete && img.naturalWidth > 300", image.element_handle())
    assert image.bounding_box()["width"] >= 350
    no_exception(tab)
    tab.close()
