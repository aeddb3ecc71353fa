"""A leaflet's SVG drawing inlined into a web page safely: its shapes and their paint only, its ids
prefixed so that two drawings of one page never clash (figure and shares draw with it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_SVG, _XLINK = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
# What a drawing may keep: shapes and their paint. No text, script, style sheet (it would style the
# whole page), foreignObject, link, animation or image; nothing that fetches or runs anything.
_ELEMENTS = frozenset({"g", "path", "line", "circle", "ellipse", "rect", "polyline", "polygon", "defs", "use",
                       "symbol", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern"})
_INNER_URL = re.compile(r"url\(\s*['\"]?#([^'\")\s]+)['\"]?\s*\)", re.IGNORECASE)
# a value that could fetch something: url() out of the drawing, image-set(), or a CSS escape hiding either
_FETCHING = re.compile(r"url\((?!\s*['\"]?#)|image-set\(|src\(|\\", re.IGNORECASE)


@dataclass(frozen=True)
class Drawing:
    box: tuple[float, float, float, float]  # its viewBox: x, y, width, height
    markup: str  # its shapes, ids prefixed, as SVG markup to go inside an <svg> of that viewBox

    def at(self, point: tuple[float, float]) -> tuple[float, float]:
        """A point given as fractions of the width and height, in the drawing's units."""
        return self.box[0] + point[0] * self.box[2], self.box[1] + point[1] * self.box[3]


def load_drawing(path: str, prefix: str, mirror: bool = False) -> Drawing:
    """A leaflet's SVG drawing, cleaned to shapes only, its ids prefixed with `prefix`."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                             remove_pis=True)
    root = etree.parse(path, parser).getroot()
    view = root.get("viewBox")
    numbers = [float(v) for v in re.split(r"[\s,]+", view.strip())] if view else \
        [0.0, 0.0, _length(root.get("width")), _length(root.get("height"))]
    x, _, width, _ = box = (numbers[0], numbers[1], numbers[2], numbers[3])
    shapes = "".join(etree.tostring(kept, encoding="unicode") for node in root
                     if (kept := _clean(node, prefix)) is not None)
    if mirror:  # left to right, within its own box
        shapes = f'<g transform="matrix(-1 0 0 1 {n(2 * x + width)} 0)">{shapes}</g>'
    return Drawing(box, shapes)


def _length(value: str | None) -> float:
    """An SVG's width or height in its units (100 where it gives none: only proportions matter here)."""
    found = re.match(r"\s*(\d+(\.\d*)?)", value or "")
    return float(found[1]) if found else 100.0


def _clean(node: etree._Element, prefix: str) -> etree._Element | None:
    """A copy of an SVG element with what it may keep (in no namespace: HTML puts it in SVG's)."""
    if not isinstance(node.tag, str) or etree.QName(node).namespace not in (None, _SVG) \
            or etree.QName(node).localname not in _ELEMENTS:
        return None
    kept = etree.Element(etree.QName(node).localname)
    for key, value in node.attrib.items():
        name = etree.QName(key)
        attribute = "href" if (name.namespace, name.localname) == (_XLINK, "href") else name.localname
        if (name.namespace not in (None, _XLINK) or attribute.lower().startswith("on")
                or (attribute == "href" and not value.startswith("#")) or _FETCHING.search(value)):
            continue  # an event handler, another program's data, or a reference out of the drawing
        if attribute == "id":
            value = f"{prefix}-{value}"
        value = re.sub(r"^#", f"#{prefix}-", value) if attribute == "href" else \
            _INNER_URL.sub(lambda match: f"url(#{prefix}-{match[1]})", value)
        kept.set(attribute, value)
    kept.extend(child for child in (_clean(child, prefix) for child in node) if child is not None)
    return kept


def n(value: float) -> str:
    """A coordinate as SVG and CSS take it: at most three decimals, no trailing zeros."""
    return f"{round(value, 3) or 0.0:.3f}".rstrip("0").rstrip(".")
