"""A drawing with its labels in columns either side, each joined by a leader line to its point.

Labels stand beside their points, pushed apart where they would touch. Numbered points get a
white disc with the number in the language's digits. The drawing keeps its sides in every
language unless leaflet.yaml asks for it to mirror (anatomy keeps the body's own sides).
"""

from __future__ import annotations

from reportlab.lib.colors import white

from leaflet.content.diagrams import Anchor, FigurePanel
from leaflet.layout.diagrams.card import Panel
from leaflet.layout.picture import draw_svg, svg_size
from leaflet.layout.textblock import BlockStyle, TextBlock
from leaflet.text.locale import number

LABEL_GAP = 2.0  # the least space between two labels in a column


class Figure(Panel):
    spec: FigurePanel

    def measure(self, width: float) -> float:
        card = self.card
        natural_width, natural_height = svg_size(self.spec.path)
        self.art_width = width * self.spec.width / 100
        self.art_height = self.art_width * natural_height / natural_width
        self.column = (width - self.art_width) / 2 - card.pad * 0.6
        self.note = card.text(self.spec.note, side="center") if self.spec.note else None
        note_height = self.note.wrapOn(card.canv, width, 1000)[1] + card.pad if self.note else 0.0
        return self.art_height + note_height

    def point(self, anchor: Anchor) -> tuple[float, float]:
        across = 1 - anchor.x if self.spec.mirror and self.card.rtl else anchor.x
        return self.art_x + across * self.art_width, self.art_top - anchor.y * self.art_height

    def draw(self, top: float) -> None:
        card, canvas = self.card, self.card.canv
        self.art_x = card.pad + (card.inner_width - self.art_width) / 2
        self.art_top = top
        draw_svg(canvas, self.spec.path, self.art_x, top - self.art_height, self.art_width, self.art_height,
                 card.font_name, mirror=self.spec.mirror and card.rtl)
        self._numbers()
        for on_left in (True, False):
            anchors = [a for a in self.spec.labels_at if (self.point(a)[0] < self.art_x + self.art_width / 2)
                       == on_left]
            self._labels(anchors, on_left, top)
        if self.note is not None:
            card.place(self.note, card.pad, top - self.art_height - card.pad, card.inner_width)

    def _labels(self, anchors: list[Anchor], on_left: bool, top: float) -> None:
        """One column of labels, top to bottom as their points are, none touching the next."""
        card, canvas = self.card, self.card.canv
        x = card.pad if on_left else card.width - card.pad - self.column
        placed: list[tuple[TextBlock, float, tuple[float, float]]] = []
        ceiling = top + card.pad * 0.5
        for anchor in sorted(anchors, key=lambda a: self.point(a)[1], reverse=True):
            block = card.text(anchor.id, side="right" if on_left else "left")
            height = block.wrapOn(canvas, self.column, 1000)[1]
            point = self.point(anchor)
            label_top = min(point[1] + height / 2, ceiling)
            placed.append((block, label_top, point))
            ceiling = label_top - height - LABEL_GAP
        for block, label_top, (px, py) in placed:
            block.drawOn(canvas, x, label_top - block.height)
            middle = label_top - block.height / 2
            canvas.setStrokeColor(card.palette.muted)
            canvas.setLineWidth(0.6)
            edge = x + self.column + 2 if on_left else x - 2
            canvas.line(edge, middle, px, py)
            canvas.setFillColor(card.palette.muted)
            canvas.circle(px, py, 1.4, stroke=0, fill=1)

    def _numbers(self) -> None:
        card, canvas = self.card, self.card.canv
        radius = card.label_style.text.size * 0.75
        style = BlockStyle(card.label_style.text.with_(align="center", colour=card.colour(self.spec.number_colour),
                                                        language="en"))
        for value, anchor in enumerate(self.spec.numbered, start=1):
            cx, cy = self.point(anchor)
            canvas.setFillColor(white)
            canvas.circle(cx, cy, radius, stroke=0, fill=1)
            digit = TextBlock(number(value, card.locale), style)
            _, height = digit.wrapOn(canvas, radius * 2, 100)
            digit.drawOn(canvas, cx - radius, cy - height / 2 + radius * 0.05)
