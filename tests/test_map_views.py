"""The maps as drawn: each view shows its whole area on a phone's column and fills it, labels do not overlap,
band colours are told apart, the focus regency keeps its band colour, tooltips stay escaped and say when a
figure is illustrative. The projection here is written out again, independent of kim_dash.boundaries.shipped."""

import itertools
import json
import math

import pytest

from kim_dash.outputs.map_labels import PAD, place_labels, text_size
from kim_dash.outputs.palette import BAND_HEX, FOCUS, NO_DATA_HEX, rgb
from kim_dash.store.dataset import DEFAULT_DATA_DIR

from .apptest_helpers import open_page

PHONE = 358  # the map column's width in px at 390x844 (measured in Chromium)
DESKTOP = 880  # the width the national map is fitted to on a desktop (its canvas is wider at 1440x900)
PAPUA = ("91", "92", "93", "94", "95", "96")


def _pixel(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator, deck.gl's 512-px world at zoom 0."""
    scale = 512 * 2**zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * scale, (1 - y / math.pi) / 2 * scale


def _on_screen(view: dict, width: int, height: int):
    cx, cy = _pixel(view["longitude"], view["latitude"], view["zoom"])

    def project(lon: float, lat: float) -> tuple[float, float]:
        x, y = _pixel(lon, lat, view["zoom"])
        return x - cx + width / 2, y - cy + height / 2

    return project


def _bounds(features: list[dict]) -> tuple[float, float, float, float]:
    points = [
        point
        for f in features
        for polygon in f["geometry"]["coordinates"]
        for ring in polygon
        for point in ring
    ]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _regencies() -> list[dict]:
    path = DEFAULT_DATA_DIR / "boundaries" / "regencies.geojson"
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def _deck(at) -> tuple[dict, dict]:
    chart = at.get("deck_gl_json_chart")[0]
    return json.loads(chart.proto.json), json.loads(chart.proto.tooltip)


def _layer(deck: dict, layer_id: str) -> dict:
    return next(layer for layer in deck["layers"] if layer["id"] == layer_id)


@pytest.fixture(scope="module")
def national():
    return _deck(open_page("peringkat"))


@pytest.fixture(scope="module")
def national_phone():
    """The national map as a phone's browser gets it (its user agent says "Mobi")."""
    from kim_dash.ui import maps

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(maps, "on_phone", lambda: True)
        return _deck(open_page("peringkat", "EN"))


@pytest.fixture(scope="module")
def kecamatan():
    at = open_page("kecamatan")
    return (*_deck(at), [c.value for c in at.caption])


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """sRGB -> CIE L*a*b* (D65)."""
    linear = [c / 255 for c in rgb(hex_colour)[:3]]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in linear)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(one: str, other: str) -> float:
    return math.dist(_lab(one), _lab(other))


def test_band_colours_differ_clearly_from_each_other_from_no_data_and_from_the_focus_orange():
    colours = [*BAND_HEX.values(), NO_DATA_HEX]
    assert min(_delta_e(a, b) for a, b in itertools.combinations(colours, 2)) > 20
    assert min(_delta_e(c, FOCUS) for c in BAND_HEX.values()) > 25  # orange means no band any more


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_national_map_shows_aceh_and_papua_whole_on_a_phone_and_a_desktop(
    national, national_phone, width
):
    deck, _ = national_phone if width == PHONE else national
    project = _on_screen(deck["initialViewState"], width, 460)
    regencies = _regencies()
    for prefix in ("11", *PAPUA):
        west, south, east, north = _bounds([f for f in regencies if f["properties"]["code"][:2] == prefix])
        for lon, lat in ((west, north), (east, south)):
            x, y = project(lon, lat)
            assert 0 <= x <= width and 0 <= y <= 460, (prefix, lon, lat, x, y)


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_national_map_fills_a_phone_column_and_a_desktop_row(national, national_phone, width):
    west, south, east, north = _bounds(_regencies())
    deck, _ = national_phone if width == PHONE else national
    project = _on_screen(deck["initialViewState"], width, 460)
    assert project(east, south)[0] - project(west, north)[0] > 0.9 * width


def test_choosing_a_province_zooms_the_national_map_to_it_and_names_its_regencies():
    deck, _ = _deck(open_page("peringkat", provinsi=["Jawa Barat"]))
    west, south, east, north = _bounds([f for f in _regencies() if f["properties"]["code"][:2] == "32"])
    project = _on_screen(deck["initialViewState"], DESKTOP, 460)
    (x0, y0), (x1, y1) = project(west, north), project(east, south)
    assert x0 >= 0 and y0 >= 0 and x1 <= DESKTOP and y1 <= 460  # Jawa Barat whole
    assert x1 - x0 > 0.4 * DESKTOP and y1 - y0 > 300  # and filling the map (Indonesia's view: 46 x 36 px)
    texts = {row["text"] for row in _layer(deck, "regency_labels")["data"]}
    named = " ".join(texts).replace("\n", " ")
    assert "Kab. Bogor" in named and named.count("Kab. ") >= 8  # names above the counts, zoomed in


