"""The maps as drawn: each view shows its whole area on a phone's column and fills it, labels do not overlap,
band colours are told apart, the focus regency keeps its band colour, tooltips stay escaped and say when a
figure is illustrative. The maps are read back from the SVG the page sends (tests/svg_map.py)."""

import itertools
import json
import math

import pytest

from kim_dash.outputs.map_labels import PAD, place_labels, text_size
from kim_dash.outputs.palette import BAND_HEX, FOCUS, NO_DATA_HEX, rgb
from kim_dash.store.dataset import DEFAULT_DATA_DIR

from .apptest_helpers import open_page
from .svg_map import Picture, page_map, svg_markup

DESKTOP = 880  # the width the national map is fitted to on a desktop (its canvas is wider at 1440x900)
PAPUA = ("91", "92", "93", "94", "95", "96")


@pytest.fixture(scope="module")
def national() -> Picture:
    return page_map(open_page("peringkat"))


@pytest.fixture(scope="module")
def national_phone() -> Picture:
    """The national map as a phone's browser gets it (its user agent says "Mobi")."""
    from kim_dash.ui import maps

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(maps, "on_phone", lambda: True)
        return page_map(open_page("peringkat", "EN"))


@pytest.fixture(scope="module")
def kecamatan():
    at = open_page("kecamatan")
    return page_map(at), [c.value for c in at.caption]


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


@pytest.mark.parametrize("phone", [True, False])
def test_the_national_map_shows_aceh_and_papua_whole_and_fills_its_width(national, national_phone, phone):
    picture = national_phone if phone else national
    assert picture.width == (360 if phone else DESKTOP)
    by_code = picture.linked("wilayah")
    assert len(by_code) == 514
    for prefix in ("11", *PAPUA):
        x0, y0, x1, y1 = picture.bounds([s for c, s in by_code.items() if c[:2] == prefix])
        assert x0 >= 0 and y0 >= 0 and x1 <= picture.width and y1 <= picture.height, prefix
    x0, _, x1, _ = picture.bounds(list(by_code.values()))
    assert x1 - x0 > 0.9 * picture.width


def test_choosing_a_province_zooms_the_national_map_to_it_and_names_its_regencies():
    picture = page_map(open_page("peringkat", provinsi=["Jawa Barat"]))
    by_code = picture.linked("wilayah")
    assert all(s.link.get("provinsi") == ["Jawa Barat"] for s in by_code.values())  # a click keeps the filter
    x0, y0, x1, y1 = picture.bounds([s for c, s in by_code.items() if c[:2] == "32"])
    assert x0 >= 0 and y0 >= 0 and x1 <= picture.width and y1 <= picture.height  # Jawa Barat whole
    assert x1 - x0 > 0.4 * picture.width and y1 - y0 > 0.6 * picture.height  # and filling the map
    named = " ".join(picture.texts)
    assert "Kab. Bogor" in " ".join(" ".join(label.lines) for label in picture.labels)
    assert named.count("Kab.") >= 8  # names above the counts, zoomed in


def test_the_kecamatan_map_shows_the_whole_regency_and_fills_a_phone_column(kecamatan):
    picture, _ = kecamatan
    by_name = picture.linked("kec")
    assert len(by_name) == 40 and picture.width == 360
    x0, y0, x1, y1 = picture.bounds(list(by_name.values()))
    assert x0 >= 0 and x1 <= picture.width and y0 >= 0 and y1 <= picture.height
    assert x1 - x0 > 0.9 * picture.width or y1 - y0 > 0.9 * picture.height


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("which", ["kecamatan", "national", "jawa_barat"])
def test_labels_do_not_overlap_and_stay_on_the_map(kecamatan, national, which):
    picture = {
        "kecamatan": lambda: kecamatan[0],
        "national": lambda: national,
        "jawa_barat": lambda: page_map(open_page("peringkat", provinsi=["Jawa Barat"])),
    }[which]()
    boxes = [label.box for label in picture.labels]
    assert len(boxes) >= 20 and sum(len(label.lines) for label in picture.labels) == len(picture.texts)
    shrunk = [(a + 0.5, b + 0.5, c - 0.5, d - 0.5) for a, b, c, d in boxes]
    assert not [
        (i, j) for i, j in itertools.combinations(range(len(shrunk)), 2) if _overlap(shrunk[i], shrunk[j])
    ]
    assert all(a >= 0 and b >= 0 and c <= picture.width and d <= picture.height for a, b, c, d in shrunk)


def test_the_kecamatan_map_labels_most_counts_and_names_where_there_is_room(kecamatan):
    picture, _ = kecamatan
    counts = [t for t in picture.texts if t.isdigit() or len(t) == 1]  # a count or a letter
    names = [label for label in picture.labels if len(label.lines) == 2 and label.lines[1] != "0"]
    assert len(counts) >= 30 and len(names) >= 3  # 40 kecamatan; a few small ones by tooltip only
    assert any(label.lines == ["Kota", "Bogor"] for label in picture.labels)
    assert all(size >= 10 for label in picture.labels for size in label.sizes)
    assert "Source Sans" in picture.font and picture.font.endswith("sans-serif")


def test_kota_bogor_is_drawn_grey_and_named_but_not_clickable(kecamatan):
    from kim_dash.outputs.palette import CONTEXT_HEX

    picture, _ = kecamatan
    grey = [s for s in picture.shapes if s.fill == CONTEXT_HEX]
    assert grey and all(not s.link for s in grey)  # the neighbours and Kota Bogor: drawn, not links
    assert {s.fill for s in picture.linked("kec").values()}.isdisjoint({CONTEXT_HEX})


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


