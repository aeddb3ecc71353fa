"""The text engine on its own: bidi order, fonts, shaping, line breaking, ink, extraction."""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import ImageChops, ImageFilter
from pypdf import PdfReader
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from leaflet.text import (
    MissingGlyphError,
    TextStyle,
    parse_inline,
    register_family,
    set_text,
    uncovered_characters,
)
from leaflet.text.bidi import is_right_to_left, latin_islands
from leaflet.text.extraction import pdfium_order
from tests.pdfglyphs import page_glyphs

URDU = TextStyle(language="ur", size=14, colour=black, leading=1.7, ascent=1.1, descent=0.5)
ENGLISH = TextStyle(language="en", size=12, colour=black)


def display_positions(text: str, style: TextStyle = URDU, width: float = 2000) -> dict[int, float]:
    """Left edge (em) of each character's first glyph on a single wide line."""
    setting = set_text(parse_inline(text), style, width)
    assert len(setting.lines) == 1
    positions: dict[int, float] = {}
    for glyph in setting.lines[0].glyphs:
        positions.setdefault(glyph.cluster, glyph.x)
    return positions


def x_of(text: str, part: str, positions: dict[int, float]) -> float:
    start = text.index(part)
    return min(positions[i] for i in range(start, start + len(part)) if i in positions)


def test_phone_number_reads_left_to_right_inside_urdu() -> None:
    text = "ہیلپ لائن 042 111 117 554 پر فون کریں۔"
    positions = display_positions(text)
    digits = [positions[i] for i in range(text.index("042"), text.index("554") + 3) if text[i].isdigit()]
    assert digits == sorted(digits), "digit groups must not be reversed"
    assert x_of(text, "پر", positions) < x_of(text, "042", positions) < x_of(text, "ہیلپ", positions)


@pytest.mark.parametrize("term", ["70-80%", "Ca19.9", "CT scan", "LFTs"])
def test_ltr_terms_keep_their_order_inside_urdu(term: str) -> None:
    text = f"یہ {term} ہے۔"
    positions = display_positions(text)
    start = text.index(term)
    xs = [positions[i] for i in range(start, start + len(term)) if i in positions and text[i] != " "]
    assert xs == sorted(xs)
    assert x_of(text, "ہے", positions) < xs[0] and xs[-1] < x_of(text, "یہ", positions)


def test_parentheses_mirror_and_enclose_in_right_to_left() -> None:
    text = "جگر (لوب) ہے"
    positions = display_positions(text)
    opening, closing = positions[text.index("(")], positions[text.index(")")]
    assert closing < x_of(text, "لوب", positions) < opening  # "(" is on the right in Urdu


def test_list_number_starts_the_right_to_left_line() -> None:
    text = "1۔ پہلا قدم"
    positions = display_positions(text)
    assert positions[0] > x_of(text, "پہلا", positions) > x_of(text, "قدم", positions)


def test_bold_inside_urdu_uses_nastaliq_bold_and_keeps_order() -> None:
    setting = set_text(parse_inline("یہ **اہم بات** ہے"), URDU, 2000)
    fonts = {glyph.font.name for glyph in setting.lines[0].glyphs}
    assert fonts == {"NotoNastaliqUrdu", "NotoNastaliqUrdu-bold"}
    positions = display_positions("یہ **اہم بات** ہے")
    text = "یہ اہم بات ہے"
    assert x_of(text, "ہے", positions) < x_of(text, "اہم", positions) < x_of(text, "یہ", positions)


def test_fallback_puts_each_character_in_a_font_that_has_it() -> None:
    setting = set_text(parse_inline("خون 70-80% اور CT"), URDU, 2000)
    by_char = {setting.text[g.cluster]: g.font.name for g in setting.lines[0].glyphs}
    assert by_char["خ"] == "NotoNastaliqUrdu"
    assert by_char["%"] == by_char["C"] == by_char["7"] == "NotoSans"


def test_a_character_no_font_has_is_named_with_its_code_point() -> None:
    assert uncovered_characters("جگر ✆ ہے", "ur") == ((4, "✆"),)
    with pytest.raises(MissingGlyphError, match=r"`✆` \(U\+2706\)"):
        set_text(parse_inline("جگر ✆ ہے"), URDU, 500)


