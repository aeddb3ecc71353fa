"""Diagrams: a card with a title and panels of the kinds leaflet.yaml declares, one module per kind."""

from __future__ import annotations

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
from leaflet.layout.diagrams.card import DiagramCard, Panel
from leaflet.layout.diagrams.figure import Figure
from leaflet.layout.diagrams.in_100 import In100
from leaflet.layout.diagrams.options import Options
from leaflet.layout.diagrams.shares import Shares
from leaflet.layout.diagrams.steps import Steps
from leaflet.layout.diagrams.terms import Terms
from leaflet.layout.styles import Palette, Styles

PANELS: dict[type, type[Panel]] = {
    SharesPanel: Shares, In100Panel: In100, StepsPanel: Steps, OptionsPanel: Options, TermsPanel: Terms,
    FigurePanel: Figure,
}


def make_diagram(spec: DiagramSpec, labels: dict[str, DiagramLabel], styles: Styles, palette: Palette,
                 locale: str, font_name: str) -> DiagramCard:
    """The card for a diagram leaflet.yaml declares, in one language's words."""
    return DiagramCard(spec, labels, styles, palette, locale, font_name, PANELS)


__all__ = ["PANELS", "DiagramCard", "make_diagram"]
