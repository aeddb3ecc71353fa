"""Short words as rounded chips that wrap like text in reading order, after an optional lead-in."""

from __future__ import annotations

from reportlab.lib.colors import white

from leaflet.content.diagrams import TermsPanel
from leaflet.layout.diagrams.card import Panel
from leaflet.layout.textblock import TextBlock

CHIP_PAD = 6.0  # between a chip's text and its ends
CHIP_GAP = 5.0  # between two chips


class Terms(Panel):
    spec: TermsPanel

    def measure(self, width: float) -> float:
        card = self.card
        self.lead = card.text(self.spec.lead, style=card.styles.small_label) if self.spec.lead else None
        self.chips = [card.text(term, style=card.styles.small) for term in card.labels[self.spec.terms]]
        self.rows = self._flow(width)
        self.row_step = max(chip.height for chip in self.chips) + 4 + CHIP_GAP
        lead_height = self.lead.wrapOn(card.canv, width, 100)[1] + 4 if self.lead else 0.0
        return lead_height + len(self.rows) * self.row_step - CHIP_GAP

    def _flow(self, width: float) -> list[list[tuple[TextBlock, float]]]:
        """Chips in rows, each as wide as its text (or the whole width, wrapping, if longer)."""
        rows: list[list[tuple[TextBlock, float]]] = [[]]
        used = 0.0
        for chip in self.chips:
            chip.wrapOn(self.card.canv, width - 2 * CHIP_PAD, 100)
            chip_width = min(width, chip.setting(width - 2 * CHIP_PAD).fitting_width + 2 * CHIP_PAD + 2)
            chip.wrapOn(self.card.canv, chip_width - 2 * CHIP_PAD, 100)
            if rows[-1] and used + chip_width > width:
                rows.append([])
                used = 0.0
            rows[-1].append((chip, chip_width))
            used += chip_width + CHIP_GAP
        return rows

    def draw(self, top: float) -> None:
        card, canvas = self.card, self.card.canv
        y = top
        if self.lead is not None:
            y -= card.place(self.lead, card.pad, y, card.inner_width) + 4
        box = self.row_step - CHIP_GAP  # one height for every chip, however tall its script's ink
        for row in self.rows:
            offset = 0.0
            for chip, width in row:
                x = card.mirror(offset, width)
                chip.wrapOn(canvas, width - 2 * CHIP_PAD, 100)
                canvas.setFillColor(white)
                canvas.roundRect(x, y - box, width, box, box / 2, stroke=0, fill=1)
                chip.drawOn(canvas, x + CHIP_PAD, y - (box + chip.height) / 2)
                offset += width + CHIP_GAP
            y -= self.row_step
