"""The real Urdu leaflets: checks pass, text copies out as written, the page is mirrored."""

from __future__ import annotations

import dataclasses
import re

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from leaflet.build import expectations_for
from leaflet.content.model import BulletList, Callout, Paragraph
from leaflet.layout import geometry_for, render_leaflet
from leaflet.pdf import check_pdf_file, extract_text, retag_subsets
from leaflet.pdf.placement import to_unicode
from leaflet.text import parse_inline
from leaflet.text.bidi import latin_islands
from leaflet.text.locale import long_date
from tests.conftest import run_cli
from tests.pdfglyphs import page_glyphs
from tests.pdftext import page_lines, page_texts

SIZES = ("A4", "A5")


def plain(text: str) -> str:
    return " ".join("".join(run.text for run in parse_inline(text)).split())


@pytest.mark.parametrize("size", SIZES)
def test_urdu_pdfs_pass_the_pdf_checks(built_urdu, leaflet, size) -> None:
    assert check_pdf_file(built_urdu[size], expectations_for(leaflet, "ur", size)) == []
    reader = PdfReader(built_urdu[size])
    assert reader.trailer["/Root"]["/Lang"] == "ur-PK"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/Direction"] == "/R2L"
    with pikepdf.open(built_urdu[size]) as pdf:
        assert pdf.check_pdf_syntax() == []
        fonts = {str(f.BaseFont).split("+")[-1] for page in pdf.pages for f in page.Resources.Font.values()}
    assert {"NotoNastaliqUrdu-Regular", "NotoNastaliqUrdu-Bold", "NotoSans-Regular"} <= fonts


@pytest.mark.parametrize("size", SIZES)
def test_every_urdu_text_copies_out_as_written(built_urdu, leaflet, size) -> None:
    """pdfium's text of the pages holds every paragraph, heading and item, in order."""
    urdu = leaflet.languages["ur"]
    control = leaflet.facts.document_control
    furniture = re.compile("|".join([
        re.escape(f"{control.code} · {urdu.document_control.version} {control.version} · "
                  f"{long_date(control.published, 'ur_PK', urdu.labels.date_format)}"),
        r"صفحہ \d+ از \d+",
        re.escape(plain(urdu.translation.mark)),
        re.escape(f"{urdu.title} ({urdu.subtitle})"),
        rf"(?<![\w-]){leaflet.facts.brand.wordmark}(?![\w-])",
    ]))
    pages = [" ".join(furniture.sub(" ", text).split()) for text in page_texts(built_urdu[size])]
    document = " ".join(pages)
    position = 0
    texts = [text for path, text in urdu.texts() if path.startswith("sections")]
    assert len(texts) > 100
    for text in texts:
        found = document.find(plain(text), position)
        assert found >= 0, f"not copied out as written, in order: {text!r}"
        position = found


@pytest.mark.parametrize("size", SIZES)
def test_helpline_digits_run_left_to_right_in_written_order(built_urdu, size) -> None:
    big = geometry_for(size).scale.helpline_number
    for glyphs in page_glyphs(built_urdu[size]):
        digits = [g for g in glyphs if g.char.isdigit() and abs(g.size - big * 1.0) < 0.01]
        if digits:
            break
    else:
        pytest.fail("the helpline number was not found in its large size")
    xs = [g.x for g in digits]
    assert xs == sorted(xs), "drawn left to right"
    assert "".join(g.char for g in sorted(digits, key=lambda g: g.x)) == "042111117554"


def x_of_word(path, page: int, word: str) -> float:
    """Where pdfium places a word of a page's text (left edge of its first character)."""
    document = pdfium.PdfDocument(path.read_bytes())
    textpage = document[page].get_textpage()
    index = textpage.get_text_range().index(word)
    return textpage.get_charbox(index)[0]


def bullet_dots(path) -> list[float]:
    """The middle x of each bullet: a small round shape the size of the bullet glyph it replaces."""
    dots = []
    for page in pdfium.PdfDocument(path.read_bytes()):
        for item in page.get_objects():
            if item.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                left, bottom, right, top = item.get_bounds()
                if 3.1 < right - left < 5 and 3.1 < top - bottom < 5:  # not the 2.8 pt ends of leader lines
                    dots.append((left + right) / 2)
    return dots


