"""Text copied out of the leaflets by the five readers their users have (issue 16).

A reader not installed is skipped, unless LEAFLET_REQUIRE_READERS is set (.ci/run sets it).
"""

from __future__ import annotations

import os

import pytest

from leaflet.content.model import Paragraph
from tests.readers import READERS, folded, verbatim_share

SIZES = ("A4", "A5")


def _text(reader: str, path) -> str:
    text = READERS[reader](path)
    if text is None:
        if os.environ.get("LEAFLET_REQUIRE_READERS"):
            pytest.fail(f"{reader} is not installed (see tests/readers.py)")
        pytest.skip(f"{reader} is not installed (see tests/readers.py)")
    return text


def _paragraphs(leaflet, language: str) -> list[str]:
    return [block.text for section in leaflet.languages[language].sections for block in section.blocks
            if isinstance(block, Paragraph)]


def _copies_out(text: str, leaflet, language: str, share: float) -> None:
    """At least `share` of the language's paragraphs verbatim, and the helpline in written order."""
    assert verbatim_share(text, _paragraphs(leaflet, language)) >= share
    helpline = next(c.phone for c in leaflet.facts.shown_contacts() if c.emphasis == "helpline")
    assert helpline in folded(text)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("reader", READERS)
def test_english_copies_out_verbatim_in_every_reader(built, leaflet, reader, size) -> None:
    """Every paragraph but those a page break cuts (the running head and footer come between)."""
    _copies_out(_text(reader, built[size]), leaflet, "en", 0.95)


@pytest.mark.parametrize("size", SIZES)
def test_urdu_copies_out_verbatim_in_pdfium(built_urdu, leaflet, size) -> None:
    # at least as many as before issue 16 (A5 breaks more paragraphs over pages: the footer comes between)
    _copies_out(_text("pdfium", built_urdu[size]), leaflet, "ur", 0.98 if size == "A4" else 0.92)


@pytest.mark.parametrize("size", SIZES)
def test_urdu_copies_out_verbatim_in_pdfjs_from_the_text_layer(built_urdu, leaflet, size) -> None:
    """pdf.js reads no ActualText: the text layer gives it the lines (leaflet/text/layer.py)."""
    _copies_out(_text("pdf.js", built_urdu[size]), leaflet, "ur", 0.95 if size == "A4" else 0.9)


@pytest.mark.xfail(strict=True, reason="issue 16: Urdu copies out in written order in pdfium and pdf.js only")
@pytest.mark.parametrize("reader", ["poppler", "MuPDF", "pdfminer"])
def test_urdu_copies_out_verbatim_in_the_other_readers(built_urdu, leaflet, reader) -> None:
    _copies_out(_text(reader, built_urdu["A4"]), leaflet, "ur", 0.9)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("reader", READERS)
def test_every_phone_number_copies_out_in_written_order_in_every_reader(built, built_urdu, leaflet, reader,
                                                                        size) -> None:
    """Each number of the contact card, in both languages: in Urdu a number shown alone on its
    line is read from the span as written (poppler reads no span but a /Span)."""
    phones = [contact.phone for contact in leaflet.facts.shown_contacts() if contact.phone]
    assert len(phones) > 3
    for path in (built[size], built_urdu[size]):
        text = folded(_text(reader, path))
        assert [phone for phone in phones if phone not in text] == [], path.name
