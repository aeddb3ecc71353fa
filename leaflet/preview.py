"""Page images for translators: every page as PNG, and each section beside the same English section.

Sections are found by their bookmarks (each heading's place in the PDF), so the pairs stay
together however much longer one language runs: a sheet shows one section, the English at the
left and the translation at the right, each cut from its pages and stacked where it runs over
a page break.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader

from leaflet.content import load_leaflet
from leaflet.layout import render_leaflet
from leaflet.translation.status import SOURCE_LANGUAGE

PAGE_DPI = 100  # every page: sharp enough to read Nastaliq, small enough to page through
SHEET_DPI = 150  # the side-by-side sheets, for reading a translation closely
GUTTER = 24
PAGE_BREAK = 6  # pixels of grey where a section runs over onto the next page


@dataclass(frozen=True)
class _Slice:
    page: int  # index
    top: float  # points from the page's bottom
    bottom: float


def page_images(pdf: bytes, dpi: int = PAGE_DPI) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def section_slices(pdf: bytes) -> list[list[_Slice]]:
    """Each bookmarked section's place in the PDF: from its heading to the next one's, page by page."""
    reader = PdfReader(io.BytesIO(pdf))
    starts = [(reader.get_destination_page_number(entry), float(entry.top)) for entry in reader.outline
              if not isinstance(entry, list)]
    height = float(reader.pages[0].mediabox.height)
    sections = []
    for (page, top), (end_page, end_top) in zip(starts, [*starts[1:], (len(reader.pages) - 1, 0.0)], strict=True):
        slices = [_Slice(page, top, end_top if end_page == page else 0.0)]
        slices += [_Slice(number, height, end_top if number == end_page else 0.0)
                   for number in range(page + 1, end_page + 1)]
        sections.append([piece for piece in slices if piece.top - piece.bottom > 1])
    return sections


def section_sheet(english: Image.Image, translation: Image.Image) -> Image.Image:
    """The two cut-outs of one section side by side on a grey sheet, tops aligned."""
    width = max(english.width, translation.width)
    height = max(english.height, translation.height)
    sheet = Image.new("RGB", (2 * width + 3 * GUTTER, height + 2 * GUTTER), (120, 120, 120))
    sheet.paste(english, (GUTTER, GUTTER))
    sheet.paste(translation, (2 * GUTTER + width, GUTTER))
    return sheet


def _cut(pages: list[Image.Image], slices: list[_Slice], page_height: float) -> Image.Image:
    """A section's slices of its pages, one under the other."""
    scale = pages[0].height / page_height
    pieces = [pages[piece.page].crop((0, round((page_height - piece.top) * scale), pages[piece.page].width,
                                      round((page_height - piece.bottom) * scale))) for piece in slices]
    height = sum(piece.height for piece in pieces) + PAGE_BREAK * (len(pieces) - 1)
    column = Image.new("RGB", (pages[0].width, max(height, 1)), (120, 120, 120))
    y = 0
    for piece in pieces:
        column.paste(piece, (0, y))
        y += piece.height + PAGE_BREAK
    return column


def write_previews(content_dir: Path, languages: list[str] | None, sizes: list[str], out_dir: Path) -> list[Path]:
    """PNG of every page of each language and size, and a sheet per section against English."""
    wanted = list(dict.fromkeys([SOURCE_LANGUAGE, *(languages or [])])) if languages else None
    leaflet = load_leaflet(content_dir, wanted)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in sizes:
        pdfs = {language: render_leaflet(leaflet, language, size) for language in leaflet.languages}
        english_sheet_pages = page_images(pdfs[SOURCE_LANGUAGE], SHEET_DPI)
        english_sections = section_slices(pdfs[SOURCE_LANGUAGE])
        for language, pdf in pdfs.items():
            if languages and language not in languages:
                continue
            stem = f"{leaflet.facts.id}_{language}_{size}"
            for number, image in enumerate(page_images(pdf), 1):
                written.append(_save(image, out_dir / f"{stem}-{number:02d}.png", PAGE_DPI))
            if language == SOURCE_LANGUAGE:
                continue
            page_height = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
            pages = page_images(pdf, SHEET_DPI)
            # headed sections come in the same order in every language (check holds them to it)
            for number, (english, theirs) in enumerate(zip(english_sections, section_slices(pdf), strict=False), 1):
                sheet = section_sheet(_cut(english_sheet_pages, english, page_height), _cut(pages, theirs, page_height))
                written.append(_save(sheet, out_dir / f"{stem}-section-{number:02d}.png", SHEET_DPI))
    return written


def _save(image: Image.Image, path: Path, dpi: int) -> Path:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi), optimize=False)
    path.write_bytes(buffer.getvalue())
    return path