def test_never_breaks_inside_an_island_that_fits_or_before_urdu_punctuation() -> None:
    text = "براہ کرم ہیلپ لائن 042 111 117 554 پر فون کریں، یا CT scan کے بارے میں پوچھیں؟ شکریہ ۔"
    alone = set_text(parse_inline("042 111 117 554"), URDU, 1000)
    phone = alone.natural_width + alone.inset * URDU.size  # the start edge stands in (see letter_overhang)
    for width in range(60, 400, 7):
        setting = set_text(parse_inline(text), URDU, width)
        lines = [setting.text[line.start:line.end].strip() for line in setting.lines]
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(line.width * URDU.size <= width + 0.01 for line in setting.lines)
        if width >= phone:
            assert any("042 111 117 554" in line for line in lines)
            assert any("CT scan" in line for line in lines)
        assert all(line[0] not in "۔،؟؛.,;:!?)]}%" for line in lines)


def test_lines_are_right_aligned_in_urdu_and_left_aligned_in_english() -> None:
    urdu = set_text(parse_inline("جگر جسم کا سب سے بڑا ٹھوس عضو ہے۔ " * 4), URDU, 300)
    # Flush right, standing in by as far as an Urdu letter's ink can reach past a line's start.
    edge = 300 - urdu.inset * URDU.size
    assert 0 < urdu.inset < 0.5
    assert all(abs(urdu.line_x(line) + line.width * URDU.size - edge) < 0.01 for line in urdu.lines)
    english = set_text(parse_inline("The liver is the largest solid organ. " * 4), ENGLISH, 300)
    assert all(english.line_x(line) == 0 for line in english.lines)


def new_canvas(buffer: io.BytesIO, size: tuple[float, float]) -> Canvas:
    """A canvas whose initial font is an embedded one (never ReportLab's Helvetica)."""
    return Canvas(buffer, pagesize=size, initialFontName=register_family("NotoSans").regular)


def draw_to_pdf(settings: list[tuple[object, float, float]]) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (600, 800))
    canvas.setViewerPreference("Direction", "R2L")
    for setting, x, top in settings:
        setting.draw(canvas, x, top)
    canvas.save()
    return buffer.getvalue()


def test_every_glyph_sits_where_harfbuzz_put_it(tmp_path: Path) -> None:
    setting = set_text(parse_inline("پاکستان کڈنی اینڈ لیور انسٹی ٹیوٹ میں ہسپتال چاہیئے 70-80%"), URDU, 500)
    path = tmp_path / "glyphs.pdf"
    path.write_bytes(draw_to_pdf([(setting, 50, 700)]))
    drawn = page_glyphs(path)[0]
    expected = [(50 + setting.line_x(line) + g.x * URDU.size, 700 - baseline + g.y * URDU.size)
                for line, baseline in zip(setting.lines, setting.baselines, strict=True) for g in line.glyphs]
    assert len(drawn) == len(expected)
    assert any(g.y for line in setting.lines for g in line.glyphs), "Nastaliq has glyphs off the baseline"
    for glyph, (x, y) in zip(drawn, expected, strict=True):
        assert abs(glyph.x - x) < 0.01 and abs(glyph.y - y) < 0.01


def test_no_glyph_zero_is_drawn(tmp_path: Path) -> None:
    setting = set_text(parse_inline("جگر کا **ثانوی** کینسر (CT) 042 111 117 554 ۔ ، ؟"), URDU, 300)
    assert all(g.glyph != 0 for line in setting.lines for g in line.glyphs)


def render_line_masks(setting) -> list:
    """Each line of a paragraph drawn alone at its place, rasterised at 4x, as ink masks."""
    masks = []
    for line, baseline in zip(setting.lines, setting.baselines, strict=True):
        buffer = io.BytesIO()
        canvas = new_canvas(buffer, (setting.width + 20, setting.height + 20))
        alone = replace(setting, lines=(line,))
        top = setting.height + 10 - baseline + alone.baselines[0]  # the line's own baseline, as in the paragraph
        alone.draw(canvas, 10, top)
        canvas.save()
        image = pdfium.PdfDocument(buffer.getvalue())[0].render(scale=4).to_pil().convert("L")
        ink = image.point(lambda value: 255 if value < 200 else 0)
        masks.append(ink.filter(ImageFilter.MaxFilter(3)))  # one pixel of breathing room
    return masks


def test_no_line_ink_touches_the_next_line(leaflet) -> None:
    urdu = leaflet.languages["ur"]
    paragraphs = [text for path, text in urdu.texts() if ".blocks[" in path][:40]
    checked = 0
    for text in paragraphs:
        setting = set_text(parse_inline(text), URDU.with_(size=13), 330)
        if len(setting.lines) < 2:
            continue
        masks = render_line_masks(setting)
        for upper, lower in itertools.pairwise(masks):
            assert ImageChops.logical_and(upper.convert("1"), lower.convert("1")).getbbox() is None, text[:40]
            checked += 1
    assert checked > 20


