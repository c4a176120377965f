"""A map picture as a page shows it inline (kim_dash/ui/inline_svg): read back from the page's Markdown
with the standard XML parser, so tests check what reaches the browser, not the code that drew it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

NS = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Shape:
    fill: str
    stroke_width: float
    points: list[tuple[float, float]]
    link: dict[str, list[str]]  # the link's query parameters ({} when not clickable)
    title: str


@dataclass(frozen=True)
class Label:
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of its background
    lines: list[str]
    sizes: list[float]


@dataclass(frozen=True)
class Picture:
    width: float
    height: float
    font: str
    shapes: list[Shape]
    labels: list[Label]
    texts: list[str]  # every line of text on the map, labelled or not

    def linked(self, key: str) -> dict[str, Shape]:
        """The clickable shapes by the value their link gives `key` (wilayah: a code; kec: a name)."""
        return {s.link[key][0]: s for s in self.shapes if key in s.link}

    def bounds(self, shapes: list[Shape]) -> tuple[float, float, float, float]:
        xs = [x for s in shapes for x, _ in s.points]
        ys = [y for s in shapes for _, y in s.points]
        return min(xs), min(ys), max(xs), max(ys)


def svg_markup(at) -> str:
    """The page's inline map (one per page), as the Markdown body Streamlit sends."""
    found = [m.value for m in at.markdown if "<svg" in m.value]
    assert len(found) == 1, len(found)
    return found[0][found[0].index("<svg") : found[0].rindex("</svg>") + 6]


def _points(d: str) -> list[tuple[float, float]]:
    values = [float(v) for v in NUMBER.findall(d)]
    return list(zip(values[::2], values[1::2], strict=True))


def read(markup: str) -> Picture:
    root = ET.fromstring(markup)
    _, _, width, height = (float(v) for v in root.attrib["viewBox"].split())
    shapes, labels, texts = [], [], []
    for element in root.iter():
        if element.tag == f"{NS}a":
            path = element.find(f"{NS}path")
            assert path is not None
            title = path.find(f"{NS}title")
            link = parse_qs(element.attrib["href"].lstrip("?"))
            shapes.append(_shape(path, link, (title.text or "") if title is not None else ""))
    linked = {id(e.find(f"{NS}path")) for e in root.iter(f"{NS}a")}
    shapes += [_shape(p, {}, "") for p in root.iter(f"{NS}path") if id(p) not in linked]
    boxes: list[tuple[tuple[float, float, float, float], list[str], list[float]]] = []
    for element in root.iter():
        if element.tag == f"{NS}rect":
            x, y = float(element.attrib["x"]), float(element.attrib["y"])
            w, h = float(element.attrib["width"]), float(element.attrib["height"])
            boxes.append(((x, y, x + w, y + h), [], []))
        elif element.tag == f"{NS}text":
            texts.append(element.text or "")
            x, y = float(element.attrib["x"]), float(element.attrib["y"])
            inside = [b for b in boxes if b[0][0] <= x <= b[0][2] and b[0][1] <= y <= b[0][3] + 1]
            if inside:
                inside[-1][1].append(element.text or "")
                inside[-1][2].append(float(element.attrib["font-size"]))
    labels = [Label(box, lines, sizes) for box, lines, sizes in boxes]
    return Picture(width, height, root.attrib.get("font-family", ""), shapes, labels, texts)


def _shape(path: ET.Element, link: dict[str, list[str]], title: str) -> Shape:
    return Shape(
        path.attrib["fill"], float(path.attrib["stroke-width"]), _points(path.attrib["d"]), link, title
    )


def page_map(at) -> Picture:
    return read(svg_markup(at))


def followed(link: dict[str, list[str]]) -> dict[str, Any]:
    """A link's query as open_page's parameters (one value as itself, several as a list)."""
    return {key: values[0] if len(values) == 1 else values for key, values in link.items()}
