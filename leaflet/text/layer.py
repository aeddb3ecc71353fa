"""The text layer of a right-to-left line: its words in one invisible row, for readers of ToUnicode.

Copying Urdu out of a PDF is hard because a Nastaliq glyph is no letter: one glyph stands for
several letters, letters share a glyph and differ only in their dots, and the glyphs of a word
climb and overlap. So the glyphs drawn say nothing (their ToUnicode is SILENT) and each
right-to-left line carries its text twice over:

- in the ActualText spans around it (extraction.py), which pdfium (Chrome, Edge) reads;
- in this layer: the line's characters, drawn invisibly (render mode 3) in one glyphless font
  (fonts/LeafletTextLayer.ttf), all alike and evenly spread over the line, in the order the line
  shows them (left to right, Latin and numeric islands in their written order). Readers that
  ignore ActualText, as pdf.js (Firefox) does, read it and put it in reading order by the Unicode
  bidi algorithm. Inside the spans it is replaced by their text where ActualText is read.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from leaflet.text.bidi import ltr_islands, resolve_levels, visual_order
from leaflet.text.fonts import FONT_DIR

LAYER_FONT = "LeafletTextLayer"
ADVANCE = 0.5  # em: every glyph of the layer font


@cache
def layer_font() -> TTFont:
    pdfmetrics.registerFont(TTFont(LAYER_FONT, str(FONT_DIR / f"{LAYER_FONT}.ttf")))
    return pdfmetrics.getFont(LAYER_FONT)


def shown_order(written: str) -> str:
    """A right-to-left line's characters in the order it shows them, left to right."""
    return "".join(written[index] for index in visual_order(resolve_levels(written, True, ltr_islands(written))))


def text_layer(shown: str, x: float, baseline: float, size: float, width: float, doc) -> list[str]:
    """Text operators (inside a text object) for the invisible row of `shown` (characters in the
    order a line shows them, see `shown_order`) over the line from `x` to `x + width` on
    `baseline`; they leave the text state as they found it."""
    if not shown:
        return []
    font = layer_font()
    stretch = max(width, size) / (len(shown) * ADVANCE * size) * 100
    operators = [f"3 Tr {stretch:.3f} Tz 1 0 0 1 {x:.3f} {baseline:.3f} Tm 0 Ts"]
    for subset, codes in font.splitString(shown, doc):
        operators.append(f"{font.getSubsetInternalName(subset, doc)} {size:.2f} Tf <{codes.hex()}> Tj")
    operators.append("0 Tr 100 Tz")
    return operators