def test_pdfium_order_reverses_runs_of_right_to_left_lines_only() -> None:
    assert pdfium_order("جگر کا کینسر", True) == "کینسر کا جگر"
    # pdfium mirrors the "(" it reads right to left, but not the ")" it reads after Latin text
    assert pdfium_order("یہ (CT) ہے", True) == "ہے) CT )یہ"
    english = "The liver (a large organ) gets 70-80% of its blood"
    assert pdfium_order(english, False) == english


def test_copied_text_is_the_text_as_written(tmp_path: Path) -> None:
    texts = ["ہیلپ لائن 042 111 117 554 پر فون کریں۔", "یہ (CT scan) ہے اور 70-80% خون۔",
             "ٹیومر مارکرز CEA، Ca125 اور Ca19.9 ہیں۔", "1۔ **پہلا** قدم (Hb) ٹیسٹ؟"]
    settings = [(set_text(parse_inline(text), URDU, 450), 50, 760 - 60 * i) for i, text in enumerate(texts)]
    document = pdfium.PdfDocument(draw_to_pdf(settings))
    copied = " ".join(document[0].get_textpage().get_text_range().split())
    for text in texts:
        assert " ".join(text.replace("**", "").split()) in copied


URDU_WORDS = ["جگر", "کا", "ثانوی", "کینسر", "ٹیسٹ", "میں", "اور", "سے", "پہلے", "آپ", "کے", "ڈاکٹر", "۔", "،"]
TERMS = ["CT", "MRI scan", "Ca19.9", "PKLI", "KRAS", "EGFR", "IV", "SIRT", "(CT)", "(Hb)", "TACE،",
         "042 111 117 554", "70-80%", "(4)"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(URDU_WORDS + TERMS), min_size=3, max_size=24).filter(
           lambda tokens: any(token in URDU_WORDS[:-2] for token in tokens)),
       st.integers(min_value=140, max_value=460))
def test_urdu_with_latin_terms_copies_out_as_written_and_says_each_terms_language(tokens: list[str],
                                                                                width: int) -> None:
    """Whatever mix of Urdu words, Latin terms, numbers and brackets, at any width: pdfium copies
    the text out as written, and each Latin term is a span of its own marked English (/Lang)."""
    text = " ".join(tokens)
    setting = set_text(parse_inline(text), URDU, width)
    data = draw_to_pdf([(setting, 50, 760)])
    copied = " ".join(pdfium.PdfDocument(data)[0].get_textpage().get_text_range().split())
    assert " ".join(text.split()) in copied
    stream = PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data()
    english = [bytes.fromhex(hexed.decode()).decode("utf-16-be")
               for hexed in re.findall(rb"/Lang \(en\) /ActualText <FEFF([0-9A-F]+)>", stream)]
    lines = [text[line.start:line.end] for line in setting.lines]
    terms = [(number, line[start:end]) for number, line in enumerate(lines) for start, end in latin_islands(line)]
    # every term is in an English span of its line; a span holds terms only (with the marks between)
    spans = [(number, span) for number, line in enumerate(lines) for span in english if span in line]
    assert all(any(term in span for at, span in spans if at == number) for number, term in terms), (terms, english)
    assert all(any(term in span for _, term in terms) for span in english), (terms, english)
    assert not any(is_right_to_left(char) for span in english for char in span), english


def test_glyph_heights_in_the_pdf_are_harfbuzzs_own(tmp_path: Path) -> None:
    """Shape a line with uharfbuzz directly and compare every glyph's height in the PDF."""
    import uharfbuzz as hb

    from leaflet.text.fonts import FONT_DIR, family_metrics

    text = "پاکستان کڈنی اینڈ لیور انسٹی ٹیوٹ میں ہسپتال چاہیئے"
    setting = set_text(parse_inline(text), URDU, 2000)
    assert len(setting.lines) == 1
    path = tmp_path / "heights.pdf"
    path.write_bytes(draw_to_pdf([(setting, 50, 700)]))
    baseline = 700 - setting.baselines[0]
    drawn = [g.y - baseline for g in page_glyphs(path)[0]]

    font = hb.Font(hb.Face((FONT_DIR / "NotoNastaliqUrdu-Regular.ttf").read_bytes()))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction, buffer.script, buffer.language = "rtl", "Arab", "ur"
    hb.shape(font, buffer, {"kern": True, "liga": True})
    size = URDU.size * family_metrics("NotoNastaliqUrdu").size
    expected = [p.y_offset / font.face.upem * size for p in buffer.glyph_positions]
    assert len(drawn) == len(expected)
    assert sum(1 for y in expected if abs(y) > 0.5) > 10, "Nastaliq raises many glyphs"
    assert all(abs(a - b) < 0.01 for a, b in zip(drawn, expected, strict=True))
