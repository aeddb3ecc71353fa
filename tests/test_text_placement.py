"""The "text placement" PDF check: every glyph's ink inside the text area, no two lines overprinting."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from leaflet.build import expectations_for
from leaflet.content.model import BrandColours
from leaflet.layout import geometry_for
from leaflet.layout.styles import palette_for, styles_for
from leaflet.layout.tagging import Structure, artifact
from leaflet.layout.textblock import TextBlock
from leaflet.pdf import CHECKS, check_pdf
from leaflet.pdf.placement import overprints, text_lines, text_placement_problems
from leaflet.text import register_family
from tests.pdfglyphs import page_glyphs

ENGLISH = ("The liver is the largest solid organ in the body. It cleans the blood, makes bile "
           "and stores energy for when you need it.")
ENGLISH_2 = "Secondary liver cancer is cancer that started somewhere else and spread to the liver."
URDU = "جگر جسم کا سب سے بڑا ٹھوس عضو ہے۔ یہ خون کو صاف کرتا ہے اور توانائی ذخیرہ کرتا ہے۔"
URDU_2 = "جگر کا ثانوی کینسر وہ کینسر ہے جو جسم کے کسی اور حصے میں شروع ہو کر جگر تک پہنچا ہو۔"
TRIM_OFFSET = 26.5  # where a print page's TrimBox starts in its MediaBox: bleed and crop marks
PALETTE = palette_for(BrandColours(primary="#00677F", accent="#7AB648", tint="#E8F3F5", text="#1B1B1B"))


def text_areas(size: str, halves: int = 1) -> tuple[tuple[float, float, float, float], ...]:
    """The trimmed page less its side margins and bottom margin, up to 5 mm under the top edge
    (where a small draft mark sits); one per page half of an imposed sheet (A4 landscape, the
    two pages in its middle)."""
    g = geometry_for(size)
    x = (297 * mm - 2 * g.width) / 2 if halves == 2 else 0.0
    return tuple((x + half * g.width + g.margin_side, g.margin_bottom, x + (half + 1) * g.width - g.margin_side,
                  g.height - 5 * mm) for half in range(halves))


def problems_in(path_or_data: Path | bytes, areas) -> list[str]:
    data = path_or_data.read_bytes() if isinstance(path_or_data, Path) else path_or_data
    return text_placement_problems(PdfReader(io.BytesIO(data)).pages, areas)


def draw_pdf(blocks: list[tuple[str, str, float, float]], size: str = "A5", trim_offset: float = 0.0,
             translate: bool = True, rules: tuple[float, ...] = ()) -> bytes:
    """One page with paragraphs set by the text engine: (text, language, x, top) each, the text
    area's width wide, at x and top in trimmed-page points. With a `trim_offset`, a print-style
    page: the MediaBox larger all round, the TrimBox inside it, and (if `translate`) the content
    moved by the offset as the print layout does. `rules`: the heights of rules drawn across the
    text area as a footer's is (0.8 pt, an artifact)."""
    g = geometry_for(size)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(g.width + 2 * trim_offset, g.height + 2 * trim_offset), invariant=1,
                    initialFontName=register_family("NotoSans").regular)
    if trim_offset:
        canvas.setTrimBox((trim_offset, trim_offset, trim_offset + g.width, trim_offset + g.height))
        if translate:
            canvas.translate(trim_offset, trim_offset)
    for text, language, x, top in blocks:
        block = TextBlock(text, styles_for(g, language, PALETTE).body)
        _, height = block.wrapOn(canvas, g.text_width, g.height)
        block.drawOn(canvas, x, top - height)
    canvas.structure = Structure()
    for y in rules:
        with artifact(canvas):
            canvas.setLineWidth(0.8)
            canvas.line(g.margin_side, y, g.width - g.margin_side, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def block_height(text: str, language: str, size: str = "A5") -> tuple[float, float]:
    """A paragraph's height at the text width, and the space the layout leaves after it."""
    style = styles_for(geometry_for(size), language, PALETTE).body
    block = TextBlock(text, style)
    _, height = block.wrapOn(None, geometry_for(size).text_width, 1000)
    return height, style.space_after


# --- the real leaflets ----------------------------------------------------------------------

def real_leaflets(built, built_urdu) -> dict[str, Path]:
    return {f"{language}_{size}": paths[size] for language, paths in (("en", built), ("ur", built_urdu))
            for size in ("A4", "A5")}


@pytest.mark.parametrize("name", ["en_A4", "en_A5", "ur_A4", "ur_A5"])
def test_no_two_lines_of_a_real_leaflet_overprint(built, built_urdu, name) -> None:
    """No glyph's ink (its outline) of one line meets the ink of another line at all: no tolerance
    is needed. (Their boxes do meet: a Nastaliq letter climbs into the box of a letter above.)"""
    path = real_leaflets(built, built_urdu)[name]
    assert problems_in(path, ()) == []
    fonts: dict = {}
    overlaps = [min(across, up) for number, page in enumerate(PdfReader(path).pages, 1)
                for *_, across, up in overprints(text_lines(page, number, fonts), tolerance=0.0)]
    assert overlaps == []


@pytest.mark.parametrize("name", ["en_A4", "en_A5", "ur_A4", "ur_A5"])
def test_every_glyph_of_a_real_leaflet_lies_in_its_text_area(built, built_urdu, name) -> None:
    """The trim less the side and bottom margins, up to 5 mm under the top edge.

    Urdu failed this while lines were aligned by their advance, not their ink: the stroke of
    a ک or گ beginning a line, and marks over it, reached past the right margin (64 lines,
    up to 10 pt, in A4).
    """
    path = real_leaflets(built, built_urdu)[name]
    assert problems_in(path, text_areas(name[-2:])) == []


def test_booklet_sheets_are_checked_against_both_halves(built) -> None:
    booklet = built["A5"].parent / built["A5"].name.replace("_A5", "_A5-booklet")
    assert problems_in(booklet, text_areas("A5", halves=2)) == []
    left_half_only = problems_in(booklet, text_areas("A5"))
    assert left_half_only, "text on the right half lies outside the left half's area"
    assert all("lies outside the text area" in problem for problem in left_half_only)


def test_ink_boxes_are_the_embedded_glyphs_own_extents(tmp_path) -> None:
    """Each box is the extent of the glyph the embedded subset draws for the code, where the PDF
    puts its origin (read with fontTools from the subset itself: its cmap, then its outline)."""
    path = tmp_path / "urdu.pdf"
    g = geometry_for("A5")
    path.write_bytes(draw_pdf([(URDU + " CT 70-80%", "ur", g.margin_side, 500)]))
    placed = page_glyphs(path)[0]
    page = PdfReader(path).pages[0]
    subsets = {}
    for name, font in page["/Resources"]["/Font"].items():
        program = TTFont(io.BytesIO(font.get_object()["/FontDescriptor"]["/FontFile2"].get_data()))
        subsets[str(name)] = (program, program["cmap"].getcmap(1, 0).cmap)
    boxes = [glyph[:4] for line in text_lines(page) for glyph in line.glyphs]
    expected = []
    for glyph in placed:
        program, cmap = subsets[glyph.font]
        outline = program["glyf"][cmap[glyph.code]]
        if getattr(outline, "numberOfContours", 0):
            scale = glyph.size / program["head"].unitsPerEm
            expected.append((glyph.x + outline.xMin * scale, glyph.y + outline.yMin * scale,
                             glyph.x + outline.xMax * scale, glyph.y + outline.yMax * scale))
    assert len(boxes) == len(expected) > 40
    assert [v for box in boxes for v in box] == pytest.approx([v for box in expected for v in box], abs=0.001)


# --- planted faults -------------------------------------------------------------------------

def test_a_line_past_the_right_margin_is_found() -> None:
    g = geometry_for("A5")
    right = g.width - g.margin_side
    assert problems_in(draw_pdf([(ENGLISH, "en", g.margin_side, 500)]), text_areas("A5")) == []
    problems = problems_in(draw_pdf([(ENGLISH, "en", g.margin_side + 60, 500)]), text_areas("A5"))
    assert problems, "a paragraph set 60 pt to the right reaches past the right margin"
    match = re.fullmatch(r"page 1: glyph of “(.+?)” at x=([\d.]+), y=([\d.]+) lies outside the text area, "
                         r"in “(.+)”", problems[0])
    assert match, problems[0]
    assert match[1] in ENGLISH and ENGLISH.startswith(match[4].rstrip("…"))
    assert right - 15 < float(match[2]) < right + 5  # the first glyph to cross the margin
    assert len(problems) <= 3


@pytest.mark.parametrize(("language", "text"), [("en", ENGLISH), ("ur", URDU)])
def test_ink_within_a_point_of_a_rule_is_found(language: str, text: str) -> None:
    """A footer's rule is a frame too: ink 0.5 pt from it is a problem, ink 1.5 pt clear is not."""
    g = geometry_for("A5")
    lines = text_lines(PdfReader(io.BytesIO(draw_pdf([(text, language, g.margin_side, 300)]))).pages[0])
    ink_bottom = min(line.box[1] for line in lines)
    near = problems_in(draw_pdf([(text, language, g.margin_side, 300)], rules=(ink_bottom - 0.9,)), ())
    assert len(near) == 1 and near[0].startswith("page 1: ink of “"), near
    assert re.search(r"comes 0\.[45] pt from the rule at y=[\d.]+; expected 1 pt clear$", near[0]), near
    clear = problems_in(draw_pdf([(text, language, g.margin_side, 300)], rules=(ink_bottom - 1.9,)), ())
    assert clear == []


def test_urdu_outside_the_area_is_named_by_its_line() -> None:
    """Nastaliq's glyphs have no text of their own (their ToUnicode is a left-to-right mark)."""
    g = geometry_for("A5")
    problems = problems_in(draw_pdf([(URDU, "ur", g.margin_side - 30, 500)]), text_areas("A5"))
    assert problems
    assert problems[0].startswith("page 1: glyph of “جگر جسم کا")
    assert "lies outside the text area" in problems[0]


@pytest.mark.parametrize(("language", "first", "second"), [("en", ENGLISH, ENGLISH_2), ("ur", URDU, URDU_2)],
                         ids=["en", "ur"])
def test_two_paragraphs_drawn_on_top_of_each_other_overprint(language, first, second) -> None:
    g = geometry_for("A5")
    data = draw_pdf([(first, language, g.margin_side, 500), (second, language, g.margin_side, 496)])
    problems = problems_in(data, ())  # no areas: only overprinting is looked for
    assert problems, "a paragraph 4 pt under another overprints it"
    match = re.fullmatch(r"page 1: two lines overprint near x=([\d.]+), y=([\d.]+): “(.+)” and “(.+)”", problems[0])
    assert match, problems[0]
    assert g.margin_side <= float(match[1]) <= g.width - g.margin_side
    assert 500 - block_height(first, language)[0] <= float(match[2]) <= 500
    texts = [text.rstrip("…") for text in (match[3], match[4])]
    assert any(first.startswith(t) for t in texts) and any(second.startswith(t) for t in texts)
    assert len(problems) <= 3


@pytest.mark.parametrize(("language", "first", "second"), [("en", ENGLISH, ENGLISH_2), ("ur", URDU, URDU_2)],
                         ids=["en", "ur"])
def test_two_paragraphs_spaced_as_the_layout_spaces_them_do_not(language, first, second) -> None:
    g = geometry_for("A5")
    height, gap = block_height(first, language)
    data = draw_pdf([(first, language, g.margin_side, 500), (second, language, g.margin_side, 500 - height - gap)])
    assert problems_in(data, ()) == []
    lines = text_lines(PdfReader(io.BytesIO(data)).pages[0])
    assert len(lines) >= 4, "each paragraph more than one line"


def test_a_print_page_is_measured_from_its_trim_box() -> None:
    """Areas are in trimmed-page points: the MediaBox's bleed and crop-mark room do not count."""
    g = geometry_for("A5")
    blocks = [(ENGLISH, "en", g.margin_side, 500), (ENGLISH_2, "en", g.margin_side, 300)]
    assert problems_in(draw_pdf(blocks), text_areas("A5")) == []
    assert problems_in(draw_pdf(blocks, trim_offset=TRIM_OFFSET), text_areas("A5")) == []
    page = PdfReader(io.BytesIO(draw_pdf(blocks, trim_offset=TRIM_OFFSET))).pages[0]
    assert float(page.trimbox.left) == TRIM_OFFSET
    plain = PdfReader(io.BytesIO(draw_pdf(blocks))).pages[0]
    assert [v for line in text_lines(page) for v in line.box] == pytest.approx(
        [v for line in text_lines(plain) for v in line.box])
    # content not moved onto the trim: the text sits 26.5 pt left of and below where it should
    problems = problems_in(draw_pdf(blocks, trim_offset=TRIM_OFFSET, translate=False), text_areas("A5"))
    assert problems and all("lies outside the text area" in problem for problem in problems)


# --- in check_pdf ---------------------------------------------------------------------------

def test_check_pdf_runs_text_placement_with_the_expected_areas(leaflet) -> None:
    assert "text placement" in CHECKS
    g = geometry_for("A5")
    overprinted = draw_pdf([(ENGLISH, "en", g.margin_side, 500), (ENGLISH_2, "en", g.margin_side, 497)])
    expected = expectations_for(leaflet, "en", "A5")
    found = [f for f in check_pdf(overprinted, "x.pdf", expected) if f.check == "text placement"]
    assert found and "two lines overprint" in found[0].found
    outside = draw_pdf([(ENGLISH, "en", g.margin_side + 60, 500)])
    with_areas = expected.__class__(**{**expected.__dict__, "text_areas": text_areas("A5")})
    found = [f.found for f in check_pdf(outside, "x.pdf", with_areas) if f.check == "text placement"]
    assert found and all("lies outside the text area" in text for text in found)
    without_areas = expected.__class__(**{**expected.__dict__, "text_areas": ()})
    assert [f for f in check_pdf(outside, "x.pdf", without_areas) if f.check == "text placement"] == []
