"""A drawing with labels joined to its points and numbered discs on it, as the PDF's figure.

Wide (a container of STAGE em or more): labels in columns either side at their points' height,
pushed apart where they would touch, joined by leader lines; all placed in em, so the page's
text size keeps them in place. Narrow (a phone): the drawing full width, each labelled point
marked with a key (the language's letters: A, B… or ا، ب…), the labels listed under it.
One list of labels serves both; diagrams.css places it. The drawing is inlined by drawing.py.
"""

from __future__ import annotations

from html import escape

import icu

from leaflet.content.diagrams import Anchor, FigurePanel
from leaflet.html.diagrams import DiagramContext
from leaflet.html.diagrams.drawing import Drawing, load_drawing
from leaflet.html.diagrams.drawing import n as _n
from leaflet.html.style import is_tall
from leaflet.text.lines import Line, break_lines
from leaflet.text.locale import number
from leaflet.text.markup import Run, parse_inline
from leaflet.text.shaping import shape_text

STAGE = 30.0  # em: the wide layout's width, and the container width it needs (diagrams.css)
GAP = 0.7  # em between a label column and the drawing
LABEL_SIZE = 0.875  # em: the labels' type size (diagrams.css .d-fig-text)
LINE = {False: 1.3, True: 1.9}  # a label's line height, by whether its script is tall (Nastaliq's ink needs room)
LABEL_GAP = 0.35  # em: the least space between two labels of a column
DISC = 0.045  # of the drawing's width: the radius of a numbered disc or a key

def render(panel: FigurePanel, context: DiagramContext) -> str:
    mirrored = panel.mirror and context.rtl
    art = load_drawing(panel.path, f"{context.ident}-art", mirrored)
    points = {a.id: ((1 - a.x) if mirrored else a.x, a.y) for a in (*panel.labels_at, *panel.numbered)}
    sides = [sorted((a for a in panel.labels_at if (points[a.id][0] < 0.5) == left), key=lambda a: points[a.id][1])
             for left in (True, False)]
    labels = [a for side in (sides[::-1] if context.rtl else sides) for a in side]  # start side's column first
    keys = dict(zip((a.id for a in labels), _keys(context.locale, len(labels)), strict=True))
    art_width = STAGE * panel.width / 100
    column, scale = STAGE / 2 - art_width / 2 - GAP, art_width / art.box[2]  # em, em per unit of the drawing
    placed, height = _columns(sides, points, art.box[3] * scale, column, context)
    svg, view = _drawing_svg(art, panel, points, sides, keys, context)
    stage = (f'--line:{LINE[is_tall(context.language)]};--h:{_n(height)}em;--col:{_n(column)}em;'
             f'--art-x:{_n((STAGE - view[2] * scale) / 2)}em;--art-y:{_n((view[1] - art.box[1]) * scale)}em;'
             f'--art-w:{_n(view[2] * scale)}em')
    items = "".join(
        f'<li class="d-fig-label d-fig-{"left" if a in sides[0] else "right"}" style="--top:{_n(placed[a.id][0])}em">'
        f'<svg class="d-fig-key" aria-hidden="true" viewBox="-1 -1 2 2">'
        f'{_disc((0, 0), 1, context.colour("primary_dark"), "#FFFFFF", keys[a.id], context)}</svg>'
        f'<span class="d-fig-text">{context.text(a.id)}</span></li>' for a in labels)
    leaders = _leaders(sides, points, placed, (art_width, art.box[3] * scale, column, height), context)
    note = f'<p class="d-note">{context.text(panel.note)}</p>' if panel.note else ""
    return (f'<div class="d-fig"><div class="d-fig-stage" style="{stage}">'
            f'{svg}{leaders}<ul class="d-fig-labels">{items}</ul></div>{note}</div>')


def _keys(locale: str, count: int) -> list[str]:
    """The first `count` letters of the language's alphabet (ICU's index letters); numbers if too few."""
    index = icu.AlphabeticIndex(icu.Locale(locale)).buildImmutableIndex()
    letters = [label for label, kind in (index.getBucket(i) for i in range(index.bucketCount)) if kind == 0]
    return letters[:count] if count <= len(letters) else [number(i, locale) for i in range(1, count + 1)]


def _columns(sides: list[list[Anchor]], points: dict[str, tuple[float, float]], art_height: float,
             column: float, context: DiagramContext) -> tuple[dict[str, tuple[float, float]], float]:
    """Each label's (top, height) in em, beside its point where there is room; the stage's height."""
    placed: dict[str, tuple[float, float]] = {}
    for side in sides:
        ceiling = 0.0
        for anchor in side:
            height = _label_height(str(context.labels[anchor.id]), column, context)
            top = max(points[anchor.id][1] * art_height - height / 2, ceiling)
            placed[anchor.id], ceiling = (top, height), top + height + LABEL_GAP
    return placed, max([art_height, *(top + height for top, height in placed.values())])


