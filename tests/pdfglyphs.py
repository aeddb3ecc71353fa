"""Where each glyph lands on the page, read back from a PDF's content stream.

A small interpreter for the operators the leaflet writes (q Q cm BT ET Tf Tm Ts Tr Tz Tj TJ),
so tests can check glyph positions against what HarfBuzz asked for. Glyphs shown invisibly
(render mode 3: a right-to-left line's text layer) are not drawn, so not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

from leaflet.pdf.placement import to_unicode


@dataclass(frozen=True)
class PlacedGlyph:
    char: str  # what the font's ToUnicode says the glyph is
    code: int  # the byte drawn; 0 is .notdef in every ReportLab subset
    x: float
    y: float
    size: float
    font: str


def _multiply(a: tuple, b: tuple) -> tuple:
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def page_glyphs(path: Path) -> list[list[PlacedGlyph]]:
    """Per page, the glyphs drawn (not those shown invisibly: the text layer of right-to-left
    lines and the anchors of their spans)."""
    reader = PdfReader(path)
    pages = []
    for page in reader.pages:
        fonts = {name: font.get_object() for name, font in page["/Resources"]["/Font"].items()}
        unicode = {name: to_unicode(font) for name, font in fonts.items()}
        widths = {name: (int(font.get("/FirstChar", 0)), [float(w) for w in font.get("/Widths", [])])
                  for name, font in fonts.items()}
        glyphs: list[PlacedGlyph] = []
        ctm = (1, 0, 0, 1, 0, 0)
        stack = []
        font = size = None
        rise = 0.0
        invisible, stretch = False, 1.0
        tm = (1, 0, 0, 1, 0, 0)
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            op = operator.decode()
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop()
            elif op == "cm":
                ctm = _multiply(tuple(float(v) for v in operands), ctm)
            elif op == "BT":
                tm = (1, 0, 0, 1, 0, 0)
            elif op == "Tf":
                font, size = str(operands[0]), float(operands[1])
            elif op == "Ts":
                rise = float(operands[0])
            elif op == "Tr":
                invisible = int(operands[0]) == 3
            elif op == "Tz":
                stretch = float(operands[0]) / 100
            elif op == "Tm":
                tm = tuple(float(v) for v in operands)
            elif op in ("Tj", "TJ"):
                items = operands[0] if op == "TJ" else [operands[0]]
                first, width_list = widths[font]
                for item in items:
                    if isinstance(item, bytes | str) or hasattr(item, "original_bytes"):
                        raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item, "latin-1")
                        for code in raw:
                            origin = _multiply((1, 0, 0, 1, 0, rise), _multiply(tm, ctm))
                            char = unicode[font].get(code, "")
                            if not invisible:
                                glyphs.append(PlacedGlyph(char, code, origin[4], origin[5], size, font))
                            advance = (width_list[code - first] / 1000 * size if code >= first else 0) * stretch
                            tm = (*tm[:4], tm[4] + advance * tm[0], tm[5])
                    else:
                        tm = (*tm[:4], tm[4] - float(item) / 1000 * size * stretch * tm[0], tm[5])
        pages.append(glyphs)
    return pages