def test_the_kecamatan_map_shows_the_whole_regency_and_fills_a_phone_column(kecamatan):
    deck, _, _ = kecamatan
    shapes = _layer(deck, "kecamatan")["data"]["features"]
    west, south, east, north = _bounds(shapes)
    project = _on_screen(deck["initialViewState"], PHONE, 520)
    (x0, y0), (x1, y1) = project(west, north), project(east, south)
    assert x0 >= 0 and x1 <= PHONE and y0 >= 0 and y1 <= 520
    assert x1 - x0 > 0.9 * PHONE or y1 - y0 > 0.9 * 520


def _boxes(labels: list[dict], project) -> list[tuple[float, float, float, float]]:
    boxes = []
    for row in labels:
        x, y = project(row["lon"], row["lat"])
        width, height = text_size(row["text"], row["size"])
        top = {"top": y, "bottom": y - height, "center": y - height / 2}[row["baseline"]]
        boxes.append((x - width / 2, top, x + width / 2, top + height))
    return boxes


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("which", ["kecamatan", "national"])
def test_labels_do_not_overlap_and_stay_on_the_map(kecamatan, national, which):
    deck, height, layer = (
        (kecamatan[0], 520, "kecamatan") if which == "kecamatan" else (national[0], 460, "regency")
    )
    width = 360 if which == "kecamatan" else DESKTOP
    labels = _layer(deck, f"{layer}_labels")["data"]
    boxes = _boxes(labels, _on_screen(deck["initialViewState"], width, height))
    shrunk = [(a + 0.5, b + 0.5, c - 0.5, d - 0.5) for a, b, c, d in boxes]  # rounding of lon/lat
    assert not [
        (i, j) for i, j in itertools.combinations(range(len(shrunk)), 2) if _overlap(shrunk[i], shrunk[j])
    ]
    assert all(a >= 0 and b >= 0 and c <= width and d <= height for a, b, c, d in shrunk)


def test_the_kecamatan_map_labels_most_counts_and_names_where_there_is_room(kecamatan):
    labels = _layer(kecamatan[0], "kecamatan_labels")["data"]
    counts = [row for row in labels if row["text"].isdigit() or len(row["text"]) == 1]  # a count or a letter
    names = [row for row in labels if row["baseline"] == "bottom"]
    assert len(counts) >= 30 and len(names) >= 3  # 40 kecamatan; a few small ones by tooltip only
    assert {row["text"] for row in labels} >= {"Kota\nBogor"}
    assert all(row["size"] >= 10 for row in labels)
    font = _layer(kecamatan[0], "kecamatan_labels")["fontFamily"]
    assert "Source Sans" in font and font.endswith("sans-serif") and "Monaco" not in font


def test_kota_bogor_is_drawn_grey_and_named_but_not_clickable(kecamatan):
    context = _layer(kecamatan[0], "kecamatan_context")
    codes = {f["properties"]["code"] for f in context["data"]["features"]}
    assert "32.71" in codes and "32.01" not in codes and context["pickable"] is False
    assert context["getFillColor"] != _layer(kecamatan[0], "kecamatan")["getFillColor"]


def test_greedy_placement_drops_a_label_that_would_overlap_and_grows_only_where_free():
    frame = (0.0, 0.0, 100.0, 100.0)
    candidates: list[tuple[str, list[tuple[float, float, float, float]]]] = [
        ("a", [(10, 10, 20, 20), (10, 0, 40, 20)]),
        ("b", [(15, 15, 25, 25)]),  # on a's count: dropped
        ("c", [(30, 10, 40, 20)]),  # beside a: kept, and keeps a from growing over it
        ("d", [(95, 95, 105, 105)]),  # off the map: dropped
    ]
    placed = place_labels(candidates, frame)
    assert set(placed) == {"a", "c"} and placed["a"][0] == 0
    assert text_size("12", 12)[0] == pytest.approx(2 * 0.53 * 12 + 2 * PAD[0])


