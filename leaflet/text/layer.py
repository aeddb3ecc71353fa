"""The text layer of a right-to-left line: its words in one invisible row, for readers of ToUnicode.

Copying Urdu out of a PDF is hard because a Nastaliq glyph is no letter: one glyph stands for
several letters, letters share a glyph and differ only in their dots, and the glyphs of a word
climb and overlap. So the glyphs drawn say nothing (their ToUnicode is SILENT) and each
right-to-left line carries its text twice over:

- in the ActualText spans around it (extraction.py), which pdfium (Chrome, Edge) reads;
- in this layer: the line's characters, drawn invisibly (render mode 3) in one glyphless font
  (fonts/LeafletTextLayer.ttf), all alike, over the line, one piece per run of one direction.
  Readers that ignore ActualText, as pdf.js (Firefox) does, read it and put each piece in
  reading order by their own bidi: the order is the one pdf.js reads as written (pdfjs.py).
  Inside the spans it is replaced by their text where ActualText is read.

Each span starts with an anchor (`span_anchor`), drawn in the layer font too.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from itertools import pairwise

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from leaflet.text.bidi import ltr_islands, resolve_levels, visual_order
from leaflet.text.fonts import FONT_DIR
from leaflet.text.pdfjs import order_for_pdfjs

LAYER_FONT = "LeafletTextLayer"
ADVANCE = 0.5  # em: every glyph of the layer font
# pdf.js reads a gap of 0.102 to 0.6 em as a space inside an item, a wider one as a space between
# two: the layer's glyphs (a space among them) stay within, its pieces stand further apart.
LEAST_ADVANCE, MOST_ADVANCE = 0.15, 0.55  # em
SPACE_GAP = 0.7  # em between two pieces a space stands between
LRM = "\u200e"  # the layer font's anchor glyph (fonts/make_text_layer.py)


@cache
def layer_font() -> TTFont:
    pdfmetrics.registerFont(TTFont(LAYER_FONT, str(FONT_DIR / f"{LAYER_FONT}.ttf")))
    return pdfmetrics.getFont(LAYER_FONT)


def layer_chunks(written: str) -> list[tuple[str, bool]]:
    """A right-to-left line's text cut where its left-to-right islands start and end, in written
    order: each piece in the order pdf.js must find it (pdfjs.py), with one space where it had
    more (pdf.js reads a wider gap as the end of an item), and whether a space comes before it.
    Cut so, no piece mixes directions, which pdf.js's bidi cannot always read back."""
    islands = ltr_islands(written)
    edges = sorted({0, len(written), *(edge for island in islands for edge in island)})
    chunks: list[tuple[str, bool]] = []
    spaced = False
    for start, end in pairwise(edges):
        piece = written[start:end]
        spaced = spaced or piece[:1].isspace()
        if piece.strip():
            text = " ".join(piece.split())
            levels = resolve_levels(text, True, ltr_islands(text))
            chunks.append((order_for_pdfjs(text, visual_order(levels)), spaced and bool(chunks)))
        spaced = piece[-1:].isspace()
    return chunks


