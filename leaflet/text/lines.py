"""Line breaking on shaped widths, and placing each line's glyphs in display order."""

from __future__ import annotations

import math
from dataclasses import dataclass

from leaflet.text.bidi import visual_order
from leaflet.text.fonts import FontFace
from leaflet.text.shaping import ShapedText

# A line never starts with these: Urdu full stop, comma, question mark, semicolon, closers.
NO_BREAK_BEFORE = set("۔،؟؛.,;:!?)]}%")
INK_STEP = 0.1  # em: width of the slices in which a line's ink is measured


@dataclass(frozen=True)
class PlacedGlyph:
    font: FontFace
    glyph: int
    cluster: int
    x: float  # em from the line's left edge
    y: float  # em above the baseline


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # end of the line's text, trailing spaces included
    glyphs: tuple[PlacedGlyph, ...]  # display order, left to right
    width: float  # em, trailing spaces excluded
    top: float  # em: highest ink above the baseline
    bottom: float  # em: lowest ink, negative below the baseline
    ink: dict[int, tuple[float, float]]  # (top, bottom) of the ink in each INK_STEP slice

    def clearance(self, below: Line, shift: int) -> float:
        """Least baseline distance (em) at which `below`'s ink stays under this line's.

        `shift` is how many slices `below` starts to the right of this line.
        """
        need = 0.0
        for index, (top, _) in below.ink.items():
            above = self.ink.get(index + shift)
            if above is not None:
                need = max(need, top - above[1])
        return need


def break_lines(shaped: ShapedText, max_width: float) -> list[Line]:
    """Greedy breaking at spaces, never inside a left-to-right island, widths in em."""
    text = shaped.text
    widths = [0.0] * (len(text) + 1)
    for run in shaped.runs:
        for glyph in run.glyphs:
            widths[glyph.cluster] += glyph.advance
    offsets = [0.0]
    for width in widths:
        offsets.append(offsets[-1] + width)
    breaks = _break_opportunities(text, shaped.islands)
    lines: list[Line] = []
    start = 0
    while start < len(text):
        end = _fit(text, offsets, breaks, start, max_width)
        lines.append(_place_line(shaped, start, end))
        start = end
    return lines


def _break_opportunities(text: str, islands: tuple[tuple[int, int], ...]) -> list[int]:
    inside = set()
    for start, end in islands:
        inside.update(range(start, end))
    return [
        index for index in range(1, len(text))
        if text[index - 1] == " " and text[index] != " "
        and text[index] not in NO_BREAK_BEFORE and index not in inside
    ] + [len(text)]


def _fit(text: str, offsets: list[float], breaks: list[int], start: int, max_width: float) -> int:
    """The last break after `start` whose line (trailing spaces excluded) fits.

    A first word wider than the line stands alone on it rather than being cut.
    """
    chosen = None
    for candidate in (b for b in breaks if b > start):
        content_end = start + len(text[start:candidate].rstrip(" "))
        fits = offsets[content_end] - offsets[start] <= max_width + 1e-9
        if fits or chosen is None:
            chosen = candidate
        if not fits:
            break
    return chosen if chosen is not None else len(text)


def _place_line(shaped: ShapedText, start: int, end: int) -> Line:
    content_end = start + len(shaped.text[start:end].rstrip(" "))
    pieces = []
    for run in shaped.runs:
        if run.end <= start or run.start >= content_end:
            continue
        glyphs = [g for g in run.glyphs if start <= g.cluster < content_end]
        if glyphs:
            pieces.append((run.level, glyphs))
    placed: list[PlacedGlyph] = []
    ink: dict[int, tuple[float, float]] = {}
    pen = 0.0
    for index in visual_order([level for level, _ in pieces]):
        for glyph in pieces[index][1]:
            x, y = pen + glyph.x_offset, glyph.y_offset
            box = glyph.font.ink(glyph.glyph)
            if box is not None:
                scale = glyph.font.size
                left, right = x + box[0] * scale, x + box[1] * scale
                top, bottom = y + box[2] * scale, y + box[3] * scale
                for slice_index in range(math.floor(left / INK_STEP), math.ceil(right / INK_STEP)):
                    old_top, old_bottom = ink.get(slice_index, (top, bottom))
                    ink[slice_index] = (max(old_top, top), min(old_bottom, bottom))
            placed.append(PlacedGlyph(glyph.font, glyph.glyph, glyph.cluster, x, y))
            pen += glyph.advance
    top = max((t for t, _ in ink.values()), default=0.0)
    bottom = min((b for _, b in ink.values()), default=0.0)
    return Line(start, end, tuple(placed), pen, top, bottom, ink)