def _label_height(text: str, column: float, context: DiagramContext) -> float:
    """A label's height in its column (em), with a little room to spare in its width."""
    lines = _set_bold(text, column / LABEL_SIZE * 0.95, context)
    return len(lines) * LINE[is_tall(context.language)] * LABEL_SIZE


def _set_bold(text: str, width: float, context: DiagramContext) -> list[Line]:
    """Bold `text` in lines of `width` em, measured by the PDF's text engine: the same fonts and
    HarfBuzz as the browser's, so the page breaks and inks it alike."""
    runs = [Run(run.text, True) for run in parse_inline(text)]
    return break_lines(shape_text(runs, context.language, context.rtl), width, context.language)


def _drawing_svg(art: Drawing, panel: FigurePanel, points: dict[str, tuple[float, float]],
                 sides: list[list[Anchor]], keys: dict[str, str], context: DiagramContext) -> tuple[str, list[float]]:
    """The drawing with its numbered discs and, for narrow screens, a key beside each labelled point
    (in margins either side, pushed apart as the wide layout's labels are); and its viewBox."""
    radius, dark, muted = DISC * art.box[2], context.colour("primary_dark"), escape(context.colour("muted"))
    shapes = [_disc(art.at(points[a.id]), radius, "#FFFFFF", context.colour(panel.number_colour),
                    number(value, context.locale), context) for value, a in enumerate(panel.numbered, start=1)]
    low, high = art.box[1], art.box[1] + art.box[3]
    for left, side in zip((True, False), sides, strict=True):
        key_x = art.box[0] - radius * 1.3 if left else art.box[0] + art.box[2] + radius * 1.3
        ceiling = art.box[1] + radius
        for anchor in side:
            x, y = art.at(points[anchor.id])
            key_y, ceiling = max(y, ceiling), max(y, ceiling) + radius * 2.4
            low, high = min(low, key_y - radius * 1.2), max(high, key_y + radius * 1.2)
            shapes.append(f'<g class="d-fig-keys"><line class="d-leader" x1="{_n(key_x)}" y1="{_n(key_y)}" '
                          f'x2="{_n(x)}" y2="{_n(y)}"/><circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius * 0.2)}" '
                          f'fill="{muted}"/>{_disc((key_x, key_y), radius, dark, "#FFFFFF", keys[anchor.id], context)}'
                          "</g>")
    view = [art.box[0] - radius * 2.6, low, art.box[2] + radius * 5.2, high - low]
    return (f'<svg class="d-fig-art" aria-hidden="true" viewBox="{" ".join(_n(v) for v in view)}">'
            f'{art.markup}{"".join(shapes)}</svg>'), view


def _disc(centre: tuple[float, float], radius: float, fill: str, ink: str, text: str, context: DiagramContext) -> str:
    """A disc with a number or letter on it, whose ink (measured with the page's fonts) is centred:
    a baseline at the disc's centre would leave Nastaliq's letters hanging low."""
    line = _set_bold(text, 100, context)[0]
    size = radius * 1.45 / max(1.0, line.ink_right - line.ink_left, line.top - line.bottom)
    x = centre[0] + (line.width - line.ink_left - line.ink_right) / 2 * size  # text-anchor: middle centres the advance
    y = centre[1] + (line.top + line.bottom) / 2 * size
    return (f'<circle cx="{_n(centre[0])}" cy="{_n(centre[1])}" r="{_n(radius)}" fill="{escape(fill)}"/>'
            f'<text class="d-disc-text" x="{_n(x)}" y="{_n(y)}" fill="{escape(ink)}" font-size="{_n(size)}">'
            f"{escape(text)}</text>")


def _leaders(sides: list[list[Anchor]], points: dict[str, tuple[float, float]],
             placed: dict[str, tuple[float, float]], sizes: tuple[float, float, float, float],
             context: DiagramContext) -> str:
    """The wide layout's leader lines, from each label's column to its point, in em of the stage."""
    art_width, art_height, column, height = sizes
    lines = []
    for left, side in zip((True, False), sides, strict=True):
        for anchor in side:
            x, y = (STAGE - art_width) / 2 + points[anchor.id][0] * art_width, points[anchor.id][1] * art_height
            top, label_height = placed[anchor.id]
            lines.append(f'<line class="d-leader" x1="{_n(column + 0.15 if left else STAGE - column - 0.15)}" '
                         f'y1="{_n(top + label_height / 2)}" x2="{_n(x)}" y2="{_n(y)}"/><circle cx="{_n(x)}" '
                         f'cy="{_n(y)}" r="0.1" fill="{escape(context.colour("muted"))}"/>')
    return (f'<svg class="d-fig-leaders" aria-hidden="true" viewBox="0 0 {_n(STAGE)} {_n(height)}">'
            f'{"".join(lines)}</svg>')
