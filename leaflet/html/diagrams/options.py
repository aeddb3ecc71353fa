"""A card for each option, in reading order: a coloured stripe, its name, one plain line.

As many cards to a row as fit (three on a desktop page, as the PDF; one on a phone).
"""

from __future__ import annotations

from html import escape

from leaflet.content.diagrams import OptionsPanel
from leaflet.content.model import NamedItem
from leaflet.html.diagrams import DiagramContext
from leaflet.html.inline import inline


def render(panel: OptionsPanel, context: DiagramContext) -> str:
    cards = []
    for index, key in enumerate(panel.options):
        item = context.labels[key]
        assert isinstance(item, NamedItem)  # the loader checked each option's shape
        stripe = escape(context.colour(panel.colours[index % len(panel.colours)]))
        cards.append(f'<li class="d-option" style="border-top-color:{stripe}">'
                     f'<span class="d-option-name">{inline(item.name, context.rtl)}</span> '
                     f'<span class="d-option-text">{inline(item.description, context.rtl)}</span></li>')
    return f'<ul class="d-options">{"".join(cards)}</ul>'
