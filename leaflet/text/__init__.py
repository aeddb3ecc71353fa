"""Text stage: fonts, the script-to-font mapping and inline markup."""

from leaflet.text.fonts import FontFamily, family_for_script, register_family
from leaflet.text.markup import Run, parse_inline, to_paragraph_markup

__all__ = ["FontFamily", "Run", "family_for_script", "parse_inline", "register_family", "to_paragraph_markup"]
