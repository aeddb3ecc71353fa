"""The proof sheet of a print file: every page as a small picture, in order, for the print shop to
check page order and content against (not colour: pages are rendered to screen RGB).

Each page is rendered at low resolution, cut to its TrimBox (what the reader will hold, without the
bleed and crop marks) and laid out in a grid on A4 landscape sheets.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from leaflet.pdf.subsets import retag_subsets
from leaflet.text import register_family

SHEET = landscape(A4)
_MARGIN = 28.0
_HEADER = 40.0  # the caption and the notice, above the grid
_LABEL = 16.0  # under each thumbnail: "Page N"
_GUTTER = 14.0  # least space between thumbnails side by side
_DPI = 40  # enough to tell pages apart and see the layout; small enough to e-mail
_JPEG_QUALITY = 70  # a thumbnail is not a colour proof; JPEG keeps 18 pages well under 1 MB
# Columns and rows: portrait pages eight to a sheet; a booklet's landscape sides four, so that each
# of their two pages comes out about as large as a portrait page does.
_PORTRAIT_GRID = (4, 2)
_LANDSCAPE_GRID = (2, 2)
_BORDER_GREY = 0.6
_TEXT_GREY = 0.35


@dataclass(frozen=True)
class _Thumbnail:
    """One page, rendered and cut to its trim."""

    image: Image.Image
    trim_width: float  # points
    trim_height: float

    @property
    def landscape(self) -> bool:
        return self.trim_width > self.trim_height


def proof_sheet(pdf: bytes, caption: str) -> bytes:
    """A4 landscape sheets showing every page of `pdf` in order, each labelled and bordered at its trim.

    `caption` names what the sheets show (file, version, date); it heads every sheet. The same
    input gives the same bytes.
    """
    thumbnails = _thumbnails(pdf)
    columns, rows = _LANDSCAPE_GRID if thumbnails[0].landscape else _PORTRAIT_GRID
    per_sheet = columns * rows
    sheets = math.ceil(len(thumbnails) / per_sheet)
    fonts = register_family("NotoSans")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=SHEET, lang="en-GB", initialFontName=fonts.regular,
                    invariant=1)  # no clock, no random document id: the same input, the same bytes
    canvas.setTitle(f"Proof sheet: {caption}")
    for sheet in range(sheets):
        _header(canvas, caption, f"Proof sheet {sheet + 1} of {sheets}: low resolution, for checking page order "
                                 "and content; not a colour proof", fonts.bold, fonts.regular)
        first = sheet * per_sheet
        for index, thumbnail in enumerate(thumbnails[first:first + per_sheet]):
            _place(canvas, thumbnail, first + index + 1, _cell(index, columns, rows), fonts.regular)
        canvas.showPage()
    canvas.save()
    return retag_subsets(buffer.getvalue())  # as every PDF of ours, in case sheets are put together


def _thumbnails(pdf: bytes) -> list[_Thumbnail]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [_render(page) for page in document]
    finally:
        document.close()


def _render(page: pdfium.PdfPage) -> _Thumbnail:
    """The page at _DPI, cut to its TrimBox (its CropBox where it has none)."""
    left, bottom, right, top = page.get_cropbox()  # what pdfium renders; the MediaBox where there is no CropBox
    trim_left, trim_bottom, trim_right, trim_top = page.get_trimbox()
    crop = (trim_left - left, trim_bottom - bottom, right - trim_right, top - trim_top)
    image = page.render(scale=_DPI / 72, crop=crop).to_pil().convert("RGB")
    return _Thumbnail(image, trim_right - trim_left, trim_top - trim_bottom)


def _header(canvas: Canvas, caption: str, notice: str, bold: str, regular: str) -> None:
    width, height = SHEET
    usable = width - 2 * _MARGIN
    # A long caption is set smaller rather than run off the sheet.
    width_at_11 = stringWidth(caption, bold, 11)
    canvas.setFont(bold, 11 if width_at_11 <= usable else 11 * usable / width_at_11)
    canvas.setFillGray(0)
    canvas.drawString(_MARGIN, height - _MARGIN - 11, caption)
    canvas.setFont(regular, 8.5)
    canvas.setFillGray(_TEXT_GREY)
    canvas.drawString(_MARGIN, height - _MARGIN - 25, notice)
    canvas.setStrokeGray(_BORDER_GREY)
    canvas.setLineWidth(0.5)
    rule = height - _MARGIN - _HEADER + 8
    canvas.line(_MARGIN, rule, width - _MARGIN, rule)


def _cell(index: int, columns: int, rows: int) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the index-th grid cell, filled left to right, top to bottom."""
    width, height = SHEET
    cell_width = (width - 2 * _MARGIN) / columns
    cell_height = (height - 2 * _MARGIN - _HEADER) / rows
    column, row = index % columns, index // columns
    return _MARGIN + column * cell_width, _MARGIN + (rows - 1 - row) * cell_height, cell_width, cell_height


def _place(canvas: Canvas, thumbnail: _Thumbnail, number: int, cell: tuple[float, float, float, float],
           font: str) -> None:
    """The thumbnail as large as its cell allows, centred, its border at the trim, its label under it."""
    x, y, cell_width, cell_height = cell
    room_width, room_height = cell_width - _GUTTER, cell_height - _LABEL - _GUTTER / 2
    scale = min(room_width / thumbnail.trim_width, room_height / thumbnail.trim_height)
    width, height = thumbnail.trim_width * scale, thumbnail.trim_height * scale
    left = x + (cell_width - width) / 2
    bottom = y + _LABEL + (room_height - height) / 2
    canvas.drawImage(ImageReader(_jpeg(thumbnail.image)), left, bottom, width, height)
    canvas.setStrokeGray(_BORDER_GREY)
    canvas.setLineWidth(0.5)
    canvas.rect(left, bottom, width, height)
    canvas.setFont(font, 8.5)
    canvas.setFillGray(_TEXT_GREY)
    label = "Side" if thumbnail.landscape else "Page"
    canvas.drawCentredString(x + cell_width / 2, bottom - 11, f"{label} {number}")


def _jpeg(image: Image.Image) -> io.BytesIO:
    """The image as JPEG, which ReportLab embeds as it is (DCT), far smaller than its Flate pixels."""
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=_JPEG_QUALITY, optimize=True)
    buffer.seek(0)
    return buffer
