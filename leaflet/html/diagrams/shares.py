"""Shares of a whole as broad arrows, each as thick as its share, pointing into a drawing at the
reading end (right, or left in a right-to-left language), as the PDF draws them.

Each arrow is an HTML box cut to an arrow's shape (diagrams.css), its percentage and label as
text inside it, so both wrap on a phone; it is never thinner than its words.
"""

from __future__ import annotations

from html import escape

from leaflet.content.diagrams import SharesPanel
from leaflet.content.model import Figure
from leaflet.html.diagrams import DiagramContext, under_white_text
from leaflet.html.diagrams.drawing import load_drawing
from leaflet.html.inline import inline
from leaflet.text.locale import percent, percent_range

WHOLE = 5.5  # em: how thick the arrows are together, for two of them
THINNEST = 2.0  # em: the thinnest arrow


def render(panel: SharesPanel, context: DiagramContext) -> str:
    middles = [sum(s.percent) / 2 if isinstance(s.percent, tuple) else s.percent for s in panel.shares]
    whole = WHOLE * (len(middles) / 2) ** 0.5
    arrows = []
    for share, middle in zip(panel.shares, middles, strict=True):
        thickness = max(whole * middle / sum(middles), THINNEST)
        size = min(max(thickness * 0.32, 1.0), 1.5)  # the figure's type grows with its arrow, as in the PDF
        fill = escape(under_white_text(context.colour(share.colour)))
        arrows.append(f'<li class="d-share" style="min-height:{thickness:.2f}em;background:{fill}">'
                      f'<span class="d-share-figure" style="font-size:{size:.2f}em">'
                      f'{inline(_figure(share.percent, context.locale), context.rtl)}</span>'
                      f'<span class="d-share-label">{context.text(share.label)}</span></li>')
    flow = f'<ul class="d-shares-arrows{" d-flip" if context.rtl else ""}">{"".join(arrows)}</ul>'
    if panel.into:
        art = load_drawing(panel.into, f"{context.ident}-art")
        flow += (f'<svg class="d-shares-art" aria-hidden="true" viewBox="{" ".join(f"{v:g}" for v in art.box)}">'
                 f"{art.markup}</svg>")
    note = ""
    if panel.note:
        dot = f'<span class="d-dot" style="background:{escape(context.colour(panel.note_colour))}"></span>' \
            if panel.note_colour else ""
        note = f'<p class="d-note d-shares-note">{dot}{context.text(panel.note)}</p>'
    return f'<div class="d-shares"><div class="d-shares-flow">{flow}</div>{note}</div>'


def _figure(value: Figure, locale: str) -> str:
    """A percentage or a range of them, with the locale's digits and percent sign."""
    return percent_range(*value, locale) if isinstance(value, tuple) else percent(value, locale)