def test_tooltips_and_links_are_escaped_and_a_hostile_picture_is_refused():
    """Names come from data files: whatever they hold, the SVG stays well-formed and inert, and the guard
    in front of the browser refuses anything outside its list (a script, a handler, a foreign link)."""
    import xml.etree.ElementTree as ET

    from kim_dash.outputs.map_picture import Area, MapPicture, Text, to_svg
    from kim_dash.ui.inline_svg import safe
    from kim_dash.ui.maps import _tip

    assert _tip(["<b>Nama</b> & co", "", "x"]) == "&lt;b&gt;Nama&lt;/b&gt; &amp; co\nx"
    hostile = (
        '<script>alert(1)</script>"\n\n$x$ <img src=x onerror=alert(1)> <!--><?x ]]>\x00\x1b\ud800\uffff'
    )
    picture = MapPicture(
        100,
        50,
        (Area("a", (((0.0, 0.0), (9.0, 0.0), (9.0, 9.0)),), "#FFFFFF", "#000000", 0.5),),
        (Text(5, 5, hostile, 11, "#000000", "#FFFFFF", "center"),),
        (),
        (),
    )
    svg = to_svg(picture, hostile, {"a": ("?kec=" + hostile, hostile)})
    assert safe(svg) and "<script" not in svg and "<img" not in svg and "$" not in svg and "\n" not in svg
    root = ET.fromstring(svg)
    assert any("<script>" in (e.text or "") for e in root.iter())  # shown as text, never as markup
    for bad in (
        svg.replace("<title>", "<script>x</script><title>", 1),
        svg.replace('role="img"', 'role="img" onload="alert(1)"'),
        svg.replace('href="?', 'href="javascript:alert(1)//?'),
        svg.replace('href="?', 'href="https://example.com/?'),
        svg.replace("<svg ", '<svg style="background:url(x)" ', 1),
        svg.replace("</svg>", "<foreignObject/></svg>"),
        svg + "\n",
        "<svg",
        # what XML drops and a browser's HTML parser ends early (found by attacking this guard)
        svg.replace("</svg>", "<!---><img src=x onerror=alert(1)>--></svg>"),
        svg.replace("</svg>", "<?x ><img src=x onerror=alert(1)>?></svg>"),
        '<!DOCTYPE svg [<!ENTITY e "><img src=x onerror=alert(1)>">]>' + svg,
        svg.replace("<svg ", '<svg xmlns:h="http://www.w3.org/2000/svg" ', 1).replace(
            "<title>", "<h:title>", 1
        ),
        svg.replace("<svg ", '<svg xmlns="http://www.w3.org/1999/xhtml" ', 1),
        svg.replace("<title>", "<title>\ud800", 1),
    ):
        assert not safe(bad), bad[:80]


def test_a_long_shared_link_is_not_copied_into_every_area():
    """Only the page's own parameters, each of a bounded length, are carried into the areas' links: a
    60 KB junk parameter once made a 31 MB national map."""
    at = open_page("peringkat", x="A" * 5000, cari="B" * 5000, jenis=["Kabupaten"])
    markup = svg_markup(at)
    assert len(markup) < 1_000_000 and "AAAA" not in markup and "BBBB" not in markup
    assert all(s.link.get("jenis") == ["Kabupaten"] for s in page_map(at).linked("wilayah").values())


def test_the_national_tooltip_says_illustrative_only_for_illustrative_counts(national):
    by_code = national.linked("wilayah")
    assert "ilustratif" in by_code["16.01"].title  # the sample's first regency: a made-up count
    assert "ilustratif" not in by_code["32.01"].title and "134 KIM" in by_code["32.01"].title  # published
    assert by_code["32.01"].title.startswith("Kabupaten Bogor")


@pytest.mark.parametrize(("lang", "word"), [("ID", "ilustratif"), ("EN", "illustrative")])
def test_a_caption_under_each_map_says_its_figures_are_illustrative(lang, word):
    for page in ("kecamatan", "peringkat"):
        captions = [c.value for c in open_page(page, lang).caption]
        assert any(word in c and ("peta" in c or "map" in c) for c in captions), (page, captions)


def test_the_focus_regency_keeps_its_band_colour_in_the_bars_and_on_the_map(national):
    at = open_page("peringkat", bagian="teratas")
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    bar = figure["data"][0]
    focus = bar["customdata"].index("32.01")
    band = next(b for b, colour in BAND_HEX.items() if colour == bar["marker"]["color"][focus])
    assert bar["marker"]["line"]["width"][focus] > max(
        w for i, w in enumerate(bar["marker"]["line"]["width"]) if i != focus
    )
    assert bar["y"][focus].startswith("<b>") and "Kabupaten Bogor" in bar["y"][focus]
    assert all(c in BAND_HEX.values() for c in bar["marker"]["color"])  # no orange, no other meaning
    bogor = national.linked("wilayah")["32.01"]
    assert bogor.fill == BAND_HEX[band]
    outlines = [s for s in national.shapes if s.fill == "none" and not s.link]
    assert [o.points for o in outlines] == [bogor.points] and outlines[
        0
    ].stroke_width > 2 * bogor.stroke_width


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
    texts = page_map(at).texts
    key = next((m.value for m in at.markdown if m.value.startswith("**Tanpa KIM**")), "")
    lettered = dict(part.split(" ", 1) for part in key.split(": ", 1)[1].split(" · ")) if key else {}
    assert all(letter in texts for letter in lettered)  # each letter of the key is on the map
    named = {name for name in empty if name in texts} | {n.replace("\\", "") for n in lettered.values()}
    assert named == empty
