"""Diagrams for the web edition: the card leaflet.yaml declares, as a <figure> whose panels are
inline SVG with their labels as real text, one module per kind (beside leaflet/layout/diagrams/,
which draws the same declarations into the PDF).

Each kind's module has `render(panel, context) -> str`: the panel's HTML, every text escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from leaflet.content.diagrams import (
    DiagramSpec,
    FigurePanel,
    In100Panel,
    OptionsPanel,
    SharesPanel,
    StepsPanel,
    TermsPanel,
)
from leaflet.content.model import DiagramLabel
from leaflet.html.inline import inline

MIN_CONTRAST = 4.5  # WCAG AA for normal text


@dataclass(frozen=True)
class DiagramContext:
    """What a panel needs to draw itself in one language's words."""

    ident: str  # unique in the page: a prefix for the ids a panel gives its elements
    labels: dict[str, DiagramLabel]  # the language file's `diagrams: <id>:` labels
    locale: str  # babel's, for numbers and percentages written as the PDF writes them
    rtl: bool  # the page reads right to left: panels whose arrangement carries order mirror it
    colours: dict[str, str]  # the brand's colours by name (primary, primary_dark, accent, muted, text)

    @property
    def language(self) -> str:
        """The language's code (ur of ur_PK), as the text engine and fonts.yaml name it."""
        return self.locale.split("_")[0]

    def colour(self, name: str) -> str:
        """A colour from leaflet.yaml: #RRGGBB as given, or the brand colour of that name."""
        return name if name.startswith("#") else self.colours[name]

    def text(self, key_or_text: str) -> str:
        """A label by its key (or a text as given) as inline HTML."""
        return inline(str(self.labels.get(key_or_text, key_or_text)), self.rtl)


def _kinds() -> dict[type, Callable[[Any, DiagramContext], str]]:
    from leaflet.html.diagrams import figure, in_100, options, shares, steps, terms

    return {SharesPanel: shares.render, In100Panel: in_100.render, StepsPanel: steps.render,
            OptionsPanel: options.render, TermsPanel: terms.render, FigurePanel: figure.render}


def render_diagram(spec: DiagramSpec, context: DiagramContext) -> str:
    """The diagram as a figure: its title as the caption, then its panels."""
    kinds = _kinds()
    # each panel prefixes its ids with its own ident: two panels of one kind never clash
    panels = "\n".join(kinds[type(panel)](panel, replace(context, ident=f"{context.ident}-{index}"))
                       for index, panel in enumerate(spec.panels, start=1))
    title = inline(str(context.labels["title"]), context.rtl)
    return (f'<figure class="diagram" id="{context.ident}">\n<figcaption>{title}</figcaption>\n'
            f"{panels}\n</figure>")


def under_white_text(colour: str) -> str:
    """`colour` (#RRGGBB), darkened just enough for white text on it to read at WCAG AA (4.5:1):
    leaflet.yaml's colours were chosen for print, where some are too light for white words on screen."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    factor = 1.0
    while _contrast_with_white([round(c * factor) for c in channels]) < MIN_CONTRAST:
        factor -= 0.02
    return "#" + "".join(f"{round(c * factor):02X}" for c in channels)


def _contrast_with_white(channels: list[int]) -> float:
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in channels)
    return 1.05 / (0.2126 * red + 0.7152 * green + 0.0722 * blue + 0.05)


__all__ = ["DiagramContext", "render_diagram", "under_white_text"]
