"""Where a glyph's ink lies, column by column, traced from its outline.

A Nastaliq letter reaches high or low only over part of its width (a kāf's bar, the tail of a
baṛī ye), so two lines can sit much closer than their glyphs' boxes suggest: the line spacing
compares these columns, not the boxes.
"""

from __future__ import annotations

import math

import uharfbuzz

COLUMN = 1 / 64  # em of the font: the width of one column of a glyph's ink
_CURVE_STEPS = 8  # straight pieces per Bézier segment


class _OutlinePen:
    """Collects an outline as straight segments (HarfBuzz's draw calls, with curves flattened)."""

    def __init__(self) -> None:
        self.segments: list[tuple[float, float, float, float]] = []
        self._start = self._current = (0.0, 0.0)

    def moveTo(self, point: tuple[float, float]) -> None:  # noqa: N802 (the pen protocol's names)
        self._start = self._current = point

    def lineTo(self, point: tuple[float, float]) -> None:  # noqa: N802
        self.segments.append((*self._current, *point))
        self._current = point

    def qCurveTo(self, control: tuple[float, float], end: tuple[float, float]) -> None:  # noqa: N802
        (x0, y0), (cx, cy), (x1, y1) = self._current, control, end
        segments, (px, py) = self.segments, self._current  # (appended here: a call per piece is slow)
        for step in range(1, _CURVE_STEPS + 1):
            t = step / _CURVE_STEPS
            u = 1 - t
            x, y = u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1
            segments.append((px, py, x, y))
            px, py = x, y
        self._current = (px, py)

    def curveTo(self, c1: tuple[float, float], c2: tuple[float, float], end: tuple[float, float]) -> None:  # noqa: N802
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = self._current, c1, c2, end
        for step in range(1, _CURVE_STEPS + 1):
            t = step / _CURVE_STEPS
            u = 1 - t
            self.lineTo((u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
                         u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3))

    def closePath(self) -> None:  # noqa: N802
        if self._current != self._start:
            self.lineTo(self._start)


def ink_columns(font: uharfbuzz.Font, glyph: int, upem: int) -> dict[int, tuple[float, float]]:
    """Column index (of COLUMN em, from the glyph's origin) → (top, bottom) of its ink, in em."""
    pen = _OutlinePen()
    font.draw_glyph_with_pen(glyph, pen)
    tops: dict[int, float] = {}
    bottoms: dict[int, float] = {}
    unit = COLUMN * upem

    for x0, y0, x1, y1 in pen.segments:
        if x1 < x0:
            x0, y0, x1, y1 = x1, y1, x0, y0
        first, last = int(x0 // unit), int(x1 // unit)
        slope = (y1 - y0) / (x1 - x0) if last > first else 0.0
        # the segment's height where it enters and leaves each column it crosses
        entry = y0
        for column in range(first, last + 1):
            leave = y1 if column == last else y0 + slope * ((column + 1) * unit - x0)
            high, low = (entry, leave) if entry > leave else (leave, entry)
            if high > tops.get(column, -math.inf):
                tops[column] = high
            if low < bottoms.get(column, math.inf):
                bottoms[column] = low
            entry = leave
    return {column: (tops[column] / upem, bottoms[column] / upem) for column in tops}
