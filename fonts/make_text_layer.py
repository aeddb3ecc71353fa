"""Make LeafletTextLayer.ttf: one empty glyph for every character the other fonts here draw.

Right-to-left lines carry their text in an invisible line set in this font (leaflet/text/layer.py):
a glyph per character, all alike (combining marks without width), so that a reader which reads
only the fonts' ToUnicode (pdf.js, Firefox's viewer) finds one glyph per letter in a straight row.
Its glyphs have no outlines but the anchor's, a line without area, so it draws nothing even if a
reader were to paint it. Run it again after adding or changing a font:

    python fonts/make_text_layer.py      (needs fontTools: pip install -r requirements-test.txt)

tests/test_fonts.py fails while a character of a font here is missing from it. Like the Noto
fonts beside it, it is under the SIL Open Font License (OFL.txt).
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent
NAME = "LeafletTextLayer.ttf"
ADVANCE = 500  # units of 1000 to the em: every character alike
ANCHOR = 0x200E  # LEFT-TO-RIGHT MARK: the anchor of a span (leaflet/text/layer.py), which readers skip


def characters() -> list[int]:
    """Every character of the BMP the other fonts map, but controls."""
    codes: set[int] = set()
    for path in sorted(FONTS.glob("*.ttf")):
        if path.name != NAME:
            codes |= set(TTFont(path).getBestCmap())
    return sorted(code for code in codes if 0x20 <= code <= 0xFFFF and not 0xD800 <= code <= 0xDFFF)


def anchor_glyph():
    """A glyph as tall as a line of text (from 0.5 em below the baseline to 1 em above) and no
    wider than a line: it paints nothing, but gives the text object it ends a line's height."""
    pen = TTGlyphPen(None)
    pen.moveTo((0, -500))
    pen.lineTo((0, 1000))
    pen.closePath()
    return pen.glyph()


def build() -> bytes:
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "blank", "mark", "anchor"])
    marks = [code for code in characters() if unicodedata.category(chr(code)) == "Mn"]
    builder.setupCharacterMap({**dict.fromkeys(characters(), "blank"), **dict.fromkeys(marks, "mark"),
                               ANCHOR: "anchor"})
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "blank": TTGlyphPen(None).glyph(),
                       "mark": TTGlyphPen(None).glyph(), "anchor": anchor_glyph()})
    # a combining mark takes no room, as pdf.js takes it to (else its reading sees a gap after one)
    builder.setupHorizontalMetrics({".notdef": (ADVANCE, 0), "blank": (ADVANCE, 0), "mark": (0, 0),
                                    "anchor": (0, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Leaflet Text Layer", "styleName": "Regular",
                            "psName": "LeafletTextLayer-Regular",
                            "licenseDescription": "SIL Open Font License 1.1"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.setupHead(unitsPerEm=1000, created=0, modified=0)  # no clock: same fonts, same bytes
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


if __name__ == "__main__":
    data = build()
    (FONTS / NAME).write_bytes(data)
    print(f"wrote {FONTS / NAME} ({len(characters())} characters, {len(data)} bytes)")
