"""Line breaking on shaped widths, and placing each line's glyphs in display order."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import icu

from leaflet.text.bidi import visual_order
from leaflet.text.fonts import FontFace
from leaflet.text.ink import COLUMN
from leaflet.text.shaping import ShapedText

# Inside a run too wide for the line, after these (or before @) is the best place to break.
BREAK_AFTER = frozenset("/.-_?&=")
BREAK_BEFORE = frozenset("@")
INK_STEP = 0.1  # em: width of the slices in which a line's ink is measured
PHASES = 8  # a glyph's ink is binned into slices for this many offsets within a slice


class PlacedGlyph(NamedTuple):  # (a tuple: thousands are made for every paragraph set)
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
    ink_left: float = 0.0  # em from the line's left edge to its leftmost ink (negative: ink overhangs)
    ink_right: float = 0.0  # em from the line's left edge to its rightmost ink (past `width`: overhangs)

    @property
    def overhang(self) -> tuple[float, float]:
        """How far (em) the ink reaches past the line's advance, on the left and on the right."""
        return max(0.0, -self.ink_left), max(0.0, self.ink_right - self.width)

    def clearance(self, below: Line, shift: int) -> float:
        """Least baseline distance (em) at which `below`'s ink stays under this line's.

        `shift` is how many slices `below` starts to the right of this line.
        """
        need, ink = 0.0, self.ink.get  # (the hot loop of line spacing: no calls but the lookup)
        for index, (top, _) in below.ink.items():
            above = ink(index + shift)
            if above is not None and top - above[1] > need:
                need = top - above[1]
        return need

    def clearance_at(self, below: Line, offset: float) -> float:
        """`clearance` for `below` starting `offset` slices to the right, not a whole number of
        slices: the lines' slices need not line up, so the worse of the two nearest alignments."""
        return max(self.clearance(below, math.floor(offset)), self.clearance(below, math.ceil(offset)))


@dataclass(frozen=True)
class Grid:
    """An even line pitch for a paragraph, and how its lines line up (their ink is compared)."""

    pitch: float  # em: baseline to baseline
    ink_gap: float  # em: least clear space between the ink of two lines
    align: str  # "left", "right" or "center": the edge the lines share
    column: float  # em: the width the lines are aligned in

    def shift(self, above: Line, below: Line) -> float:
        """How many ink slices `below` starts to the right of `above`."""
        if self.align == "left":
            return 0.0
        slack = above.width - below.width
        return (slack / 2 if self.align == "center" else slack) / INK_STEP

    def step(self, above: Line, below: Line) -> float:
        """Baseline distance (em) that keeps the two lines' ink apart: the pitch unless they would meet."""
        return max(self.pitch, above.clearance_at(below, self.shift(above, below)) + self.ink_gap)


def break_lines(shaped: ShapedText, max_width: float, language: str, grid: Grid | None = None) -> list[Line]:
    """Greedy breaking at UAX #14 opportunities, widths in em; no line is wider than `max_width`.

    Left-to-right islands inside right-to-left text stay whole where they fit on a line.
    A run wider than the line (a long address, an unbroken string) is broken at its best
    point: after / . - _ ? & or before @, and as a last resort between two characters.
    With a `grid`, where a line's ink would meet the line above at the grid's pitch, the line
    above ends a word or two earlier if that keeps the two apart, as a typesetter would do
    rather than open the line spacing. A last line of one short word (a runt) takes the last
    word of the line above with it, where that line stays well filled.
    """
    text = shaped.text
    widths = [0.0] * (len(text) + 1)
    cluster_starts = {len(text)}
    for run in shaped.runs:
        for glyph in run.glyphs:
            widths[glyph.cluster] += glyph.advance
            cluster_starts.add(glyph.cluster)
    offsets = [0.0]
    for width in widths:
        offsets.append(offsets[-1] + width)
    tiers = _break_tiers(text, shaped.islands, language, cluster_starts)
    lines: list[Line] = []
    start = 0
    while start < len(text):
        end = _fit(text, offsets, tiers, start, max_width)
        line = _place_line(shaped, start, end)
        if grid is not None and lines and grid.step(lines[-1], line) > grid.pitch:
            line = _clear_of_line_above(shaped, lines, line, tiers[0], grid,
                                        lambda begin: _fit(text, offsets, tiers, begin, max_width))
        lines.append(line)
        start = line.end
    return _without_runt(shaped, lines, tiers[0], max_width, grid)


