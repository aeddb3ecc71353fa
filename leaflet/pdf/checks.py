"""Checks a finished leaflet PDF must pass before it is handed to anyone (pypdf)."""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import DictionaryObject, IndirectObject

from leaflet.pdf.placement import text_placement_problems

SIZE_TOLERANCE = 0.5  # points
CHECKS = ("opens", "page size", "page boxes", "page count", "fonts embedded", "fonts subset", "no .notdef",
          "title", "author", "language", "outline", "colours", "extractable text", "text placement")
_RGB_OPERATOR = re.compile(rb"(?:^|\s)(?:[-+]?[\d.]+\s+){3}(?:rg|RG)(?=\s)")
_PROPERTIES = re.compile(rb"<<.*?>>", re.S)
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]*)>")


@dataclass(frozen=True)
class Expectations:
    """What the PDF of one language and size must show."""

    page_size: tuple[float, float]
    title: str
    author: str
    language: str
    sections: int | None  # top-level outline entries; None where pages were imposed
    extractable: tuple[str, ...]  # texts a reader must be able to copy out
    page_multiple: int = 1  # page count must divide by this (2 for a booklet's sheet sides)
    bleed: float | None = None  # print files: the bleed beyond the trim, in points
    cmyk_only: bool = False  # print files: no RGB colour in any page content
    # Where text may be, as (left, bottom, right, top) in points from the lower-left corner of
    # the page's TrimBox (else MediaBox); every glyph's ink must lie inside one of them, give or
    # take 0.5 pt. Empty: any place will do, but lines must still not overprint each other.
    # None: not looked at here, as in a file merged from pages that were each checked already.
    text_areas: tuple[tuple[float, float, float, float], ...] | None = ()


@dataclass(frozen=True)
class Finding:
    file: str
    check: str
    found: str

    def __str__(self) -> str:
        return f"{self.file}: {self.check}: {self.found}"


