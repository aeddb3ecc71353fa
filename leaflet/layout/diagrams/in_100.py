"""A 10 by 10 grid of icons, `count` of them filled, at the reading start; the sentence beside it."""

from __future__ import annotations

from reportlab.lib.colors import Color, white

from leaflet.content.diagrams import In100Panel
from leaflet.layout.diagrams.card import Panel
from leaflet.text.locale import number

ICON_SHARE = 0.02  # of the width, for one icon's size


class In100(Panel):
    spec: In100Panel

    def measure(self, width: float) -> float:
        card = self.card
        self.icon = width * ICON_SHARE
        self.grid = self.icon * 10 * 1.6
        sentence = str(card.labels[self.spec.text]).replace("{percent}", number(self.spec.count, card.locale))
        self.sentence = card.text(sentence, style=card.styles.body, side="left" if not card.rtl else "right")
        self.sentence_width = width - self.grid - card.pad
        return max(self.grid, self.sentence.wrapOn(card.canv, self.sentence_width, 1000)[1])

    def draw(self, top: float) -> None:
        card, step = self.card, self.icon * 1.6
        filled = card.colour(self.spec.colour)
        for index in range(100):
            row, column = divmod(index, 10)
            centre_x = card.mirror(column * step + step / 2)
            centre_y = top - row * step - step / 2
            self._icon(centre_x, centre_y, filled if index < self.spec.count else white)
        card.place(self.sentence, card.mirror(self.grid + card.pad, self.sentence_width), top, self.sentence_width)

    def _icon(self, x: float, y: float, colour: Color) -> None:
        canvas, size = self.card.canv, self.icon
        canvas.setFillColor(colour)
        if self.spec.icon == "dot":
            canvas.circle(x, y, size * 0.62, stroke=0, fill=1)
            return
        canvas.circle(x, y + size * 0.42, size * 0.27, stroke=0, fill=1)  # a person: head over shoulders
        canvas.roundRect(x - size * 0.4, y - size * 0.72, size * 0.8, size * 0.95, size * 0.3, stroke=0, fill=1)
