"""The order pack's own PDFs: proof sheets of the print files, and the order's one-page summary."""

from __future__ import annotations

import io
import math

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader, PdfWriter

from leaflet.pdf import extract_text
from leaflet.pdf.checks import fonts_used
from leaflet.pdf.order_summary import LeftOut, OrderLine, order_summary
from leaflet.pdf.proof import proof_sheet
from tests.conftest import ROOT, run_cli

CAPTION = "clinic-steps_ur_A4_print.pdf · version 1.0 · 25 November 2026"


@pytest.fixture(scope="module")
def print_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The steps leaflet's Urdu print files, built by the command line: A4 (3 pages), A5 (4), and the
    imposed A5 booklet (2 sheet sides); "long" is the three put together (9 pages, two sizes)."""
    out = tmp_path_factory.mktemp("order-print")
    result = run_cli("build", "--print", "--content", str(ROOT / "tests" / "fixtures" / "steps"), "--lang", "ur",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    files = {name: (out / f"clinic-steps_ur_{name}_print.pdf").read_bytes() for name in ("A4", "A5", "A5-booklet")}
    files["long"] = _joined(files["A4"], files["A5"], files["A4"])
    return files


def _joined(*pdfs: bytes) -> bytes:
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _trims(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's trim: (width, height) in points."""
    return [(float(page.trimbox.width), float(page.trimbox.height)) for page in PdfReader(io.BytesIO(pdf)).pages]


