"""Steps in reading order: coloured boxes joined by arrows, wrapping onto more rows when narrow."""

from __future__ import annotations

import itertools

from reportlab.lib.colors import white

from leaflet.content.diagrams import StepsPanel
from leaflet.layout.diagrams.card import Panel
from leaflet.layout.textblock import BlockStyle, TextBlock
from leaflet.text.locale import number

GAP_SHARE = 0.095  # of the width, for the arrow between two boxes
MIN_BOX_EMS = 6.5  # the narrowest box, in ems of its label's size


class Steps(Panel):
    spec: StepsPanel

    def measure(self, width: float) -> float:
        card = self.card
        self.gap = max(width * GAP_SHARE, 24.0)
        narrowest = card.styles.small_label.text.size * MIN_BOX_EMS
        count = len(self.spec.steps)
        self.per_row = max(1, min(count, int((width + self.gap) // (narrowest + self.gap))))
        self.box_width = (width - (self.per_row - 1) * self.gap) / self.per_row
        self.labels = [card.text(key, style=card.styles.small_label, side="center", colour=white)
                       for key in self.spec.steps]
        self.badge = card.styles.small_label.text.size * 0.8 if self.spec.numbered else 0.0
        self.lead = 4 + (self.badge * 2 + 3 if self.spec.numbered else 0)  # the label's start, after the number
        label_width = self.box_width - self.lead - 4
        self.box_height = max(label.wrapOn(card.canv, label_width, 1000)[1] for label in self.labels) + card.pad
        self.rows = -(-count // self.per_row)
        self.row_gap = card.pad * 1.6
        return self.rows * self.box_height + (self.rows - 1) * self.row_gap

    def draw(self, top: float) -> None:
        card, canvas = self.card, self.card.canv
        for index, label in enumerate(self.labels):
            row, column = divmod(index, self.per_row)
            y = top - row * (self.box_height + self.row_gap)
            offset = column * (self.box_width + self.gap)
            x = card.mirror(offset, self.box_width)
            canvas.setFillColor(card.colour(self.spec.colours[index % len(self.spec.colours)]))
            canvas.roundRect(x, y - self.box_height, self.box_width, self.box_height, 5, stroke=0, fill=1)
            label_width = self.box_width - self.lead - 4
            height = label.wrapOn(canvas, label_width, 1000)[1]
            label.drawOn(canvas, card.mirror(offset + self.lead, label_width), y - (self.box_height + height) / 2)
            if self.spec.numbered:
                self._badge(index + 1, card.mirror(offset + 4 + self.badge), y - self.box_height / 2)
            if index + 1 < len(self.labels) and column + 1 < self.per_row:
                self._arrow([(card.mirror(offset + self.box_width + 4), y - self.box_height / 2),
                             (card.mirror(offset + self.box_width + self.gap - 4), y - self.box_height / 2)])
            elif index + 1 < len(self.labels):  # to the first box of the next row
                middle_y = y - self.box_height - self.row_gap / 2
                end_x = card.mirror(self.box_width / 2)
                this_x = card.mirror(offset + self.box_width / 2)
                self._arrow([(this_x, y - self.box_height - 3), (this_x, middle_y), (end_x, middle_y),
                             (end_x, y - self.box_height - self.row_gap + 3)])

    def _badge(self, value: int, cx: float, cy: float) -> None:
        card, canvas = self.card, self.card.canv
        canvas.setFillColor(white)
        canvas.circle(cx, cy, self.badge, stroke=0, fill=1)
        style = BlockStyle(card.label_style.text.with_(align="center", colour=card.palette.primary_dark,
                                                        size=card.styles.small_label.text.size))
        digit = TextBlock(number(value, card.locale), style)
        height = digit.wrapOn(canvas, self.badge * 2, 100)[1]
        digit.drawOn(canvas, cx - self.badge, cy - height / 2)

    def _arrow(self, points: list[tuple[float, float]]) -> None:
        """A line through `points` with a head at the last one."""
        canvas, colour = self.card.canv, self.card.palette.primary
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(2)
        for start, end in itertools.pairwise(points):
            canvas.line(*start, *end)
        (x0, y0), (x1, y1) = points[-2], points[-1]
        length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-6)
        dx, dy = (x1 - x0) / length, (y1 - y0) / length
        canvas.setFillColor(colour)
        path = canvas.beginPath()
        path.moveTo(x1 + 2 * dx, y1 + 2 * dy)
        path.lineTo(x1 - 5 * dx - 4 * dy, y1 - 5 * dy + 4 * dx)
        path.lineTo(x1 - 5 * dx + 4 * dy, y1 - 5 * dy - 4 * dx)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
