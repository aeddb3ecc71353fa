"""A card for each option in reading order: a coloured stripe, its name, one plain line."""

from __future__ import annotations

from reportlab.lib.colors import white

from leaflet.content.diagrams import OptionsPanel
from leaflet.content.model import NamedItem
from leaflet.layout.diagrams.card import Panel
from leaflet.layout.textblock import TextBlock

WIDE = 420.0  # from this width, three cards to a row; two below it


class Options(Panel):
    spec: OptionsPanel

    def measure(self, width: float) -> float:
        card = self.card
        self.columns = min(len(self.spec.options), 3 if width > WIDE else 2)
        self.gap = card.pad * 0.6
        self.card_width = (width - (self.columns - 1) * self.gap) / self.columns
        self.cards: list[tuple[TextBlock, TextBlock]] = []
        for key in self.spec.options:
            item = card.labels[key]
            assert isinstance(item, NamedItem)  # the loader checked each option's shape
            self.cards.append((TextBlock(item.name, card.styles.small_label),
                               TextBlock(item.description, card.styles.small)))
        rows = [self.cards[i:i + self.columns] for i in range(0, len(self.cards), self.columns)]
        text_width = self.card_width - 12
        self.row_heights = [max(name.wrapOn(card.canv, text_width, 1000)[1]
                                + text.wrapOn(card.canv, text_width, 1000)[1] for name, text in row) + 16
                            for row in rows]
        return sum(self.row_heights) + self.gap * (len(rows) - 1)

    def draw(self, top: float) -> None:
        card, canvas = self.card, self.card.canv
        y = top
        for index, (name, text) in enumerate(self.cards):
            row, column = divmod(index, self.columns)
            if column == 0 and row:
                y -= self.row_heights[row - 1] + self.gap
            height = self.row_heights[row]
            x = card.mirror(column * (self.card_width + self.gap), self.card_width)
            canvas.setFillColor(white)
            canvas.roundRect(x, y - height, self.card_width, height, 4, stroke=0, fill=1)
            canvas.setFillColor(card.colour(self.spec.colours[index % len(self.spec.colours)]))
            canvas.rect(x, y - 4, self.card_width, 4, stroke=0, fill=1)
            name_height = card.place(name, x + 6, y - 8, self.card_width - 12)
            card.place(text, x + 6, y - 10 - name_height, self.card_width - 12)
