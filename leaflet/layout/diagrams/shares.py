"""Shares of a whole as broad arrows, each as thick as its share, into a drawing at the reading end."""

from __future__ import annotations

from reportlab.lib.colors import Color, white

from leaflet.content.diagrams import SharesPanel
from leaflet.layout.diagrams.card import Panel, align_for
from leaflet.layout.picture import draw_svg, svg_size
from leaflet.layout.textblock import BlockStyle, TextBlock
from leaflet.text import fit_size
from leaflet.text.locale import percent, percent_range

DRAWING_SHARE = 0.36  # of the width, at most, for the drawing the arrows point into
LABEL_SHARE = 0.4  # of the width, for the label inside an arrow
OVERLAP = 0.2  # of the drawing's width, that the arrows' tips reach into it


class Shares(Panel):
    spec: SharesPanel

    def figure(self, value: int | tuple[int, int]) -> str:
        if isinstance(value, tuple):
            return percent_range(*value, self.card.locale)
        return percent(value, self.card.locale)

    def measure(self, width: float) -> float:
        card = self.card
        middles = [sum(s.percent) / 2 if isinstance(s.percent, tuple) else s.percent for s in self.spec.shares]
        whole = width * 0.2 * (len(middles) / 2) ** 0.5  # thickness of all the arrows together
        # in proportion, but never too thin for its figure in the leaflet's small type, nor its label
        self.labels = [card.text(share.label, colour=white, side="left" if not card.rtl else "right")
                       for share in self.spec.shares]
        label_heights = [label.wrapOn(card.canv, width * LABEL_SHARE, 100)[1] for label in self.labels]
        thinnest = card.styles.small.text.size * 2
        self.thickness = [max(whole * share / sum(middles), thinnest, height + card.pad * 0.5)
                          for share, height in zip(middles, label_heights, strict=True)]
        self.gap = whole * 0.35 / max(1, len(middles) - 1)
        self.flow_height = sum(self.thickness) + self.gap * (len(middles) - 1)
        self.note = None
        height = self.flow_height
        if self.spec.note:
            self.note = card.text(self.spec.note, style=card.styles.small, side="left" if not card.rtl else "right")
            height += card.pad * 1.2 + self.note.wrapOn(card.canv, width * 0.9, 1000)[1]
        return height

    def draw(self, top: float) -> None:
        card, canvas, inner = self.card, self.card.canv, self.card.inner_width
        flow = inner
        if self.spec.into:
            flow -= self._drawing(top) * (1 - OVERLAP)
        y = top
        for share, thickness, label in zip(self.spec.shares, self.thickness, self.labels, strict=True):
            self._band(y, thickness, flow, card.colour(share.colour))
            text = self.figure(share.percent)
            figure_width = flow * 0.24
            figure_style = card.styles.small_label.text.with_(
                colour=white, size=max(min(thickness * 0.5, card.styles.subheading.text.size),
                                       card.styles.small.text.size),
                align=align_for("left", card.rtl), language="en")
            figure = TextBlock(text, BlockStyle(fit_size(text, figure_style, figure_width)))
            figure_height = figure.wrapOn(canvas, figure_width, 100)[1]
            label_width = card.inner_width * LABEL_SHARE
            label_height = label.wrapOn(canvas, label_width, 100)[1]
            card.place(figure, card.mirror(card.pad * 0.5, figure_width), y - (thickness - figure_height) / 2,
                       figure_width)
            card.place(label, card.mirror(figure_width + card.pad * 0.5, label_width),
                       y - (thickness - label_height) / 2, label_width)
            y -= thickness + self.gap
        if self.note is not None:
            note_top = top - self.flow_height - card.pad * 0.9
            if self.spec.note_colour:
                canvas.setFillColor(card.colour(self.spec.note_colour))
                canvas.circle(card.mirror(3), note_top - self.note.height / 2, 3, stroke=0, fill=1)
            card.place(self.note, card.mirror(card.pad, inner * 0.9), note_top, inner * 0.9)

    def _drawing(self, top: float) -> float:
        """The drawing at the arrows' end, its proportions kept, centred on them; returns its width."""
        card, path = self.card, str(self.spec.into)
        natural_width, natural_height = svg_size(path)
        scale = min(card.inner_width * DRAWING_SHARE / natural_width, self.flow_height * 1.05 / natural_height)
        width, height = natural_width * scale, natural_height * scale
        draw_svg(card.canv, path, card.mirror(card.inner_width - width, width), top - (self.flow_height + height) / 2,
                 width, height, card.font_name)
        return width

    def _band(self, top: float, thickness: float, length: float, colour: Color) -> None:
        """A broad arrow pointing to the reading end (right, or left in right-to-left languages)."""
        card, canvas = self.card, self.card.canv
        head = min(thickness * 0.6, length * 0.1)
        start, tip = card.mirror(0), card.mirror(length)
        direction = 1 if tip > start else -1
        path = canvas.beginPath()
        path.moveTo(start, top)
        path.lineTo(tip - head * direction, top)
        path.lineTo(tip, top - thickness / 2)
        path.lineTo(tip - head * direction, top - thickness)
        path.lineTo(start, top - thickness)
        path.close()
        canvas.setFillColor(colour)
        canvas.drawPath(path, stroke=0, fill=1)
