"""Lines never overprint: consecutive lines of any Urdu or English text, at any width, are set
far enough apart that no glyph's ink box meets one of the line above by more than the PDF
check's tolerance, wherever the two lines start (the engine compares their ink in slices, and
the slices of two lines need not line up)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.colors import black

from leaflet.content import load_leaflet
from leaflet.pdf.placement import OVERPRINT_TOLERANCE
from leaflet.text import parse_inline, set_text
from leaflet.text.setting import SetText, TextStyle
from tests.conftest import CONTENT, LEAFLET_ID

WORDS = {language: sorted({word for _, text in load_leaflet(CONTENT / LEAFLET_ID).languages[language].texts()
                           for word in str(text).replace("**", "").split()})
         for language in ("ur", "en")}


def glyph_boxes(setting: SetText, index: int, baseline: float) -> list[tuple[float, float, float, float]]:
    """Each glyph's ink box of line `index`, in points, y up from the text's top minus `baseline`."""
    line, size = setting.lines[index], setting.style.size
    left_edge = setting.line_x(line)
    boxes = []
    for glyph in line.glyphs:
        box = glyph.font.ink(glyph.glyph)
        if box is not None:
            scale = glyph.font.size * size
            x, y = left_edge + glyph.x * size, -baseline + glyph.y * size
            boxes.append((x + box[0] * scale, y + box[3] * scale, x + box[1] * scale, y + box[2] * scale))
    return boxes


def worst_overlap(above, below) -> float:
    worst = 0.0
    for a in above:
        for b in below:
            across = min(a[2], b[2]) - max(a[0], b[0])
            up = min(a[3], b[3]) - max(a[1], b[1])
            if across > 0 and up > 0:
                worst = max(worst, min(across, up))
    return worst


@given(language=st.sampled_from(["ur", "en"]), data=st.data(), width=st.floats(120, 420),
       align=st.sampled_from(["start", "center", "end"]))
def test_consecutive_lines_never_overprint(language, data, width, align) -> None:
    words = data.draw(st.lists(st.sampled_from(WORDS[language]), min_size=8, max_size=40))
    style = TextStyle(language=language, size=13, colour=black, align=align)
    setting = set_text(parse_inline(" ".join(words)), style, width)
    baselines = setting.baselines
    for index in range(len(setting.lines) - 1):
        overlap = worst_overlap(glyph_boxes(setting, index, baselines[index]),
                                glyph_boxes(setting, index + 1, baselines[index + 1]))
        assert overlap <= OVERPRINT_TOLERANCE, (index, overlap, setting.text)