MOST_WORDS_MOVED = 6  # words a line may give to the next to keep the two lines' ink apart
LEAST_FILL = 0.6  # share of the column a line so shortened still fills


def _clear_of_line_above(shaped: ShapedText, lines: list[Line], line: Line, word_breaks: list[int],
                         grid: Grid, fit: Callable[[int], int]) -> Line:
    """The next line after ending `lines[-1]` earlier, if that keeps the two lines apart at the
    grid's pitch (and the shortened line still clears its own line above); else `line` as it is."""
    above = lines[-1]
    earlier = [index for index in word_breaks if above.start < index < above.end][::-1]
    for end in earlier[:MOST_WORDS_MOVED]:
        shortened = _place_line(shaped, above.start, end)
        if shortened.width < LEAST_FILL * grid.column:
            break
        if len(lines) > 1 and grid.step(lines[-2], shortened) > grid.pitch:
            continue
        candidate = _place_line(shaped, end, fit(end))
        if grid.step(shortened, candidate) <= grid.pitch:
            lines[-1] = shortened
            return candidate
    return line


RUNT = 0.15  # share of the column: a last line of one word this short is a runt


def _without_runt(shaped: ShapedText, lines: list[Line], word_breaks: list[int], max_width: float,
                  grid: Grid | None) -> list[Line]:
    """The lines with a runt's line above ending one word earlier, where that line stays at least
    LEAST_FILL full, the two words fit, and (on a grid) no line comes to meet its neighbour."""
    if len(lines) < 2:
        return lines
    above, last = lines[-2], lines[-1]
    if last.width >= RUNT * max_width or any(last.start < index < last.end for index in word_breaks):
        return lines
    earlier = [index for index in word_breaks if above.start < index < above.end]
    if not earlier:
        return lines
    shortened = _place_line(shaped, above.start, earlier[-1])
    joined = _place_line(shaped, earlier[-1], last.end)
    if shortened.width < LEAST_FILL * max_width or joined.width > max_width + 1e-9:
        return lines
    pairs = [(shortened, joined)] + ([(lines[-3], shortened)] if len(lines) > 2 else [])
    if grid is not None and any(grid.step(one, other) > grid.pitch for one, other in pairs):
        return lines
    return [*lines[:-2], shortened, joined]


def _break_tiers(text: str, islands: tuple[tuple[int, int], ...], language: str,
                 cluster_starts: set[int]) -> tuple[list[int], ...]:
    """Break positions, best first: between words; inside islands; inside a word; anywhere."""
    inside = set()
    for start, end in islands:
        inside.update(range(start + 1, end))
    allowed = [index for index in uax14_breaks(text, language) if index in cluster_starts]
    between_words = [index for index in allowed if index not in inside]
    in_islands = [index for index in allowed if index in inside]
    in_words = [index for index in range(1, len(text))
                if index in cluster_starts and text[index] != " " and text[index - 1] != " "
                and (text[index - 1] in BREAK_AFTER or text[index] in BREAK_BEFORE)]
    anywhere = sorted(cluster_starts - {0})
    return between_words, in_islands, in_words, anywhere