def test_tooltips_are_escaped_styled_to_wrap_and_no_basemap_is_fetched(kecamatan, national):
    from kim_dash.ui.maps import _tip

    assert _tip(["<b>Nama</b> & co", "", "x"]) == "&lt;b&gt;Nama&lt;/b&gt; &amp; co\nx"
    for deck, tooltip in (kecamatan[:2], national):
        assert set(tooltip) == {"html", "style"} and "{tip}" in tooltip["html"]
        assert tooltip["style"]["maxWidth"].endswith("px") and tooltip["style"]["overflowWrap"] == "anywhere"
        assert deck["mapStyle"] == "__MAP_STYLE__"  # Streamlit then draws no basemap (no carto, mapbox)
        features = next(layer for layer in deck["layers"] if layer.get("pickable"))["data"]["features"]
        assert all("<" not in f["properties"]["tip"] + f["properties"]["name"] for f in features)


def test_the_national_tooltip_says_illustrative_only_for_illustrative_counts(national):
    features = _layer(national[0], "regency")["data"]["features"]
    by_code = {f["properties"]["code"]: f["properties"]["tip"] for f in features}
    assert "ilustratif" in by_code["16.01"]  # the sample's first regency: a made-up count
    assert (
        "ilustratif" not in by_code["32.01"] and "134 KIM" in by_code["32.01"]
    )  # published (kimkabbogor.id)


@pytest.mark.parametrize(("lang", "word"), [("ID", "ilustratif"), ("EN", "illustrative")])
def test_a_caption_under_each_map_says_its_figures_are_illustrative(lang, word):
    for page in ("kecamatan", "peringkat"):
        captions = [c.value for c in open_page(page, lang).caption]
        assert any(word in c and ("peta" in c or "map" in c) for c in captions), (page, captions)


def test_the_focus_regency_keeps_its_band_colour_in_the_bars_and_on_the_map(national):
    at = open_page("peringkat")
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    bar = figure["data"][0]
    focus = bar["customdata"].index("32.01")
    band = next(b for b, colour in BAND_HEX.items() if colour == bar["marker"]["color"][focus])
    assert bar["marker"]["line"]["width"][focus] > max(
        w for i, w in enumerate(bar["marker"]["line"]["width"]) if i != focus
    )
    assert bar["y"][focus].startswith("<b>") and "Kabupaten Bogor" in bar["y"][focus]
    assert all(c in BAND_HEX.values() for c in bar["marker"]["color"])  # no orange, no other meaning
    features = _layer(national[0], "regency")["data"]["features"]
    fill = next(f["properties"]["fill"] for f in features if f["properties"]["code"] == "32.01")
    assert fill[:3] == rgb(BAND_HEX[band])[:3]
    outline = _layer(national[0], "regency_focus")["data"]["features"]
    assert [f["properties"]["code"] for f in outline] == ["32.01"]


def test_the_national_map_leaves_off_only_islets_under_half_a_pixel():
    """Fewer outlines to stroke (software WebGL draws each one), and nothing a reader could see is lost:
    every regency keeps its largest part, and all that is left off is under 0.5 % of the land area."""
    import shapely
    from shapely.geometry import shape

    from kim_dash.boundaries import shipped as boundaries
    from kim_dash.ui import maps

    full = boundaries.regency_features(DEFAULT_DATA_DIR)
    thin = boundaries.without_specks(full, maps.NATIONAL_MIN_PART)
    assert [f["properties"]["code"] for f in thin] == [f["properties"]["code"] for f in full]
    vertices = [sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in fs) for fs in (full, thin)]
    assert vertices[1] < 0.6 * vertices[0], vertices
    area_full = sum(shape(f["geometry"]).area for f in full)
    area_thin = sum(shape(f["geometry"]).area for f in thin)
    assert area_full - area_thin < 0.005 * area_full
    for before, after in zip(full, thin, strict=True):
        largest = max(getattr(g := shape(before["geometry"]), "geoms", [g]), key=lambda p: p.area)
        assert shape(after["geometry"]).contains(largest.representative_point())


@pytest.mark.parametrize("regency", ["32.01", "32.04"])
def test_every_kecamatan_without_a_kim_is_named_on_the_map_or_lettered_in_its_key(regency):
    """Checked against the kecamatan table as the page shows it (its rows with 0 KIM), not the map code."""
    from .apptest_helpers import table_with

    at = open_page("kecamatan", wilayah=regency)
    table = table_with(at, "Kecamatan")
    empty = set(table.loc[table["KIM"] == 0, "Kecamatan"])
    assert len(empty) >= 5
    deck, _ = _deck(at)
    texts = [row["text"] for row in _layer(deck, "kecamatan_labels")["data"]]
    key = next((m.value for m in at.markdown if m.value.startswith("**Tanpa KIM**")), "")
    lettered = dict(part.split(" ", 1) for part in key.split(": ", 1)[1].split(" · ")) if key else {}
    assert all(letter in texts for letter in lettered)  # each letter of the key is on the map
    named = {name for name in empty if name in texts} | {n.replace("\\", "") for n in lettered.values()}
    assert named == empty
