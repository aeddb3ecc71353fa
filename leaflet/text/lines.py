"""Line breaking on shaped widths, and placing each line's glyphs in display order."""

from __future__ import annotations

from dataclasses import dataclass

from leaflet.text.bidi import visual_order
from leaflet.text.fonts import FontFace
from leaflet.text.shaping import ShapedText

# A line never starts with these: Urdu full stop, comma, question mark, semicolon, closers.
NO_BREAK_BEFORE = set("۔،؟؛.,;:!?)]}%")


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
        if not fits and chosen is not None:
            break
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
    pen = top = bottom = 0.0
    for index in visual_order([level for level, _ in pieces]):
        for glyph in pieces[index][1]:
            ink_top, ink_bottom = glyph.font.ink(glyph.glyph)
            if ink_top != ink_bottom:
                top = max(top, glyph.y_offset + ink_top)
                bottom = min(bottom, glyph.y_offset + ink_bottom)
            placed.append(PlacedGlyph(glyph.font, glyph.glyph, glyph.cluster,
                                      pen + glyph.x_offset, glyph.y_offset))
            pen += glyph.advance
    return Line(start, end, tuple(placed), pen, top, bottom)


def words_of(text: str, line: Line, islands: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Logical (start, end) of each word on a line, with the spaces after it; an island is one word."""
    inside = {index for start, end in islands for index in range(start + 1, end)}
    words, start = [], line.start
    for index in range(line.start + 1, line.end):
        if text[index - 1] == " " and text[index] != " " and index not in inside:
            words.append((start, index))
            start = index
    words.append((start, line.end))
    return words