def uax14_breaks(text: str, language: str) -> list[int]:
    """Positions where UAX #14 (ICU's line break iterator) allows a line to start."""
    iterator = _line_iterator(language.split("_")[0])
    iterator.setText(text)
    boundaries = list(iterator)
    if any(ord(char) > 0xFFFF for char in text):  # ICU counts UTF-16 units
        python_index = {}
        units = 0
        for index, char in enumerate(text):
            python_index[units] = index
            units += 2 if ord(char) > 0xFFFF else 1
        python_index[units] = len(text)
        boundaries = [python_index[unit] for unit in boundaries if unit in python_index]
    return [index for index in boundaries if index > 0]


@lru_cache(maxsize=16)
def _line_iterator(language: str) -> icu.BreakIterator:
    return icu.BreakIterator.createLineInstance(icu.Locale(language))


def _fit(text: str, offsets: list[float], tiers: tuple[list[int], ...], start: int, max_width: float) -> int:
    """Where the line from `start` ends: the last best-tier break whose line (trailing spaces excluded) fits."""
    def fits(end: int) -> bool:
        content_end = start + len(text[start:end].rstrip(" "))
        return offsets[content_end] - offsets[start] <= max_width + 1e-9

    limit = len(text)
    for tier in tiers:
        candidates = tier[bisect_right(tier, start):]
        fitting = None
        for candidate in candidates:
            if candidate > limit:
                break
            if not fits(candidate):
                break
            fitting = candidate
        if fitting is not None:
            return fitting
        if candidates and tier is tiers[0]:
            limit = candidates[0]  # the lower tiers only split the first word
    anywhere = tiers[-1][bisect_right(tiers[-1], start):]
    return anywhere[0] if anywhere else len(text)  # one character wider than the line stands alone


@lru_cache(maxsize=65536)
def _glyph_slices(font: FontFace, glyph: int, phase: int) -> tuple[tuple[int, float, float], ...]:
    """(slice offset, top, bottom) of a glyph's ink, in em of the text, drawn `phase`/PHASES of a
    slice past a slice's edge."""
    scale = font.size
    slices: dict[int, tuple[float, float]] = {}
    for column, (top, bottom) in font.ink_columns(glyph).items():
        index = math.floor(phase / PHASES + (column + 0.5) * COLUMN * scale / INK_STEP)
        old = slices.get(index)
        if old is None:
            slices[index] = (top, bottom)
        elif top > old[0] or bottom < old[1]:
            slices[index] = (top if top > old[0] else old[0], bottom if bottom < old[1] else old[1])
    return tuple((index, top * scale, bottom * scale) for index, (top, bottom) in sorted(slices.items()))


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
    ink_left, ink_right = math.inf, -math.inf
    pen = 0.0
    for index in visual_order([level for level, _ in pieces]):
        for glyph in pieces[index][1]:
            x, y = pen + glyph.x_offset, glyph.y_offset
            box = glyph.font.ink(glyph.glyph)
            if box is not None:
                scale = glyph.font.size
                ink_left, ink_right = min(ink_left, x + box[0] * scale), max(ink_right, x + box[1] * scale)
                first = math.floor(x / INK_STEP)
                phase = round((x / INK_STEP - first) * PHASES)
                for offset, top, bottom in _glyph_slices(glyph.font, glyph.glyph, phase):
                    key, high, low = first + offset, y + top, y + bottom
                    old = ink.get(key)
                    if old is None:
                        ink[key] = (high, low)
                    elif high > old[0] or low < old[1]:
                        ink[key] = (high if high > old[0] else old[0], low if low < old[1] else old[1])
            placed.append(PlacedGlyph(glyph.font, glyph.glyph, glyph.cluster, x, y))
            pen += glyph.advance
    top = max((t for t, _ in ink.values()), default=0.0)
    bottom = min((b for _, b in ink.values()), default=0.0)
    if ink_left > ink_right:  # no ink at all (spaces)
        ink_left, ink_right = 0.0, pen
    return Line(start, end, tuple(placed), pen, top, bottom, ink, ink_left, ink_right)