def check_pdf(data: bytes, name: str, expected: Expectations) -> list[Finding]:
    """Every failed check, each naming the file, the check and what was found."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=True)
        pages = list(reader.pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        return [Finding(name, "opens", f"cannot be read ({exc})")]
    if not pages:
        return [Finding(name, "opens", "no pages")]
    streams = content_streams(pages)
    problems = [
        *_check_page_sizes(pages, expected.page_size),
        *_check_boxes(pages, expected.bleed),
        *_check_fonts_embedded(pages),
        *_check_notdef(streams),
        *_check_colours(streams, expected.cmyk_only),
        *_check_transparency(pages, expected.cmyk_only),
        *_check_metadata(reader, expected),
        *_check_outline(reader, expected.sections),
        *_check_page_count(pages, expected.page_multiple),
        *_check_text(data, expected.extractable),
        *_check_text_placement(pages, expected.text_areas),
    ]
    return [Finding(name, check, found) for check, found in problems]


def check_pdf_file(path: Path, expected: Expectations) -> list[Finding]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Finding(str(path), "opens", f"cannot be read ({exc.strerror})")]
    return check_pdf(data, str(path), expected)


def _check_page_sizes(pages, size: tuple[float, float]) -> list[tuple[str, str]]:
    """The trimmed size of each page (its TrimBox, or MediaBox where there is none)."""
    wrong = []
    for number, page in enumerate(pages, 1):
        box = page.trimbox if "/TrimBox" in page else page.mediabox
        width, height = float(box.width), float(box.height)
        if abs(width - size[0]) > SIZE_TOLERANCE or abs(height - size[1]) > SIZE_TOLERANCE:
            wrong.append(f"page {number} is {width:.1f} x {height:.1f} pt")
    if not wrong:
        return []
    more = f" (and {len(wrong) - 1} more pages)" if len(wrong) > 1 else ""
    return [("page size", f"{wrong[0]}, expected {size[0]:.1f} x {size[1]:.1f} pt{more}")]


def _check_boxes(pages, bleed: float | None) -> list[tuple[str, str]]:
    """Print files: TrimBox and BleedBox on every page, the bleed all round, inside the MediaBox."""
    if bleed is None:
        return []
    for number, page in enumerate(pages, 1):
        if "/TrimBox" not in page or "/BleedBox" not in page:
            return [("page boxes", f"page {number} has no TrimBox or BleedBox")]
        trim, bleed_box, media = page.trimbox, page.bleedbox, page.mediabox
        margins = [float(trim.left) - float(bleed_box.left), float(trim.bottom) - float(bleed_box.bottom),
                   float(bleed_box.right) - float(trim.right), float(bleed_box.top) - float(trim.top)]
        if any(abs(m - bleed) > SIZE_TOLERANCE for m in margins):
            return [("page boxes", f"page {number} bleeds {min(margins):.1f} pt, expected {bleed:.1f} pt")]
        if (float(bleed_box.left) < float(media.left) or float(bleed_box.bottom) < float(media.bottom)
                or float(bleed_box.right) > float(media.right) or float(bleed_box.top) > float(media.top)):
            return [("page boxes", f"page {number}'s BleedBox reaches outside its MediaBox")]
    return []


def content_streams(pages) -> list[bytes]:
    """The decoded content of every page and of the form XObjects they draw."""
    streams, seen = [], set()

    def visit_resources(resources) -> None:
        for xobject in ((resources or {}).get("/XObject") or {}).values():
            if xobject.idnum in seen:
                continue
            seen.add(xobject.idnum)
            form = xobject.get_object()
            if form.get("/Subtype") == "/Form":
                streams.append(form.get_data())
                inner = form.get("/Resources")
                visit_resources(inner.get_object() if inner is not None else None)

    for page in pages:
        contents = page.get_contents()
        if contents is not None:
            streams.append(contents.get_data())
        resources = page.get("/Resources")
        visit_resources(resources.get_object() if resources is not None else None)
    return streams


def _check_notdef(streams: list[bytes]) -> list[tuple[str, str]]:
    """No text draws code 0, which is .notdef in every subset this project writes."""
    for number, stream in enumerate(streams, 1):
        for match in _HEX_STRING.finditer(_PROPERTIES.sub(b"", stream)):
            digits = re.sub(rb"\s", b"", match.group(1))
            if any(digits[i:i + 2] == b"00" for i in range(0, len(digits), 2)):
                return [("no .notdef", f"content stream {number} draws glyph 0 (.notdef)")]
    return []


def _check_colours(streams: list[bytes], cmyk_only: bool) -> list[tuple[str, str]]:
    if not cmyk_only:
        return []
    rgb = sum(len(_RGB_OPERATOR.findall(stream)) for stream in streams)
    return [("colours", f"{rgb} RGB colour operators, expected CMYK only")] if rgb else []


def _check_transparency(pages, for_print: bool) -> list[tuple[str, str]]:
    """Print files: no soft masks, constant alpha below 1 or blend modes in any graphics state."""
    if not for_print:
        return []
    for number, page in enumerate(pages, 1):
        resources = page.get("/Resources")
        states = (resources.get_object().get("/ExtGState") or {}) if resources is not None else {}
        for state in states.values():
            state = state.get_object()
            alpha = min(float(state.get("/CA", 1)), float(state.get("/ca", 1)))
            if alpha < 1 or state.get("/SMask", "/None") != "/None" or state.get("/BM", "/Normal") != "/Normal":
                return [("colours", f"page {number} uses transparency, which print files must not")]
    return []


def fonts_used(pages) -> list[DictionaryObject]:
    """Every font dictionary the pages use, in the form XObjects they draw too, each once."""
    fonts: list[DictionaryObject] = []
    seen: set[int] = set()

    def visit(resources) -> None:
        resources = resources.get_object() if resources is not None else None
        if resources is None or id(resources) in seen:
            return
        seen.add(id(resources))
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            if id(font) not in seen:
                seen.add(id(font))
                fonts.append(font)
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in pages:
        visit(page.get("/Resources"))
    return fonts


def _is_embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are drawn by the PDF itself
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if isinstance(descriptor, IndirectObject):
        descriptor = descriptor.get_object()
    return descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _check_fonts_embedded(pages) -> list[tuple[str, str]]:
    fonts = {str(font.get("/BaseFont", "(unnamed)")): font for font in fonts_used(pages)}
    missing = sorted(name for name, font in fonts.items() if not _is_embedded(font))
    if missing:
        return [("fonts embedded", f"not embedded: {', '.join(missing)}")]
    if not fonts:
        return [("fonts embedded", "no fonts at all, so no text")]
    whole = sorted(name for name in fonts if not re.fullmatch(r"/[A-Z]{6}\+.+", name))
    if whole:
        return [("fonts subset", f"embedded whole: {', '.join(whole)}")]
    return []


def _check_metadata(reader: PdfReader, expected: Expectations) -> list[tuple[str, str]]:
    info = reader.metadata or {}
    problems = []
    for key, label, wanted in (("/Title", "title", expected.title), ("/Author", "author", expected.author)):
        found = info.get(key)
        if found != wanted:
            problems.append((label, f"found {found!r}, expected {wanted!r}"))
    language = reader.trailer["/Root"].get("/Lang")
    if language is None or not str(language).lower().startswith(expected.language.lower()):
        problems.append(("language", f"found {language!r}, expected {expected.language!r}"))
    return problems


def _check_page_count(pages, multiple: int) -> list[tuple[str, str]]:
    if len(pages) % multiple:
        return [("page count", f"{len(pages)} pages, expected a multiple of {multiple}")]
    return []


def _check_outline(reader: PdfReader, sections: int | None) -> list[tuple[str, str]]:
    if sections is None:
        return []
    entries = [item for item in reader.outline if not isinstance(item, list)]
    if len(entries) != sections:
        return [("outline", f"{len(entries)} entries, expected one per section ({sections})")]
    return []


def _check_text_placement(pages, areas: tuple[tuple[float, float, float, float], ...] | None
                          ) -> list[tuple[str, str]]:
    """Every glyph's ink inside a text area, and no two lines of text overprinting (placement.py)."""
    if areas is None:
        return []
    try:
        problems = text_placement_problems(pages, areas)
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError, struct.error) as exc:
        return [("text placement", f"page text cannot be read ({exc})")]
    return [("text placement", problem) for problem in problems]


def extract_text(data: bytes) -> list[str]:
    """Each page's text as pdfium (Chrome, Edge) copies it, whitespace normalised."""
    document = pdfium.PdfDocument(data)
    try:
        return [_page_text(page) for page in document]
    finally:
        document.close()



def _page_text(page: pdfium.PdfPage) -> str:
    return " ".join(page.get_textpage().get_text_range().split())

def _check_text(data: bytes, texts: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each text found on some page; pages are read first, last, then the rest, until all are found."""
    wanted = {" ".join(text.split()) for text in texts}
    document = pdfium.PdfDocument(data)
    try:
        count = len(document)
        for index in dict.fromkeys([0, count - 1, count - 2, *range(count)]):
            if 0 <= index < count:
                page_text = _page_text(document[index])
                wanted = {text for text in wanted if text not in page_text}
                if not wanted:
                    break
    finally:
        document.close()
    missing = [text for text in texts if " ".join(text.split()) in wanted]
    if missing:
        return [("extractable text", f"not found: {', '.join(repr(t) for t in missing)}")]
    return []
