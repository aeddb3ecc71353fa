"""A 10 by 10 grid of icons, `count` of them filled from the reading start, beside its sentence.

The sentence is the label with {percent} written in the language's digits, as the PDF writes it;
it says what the grid shows, so the grid is hidden from screen readers.
"""

from __future__ import annotations

from html import escape

from leaflet.content.diagrams import In100Panel
from leaflet.html.diagrams import DiagramContext
from leaflet.html.inline import inline
from leaflet.text.locale import number

STEP = 16  # the grid's pitch, in the SVG's units
EMPTY_EDGE = "#6E8F98"  # an empty icon's outline, 3:1 on the card's tint (white alone hardly shows there)


def render(panel: In100Panel, context: DiagramContext) -> str:
    sentence = str(context.labels[panel.text]).replace("{percent}", number(panel.count, context.locale))
    filled = [_icon(index, panel.icon, context.rtl) for index in range(panel.count)]
    empty = [_icon(index, panel.icon, context.rtl) for index in range(panel.count, 100)]
    grid = (f'<svg class="d-in100-grid" aria-hidden="true" viewBox="0 0 {STEP * 10} {STEP * 10}">'
            f'<path fill="{escape(context.colour(panel.colour))}" d="{"".join(filled)}"/>'
            f'<path fill="#FFFFFF" stroke="{EMPTY_EDGE}" stroke-width="0.7" d="{"".join(empty)}"/></svg>')
    return f'<div class="d-in100">{grid}<p class="d-in100-text">{inline(sentence, context.rtl)}</p></div>'


def _icon(index: int, icon: str, rtl: bool) -> str:
    """Path data of the icon at `index`: rows from the top, each from the reading start."""
    row, column = divmod(index, 10)
    x = ((9 - column) if rtl else column) * STEP + STEP / 2
    y = row * STEP + STEP / 2
    size = STEP / 1.6
    if icon == "dot":
        return _circle(x, y, size * 0.62)
    body = size * 0.4  # a person: a head over rounded shoulders
    return (_circle(x, y - size * 0.42, size * 0.27) +
            f"M{x - body:g} {y + size * 0.72:g}V{y:g}a{body:g} {body * 0.6:g} 0 0 1 {body * 2:g} 0"
            f"V{y + size * 0.72:g}Z")


def _circle(x: float, y: float, r: float) -> str:
    return f"M{x - r:g} {y:g}a{r:g} {r:g} 0 1 0 {r * 2:g} 0a{r:g} {r:g} 0 1 0 {-r * 2:g} 0Z"
