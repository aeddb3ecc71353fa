"""Fonts ship with their licence and the script-to-font registry resolves per language."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from leaflet.text import family_for_script, register_family
from leaflet.text.fonts import FONT_DIR, font_config
from tests.conftest import ROOT


def test_every_configured_font_file_ships_with_the_ofl() -> None:
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "PERMISSION & CONDITIONS" in licence
    for styles in font_config().families.values():
        for path in styles.values():
            assert path.is_file(), path


def test_scripts_resolve_per_language_with_a_default() -> None:
    assert family_for_script("ur", "Arab") == "NotoNastaliqUrdu"
    assert family_for_script("ar", "Arab") == "NotoNaskhArabic"
    assert family_for_script("ur", "Latn") == "NotoSans"
    with pytest.raises(KeyError, match="Deva"):
        family_for_script("hi", "Deva")


@pytest.mark.parametrize("family", ["NotoSans", "NotoNastaliqUrdu", "NotoNaskhArabic"])
def test_families_register_and_cover_their_script(family: str) -> None:
    names = register_family(family)
    font = pdfmetrics.getFont(names.regular)
    sample = "Liver 042" if family == "NotoSans" else "جگر"
    assert all(ord(char) in font.face.charToGlyph for char in sample if char != " ")
    assert pdfmetrics.getFont(names.bold).face.name != font.face.name


def test_the_text_layer_font_is_what_its_script_makes_from_the_fonts_here() -> None:
    """fonts/LeafletTextLayer.ttf covers every character the other fonts draw (else an Urdu line's
    text layer would show .notdef): made again by fonts/make_text_layer.py, byte for byte."""
    import importlib.util

    script = ROOT / "fonts" / "make_text_layer.py"
    spec = importlib.util.spec_from_file_location("make_text_layer", script)
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    assert (ROOT / "fonts" / "LeafletTextLayer.ttf").read_bytes() == maker.build(), \
        "a font here changed: run python fonts/make_text_layer.py"
    layer = TTFont("layer-check", str(ROOT / "fonts" / "LeafletTextLayer.ttf")).face.charToGlyph
    for path in (ROOT / "fonts").glob("*.ttf"):
        if path.name != "LeafletTextLayer.ttf":
            drawn = TTFont(f"check-{path.stem}", str(path)).face.charToGlyph
            assert {code for code in drawn if 0x20 <= code <= 0xFFFF} <= set(layer), path.name
