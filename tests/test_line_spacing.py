"""Lines never overprint: consecutive lines of any Urdu or English text, at any width and
alignment, are set far enough apart that no glyph's ink (its outline, as the PDF check reads
it from the embedded font) meets the ink of the line above, wherever the two lines start (the
engine compares their ink in slices, and the slices of two lines need not line up)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from leaflet.content import load_leaflet
from leaflet.pdf.placement import overprints, text_lines
from leaflet.text import parse_inline, register_family, set_text
from leaflet.text.setting import TextStyle
from tests.conftest import CONTENT, LEAFLET_ID

WORDS = {language: sorted({word for _, text in load_leaflet(CONTENT / LEAFLET_ID).languages[language].texts()
                           for word in str(text).replace("**", "").split()})
         for language in ("ur", "en")}


def drawn(setting) -> list:
    """The setting drawn on a page and read back by the PDF check: its lines and glyphs."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(500, 2000), invariant=1, initialFontName=register_family("NotoSans").regular)
    setting.draw(canvas, 20, 1980)
    canvas.showPage()
    canvas.save()
    return text_lines(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])


@settings(deadline=None)
@given(language=st.sampled_from(["ur", "en"]), data=st.data(), width=st.floats(120, 420),
       align=st.sampled_from(["start", "center", "end"]))
def test_consecutive_lines_never_overprint(language, data, width, align) -> None:
    words = data.draw(st.lists(st.sampled_from(WORDS[language]), min_size=8, max_size=40))
    style = TextStyle(language=language, size=13, colour=black, align=align)
    setting = set_text(parse_inline(" ".join(words)), style, width)
    lines = drawn(setting)
    assert len(lines) == len(setting.lines)
    meeting = [(first.text, second.text, across, up) for first, second, _, _, across, up
               in overprints(lines, tolerance=0.0)]
    assert meeting == [], setting.text
