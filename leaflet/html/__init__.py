"""The web edition: each leaflet as an accessible web page, rendered from the content model (a second
renderer beside layout/ and pdf/, never made from the PDF), and the catalogue that lists them."""

from __future__ import annotations

from leaflet.html.catalogue import Listing, index_languages, listing, render_catalogue
from leaflet.html.page import STATIC_LINKS, Links, page_name, render_leaflet_page
from leaflet.html.style import web_font_files
from leaflet.html.words import index_name

__all__ = ["STATIC_LINKS", "Links", "Listing", "index_languages", "index_name", "listing", "page_name",
           "render_catalogue", "render_leaflet_page",
           "web_font_files"]
