"""Text copied out of the leaflets by readers that ignore ActualText (pdf.js, pdfminer.six):
they see only each font's ToUnicode, glyph by glyph, in the order the glyphs are drawn."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from leaflet.content.model import Paragraph
from leaflet.pdf.placement import to_unicode
from tests.pdfglyphs import page_glyphs

SIZES = ("A4", "A5")


def _folded(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def _mapped_texts(path: Path) -> set[str]:
    texts: set[str] = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            texts |= set(to_unicode(font.get_object()).values())
    return texts


@pytest.mark.parametrize("size", SIZES)
def test_english_reads_from_to_unicode_alone(built, leaflet, size) -> None:
    """Every paragraph but those a page break cuts comes out verbatim: ligatures as their letters,
    the space after each word on its last letter."""
    text = _folded(" ".join("".join(glyph.char for glyph in page) for page in page_glyphs(built[size])))
    paragraphs = [_folded(block.text) for section in leaflet.languages["en"].sections
                  for block in section.blocks if isinstance(block, Paragraph)]
    found = sum(paragraph in text for paragraph in paragraphs)
    assert found >= 0.95 * len(paragraphs), f"{found} of {len(paragraphs)} paragraphs verbatim"


@pytest.mark.parametrize("size", SIZES)
def test_no_english_glyph_copies_out_as_a_presentation_form_or_private_code(built, size) -> None:
    texts = _mapped_texts(built[size])
    odd = {text for text in texts for char in text
           if 0xFB00 <= ord(char) <= 0xFB4F or unicodedata.category(char) == "Co"}
    assert not odd
    assert {"fi", "ff", "fl"} & texts, "the leaflet's ligatures map to their letters"
