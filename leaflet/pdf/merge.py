"""Putting finished PDFs together with pypdf: one bilingual file, and printed booklets."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    StreamObject,
)
from reportlab.lib.pagesizes import A4, landscape


@dataclass(frozen=True)
class LanguagePart:
    language: str
    name: str  # the language's own name, for the outline and page labels
    pdf: bytes


def merge_languages(parts: list[LanguagePart]) -> bytes:
    """Every language one after the other; outline grouped by language, page labels per language.

    The document information of the first part (English) is kept.
    """
    writer = PdfWriter()
    for part in parts:
        reader = PdfReader(io.BytesIO(part.pdf))
        start = len(writer.pages)
        for page in reader.pages:
            writer.add_page(page)
        parent = writer.add_outline_item(title=part.name, page_number=start)
        for item in reader.outline:
            if not isinstance(item, list):
                writer.add_outline_item(title=item.title, page_number=start + reader.get_destination_page_number(item),
                                        parent=parent)
        writer.set_page_label(start, len(writer.pages) - 1, style="/D", prefix=f"{part.name} ", start=1)
    first = PdfReader(io.BytesIO(parts[0].pdf))
    writer.add_metadata({key: value for key, value in (first.metadata or {}).items()})
    _copy_catalog_entries(first, writer)
    return _write(writer)


def booklet_order(pages: int, rtl: bool) -> list[tuple[int, int]]:
    """(left, right) page indices of each sheet side, front then back, for saddle stitching.

    A left-to-right booklet's first sheet shows the last page and page 1 on its front, and
    page 2 and the second-to-last on its back. A right-to-left booklet opens from the right,
    so every side is mirrored.
    """
    if pages % 4:
        raise ValueError(f"a booklet needs a multiple of 4 pages, not {pages}")
    sides = []
    for sheet in range(pages // 4):
        front = (pages - 1 - 2 * sheet, 2 * sheet)
        back = (2 * sheet + 1, pages - 2 - 2 * sheet)
        sides += [front, back]
    return [(right, left) for left, right in sides] if rtl else sides


def impose_booklet(pdf: bytes, filler: bytes, back_cover: bytes, rtl: bool) -> bytes:
    """Two A5 pages to an A4 landscape side, in saddle-stitch order.

    A leaflet whose pages are not a multiple of 4 gets a back cover (contacts) as its last
    page, if the cover fits on one page, and lined notes pages before it; without a cover, the
    notes pages come last, so that every page of the leaflet keeps its side of the spread (and
    its number the outer edge). Never blank pages.
    """
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    # Each A5 page becomes a form XObject, drawn twice-up on a side: no content is re-parsed.
    forms = [_as_form(page, writer) for page in reader.pages]
    cover = PdfReader(io.BytesIO(back_cover)).pages
    if len(forms) % 4:
        has_cover = len(cover) == 1
        if has_cover:
            forms.append(_as_form(cover[0], writer))
        filler_form = _as_form(PdfReader(io.BytesIO(filler)).pages[0], writer)
        while len(forms) % 4:
            forms.insert(len(forms) - 1 if has_cover else len(forms), filler_form)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    sheet_width, sheet_height = booklet_sheet(2 * width, height)
    # (rounded: a page as tall as the sheet must not be moved by -0.0000)
    x, y = (round((sheet_width - 2 * width) / 2, 4) + 0.0, round((sheet_height - height) / 2, 4) + 0.0)
    for left, right in booklet_order(len(forms), rtl):
        side = PageObject.create_blank_page(writer, width=sheet_width, height=sheet_height)
        side[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): DictionaryObject({
            NameObject("/L"): forms[left], NameObject("/R"): forms[right]})})
        content = DecodedStreamObject()
        content.set_data(f"q 1 0 0 1 {x:.4f} {y:.4f} cm /L Do Q q 1 0 0 1 {x + width:.4f} {y:.4f} cm /R Do Q".encode())
        side[NameObject("/Contents")] = writer._add_object(content)
        writer.add_page(side)
    writer.add_metadata({key: value for key, value in (reader.metadata or {}).items()})
    _copy_catalog_entries(reader, writer)
    return _write(writer)


def booklet_sheet(width: float, height: float) -> tuple[float, float]:
    """The paper for two pages side by side: A4 landscape where they fit on it (two A5 pages are
    296 mm by 210 mm, and an A4 sheet is 297 mm: the pages sit in its middle), else their own size."""
    a4_width, a4_height = landscape(A4)
    if width <= a4_width + 0.5 and height <= a4_height + 0.5:
        return a4_width, a4_height
    return width, height


def _as_form(page: PageObject, writer: PdfWriter) -> IndirectObject:
    """A page's content as a form XObject in `writer`, its compressed stream copied as it is."""
    contents = page["/Contents"].get_object()
    form = StreamObject()
    form._data = contents._data
    if "/Filter" in contents:
        form[NameObject("/Filter")] = contents["/Filter"].clone(writer)
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(v) for v in page.mediabox]),
        NameObject("/Resources"): page["/Resources"].get_object().clone(writer),
    })
    return writer._add_object(form)


def _copy_catalog_entries(reader: PdfReader, writer: PdfWriter) -> None:
    """Keep the language and the reading direction (an Urdu booklet reads right to left)."""
    for key in ("/Lang", "/ViewerPreferences"):
        value = reader.trailer["/Root"].get(key)
        if value is not None:
            writer._root_object[NameObject(key)] = writer._add_object(value.get_object().clone(writer)) \
                if key == "/ViewerPreferences" else value


def _write(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def repeat_copies(pdf: bytes, copies: int) -> bytes:
    """`copies` of a PDF in one file, each starting on a new sheet when printed on both sides:
    a copy with an odd number of pages is followed by a blank page of its last page's size.
    The copies share fonts and drawings, so the file grows by little more than page objects."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    originals = list(writer.pages)
    for copy in range(copies):
        if copy:
            for page in originals:
                twin = PageObject(pdf=writer)
                # the same content and resources; links only on the first copy (an annotation has one page)
                twin.update({key: value for key, value in page.items() if key not in ("/Parent", "/Annots")})
                writer.add_page(twin)
        if len(originals) % 2 and copy < copies - 1:
            last = originals[-1].mediabox
            writer.add_blank_page(float(last.width), float(last.height))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
