"""Content stage: read the YAML files of a leaflet into a validated, typed model."""

from leaflet.content.loader import FACTS_FILE, available_languages, load_leaflet
from leaflet.content.model import LanguageContent, Leaflet, LeafletFacts, Location, Text
from leaflet.errors import ContentError

__all__ = [
    "FACTS_FILE",
    "ContentError",
    "LanguageContent",
    "Leaflet",
    "LeafletFacts",
    "Location",
    "Text",
    "available_languages",
    "load_leaflet",
]