def _images(pdf: bytes) -> list[list[tuple[tuple[int, int], tuple[float, float, float, float]]]]:
    """Each page's images: (pixel width and height, bounds on the page)."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [[(image.get_px_size(), image.get_bounds())
                 for image in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,))] for page in document]
    finally:
        document.close()


# The files as named in print_files, with how many thumbnails a sheet holds and what each is called.
PROOFS = [("A4", 8, "Page"), ("A5-booklet", 4, "Side"), ("long", 8, "Page")]


@pytest.mark.parametrize(("name", "per_sheet", "label"), PROOFS)
def test_proof_sheets_show_every_page_in_order_under_the_caption(print_files, name, per_sheet, label) -> None:
    pdf = print_files[name]
    pages = len(_trims(pdf))
    texts = extract_text(proof_sheet(pdf, CAPTION))
    assert len(texts) == math.ceil(pages / per_sheet)
    for number, text in enumerate(texts, start=1):
        assert CAPTION in text
        assert f"Proof sheet {number} of {len(texts)}: low resolution" in text
        on_sheet = range((number - 1) * per_sheet + 1, min(number * per_sheet, pages) + 1)
        labels = " ".join(f"{label} {page}" for page in on_sheet)
        assert text.endswith(labels), text  # in order, and no other


@pytest.mark.parametrize(("name", "per_sheet", "label"), PROOFS)
def test_each_thumbnail_is_one_image_cut_to_its_pages_trim(print_files, name, per_sheet, label) -> None:
    pdf = print_files[name]
    trims = _trims(pdf)
    sheets = _images(proof_sheet(pdf, CAPTION))
    assert [len(images) for images in sheets] == [
        min(per_sheet, len(trims) - start) for start in range(0, len(trims), per_sheet)]
    for (width, height), ((pixels_x, pixels_y), (left, bottom, right, top)) in zip(
            trims, [image for images in sheets for image in images], strict=True):
        assert pixels_x == pytest.approx(width / 72 * 40, abs=1)  # about 40 dpi, no bleed or marks
        assert pixels_y == pytest.approx(height / 72 * 40, abs=1)
        assert (right - left) / (top - bottom) == pytest.approx(width / height, rel=0.005)


def test_proof_sheet_is_the_same_bytes_every_time_and_small(print_files) -> None:
    first = proof_sheet(print_files["long"], CAPTION)
    assert proof_sheet(print_files["long"], CAPTION) == first
    assert len(first) < 40_000 * len(_trims(print_files["long"]))  # JPEG thumbnails, not page-sized pixels


def test_a_caption_too_long_for_the_sheet_is_set_smaller_not_cut(print_files) -> None:
    caption = "a-very-long-leaflet-identifier-indeed_ur_A5-booklet_print.pdf · " * 3
    assert " ".join(caption.split()) in extract_text(proof_sheet(print_files["A5-booklet"], caption))[0]


LINES = [
    OrderLine("clinic-steps", "A Day at the Clinic", "English", "A4 leaflet", "clinic-steps_en_A4_print.pdf",
              2, 1, 1_250, "Silk 130 gsm", "print log: 212 prints in 6 months"),
    OrderLine("clinic-steps", "A Day at the Clinic", "Urdu", "A5 booklet", "clinic-steps_ur_A5-booklet_print.pdf",
              4, 1, 300, "Silk 130 gsm", "default (hospital.yaml)"),
    OrderLine("liver-metastases", "Liver Metastases", "English", "Large print A4",
              "liver-metastases_en_A4-large_print.pdf", 24, 12, 45, "Uncoated 120 gsm", "default (hospital.yaml)"),
]
LEFT_OUT = [LeftOut("liver-metastases", "Urdu", "draft translation: not medically reviewed"),
            LeftOut("clinic-steps", "Punjabi", "no print file: the build failed its checks")]
ORDER = {"hospital": "Pakistan Kidney & Liver Institute & Research Centre", "date": "25 November 2026",
         "colour": "process CMYK, both sides", "binding": "one staple, top left"}


def test_order_summary_is_one_page_saying_what_to_print_and_what_was_left_out() -> None:
    texts = extract_text(order_summary(LINES, LEFT_OUT, **ORDER))
    assert len(texts) == 1
    text = texts[0]
    assert text.startswith(f"Print order {ORDER['hospital']} · 25 November 2026")
    for line in LINES:
        for value in (line.title, line.leaflet, line.language, line.product, line.file, f"{line.quantity:,}",
                      f"{line.sheets_per_copy * line.quantity:,}", line.paper, line.quantity_from):
            assert value in text
    # 1,250 + 300 + 45 copies; 1,250 + 300 + 540 sheets
    assert "Total: 3 print files 1,595 2,090" in text
    assert "Colour: process CMYK, both sides; binding of multi-page A4: one staple, top left" in text
    for item in LEFT_OUT:
        assert f"{item.leaflet} {item.language} {item.reason}" in text
    assert "Nothing was left out." in extract_text(order_summary(LINES, [], **ORDER))[0]


def test_order_summary_numbers_are_right_aligned() -> None:
    document = pdfium.PdfDocument(order_summary(LINES, LEFT_OUT, **ORDER))
    try:
        textpage = document[0].get_textpage()
        rights = set()
        for quantity in ("1,250", "300", "45", "1,595"):
            searcher = textpage.search(quantity, match_whole_word=True)
            index, count = searcher.get_next()
            rights.add(round(textpage.get_charbox(index + count - 1)[2]))
    finally:
        document.close()
    assert len(rights) == 1, rights


def test_a_long_order_runs_on_with_its_headings_and_ends_with_the_totals() -> None:
    lines = [LINES[index % 3] for index in range(40)]
    texts = extract_text(order_summary(lines, LEFT_OUT, **ORDER))
    assert len(texts) > 1
    assert all("Leaflet Language Product File Pages Sheets per copy Quantity" in text for text in texts)
    assert all(f"Page {number} of {len(texts)}" in text for number, text in enumerate(texts, start=1))
    assert "Total: 40 print files" in texts[-1]


def test_order_summary_is_the_same_bytes_every_time() -> None:
    assert order_summary(LINES, LEFT_OUT, **ORDER) == order_summary(LINES, LEFT_OUT, **ORDER)


def test_both_set_their_text_in_embedded_noto_sans_only(print_files) -> None:
    for pdf in (proof_sheet(print_files["A4"], CAPTION), order_summary(LINES, LEFT_OUT, **ORDER)):
        fonts = fonts_used(PdfReader(io.BytesIO(pdf)).pages)
        assert {str(font["/BaseFont"]).split("+")[-1] for font in fonts} == {"NotoSans-Regular", "NotoSans-Bold"}
        assert all("/FontFile2" in font["/FontDescriptor"] for font in fonts)

