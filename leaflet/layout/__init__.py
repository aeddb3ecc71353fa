"""Layout stage: page templates, brand, blocks and page furniture, rendered with ReportLab."""

from leaflet.layout.document import (
    BLEED,
    document_title,
    layout_notes,
    render_back_cover,
    render_leaflet,
    render_notes_page,
    render_print_marks,
    slug_area,
)
from leaflet.layout.geometry import geometry_for
from leaflet.layout.pages import text_areas
from leaflet.outputs import SIZES

__all__ = [
    "BLEED",
    "SIZES",
    "document_title",
    "geometry_for",
    "layout_notes",
    "render_back_cover",
    "render_leaflet",
    "render_notes_page",
    "render_print_marks",
    "slug_area",
    "text_areas",
]
