"""Steps in reading order: coloured boxes joined by arrows, as the PDF's flow.

An ordered list (its order is the flow's); the arrows are decoration. A row where the diagram
is wide enough for its boxes, else a column with the arrows pointing down (diagrams.css).
The arrows point the way the page reads: right, or left in a right-to-left language.
"""

from __future__ import annotations

from html import escape

from leaflet.content.diagrams import StepsPanel
from leaflet.html.diagrams import DiagramContext, under_white_text
from leaflet.text.locale import number

ARROW = ('<svg class="d-step-arrow{}" aria-hidden="true" viewBox="0 0 24 16"><path d="M1 8h14" stroke="{}" '
         'stroke-width="2.4"/><path d="M13 2.5 22.5 8 13 13.5z" fill="{}"/></svg>')


def render(panel: StepsPanel, context: DiagramContext) -> str:
    arrow_colour = escape(context.colour("primary"))
    arrow = ARROW.format(" d-flip" if context.rtl else "", arrow_colour, arrow_colour)
    items = []
    for index, key in enumerate(panel.steps):
        fill = under_white_text(context.colour(panel.colours[index % len(panel.colours)]))
        badge = f'<span class="d-step-number">{escape(number(index + 1, context.locale))}</span>' \
            if panel.numbered else ""
        items.append(f'<li class="d-step"><span class="d-step-box" style="background:{escape(fill)}">{badge}'
                     f'<span>{context.text(key)}</span></span>{arrow if index + 1 < len(panel.steps) else ""}</li>')
    return f'<ol class="d-steps" data-count="{len(panel.steps)}">{"".join(items)}</ol>'
