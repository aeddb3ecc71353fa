"""Text stage: fonts, bidi, shaping, line breaking and drawing of every piece of text.

`set_text` breaks runs of text into lines for a width; the result measures, splits
and draws itself. `MissingGlyphError` names a character no configured font has.
"""

from leaflet.text.fonts import FamilyMetrics, family_for_script, family_metrics, register_family
from leaflet.text.markup import Run, parse_inline
from leaflet.text.setting import (
    FittedLine,
    Label,
    Layer,
    SetText,
    TextStyle,
    draw_page_primer,
    fit_line,
    fit_size,
    set_text,
)
from leaflet.text.shaping import MissingGlyphError, main_script, uncovered_characters

__all__ = [
    "FamilyMetrics",
    "FittedLine",
    "Label",
    "Layer",
    "MissingGlyphError",
    "Run",
    "SetText",
    "TextStyle",
    "draw_page_primer",
    "family_for_script",
    "family_metrics",
    "fit_line",
    "fit_size",
    "main_script",
    "parse_inline",
    "register_family",
    "set_text",
    "uncovered_characters",
]
