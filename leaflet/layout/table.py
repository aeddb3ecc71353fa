"""A small table (a schedule, "when / what to do") as a flowable: cells wrap, rows never split.

Columns share the width in proportion to what their cells would need on one line, none
narrower than a fifth of the fair share. In right-to-left languages the first column is on
the right. A table taller than the page splits between rows, the header repeated.
"""

from __future__ import annotations

from contextlib import nullcontext

from reportlab.platypus import Flowable

from leaflet.layout.geometry import from_start
from leaflet.layout.styles import Palette
from leaflet.layout.tagging import Tag, artifact, in_reading_order
from leaflet.layout.textblock import BlockStyle, TextBlock


class TableBlock(Flowable):
    def __init__(self, header: list[str], rows: list[list[str]], header_style: BlockStyle,
                 cell_style: BlockStyle, palette: Palette, padding: float, space: float) -> None:
        super().__init__()
        self.header_texts, self.row_texts = header, rows
        self.header_style, self.cell_style = header_style, cell_style
        self.palette = palette
        self.pad = padding
        self.spaceBefore = space
        self.spaceAfter = space
        self.header = [TextBlock(text, header_style, role="TH") for text in header]
        self.rows = [[TextBlock(text, cell_style, role="TD") for text in row] for row in rows]
        self.tag = Tag("Table")
        self.row_tags = [self.tag.child("TR") for _ in [header, *rows]]

    @property
    def rtl(self) -> bool:
        return self.header[0].rtl

    def _column_widths(self, width: float) -> list[float]:
        inner = width - 2 * self.pad * len(self.header)
        wants = []
        for column, heading in enumerate(self.header):
            cells = [heading, *(row[column] for row in self.rows)]
            wants.append(max(cell.setting(100_000).fitting_width for cell in cells))
        floor = inner / len(wants) * 0.2
        shares = [max(want, floor) for want in wants]
        scale = min(1.0, inner / sum(shares)) if sum(shares) else 1.0
        widths = [share * scale for share in shares]
        spare = inner - sum(widths)
        return [w + spare * w / sum(widths) for w in widths]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.widths = self._column_widths(avail_width)
        self.heights = [self._row_height(row) for row in [self.header, *self.rows]]
        self.height = sum(self.heights)
        return self.width, self.height

    def _row_height(self, cells: list[TextBlock]) -> float:
        return max(cell.wrap(width, 10_000)[1] for cell, width in zip(cells, self.widths, strict=True)) + 2 * self.pad

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Between rows, the header on both parts; never inside a row."""
        self.wrap(avail_width, avail_height)
        used, count = self.heights[0], 0
        while count < len(self.rows) and used + self.heights[count + 1] <= avail_height:
            used += self.heights[count + 1]
            count += 1
        if count == 0 or count == len(self.rows):
            return []
        parts = [TableBlock(self.header_texts, rows, self.header_style, self.cell_style, self.palette, self.pad,
                            self.spaceBefore) for rows in (self.row_texts[:count], self.row_texts[count:])]
        parts[0].spaceAfter = parts[1].spaceBefore = 0
        # one table in the structure: the second part's rows are the same table's, its header a repeat
        header, body = self.row_tags[0], self.row_tags[1:]
        for part, rows in zip(parts, (body[:count], body[count:]), strict=True):
            part.tag, part.row_tags = self.tag, [header, *rows]
        parts[0].repeats_header, parts[1].repeats_header = self.repeats_header, True
        return parts

    repeats_header = False  # the header of a part that goes on from the page before: no new content

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        for index, (cells, height) in enumerate(zip([self.header, *self.rows], self.heights, strict=True)):
            with artifact(canvas):
                if index == 0:
                    canvas.setFillColor(self.palette.tint)
                    canvas.rect(0, top - height, self.width, height, stroke=0, fill=1)
                else:
                    canvas.setStrokeColor(self.palette.tint)
                    canvas.setLineWidth(0.8)
                    canvas.line(0, top, self.width, top)
            repeat = index == 0 and self.repeats_header
            for cell in cells:
                cell.tag.parent = self.row_tags[index]
            if not repeat:
                in_reading_order(canvas, [cell.tag for cell in cells])
            placed, start = [], 0.0
            for cell, width in zip(cells, self.widths, strict=True):
                placed.append((from_start(start + self.pad, width, self.width, self.rtl), cell, width))
                start += width + 2 * self.pad
            with artifact(canvas) if repeat else nullcontext():
                for x, cell, width in sorted(placed, key=lambda item: item[0]):  # left to right, as pdfium reads
                    _, cell_height = cell.wrap(width, 10_000)
                    cell.drawOn(canvas, x, top - self.pad - cell_height)
            top -= height
        with artifact(canvas):
            canvas.setStrokeColor(self.palette.primary)
            canvas.setLineWidth(0.8)
            canvas.line(0, 0, self.width, 0)