@pytest.mark.parametrize("size", SIZES)
def test_the_page_is_mirrored_for_urdu(built_urdu, built, leaflet, size) -> None:
    middle = geometry_for(size).width / 2
    for path, rtl, page_word in ((built_urdu[size], True, "صفحہ"), (built[size], False, "Page")):
        bullets = bullet_dots(path)
        items = sum(len(block.items) for section in leaflet.languages["ur" if rtl else "en"].sections
                    for block in section.blocks if isinstance(block, BulletList))
        assert len(bullets) == items  # every item's bullet, drawn as a dot
        assert all((x > middle) == rtl for x in bullets), "bullets hang on the reading-start side"
        # page 3: an odd page (on even pages the two swap sides, to keep the number on a
        # booklet's outer edge; tests/test_print_outputs.py holds that)
        assert (x_of_word(path, 2, page_word) < middle) == rtl, "the page number sits at the reading end"
        # Where the code stands: in an Urdu footer the drawn glyphs say nothing; pdfium spreads the
        # code's characters over the box of its span, a Latin term of its own, where it is drawn.
        assert (x_of_word(path, 2, leaflet.facts.document_control.code) > middle) == rtl, \
            "the leaflet code sits at the reading start"


@pytest.mark.parametrize("size", SIZES)
def test_no_glyph_is_notdef(built_urdu, size) -> None:
    glyphs = [g for page in page_glyphs(built_urdu[size]) for g in page]
    assert len(glyphs) > 5000
    assert not [g for g in glyphs if g.code == 0]


def test_the_translation_follows_urdu_conventions(leaflet) -> None:
    english, urdu = leaflet.languages["en"], leaflet.languages["ur"]
    texts = [text for _, text in urdu.texts()]
    joined = " ".join(texts)
    assert not set("يكه") & set(joined), "Urdu letters ی ک ہ, not the Arabic look-alikes"
    assert not set("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹") & set(joined), "Western digits in the text"
    for term in ("CT", "MRI", "PET", "LFTs", "CEA", "Ca125", "Ca19.9", "KRAS", "EGFR", "SIRT", "IMRT"):
        assert term in joined, f"{term} stays in Latin letters"
    paragraphs = [b.text for s in urdu.sections for b in s.blocks if isinstance(b, Paragraph | Callout)]
    assert all(t.rstrip("*").endswith(("۔", "؟", ":", ")")) for t in paragraphs), "sentences end with ۔"
    assert "." not in "".join(t[-1] for t in paragraphs)
    english_paths = [path for path, _ in english.texts()]
    assert [path for path, _ in urdu.texts() if not path.startswith("translation")] == english_paths


def test_draft_mark_on_every_page_until_reviewed(built_urdu, leaflet) -> None:
    mark = plain(leaflet.languages["ur"].translation.mark)
    assert all(mark in text for text in page_texts(built_urdu["A5"]))
    reviewed = dataclasses.replace(leaflet.languages["ur"], translation=dataclasses.replace(
        leaflet.languages["ur"].translation, status="reviewed"))
    edited = dataclasses.replace(leaflet, languages={**leaflet.languages, "ur": reviewed})
    texts = extract_text(render_leaflet(edited, "ur", "A5"))
    assert not any(mark in text for text in texts[:-1])
    assert mark in texts[-1], "the document-control block still records the translation"