def text_layer(written: str, x: float, baseline: float, size: float, width: float, doc) -> list[str]:
    """Text operators (inside a text object) for the invisible row of a right-to-left line's text
    over the line from `x` to `x + width` on `baseline`; they leave the text state as they found it.

    pdf.js reads a row of glyphs as one item and puts it in reading order with its bidi; here
    each piece of `layer_chunks` is an item of its own, set apart by a change of size, with a gap
    wider than pdf.js's widest space in flow (0.6 em) where a space stands between two. Every
    glyph is a text object of its own: pdfium skips text objects without width, so the layer
    never comes between the objects of the line's ActualText spans.
    """
    chunks = layer_chunks(written)
    if not chunks:
        return []
    font = layer_font()
    gap = SPACE_GAP * size
    spaces = sum(spaced for _, spaced in chunks)
    spread = (width - spaces * gap) / max(1, sum(len(_advancing(text)) for text, _ in chunks))
    advance = min(max(spread, LEAST_ADVANCE * size), MOST_ADVANCE * size)
    operators = [f"3 Tr {advance / (ADVANCE * size) * 100:.3f} Tz 0 Ts"]
    pen = x
    for number, (text, spaced) in enumerate(chunks):
        pen += gap if spaced else 0.0
        # a size of its own, so that pdf.js starts a new item; the first piece of a line has
        # one that no piece of the line before can have
        chunk_size = size + 0.01 * (2 if number == 0 else number % 2)
        if spaced or number == 0:
            # A right-to-left piece is read from its end: one that ends in a combining mark
            # («تقریباً», an izafat «معیارِ») starts its row with it, and pdf.js, which takes no
            # measure of a mark, would read the line break or the gap before the piece after
            # it, the mark alone in an item of its own. Such a mark is left out of the layer.
            text = text.lstrip("".join(filter(_is_mark, text)))
        operators.append(f"1 0 0 1 {pen:.3f} {baseline:.3f} Tm")
        index = 0
        for subset, codes in font.splitString(text, doc):
            operators.append(f"{font.getSubsetInternalName(subset, doc)} {chunk_size:.2f} Tf")
            for code in codes:
                operators.append(f"<{code:02x}> Tj")
                if text[index] == " " and _is_mark(text[index + 1:index + 2]):
                    # pdf.js reads a space before a mark that follows one (izafat: «معیارِ زندگی»
                    # shows «ِ» after a space), and would read the space's gap again after the
                    # mark: the space takes no room
                    operators.append(f"1 0 0 1 {pen:.3f} {baseline:.3f} Tm")
                elif not _is_mark(text[index]):
                    pen += advance
                index += 1
    operators.append("0 Tr 100 Tz")
    return operators


def _is_mark(char: str) -> bool:
    """A combining mark: the layer font gives it no width."""
    return unicodedata.category(char[:1] or " ") == "Mn"


def _advancing(text: str) -> str:
    """The characters of a piece that move the pen: neither marks nor the spaces before them."""
    return "".join(char for char, after in zip(text, text[1:] + " ", strict=True)
                   if not _is_mark(char) and not (char == " " and _is_mark(after)))


def span_anchor(left: float, right: float, baseline: float, size: float, doc, joins: bool = False) -> list[str]:
    """Text operators for the first text object of an ActualText span of a right-to-left line,
    from `left` to `right` on the baseline, as tall as a line: the layer font's anchor glyph (a
    left-to-right mark, which pdf.js skips, from 0.5 em below the baseline to 1 em above) at
    both ends, or a space at the start where the span `joins` the one before it on its line.

    pdfium (Chrome, Edge) gives a span's ActualText at the span's leftmost text object, spread
    over its box (where a selection shows), and decides from that object and the span before
    whether a new line or a space comes between the two. Nastaliq glyphs climb and fall, so a
    glyph would decide by its own height; anchors decide as lines do: a space between two on one
    baseline (two cells of a row, a number and its item), none before one that starts with a
    space (the parts of one line, whose texts hold their spaces).
    """
    font = layer_font()
    (subset, codes), = _anchor_glyphs(font, (" " if joins else LRM) + LRM, doc)
    first = ADVANCE * size if joins else 0.0
    shift = -(right - left - first) * 1000 / size
    return [f"3 Tr 1 0 0 1 {left:.3f} {baseline:.3f} Tm 0 Ts 100 Tz",
            f"{font.getSubsetInternalName(subset, doc)} {size:.2f} Tf",
            f"[<{codes[0]:02x}> {shift:.1f} <{codes[1]:02x}>] TJ 0 Tr"]


def page_primer(doc) -> list[str]:
    """Text operators (inside a text object) for an invisible left-to-right mark at the page's
    origin: the anchor glyph alone, which no reader reads as more than the mark (pdfium skips a
    text object without width, pdf.js a format mark)."""
    font = layer_font()
    (subset, codes), = _anchor_glyphs(font, LRM, doc)
    return [f"3 Tr 1 0 0 1 0 0 Tm {font.getSubsetInternalName(subset, doc)} 1.00 Tf <{codes[0]:02x}> Tj 0 Tr"]


def _anchor_glyphs(font: TTFont, text: str, doc) -> list[tuple[int, bytes]]:
    """`font.splitString` of `text`, spaces and marks: the two are given their codes together,
    the first time, so that they share a subset and an anchor is one text object."""
    font.splitString(" " + LRM, doc)
    return font.splitString(text, doc)
