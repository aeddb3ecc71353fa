"""Putting finished PDFs together with pypdf: one bilingual file, and printed booklets."""

from __future__ import annotations

import io
from collections.abc import Callable
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

from leaflet.layout.tagging import Tag
from leaflet.pdf.structure import add_structure, print_at_actual_size, read_structure


@dataclass(frozen=True)
class LanguagePart:
    language: str
    name: str  # the language's own name, for the outline and page labels
    pdf: bytes


def merge_languages(parts: list[LanguagePart]) -> bytes:
    """Every language one after the other; outline grouped by language, page labels per language.

    The document information of the first part (English) is kept. Where every part is tagged, so
    is the whole: a Part of each language, in its /Lang, holds the part's structure.
    """
    writer = PdfWriter()
    document: Tag | None = Tag("Document")
    for part in parts:
        reader = PdfReader(io.BytesIO(part.pdf))
        start = len(writer.pages)
        structure = read_structure(reader, start)  # the part's Document becomes a Part of the whole
        if structure is None or document is None:
            document = None
        else:
            structure.role, structure.parent = "Part", document
            structure.lang = str(reader.trailer["/Root"].get("/Lang", part.language))
            document.kids.append(structure)
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
    merged = _write(writer)
    return merged if document is None else add_structure(merged, document)


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


def booklet_pages(text: bytes, filler: bytes, back_cover: bytes | None) -> bytes:
    """A saddle-stitched booklet's pages in reading order, a multiple of 4: the text, lined notes
    pages, then the back cover (contacts) where there is one; without one, the notes pages come
    last. Every page of the text keeps its side of the spread (and its number the outer edge);
    never a blank page. The text's outline, document information and language are kept."""
    writer = PdfWriter(clone_from=io.BytesIO(text))
    notes = (-(len(writer.pages) + (back_cover is not None))) % 4
    if notes:
        first = writer.add_page(PdfReader(io.BytesIO(filler)).pages[0])
        for _ in range(notes - 1):
            _twin(first, writer)
    if back_cover is not None:
        writer.add_page(PdfReader(io.BytesIO(back_cover)).pages[0])
    return _write(writer)


def add_marks(pages: bytes, marks: bytes) -> bytes:
    """Each print page with its paper's marks (crop marks, slug line) drawn over it, from the
    page of `marks` with the same number, as a form of its own (its fonts stay its own), marked as
    an artifact: no part of a tagged page's content."""
    writer = PdfWriter(clone_from=io.BytesIO(pages))
    for page, paper in zip(writer.pages, PdfReader(io.BytesIO(marks)).pages, strict=True):
        _draw_over(page, {"/Marks": _as_form(paper, writer)}, "/Artifact BMC q /Marks Do Q EMC", writer)
    return _write(writer)


def impose_booklet(pages: bytes, rtl: bool, sheets: bytes | None = None) -> bytes:
    """A booklet's pages two to a sheet side, in saddle-stitch order.

    Without `sheets`, on A4 landscape paper for a desk printer, the pages in its middle. With
    `sheets` (print pages, with bleed: the paper of each side, its marks drawn), each page is
    drawn onto its side clipped to its trim and its bleed on the three outer edges, so the two
    pages meet at the spine.
    """
    reader = PdfReader(io.BytesIO(pages))
    writer = PdfWriter()
    # Each page becomes a form XObject, drawn twice-up on a side: no content is re-parsed.
    forms = [_as_form(page, writer) for page in reader.pages]
    first = reader.pages[0]
    place = _on_paper(first, writer) if sheets is None else _on_sheets(first, sheets, writer)
    for number, (left, right) in enumerate(booklet_order(len(forms), rtl)):
        side, content = place(number)
        _draw_over(side, {"/L": forms[left], "/R": forms[right]}, content, writer)
    writer.add_metadata({key: value for key, value in (reader.metadata or {}).items()})
    _copy_catalog_entries(reader, writer)
    print_at_actual_size(writer._root_object, duplex="/DuplexFlipShortEdge")
    return _write(writer)


def _on_paper(page: PageObject, writer: PdfWriter) -> Callable[[int], tuple[PageObject, str]]:
    """Each side a blank A4 landscape page, with the drawing of two pages in its middle."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    sheet_width, sheet_height = booklet_sheet(2 * width, height)
    # (rounded: a page as tall as the sheet must not be moved by -0.0000)
    x, y = (round((sheet_width - 2 * width) / 2, 4) + 0.0, round((sheet_height - height) / 2, 4) + 0.0)
    content = f"q 1 0 0 1 {x:.4f} {y:.4f} cm /L Do Q q 1 0 0 1 {x + width:.4f} {y:.4f} cm /R Do Q"
    return lambda _number: (writer.add_blank_page(sheet_width, sheet_height), content)


def _on_sheets(page: PageObject, sheets: bytes, writer: PdfWriter) -> Callable[[int], tuple[PageObject, str]]:
    """Each side from the sheets' PDF, with the drawing of two print pages on it: the left page's
    trim at the sheet's trim, the right page's beside it, each clipped to its trim and bleed."""
    sheet_pages = PdfReader(io.BytesIO(sheets)).pages
    trim, bleed = page.trimbox, page.bleedbox
    margin, width, height = float(trim.left), float(trim.width), float(trim.height)
    cut = margin - float(bleed.left)
    clips = (f"{margin - cut:.4f} {margin - cut:.4f} {width + cut:.4f} {height + 2 * cut:.4f} re W n",
             f"{margin + width:.4f} {margin - cut:.4f} {width + cut:.4f} {height + 2 * cut:.4f} re W n")
    content = f"q {clips[0]} /L Do Q q {clips[1]} 1 0 0 1 {width:.4f} 0 cm /R Do Q"
    return lambda number: (writer.add_page(sheet_pages[number]), content)


def _draw_over(page: PageObject, forms: dict[str, IndirectObject], content: str, writer: PdfWriter) -> None:
    """Add `content`, drawing `forms`, after what the page draws already; the page gets resources
    of its own (ReportLab's pages may share theirs)."""
    resources = DictionaryObject(page["/Resources"].items()) if "/Resources" in page else DictionaryObject()
    xobjects = DictionaryObject(resources["/XObject"].items()) if "/XObject" in resources else DictionaryObject()
    xobjects.update({NameObject(name): form for name, form in forms.items()})
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    stream = DecodedStreamObject()
    stream.set_data(content.encode())
    drawn = writer._add_object(stream)
    own = page.raw_get("/Contents") if "/Contents" in page else None
    if own is None:
        page[NameObject("/Contents")] = drawn
    elif isinstance(own.get_object(), ArrayObject):
        page[NameObject("/Contents")] = ArrayObject([*own.get_object(), drawn])
    else:
        page[NameObject("/Contents")] = ArrayObject([own, drawn])


def _twin(page: PageObject, writer: PdfWriter) -> PageObject:
    """Another page with the same content and resources (a page object may stand once in the tree)."""
    twin = PageObject(pdf=writer)
    twin.update({key: value for key, value in page.items() if key not in ("/Parent", "/Annots")})
    return writer.add_page(twin)


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
                _twin(page, writer)  # links only on the first copy (an annotation has one page)
        if len(originals) % 2 and copy < copies - 1:
            last = originals[-1].mediabox
            writer.add_blank_page(float(last.width), float(last.height))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