def test_a_character_no_font_has_stops_the_build_with_its_place(content_copy, tmp_path) -> None:
    urdu = content_copy / "liver-metastases" / "ur.yaml"
    text = urdu.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("title:"))
    urdu.write_text(text.replace("title: ", "title: ✆ ", 1), encoding="utf-8")
    result = run_cli("build", "--content", str(content_copy), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"ur.yaml:{line}:8: title: no configured font has `✆` (U+2706)" in result.stderr
    assert not (tmp_path / "out").exists()


def test_urdu_builds_are_byte_identical(built_urdu, leaflet) -> None:
    assert retag_subsets(render_leaflet(leaflet, "ur", "A5")) == built_urdu["A5"].read_bytes()



def test_dates_and_numbers_follow_the_locale(built_urdu, built) -> None:
    """Urdu month names from the same dates, written as ur.yaml's date_format asks: «25 نومبر 2026ء»;
    pdfium reads the footer's date whole, apart from the page number beside it."""
    urdu = " ".join(page_texts(built_urdu["A4"]))
    english = " ".join(page_texts(built["A4"]))
    assert "25 نومبر 2026ء" in urdu and "25 نومبر 2029ء" in urdu
    lines = [line.text for line in page_lines(built_urdu["A4"])[2]]
    assert any(re.search(r"25 نومبر 2026ء\s+صفحہ 3 از \d+", line) for line in lines), lines
    assert "25 November 2026" in english and "25 November 2029" in english
    assert re.search(r"صفحہ 1 از \d+", urdu) and re.search(r"Page 1 of \d+", english)


def test_the_urdu_leads_with_plain_words(leaflet) -> None:
    """The leaflet's Urdu name first; the doctors' term once; plain words before English ones
    written in Urdu letters (issue 12's principles for the translation)."""
    urdu = leaflet.languages["ur"]
    assert str(urdu.title) == "جگر کا ثانوی کینسر"
    texts = " ".join(str(text) for path, text in urdu.texts() if path.startswith("sections"))
    assert texts.count("لیور میٹاسٹیسس") <= 3
    for plain_words in ("پِت (صفرا)", "تابکار شکر", "دوربین سے آپریشن (لیپروسکوپی)",
                        "آرام پہنچانے والی دیکھ بھال (پیلی ایٹو کیئر)", "جگر کے ٹیسٹ (LFTs)", "ٹانگوں میں سوجن"):
        assert plain_words in texts, plain_words
    for spelled_out in ("پوزیٹرون", "میگنیٹک ریزوننس", "ریفر", "بائل ڈکٹ"):
        assert spelled_out not in texts, spelled_out


def test_urdu_glyphs_say_nothing_and_the_text_layer_says_the_line(built_urdu) -> None:
    """The drawn Nastaliq glyphs map to a left-to-right mark only (the anchor that starts a span
    of a line, a space of the layer font, says " "); each Urdu line's characters are shown
    invisibly (render mode 3) in the glyphless layer font, one glyph each: the text of its
    ActualText spans, every character once (in the order pdf.js reads back as written:
    test_copy_out_blocks.py). A Latin term is a span of its own, in English."""
    reader = PdfReader(built_urdu["A4"])
    layered = terms = 0
    for page in reader.pages:
        fonts = {str(name): font.get_object() for name, font in page["/Resources"]["/Font"].items()}
        unicode = {name: to_unicode(font) for name, font in fonts.items()}
        parts: list[tuple[str, str | None]] = []  # each outer span's text and language, in display order
        shown = font_name = None
        depth = 0
        drawn: set[str] = set()  # what the drawn glyphs of the line say
        invisible = False
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"BT":
                parts, shown, drawn, depth = [], "", set(), 0
            elif operator == b"BDC":
                depth += 1
                if depth == 1 and "/ActualText" in operands[1]:
                    language = operands[1].get("/Lang")
                    parts.append((str(operands[1]["/ActualText"]), None if language is None else str(language)))
            elif operator == b"EMC":
                depth -= 1
            elif operator == b"Tf":
                font_name = str(operands[0])
            elif operator == b"Tr":
                invisible = int(operands[0]) == 3
            elif operator == b"Tj" and invisible:
                assert "LeafletTextLayer" in str(fonts[font_name]["/BaseFont"])
                shown += "".join(unicode[font_name][code] for code in operands[0].original_bytes)
            elif operator == b"TJ":
                drawn |= {unicode[font_name][code] for item in operands[0] if hasattr(item, "original_bytes")
                          for code in item.original_bytes}
            elif operator == b"ET" and shown and (parts or shown != "\u200e"):  # not the page's primer
                written = "".join(text for text, _ in reversed(parts))  # parts of a right-to-left line
                assert sorted(shown.replace(" ", "")) == sorted(written.replace(" ", "")), (written, shown)
                assert drawn <= {"\u200e", " "} and "\u200e" in drawn, (written, drawn)
                assert [text for text, language in parts if language == "en"] == [
                    written[start:end] for start, end in latin_islands(written)][::-1], parts
                assert all(language in (None, "en") for _, language in parts), parts
                terms += sum(language == "en" for _, language in parts)
                layered += 1
    assert terms > 20, "the Latin terms of the leaflet (CT, MRI, PKLI, ...)"
    assert layered > 300, "every Urdu line of the leaflet"
